"""The analytics benchmark of DESIGN §11: the weekly dashboard over 52 weeks on a big shop.

``python -m bench.analytics --members N --entries M [--db PATH] [--keep] [--runs K]``

Builds (or reuses, as ``bench.counter`` does) a shop database of that size, measures on a
scratch copy of it and prints one JSON object as the last line of stdout (progress goes to
stderr):

* ``migrate_s``: opening the copy brings its schema to the current version (the rollup
  tables and indexes of migration 0004 included);
* ``rollup_build_s``: the first ``refresh_analytics(rfm=False)``, which reads the whole
  history; ``rfm_s``: the first daily RFM summary (every buyer of the year scored);
* ``dashboard_52w_ms``: ``Desk.dashboard("52w")`` — every figure the dashboard shows, the
  rollup refresh it starts with included — right after a few sales were rung up at the
  counter (median and max of ``--runs``); ``dashboard_52w_idle_ms`` with nothing new. The
  shop's clock stands at 20:00 on the last day of the built history, so the refresh
  recomputes a day with a full day's sales (``sales_that_day``);
* ``report_weekly_52w_ms``: ``Desk.weekly_figures`` over the same 52 weeks (what
  ``merchant-desk report weekly`` prints);
* ``export_xlsx_s``: the weekly report workbook of those 52 weeks written to disk;
* ``import_xlsx_100k_s`` and ``openpyxl_read_floor_s``: an xlsx of ``--import-rows`` sale rows
  (100k by default) imported into a fresh shop, and openpyxl's read-only iteration of the same
  file, its floor, both in this run (see ``bench.importing``; ``--import-rows 0`` skips it).

Targets: ``dashboard_52w_ms`` ≤ 500, ``export_xlsx_s`` ≤ 5, ``import_xlsx_100k_s`` ≤ 20 and
≤ 2 × its floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: python bench/analytics.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build_db import log, random_member, remove_db  # noqa: E402

DASHBOARD_MS = 500.0
EXPORT_S = 5.0
SALES_PER_RUN = 20


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def run_import(rows: int, members: int) -> dict[str, Any]:
    """The import benchmark (``bench.importing``) in a scratch folder: its figures, renamed
    where they would be ambiguous next to the analytics ones."""
    from bench import importing

    with tempfile.TemporaryDirectory(prefix="md-bench-import-") as folder:
        figures = importing.run(rows, members, Path(folder))
    return {
        "import_rows": figures["rows"],
        "import_xlsx_100k_s": figures["import_xlsx_100k_s"],
        "openpyxl_read_floor_s": figures["openpyxl_read_floor_s"],
        "import_ratio": figures["ratio"],
        "import_target_met": figures["ok"],
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    import sqlite3

    from bench.counter import ensure_built
    from desktop.models.db import open_database
    from desktop.models.service import Desk

    members, entries = args.members, args.entries
    source = Path(args.db) if args.db else Path(f"/tmp/md-bench-{members}-{entries}.sqlite")
    existed = source.exists()
    info = ensure_built(source, members, entries)
    work = source.with_name(source.stem + ".analytics.sqlite")
    remove_db(work)
    t0 = time.perf_counter()
    shutil.copyfile(source, work)
    log(f"copied to {work} in {time.perf_counter() - t0:.0f} s")
    try:
        t0 = time.perf_counter()
        db = open_database(work, quick_check=False)
        migrate_s = time.perf_counter() - t0
        # The shop's clock stands at 20:00 on the last day with sales: the counter has had a
        # full day, so every refresh recomputes a busy day, as it would in the evening.
        conn = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
        last_day = dt.date.fromisoformat(
            conn.execute("SELECT max(local_day) FROM sale").fetchone()[0]
        )
        conn.close()
        clock = [dt.datetime.combine(last_day, dt.time(12))]  # 20:00 in Asia/Shanghai

        def now() -> dt.datetime:
            clock[0] += dt.timedelta(milliseconds=50)
            return clock[0]

        desk = Desk(db, clock=now)
        log(f"  schema up to date in {migrate_s:.1f} s")
        t0 = time.perf_counter()
        built = desk.refresh_analytics(rfm=False)
        build_s = time.perf_counter() - t0
        log(f"  rollups built in {build_s:.1f} s (full={built.full})")
        t0 = time.perf_counter()
        desk.refresh_analytics(rfm=True)
        rfm_s = time.perf_counter() - t0
        log(f"  RFM summary in {rfm_s:.1f} s")

        conn = sqlite3.connect(f"file:{work}?mode=ro", uri=True)
        day_sales = conn.execute(
            "SELECT count(*) FROM sale WHERE local_day = ?", (last_day.isoformat(),)
        ).fetchone()[0]
        rng = random.Random(11)
        buyers = [random_member(conn, rng) for _ in range(SALES_PER_RUN * (args.runs + 1))]
        conn.close()

        def ring_up(batch: list[int]) -> None:
            for member in batch:
                desk.record_sale(amount_fen=rng.randrange(500, 20000), member_id=member, by=None)

        ring_up(buyers[:SALES_PER_RUN])
        desk.dashboard("52w")  # warm the page cache the way a second look would
        busy, idle, report = [], [], []
        for i in range(args.runs):
            ring_up(buyers[(i + 1) * SALES_PER_RUN : (i + 2) * SALES_PER_RUN])
            t0 = time.perf_counter()
            board = desk.dashboard("52w")
            busy.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            desk.dashboard("52w")
            idle.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            weeks = desk.weekly_figures(board.period.first, board.period.last)
            report.append(time.perf_counter() - t0)
        assert len(board.weeks) == len(weeks) == 52
        log(f"  dashboard {statistics.median(busy) * 1000:.0f} ms after new sales")
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            desk.export_weekly_report(
                Path(tmp) / "weekly.xlsx", board.period.first, board.period.last
            )
            export_s = time.perf_counter() - t0
        db.close()
    finally:
        if not args.keep:
            remove_db(work)
        if args.db and not existed and not args.keep:
            remove_db(source)
    result: dict[str, Any] = {
        "members": members,
        "entries": info["entries"],
        "sales": info["counts"]["sale"],
        "dashboard_52w_ms": _ms(statistics.median(busy)),
        "dashboard_52w_ms_max": _ms(max(busy)),
        "dashboard_52w_idle_ms": _ms(statistics.median(idle)),
        "report_weekly_52w_ms": _ms(statistics.median(report)),
        "export_xlsx_s": round(export_s, 2),
        "migrate_s": round(migrate_s, 1),
        "rollup_build_s": round(build_s, 1),
        "rfm_s": round(rfm_s, 1),
        "runs": args.runs,
        "sales_per_run": SALES_PER_RUN,
        "shop_day": last_day.isoformat(),
        "sales_that_day": day_sales,
        "dashboard_target_met": statistics.median(busy) * 1000 <= DASHBOARD_MS,
        "export_target_met": export_s <= EXPORT_S,
    }
    result["targets_met"] = result["dashboard_target_met"] and result["export_target_met"]
    if args.import_rows:
        log(f"import benchmark: {args.import_rows} sale rows …")
        result.update(run_import(args.import_rows, args.import_members))
        result["targets_met"] = result["targets_met"] and result["import_target_met"]
    return result


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.analytics",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=5_000_000)
    parser.add_argument("--db", default=None, help="database file to build or reuse")
    parser.add_argument("--keep", action="store_true", help="keep the measured copy")
    parser.add_argument("--runs", type=int, default=7, help="dashboard measurements")
    parser.add_argument(
        "--import-rows", type=int, default=100_000, help="sale rows of the import (0: skip)"
    )
    parser.add_argument(
        "--import-members", type=int, default=5_000, help="members the sales refer to"
    )
    args = parser.parse_args(argv)
    if args.members < 1 or args.entries < 1 or args.runs < 1:
        parser.error("--members, --entries and --runs must be positive")
    if args.import_rows < 0 or args.import_members < 1:
        parser.error("--import-rows must be >= 0 and --import-members positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
