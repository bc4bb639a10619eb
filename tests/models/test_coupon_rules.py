"""Automatic rules: welcome, stamp cards, spend over X, birthday month and win-back, each at
most once per member and period, across retries, crashes and restarts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop.models import coupon_rules
from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import FakeClock
from tests.models.coupon_support import bulk_members, fan, spec


def coupon_count(desk: Desk, campaign_id: int) -> int:
    with desk.db.read() as s:
        return int(
            s.connection()
            .exec_driver_sql("SELECT count(*) FROM coupon WHERE campaign_id = ?", (campaign_id,))
            .scalar_one()
        )


# -- welcome ----------------------------------------------------------------------------------


def test_a_new_member_gets_the_welcome_coupon_once(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(name="新人礼", trigger="welcome", valid_days=14), by=owner)
    member = desk.enrol_member(name="王五", phone="13600000001", by=None, membership_consent=True)
    (coupon,) = desk.member_coupons(member)
    assert (coupon.campaign_id, coupon.valid_to - coupon.valid_from) == (cid, dt.timedelta(13))
    with desk.db.write() as s:  # the rule firing again (a retry) gives nothing more
        coupon_rules.on_enrol(s, member_id=member, now=desk.now(), today=desk.today())
    assert len(desk.member_coupons(member)) == 1


def test_a_paused_welcome_campaign_gives_nothing(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(trigger="welcome"), by=owner)
    desk.set_campaign_state(cid, "paused", by=owner)
    assert desk.member_coupons(fan(desk)) == []


# -- stamp card ---------------------------------------------------------------------------------


def test_every_third_visit_day_fills_the_stamp_card(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    cid = desk.create_campaign(
        spec(
            name="集点卡",
            kind="gift",
            value_fen=0,
            gift="免费咖啡",
            trigger="nth_visit",
            trigger_visits=3,
        ),
        by=owner,
    )
    member = fan(desk)
    assert desk.check_in(member_id=member, by=None).new_coupons == []
    assert desk.record_sale(amount_fen=2000, member_id=member, by=None).new_coupons == []
    (stamp,) = desk.member_card(member).stamps
    assert (stamp.campaign_id, stamp.name, stamp.have, stamp.need) == (cid, "集点卡", 1, 3)
    clock.advance(days=1)
    desk.record_sale(amount_fen=2000, member_id=member, by=None)
    assert desk.member_card(member).stamps[0].have == 2
    clock.advance(days=1)
    filled = desk.check_in(member_id=member, by=None)
    assert [c.gift for c in filled.new_coupons] == ["免费咖啡"]
    assert desk.check_in(member_id=member, by=None).new_coupons == []  # same day again
    assert desk.record_sale(amount_fen=2000, member_id=member, by=None).new_coupons == []
    assert desk.member_card(member).stamps[0].have == 0
    for _ in range(3):
        clock.advance(days=1)
        last = desk.record_sale(amount_fen=2000, member_id=member, by=None)
    assert len(last.new_coupons) == 1
    assert coupon_count(desk, cid) == 2


def test_visits_before_a_stamp_campaign_started_do_not_count(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    member = fan(desk)
    for _ in range(3):
        desk.check_in(member_id=member, by=None)
        clock.advance(days=1)
    desk.create_campaign(spec(trigger="nth_visit", trigger_visits=3), by=owner)
    assert desk.check_in(member_id=member, by=None).new_coupons == []
    assert desk.member_card(member).stamps[0].have == 1


# -- spend over X -----------------------------------------------------------------------------


def test_a_big_sale_earns_a_coupon_and_its_refund_takes_it_back(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(
        spec(name="满百返券", trigger="spend_over", trigger_spend_fen=10_000), by=owner
    )
    member = fan(desk)
    assert desk.record_sale(amount_fen=9_999, member_id=member, by=None).new_coupons == []
    big = desk.record_sale(amount_fen=10_000, member_id=member, by=None)
    assert [c.campaign_id for c in big.new_coupons] == [cid]
    assert desk.record_sale(amount_fen=20_000, member_id=member, by=None).new_coupons
    assert coupon_count(desk, cid) == 2
    desk.refund_sale(sale_id=big.sale_id, by=owner)
    assert desk.coupons_by_id([big.new_coupons[0].id])[0].state == "void"


def test_spend_over_counts_what_was_paid_after_discounts(desk: Desk, owner: Actor) -> None:
    desk.create_campaign(spec(trigger="spend_over", trigger_spend_fen=10_000), by=owner)
    hand = desk.create_campaign(spec(name="手发", value_fen=1000), by=owner)
    member = fan(desk)
    first = desk.member_coupons(member)
    assert first == []
    coupon = desk.issue_coupon(hand, member_id=member, by=owner)
    sale = desk.record_sale(amount_fen=10_500, member_id=member, by=None, coupon_id=coupon.id)
    assert sale.paid_fen == 9_500
    assert sale.new_coupons == []


# -- birthday and win-back ---------------------------------------------------------------------


def test_birthday_coupons_go_once_a_year_to_members_who_agreed(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    cid = desk.create_campaign(spec(name="生日券", trigger="birthday"), by=owner)
    march = fan(desk, "13700000001", birthday=dt.date(1990, 3, 20))
    fan(desk, "13700000002", birthday=dt.date(1990, 4, 2))
    desk.enrol_member(  # no marketing consent: never
        name="赵六",
        phone="13700000003",
        by=None,
        membership_consent=True,
        birthday=dt.date(1991, 3, 5),
    )
    assert desk.run_daily_rules() == 1
    assert desk.run_daily_rules() == 0
    clock.advance(days=10)
    assert desk.run_daily_rules() == 0  # still March
    assert [c.member_id for c in desk.member_coupons(march)] == [march]
    clock.advance(days=31)  # April
    assert desk.run_daily_rules() == 1
    clock.now = dt.datetime(2027, 3, 1, 2, 0)
    assert desk.run_daily_rules() == 1
    assert len(desk.member_coupons(march)) == 2
    assert coupon_count(desk, cid) == 3


def test_win_back_fires_once_per_lapse(desk: Desk, owner: Actor, clock: FakeClock) -> None:
    cid = desk.create_campaign(spec(name="想你了", trigger="winback", trigger_days=60), by=owner)
    member = fan(desk)
    desk.record_sale(amount_fen=3000, member_id=member, by=None)
    clock.advance(days=59)
    assert desk.run_daily_rules() == 0
    clock.advance(days=1)
    assert desk.run_daily_rules() == 1
    clock.advance(days=5)
    assert desk.run_daily_rules() == 0
    desk.check_in(member_id=member, by=None)  # came back
    clock.advance(days=60)
    assert desk.run_daily_rules() == 1  # lapsed again: a new period
    assert coupon_count(desk, cid) == 2


def test_daily_rules_are_idempotent_across_a_crash_and_a_restart(
    desk: Desk, owner: Actor, tmp_path: Path, clock: FakeClock
) -> None:
    desk.create_campaign(spec(trigger="birthday"), by=owner)
    bulk_members(desk, 200, birthday=dt.date(1990, 3, 9))

    def crash_before_commit() -> None:
        with desk.db.write() as s:
            assert coupon_rules.run_daily_rules(s, now=desk.now(), today=desk.today()) == 200
            raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        crash_before_commit()
    assert desk.run_daily_rules() == 200
    desk.db.close()
    reopened = Desk(open_database(desk.db.path), clock=clock)
    try:
        assert reopened.run_daily_rules() == 0
        with reopened.db.read() as s:
            firings = s.connection().exec_driver_sql("SELECT count(*) FROM rule_firing")
            assert firings.scalar_one() == 200
    finally:
        reopened.db.close()


def test_rules_hold_out_members_and_respect_the_quota(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(trigger="birthday", holdout_pct=50, quota=60), by=owner)
    bulk_members(desk, 200, birthday=dt.date(1990, 3, 9))
    assert desk.run_daily_rules() == 60
    row = {r.id: r for r in desk.campaign_summaries()}[cid]
    assert 60 < row.held_out < 140
    assert row.issued == 60
    desk.update_campaign(cid, spec(trigger="birthday", holdout_pct=50, quota=1000), by=owner)
    assert desk.run_daily_rules() == 200 - row.held_out - 60  # the quota's leftovers now
    assert desk.run_daily_rules() == 0
