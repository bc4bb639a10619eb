"""The alliance at the counter, end to end: two shops, the real server over HTTP.

A member enrolled at the tea shop is recognised at the noodle shop by the card the tea shop
printed, earns there at once, and redeems within the offline limits; an overspend by both
shops offline becomes a debt that later earns repay (DESIGN §5, failure case 7). The
``alliance`` fixture checks the server's ledger invariants (Σ postings = 0) at teardown.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from alliance import operator
from desktop.models.errors import DomainError
from desktop.models.tables import SyncConflict
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Shop

PHONE = "13800138000"


def paired(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop], name: str
) -> tuple[Shop, int]:
    shop = new_shop(name)
    answer = shop.pair(server.url, alliance.invite(name)["code"])
    return shop, int(answer["shop"])


def server_balance(server: Server, alliance: AllianceHelper, member_id: int) -> int:
    with server.db.read() as s:
        from alliance.tables import Member

        member = s.get(Member, (alliance.id, member_id))
        assert member is not None, "the server does not know the member"
        return int(member.balance)


def synced(*shops: Shop) -> None:
    for shop in shops:
        report = shop.sync()
        assert report["ok"], report


def redeem(shop: Shop, member: int, points: int) -> int | None:
    """A sale paid with points only; returns the balance the counter shows after it."""
    return shop.desk.record_sale(
        amount_fen=points, member_id=member, by=None, redeem_points=points
    ).balance


def refusal(shop: Shop, member: int, points: int) -> DomainError:
    with pytest.raises(DomainError) as caught:
        redeem(shop, member, points)
    return caught.value


def tea_member(tea: Shop, *, sharing: bool = True, phone: str = PHONE) -> int:
    member = tea.desk.enrol_member(
        name="张三", phone=phone, by=None, membership_consent=True, sharing_consent=sharing
    )
    tea.desk.record_sale(amount_fen=50_000, member_id=member, by=None)  # earns 500
    return member


def test_a_member_of_another_shop_is_recognised_offline_and_earns_at_once(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea, tea_id = paired(server, alliance, new_shop, "茶铺")
    noodles, _ = paired(server, alliance, new_shop, "面馆")
    member = tea_member(tea)
    private = tea_member(tea, sharing=False, phone="13900139000")
    synced(tea, noodles)

    card = noodles.desk.lookup_scan(tea.desk.member_code(member))
    assert (card.id, card.alliance_shop_id, card.balance, card.name) == (member, tea_id, 500, "")
    assert card.alliance_balance
    sale = noodles.desk.record_sale(amount_fen=8_800, member_id=member, by=None)
    assert (sale.points_earned, sale.balance) == (88, 588)
    synced(noodles)
    assert server_balance(server, alliance, member) == 588
    assert noodles.desk.member_card(member).balance == 588

    # Their details, consents and data belong to their own shop: refused here, plainly.
    for attempt in (
        lambda: noodles.desk.update_member(member_id=member, by=None, name="改名"),
        lambda: noodles.desk.set_consent(member_id=member, kind="marketing", granted=True, by=None),
        lambda: noodles.desk.erase_member(member, by=noodles.owner),
    ):
        with pytest.raises(DomainError) as not_ours:
            attempt()
        assert not_ours.value.code == "member_of_another_shop"

    # A typed phone finds them through the alliance's keyed hash, not in the local list.
    assert noodles.desk.search_members(PHONE).items == ()
    found = noodles.desk.find_alliance_member(PHONE)
    assert found is not None
    assert found.id == member
    assert noodles.desk.find_alliance_member("13700137000") is None

    # A member who did not agree to share is not this shop's to serve with points.
    with pytest.raises(DomainError) as hidden:
        noodles.desk.lookup_scan(tea.desk.member_code(private))
    assert hidden.value.code == "alliance_member_unknown"

    # A replaced card is refused once the alliance's deny list arrives; the new one works.
    old_code = tea.desk.member_code(member)
    tea.desk.reissue_card(member_id=member, by=None)
    synced(tea, noodles)
    with pytest.raises(DomainError) as revoked:
        noodles.desk.lookup_scan(old_code)
    assert revoked.value.code == "revoked"
    assert noodles.desk.lookup_scan(tea.desk.member_code(member)).id == member

    # A shop of another alliance is not trusted, even with a well-formed card.
    elsewhere = AllianceHelper.create(server, "西街商盟")
    stranger, _ = paired(server, elsewhere, new_shop, "外店")
    outsider = tea_member(stranger, phone="13600136000")
    with pytest.raises(DomainError) as unknown:
        noodles.desk.lookup_scan(stranger.desk.member_code(outsider))
    assert unknown.value.code == "unknown_key"


def test_failure_case_7_two_shops_overspend_offline_and_the_debt_is_repaid(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea, _ = paired(server, alliance, new_shop, "茶铺")
    noodles, _ = paired(server, alliance, new_shop, "面馆")
    member = tea_member(tea)
    regular = noodles.desk.enrol_member(
        name="李四", phone="13900139000", by=None, membership_consent=True, sharing_consent=True
    )
    noodles.desk.record_sale(amount_fen=50_000, member_id=regular, by=None)
    with server.db.write() as s:  # the alliance lowers the per-counter cap to show it bite
        operator.set_policy(
            s, alliance_id=alliance.id, changes={"offline_unsynced_redeemed_points_per_device": 450}
        )
    synced(tea, noodles)
    assert noodles.desk.lookup_scan(tea.desk.member_code(member)).balance == 500

    # Both counters now redeem without syncing, each against the 500 it knows.
    assert redeem(tea, member, 200) == 300
    split = refusal(tea, member, 101)
    assert (split.code, split.params["left"]) == ("offline_member_day_points", 100)
    assert redeem(tea, member, 100) == 200
    assert refusal(tea, member, 1).code == "offline_member_day_count"

    assert redeem(noodles, member, 300) == 200
    assert refusal(noodles, member, 1).code == "offline_member_day_points"
    capped = refusal(noodles, regular, 200)  # 300 unsynced + 200 > 450 on this counter
    assert (capped.code, capped.params["left"]) == ("offline_device_points", 150)
    assert redeem(noodles, regular, 150) == 350

    synced(tea, noodles, tea)
    assert server_balance(server, alliance, member) == -100
    with noodles.db.read() as s:
        reasons = s.execute(select(SyncConflict.reason)).scalars().all()
    assert "overspend" in reasons
    for shop in (tea, noodles):
        assert shop.desk.member_card(member).balance == -100
        assert refusal(shop, member, 1).params == {"debt": 100}

    # Future earns repay the debt first; redeeming waits until a sync shows it repaid.
    assert noodles.desk.record_sale(amount_fen=6_000, member_id=member, by=None).balance == -40
    synced(noodles)
    assert server_balance(server, alliance, member) == -40
    assert noodles.desk.record_sale(amount_fen=10_000, member_id=member, by=None).balance == 60
    assert refusal(noodles, member, 50).params == {"debt": 40}
    synced(noodles)
    assert redeem(noodles, member, 50) == 10
    synced(noodles, tea)
    assert server_balance(server, alliance, member) == 10
    assert tea.desk.member_card(member).balance == 10
