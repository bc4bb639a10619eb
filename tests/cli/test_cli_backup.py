"""``merchant-desk backup`` / ``restore`` as support staff run them: one JSON document each."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from desktop import cli as cli_module
from desktop import cli_backup
from desktop.models import backup_crypto
from desktop.models.backups import run_backup
from desktop.models.db import open_database
from desktop.models.migrate import head_revision
from desktop.models.service import Desk

ROOT = Path(__file__).resolve().parents[2]
OWNER_PIN = "246810"
STAFF_PIN = "1357"
PASSPHRASE = "鸭子游过大桥 2026"
NOW = dt.datetime(2026, 3, 2, 2, 0)


def with_backup_commands(original: Callable[[], argparse.ArgumentParser]) -> Any:
    """The parser with ``backup`` and ``restore``, registered here if ``desktop.cli`` does not
    yet."""

    def build() -> argparse.ArgumentParser:
        parser = original()
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "backup" not in action.choices:
            cli_backup.register(action)
        return parser

    return build


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_module, "build_parser", with_backup_commands(cli_module.build_parser))
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)
    monkeypatch.delenv(cli_backup.ENV_PASSPHRASE, raising=False)
    monkeypatch.delenv(cli_backup.ENV_OWNER_PIN, raising=False)


def run_here(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    status = cli_module.main([str(a) for a in args])
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return status, json.loads(out)


def run(*args: str | Path, env: dict[str, str] | None = None) -> tuple[int, Any]:
    """A real process, like a person at a terminal."""
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env=env,
    )
    stdout = proc.stdout.decode("utf-8")
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert stdout.count("\n") == 1, stdout
    return proc.returncode, json.loads(stdout)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db, clock=lambda: NOW)
    owner = desk.set_up(shop_name="小王咖啡", owner_name="王老板", owner_pin=OWNER_PIN)
    desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)
    desk.enrol_member(name="张三", phone="13800138000", by=None, membership_consent=True)
    db.close()
    return path


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


def members(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM member ORDER BY name")]


def enrol(path: Path, name: str, phone: str) -> None:
    db = open_database(path)
    try:
        Desk(db).enrol_member(name=name, phone=phone, by=None, membership_consent=True)
    finally:
        db.close()


def test_backup_then_restore_in_real_processes(shop: Path, usb: Path) -> None:
    status, doc = run("backup", "--db", shop, "--to", usb)
    assert status == 0, doc
    assert doc["ok"] is True
    assert doc["verified"] is True
    assert doc["encrypted"] is False
    assert doc["counts"]["member"] == 1
    backup = Path(doc["file"])
    assert backup.parent == usb
    assert len(doc["sha256"]) == 64
    enrol(shop, "王五", "13911112222")

    status, doc = run("restore", "--db", shop, backup, "--owner-pin", OWNER_PIN)

    assert status == 0, doc
    assert doc["restored_from"] == str(backup)
    assert doc["counts"]["member"] == 1
    assert members(shop) == ["张三"]
    assert members(Path(doc["kept_aside"])) == sorted(["张三", "王五"])


def test_backup_to_a_missing_folder_is_refused(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, doc = run_here(capsys, "backup", "--db", shop, "--to", tmp_path / "no-usb")
    assert status == 1
    assert (doc["ok"], doc["error"], doc["file"]) == (False, "folder_missing", None)
    assert "USB stick" in doc["message"]


def test_an_encrypted_backup_needs_its_passphrase(
    shop: Path,
    usb: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    status, doc = run_here(capsys, "backup", "--db", shop, "--to", usb, "--passphrase-file", secret)
    assert (status, doc["encrypted"]) == (0, True)
    backup = doc["file"]

    status, doc = run_here(capsys, "restore", "--db", shop, backup, "--owner-pin", OWNER_PIN)
    assert (status, doc["error"]) == (1, "passphrase_required")
    monkeypatch.setenv(cli_backup.ENV_PASSPHRASE, "not the passphrase")
    status, doc = run_here(capsys, "restore", "--db", shop, backup, "--owner-pin", OWNER_PIN)
    assert (status, doc["error"]) == (1, "passphrase_wrong")
    assert doc["message"] == "the passphrase is wrong for this backup"
    monkeypatch.setenv(cli_backup.ENV_PASSPHRASE, PASSPHRASE)
    status, doc = run_here(capsys, "restore", "--db", shop, backup, "--owner-pin", OWNER_PIN)
    assert (status, doc["ok"], doc["encrypted"]) == (0, True, True)


def test_a_staff_pin_cannot_restore_and_is_audited(
    shop: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, doc = run_here(capsys, "backup", "--db", shop, "--to", usb)

    status, doc = run_here(capsys, "restore", "--db", shop, doc["file"], "--owner-pin", STAFF_PIN)

    assert (status, doc["error"], doc["kept_aside"]) == (1, "owner_required", None)
    with sqlite3.connect(shop) as conn:
        action, details = conn.execute(
            "SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert action == "backup.restore_refused"
    assert json.loads(details) == {"reason": "owner_required"}


def test_restore_is_refused_while_the_app_has_the_database_open(
    shop: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, doc = run_here(capsys, "backup", "--db", shop, "--to", usb)
    app = open_database(shop)
    try:
        status, doc = run_here(
            capsys, "restore", "--db", shop, doc["file"], "--owner-pin", OWNER_PIN
        )
    finally:
        app.close()
    assert (status, doc["error"]) == (1, "database_in_use")


def test_a_damaged_database_is_restored_with_the_backups_owner_pin(
    shop: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, doc = run_here(capsys, "backup", "--db", shop, "--to", usb)
    backup = doc["file"]
    garbage = bytes(range(256)) * 64
    shop.write_bytes(garbage)

    status, doc = run_here(capsys, "restore", "--db", shop, backup, "--owner-pin", STAFF_PIN)
    assert (status, doc["error"]) == (1, "owner_required")
    status, doc = run_here(capsys, "restore", "--db", shop, backup, "--owner-pin", OWNER_PIN)

    assert status == 0, doc
    assert members(shop) == ["张三"]
    assert Path(doc["kept_aside"]).read_bytes() == garbage


def test_a_backup_from_a_newer_version_is_refused_clearly(
    shop: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(shop) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    made = run_backup(shop, folder=usb, now=NOW)
    fresh = usb.parent / "fresh.sqlite"

    status, doc = run_here(capsys, "restore", "--db", fresh, made.path, "--owner-pin", OWNER_PIN)

    assert (status, doc["error"]) == (1, "backup_too_new")
    assert "schema 0099" in doc["message"]
    assert f"up to {head_revision()}" in doc["message"]
    assert not fresh.exists()


def test_restore_without_a_pin_is_a_usage_error(
    shop: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, doc = run_here(capsys, "restore", "--db", shop, usb / "x.mdbk")
    assert (status, doc["error"]) == (2, "usage")
    assert cli_backup.ENV_OWNER_PIN in doc["message"]


def test_a_missing_backup_file_is_refused(
    shop: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, doc = run_here(
        capsys, "restore", "--db", shop, usb / "x.mdbk", "--owner-pin", OWNER_PIN
    )
    assert (status, doc["error"]) == (1, "backup_not_found")
    assert members(shop) == ["张三"]
