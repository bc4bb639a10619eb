"""Weekly figures against hand-computed numbers (DESIGN §10), in the shop's time zone.

The shop: Asia/Shanghai, 1 point per yuan, 5 points per check-in, a point is worth 1 fen.
Week 2026-W10 is Mon 2 March … Sun 8 March; W11 is 9 … 15 March.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.analytics_helpers import local, rebuild_from_scratch, rollup_snapshot
from tests.models.conftest import FakeClock

MON = dt.date(2026, 3, 2)


def day(offset: int) -> dt.date:
    return MON + dt.timedelta(days=offset)


@pytest.fixture
def shop(desk: Desk, owner: Actor, clock: FakeClock) -> dict[str, int]:
    """Two weeks of a small shop (see the module docstring for the rule)."""
    desk.update_rule(by=owner, checkin_points=5)
    local(clock, day(0), 10)
    a = desk.enrol_member(name="张三", phone="13800000001", by=None, membership_consent=True)
    b = desk.enrol_member(name="李四", phone="13800000002", by=None, membership_consent=True)
    desk.record_sale(amount_fen=1000, member_id=a, by=None)  # +10
    desk.check_in(member_id=a, by=None)  # +5, same visit day
    desk.check_in(member_id=b, by=None)  # +5
    local(clock, day(1), 12)
    desk.record_sale(amount_fen=2500, member_id=a, by=None)  # +25
    local(clock, day(2), 12)
    desk.record_sale(amount_fen=800, member_id=None, by=None)  # walk-in
    local(clock, day(6), 23, 30)  # Sunday 23:30 in the shop, 15:30 UTC
    desk.record_sale(amount_fen=5000, member_id=b, by=None)  # +50
    local(clock, day(7), 0, 30)  # Monday 00:30 in the shop, still Sunday in UTC
    desk.record_sale(amount_fen=1200, member_id=a, by=None, redeem_points=10)  # -10, +11
    local(clock, day(9), 10)
    c = desk.enrol_member(name="王五", phone="13800000003", by=None, membership_consent=True)
    sale = desk.record_sale(amount_fen=3000, member_id=c, by=None)  # +30
    desk.refund_sale(sale_id=sale.sale_id, by=owner)  # -30, the sale no longer counts
    desk.check_in(member_id=b, by=None)  # +5
    return {"a": a, "b": b, "c": c}


def test_first_week_counts_visits_members_sales_and_points(
    desk: Desk, shop: dict[str, int]
) -> None:
    w10 = desk.weekly_figures(day(0), day(6))[0]
    assert w10.week == "2026-W10"
    assert (w10.start, w10.end) == (day(0), day(6))
    # (A, Mon) counts once for a sale and a check-in; (B, Mon), (A, Tue), (B, Sun 23:30).
    assert (w10.visits, w10.visits_new, w10.visits_returning) == (4, 4, 0)
    assert (w10.new_members, w10.active_members, w10.returning_members) == (2, 2, 0)
    assert (w10.member_sales_fen, w10.member_sale_count) == (8500, 3)
    assert w10.avg_ticket_fen == 2833  # 8500 / 3 = 2833.33
    assert (w10.sales_fen, w10.sale_count) == (9300, 4)  # with the walk-in
    assert (w10.points_issued, w10.points_redeemed, w10.points_expired) == (95, 0, 0)
    assert (w10.points_liability, w10.liability_fen) == (95, 95)


def test_second_week_leaves_refunds_out_and_splits_new_from_returning(
    desk: Desk, shop: dict[str, int]
) -> None:
    w11 = desk.weekly_figures(day(7), day(13))[0]
    assert w11.week == "2026-W11"
    # (A, Mon 00:30 local), (C, Wed, refunded sale: still a visit), (B, Wed check-in).
    assert (w11.visits, w11.visits_new, w11.visits_returning) == (3, 1, 2)
    assert (w11.new_members, w11.active_members, w11.returning_members) == (1, 3, 2)
    assert (w11.member_sales_fen, w11.member_sale_count, w11.avg_ticket_fen) == (1200, 1, 1200)
    # issued: 11 earned + 30 earned (reversed later, still issued) + 5 check-in
    assert (w11.points_issued, w11.points_redeemed) == (46, 10)
    assert w11.points_liability == 95 + 11 - 10 + 30 - 30 + 5


def test_repeat_rate_counts_purchase_days_in_the_30_days_to_sunday(
    desk: Desk, shop: dict[str, int]
) -> None:
    w10, w11 = desk.weekly_figures(day(0), day(13))
    # W10: A bought Mon and Tue (2 days), B on Sunday (1): 1 of 2 bought twice.
    assert (w10.buyers_30d, w10.repeaters_30d, w10.repeat_rate_30d) == (2, 1, 0.5)
    # W11: C's only sale was refunded, so C is not a buyer.
    assert (w11.buyers_30d, w11.repeaters_30d, w11.repeat_rate_30d) == (2, 1, 0.5)
    assert (w11.buyers_90d, w11.repeaters_90d) == (2, 1)


def test_a_week_without_activity_keeps_liability_and_has_no_average(
    desk: Desk, shop: dict[str, int]
) -> None:
    w12 = desk.weekly_figures(day(14), day(14))[0]
    assert (w12.visits, w12.member_sale_count, w12.avg_ticket_fen) == (0, 0, None)
    assert w12.points_liability == 101
    assert w12.repeat_rate_30d == 0.5  # the window still holds A's and B's days


def test_weeks_cover_the_whole_iso_weeks_of_the_range(desk: Desk, shop: dict[str, int]) -> None:
    weeks = desk.weekly_figures(day(3), day(8))  # Thursday of W10 … Tuesday of W11
    assert [w.week for w in weeks] == ["2026-W10", "2026-W11"]
    assert desk.weekly_figures(day(8), day(3)) == []


def test_repeat_window_is_30_days_ending_on_sunday_inclusive(desk: Desk, clock: FakeClock) -> None:
    sunday = dt.date(2026, 4, 5)  # W14
    e = desk.enrol_member(name="赵六", phone="13800000004", by=None, membership_consent=True)
    f = desk.enrol_member(name="钱七", phone="13800000005", by=None, membership_consent=True)
    local(clock, sunday - dt.timedelta(days=30))  # Friday 6 March: just outside
    desk.record_sale(amount_fen=100, member_id=f, by=None)
    local(clock, sunday - dt.timedelta(days=29))  # Saturday 7 March: the window's first day
    desk.record_sale(amount_fen=100, member_id=e, by=None)
    local(clock, sunday, 22)
    desk.record_sale(amount_fen=100, member_id=e, by=None)
    desk.record_sale(amount_fen=100, member_id=f, by=None)
    w10, w14 = (desk.weekly_figures(d, d)[0] for d in (dt.date(2026, 3, 8), sunday))
    assert (w10.buyers_30d, w10.repeaters_30d) == (2, 0)
    assert (w14.buyers_30d, w14.repeaters_30d, w14.repeat_rate_30d) == (2, 1, 0.5)
    assert (w14.buyers_90d, w14.repeaters_90d, w14.repeat_rate_90d) == (2, 2, 1.0)
    # 90 days to Sunday 7 June start on 10 March: only the April purchases are left.
    w23 = desk.weekly_figures(dt.date(2026, 6, 7), dt.date(2026, 6, 7))[0]
    assert (w23.buyers_30d, w23.buyers_90d, w23.repeaters_90d) == (0, 2, 0)


def test_expired_points_leave_the_liability(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    desk.update_rule(by=owner, expiry_months=1)
    a = desk.enrol_member(name="张三", phone="13800000001", by=None, membership_consent=True)
    local(clock, MON)
    desk.record_sale(amount_fen=1000, member_id=a, by=None)  # 10 points, last day 2 April
    local(clock, dt.date(2026, 4, 3), 1)
    desk.expire_due_points()
    w14 = desk.weekly_figures(dt.date(2026, 4, 3), dt.date(2026, 4, 3))[0]
    assert (w14.points_expired, w14.points_liability) == (10, 0)


def test_iso_week_names_at_the_turn_of_the_year(desk: Desk, clock: FakeClock) -> None:
    names = [w.week for w in desk.weekly_figures(dt.date(2026, 12, 28), dt.date(2027, 1, 11))]
    assert names == ["2026-W53", "2027-W01", "2027-W02"]


def test_later_writes_update_earlier_days_incrementally(
    desk: Desk, owner: Actor, clock: FakeClock, shop: dict[str, int]
) -> None:
    desk.refresh_analytics()
    # A refund of last week's sale, a backdated enrolment date and a new visit, then refresh.
    sale = desk.recent_sales(member_id=shop["b"], limit=1)[0]
    local(clock, day(16))
    desk.refund_sale(sale_id=sale.id, by=owner)
    desk.check_in(member_id=shop["c"], by=None)
    from sqlalchemy import text

    with desk.db.write() as s:
        s.execute(
            text("UPDATE member SET enrolled_day = :d WHERE id = :m"),
            {"d": day(-7), "m": shop["b"]},
        )
    w10 = desk.weekly_figures(day(0), day(6))[0]
    assert w10.member_sales_fen == 3500  # B's Sunday sale refunded
    assert (w10.new_members, w10.visits_new, w10.returning_members) == (1, 2, 1)
    incremental = rollup_snapshot(desk)
    rebuild_from_scratch(desk)
    assert rollup_snapshot(desk) == incremental


def test_nothing_to_do_when_nothing_changed(desk: Desk, shop: dict[str, int]) -> None:
    assert desk.refresh_analytics().changed
    again = desk.refresh_analytics()
    assert not again.changed
    assert again.from_day is None
