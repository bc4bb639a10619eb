"""Redeeming alliance points offline stays within the alliance's limits (DESIGN §5).

The shop database is real; what a sync would have stored (the pairing, the policy, the
member's snapshot, the push results and the cursor) is written as the sync code writes it.
The whole path against a real server is in tests/sync/test_alliance_counter.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update
from sqlalchemy.dialects.sqlite import insert

from desktop.models.errors import DomainError
from desktop.models.offline_policy import Policy, RedeemFacts, policy_from, refusal
from desktop.models.service import Desk
from desktop.models.shop import get_setting, set_setting
from desktop.models.staff import Actor
from desktop.models.tables import AllianceMember, Event
from tests.models.conftest import FakeClock

PHONE_A = "13800138000"
PHONE_B = "13900139000"


def synced(desk: Desk, balances: dict[int, int], *, policy: dict[str, int] | None = None) -> None:
    """What a successful sync leaves behind: every event acknowledged and numbered, the
    members' snapshots at the cursor, the policy, and the time of the sync."""
    now = desk.now()
    with desk.db.write() as s:
        seq = int(get_setting(s, "sync.pull_since", 0)) + 10
        s.execute(
            update(Event)
            .where(Event.acked_at.is_(None))
            .values(acked_at=now, outcome="applied", server_seq=seq - 5)
        )
        for member_id, balance in balances.items():
            values = {
                "home_shop_id": 1,
                "sharing": True,
                "card_serial": 1,
                "balance": balance,
                "debt": max(0, -balance),
                "server_seq": seq,
            }
            s.execute(
                insert(AllianceMember)
                .values(member_id=member_id, **values)
                .on_conflict_do_update(index_elements=["member_id"], set_=values)
            )
        if get_setting(s, "sync.pairing") is None:
            set_setting(s, "sync.pairing", {"alliance_id": 1, "shop_id": 1})
        if policy is not None or get_setting(s, "sync.policy") is None:
            set_setting(s, "sync.policy", policy or {})
        set_setting(s, "sync.pull_since", seq)
        set_setting(s, "sync.last_ok_at", now.isoformat(timespec="seconds") + "Z")


def member_with(desk: Desk, owner: Actor, points: int, *, phone: str, sharing: bool) -> int:
    member = desk.enrol_member(
        name="张三", phone=phone, by=None, membership_consent=True, sharing_consent=sharing
    )
    desk.adjust_points(member_id=member, points_delta=points, reason="opening", by=owner)
    return member


def redeem(desk: Desk, member: int, points: int) -> int:
    """A sale paid with points only (nothing earned), as the counter records it."""
    return desk.record_sale(
        amount_fen=points, member_id=member, by=None, redeem_points=points
    ).sale_id


def refused(desk: Desk, member: int, points: int) -> DomainError:
    with pytest.raises(DomainError) as caught:
        redeem(desk, member, points)
    return caught.value


def test_a_shop_outside_an_alliance_redeems_as_before(desk: Desk, owner: Actor) -> None:
    member = member_with(desk, owner, 2000, phone=PHONE_A, sharing=True)
    for points in (600, 500, 400):  # three redemptions, 1,500 points, one day
        redeem(desk, member, points)
    assert desk.member_card(member).balance == 500
    assert refused(desk, member, 501).code == "insufficient_points"


def test_a_member_who_does_not_share_keeps_the_local_ledger(desk: Desk, owner: Actor) -> None:
    member = member_with(desk, owner, 2000, phone=PHONE_A, sharing=False)
    synced(desk, {})
    redeem(desk, member, 600)
    redeem(desk, member, 600)
    redeem(desk, member, 600)
    assert desk.member_card(member).balance == 200


