"""The child of the coupon race test: one counter process that uses coupons on sales.

``python -m tests.models.coupon_race_redeemer DB GO_DIR COUPON_ID...`` opens the shop
database and prints ``READY``. For the i-th coupon it waits until ``GO_DIR/<i>`` exists, then
records a sale with that coupon at once and prints ``OK <coupon> <sale id>`` or
``REFUSED <coupon> <code>``. The parent starts each round when both children are waiting, so
the two processes reach for the same coupon at the same moment.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from desktop.models.db import open_database
from desktop.models.errors import DomainError
from desktop.models.service import Desk


def run(path: Path, go_dir: Path, coupon_ids: list[int]) -> None:
    desk = Desk(open_database(path, quick_check=False), clock=lambda: dt.datetime(2026, 3, 2, 3))
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    for n, coupon_id in enumerate(coupon_ids):
        go = go_dir / str(n)
        deadline = time.monotonic() + 30
        while not go.exists() and time.monotonic() < deadline:
            pass  # spin: both children leave the line within microseconds of each other
        try:
            sale = desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon_id)
            sys.stdout.write(f"OK {coupon_id} {sale.sale_id}\n")
        except DomainError as exc:
            sys.stdout.write(f"REFUSED {coupon_id} {exc.code}\n")
        sys.stdout.flush()
    desk.db.close()


if __name__ == "__main__":
    run(Path(sys.argv[1]), Path(sys.argv[2]), [int(a) for a in sys.argv[3:]])
