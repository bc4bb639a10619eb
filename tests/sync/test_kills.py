"""Failure case 2: the counter killed while it writes or syncs, the server killed while it
applies. Afterwards every event reached the server exactly once and its balances equal the
shop's own ledger, recomputed from scratch."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from alliance.db import Database as ServerDatabase
from alliance.tables import Device as ServerDevice
from alliance.tables import Member as ServerMember
from desktop.models.clock import utc_now
from desktop.models.tables import Event, PointsEntry
from desktop.sync import push
from desktop.sync.cycle import run_cycle
from tests.alliance.conftest import free_port
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import LossyProxy, Shop

ROOT = Path(__file__).resolve().parents[2]


def local_balances(shop: Shop) -> dict[int, int]:
    with shop.db.read() as s:
        rows = s.execute(
            select(PointsEntry.member_id, func.sum(PointsEntry.points)).group_by(
                PointsEntry.member_id
            )
        ).all()
    return {int(m): int(p) for m, p in rows}


def assert_exactly_once(shop: Shop, db: ServerDatabase, alliance_id: int) -> None:
    with shop.db.read() as s:
        waiting = s.execute(
            select(func.count()).select_from(Event).where(Event.acked_at.is_(None))
        ).scalar_one()
        last_seq = s.execute(select(func.max(Event.device_seq))).scalar_one()
    assert waiting == 0
    with db.read() as s:
        acked = s.execute(
            select(func.max(ServerDevice.acked_seq)).where(ServerDevice.alliance_id == alliance_id)
        ).scalar_one()
        balances = {
            int(m.id): int(m.balance)
            for m in s.execute(
                select(ServerMember).where(ServerMember.alliance_id == alliance_id)
            ).scalars()
        }
    assert acked == last_seq  # every event, each once, in order
    local = {m: p for m, p in local_balances(shop).items()}
    assert {m: balances.get(m, 0) for m in local} == local


def enrol_five(shop: Shop) -> list[int]:
    return [
        shop.desk.enrol_member(
            name=f"会员{i}",
            phone=f"1380013{i:04d}",
            by=None,
            membership_consent=True,
            sharing_consent=i % 2 == 0,
        )
        for i in range(5)
    ]


def test_a_counter_killed_mid_write_still_syncs_every_effect_once(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    shop = new_shop("茶铺")
    shop.pair(server.url, alliance.invite("茶铺")["code"])
    enrol_five(shop)
    rng = random.Random(5)
    for round_no in range(3):
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.models.crash_writer", str(shop.path), str(round_no)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == b"READY"
        time.sleep(rng.uniform(0.2, 0.6))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        report = run_cycle(shop.db, clock=utc_now)
        assert report.ok, report.errors
    assert_exactly_once(shop, server.db, alliance.id)


@pytest.mark.parametrize(
    ("where", "nth"),
    [("/v1/sync/push", 1), ("/v1/sync/push", 2), ("/v1/sync/pull", 1)],
    ids=["first-push-answered", "mid-batch", "pull-answered"],
)
def test_a_sync_killed_after_the_server_answered_has_one_effect(
    server: Server,
    alliance: AllianceHelper,
    new_shop: Callable[[str], Shop],
    where: str,
    nth: int,
) -> None:
    proxy = LossyProxy(server.url)
    try:
        shop = new_shop("茶铺")
        shop.pair(proxy.url, alliance.invite("茶铺")["code"])
        members = enrol_five(shop)
        for i in range(2 * push.BATCH + 50):  # three push requests
            shop.desk.record_sale(amount_fen=1_000 + i, member_id=members[i % 5], by=None)
        child = subprocess.Popen(
            [sys.executable, "-m", "desktop", "sync", "--db", str(shop.path)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        seen = {"n": 0}

        def kill_there(path: str) -> bool:
            if not path.startswith(where):
                return False
            seen["n"] += 1
            if seen["n"] != nth:
                return False
            os.kill(child.pid, signal.SIGKILL)  # the server committed; the shop dies
            return True

        proxy.hook = kill_there
        assert child.wait(timeout=60) == -signal.SIGKILL
        proxy.hook = None
        report = run_cycle(shop.db, clock=utc_now)
        assert report.ok, report.errors
        assert_exactly_once(shop, server.db, alliance.id)
    finally:
        proxy.close()


@pytest.fixture
def server_process(
    tmp_path: Path,
) -> Iterator[tuple[str, str, Callable[[], None], Callable[[], None]]]:
    """``alliance-server`` as its own process on a SQLite file, with kill and restart."""
    url = f"sqlite:///{tmp_path / 'alliance.sqlite'}"
    port = free_port()
    state: dict[str, subprocess.Popen[bytes]] = {}

    def start() -> None:
        state["proc"] = subprocess.Popen(
            [sys.executable, "-m", "alliance", "--database-url", url, "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import requests

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("alliance-server did not start")

    def kill() -> None:
        state["proc"].send_signal(signal.SIGKILL)
        state["proc"].wait()

    start()
    try:
        yield url, f"http://127.0.0.1:{port}", kill, start
    finally:
        state["proc"].kill()
        state["proc"].wait()


def test_the_server_killed_mid_apply_loses_nothing_and_counts_once(
    server_process: tuple[str, str, Callable[[], None], Callable[[], None]],
    new_shop: Callable[[str], Shop],
) -> None:
    url, address, kill, restart = server_process
    db = ServerDatabase(url)
    try:
        from alliance import operator

        with db.write() as s:
            alliance_id = operator.create_alliance(s, name="东街商盟")
            code = operator.invite_shop(s, alliance_id=alliance_id, name="茶铺", days=7)["code"]
        shop = new_shop("茶铺")
        shop.pair(address, code)
        members = enrol_five(shop)
        for i in range(1_200):
            shop.desk.record_sale(amount_fen=500 + i, member_id=members[i % 5], by=None)
        outcome: dict[str, object] = {}
        syncing = threading.Thread(
            target=lambda: outcome.setdefault("report", run_cycle(shop.db, clock=utc_now))
        )
        syncing.start()
        time.sleep(0.4)  # some batches applied, one probably in flight
        kill()
        syncing.join(60)
        restart()
        report = run_cycle(shop.db, clock=utc_now)
        assert report.ok, report.errors
        assert_exactly_once(shop, db, alliance_id)
        with db.read() as s:
            assert operator.check(s, alliance_id=alliance_id) == []
    finally:
        db.dispose()
