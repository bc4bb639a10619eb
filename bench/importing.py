"""The import benchmark of DESIGN.md §11: 100k sale rows from an xlsx in ≤ 20 s.

``python -m bench.importing [--rows N] [--members M] [--keep DIR]``

Makes a shop with M members (imported from an xlsx, timed separately), an xlsx of N sale rows
(receipt number, phone, amount, time; one row in ten a walk-in sale), then measures:

* ``openpyxl_read_floor_s``: openpyxl in read-only mode iterating every row of that file
  (``iter_rows(values_only=True)``), nothing else: the floor no xlsx import can beat.
* ``import_xlsx_100k_s``: ``Desk.run_import`` of the same file end to end (sha256, reading,
  parsing, matching phones, one write transaction with sales, import rows, events, audit).
* ``ratio`` = import / floor (target ≤ 2).

Progress goes to stderr; the last line of stdout is one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_S = 20.0
TARGET_RATIO = 2.0
NOW = dt.datetime(2026, 3, 2, 2, 0)


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def phone(index: int) -> str:
    return f"138{index:08d}"


def write_members(path: Path, count: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("会员")
    sheet.append(["姓名", "手机号", "生日", "积分"])
    for i in range(count):
        sheet.append(
            [f"会员{i}", phone(i), dt.date(1970 + i % 40, 1 + i % 12, 1 + i % 28), i % 500]
        )
    book.save(path)


def write_sales(path: Path, rows: int, members: int) -> None:
    from openpyxl import Workbook

    rnd = random.Random(7)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("销售流水")
    sheet.append(["单号", "手机", "消费金额", "消费时间"])
    start = dt.datetime(2025, 3, 1, 9, 0)
    for i in range(rows):
        who = "" if i % 10 == 0 else phone(rnd.randrange(members))
        amount = rnd.randrange(100, 50_000) / 100
        sheet.append([f"T{i:07d}", who, amount, start + dt.timedelta(minutes=3 * i)])
    book.save(path)


def read_floor(path: Path) -> float:
    from openpyxl import load_workbook

    began = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for _row in book.worksheets[0].iter_rows(values_only=True):
        count += 1
    book.close()
    return time.perf_counter() - began


def run(rows: int, members: int, folder: Path) -> dict[str, Any]:
    from desktop.models.db import open_database
    from desktop.models.service import Desk

    members_file, sales_file = folder / "members.xlsx", folder / "sales.xlsx"
    for stale in folder.glob("shop.sqlite*"):
        stale.unlink()
    log(f"writing {members} members and {rows} sales to xlsx …")
    write_members(members_file, members)
    write_sales(sales_file, rows, members)
    db = open_database(folder / "shop.sqlite")
    try:
        desk = Desk(db, clock=lambda: NOW)
        owner = desk.set_up(shop_name="基准测试店", owner_name="店主", owner_pin="246810")
        began = time.perf_counter()
        members_report = desk.run_import(members_file, "members", by=owner)
        members_s = time.perf_counter() - began
        if not (members_report.ok and members_report.imported == members):
            raise SystemExit(f"members import failed: {members_report}")
        log(f"members imported in {members_s:.2f} s; measuring the read floor …")
        floor = min(read_floor(sales_file) for _ in range(2))
        log(f"floor {floor:.2f} s; importing sales …")
        began = time.perf_counter()
        report = desk.run_import(sales_file, "sales", by=owner)
        import_s = time.perf_counter() - began
        if not (report.ok and report.imported == rows):
            raise SystemExit(f"sales import failed: {report}")
    finally:
        db.close()
    return {
        "rows": rows,
        "members": members,
        "xlsx_bytes": sales_file.stat().st_size,
        "openpyxl_read_floor_s": round(floor, 3),
        "import_xlsx_100k_s": round(import_s, 3),
        "ratio": round(import_s / floor, 2),
        "import_members_xlsx_s": round(members_s, 3),
        "target_s": TARGET_S,
        "target_ratio": TARGET_RATIO,
        "ok": import_s <= TARGET_S and import_s <= TARGET_RATIO * floor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=5_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    args = parser.parse_args()
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        result = run(args.rows, args.members, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="md-bench-import-") as folder:
            result = run(args.rows, args.members, Path(folder))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
