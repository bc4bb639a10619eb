"""Taking backups: the online snapshot, the checked file, settings, rotation, bad folders."""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from desktop.models import backup_crypto, backup_file, backup_settings, backups
from desktop.models.backup_catalog import inspect_backup, latest_good_backup, list_backups
from desktop.models.backup_file import read_header, verify_file
from desktop.models.backup_rotation import plan_rotation
from desktop.models.errors import DomainError
from desktop.models.migrate import head_revision
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import FakeClock

STAFF_PIN = "1357"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture
def chosen(desk: Desk, owner: Actor, folder: Path) -> Path:
    backup_settings.set_backup_folder(desk, folder, by=owner)
    return folder


def enrol(desk: Desk, count: int, start: int = 0) -> None:
    for i in range(start, start + count):
        desk.enrol_member(
            name=f"会员{i}", phone=f"1390000{i:04d}", by=None, membership_consent=True
        )


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- a good backup ----------------------------------------------------------------------------
def test_a_backup_is_a_checked_file_with_the_counts_and_a_recorded_checksum(
    desk: Desk, chosen: Path
) -> None:
    enrol(desk, 3)

    result = backups.back_up_now(desk)

    assert result.path.parent == chosen
    assert files(chosen) == [result.path.name]
    assert result.counts["member"] == 3
    header = verify_file(result.path)
    assert header.checksum == result.sha256
    assert header.fields["integrity_check"] == "ok"
    assert header.fields["schema"] == head_revision()
    config = backup_settings.backup_config(desk)
    assert config.last is not None
    assert config.last.ok
    assert config.last.verified
    assert config.last.file == result.path.name
    assert backup_settings.recorded_checksums(desk)[result.path.name] == result.sha256


def test_the_backup_holds_the_database_as_it_was(desk: Desk, chosen: Path, tmp_path: Path) -> None:
    enrol(desk, 2)
    result = backups.back_up_now(desk)
    enrol(desk, 1, start=10)

    copy = tmp_path / "copy.sqlite"
    backup_file.extract_database(result.path, copy, passphrase=None)

    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 2
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_the_listing_shows_date_size_counts_and_verified(
    desk: Desk, chosen: Path, clock: FakeClock
) -> None:
    enrol(desk, 2)
    first = backups.back_up_now(desk)
    clock.advance(days=1)
    enrol(desk, 1, start=5)
    second = backups.back_up_now(desk)

    listed = list_backups(chosen, recorded=backup_settings.recorded_checksums(desk))

    assert [i.name for i in listed] == [second.path.name, first.path.name]
    newest = listed[0]
    assert newest.counts["member"] == 3
    assert newest.local_time == dt.datetime(2026, 3, 3, 10, 0)
    assert newest.created_at == dt.datetime(2026, 3, 3, 2, 0)
    assert newest.bytes == second.path.stat().st_size
    assert newest.verified
    assert newest.usable
    assert not newest.encrypted
    assert newest.shop == "小王咖啡"


def test_without_a_chosen_folder_backups_go_beside_the_database(desk: Desk) -> None:
    config = backup_settings.backup_config(desk)
    assert not config.chosen
    assert config.same_disk

    result = backups.back_up_now(desk)

    assert result.path.parent == desk.db.path.parent / "backups"


def test_choosing_the_folder_is_owner_only_and_audited(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    clerk = desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)
    with pytest.raises(DomainError) as refused:
        backup_settings.set_backup_folder(desk, folder, by=clerk)
    assert refused.value.code == "owner_required"

    backup_settings.set_backup_folder(desk, folder, by=owner)

    assert backup_settings.backup_config(desk).folder == folder.resolve()
    assert desk.recent_audit(limit=1)[0].action == "setting.changed"
    assert backup_settings.backup_folders_for(desk.db.path)[0] == folder.resolve()


def test_a_backup_is_due_a_day_after_the_last_good_one(
    desk: Desk, chosen: Path, clock: FakeClock
) -> None:
    assert backup_settings.backup_due(desk)
    backups.back_up_now(desk)
    assert not backup_settings.backup_due(desk)
    clock.advance(hours=23, minutes=59)
    assert not backup_settings.backup_due(desk)
    clock.advance(minutes=1)
    assert backup_settings.backup_due(desk)


