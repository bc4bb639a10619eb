"""How big the bundle is and how fast it starts: ``python -m bench.bundle``.

``python -m bench.bundle [--dist DIR | --build] [--runs N] [--members N]``

Measures a built one-folder bundle (``--dist``, default ``dist/MerchantDesk``; ``--build`` builds
one from ``build.spec`` into a scratch folder first) and prints one JSON object as the last line
of stdout (progress on stderr):

* ``bundle_size_mb``: disk usage of the folder, as ``du -s`` counts it (MiB);
* ``selftest_s``: ``MerchantDesk --selftest`` from launch to exit (median of ``--runs``), and
  ``selftest_first_s`` for the first run;
* ``start_to_window_s``: launch until the main window is on screen, on a demo shop of
  ``--members`` members made by the bundle itself (median; ``start_first_s`` for the first). The
  app is started with ``MERCHANT_DESK_EXIT_WHEN_SHOWN=1``, which makes it print
  ``SHOWN <epoch seconds>`` and quit once the window is exposed.

Runs offscreen on Linux unless ``QT_QPA_PLATFORM`` says otherwise. Data goes to a scratch folder
(``MERCHANT_DESK_DATA``), deleted at the end. The operating system's file cache is whatever it
is: right after a build, the first run is already warm.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NAME = "MerchantDesk"
WINDOWS = sys.platform == "win32"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def exe(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if WINDOWS else name)


def disk_usage_mb(folder: Path) -> float:
    """Like ``du -s``: allocated blocks of every file, each file once, links not followed."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in folder.rglob("*"):
        info = path.lstat()
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        total += getattr(info, "st_blocks", 0) * 512 or info.st_size
    return round(total / 2**20, 1)


def build(scratch: Path) -> Path:
    log("building the bundle (build.spec)…")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(scratch / "dist"),
            "--workpath",
            str(scratch / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    return scratch / "dist" / NAME


def environment(data: Path) -> dict[str, str]:
    env = {**os.environ, "MERCHANT_DESK_DATA": str(data)}
    if not WINDOWS:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def time_selftest(folder: Path, env: dict[str, str], scratch: Path) -> float:
    out = scratch / "selftest.json"
    started = time.perf_counter()
    proc = subprocess.run(
        [str(exe(folder, NAME)), "--selftest", "--selftest-out", str(out)],
        env=env,
        capture_output=True,
        timeout=600,
        check=False,
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"the selftest failed: {out.read_text(encoding='utf-8')}")
    return seconds


def make_shop(folder: Path, env: dict[str, str], db: Path, members: int) -> None:
    # The console executable: on Windows the windowed one has no stdout to print JSON to.
    command = [str(exe(folder, f"{NAME}-debug")), "demo", "--db", str(db)]
    command += ["--members", str(members), "--days", "30", "--seed", "1"]
    subprocess.run(command, env=env, capture_output=True, timeout=600, check=True)


def time_start(folder: Path, env: dict[str, str], db: Path) -> float:
    # Windows: the windowed executable cannot print SHOWN, so the console one is timed there.
    name = f"{NAME}-debug" if WINDOWS else NAME
    started = time.time()
    proc = subprocess.run(
        [str(exe(folder, name)), "--db", str(db)],
        env={**env, "MERCHANT_DESK_EXIT_WHEN_SHOWN": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    shown = [line for line in proc.stdout.splitlines() if line.startswith("SHOWN ")]
    if not shown:
        raise SystemExit(f"the window was never shown: {proc.stdout} {proc.stderr}")
    return float(shown[0].split()[1]) - started


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as name:
        scratch = Path(name)
        folder = build(scratch) if args.build else args.dist.resolve()
        if not exe(folder, NAME).is_file():
            raise SystemExit(f"no bundle at {folder} (build one, or give --dist / --build)")
        data = scratch / "data"
        env = environment(data)
        size = disk_usage_mb(folder)
        log(f"bundle: {folder} ({size} MiB)")
        selftests = []
        for index in range(args.runs):
            selftests.append(time_selftest(folder, env, scratch))
            log(f"selftest {index + 1}: {selftests[-1]:.2f} s")
        db = scratch / "shop.sqlite"
        make_shop(folder, env, db, args.members)
        starts = []
        for index in range(args.runs):
            starts.append(time_start(folder, env, db))
            log(f"start to window {index + 1}: {starts[-1]:.2f} s")
    return {
        "bundle_size_mb": size,
        "selftest_s": round(statistics.median(selftests), 3),
        "selftest_first_s": round(selftests[0], 3),
        "start_to_window_s": round(statistics.median(starts), 3),
        "start_first_s": round(starts[0], 3),
        "runs": args.runs,
        "members": args.members,
        "platform": sys.platform,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bundle", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist" / NAME)
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--members", type=int, default=1000)
    args = parser.parse_args(argv)
    print(json.dumps(run(args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
