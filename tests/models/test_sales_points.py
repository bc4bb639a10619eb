"""Earning, redeeming, expiry and refunds, as the counter sees them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.models.tables import Event, PointsEntry
from tests.models.conftest import FakeClock


def test_sale_earns_one_point_per_yuan_by_default(desk: Desk, member_id: int) -> None:
    result = desk.record_sale(amount_fen=2_350, member_id=member_id, by=None)
    assert result.points_earned == 23
    assert desk.member_card(member_id).balance == 23


def test_entry_records_the_rule_version_in_force(desk: Desk, member_id: int, owner: Actor) -> None:
    desk.record_sale(amount_fen=1_000, member_id=member_id, by=None)
    desk.update_rule(by=owner, fen_per_point=50)  # now 2 points per yuan
    result = desk.record_sale(amount_fen=1_000, member_id=member_id, by=None)
    assert result.points_earned == 20
    with desk.db.read() as s:
        versions = (
            s.execute(
                select(PointsEntry.rule_version)
                .where(PointsEntry.kind == "earn")
                .order_by(PointsEntry.id)
            )
            .scalars()
            .all()
        )
    assert versions == [1, 2]


def test_gold_tier_multiplies_points(desk: Desk, member_id: int, owner: Actor) -> None:
    desk.update_rule(
        by=owner, gold_threshold_fen=50_000, silver_threshold_fen=10_000, earn_pin_limit=100_000
    )
    desk.record_sale(amount_fen=50_000, member_id=member_id, by=None)
    assert desk.member_card(member_id).tier == 2
    result = desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)
    assert result.points_earned == 150  # 100 points x 150 %


def test_sale_without_member_earns_nothing(desk: Desk) -> None:
    result = desk.record_sale(amount_fen=999, member_id=None, by=None)
    assert (result.points_earned, result.balance) == (0, None)


@pytest.mark.parametrize("amount", [0, -100, 10**12])
def test_bad_amounts_are_refused_and_nothing_is_written(
    desk: Desk, member_id: int, amount: int
) -> None:
    with pytest.raises(DomainError) as err:
        desk.record_sale(amount_fen=amount, member_id=member_id, by=None)
    assert err.value.code in {"amount_invalid", "amount_too_large"}
    assert desk.recent_sales() == []


def test_large_earn_needs_the_owner_and_is_audited(
    desk: Desk, member_id: int, owner: Actor
) -> None:
    with pytest.raises(DomainError) as err:
        desk.record_sale(amount_fen=500_000, member_id=member_id, by=None)
    assert err.value.code == "owner_pin_required"
    assert err.value.params["points"] == 5_000
    result = desk.record_sale(amount_fen=500_000, member_id=member_id, by=None, owner=owner)
    assert result.points_earned == 5_000
    assert desk.recent_audit()[0].action == "points.large_earn_approved"


def test_redeem_gives_a_discount_and_earns_on_the_rest(desk: Desk, member_id: int) -> None:
    desk.record_sale(amount_fen=100_000, member_id=member_id, by=None)  # 1000 points
    result = desk.record_sale(amount_fen=5_000, member_id=member_id, by=None, redeem_points=500)
    assert (result.discount_fen, result.paid_fen, result.points_earned) == (500, 4_500, 45)
    assert result.balance == 1_000 - 500 + 45


def test_redeem_never_goes_below_zero(desk: Desk, member_id: int) -> None:
    desk.record_sale(amount_fen=1_000, member_id=member_id, by=None)
    with pytest.raises(DomainError) as err:
        desk.record_sale(amount_fen=5_000, member_id=member_id, by=None, redeem_points=11)
    assert err.value.code == "insufficient_points"
    assert err.value.params == {"balance": 10, "needed": 11}
    assert desk.member_card(member_id).balance == 10


def test_discount_cannot_exceed_the_amount(desk: Desk, member_id: int) -> None:
    desk.record_sale(amount_fen=100_000, member_id=member_id, by=None)
    with pytest.raises(DomainError) as err:
        desk.record_sale(amount_fen=100, member_id=member_id, by=None, redeem_points=101)
    assert err.value.code == "redeem_exceeds_amount"


def test_redeem_takes_oldest_expiring_points_first(
    desk: Desk, member_id: int, owner: Actor, clock: FakeClock
) -> None:
    desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)  # 100, expires in 12 m
    desk.update_rule(by=owner, expiry_months=3)
    desk.record_sale(amount_fen=5_000, member_id=member_id, by=None)  # 50, expires in 3 m
    desk.update_rule(by=owner, expiry_months=12)
    desk.record_sale(amount_fen=6_000, member_id=member_id, by=None, redeem_points=60)
    # The 3-month lot (50) went first, then 10 from the 12-month lot; 59 new points earned.
    clock.advance(days=100)  # past the 3-month expiry
    assert desk.expire_due_points() == 0  # nothing was left in the short lot
    assert desk.member_card(member_id).balance == 100 - 10 + 59


def test_points_expire_by_lot_and_sweep_is_idempotent(
    desk: Desk, member_id: int, clock: FakeClock
) -> None:
    desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)
    clock.advance(days=200)
    desk.record_sale(amount_fen=3_000, member_id=member_id, by=None)
    card = desk.member_card(member_id)
    assert card.balance == 130
    clock.advance(days=170)  # first lot is past its 12 months, second is not
    assert desk.member_card(member_id).balance == 30  # shown right even before the sweep
    assert desk.expire_due_points() == 1
    assert desk.expire_due_points() == 0
    assert desk.member_card(member_id).balance == 30


def test_card_warns_of_points_expiring_soon(desk: Desk, member_id: int, clock: FakeClock) -> None:
    desk.record_sale(amount_fen=4_200, member_id=member_id, by=None)
    clock.advance(days=350)
    card = desk.member_card(member_id)
    assert card.expiring_points == 42
    assert card.expiring_on == dt.date(2027, 3, 2)


def test_refund_reverses_points_exactly_once(desk: Desk, member_id: int, owner: Actor) -> None:
    desk.record_sale(amount_fen=20_000, member_id=member_id, by=None)
    sale = desk.record_sale(amount_fen=5_000, member_id=member_id, by=None, redeem_points=100)
    before = desk.member_card(member_id).balance  # 200 - 100 + 49
    refund = desk.refund_sale(sale_id=sale.sale_id, by=owner)
    assert (refund.points_taken_back, refund.points_returned) == (49, 100)
    assert desk.member_card(member_id).balance == before - 49 + 100 == 200
    with pytest.raises(DomainError) as err:
        desk.refund_sale(sale_id=sale.sale_id, by=owner)
    assert err.value.code == "already_refunded"
    assert desk.member_card(member_id).balance == 200
    assert [a.action for a in desk.recent_audit(limit=1)] == ["sale.refunded"]


def test_refund_needs_the_owner(desk: Desk, member_id: int) -> None:
    sale = desk.record_sale(amount_fen=1_000, member_id=member_id, by=None)
    clerk = Actor(staff_id=99, name="x", role="staff")
    with pytest.raises(DomainError) as err:
        desk.refund_sale(sale_id=sale.sale_id, by=clerk)
    assert err.value.code == "owner_required"


def test_refund_of_spent_points_leaves_debt_that_the_next_earn_repays(
    desk: Desk, member_id: int, owner: Actor
) -> None:
    sale = desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)  # +100
    desk.record_sale(amount_fen=8_000, member_id=member_id, by=None, redeem_points=100)  # -100 +79
    desk.refund_sale(sale_id=sale.sale_id, by=owner)
    assert desk.member_card(member_id).balance == -21
    desk.record_sale(amount_fen=5_000, member_id=member_id, by=None)
    assert desk.member_card(member_id).balance == 29
    with pytest.raises(DomainError):
        desk.record_sale(amount_fen=5_000, member_id=member_id, by=None, redeem_points=30)


def test_refund_after_expiry_does_not_take_expired_points_twice(
    desk: Desk, member_id: int, owner: Actor, clock: FakeClock
) -> None:
    sale = desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)
    clock.advance(days=400)
    desk.expire_due_points()
    desk.record_sale(amount_fen=2_000, member_id=member_id, by=None)
    desk.refund_sale(sale_id=sale.sale_id, by=owner)
    assert desk.member_card(member_id).balance == 20


def test_every_change_writes_an_event_with_a_gapless_sequence(
    desk: Desk, member_id: int, owner: Actor
) -> None:
    sale = desk.record_sale(amount_fen=1_000, member_id=member_id, by=None)
    desk.check_in(member_id=member_id, by=None)
    desk.refund_sale(sale_id=sale.sale_id, by=owner)
    with desk.db.read() as s:
        rows = s.execute(select(Event.device_seq, Event.kind).order_by(Event.device_seq)).all()
        count = s.execute(select(func.count()).select_from(Event)).scalar_one()
    assert [r.device_seq for r in rows] == list(range(1, count + 1))
    assert [r.kind for r in rows][-3:] == ["sale.recorded", "checkin.recorded", "sale.refunded"]


def test_a_refused_sale_leaves_no_event(desk: Desk, member_id: int) -> None:
    with desk.db.read() as s:
        before = s.execute(select(func.count()).select_from(Event)).scalar_one()
    with pytest.raises(DomainError):
        desk.record_sale(amount_fen=100, member_id=member_id, by=None, redeem_points=5)
    with desk.db.read() as s:
        assert s.execute(select(func.count()).select_from(Event)).scalar_one() == before


def test_manual_adjustment_is_owner_only_and_audited(
    desk: Desk, member_id: int, owner: Actor
) -> None:
    assert desk.adjust_points(member_id=member_id, points_delta=50, reason="生日礼", by=owner) == 50
    assert desk.adjust_points(member_id=member_id, points_delta=-20, reason="纠错", by=owner) == 30
    with pytest.raises(DomainError) as err:
        desk.adjust_points(member_id=member_id, points_delta=-31, reason="x", by=owner)
    assert err.value.code == "insufficient_points"
    with pytest.raises(DomainError) as err:
        desk.adjust_points(member_id=member_id, points_delta=5, reason="  ", by=owner)
    assert err.value.code == "reason_required"
    assert desk.recent_audit(limit=1)[0].action == "points.adjusted"


def test_check_in_rewards_once_per_shop_day(
    desk: Desk, member_id: int, owner: Actor, clock: FakeClock
) -> None:
    desk.update_rule(by=owner, checkin_points=5)
    first = desk.check_in(member_id=member_id, by=None)
    second = desk.check_in(member_id=member_id, by=None)
    assert (first.rewarded, first.points) == (True, 5)
    assert (second.rewarded, second.points, second.balance) == (False, 0, 5)
    clock.now = dt.datetime(2026, 3, 2, 16, 30)  # 00:30 on 3 March in Shanghai
    assert desk.check_in(member_id=member_id, by=None).rewarded is True


def test_member_list_leaves_out_expired_points_before_the_sweep(
    desk: Desk, member_id: int, clock: FakeClock
) -> None:
    desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)
    clock.advance(days=400)
    desk.record_sale(amount_fen=700, member_id=member_id, by=None)
    [listed] = desk.search_members("zs").items
    assert listed.balance == desk.member_card(member_id).balance == 7
