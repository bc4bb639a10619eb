"""Joint campaigns in a shop's Campaigns tab: the list, taking part with the owner's PIN,
a plain refusal once a campaign has ended, and this shop's own results, fetched in the
background from a real alliance server."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop.models.staff import Actor
from desktop.sync.campaigns import joint_campaigns, membership
from desktop.views.alliance_campaigns_view import AllianceCampaignsView, Col
from tests.alliance.support import AllianceHelper, Server
from tests.sync.alliance_support import coupon_sale, create_campaign, end_campaign, street
from tests.sync.conftest import alliance, new_shop, server  # noqa: F401  (real server)
from tests.sync.support import Shop

WAIT_MS = 30_000


def shown(qtbot: QtBot, shop: Shop, owner: Actor | None) -> AllianceCampaignsView:
    view = AllianceCampaignsView(shop.desk, owner_for=lambda _reason: owner)
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    settle(qtbot, view)
    return view


def settle(qtbot: QtBot, view: AllianceCampaignsView) -> None:
    qtbot.waitUntil(lambda: not view.worker.busy, timeout=WAIT_MS)


def row(view: AllianceCampaignsView, name: str) -> dict[Col, str]:
    for r in range(view.table.rowCount()):
        if view.table.item(r, Col.NAME).text() == name:
            return {c: view.table.item(r, c).text() for c in Col}
    raise AssertionError(f"{name} not listed")


def choose(view: AllianceCampaignsView, name: str) -> None:
    names = [view.table.item(r, Col.NAME).text() for r in range(view.table.rowCount())]
    view.table.selectRow(names.index(name))


def test_outside_an_alliance_one_sentence_says_so(
    qtbot: QtBot,
    new_shop: Callable[[str], Shop],  # noqa: F811
) -> None:
    shop = new_shop("alone")
    view = shown(qtbot, shop, shop.owner)
    assert view.outside_label.isVisible()
    assert "not in an alliance" in view.outside_label.text()
    assert not view.table.isVisible()
    assert not view.buttons["join"].isVisible()


def test_the_shop_sees_its_results_and_takes_part_in_another_campaign(
    qtbot: QtBot,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    new_shop: Callable[[str], Shop],  # noqa: F811
) -> None:
    s = street(server, alliance, new_shop)
    coupon_sale(s.tea, s.coupons[0], amount_fen=8_800, discount_fen=800)
    coupon_sale(s.bakery, s.coupons[1], amount_fen=5_000, discount_fen=800)
    coupon_sale(s.bakery, s.coupons[0], amount_fen=6_000, discount_fen=800)
    assert s.tea.sync()["ok"]
    assert s.bakery.sync()["ok"]
    create_campaign(server, alliance.id, name="Lantern week")

    view = shown(qtbot, s.tea, s.tea.owner)

    fair = row(view, "Spring street fair")
    assert fair[Col.TAKING_PART] == "Taking part"
    assert (fair[Col.REDEEMED], fair[Col.DISCOUNT], fair[Col.SALES]) == ("1", "¥8.00", "¥88.00")
    assert fair[Col.CONFLICTS] == "0"
    assert fair[Col.OFFER] == "¥8.00 off"
    assert "30 days" in fair[Col.DATES]
    lantern = row(view, "Lantern week")  # created after the last sync: the live list has it
    assert (lantern[Col.TAKING_PART], lantern[Col.REDEEMED]) == ("Not taking part", "—")
    bakery_view = shown(qtbot, s.bakery, s.bakery.owner)
    assert row(bakery_view, "Spring street fair")[Col.CONFLICTS] == "1"  # its own part only

    choose(view, "Lantern week")
    assert view.buttons["join"].isEnabled()
    assert not view.buttons["leave"].isEnabled()
    view.buttons["join"].click()
    settle(qtbot, view)
    settle(qtbot, view)

    assert view.message_kind == "ok"
    assert "now takes part in “Lantern week”" in view.message_label.text()
    assert row(view, "Lantern week")[Col.TAKING_PART] == "Taking part"
    assert row(view, "Lantern week")[Col.REDEEMED] == "0"
    assert s.bakery.sync()["ok"]
    tea = membership(s.tea.db)
    assert tea is not None
    lantern_seen = [c for c in joint_campaigns(s.bakery.db) if c.name == "Lantern week"]
    assert lantern_seen[0].shops == (tea.shop_id,)


def test_withdrawing_from_an_ended_campaign_is_refused_in_plain_words(
    qtbot: QtBot,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    new_shop: Callable[[str], Shop],  # noqa: F811
) -> None:
    s = street(server, alliance, new_shop)
    view = shown(qtbot, s.tea, s.tea.owner)
    choose(view, "Spring street fair")
    assert view.buttons["leave"].isEnabled()
    end_campaign(server, s.campaign)  # the counter has not heard yet

    view.buttons["leave"].click()
    settle(qtbot, view)

    assert view.message_kind == "error"
    assert view.message_label.text() == (
        "“Spring street fair” has ended: shops can no longer join or leave it."
    )
    assert [c.taking_part for c in joint_campaigns(s.tea.db)] == [True]


def test_without_the_owner_pin_nothing_changes(
    qtbot: QtBot,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    new_shop: Callable[[str], Shop],  # noqa: F811
) -> None:
    s = street(server, alliance, new_shop)
    view = shown(qtbot, s.tea, None)
    choose(view, "Spring street fair")
    view.buttons["leave"].click()
    settle(qtbot, view)
    assert view.message_kind == "info"
    assert "owner's PIN was not given" in view.message_label.text()
    assert row(view, "Spring street fair")[Col.TAKING_PART] == "Taking part"
