"""Coupons at the counter: issuing, what each kind takes off, every refusal in its order,
used exactly once, refunds, voiding, and acquisition credit."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from desktop.models import coupon_redeem
from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.models.tables import Sale
from tests.models.conftest import FakeClock
from tests.models.coupon_support import fan, spec


def refusal(call: Any, *args: Any, **kwargs: Any) -> DomainError:
    with pytest.raises(DomainError) as err:
        call(*args, **kwargs)
    return err.value


# -- issuing ----------------------------------------------------------------------------------


def test_a_coupon_issued_to_a_member_is_theirs_and_valid_from_today(
    desk: Desk, owner: Actor
) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(valid_days=7), by=owner)
    coupon = desk.issue_coupon(cid, member_id=member, by=None)
    today = desk.today()
    assert coupon.member_id == member
    assert coupon.state == "issued"
    assert (coupon.valid_from, coupon.valid_to) == (today, today + dt.timedelta(days=6))
    assert coupon.serial.startswith("C-")
    assert len(coupon.serial) == 11
    assert coupon.headline == "¥10 off"
    assert desk.member_coupons(member) == [coupon]
    assert desk.member_card(member).usable_coupons == 1


def test_no_coupon_for_a_member_without_marketing_consent(
    desk: Desk, owner: Actor, member_id: int
) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    assert refusal(desk.issue_coupon, cid, member_id=member_id, by=owner).code == (
        "no_marketing_consent"
    )
    assert desk.member_coupons(member_id) == []


def test_per_member_limit_and_quota_stop_issuing(desk: Desk, owner: Actor) -> None:
    a, b, c = fan(desk, "13700000001"), fan(desk, "13700000002"), fan(desk, "13700000003")
    cid = desk.create_campaign(spec(per_member_limit=2, quota=3), by=owner)
    desk.issue_coupon(cid, member_id=a, by=owner)
    desk.issue_coupon(cid, member_id=a, by=owner)
    err = refusal(desk.issue_coupon, cid, member_id=a, by=owner)
    assert (err.code, err.params["limit"]) == ("member_limit", 2)
    desk.issue_coupon(cid, member_id=b, by=owner)
    assert refusal(desk.issue_coupon, cid, member_id=c, by=owner).code == "quota_reached"
    assert refusal(desk.issue_bearer_batch, cid, count=1, by=owner).code == "quota_reached"


def test_a_voided_coupon_frees_the_members_limit_but_not_the_quota(
    desk: Desk, owner: Actor
) -> None:
    a, b = fan(desk, "13700000001"), fan(desk, "13700000002")
    cid = desk.create_campaign(spec(quota=2), by=owner)
    first = desk.issue_coupon(cid, member_id=a, by=owner)
    desk.void_coupon(first.id, by=owner, reason="发错了")
    desk.issue_coupon(cid, member_id=a, by=owner)
    assert refusal(desk.issue_coupon, cid, member_id=b, by=owner).code == "quota_reached"


def test_paused_and_ended_campaigns_issue_nothing(desk: Desk, owner: Actor) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(), by=owner)
    desk.set_campaign_state(cid, "paused", by=owner)
    assert refusal(desk.issue_coupon, cid, member_id=member, by=owner).code == "campaign_paused"
    desk.set_campaign_state(cid, "ended", by=owner)
    assert refusal(desk.issue_coupon, cid, member_id=member, by=owner).code == "campaign_ended"
    today = desk.today()
    past = desk.create_campaign(
        spec(valid_from=today - dt.timedelta(days=9), valid_to=today - dt.timedelta(days=1)),
        by=owner,
    )
    assert refusal(desk.issue_bearer_batch, past, count=2, by=owner).code == "campaign_ended"


def test_a_bearer_batch_is_unique_printable_and_owner_only(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    assert refusal(desk.issue_bearer_batch, cid, count=10, by=clerk).code == "owner_required"
    batch_id, coupons = desk.issue_bearer_batch(cid, count=300, by=owner)
    assert len(coupons) == 300
    assert len({c.id for c in coupons}) == len({c.serial for c in coupons}) == 300
    assert all(c.member_id is None and c.batch_id == batch_id for c in coupons)
    assert {c.id for c in desk.batch_coupons(batch_id)} == {c.id for c in coupons}
    assert refusal(desk.batch_coupons, 999).code == "batch_not_found"
    assert refusal(desk.issue_bearer_batch, cid, count=0, by=owner).code == "count_invalid"


# -- what each kind takes off -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind_spec", "bill", "off"),
    [
        ({"kind": "amount_off", "value_fen": 1000}, 5000, 1000),
        ({"kind": "amount_off", "value_fen": 1000}, 600, 600),  # never more than the bill
        ({"kind": "percent_off", "value_fen": 0, "percent": 15}, 3333, 499),  # floor of 499.95
        ({"kind": "percent_off", "value_fen": 0, "percent": 20, "cap_fen": 1500}, 10_000, 1500),
        ({"kind": "percent_off", "value_fen": 0, "percent": 100}, 2500, 2500),
        ({"kind": "spend_save", "value_fen": 2000, "min_spend_fen": 10_000}, 10_000, 2000),
        ({"kind": "gift", "value_fen": 0, "gift": "一杯美式"}, 3000, 0),
    ],
)
def test_discount_by_kind(
    desk: Desk, owner: Actor, kind_spec: dict[str, Any], bill: int, off: int
) -> None:
    cid = desk.create_campaign(spec(**kind_spec), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    code = desk.coupon_code(coupon.id)
    assert desk.check_coupon(code, amount_fen=bill, member_id=None).discount_fen == off
    sale = desk.record_sale(amount_fen=bill, member_id=None, by=None, coupon_id=coupon.id)
    assert (sale.coupon_discount_fen, sale.paid_fen) == (off, bill - off)


def test_spend_save_below_its_threshold_is_refused_with_the_threshold(
    desk: Desk, owner: Actor
) -> None:
    cid = desk.create_campaign(
        spec(kind="spend_save", value_fen=2000, min_spend_fen=10_000), by=owner
    )
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    err = refusal(desk.record_sale, amount_fen=9_999, member_id=None, by=None, coupon_id=coupon.id)
    assert (err.code, err.params["min_spend_fen"]) == ("min_spend", 10_000)
    assert desk.coupons_by_id([coupon.id])[0].state == "issued"


def test_points_are_earned_on_what_is_paid_after_the_coupon(desk: Desk, owner: Actor) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(value_fen=3000), by=owner)
    coupon = desk.issue_coupon(cid, member_id=member, by=owner)
    desk.adjust_points(member_id=member, points_delta=1000, reason="开业", by=owner)
    sale = desk.record_sale(
        amount_fen=10_000, member_id=member, by=None, coupon_id=coupon.id, redeem_points=1000
    )
    # ¥100 − ¥30 coupon − ¥10 points = ¥60 paid → 60 points
    assert (sale.coupon_discount_fen, sale.discount_fen, sale.paid_fen) == (3000, 1000, 6000)
    assert sale.points_earned == 60
    assert sale.balance == 60


def test_points_cannot_pay_more_than_is_left_after_the_coupon(desk: Desk, owner: Actor) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(value_fen=3000), by=owner)
    coupon = desk.issue_coupon(cid, member_id=member, by=owner)
    desk.adjust_points(member_id=member, points_delta=10_000, reason="开业", by=owner)
    err = refusal(
        desk.record_sale,
        amount_fen=5000,
        member_id=member,
        by=None,
        coupon_id=coupon.id,
        redeem_points=2500,
    )
    assert (err.code, err.params["max_points"]) == ("redeem_exceeds_amount", 2000)
    assert desk.coupons_by_id([coupon.id])[0].state == "issued"


# -- refusals, in order -------------------------------------------------------------------------


def test_a_coupon_is_used_exactly_once(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    first = desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    clock.advance(minutes=5)
    err = refusal(desk.record_sale, amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    assert err.code == "already_used"
    assert err.params["shop"] == "小王咖啡"
    assert err.params["used_at"] == "2026-03-02T10:00:00"  # shop time, not UTC
    used = desk.coupons_by_id([coupon.id])[0]
    assert (used.state, used.redeemed_sale_id, used.redeemed_shop) == (
        "redeemed",
        first.sale_id,
        "小王咖啡",
    )
    assert len(desk.recent_sales()) == 1  # the refused sale left nothing behind


def test_void_comes_before_expiry(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    cid = desk.create_campaign(spec(valid_days=1), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    desk.void_coupon(coupon.id, by=owner, reason="丢失")
    clock.advance(days=3)
    code = desk.coupon_code(coupon.id)
    assert refusal(desk.check_coupon, code, amount_fen=5000, member_id=None).code == "void"


def test_expired_and_not_yet_valid_name_the_day(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    today = desk.today()
    later = desk.create_campaign(
        spec(valid_from=today + dt.timedelta(days=2), valid_to=today + dt.timedelta(days=4)),
        by=owner,
    )
    (_, (coupon,)) = desk.issue_bearer_batch(later, count=1, by=owner)
    code = desk.coupon_code(coupon.id)
    err = refusal(desk.check_coupon, code, amount_fen=5000, member_id=None)
    assert (err.code, err.params["valid_from"]) == ("not_yet_valid", "2026-03-04")
    clock.advance(days=4)  # the last valid day still works
    assert desk.check_coupon(code, amount_fen=5000, member_id=None).discount_fen == 1000
    clock.advance(days=1)
    err = refusal(desk.check_coupon, code, amount_fen=5000, member_id=None)
    assert (err.code, err.params["valid_to"]) == ("expired", "2026-03-06")
    assert desk.coupons_by_id([coupon.id])[0].state == "expired"


def test_a_paused_campaigns_coupons_cannot_be_used_for_now(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    desk.set_campaign_state(cid, "paused", by=owner)
    err = refusal(desk.record_sale, amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    assert err.code == "campaign_paused"
    desk.set_campaign_state(cid, "active", by=owner)
    assert desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)


def test_coupons_of_an_ended_campaign_stay_usable_until_they_expire(
    desk: Desk, owner: Actor
) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    desk.set_campaign_state(cid, "ended", by=owner)
    sale = desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    assert sale.coupon_discount_fen == 1000


def test_a_coupon_of_another_shop_is_refused(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    with desk.db.write() as s:  # as if pulled from the alliance: issued by shop 77
        s.connection().exec_driver_sql("UPDATE coupon SET shop_id = 77 WHERE id = ?", (coupon.id,))
    err = refusal(desk.record_sale, amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    assert err.code == "wrong_shop"
    with desk.db.write() as s:
        s.connection().exec_driver_sql(
            "UPDATE coupon SET scope = 'alliance' WHERE id = ?", (coupon.id,)
        )
    assert desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)


def test_a_members_coupon_needs_that_member(desk: Desk, owner: Actor) -> None:
    holder = fan(desk, "13700000001", name="张三丰")
    other = fan(desk, "13700000002", name="李四")
    cid = desk.create_campaign(spec(), by=owner)
    coupon = desk.issue_coupon(cid, member_id=holder, by=owner)
    err = refusal(desk.record_sale, amount_fen=5000, member_id=other, by=None, coupon_id=coupon.id)
    assert (err.code, err.params["member_name"]) == ("wrong_member", "张**")
    err = refusal(desk.record_sale, amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    assert (err.code, err.params.get("coupon")) == ("member_required", True)
    assert desk.record_sale(amount_fen=5000, member_id=holder, by=None, coupon_id=coupon.id)


def test_refusals_come_in_the_contract_order(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    """One coupon that breaks every rule at once; fixing each in turn reveals the next."""
    holder = fan(desk, "13700000001", name="张三")
    cid = desk.create_campaign(spec(min_spend_fen=8000, valid_days=2), by=owner)
    coupon = desk.issue_coupon(cid, member_id=holder, by=owner)

    def set_coupon(sql: str) -> None:
        with desk.db.write() as s:
            s.connection().exec_driver_sql(f"UPDATE coupon SET {sql} WHERE id = ?", (coupon.id,))

    def first() -> str:
        return refusal(
            desk.record_sale, amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id
        ).code

    set_coupon("state = 'redeemed', redeemed_at = '2026-03-02 02:00:00.000000'")
    desk.set_campaign_state(cid, "paused", by=owner)
    with desk.db.write() as s:
        s.connection().exec_driver_sql("UPDATE coupon SET shop_id = 77 WHERE id = ?", (coupon.id,))
    clock.advance(days=5)
    steps = [
        ("already_used", "state = 'void', redeemed_at = NULL"),
        ("void", "state = 'issued'"),
        ("expired", "valid_to = '2026-03-20', valid_from = '2026-03-10'"),
        ("not_yet_valid", "valid_from = '2026-03-01'"),
        ("wrong_shop", "shop_id = 1"),
    ]
    for expected, fix in steps:
        assert first() == expected
        set_coupon(fix)
    assert first() == "campaign_paused"
    desk.set_campaign_state(cid, "active", by=owner)
    assert first() == "member_required"
    other = fan(desk, "13700000002")
    err = refusal(desk.record_sale, amount_fen=5000, member_id=other, by=None, coupon_id=coupon.id)
    assert err.code == "wrong_member"
    err = refusal(desk.record_sale, amount_fen=5000, member_id=holder, by=None, coupon_id=coupon.id)
    assert err.code == "min_spend"
    assert desk.record_sale(amount_fen=8000, member_id=holder, by=None, coupon_id=coupon.id)


def test_an_unknown_coupon_id_is_not_found(desk: Desk) -> None:
    err = refusal(desk.record_sale, amount_fen=5000, member_id=None, by=None, coupon_id=12345)
    assert err.code == "coupon_not_found"


# -- refunds ----------------------------------------------------------------------------------


def test_a_refund_gives_the_coupon_back_once(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(), by=owner)
    coupon = desk.issue_coupon(cid, member_id=member, by=owner)
    sale = desk.record_sale(amount_fen=5000, member_id=member, by=None, coupon_id=coupon.id)
    assert desk.member_card(member).usable_coupons == 0
    refund = desk.refund_sale(sale_id=sale.sale_id, by=owner, reason="退货")
    assert refund.coupon_restored
    back = desk.coupons_by_id([coupon.id])[0]
    assert (back.state, back.redeemed_sale_id) == ("issued", None)
    assert desk.member_card(member).usable_coupons == 1
    assert refusal(desk.refund_sale, sale_id=sale.sale_id, by=owner).code == "already_refunded"
    # Used again after the refund; a retried refund of the first sale must not free it.
    again = desk.record_sale(amount_fen=5000, member_id=member, by=None, coupon_id=coupon.id)
    refusal(desk.refund_sale, sale_id=sale.sale_id, by=owner)
    used = desk.coupons_by_id([coupon.id])[0]
    assert (used.state, used.redeemed_sale_id) == ("redeemed", again.sale_id)


def test_a_refund_after_the_coupon_expired_does_not_bring_it_back(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    cid = desk.create_campaign(spec(valid_days=1), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    sale = desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    clock.advance(days=2)
    assert not desk.refund_sale(sale_id=sale.sale_id, by=owner).coupon_restored
    assert desk.coupons_by_id([coupon.id])[0].state == "redeemed"


def test_a_refund_of_a_sale_without_a_coupon_restores_nothing(
    desk: Desk, owner: Actor, member_id: int
) -> None:
    sale = desk.record_sale(amount_fen=5000, member_id=member_id, by=None)
    assert desk.refund_sale(sale_id=sale.sale_id, by=owner).coupon_restored is False


# -- voiding ----------------------------------------------------------------------------------


def test_voiding_a_batch_spares_coupons_already_used(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    batch_id, coupons = desk.issue_bearer_batch(cid, count=4, by=owner)
    desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupons[0].id)
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    assert refusal(desk.void_batch, batch_id, by=clerk, reason="印错").code == "owner_required"
    assert refusal(desk.void_batch, batch_id, by=owner, reason="  ").code == "reason_required"
    assert desk.void_batch(batch_id, by=owner, reason="印错") == 3
    states = [c.state for c in desk.coupons_by_id([c.id for c in coupons])]
    assert states == ["redeemed", "void", "void", "void"]
    assert desk.recent_audit(limit=1)[0].action == "coupon.batch_voided"
    assert refusal(desk.void_batch, 424242, by=owner, reason="x").code == "batch_not_found"


def test_voiding_one_coupon_is_owner_only_and_audited(desk: Desk, owner: Actor) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(), by=owner)
    coupon = desk.issue_coupon(cid, member_id=member, by=owner)
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    assert refusal(desk.void_coupon, coupon.id, by=clerk, reason="x").code == "owner_required"
    desk.void_coupon(coupon.id, by=owner, reason="会员要求")
    assert desk.recent_audit(limit=1)[0].action == "coupon.voided"
    assert desk.verify_audit().ok
    assert desk.member_coupons(member, usable_only=True) == []
    assert desk.member_coupons(member)[0].state == "void"


def test_member_coupons_list_usable_ones_first(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    member = fan(desk)
    a = desk.create_campaign(spec(name="A"), by=owner)
    b = desk.create_campaign(spec(name="B"), by=owner)
    old = desk.issue_coupon(a, member_id=member, by=owner)
    clock.advance(minutes=1)
    used = desk.issue_coupon(b, member_id=member, by=owner)
    desk.record_sale(amount_fen=5000, member_id=member, by=None, coupon_id=used.id)
    listed = desk.member_coupons(member)
    assert [c.id for c in listed] == [old.id, used.id]
    assert [c.id for c in desk.member_coupons(member, usable_only=True)] == [old.id]


# -- acquisition credit -----------------------------------------------------------------------


def test_a_street_coupon_used_on_a_new_members_first_sale_credits_the_campaign(
    desk: Desk, owner: Actor
) -> None:
    cid = desk.create_campaign(spec(name="地推券"), by=owner)
    _, coupons = desk.issue_bearer_batch(cid, count=2, by=owner)
    newcomer = desk.enrol_member(name="新客", phone="13600000001", by=None, membership_consent=True)
    desk.record_sale(amount_fen=3000, member_id=newcomer, by=None, coupon_id=coupons[0].id)
    regular = fan(desk, "13600000002")
    desk.record_sale(amount_fen=3000, member_id=regular, by=None)
    desk.record_sale(amount_fen=3000, member_id=regular, by=None, coupon_id=coupons[1].id)
    with desk.db.read() as s:
        credit = dict(
            s.connection().exec_driver_sql("SELECT id, acquired_campaign_id FROM member").all()
        )
    assert credit[newcomer] == cid
    assert credit[regular] is None  # had bought before: the coupon did not bring them in


def test_a_check_made_before_another_counter_used_the_coupon_cannot_use_it_again(
    desk: Desk, owner: Actor
) -> None:
    """The conditional update is the last line: a check read from an older snapshot loses."""
    cid = desk.create_campaign(spec(), by=owner)
    (_, (coupon,)) = desk.issue_bearer_batch(cid, count=1, by=owner)
    with desk.db.read() as s:
        stale = coupon_redeem.check_for_sale(
            s, coupon.id, amount_fen=5000, member_id=None, today=desk.today()
        )
    desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    plain = desk.record_sale(amount_fen=5000, member_id=None, by=None)

    def redeem_again() -> None:
        with desk.db.write() as s:
            sale = s.get(Sale, plain.sale_id)
            assert sale is not None
            coupon_redeem.redeem(s, check=stale, sale=sale, now=desk.now(), today=desk.today())

    assert refusal(redeem_again).code == "already_used"
    with desk.db.read() as s:
        events = s.connection().exec_driver_sql(
            "SELECT count(*) FROM event WHERE kind = 'coupon.redeemed'"
        )
        assert events.scalar_one() == 1
