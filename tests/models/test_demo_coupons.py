"""The demo shop's campaigns and coupons: replayed through the real rules, the same for the same
seed, and the counter's invariants still hold with coupons on the bills."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.models import demo, demo_coupons
from desktop.models.clock import local_day
from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.models.tables import AuditRecord, Coupon, Member, PointsEntry, Refund, Sale

NOW = dt.datetime(2026, 3, 2, 6, 30)  # 14:30 in Shanghai
TODAY = dt.date(2026, 3, 2)
SEED, MEMBERS, DAYS = 9, 150, 120
WELCOME, STAMPS, FLYER, DOUBLE, WINBACK = (
    "新会员立减10元",
    "集满10次送一杯",
    "开业传单 满50减15",
    "双倍积分周",
    "老客回归券",
)


def _plan(seed: int = SEED) -> demo.DemoPlan:
    return demo.plan_demo(seed=seed, members=MEMBERS, days=DAYS, now=NOW)


def _build(path: Path) -> demo.DemoResult:
    db = open_database(path)
    try:
        return demo.build_demo(db, _plan())
    finally:
        db.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo.DemoResult]:
    path = tmp_path_factory.mktemp("demo") / "shop.sqlite"
    return path, _build(path)


@pytest.fixture
def desk(built: tuple[Path, demo.DemoResult]) -> Iterator[Desk]:
    db = open_database(built[0])
    yield Desk(db, clock=lambda: NOW)
    db.close()


@pytest.fixture
def result(built: tuple[Path, demo.DemoResult]) -> demo.DemoResult:
    return built[1]


def _count(desk: Desk, sql: str) -> int:
    with desk.db.read() as s:
        return int(s.execute(text(sql)).scalar_one())


# -- the plan -------------------------------------------------------------------------------


def test_the_plan_holds_the_owners_campaign_calendar() -> None:
    plan = _plan()
    assert plan == _plan()
    steps = [op for op in plan.ops if isinstance(op, demo_coupons.OwnerStep)]
    assert [s.action for s in steps] == [demo_coupons.END_FLYER, demo_coupons.WINBACK]
    winback = steps[1].at
    assert local_day(winback, demo.TIMEZONE) == TODAY - dt.timedelta(days=42)
    comebacks = [op for op in plan.ops if isinstance(op, demo_coupons.Comeback)]
    assert comebacks
    assert all(winback < op.at < NOW for op in comebacks)
    assert all(op.amount_fen >= demo_coupons.WINBACK_MIN_SPEND_FEN for op in comebacks)
    first_day = local_day(plan.set_up_at, demo.TIMEZONE)
    assert first_day < plan.double_points_from < TODAY - dt.timedelta(days=7)


def test_a_short_demo_has_no_win_back_and_a_past_double_points_week() -> None:
    plan = demo.plan_demo(seed=1, members=20, days=30, now=NOW)
    extra = demo_coupons.OwnerStep | demo_coupons.Comeback
    assert not any(isinstance(op, extra) for op in plan.ops)
    assert plan.double_points_from + dt.timedelta(days=6) < TODAY
    assert demo.plan_demo(seed=1, members=3, days=0, now=NOW).double_points_from == TODAY


# -- the built shop -------------------------------------------------------------------------


def test_the_demo_runs_the_campaigns_a_cafe_would(desk: Desk, result: demo.DemoResult) -> None:
    by_name = {c.name: c for c in desk.campaign_summaries()}
    assert set(by_name) == {WELCOME, STAMPS, FLYER, DOUBLE, WINBACK}
    assert result.campaigns == 5
    assert {c.state for n, c in by_name.items() if n != FLYER} == {"active"}
    assert by_name[FLYER].state == "ended"
    assert result.coupons_issued == sum(c.issued for c in by_name.values()) > 0
    assert result.coupons_redeemed == sum(c.redeemed for c in by_name.values()) > 0
    assert result.coupons_used == result.coupons_redeemed
    assert result.coupons_redeemed == _count(
        desk, "SELECT count(*) FROM sale s JOIN coupon c ON c.redeemed_sale_id = s.id"
    )
    assert desk.verify_audit().ok


def test_welcome_and_stamp_card_rules_fired_at_the_counter(
    desk: Desk, result: demo.DemoResult
) -> None:
    by_name = {c.name: c for c in desk.campaign_summaries()}
    welcome, stamps = by_name[WELCOME], by_name[STAMPS]
    assert welcome.issued == result.members  # the welcome rule fired at every enrolment
    assert welcome.redeemed > 0
    assert stamps.issued > 0
    assert stamps.redeemed > 0
    with desk.db.read() as s:
        member_ids = list(s.execute(select(Member.id)).scalars())
    cards = [desk.member_card(m) for m in member_ids]
    have = [card.stamps[0].have for card in cards if card.stamps]
    assert len(have) == len(member_ids)  # the stamp card runs for everyone
    assert any(0 < n < 10 for n in have)  # someone is part-way to the next free cup
    assert all(card.stamps[0].need == 10 for card in cards)
    assert any(card.usable_coupons > 0 for card in cards)


def test_flyers_brought_in_new_members_and_walk_ins(desk: Desk) -> None:
    flyer = next(r for r in desk.campaign_results() if r.name == FLYER)
    assert flyer.bearer_printed == demo_coupons.FLYERS
    assert flyer.voided == demo_coupons.SPOILED_FLYERS
    assert flyer.acquired_members > 0
    assert flyer.acquisition_cost_fen is not None
    assert flyer.acquisition_cost_fen > 0
    walk_ins = _count(
        desk,
        "SELECT count(*) FROM sale s JOIN coupon c ON c.id = s.coupon_id"
        " WHERE s.member_id IS NULL AND c.member_id IS NULL",
    )
    assert walk_ins > 0
    with desk.db.read() as s:
        voids = s.execute(select(AuditRecord.details).where(AuditRecord.action == "coupon.voided"))
        reasons = [json.loads(d)["reason"] for d in voids.scalars()]
    assert len(reasons) == demo_coupons.SPOILED_FLYERS
    assert all("传单印刷模糊" in r for r in reasons)


def test_the_win_back_went_to_a_segment_with_a_holdout(desk: Desk) -> None:
    winback = next(r for r in desk.campaign_results() if r.name == WINBACK)
    held = _count(desk, "SELECT count(*) FROM coupon_holdout")
    assert winback.issued > 0
    assert winback.redeemed > 0
    assert winback.uplift.treated == winback.issued
    assert winback.uplift.control == held > 0
    assert winback.uplift.treated_rate is not None
    assert winback.uplift.control_rate is not None
    with desk.db.read() as s:
        issued_at = s.execute(
            select(func.min(Coupon.issued_at)).where(Coupon.source == "segment")
        ).scalar_one()
    assert local_day(issued_at, demo.TIMEZONE) == TODAY - dt.timedelta(days=42)


def test_the_double_points_week_doubled_member_sales(desk: Desk) -> None:
    double = next(c for c in desk.campaign_summaries() if c.name == DOUBLE)
    with desk.db.read() as s:
        spec = desk.campaign(double.id).spec
        doubled = s.execute(
            select(Sale.local_day, Sale.multiplier_tenths).where(
                Sale.multiplier_campaign_id == double.id
            )
        ).all()
        members_in_week = s.execute(
            select(func.count())
            .select_from(Sale)
            .where(
                Sale.member_id.is_not(None),
                Sale.local_day.between(spec.valid_from, spec.valid_to),
            )
        ).scalar_one()
    assert spec.valid_to is not None
    assert spec.valid_to < TODAY
    assert len(doubled) == members_in_week > 0
    assert all(tenths == 20 for _, tenths in doubled)


def test_coupon_bills_add_up_and_refunds_gave_their_coupons_back(desk: Desk) -> None:
    with desk.db.read() as s:
        rows = s.execute(
            select(Sale, Coupon)
            .join(Coupon, Coupon.id == Sale.coupon_id)
            .outerjoin(Refund, Refund.sale_id == Sale.id)
            .add_columns(Refund.id)
        ).all()
        for sale, coupon, refund_id in rows:
            assert sale.paid_fen == sale.amount_fen - sale.coupon_discount_fen
            assert sale.discount_fen == 0  # points are not redeemed on a coupon bill
            if coupon.kind == "gift":
                assert sale.coupon_discount_fen == 0
            else:
                assert sale.coupon_discount_fen == coupon.value_fen
                assert sale.amount_fen >= coupon.min_spend_fen
            if refund_id is not None:  # given back, usable again (or used again since)
                assert coupon.redeemed_sale_id != sale.id
    refunded = sum(1 for *_, refund_id in rows if refund_id is not None)
    assert refunded > 0
    assert refunded == _count(desk, "SELECT count(*) FROM event WHERE kind = 'coupon.restored'")


def test_balances_still_come_from_the_ledger(desk: Desk) -> None:
    with desk.db.read() as s:
        wrong = s.execute(
            text(
                "SELECT m.id FROM member m WHERE"
                " (SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE member_id = m.id) !="
                " (SELECT COALESCE(SUM(e.points - COALESCE((SELECT SUM(a.points)"
                "  FROM points_allocation a WHERE a.lot_id = e.id), 0)), 0) FROM points_entry e"
                "  WHERE e.member_id = m.id AND e.points > 0 AND e.expires_on IS NOT NULL)"
                " - (SELECT COALESCE(SUM(-e.points - COALESCE((SELECT SUM(a.points)"
                "  FROM points_allocation a WHERE a.entry_id = e.id), 0)), 0) FROM points_entry e"
                "  WHERE e.member_id = m.id AND e.points < 0)"
            )
        ).all()
        negative = s.execute(
            select(PointsEntry.member_id)
            .group_by(PointsEntry.member_id)
            .having(func.sum(PointsEntry.points) < 0)
        ).all()
    assert wrong == []
    assert negative == []


def test_the_same_seed_gives_the_same_coupon_history(
    built: tuple[Path, demo.DemoResult], tmp_path: Path
) -> None:
    def numbers(path: Path) -> tuple[object, ...]:
        db = open_database(path)
        try:
            with db.read() as s:
                per_campaign = s.execute(
                    text(
                        "SELECT campaign_id, state, source, count(*), sum(value_fen)"
                        " FROM coupon GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
                    )
                ).all()
                totals = s.execute(
                    select(
                        func.count(),
                        func.sum(Sale.paid_fen),
                        func.sum(Sale.coupon_discount_fen),
                        func.sum(Sale.discount_fen),
                    )
                ).one()
                held = s.execute(text("SELECT count(*) FROM coupon_holdout")).scalar_one()
                points = s.execute(select(func.sum(PointsEntry.points))).scalar_one()
            return tuple(per_campaign), tuple(totals), held, points
        finally:
            db.close()

    path, first = built
    again = _build(tmp_path / "again.sqlite")
    assert again == first
    assert numbers(tmp_path / "again.sqlite") == numbers(path)
