"""A long time offline: a backlog of over 10,000 events goes up in pages while the counter
keeps selling, and the alliance ends with exactly the shop's balances."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import func, select

from desktop.models.clock import utc_now
from desktop.models.db import open_database
from desktop.models.demo import make_demo
from desktop.models.service import Desk
from desktop.models.tables import Event, Member
from desktop.sync import push
from desktop.sync.cycle import run_cycle
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Shop
from tests.sync.test_kills import assert_exactly_once


def test_a_10k_event_backlog_is_sent_in_pages_while_the_counter_sells(
    server: Server,
    alliance: AllianceHelper,
    tmp_path: Path,
    monkeypatch,
) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    demo = make_demo(db, members=850, days=300, seed=11)  # a year of a busy shop, offline
    desk = Desk(db)
    owner = desk.authenticate(demo.owner_pin, owner_only=True)
    shop = Shop("demo", path, db, desk, owner)
    with db.read() as s:
        backlog = s.execute(select(func.count()).select_from(Event)).scalar_one()
    assert backlog > 10_000
    status, paired = shop.cli(
        "pair",
        "--server",
        server.url,
        "--code",
        alliance.invite("demo")["code"],
        "--owner-pin",
        demo.owner_pin,
    )
    assert status == 0, paired

    largest = {"batch": 0}
    real_waiting = push.waiting_events

    def watched(session, **kw):  # type: ignore[no-untyped-def]
        rows = real_waiting(session, **kw)
        largest["batch"] = max(largest["batch"], len(rows))
        return rows

    monkeypatch.setattr(push, "waiting_events", watched)
    done = threading.Event()
    reports = []

    def sync() -> None:
        reports.append(run_cycle(db, clock=utc_now))
        done.set()

    syncing = threading.Thread(target=sync)
    syncing.start()
    with db.read() as s:
        member = s.execute(select(Member.id).limit(1)).scalar_one()
    desk.record_sale(amount_fen=1_500, member_id=member, by=None)
    sold_during_sync = not done.is_set()  # the counter did not wait for the push
    for _ in range(20):
        desk.record_sale(amount_fen=1_500, member_id=member, by=None)
    syncing.join(120)
    assert sold_during_sync
    assert reports[0].ok, reports[0].errors
    assert largest["batch"] == push.BATCH  # never more than one page in memory
    report = run_cycle(db, clock=utc_now)  # what was sold meanwhile
    assert report.ok, report.errors
    assert_exactly_once(shop, server.db, alliance.id)
    db.close()