def test_sales_go_on_while_a_backup_is_being_taken(desk: Desk, chosen: Path) -> None:
    """The snapshot holds only a read transaction: a counter write does not wait for it."""
    enrol(desk, 5)
    in_snapshot = threading.Event()
    release = threading.Event()
    waits: list[float] = []

    def progress(phase: str, done: int, total: int) -> bool:
        if phase == "snapshot" and not in_snapshot.is_set():
            in_snapshot.set()
            release.wait(10)
        return True

    monkey = pytest.MonkeyPatch()
    monkey.setattr(backups, "STEP_PAGES", 1)
    worker = threading.Thread(target=lambda: backups.back_up_now(desk, progress=progress))
    worker.start()
    try:
        assert in_snapshot.wait(10)
        start = time.perf_counter()
        desk.record_sale(amount_fen=1_000, member_id=None, by=None)
        waits.append(time.perf_counter() - start)
    finally:
        release.set()
        worker.join(30)
        monkey.undo()
    assert waits[0] < 1.0
    result = list_backups(chosen)[0]
    assert result.counts["sale"] == 0  # the copy is the database as the backup began


def test_a_second_backup_at_the_same_time_is_refused(desk: Desk, chosen: Path) -> None:
    started = threading.Event()
    release = threading.Event()

    def hold(phase: str, done: int, total: int) -> bool:
        started.set()
        release.wait(10)
        return True

    worker = threading.Thread(target=lambda: backups.back_up_now(desk, progress=hold))
    worker.start()
    try:
        assert started.wait(10)
        with pytest.raises(DomainError) as refused:
            backups.back_up_now(desk)
        assert refused.value.code == "backup_running"
    finally:
        release.set()
        worker.join(30)


def test_cancelling_leaves_nothing(desk: Desk, chosen: Path) -> None:
    with pytest.raises(backups.Cancelled):
        backups.back_up_now(desk, progress=lambda phase, d, t: phase != "write")

    assert files(chosen) == []
    assert not list(desk.db.path.parent.glob(".*.tmp"))


# -- bad folders and full disks -------------------------------------------------------------
def test_a_missing_folder_is_refused_and_recorded(desk: Desk, owner: Actor, folder: Path) -> None:
    backup_settings.set_backup_folder(desk, folder, by=owner)
    folder.rmdir()  # the USB stick was pulled out

    with pytest.raises(DomainError) as refused:
        backups.back_up_now(desk)

    assert refused.value.code == "folder_missing"
    last = backup_settings.backup_config(desk).last
    assert last is not None
    assert not last.ok
    assert last.error == "folder_missing"
    assert last.params["folder"] == str(folder.resolve())


def test_choosing_a_missing_folder_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    with pytest.raises(DomainError) as refused:
        backup_settings.set_backup_folder(desk, tmp_path / "nowhere", by=owner)
    assert refused.value.code == "folder_missing"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_refused(desk: Desk, chosen: Path) -> None:
    chosen.chmod(0o555)
    try:
        with pytest.raises(DomainError) as refused:
            backups.back_up_now(desk)
    finally:
        chosen.chmod(0o755)
    assert refused.value.code == "folder_read_only"


class FailingSink(backup_file.Sink):
    """A disk that fails once ``budget`` bytes have been written."""

    budget = 0
    error = errno.ENOSPC

    def write(self, data: bytes) -> None:
        if FailingSink.budget < len(data):
            raise OSError(FailingSink.error, os.strerror(FailingSink.error))
        FailingSink.budget -= len(data)
        super().write(data)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (errno.ENOSPC, "disk_full"),
        (errno.EFBIG, "disk_full"),
        (errno.EROFS, "folder_read_only"),
        (errno.EACCES, "folder_read_only"),
        (errno.EIO, "write_failed"),
    ],
)
def test_a_write_failure_half_way_leaves_no_backup_and_keeps_the_old_ones(
    desk: Desk,
    chosen: Path,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    error: int,
    code: str,
) -> None:
    enrol(desk, 20)
    good = backups.back_up_now(desk)
    clock.advance(days=1)
    FailingSink.budget = 4096
    FailingSink.error = error
    monkeypatch.setattr(backup_file, "open_sink", FailingSink)

    with pytest.raises(DomainError) as refused:
        backups.back_up_now(desk)

    assert refused.value.code == code
    assert files(chosen) == [good.path.name]
    verify_file(good.path)
    last = backup_settings.backup_config(desk).last
    assert last is not None
    assert last.error == code
    assert backup_settings.backup_config(desk).last_ok_at == dt.datetime(2026, 3, 2, 2, 0)


def test_a_damaged_live_database_is_not_backed_up(desk: Desk, chosen: Path) -> None:
    enrol(desk, 5)
    good = backups.back_up_now(desk)
    path = desk.db.path
    desk.db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_member_name'"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + 40] = b"\xff" * 32  # wreck an index page
    path.write_bytes(bytes(data))

    with pytest.raises(DomainError) as refused:
        backups.run_backup(path, folder=chosen, now=dt.datetime(2026, 3, 4))

    assert refused.value.code == "database_damaged"
    assert files(chosen) == [good.path.name]