def test_the_per_member_day_limits_refuse_and_a_sync_makes_room(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    member = member_with(desk, owner, 1000, phone=PHONE_A, sharing=True)
    synced(desk, {member: 1500})  # other shops earned 500 more for this member
    card = desk.member_card(member)
    assert (card.balance, card.alliance_balance) == (1500, True)
    redeem(desk, member, 200)
    too_many = refused(desk, member, 101)
    assert (too_many.code, too_many.params["limit"], too_many.params["left"]) == (
        "offline_member_day_points",
        300,
        100,
    )
    redeem(desk, member, 100)
    assert refused(desk, member, 1).code == "offline_member_day_count"
    assert desk.member_card(member).balance == 1200  # the snapshot and what was done here

    clock.advance(days=1)  # a new day: the day limits start again, unsynced
    redeem(desk, member, 300)
    assert refused(desk, member, 1).code == "offline_member_day_points"

    synced(desk, {member: 900})  # "connect to redeem more": the redemptions are in the snapshot
    redeem(desk, member, 300)
    assert desk.member_card(member).balance == 600


def test_the_device_cap_counts_every_alliance_members_unsynced_points(
    desk: Desk, owner: Actor
) -> None:
    first = member_with(desk, owner, 1000, phone=PHONE_A, sharing=True)
    second = member_with(desk, owner, 1000, phone=PHONE_B, sharing=True)
    alone = member_with(desk, owner, 1000, phone="13700137000", sharing=False)
    synced(
        desk,
        {first: 1000, second: 1000},
        policy={"offline_unsynced_redeemed_points_per_device": 500},
    )
    redeem(desk, first, 300)
    redeem(desk, alone, 900)  # not an alliance member: no cap, no count
    capped = refused(desk, second, 250)
    assert (capped.code, capped.params["limit"], capped.params["left"]) == (
        "offline_device_points",
        500,
        200,
    )
    redeem(desk, second, 200)
    assert refused(desk, second, 1).code == "offline_device_points"
    synced(desk, {first: 700, second: 800})
    redeem(desk, second, 1)


def test_a_stale_or_missing_snapshot_refuses_alliance_redemption(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    member = member_with(desk, owner, 1000, phone=PHONE_A, sharing=True)
    with desk.db.write() as s:  # paired, never synced yet
        set_setting(s, "sync.pairing", {"alliance_id": 1, "shop_id": 1})
    never = refused(desk, member, 10)
    assert (never.code, never.params["never"]) == ("offline_snapshot_stale", True)
    synced(desk, {member: 1000}, policy={"offline_snapshot_max_age_hours": 24})
    clock.advance(hours=23)
    redeem(desk, member, 10)
    clock.advance(hours=2)
    old = refused(desk, member, 10)
    assert (old.code, old.params["hours"], old.params["never"]) == (
        "offline_snapshot_stale",
        24,
        False,
    )
    desk.record_sale(amount_fen=5000, member_id=member, by=None)  # earning is always allowed
    synced(desk, {member: 1040})
    redeem(desk, member, 10)


def test_a_member_in_debt_cannot_redeem_until_a_sync_shows_it_repaid(
    desk: Desk, owner: Actor
) -> None:
    member = member_with(desk, owner, 500, phone=PHONE_A, sharing=True)
    synced(desk, {member: -100})  # another shop redeemed more than the balance offline
    card = desk.member_card(member)
    assert card.balance == -100
    assert refused(desk, member, 1).params == {"debt": 100}
    sale = desk.record_sale(amount_fen=30_000, member_id=member, by=None)  # earns 300
    assert sale.balance == 200  # the earn repays the debt first
    still = refused(desk, member, 50)
    assert still.code == "offline_member_debt"
    synced(desk, {member: 200})
    redeem(desk, member, 50)
    assert desk.member_card(member).balance == 150


def facts(**changes: object) -> RedeemFacts:
    base = RedeemFacts(
        points=100,
        effective_balance=1000,
        debt=0,
        snapshot_age=dt.timedelta(hours=1),
        member_day_points=0,
        member_day_count=0,
        device_points=0,
    )
    return RedeemFacts(**{**base.__dict__, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({}, None),
        ({"snapshot_age": None}, "offline_snapshot_stale"),
        ({"snapshot_age": dt.timedelta(hours=72, seconds=1)}, "offline_snapshot_stale"),
        ({"snapshot_age": dt.timedelta(hours=72)}, None),
        ({"debt": 1, "effective_balance": 5000}, "offline_member_debt"),
        ({"points": 1001}, "insufficient_points"),
        ({"member_day_count": 2}, "offline_member_day_count"),
        ({"member_day_points": 201}, "offline_member_day_points"),
        ({"member_day_points": 200}, None),
        ({"device_points": 2901}, "offline_device_points"),
        ({"device_points": 2900}, None),
    ],
)
def test_each_limit_refuses_with_its_code(changes: dict[str, object], code: str | None) -> None:
    found = refusal(Policy(), facts(**changes))
    assert (found.code if found else None) == code


def test_the_policy_comes_from_the_alliance_with_defaults() -> None:
    assert policy_from(None) == Policy(72, 300, 2, 3000)
    custom = policy_from(
        {
            "offline_redeem_points_per_member_shop_day": 50,
            "offline_redemptions_per_member_shop_day": "x",
        }
    )
    assert (custom.points_per_member_day, custom.redemptions_per_member_day) == (50, 2)
