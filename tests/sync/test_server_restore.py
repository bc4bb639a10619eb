"""Failure case 8, server side: the alliance server is restored from yesterday's backup (a new
epoch). The shop pulls everything again and pushes again what the server lost; nothing is
counted twice."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from alliance import operator
from alliance.db import Database as ServerDatabase
from desktop.models.clock import utc_now
from desktop.sync.cycle import run_cycle
from tests.sync.support import Shop
from tests.sync.test_kills import ROOT, assert_exactly_once, enrol_five, server_process

__all__ = ["server_process"]  # the fixture, shared with the kill tests


def copy_database(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def test_a_restored_server_gets_back_what_it_lost_once(
    server_process: tuple[str, str, Callable[[], None], Callable[[], None]],
    new_shop: Callable[[str], Shop],
    tmp_path: Path,
) -> None:
    url, address, kill, restart = server_process
    file = Path(url.removeprefix("sqlite:///"))
    db = ServerDatabase(url)
    try:
        with db.write() as s:
            alliance_id = operator.create_alliance(s, name="东街商盟")
            code = operator.invite_shop(s, alliance_id=alliance_id, name="茶铺", days=7)["code"]
        shop = new_shop("茶铺")
        shop.pair(address, code)
        members = enrol_five(shop)
        for i in range(30):
            shop.desk.record_sale(amount_fen=2_000 + i, member_id=members[i % 5], by=None)
        assert run_cycle(shop.db, clock=utc_now).ok
        yesterday = tmp_path / "yesterday.sqlite"
        copy_database(file, yesterday)  # the server's nightly backup
        for i in range(40):
            shop.desk.record_sale(amount_fen=3_000 + i, member_id=members[i % 5], by=None)
        assert run_cycle(shop.db, clock=utc_now).ok

        kill()  # the server's disk dies; last night's backup goes back in
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{file}{suffix}").unlink(missing_ok=True)
        copy_database(yesterday, file)
        done = subprocess.run(
            [sys.executable, "-m", "alliance.admin", "--database-url", url, "new-epoch"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)
        restart()

        report = run_cycle(shop.db, clock=utc_now)
        assert report.ok, report.errors
        assert report.pushed >= 40  # what the restored server had lost went up again
        db = ServerDatabase(url)
        assert_exactly_once(shop, db, alliance_id)
        with db.read() as s:
            assert operator.check(s, alliance_id=alliance_id) == []
        assert run_cycle(shop.db, clock=utc_now).pushed == 0
    finally:
        db.dispose()