# -- rotation -----------------------------------------------------------------------------------
def _stamp(day: dt.date, hour: int = 20) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def test_rotation_keeps_7_daily_4_weekly_12_monthly() -> None:
    first = dt.date(2025, 1, 1)
    stamps = [
        (str(first + dt.timedelta(days=i)), _stamp(first + dt.timedelta(days=i)))
        for i in range(400)
    ]

    plan = plan_rotation(stamps)

    daily = [
        f"2026-0{m}-{d:02d}" for m, d in ((2, 4), (2, 3), (2, 2), (2, 1), (1, 31), (1, 30), (1, 29))
    ]
    weekly = ["2026-01-25", "2026-01-18"]  # + 2026-02-04 and 2026-02-01, already daily
    month_ends = [
        "2025-12-31",
        "2025-11-30",
        "2025-10-31",
        "2025-09-30",
        "2025-08-31",
        "2025-07-31",
        "2025-06-30",
        "2025-05-31",
        "2025-04-30",
        "2025-03-31",
    ]
    assert plan.keep == (*daily, *weekly, *month_ends)
    assert len(plan.remove) == 400 - len(plan.keep)


def test_rotation_counts_days_with_a_backup_not_calendar_days() -> None:
    """A shop closed for two weeks still has its last seven backups."""
    days = [dt.date(2026, 1, d) for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    stamps = [(d.isoformat(), _stamp(d)) for d in days]
    stamps.append(("later", _stamp(dt.date(2026, 1, 25))))

    plan = plan_rotation(stamps, weekly=0, monthly=0)

    assert plan.keep == ("later", *(d.isoformat() for d in reversed(days[-6:])))


def test_rotation_keeps_the_newest_of_a_day() -> None:
    day = dt.date(2026, 3, 2)
    plan = plan_rotation([("morning", _stamp(day, 9)), ("evening", _stamp(day, 21))])
    assert plan.keep == ("evening",)
    assert plan.remove == ("morning",)


def test_rotation_deletes_only_this_counters_backups(
    desk: Desk, chosen: Path, clock: FakeClock
) -> None:
    strangers = [
        "merchant-desk-20200101-100000-00000000.mdbk",  # another counter's backup
        "notes.txt",
        "merchant-desk-old-copy.mdbk",
    ]
    for name in strangers:
        (chosen / name).write_text("not ours")
    names = []
    for _ in range(10):
        names.append(backups.back_up_now(desk).path.name)
        clock.advance(days=1)

    kept = files(chosen)

    assert set(strangers) <= set(kept)
    assert [n for n in kept if n in names] == names[-7:]  # 10 days in 2 weeks of 1 month


def test_a_stale_half_written_file_is_cleaned_but_never_listed(desk: Desk, chosen: Path) -> None:
    partial = chosen / ".merchant-desk-20260301-100000-abcdef01.mdbk.1-aa.partial"
    partial.write_bytes(b"MDBACKUP half")
    assert list_backups(chosen) == []

    backups.back_up_now(desk)
    assert partial.exists()  # could still be written by someone
    old = time.time() - 2 * backups.STALE_PARTIAL_S
    os.utime(partial, (old, old))
    backups.back_up_now(desk)

    assert not partial.exists()


# -- damaged files ------------------------------------------------------------------------------
def test_a_truncated_backup_is_found_without_reading_it_all(desk: Desk, chosen: Path) -> None:
    result = backups.back_up_now(desk)
    data = result.path.read_bytes()
    result.path.write_bytes(data[: len(data) // 2])

    info = inspect_backup(result.path)

    assert info.problem == "backup_damaged"
    assert not info.usable
    with pytest.raises(DomainError) as refused:
        read_header(result.path)
    assert refused.value.params["reason"] == "truncated"


def test_a_changed_byte_fails_the_checksum(desk: Desk, chosen: Path) -> None:
    enrol(desk, 3)
    result = backups.back_up_now(desk)
    data = bytearray(result.path.read_bytes())
    data[len(data) // 2] ^= 0x01
    result.path.write_bytes(bytes(data))

    with pytest.raises(DomainError) as refused:
        verify_file(result.path)

    assert refused.value.code == "backup_damaged"
    assert refused.value.params["reason"] == "checksum"


def test_another_kind_of_file_is_not_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "holiday.mdbk"
    path.write_bytes(b"\x89PNG" + bytes(100))
    assert inspect_backup(path).problem == "not_a_backup"


def test_the_latest_good_backup_skips_damaged_ones(
    desk: Desk, chosen: Path, clock: FakeClock
) -> None:
    older = backups.back_up_now(desk)
    clock.advance(days=1)
    newer = backups.back_up_now(desk)
    data = bytearray(newer.path.read_bytes())
    data[200] ^= 0xFF
    newer.path.write_bytes(bytes(data))

    found = latest_good_backup([chosen])

    assert found is not None
    assert found.path == older.path
