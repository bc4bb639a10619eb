"""Backups under real faults, in a child process: a file-size limit (a full disk) and a kill
half way (a power cut). Earlier backups stay good and a half file never counts as a backup."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.models import backups
from desktop.models.backup_catalog import list_backups
from desktop.models.backup_file import PARTIAL_SUFFIX, verify_file
from desktop.models.service import Desk
from tests.models.conftest import FakeClock

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals and rlimits")

CHILD = r"""
import datetime as dt, json, resource, signal, sys, time
from pathlib import Path
from desktop.models import backups
from desktop.models.errors import DomainError

db, folder, mode, arg = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
if mode == "fsize":
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(arg), int(arg)))

def progress(phase, done, total):
    if mode == "kill" and phase == arg:
        print("AT", phase, flush=True)
        time.sleep(120)
    return True

try:
    backups.run_backup(db, folder=folder, now=dt.datetime(2026, 3, 9, 2, 0), progress=progress)
    print(json.dumps({"ok": True}), flush=True)
except DomainError as exc:
    print(json.dumps({"ok": False, "error": exc.code}), flush=True)
"""


def fill(desk: Desk, rows: int = 9000) -> None:
    """About 2 MB of data, so the backup file is written in several chunks."""
    with desk.db.write() as s:
        for i in range(rows):
            s.connection().exec_driver_sql(
                f"INSERT INTO setting(key, value) VALUES ('filler{i}', '\"{'x' * 200}\"')"
            )


def start_child(db: Path, folder: Path, mode: str, arg: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(folder), mode, arg],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture
def earlier(desk: Desk, folder: Path, clock: FakeClock) -> list[Path]:
    """Two good backups from the days before."""
    fill(desk)
    made = []
    for _ in range(2):
        made.append(backups.run_backup(desk.db.path, folder=folder, now=clock.now).path)
        clock.advance(days=1)
    return made


def page_bytes(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("PRAGMA page_count").fetchone()[0]) * int(
            conn.execute("PRAGMA page_size").fetchone()[0]
        )


def test_a_full_disk_leaves_no_backup_and_the_earlier_ones_good(
    desk: Desk, folder: Path, earlier: list[Path]
) -> None:
    # Room for the staging copy of the database, not for the backup file (header + body).
    limit = page_bytes(desk.db.path) + 64
    child = start_child(desk.db.path, folder, "fsize", str(limit))
    out, err = child.communicate(timeout=120)

    assert json.loads(out.splitlines()[-1]) == {"ok": False, "error": "disk_full"}, err
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in earlier)
    for path in earlier:
        verify_file(path)
    assert not list(desk.db.path.parent.glob(".*.tmp"))


@pytest.mark.parametrize("phase", ["snapshot", "write", "verify"])
def test_power_lost_half_way_never_leaves_a_file_that_counts_as_a_backup(
    desk: Desk, folder: Path, earlier: list[Path], clock: FakeClock, phase: str
) -> None:
    child = start_child(desk.db.path, folder, "kill", phase)
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == f"AT {phase}", child.stderr.read() if child.stderr else ""
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    child.stdout.close()
    if child.stderr is not None:
        child.stderr.close()

    leftovers = [p for p in folder.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]
    assert [i.path for i in list_backups(folder)] == list(reversed(earlier))
    for path in earlier:
        verify_file(path)
    assert len(leftovers) == (0 if phase == "snapshot" else 1)

    # The next backup works; the leftovers go once nobody can still be writing them.
    clock.advance(days=1)
    old = time.time() - 2 * backups.STALE_PARTIAL_S
    for path in [*leftovers, *desk.db.path.parent.glob(".*.backup-*.tmp")]:
        os.utime(path, (old, old))
    made = backups.run_backup(desk.db.path, folder=folder, now=clock.now)
    verify_file(made.path)
    assert not [p for p in folder.iterdir() if p.name.endswith(PARTIAL_SUFFIX)]
    assert not list(desk.db.path.parent.glob(".*.backup-*.tmp"))
    assert len(list_backups(folder)) == 3
