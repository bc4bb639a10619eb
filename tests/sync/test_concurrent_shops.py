"""Failure case 5: two shops push at the same time while a third pulls; the puller never
skips a change."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import select

from alliance.tables import Member as ServerMember
from desktop.models.clock import utc_now
from desktop.models.tables import AllianceMember
from desktop.sync.cycle import client_for, run_cycle
from desktop.sync.pull import pull_all
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Shop


def busy_shop(shop: Shop, prefix: str) -> list[int]:
    members = [
        shop.desk.enrol_member(
            name=f"{prefix}{i}",
            phone=f"13{prefix}{i:08d}",
            by=None,
            membership_consent=True,
            sharing_consent=True,
        )
        for i in range(20)
    ]
    for round_no in range(10):
        for m in members:
            shop.desk.record_sale(amount_fen=800 + round_no, member_id=m, by=None)
    return members


def test_a_shop_pulling_while_two_others_push_sees_every_change(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    shops = [new_shop(name) for name in ("茶铺", "面包房", "书店")]
    for shop in shops:
        shop.pair(server.url, alliance.invite(shop.name)["code"])
    tea, bakery, books = shops
    members = busy_shop(tea, "8") + busy_shop(bakery, "9")
    pushing = [
        threading.Thread(target=lambda s=s: run_cycle(s.db, clock=utc_now)) for s in (tea, bakery)
    ]
    pulls = 0
    with client_for(books.db) as client:
        for t in pushing:
            t.start()
        while any(t.is_alive() for t in pushing):
            pull_all(books.db, client, page=7)  # small pages, many commits in between
            pulls += 1
        for t in pushing:
            t.join()
        pull_all(books.db, client, page=7)
    assert pulls > 1
    with books.db.read() as s:
        seen = {
            m.member_id: m.balance
            for m in s.execute(select(AllianceMember)).scalars()
            if m.member_id in members
        }
    with server.db.read() as s:
        truth = {
            m.id: m.balance
            for m in s.execute(
                select(ServerMember).where(ServerMember.alliance_id == alliance.id)
            ).scalars()
            if m.id in members
        }
    assert len(truth) == 40
    assert seen == truth
    assert all(balance > 0 for balance in truth.values())
