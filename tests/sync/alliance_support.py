"""Joint campaigns and conflicts for sync tests: the operator's side on the real server, and
what a counter writes when it takes an alliance coupon or redeems a shared member's points."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alliance.campaigns import service as campaigns
from desktop.models.clock import local_day, utc_now
from desktop.models.events import emit_event
from desktop.models.ids import uuid7
from desktop.models.tables import Sale
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Shop

SPEC: dict[str, Any] = {
    "name": "Spring street fair",
    "kind": "amount_off",
    "value_fen": 800,
    "min_spend_fen": 5_000,
    "valid_days": 30,
    "scope": "alliance",
    "per_member_limit": 1,
    "quota": 500,
}


def create_campaign(server: Server, alliance_id: int, **changes: Any) -> int:
    with server.db.write() as session:
        return campaigns.create_campaign(
            session, alliance_id=alliance_id, spec_json={**SPEC, **changes}
        )


def issue_coupons(server: Server, campaign_id: int, count: int) -> list[int]:
    with server.db.write() as session:
        issued = campaigns.issue_coupons(session, campaign_id=campaign_id, count=count)
    return [int(c["id"]) for c in issued]


def end_campaign(server: Server, campaign_id: int) -> None:
    with server.db.write() as session:
        campaigns.set_state(session, campaign_id=campaign_id, state="ended")


def coupon_sale(shop: Shop, coupon_id: int, *, amount_fen: int, discount_fen: int) -> int:
    """A sale that took an alliance coupon, as the counter records it: the local sale, its
    ``sale.recorded`` and the ``coupon.redeemed`` event, in one transaction. The sale's id."""
    now = utc_now()
    with shop.db.write() as s:
        sale = Sale(
            uid=uuid7(),
            member_id=None,
            amount_fen=amount_fen,
            discount_fen=0,
            paid_fen=amount_fen - discount_fen,
            staff_id=None,
            created_at=now,
            local_day=local_day(now),
            coupon_id=coupon_id,
            coupon_discount_fen=discount_fen,
        )
        s.add(sale)
        s.flush()
        day = sale.local_day.isoformat()
        emit_event(
            s,
            kind="sale.recorded",
            now=now,
            payload={
                "sale": sale.uid,
                "member_id": None,
                "amount_fen": amount_fen,
                "discount_fen": 0,
                "coupon_id": coupon_id,
                "coupon_discount_fen": discount_fen,
                "points_earned": 0,
                "points_redeemed": 0,
                "day": day,
            },
        )
        emit_event(
            s,
            kind="coupon.redeemed",
            now=now,
            payload={
                "coupon_id": coupon_id,
                "sale": sale.uid,
                "member_id": None,
                "discount_fen": discount_fen,
                "day": day,
            },
        )
        return sale.id


def points_sale_elsewhere(shop: Shop, member_id: int, *, redeem: int, amount_fen: int) -> None:
    """A sale at ``shop`` that used ``redeem`` points of another shop's shared member."""
    now = utc_now()
    with shop.db.write() as s:
        emit_event(
            s,
            kind="sale.recorded",
            now=now,
            payload={
                "sale": uuid7(),
                "member_id": member_id,
                "amount_fen": amount_fen,
                "discount_fen": redeem,
                "points_earned": 0,
                "points_redeemed": redeem,
                "day": local_day(now).isoformat(),
            },
        )


@dataclass
class Street:
    """Two paired shops of one alliance and a joint campaign both take part in."""

    tea: Shop
    bakery: Shop
    campaign: int
    coupons: list[int]


def street(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop], coupons: int = 3
) -> Street:
    from desktop.sync.campaigns import set_taking_part

    tea, bakery = new_shop("tea"), new_shop("bakery")
    tea.pair(server.url, alliance.invite("Tea house")["code"])
    bakery.pair(server.url, alliance.invite("Bakery")["code"])
    campaign = create_campaign(server, alliance.id)
    issued = issue_coupons(server, campaign, coupons)
    for shop in (tea, bakery):
        assert shop.sync()["ok"]
        set_taking_part(shop.db, campaign, join=True, by=shop.owner)
    return Street(tea, bakery, campaign, issued)


def conflicts_at_tea(s: Street) -> dict[str, int]:
    """Tea was offline while a coupon was used twice and a member's points were spent at two
    shops; the bakery synced first. Returns the member and the numbers involved."""
    member = s.tea.desk.enrol_member(
        name="Zhang San",
        phone="13800138000",
        by=None,
        membership_consent=True,
        sharing_consent=True,
    )
    s.tea.desk.record_sale(amount_fen=20_000, member_id=member, by=None)
    assert s.tea.sync()["ok"]
    earned = s.tea.desk.member_card(member).balance
    # Offline at the tea house: the coupon, and most of the member's points.
    tea_sale = coupon_sale(s.tea, s.coupons[0], amount_fen=8_800, discount_fen=800)
    spent_at_tea = earned - 10
    s.tea.desk.record_sale(amount_fen=9_000, member_id=member, by=None, redeem_points=spent_at_tea)
    # Meanwhile the bakery takes the same coupon and some of the same points, and syncs first.
    assert s.bakery.sync()["ok"]
    coupon_sale(s.bakery, s.coupons[0], amount_fen=6_000, discount_fen=800)
    points_sale_elsewhere(s.bakery, member, redeem=50, amount_fen=3_000)
    assert s.bakery.sync()["ok"]
    assert s.tea.sync()["ok"]
    return {
        "member": member,
        "earned": earned,
        "spent_at_tea": spent_at_tea,
        "tea_sale": tea_sale,
    }
