"""Joint campaigns at a shop: listed from the pulled snapshots, joined and left by the owner
over the network, refused once ended, and each shop sees only its own results."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.models.staff import Refused
from desktop.sync.campaigns import (
    joint_campaigns,
    membership,
    own_results,
    refresh,
    set_taking_part,
)
from desktop.sync.cycle import client_for
from desktop.sync.errors import SyncError
from tests.alliance.support import AllianceHelper, Server
from tests.sync.alliance_support import (
    coupon_sale,
    create_campaign,
    end_campaign,
    issue_coupons,
    street,
)
from tests.sync.support import Shop


def test_a_shop_outside_any_alliance_has_no_joint_campaigns(
    new_shop: Callable[[str], Shop],
) -> None:
    shop = new_shop("alone")
    assert membership(shop.db) is None
    assert joint_campaigns(shop.db) == []


def test_campaigns_come_down_with_the_sync_and_the_owner_takes_part(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea, bakery = new_shop("tea"), new_shop("bakery")
    tea.pair(server.url, alliance.invite("Tea house")["code"])
    bakery.pair(server.url, alliance.invite("Bakery")["code"])
    fair = create_campaign(server, alliance.id)
    week = create_campaign(
        server,
        alliance.id,
        name="Lantern week",
        kind="percent_off",
        value_fen=0,
        percent=10,
        cap_fen=2_000,
    )
    assert tea.sync()["ok"]

    listed = joint_campaigns(tea.db)
    assert [(c.id, c.name, c.taking_part) for c in listed] == [
        (fair, "Spring street fair", False),
        (week, "Lantern week", False),
    ]
    assert listed[0].spec is not None
    assert listed[0].spec.value_fen == 800
    assert listed[1].spec is not None
    assert listed[1].spec.percent == 10

    with pytest.raises(Refused):
        set_taking_part(tea.db, fair, join=True, by=None)
    joined = set_taking_part(tea.db, fair, join=True, by=tea.owner)
    assert joined is not None
    assert joined.taking_part

    # The other shop sees the tea house among the participants once it syncs.
    assert bakery.sync()["ok"]
    tea_shop = membership(tea.db)
    assert tea_shop is not None
    seen = {c.id: c for c in joint_campaigns(bakery.db)}
    assert seen[fair].shops == (tea_shop.shop_id,)
    assert not seen[fair].taking_part
    # And the live list at the tea house agrees with what it stored.
    assert {c.id: c.taking_part for c in refresh(tea.db)} == {fair: True, week: False}

    left = set_taking_part(tea.db, fair, join=False, by=tea.owner)
    assert left is not None
    assert not left.taking_part
    assert bakery.sync()["ok"]
    assert {c.id: c for c in joint_campaigns(bakery.db)}[fair].shops == ()


def test_a_campaign_that_ended_cannot_be_left_and_stays_as_it_was(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    s = street(server, alliance, new_shop)
    end_campaign(server, s.campaign)

    with pytest.raises(SyncError) as refused:
        set_taking_part(s.tea.db, s.campaign, join=False, by=s.tea.owner)

    assert refused.value.code == "campaign_ended"
    assert {c.id: c.taking_part for c in joint_campaigns(s.tea.db)}[s.campaign]
    assert {c.id: c.state for c in refresh(s.tea.db)}[s.campaign] == "ended"


def test_a_new_campaign_shows_after_a_refresh_without_waiting_for_the_pull(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    s = street(server, alliance, new_shop)
    later = create_campaign(server, alliance.id, name="Autumn")
    assert later not in {c.id for c in joint_campaigns(s.tea.db)}
    assert later in {c.id for c in refresh(s.tea.db)}
    assert s.tea.sync()["ok"]  # the pull then replaces the stored copy
    assert [c.name for c in joint_campaigns(s.tea.db) if c.id == later] == ["Autumn"]


def test_each_shop_sees_its_own_part_of_the_results(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    s = street(server, alliance, new_shop, coupons=3)
    coupon_sale(s.tea, s.coupons[0], amount_fen=8_800, discount_fen=800)
    coupon_sale(s.tea, s.coupons[1], amount_fen=6_600, discount_fen=800)
    coupon_sale(s.bakery, s.coupons[2], amount_fen=5_000, discount_fen=800)
    coupon_sale(s.bakery, s.coupons[0], amount_fen=9_900, discount_fen=800)
    assert s.tea.sync()["ok"]
    assert s.bakery.sync()["ok"]

    tea = own_results(s.tea.db, s.campaign)
    bakery = own_results(s.bakery.db, s.campaign)

    assert (tea.taking_part, tea.redeemed, tea.discount_fen, tea.sales_fen, tea.conflicts) == (
        True,
        2,
        1_600,
        15_400,
        0,
    )
    assert (bakery.redeemed, bakery.discount_fen, bakery.sales_fen, bakery.conflicts) == (
        1,
        800,
        14_900,
        1,
    )
    with client_for(s.tea.db) as client:
        raw = client.campaign_results(s.campaign)
    tea_shop = membership(s.tea.db)
    assert tea_shop is not None
    assert [p["shop"] for p in raw["shops"]] == [tea_shop.shop_id]  # nothing of the bakery's
    assert "issued" not in raw


def test_results_of_a_campaign_of_another_alliance_are_not_found(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    s = street(server, alliance, new_shop)
    other = AllianceHelper.create(server, "West street")
    theirs = create_campaign(server, other.id)
    issue_coupons(server, theirs, 1)
    with pytest.raises(SyncError) as refused:
        own_results(s.tea.db, theirs)
    assert refused.value.code == "campaign_not_found"
