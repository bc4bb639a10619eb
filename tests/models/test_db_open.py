"""Opening the database: pragmas, and files that must be refused without being touched."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.models.db import open_database
from desktop.models.errors import DatabaseOpenError
from desktop.models.migrate import head_revision


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_created_by_the_migrations_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "new" / "shop.sqlite"
    db = open_database(path)
    with db.write() as s:
        assert s.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert s.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )


def test_reopening_an_up_to_date_database_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    with db.write() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO setting(key, value) VALUES ('language', '\"zh_CN\"')"
        )
    db.close()
    db = open_database(path)
    with db.read() as s:
        assert s.connection().exec_driver_sql("SELECT value FROM setting").scalar() == '"zh_CN"'
    db.close()


def test_corrupt_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.code == "corrupt"
    assert digest(path) == before
    assert not (tmp_path / "shop.sqlite-wal").exists()


def test_damaged_pages_are_found_by_the_quick_check(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    with db.write() as s:
        for i in range(2000):
            s.connection().exec_driver_sql(
                f"INSERT INTO setting(key, value) VALUES ('k{i}', '{'x' * 200}')"
            )
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):
        data[offset + 100 : offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.code == "corrupt"
    assert digest(path) == before


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.code == "too_new"
    assert digest(path) == before


def test_some_other_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers(id INTEGER)")
    before = digest(path)
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.code == "unusable"
    assert digest(path) == before


def test_locked_database_is_reported_not_waited_on_forever(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseOpenError) as err:
            open_database(path)
        assert err.value.code == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_read_only_location_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    before = digest(path)
    path.chmod(0o444)
    if os.geteuid() == 0:  # root ignores file modes; make the permission check see them
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
        )
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path)
    assert err.value.code == "read_only"
    assert digest(path) == before


def test_missing_file_is_not_created_when_creation_is_off(tmp_path: Path) -> None:
    path = tmp_path / "absent.sqlite"
    with pytest.raises(DatabaseOpenError) as err:
        open_database(path, create=False)
    assert err.value.code == "not_found"
    assert not path.exists()


def test_a_big_batch_does_not_leave_a_huge_wal_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.models.db as dbmodule

    monkeypatch.setattr(dbmodule, "WAL_SIZE_LIMIT_BYTES", 256 * 1024)
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    wal = Path(f"{path}-wal")
    with db.write() as s:
        s.connection().exec_driver_sql("CREATE TABLE bulk (data BLOB)")
    for _ in range(8):  # 8 MB in eight commits, like a segment issue in chunks
        with db.write() as s:
            s.connection().exec_driver_sql("INSERT INTO bulk VALUES (randomblob(1048576))")
    assert wal.stat().st_size > 4 * 1024 * 1024
    db._checkpointer.checkpoint("PASSIVE")
    with db.write() as s:  # the next writer starts the WAL over and cuts the file back
        s.connection().exec_driver_sql("INSERT INTO bulk VALUES (x'00')")
    assert wal.stat().st_size <= 256 * 1024
    db.close()
