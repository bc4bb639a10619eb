"""The counter benchmark of DESIGN.md §11: scan → card painted, durable writes, cold start, RSS.

``python -m bench.counter --members N --entries M [--db PATH] [--keep] [--samples K]``

Builds (or reuses) a database of that size, measures on a scratch copy of it, and prints one
JSON object as the last line of stdout. Progress goes to stderr. Each figure is paired with a
floor measured in the same run on the same file:

* ``scan_to_card``: in the real ``CounterView`` (offscreen), from the Enter key event on the
  scan field holding a member card's digits until the member card widget has painted that
  member (``painted_member_id``). ``lookup_floor``: the same members' name, phone and points
  sum by two bare indexed ``sqlite3`` queries.
* ``write``: ``Desk.record_sale`` (sale + earn + event, ``BEGIN IMMEDIATE``, ``synchronous=FULL``,
  WAL). ``commit_floor``: one INSERT + COMMIT into a scratch table on a bare ``sqlite3``
  connection with the same pragmas, on the same file, alternating with the writes.
* ``cold_start_s``: spawn → ``desktop.app.main`` has shown the main window and the counter's
  scan field has focus inside the running event loop (median of 3).
* ``rss_mb``: peak RSS of that cold-start child after it has scanned one member card.

The built database is cached as ``/tmp/md-bench-N-M.sqlite`` (with a ``.json`` sidecar) and
rebuilt when the shop's day has changed; ``--db PATH`` builds or reuses that file instead and
deletes it at the end unless it existed before or ``--keep`` is given.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.build_db import (
    FORMAT,
    build,
    load_info,
    log,
    random_member,
    remove_db,
    save_info,
    shop_today,
)

TARGET_MEMBERS = 1_000_000
TARGET_ENTRIES = 5_000_000
SCAN_P99_MS = 30.0
WRITE_P99_MS = 15.0
COLD_START_S = 1.5
RSS_MB = 300.0
COLD_START_TIMEOUT_S = 120


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary(values: list[float]) -> tuple[float, float]:
    return round(percentile(values, 50), 3), round(percentile(values, 99), 3)


# -- the database -------------------------------------------------------------------------------
def ensure_built(path: Path, members: int, entries: int) -> dict[str, Any]:
    info = load_info(path)
    if info is None and path.exists():
        raise SystemExit(
            f"{path} exists but was not built by this benchmark (no .json beside"
            " it); remove it or choose another --db"
        )
    fresh = (
        info is not None
        and info.get("format") == FORMAT
        and info.get("members") == members
        and info.get("entries_requested") == entries
        and info.get("today") == shop_today().isoformat()
    )
    if info is not None and fresh:
        log(f"reusing {path} (built in {info['build_s']} s)")
        return info
    remove_db(path)
    cmd = [
        sys.executable,
        "-m",
        "bench.counter",
        "--members",
        str(members),
        "--entries",
        str(entries),
        "--db",
        str(path),
        "--build-only",
    ]
    subprocess.run(cmd, check=True, stdout=sys.stderr)
    info = load_info(path)
    if info is None:
        raise SystemExit("the build did not produce a database")
    return info


def sample_members(path: Path, count: int, seed: int) -> list[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rng = random.Random(seed)
        picks = [random_member(conn, rng) for _ in range(count)]
    finally:
        conn.close()
    return picks


# -- measurements ----------------------------------------------------------------------------
def measure_lookup_floor(path: Path, members: list[int]) -> list[float]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    times = []
    try:
        for mid in members[:20]:  # warm-up
            conn.execute("SELECT name, phone FROM member WHERE id = ?", (mid,)).fetchone()
        for mid in members:
            t0 = time.perf_counter()
            conn.execute("SELECT name, phone FROM member WHERE id = ?", (mid,)).fetchone()
            conn.execute(
                "SELECT SUM(points) FROM points_entry WHERE member_id = ?", (mid,)
            ).fetchone()
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        conn.close()
    return times


def _quiet(text: str) -> str:
    """Qt's offscreen platform warns about window size hints on every show: drop that."""
    return "\n".join(line for line in text.splitlines() if "propagateSizeHints" not in line)


def _qt_message(_mode: object, _context: object, message: str) -> None:
    if _quiet(message):
        log(message)


