"""Crash safety: a counter process killed at random moments leaves a whole, consistent ledger.

A child process (``tests.models.crash_writer``) records sales (earning and redeeming), check-ins,
refunds and expiry sweeps in a loop; it is killed (SIGKILL on POSIX) after a random delay from a
seeded generator, many times over. After every kill the database must open with
``open_database`` and pass ``PRAGMA integrity_check``, and every unit of work must be all there
or not there at all: effects with their events, refunds with their reversals, a gapless
``device_seq``, and the ledger identity of ``desktop.models.points`` for every member.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.models.shop import Rule
from tests.models.crash_writer import OWNER_PIN

ROOT = Path(__file__).resolve().parents[2]
SEED = 20261122
KILLS = 40
MAX_DELAY_S = 0.25
MEMBERS = (
    ("张三", "13800138000"),
    ("李四", "13912345678"),
    ("王五", "15000001111"),
    ("赵六", "18611112222"),
    ("Tom Lee", "17722223333"),
    ("陈小明", "13355556666"),
    ("刘芳", "13566667777"),
    ("周杰", "18877778888"),
)


def _set_up(path: Path) -> None:
    clock_at = dt.datetime(2026, 3, 2, 2, 0)
    desk = Desk(open_database(path), clock=lambda: clock_at)
    desk.set_up(
        shop_name="小王咖啡",
        owner_name="王老板",
        owner_pin=OWNER_PIN,
        rule=Rule(version=1, checkin_points=10),
    )
    for name, phone in MEMBERS:
        desk.enrol_member(name=name, phone=phone, by=None, membership_consent=True)
    desk.db.close()


def _kill_once(path: Path, seed: int, delay: float, log: Path) -> None:
    with log.open("w") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.models.crash_writer", str(path), str(seed)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        watchdog = threading.Timer(60, proc.kill)
        watchdog.start()
        try:
            assert proc.stdout is not None
            ready = proc.stdout.readline()
            if ready.strip() == "READY":
                time.sleep(delay)
            proc.kill()
            proc.wait()
        finally:
            watchdog.cancel()
            if proc.stdout is not None:
                proc.stdout.close()
    assert ready.strip() == "READY", f"the writer did not start:\n{log.read_text()}"
    assert "Traceback" not in log.read_text(), log.read_text()


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    return conn.execute(sql).fetchall()


def check_invariants(path: Path) -> Counter[str]:
    """Assert every crash invariant; return counts of what the file holds."""
    database = open_database(path)  # must succeed after any crash
    try:
        chain = Desk(database).verify_audit()
    finally:
        database.close()
    assert chain.ok, chain

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert _rows(conn, "PRAGMA integrity_check") == [("ok",)]
        assert _rows(conn, "PRAGMA foreign_key_check") == []

        # The outbox: one gapless device_seq, in step with the device's counter.
        ((count, low, high),) = _rows(
            conn, "SELECT count(*), min(device_seq), max(device_seq) FROM event"
        )
        ((next_seq,),) = _rows(conn, "SELECT next_seq FROM device")
        assert count == high, (count, low, high)
        assert low == 1 or count == 0, (count, low, high)
        assert next_seq - 1 == count

        events: dict[str, Counter[str]] = {}
        earned_by_event: dict[str, int] = {}
        for kind, payload in _rows(conn, "SELECT kind, payload FROM event"):
            body = json.loads(payload)
            if kind in ("sale.recorded", "sale.refunded"):
                events.setdefault(kind, Counter())[body["sale"]] += 1
            if kind == "sale.recorded":
                earned_by_event[body["sale"]] = body["points_earned"]

        # Every sale has exactly one sale.recorded event, and no event is without its sale.
        sales = {
            uid: (sid, member, paid, discount)
            for sid, uid, member, paid, discount in _rows(
                conn, "SELECT id, uid, member_id, paid_fen, discount_fen FROM sale"
            )
        }
        recorded = events.get("sale.recorded", Counter())
        assert set(recorded) == set(sales)
        assert all(n == 1 for n in recorded.values())

        # A member sale that earned has exactly its earn entry, as the event says; a sale
        # that redeemed has its redeem entry.
        entries: dict[tuple[int, str], list[int]] = {}
        for sale_id, kind, points in _rows(
            conn, "SELECT sale_id, kind, points FROM points_entry WHERE sale_id IS NOT NULL"
        ):
            entries.setdefault((sale_id, kind), []).append(points)
        for uid, (sid, member, paid, discount) in sales.items():
            earn = entries.get((sid, "earn"), [])
            redeem = entries.get((sid, "redeem"), [])
            if member is None:
                assert not earn, uid
                assert not redeem, uid
                continue
            expected = earned_by_event[uid]
            assert expected >= paid // 100, (uid, expected, paid)
            assert earn == ([expected] if expected > 0 else []), (uid, earn, expected)
            assert redeem == ([-discount] if discount else []), (uid, redeem, discount)

        # Every refund has its sale.refunded event and a reversal of each earn and redeem of
        # the sale (an earn lot that had fully expired has nothing left to take back).
        refunded = {sale_id for (sale_id,) in _rows(conn, "SELECT sale_id FROM refund")}
        uid_of = {sid: uid for uid, (sid, *_rest) in sales.items()}
        refund_events = events.get("sale.refunded", Counter())
        assert set(refund_events) == {uid_of[s] for s in refunded}
        assert all(n == 1 for n in refund_events.values())
        missing = _rows(
            conn,
            """
            SELECT e.id FROM points_entry e JOIN refund r ON r.sale_id = e.sale_id
            WHERE e.kind IN ('earn', 'redeem')
              AND NOT EXISTS (SELECT 1 FROM points_entry v WHERE v.reverses_id = e.id)
              AND NOT (e.points > 0 AND e.points = (
                  SELECT coalesce(sum(a.points), 0) FROM points_allocation a
                  JOIN points_entry x ON x.id = a.entry_id
                  WHERE a.lot_id = e.id AND x.kind = 'expire'))""",
        )
        assert missing == []
        orphans = _rows(
            conn,
            """
            SELECT v.id FROM points_entry v JOIN points_entry e ON e.id = v.reverses_id
            WHERE e.sale_id IS NOT NULL AND e.sale_id NOT IN (SELECT sale_id FROM refund)""",
        )
        assert orphans == []

        # No entry is reversed twice; no lot gives more than it has.
        assert (
            _rows(
                conn,
                "SELECT reverses_id FROM points_entry WHERE reverses_id IS NOT NULL"
                " GROUP BY reverses_id HAVING count(*) > 1",
            )
            == []
        )
        assert (
            _rows(
                conn,
                """
            SELECT e.id FROM points_entry e JOIN points_allocation a ON a.lot_id = e.id
            GROUP BY e.id HAVING sum(a.points) > max(e.points) OR sum(a.points) < 0""",
            )
            == []
        )

        # For every member: SUM(points) == Σ lot remaining − Σ unallocated debt.
        identity = _rows(
            conn,
            """
            SELECT m.id,
              (SELECT coalesce(sum(points), 0) FROM points_entry WHERE member_id = m.id),
              (SELECT coalesce(sum(e.points - coalesce((SELECT sum(a.points)
                  FROM points_allocation a WHERE a.lot_id = e.id), 0)), 0)
               FROM points_entry e
               WHERE e.member_id = m.id AND e.points > 0 AND e.expires_on IS NOT NULL),
              (SELECT coalesce(sum(-e.points - coalesce((SELECT sum(a.points)
                  FROM points_allocation a WHERE a.entry_id = e.id), 0)), 0)
               FROM points_entry e WHERE e.member_id = m.id AND e.points < 0)
            FROM member m""",
        )
        for member, total, remaining, debt in identity:
            assert total == remaining - debt, (member, total, remaining, debt)

        counts: Counter[str] = Counter()
        for kind, n in _rows(conn, "SELECT kind, count(*) FROM points_entry GROUP BY kind"):
            counts[kind] = n
        counts["sales"] = len(sales)
        counts["refunds"] = len(refunded)
        ((counts["checkins"],),) = _rows(conn, "SELECT count(*) FROM checkin")
        counts["events"] = count
    finally:
        conn.close()
    return counts


@pytest.mark.slow
def test_killed_writer_never_leaves_a_partial_unit_of_work(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    _set_up(path)
    rng = random.Random(SEED)
    progress = [check_invariants(path)["events"]]
    for _ in range(KILLS):
        _kill_once(path, rng.randrange(2**31), rng.uniform(0, MAX_DELAY_S), tmp_path / "writer.err")
        progress.append(check_invariants(path)["events"])
    final = check_invariants(path)
    # The kills interrupted real work, of every kind, many times.
    assert sum(1 for a, b in zip(progress, progress[1:], strict=False) if b > a) >= KILLS // 2
    for kind in ("earn", "redeem", "reversal", "expire", "checkin"):
        assert final[kind] > 0, final
    assert final["sales"] >= 100, final
    assert final["refunds"] >= 5, final
