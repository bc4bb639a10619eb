"""Two counters (two real processes) on one database file use the same coupons at the same
moment: each coupon is used by exactly one sale, and the loser's sale leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.models.db import open_database
from desktop.models.service import Desk
from tests.models.conftest import OWNER_PIN
from tests.models.coupon_support import spec

ROOT = Path(__file__).resolve().parents[2]
COUPONS = 30


def _set_up(path: Path) -> list[int]:
    desk = Desk(open_database(path), clock=lambda: dt.datetime(2026, 3, 2, 2, 0))
    owner = desk.set_up(shop_name="小王咖啡", owner_name="王老板", owner_pin=OWNER_PIN)
    cid = desk.create_campaign(spec(), by=owner)
    _, coupons = desk.issue_bearer_batch(cid, count=COUPONS, by=owner)
    desk.db.close()
    return [c.id for c in coupons]


def test_two_processes_using_the_same_coupon_at_once_exactly_one_succeeds(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shop.sqlite"
    ids = _set_up(path)
    go_dir = tmp_path / "go"
    go_dir.mkdir()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.models.coupon_race_redeemer", str(path), str(go_dir)]
            + [str(i) for i in ids],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    rounds: list[list[list[str]]] = []
    try:
        for proc in procs:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == "READY", proc.stderr
        for n in range(COUPONS):
            (go_dir / str(n)).touch()
            rounds.append([p.stdout.readline().split() for p in procs])  # type: ignore[union-attr]
        for proc in procs:
            proc.wait(timeout=30)
    finally:
        for proc in procs:
            proc.kill()
            proc.communicate()
    winners = []
    for coupon_id, results in zip(ids, rounds, strict=True):
        verdicts = sorted(r[0] for r in results)
        assert verdicts == ["OK", "REFUSED"], results
        assert all(int(r[1]) == coupon_id for r in results)
        refused = next(r for r in results if r[0] == "REFUSED")
        assert refused[2] == "already_used"
        winners.append(next(i for i, r in enumerate(results) if r[0] == "OK"))
    # Both processes won some rounds: they really were racing, not taking turns.
    assert set(winners) == {0, 1}, winners
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM sale").fetchone() == (COUPONS,)
        assert conn.execute(
            "SELECT count(DISTINCT coupon_id) FROM sale WHERE coupon_id IS NOT NULL"
        ).fetchone() == (COUPONS,)
        assert conn.execute(
            "SELECT count(*) FROM coupon WHERE state = 'redeemed'"
            " AND redeemed_sale_id = (SELECT id FROM sale WHERE sale.coupon_id = coupon.id)"
        ).fetchone() == (COUPONS,)
        assert conn.execute(
            "SELECT count(*) FROM event WHERE kind = 'coupon.redeemed'"
        ).fetchone() == (COUPONS,)
    finally:
        conn.close()