def measure_scans(
    desk: Any, members: list[int], codes: dict[int, str], warmup: list[int]
) -> list[float]:
    """Enter on the real counter's scan field → that member's card painted, in ms."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.views.counter_view import CounterView
    from desktop.views.session_state import SessionState

    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication([])
    view = CounterView(desk, SessionState())
    view.resize(1100, 720)
    view.show()
    view.activateWindow()
    for _ in range(10):
        app.processEvents()
    field = view.scan_field
    card = view.card_widget

    def one(mid: int) -> float:
        field.setText(codes[mid])
        app.processEvents()  # the field has painted its text: only Enter is timed
        card.painted_member_id = None
        t0 = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_Return)
        while card.painted_member_id != mid:
            app.processEvents()
            if time.perf_counter() - t0 > 5:
                raise RuntimeError(f"member {mid} was not painted: {view.result_label.text()!r}")
        return (time.perf_counter() - t0) * 1000

    for mid in warmup:
        one(mid)
    times = [one(mid) for mid in members]
    view.close()
    app.processEvents()
    return times


def measure_writes(
    desk: Any, path: Path, members: list[int], count: int, seed: int
) -> tuple[list[float], list[float]]:
    """``record_sale`` and a bare durable commit, alternating on the same file."""
    rng = random.Random(seed)
    bare = sqlite3.connect(path, isolation_level=None)
    bare.execute("PRAGMA busy_timeout = 5000")
    bare.execute("PRAGMA journal_mode = WAL")
    bare.execute("PRAGMA synchronous = FULL")
    bare.execute(
        "CREATE TABLE IF NOT EXISTS bench_scratch"
        " (id INTEGER PRIMARY KEY, at REAL NOT NULL, note TEXT NOT NULL)"
    )
    writes: list[float] = []
    commits: list[float] = []

    def write() -> float:
        mid = rng.choice(members)
        amount = rng.randint(100, 60_000)
        t0 = time.perf_counter()
        desk.record_sale(amount_fen=amount, member_id=mid, by=None)
        return (time.perf_counter() - t0) * 1000

    def commit() -> float:
        t0 = time.perf_counter()
        bare.execute("BEGIN IMMEDIATE")
        bare.execute(
            "INSERT INTO bench_scratch (at, note) VALUES (?, ?)", (time.time(), "commit floor")
        )
        bare.execute("COMMIT")
        return (time.perf_counter() - t0) * 1000

    try:
        for _ in range(20):  # warm-up
            write()
            commit()
        for i in range(count):
            if i % 2:
                commits.append(commit())
                writes.append(write())
            else:
                writes.append(write())
                commits.append(commit())
        bare.execute("DROP TABLE bench_scratch")
    finally:
        bare.close()
    return writes, commits


def measure_cold_start(path: Path, code: str, runs: int) -> tuple[list[float], float, float]:
    """Wall time spawn → READY, per run; peak RSS and scan ms of the child after one scan."""
    times: list[float] = []
    rss = scan_ms = math.nan
    for _ in range(runs):
        with (
            tempfile.TemporaryDirectory(prefix="md-cold-") as data_dir,
            tempfile.TemporaryFile("w+") as errors,
        ):
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MERCHANT_DESK_DATA=data_dir)
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "bench.cold_start", str(path), code],
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                env=env,
            )
            watchdog = threading.Timer(COLD_START_TIMEOUT_S, proc.kill)
            watchdog.start()
            assert proc.stdout is not None
            ready = math.nan
            said = []
            for line in proc.stdout:
                said.append(line.rstrip())
                if line.startswith("READY") and math.isnan(ready):
                    ready = time.perf_counter() - t0
                elif line.startswith("SCANNED"):
                    scan_ms = float(line.split()[2])
                elif line.startswith("RSS"):
                    rss = float(line.split()[1])
            proc.wait()
            watchdog.cancel()
            errors.seek(0)
            text = _quiet(errors.read())
            if text:
                log(text)
            if proc.returncode != 0 or math.isnan(ready) or math.isnan(rss):
                for log_file in Path(data_dir).rglob("*.log"):
                    log(log_file.read_text()[-4000:])
                raise RuntimeError(f"cold start child failed (exit {proc.returncode}): {said[-3:]}")
        times.append(ready)
    return times, rss, scan_ms


# -- the run -----------------------------------------------------------------------------------
def run(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.models.db import open_database
    from desktop.models.service import Desk

    members, entries = args.members, args.entries
    source = Path(args.db) if args.db else Path(f"/tmp/md-bench-{members}-{entries}.sqlite")
    existed = source.exists()
    info = ensure_built(source, members, entries)
    work = source.with_name(source.stem + ".work.sqlite")
    remove_db(work)
    shutil.copyfile(source, work)
    try:
        seed = 7
        picks = sample_members(work, args.samples + 50, seed)
        warmup, scans = picks[:50], picks[50:]
        log(f"measuring on {work}: {len(scans)} scans, {args.write_samples} writes")

        db = open_database(work, quick_check=False)
        desk = Desk(db)
        t0 = time.perf_counter()
        codes = {mid: desk.member_code(mid) for mid in picks}
        log(f"  {len(codes)} card codes in {time.perf_counter() - t0:.1f} s")

        floor = measure_lookup_floor(work, scans)
        scan = measure_scans(desk, scans, codes, warmup)
        bench_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        log(f"  scan p50 {percentile(scan, 50):.2f} ms, floor p50 {percentile(floor, 50):.3f} ms")
        writes, commits = measure_writes(desk, work, scans, args.write_samples, seed)
        log(
            f"  write p50 {percentile(writes, 50):.2f} ms,"
            f" commit p50 {percentile(commits, 50):.2f} ms"
        )
        db.close()

        cold, rss, child_scan_ms = measure_cold_start(work, codes[scans[0]], args.cold_runs)
        log(f"  cold start runs {[round(c, 3) for c in cold]} s, child RSS {rss:.0f} MB")
    finally:
        if not args.keep:
            remove_db(work)
            if args.db and not existed:
                remove_db(source)

    scan_p50, scan_p99 = summary(scan)
    floor_p50, floor_p99 = summary(floor)
    write_p50, write_p99 = summary(writes)
    commit_p50, commit_p99 = summary(commits)
    cold_start = round(statistics.median(cold), 3)
    scan_limit = min(SCAN_P99_MS, 3 * floor_p99 + 5)
    write_limit = min(WRITE_P99_MS, 2 * commit_p99)
    result: dict[str, Any] = {
        "members": members,
        "entries": info["entries"],
        "scan_to_card_ms_p50": scan_p50,
        "scan_to_card_ms_p99": scan_p99,
        "lookup_floor_ms_p50": floor_p50,
        "lookup_floor_ms_p99": floor_p99,
        "write_ms_p50": write_p50,
        "write_ms_p99": write_p99,
        "commit_floor_ms_p50": commit_p50,
        "commit_floor_ms_p99": commit_p99,
        "cold_start_s": cold_start,
        "rss_mb": round(rss, 1),
        "rss_source": "cold-start child (real app entry point) after one scan, peak ru_maxrss",
        "bench_rss_mb": round(bench_rss, 1),
        "cold_start_runs_s": [round(c, 3) for c in cold],
        "cold_start_child_scan_ms": round(child_scan_ms, 3),
        "scan_samples": len(scan),
        "write_samples": len(writes),
        "entries_requested": entries,
        "sales": info["counts"]["sale"],
        "db_mb": info["db_mb"],
        "build_s": info["build_s"],
        "scan_p99_limit_ms": round(scan_limit, 3),
        "write_p99_limit_ms": round(write_limit, 3),
        "scan_target_met": scan_p99 <= scan_limit,
        "write_target_met": write_p99 <= write_limit,
        "cold_start_target_met": cold_start <= COLD_START_S,
        "rss_target_met": rss <= RSS_MB,
        "at_target_size": members >= TARGET_MEMBERS and info["entries"] >= TARGET_ENTRIES * 0.98,
    }
    result["targets_met"] = all(
        result[k]
        for k in ("scan_target_met", "write_target_met", "cold_start_target_met", "rss_target_met")
    )
    return result


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.counter",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--members", type=int, default=TARGET_MEMBERS)
    parser.add_argument("--entries", type=int, default=TARGET_ENTRIES)
    parser.add_argument("--db", default=None, help="database file to build or reuse")
    parser.add_argument(
        "--keep", action="store_true", help="keep the --db file and the measured copy"
    )
    parser.add_argument("--samples", type=int, default=500, help="scans (and lookups)")
    parser.add_argument("--write-samples", type=int, default=300)
    parser.add_argument("--cold-runs", type=int, default=3)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.members < 1 or args.entries < 1:
        parser.error("--members and --entries must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.build_only:
        path = Path(args.db)
        remove_db(path)
        save_info(path, build(path, members=args.members, entries=args.entries))
        return 0
    result = run(args)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
