"""The child of the crash-safety test: counter writes in a loop until it is killed.

``python -m tests.models.crash_writer DB SEED`` opens the set-up shop database, prints
``READY`` and then records, as fast as it can and until killed: sales with a member (earning,
sometimes redeeming), sales without one, check-ins, refunds of recent sales and the daily
expiry sweep. Its clock starts one minute after the newest event in the file and moves hours
forward with every operation, so lots expire along the way.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import sys
from pathlib import Path

from desktop.models.db import open_database
from desktop.models.errors import DomainError
from desktop.models.service import Desk

OWNER_PIN = "246810"


class StepClock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


def _start_time(path: Path) -> tuple[dt.datetime, list[int]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        newest = conn.execute("SELECT max(created_at) FROM event").fetchone()[0]
        members = [row[0] for row in conn.execute("SELECT id FROM member ORDER BY id")]
    finally:
        conn.close()
    return dt.datetime.fromisoformat(newest) + dt.timedelta(minutes=1), members


def run(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    start, members = _start_time(path)
    clock = StepClock(start)
    desk = Desk(open_database(path), clock=clock)
    owner = desk.authenticate(OWNER_PIN, owner_only=True)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    while True:
        clock.now += dt.timedelta(hours=rng.uniform(1, 120))
        member = rng.choice(members)
        amount = rng.choice(
            (rng.randint(1, 99), rng.randint(100, 30_000), rng.randint(30_000, 250_000))
        )
        op = rng.random()
        try:
            if op < 0.50:
                desk.record_sale(
                    amount_fen=amount,
                    member_id=member,
                    by=None,
                    owner=owner if amount > 100_000 else None,
                )
            elif op < 0.60:
                balance = desk.member_card(member).balance
                redeem = rng.randint(1, min(balance, amount)) if balance > 0 else 0
                redeem = redeem // 2 if rng.random() < 0.7 else redeem
                desk.record_sale(
                    amount_fen=amount, member_id=member, by=owner, redeem_points=redeem, owner=owner
                )
            elif op < 0.65:
                desk.record_sale(amount_fen=amount, member_id=None, by=None)
            elif op < 0.78:
                desk.check_in(member_id=member, by=None)
            elif op < 0.93:
                sales = [s for s in desk.recent_sales(limit=40) if not s.refunded]
                if sales:
                    desk.refund_sale(sale_id=rng.choice(sales).id, by=owner, reason="crash test")
            else:
                desk.expire_due_points()
        except DomainError:
            pass


if __name__ == "__main__":
    run(Path(sys.argv[1]), int(sys.argv[2]))
