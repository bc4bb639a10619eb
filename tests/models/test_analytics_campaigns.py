"""Coupon figures and campaign results against hand-computed numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.campaign_spec import CampaignSpec
from desktop.models.coupon_issue import record_holdouts
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.analytics_helpers import local, rebuild_from_scratch, rollup_snapshot
from tests.models.conftest import FakeClock

MON = dt.date(2026, 3, 2)  # 2026-W10


def enrol(desk: Desk, n: int) -> int:
    return desk.enrol_member(
        name=f"会员{n}",
        phone=f"1370000{n:04d}",
        by=None,
        membership_consent=True,
        marketing_consent=True,
    )


def five_off(desk: Desk, owner: Actor, name: str = "立减5元", **extra: object) -> int:
    spec = CampaignSpec(name=name, kind="amount_off", value_fen=500, valid_days=30, **extra)  # type: ignore[arg-type]
    return desk.create_campaign(spec, by=owner)


def test_weekly_coupons_leave_voided_ones_out_of_the_redemption_rate(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    local(clock, MON)
    a, b, c = (enrol(desk, i) for i in range(3))
    campaign = five_off(desk, owner)
    coupons = {m: desk.issue_coupon(campaign, member_id=m, by=owner) for m in (a, b, c)}
    desk.void_coupon(coupons[c].id, by=owner, reason="wrong member")
    local(clock, MON + dt.timedelta(days=8))  # W11
    desk.record_sale(amount_fen=2000, member_id=a, by=None, coupon_id=coupons[a].id)
    w10, w11 = desk.weekly_figures(MON, MON + dt.timedelta(days=8))
    assert (w10.coupons_issued, w10.coupons_redeemed) == (2, 0)
    (line,) = w10.campaigns
    assert (line.name, line.issued, line.issued_redeemed, line.redemption_rate) == (
        "立减5元",
        2,
        1,
        0.5,
    )
    assert (w11.coupons_issued, w11.coupons_redeemed) == (0, 1)
    (result,) = desk.campaign_results()
    assert (result.issued, result.voided, result.redeemed, result.redemption_rate) == (2, 1, 1, 0.5)
    assert (result.redeemer_sale_count, result.redeemer_sales_fen, result.discount_fen) == (
        1,
        2000,
        500,
    )
    dashboard = desk.dashboard("4w")
    assert [(r.name, r.redemption_rate) for r in dashboard.campaigns] == [("立减5元", 0.5)]
    snapshot = rollup_snapshot(desk)
    rebuild_from_scratch(desk)
    assert rollup_snapshot(desk) == snapshot


def test_refund_gives_the_coupon_back_and_the_figures_follow(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    local(clock, MON)
    a = enrol(desk, 1)
    campaign = five_off(desk, owner)
    coupon = desk.issue_coupon(campaign, member_id=a, by=owner)
    sale = desk.record_sale(amount_fen=2000, member_id=a, by=None, coupon_id=coupon.id)
    assert desk.weekly_figures(MON, MON)[0].coupons_redeemed == 1
    desk.refund_sale(sale_id=sale.sale_id, by=owner)
    week = desk.weekly_figures(MON, MON)[0]
    assert (week.coupons_issued, week.coupons_redeemed, week.member_sales_fen) == (1, 0, 0)


def _group(desk: Desk, start: int, count: int) -> list[int]:
    return [enrol(desk, start + i) for i in range(count)]


def test_uplift_against_the_holdout_with_a_confidence_interval(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    local(clock, MON)
    treated, control = _group(desk, 0, 40), _group(desk, 100, 40)
    campaign = five_off(desk, owner)
    for m in treated:
        desk.issue_coupon(campaign, member_id=m, by=owner)
    with desk.db.write() as s:
        record_holdouts(s, campaign_id=campaign, member_ids=control, now=clock())
    local(clock, MON + dt.timedelta(days=3))
    for m in treated[:30] + control[:5]:
        desk.record_sale(amount_fen=1000, member_id=m, by=None)
    local(clock, MON + dt.timedelta(days=40))  # after the 30 days: not counted
    for m in control[5:]:
        desk.record_sale(amount_fen=1000, member_id=m, by=None)
    up = desk.campaign_results(campaign)[0].uplift
    assert (up.treated, up.treated_buyers, up.control, up.control_buyers) == (40, 30, 40, 5)
    assert (up.treated_rate, up.control_rate) == (0.75, 0.125)
    assert up.uplift == pytest.approx(0.625)
    se = (0.75 * 0.25 / 40 + 0.125 * 0.875 / 40) ** 0.5  # 0.08615
    assert up.ci_low == pytest.approx(0.625 - 1.959964 * se)
    assert up.ci_high == pytest.approx(0.625 + 1.959964 * se)
    assert (up.treated_sales_fen, up.control_sales_fen, up.spend_uplift_fen) == (30000, 5000, 625)
    assert up.verdict == "positive"


def test_small_groups_are_too_small_to_tell(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    local(clock, MON)
    treated, control = _group(desk, 0, 6), _group(desk, 100, 6)
    campaign = five_off(desk, owner)
    for m in treated:
        desk.issue_coupon(campaign, member_id=m, by=owner)
    with desk.db.write() as s:
        record_holdouts(s, campaign_id=campaign, member_ids=control, now=clock())
    for m in treated[:5]:
        desk.record_sale(amount_fen=1000, member_id=m, by=None)
    up = desk.campaign_results(campaign)[0].uplift
    assert (up.treated, up.control, up.verdict) == (6, 6, "too_small")
    assert desk.campaign_results(five_off(desk, owner, name="无对照"))[0].uplift.verdict == (
        "no_holdout"
    )


def test_acquisition_cost_of_a_bearer_campaign(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    local(clock, MON)
    desk.set_setting("coupon_print_cost_fen", 20, by=owner)
    campaign = five_off(desk, owner, name="街头派券")
    _, printed = desk.issue_bearer_batch(campaign, count=10, by=owner)
    newcomer = enrol(desk, 1)
    desk.record_sale(amount_fen=3000, member_id=newcomer, by=None, coupon_id=printed[0].id)
    (result,) = desk.campaign_results(campaign)
    assert (result.bearer_printed, result.acquired_members, result.print_cost_fen) == (10, 1, 200)
    assert result.acquisition_cost_fen == 10 * 20 + 500
    assert desk.campaign_results(campaign, print_cost_fen=0)[0].acquisition_cost_fen == 500
