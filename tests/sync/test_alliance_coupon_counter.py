"""A joint campaign's coupon works at every shop that takes part, exactly once (failure case 6:
one coupon redeemed in two shops while both are offline)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from alliance.campaigns import service as campaigns
from alliance.tables import AllianceCoupon
from desktop.models.errors import DomainError
from desktop.models.tables import Campaign, SyncConflict
from desktop.sync.campaigns import set_taking_part
from tests.alliance.support import AllianceHelper, Server
from tests.sync.alliance_support import SPEC, create_campaign
from tests.sync.support import Shop


def issue(server: Server, campaign_id: int, count: int) -> list[tuple[int, str]]:
    with server.db.write() as session:
        issued = campaigns.issue_coupons(session, campaign_id=campaign_id, count=count)
    return [(int(c["id"]), str(c["code"])) for c in issued]


@pytest.fixture
def street(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> tuple[Shop, Shop, int]:
    tea, bakery = new_shop("茶铺"), new_shop("面包房")
    for shop in (tea, bakery):
        shop.pair(server.url, alliance.invite(shop.name)["code"])
    campaign = create_campaign(server, alliance.id)
    for shop in (tea, bakery):
        set_taking_part(shop.db, campaign, join=True, by=shop.owner)
        assert shop.sync()["ok"]
    return tea, bakery, campaign


def test_an_alliance_coupon_is_applied_at_the_counter_and_the_alliance_honours_it(
    server: Server, alliance: AllianceHelper, street: tuple[Shop, Shop, int]
) -> None:
    tea, _bakery, campaign = street
    ((coupon_id, code),) = issue(server, campaign, 1)
    assert tea.sync()["ok"]

    check = tea.desk.check_coupon(code, amount_fen=6_000, member_id=None)
    assert check.discount_fen == SPEC["value_fen"]
    with pytest.raises(DomainError) as low:
        tea.desk.check_coupon(code, amount_fen=1_000, member_id=None)
    assert low.value.code == "min_spend"
    sale = tea.desk.record_sale(amount_fen=6_000, member_id=None, by=None, coupon_id=coupon_id)
    assert sale.coupon_discount_fen == SPEC["value_fen"]
    with pytest.raises(DomainError) as again:
        tea.desk.check_coupon(code, amount_fen=6_000, member_id=None)
    assert again.value.code == "already_used"

    assert tea.sync()["ok"]
    with server.db.read() as s:
        row = s.get(AllianceCoupon, coupon_id)
        assert row is not None
        assert row.state == "redeemed"
    with tea.db.read() as s:
        copy = s.execute(
            select(Campaign.id).where(Campaign.alliance_campaign_id == campaign)
        ).scalar_one()
    member = tea.desk.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True
    )
    with pytest.raises(DomainError) as local_only:  # only the alliance issues its coupons
        tea.desk.issue_coupon(copy, member_id=member, by=tea.owner)
    assert local_only.value.code == "alliance_campaign_server_owned"
    # Nor is it offered among this shop's own campaigns (to give by hand, to a segment…).
    assert copy not in [c.id for c in tea.desk.campaign_summaries()]


def test_one_coupon_used_in_two_offline_shops_is_honoured_once(
    server: Server,
    alliance: AllianceHelper,
    street: tuple[Shop, Shop, int],
    new_shop: Callable[[str], Shop],
) -> None:
    tea, bakery, campaign = street
    ((coupon_id, code),) = issue(server, campaign, 1)
    assert tea.sync()["ok"]
    assert bakery.sync()["ok"]
    for shop in (tea, bakery):
        shop.desk.check_coupon(code, amount_fen=6_000, member_id=None)
        shop.desk.record_sale(amount_fen=6_000, member_id=None, by=None, coupon_id=coupon_id)

    assert bakery.sync()["ok"]  # the bakery's redemption arrives first and is honoured
    assert tea.sync()["ok"]
    with tea.db.read() as s:
        reasons = [c.reason for c in s.execute(select(SyncConflict)).scalars()]
    assert reasons == ["coupon_already_redeemed"]
    with bakery.db.read() as s:
        assert s.execute(select(SyncConflict)).first() is None

    # A third shop, synced since, refuses it and says where it went.
    books = new_shop("书店")
    books.pair(server.url, alliance.invite("书店")["code"])
    set_taking_part(books.db, campaign, join=True, by=books.owner)
    assert books.sync()["ok"]
    with pytest.raises(DomainError) as refused:
        books.desk.check_coupon(code, amount_fen=6_000, member_id=None)
    assert refused.value.code == "already_used"


def test_a_shop_not_taking_part_refuses_the_coupon_plainly(
    server: Server, alliance: AllianceHelper, street: tuple[Shop, Shop, int]
) -> None:
    tea, _bakery, campaign = street
    set_taking_part(tea.db, campaign, join=False, by=tea.owner)
    ((_coupon_id, code),) = issue(server, campaign, 1)
    assert tea.sync()["ok"]
    with pytest.raises(DomainError) as refused:
        tea.desk.check_coupon(code, amount_fen=6_000, member_id=None)
    assert refused.value.code == "alliance_campaign_not_joined"


def test_offline_an_expensive_alliance_coupon_waits_for_a_connection(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea = new_shop("茶铺")
    tea.pair(server.url, alliance.invite("茶铺")["code"])
    big = create_campaign(server, alliance.id, name="大额券", value_fen=20_000, min_spend_fen=0)
    set_taking_part(tea.db, big, join=True, by=tea.owner)
    ((_coupon_id, code),) = issue(server, big, 1)
    assert tea.sync()["ok"]
    tea.desk.check_coupon(code, amount_fen=30_000, member_id=None)  # just synced: online
    with tea.db.write() as s:  # the last good sync was an hour ago
        from desktop.models.shop import set_setting

        set_setting(s, "sync.last_ok_at", "2000-01-01T00:00:00Z")
    with pytest.raises(DomainError) as refused:
        tea.desk.check_coupon(code, amount_fen=30_000, member_id=None)
    assert refused.value.code == "alliance_coupon_over_offline_cap"
    assert refused.value.params["cap_fen"] == 5_000


def test_a_campaign_changed_while_the_shop_was_offline_keeps_printed_coupons_as_printed(
    server: Server, alliance: AllianceHelper, street: tuple[Shop, Shop, int]
) -> None:
    tea, _bakery, campaign = street
    ((coupon_id, code),) = issue(server, campaign, 1)  # printed as ¥8.00 off
    assert tea.sync()["ok"]
    with server.db.write() as session:  # the operator raises the offer to ¥12.00 later
        from alliance.tables import AllianceCampaign

        row = session.get(AllianceCampaign, campaign)
        assert row is not None
        row.spec = row.spec.replace('"value_fen":800', '"value_fen":1200')
        from alliance.feed import Publisher

        publisher = Publisher(session, alliance.id)
        publisher.campaigns.add(campaign)
        publisher.flush()
    assert tea.sync()["ok"]
    with tea.db.read() as s:
        from desktop.models.tables import AllianceEntity

        snapshot = s.get(AllianceEntity, f"campaign:{campaign}")
        assert snapshot is not None
        assert '"value_fen":1200' in snapshot.data  # the shop knows the new offer
    check = tea.desk.check_coupon(code, amount_fen=6_000, member_id=None)
    assert check.discount_fen == 800  # but the coupon in hand says ¥8.00
