"""Sales, members and points travel to the alliance exactly once, whatever the network does."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, update

from desktop.models.clock import utc_now
from desktop.models.jsonutil import canonical_json, sha256_hex
from desktop.models.tables import AllianceMember, Event
from desktop.sync import state
from desktop.sync.cycle import client_for, run_cycle
from desktop.sync.pull import pull_all
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import LossyProxy, Shop

PHONE = "13800138000"


def waiting(shop: Shop) -> int:
    with shop.db.read() as s:
        return s.execute(
            select(func.count()).select_from(Event).where(Event.acked_at.is_(None))
        ).scalar_one()


def server_balance(server: Server, alliance: AllianceHelper, member_id: int) -> int:
    with server.db.read() as s:
        from alliance.tables import Member

        member = s.get(Member, (alliance.id, member_id))
        assert member is not None, "the server does not know the member"
        return int(member.balance)


def enrol_and_buy(shop: Shop, *, sharing: bool = True, phone: str = PHONE) -> int:
    member = shop.desk.enrol_member(
        name="张三", phone=phone, by=None, membership_consent=True, sharing_consent=sharing
    )
    shop.desk.record_sale(amount_fen=5_800, member_id=member, by=None)
    shop.desk.check_in(member_id=member, by=None)
    return member


@pytest.fixture
def tea(server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]) -> Shop:
    shop = new_shop("茶铺")
    shop.pair(server.url, alliance.invite("茶铺")["code"])
    return shop


def test_a_day_offline_reaches_the_alliance_once_and_other_shops_see_the_member(
    server: Server, alliance: AllianceHelper, tea: Shop, new_shop: Callable[[str], Shop]
) -> None:
    member = enrol_and_buy(tea)
    private = enrol_and_buy(tea, sharing=False, phone="13900139000")
    local = tea.desk.member_card(member).balance
    assert local > 0

    outbox = waiting(tea)  # set-up, enrolments, sales, check-ins, phone hashes

    first = tea.sync()

    assert first["ok"] is True, first
    assert first["pushed"] == outbox
    assert waiting(tea) == 0
    assert server_balance(server, alliance, member) == local
    assert tea.sync() == {"ok": True, "pushed": 0, "pulled": 0, "conflicts": 0, "errors": []}

    bakery = new_shop("面包房")
    bakery.pair(server.url, alliance.invite("面包房")["code"])
    assert bakery.sync()["ok"] is True
    with bakery.db.read() as s:
        seen = {
            m.member_id: (m.balance, m.phone_hash)
            for m in s.execute(select(AllianceMember)).scalars()
        }
        key = base64.b64decode(state_key(s))
    assert member in seen
    assert private not in seen
    expected_hash = hmac.new(key, PHONE.encode(), hashlib.sha256).hexdigest()
    assert seen[member] == (local, expected_hash)


def state_key(session: object) -> str:
    from desktop.models.shop import get_setting

    value = get_setting(session, state.PHONE_HASH_KEY)  # type: ignore[arg-type]
    assert isinstance(value, str)
    return value


def test_a_lost_answer_is_pushed_again_with_one_effect(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    proxy = LossyProxy(server.url)
    try:
        shop = new_shop("茶铺")
        shop.pair(proxy.url, alliance.invite("茶铺")["code"])
        member = enrol_and_buy(shop)
        proxy.drop = 1

        lost = shop.sync()
        assert lost["ok"] is False
        assert lost["errors"][0]["code"] == "offline"
        assert waiting(shop) > 0  # the shop never heard back, so it keeps them

        again = shop.sync()
        assert again["ok"] is True
        assert waiting(shop) == 0
        assert proxy.pushes_seen == 2
        assert server_balance(server, alliance, member) == shop.desk.member_card(member).balance
    finally:
        proxy.close()


def test_two_syncs_at_once_give_one_effect(
    server: Server, alliance: AllianceHelper, tea: Shop
) -> None:
    member = enrol_and_buy(tea)
    for _ in range(30):
        tea.desk.record_sale(amount_fen=1_000, member_id=member, by=None)
    reports = []

    def one() -> None:
        reports.append(run_cycle(tea.db, clock=utc_now))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert all(r.ok for r in reports), [r.errors for r in reports]
    assert waiting(tea) == 0
    assert server_balance(server, alliance, member) == tea.desk.member_card(member).balance


def test_a_page_pulled_twice_changes_nothing(
    server: Server, alliance: AllianceHelper, tea: Shop, new_shop: Callable[[str], Shop]
) -> None:
    for i in range(7):
        enrol_and_buy(tea, phone=f"1380013{i:04d}")
    assert tea.sync()["ok"]
    bakery = new_shop("面包房")
    bakery.pair(server.url, alliance.invite("面包房")["code"])
    with client_for(bakery.db) as client:
        pull_all(bakery.db, client, page=3)
        with bakery.db.read() as s:
            first = sorted(
                (m.member_id, m.balance) for m in s.execute(select(AllianceMember)).scalars()
            )
        with bakery.db.write() as s:  # as if the cursor of the last pages was never stored
            from desktop.models.shop import set_setting

            set_setting(s, state.PULL_SINCE, 2)
        pull_all(bakery.db, client, page=3)
    with bakery.db.read() as s:
        again = sorted(
            (m.member_id, m.balance) for m in s.execute(select(AllianceMember)).scalars()
        )
    assert again == first
    assert len(first) == 7


def test_an_event_reused_with_other_content_stops_with_a_plain_reason(
    server: Server, alliance: AllianceHelper, tea: Shop
) -> None:
    enrol_and_buy(tea)
    assert tea.sync()["ok"]
    with tea.db.write() as s:  # a damaged outbox: a sent event now says something else
        first = s.execute(select(Event).order_by(Event.device_seq.desc()).limit(1)).scalar_one()
        payload = {**json.loads(first.payload), "x": 1}
        body = canonical_json({"kind": first.kind, "payload": payload})
        s.execute(
            update(Event)
            .where(Event.id == first.id)
            .values(acked_at=None, payload=canonical_json(payload), content_hash=sha256_hex(body))
        )
    status, report = tea.cli("sync")
    assert status == 1
    assert report["errors"][0]["code"] == "event_id_reused"
    assert "another content" in report["errors"][0]["message"]
    assert waiting(tea) == 1  # kept, shown, never silently dropped
