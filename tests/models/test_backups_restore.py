"""Restoring: encryption, owner-only, everything checked before the database is replaced."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import struct
from contextlib import closing
from pathlib import Path

import pytest

from desktop.models import backup_crypto, backup_restore, backup_settings, backups
from desktop.models.backup_catalog import inspect_backup
from desktop.models.backup_file import PREFIX, TRAILER, TRAILER_MAGIC, read_header
from desktop.models.db import open_database
from desktop.models.errors import DomainError
from desktop.models.migrate import head_revision
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import OWNER_PIN, FakeClock

SCHEMA_FIELD = f'"schema": "{head_revision()}"'.encode()

STAFF_PIN = "1357"
PASSPHRASE = "门前大桥下 游过一群鸭"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)


@pytest.fixture
def folder(desk: Desk, owner: Actor, tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    backup_settings.set_backup_folder(desk, path, by=owner)
    return path


def enrol(desk: Desk, names: list[str]) -> None:
    for i, name in enumerate(names):
        desk.enrol_member(name=name, phone=f"1370000{i:04d}", by=None, membership_consent=True)


def restore(desk: Desk, backup: Path, **kw: object) -> backup_restore.RestoreOutcome:
    """What the app does: authorize, prepare, stage, close, swap."""
    by = backup_restore.authorize_restore(desk, OWNER_PIN)
    prepared = backup_restore.prepare_restore(
        backup, db_path=desk.db.path, by_name=by.name, now=desk.now(), **kw
    )
    backup_restore.stage_restore(prepared, desk.db.path, now=desk.now(), live=desk, by=by)
    desk.db.close()
    outcome = backup_restore.apply_pending_restore(desk.db.path)
    assert outcome is not None
    return outcome


def member_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM member ORDER BY name")]


def rewrite_checksums(path: Path) -> None:
    """What someone who edits a file on purpose would do: make the checksums fit again."""
    data = path.read_bytes()
    _, _, length = PREFIX.unpack(data[: PREFIX.size])
    header = data[PREFIX.size : PREFIX.size + length]
    body = data[: len(data) - TRAILER.size]
    body_length = len(body) - PREFIX.size - length
    trailer = TRAILER.pack(
        TRAILER_MAGIC,
        body_length,
        hashlib.sha256(header).digest(),
        hashlib.sha256(body).digest(),
    )
    path.write_bytes(body + trailer)


# -- a good restore -----------------------------------------------------------------------------
def test_restore_brings_back_the_backup_and_keeps_the_current_database_aside(
    desk: Desk, folder: Path, clock: FakeClock
) -> None:
    enrol(desk, ["张三", "李四"])
    backup = backups.back_up_now(desk).path
    clock.advance(hours=2)
    desk.enrol_member(name="王五", phone="13911112222", by=None, membership_consent=True)
    path = desk.db.path

    outcome = restore(desk, backup)

    assert member_names(path) == sorted(["张三", "李四"])
    assert outcome.kept_aside is not None
    assert member_names(outcome.kept_aside) == sorted(["张三", "李四", "王五"])
    assert not backup_restore.has_pending_restore(path)
    db = open_database(path)
    try:
        again = Desk(db, clock=clock)
        assert again.authenticate(OWNER_PIN, owner_only=True).is_owner
        assert again.verify_audit().ok
        assert again.recent_audit(limit=1)[0].action == "backup.restored"
    finally:
        db.close()
    with sqlite3.connect(outcome.kept_aside) as conn:
        last = conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last[0] == "backup.restored"  # the replaced database says who replaced it


def test_a_restored_database_is_marked_for_the_sync_to_enrol_it_anew(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    desk.set_setting("sync.device_credential", "secret-token", by=owner)
    desk.set_setting("sync.cursor", 1234, by=owner)
    desk.set_setting("language", "en", by=owner)
    backup = backups.back_up_now(desk)

    restore(desk, backup.path)

    with sqlite3.connect(desk.db.path) as conn:
        settings = dict(conn.execute("SELECT key, value FROM setting").fetchall())
    assert "sync.device_credential" not in settings
    assert "sync.cursor" not in settings
    assert json.loads(settings["sync.reenrol_required"]) is True
    assert json.loads(settings["restored_from_backup_at"]) == "2026-03-02T02:00:00Z"
    source = json.loads(settings["restored_from_backup"])
    assert source["file"] == backup.path.name
    assert source["sha256"] == backup.sha256
    assert json.loads(settings["language"]) == "en"


def test_an_encrypted_backup_restores_with_its_passphrase(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    enrol(desk, ["张三"])
    config = backup_settings.set_encryption(desk, PASSPHRASE, by=owner)
    backup = backups.back_up_now(desk)
    info = inspect_backup(backup.path)
    assert info.encrypted
    assert info.key_id == config.key_id
    assert info.counts["member"] == 1  # readable without the passphrase
    assert b"SQLite format 3" not in backup.path.read_bytes()

    restore(desk, backup.path, passphrase=PASSPHRASE)

    assert member_names(desk.db.path) == ["张三"]


def test_the_shop_database_cannot_open_its_own_encrypted_backups(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    """Only the public key and the passphrase-wrapped private key are kept in the database."""
    backup_settings.set_encryption(desk, PASSPHRASE, by=owner)
    stored = json.dumps(desk.setting(backup_settings.KEY_ENCRYPTION))
    assert "private" in stored
    assert PASSPHRASE not in stored
    assert desk.recent_audit(limit=1)[0].action == "backup.encryption_on"


def test_a_wrong_passphrase_says_so_and_changes_nothing(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    backup_settings.set_encryption(desk, PASSPHRASE, by=owner)
    backup = backups.back_up_now(desk).path
    before = sorted(p.name for p in desk.db.path.parent.iterdir())

    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(backup, db_path=desk.db.path, passphrase="not the one")

    assert refused.value.code == "passphrase_wrong"
    assert sorted(p.name for p in desk.db.path.parent.iterdir()) == before


def test_an_encrypted_backup_without_a_passphrase_asks_for_it(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    backup_settings.set_encryption(desk, PASSPHRASE, by=owner)
    backup = backups.back_up_now(desk).path
    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(backup, db_path=desk.db.path)
    assert refused.value.code == "passphrase_required"


def test_a_short_passphrase_is_refused(desk: Desk, owner: Actor) -> None:
    with pytest.raises(DomainError) as refused:
        backup_settings.set_encryption(desk, "1234567", by=owner)
    assert refused.value.code == "passphrase_too_short"


def test_turning_encryption_off_makes_plain_backups_again(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    backup_settings.set_encryption(desk, PASSPHRASE, by=owner)
    backup_settings.set_encryption(desk, None, by=owner)
    assert not backup_settings.backup_config(desk).encrypted
    assert not inspect_backup(backups.back_up_now(desk).path).encrypted


@pytest.mark.parametrize("where", ["body", "header"])
def test_an_encrypted_backup_edited_on_purpose_is_refused(
    desk: Desk, owner: Actor, folder: Path, where: str
) -> None:
    enrol(desk, ["张三", "李四"])
    backup_settings.set_encryption(desk, PASSPHRASE, by=owner)
    path = backups.back_up_now(desk).path
    data = bytearray(path.read_bytes())
    if where == "body":
        data[-TRAILER.size - 100] ^= 0x01
    else:  # claim more members than there are
        data[:] = data.replace(b'"member": 2', b'"member": 9')
    path.write_bytes(bytes(data))
    rewrite_checksums(path)

    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(path, db_path=desk.db.path, passphrase=PASSPHRASE)

    assert refused.value.code == "backup_damaged"
    assert refused.value.params["reason"] == "tampered"
    assert member_names(desk.db.path) == sorted(["张三", "李四"])


def test_a_truncated_backup_is_refused_before_anything_changes(desk: Desk, folder: Path) -> None:
    path = backups.back_up_now(desk).path
    path.write_bytes(path.read_bytes()[:-5000])

    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(path, db_path=desk.db.path)

    assert refused.value.code == "backup_damaged"
    assert not list(desk.db.path.parent.glob(".*restore*"))


def test_a_plain_backup_with_a_changed_byte_is_refused(desk: Desk, folder: Path) -> None:
    path = backups.back_up_now(desk).path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))

    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(path, db_path=desk.db.path)

    assert (refused.value.code, refused.value.params["reason"]) == ("backup_damaged", "checksum")


def test_a_backup_from_a_newer_version_is_refused_with_the_versions(
    desk: Desk, folder: Path
) -> None:
    path = backups.back_up_now(desk).path
    data = path.read_bytes().replace(SCHEMA_FIELD, b'"schema": "0099"')
    path.write_bytes(data)
    rewrite_checksums(path)
    assert read_header(path).fields["schema"] == "0099"

    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(path, db_path=desk.db.path)

    assert refused.value.code == "backup_too_new"
    assert refused.value.params == {"file": path.name, "schema": "0099", "newest": head_revision()}
    assert inspect_backup(path).too_new


def test_a_backup_of_an_older_version_is_upgraded_when_restored(
    tmp_path: Path, clock: FakeClock
) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copy(DATA / "shop_0001.sqlite", old)
    out = tmp_path / "out"
    out.mkdir()
    backup = backups.run_backup(old, folder=out, now=clock.now)
    assert inspect_backup(backup.path).schema == "0001"
    live = tmp_path / "live.sqlite"

    prepared = backup_restore.prepare_restore(backup.path, db_path=live, owner_pin_of_backup=None)
    backup_restore.stage_restore(prepared, live)
    outcome = backup_restore.apply_pending_restore(live)

    assert prepared.migrated_from == "0001"
    assert outcome is not None
    assert outcome.kept_aside is None
    with sqlite3.connect(live) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 2


# -- who may restore ------------------------------------------------------------------------------
def test_a_staff_pin_cannot_restore_and_the_attempt_is_audited(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    clerk = desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)

    with pytest.raises(DomainError) as refused:
        backup_restore.authorize_restore(desk, STAFF_PIN)

    assert refused.value.code == "owner_required"
    record = desk.recent_audit(limit=1)[0]
    assert record.action == "backup.restore_refused"
    assert record.staff_id == clerk.staff_id
    assert json.loads(record.details) == {"reason": "owner_required"}
    assert desk.verify_audit().ok


def test_a_wrong_pin_cannot_restore_and_the_attempt_is_audited(desk: Desk) -> None:
    with pytest.raises(DomainError) as refused:
        backup_restore.authorize_restore(desk, "999999")
    assert refused.value.code == "pin_wrong"
    assert desk.recent_audit(limit=1)[0].action == "backup.restore_refused"


def test_with_a_damaged_database_the_backups_own_owner_pin_is_asked(
    desk: Desk, owner: Actor, folder: Path
) -> None:
    desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)
    backup = backups.back_up_now(desk).path
    path = desk.db.path

    with pytest.raises(DomainError) as refused:
        backup_restore.prepare_restore(backup, db_path=path, owner_pin_of_backup=STAFF_PIN)
    assert refused.value.code == "owner_required"
    with pytest.raises(DomainError) as wrong:
        backup_restore.prepare_restore(backup, db_path=path, owner_pin_of_backup="000000")
    assert wrong.value.code == "pin_wrong"
    assert not list(path.parent.glob(".*restore*"))

    prepared = backup_restore.prepare_restore(backup, db_path=path, owner_pin_of_backup=OWNER_PIN)
    backup_restore.discard(prepared.staged)


# -- the swap -----------------------------------------------------------------------------------
def test_the_swap_waits_until_nobody_has_the_database_open(desk: Desk, folder: Path) -> None:
    backup = backups.back_up_now(desk).path
    prepared = backup_restore.prepare_restore(backup, db_path=desk.db.path)
    backup_restore.stage_restore(prepared, desk.db.path)

    with pytest.raises(DomainError) as refused:
        backup_restore.apply_pending_restore(desk.db.path)

    assert refused.value.code == "database_in_use"
    assert backup_restore.has_pending_restore(desk.db.path)
    desk.db.close()
    assert backup_restore.apply_pending_restore(desk.db.path) is not None


def test_a_swap_cut_short_is_finished_at_the_next_start(desk: Desk, folder: Path) -> None:
    enrol(desk, ["张三"])
    backup = backups.back_up_now(desk).path
    desk.enrol_member(name="王五", phone="13911112222", by=None, membership_consent=True)
    path = desk.db.path
    prepared = backup_restore.prepare_restore(backup, db_path=path)
    aside = backup_restore.stage_restore(prepared, path)
    desk.db.close()
    path.rename(aside)  # the power went off right after the first rename

    outcome = backup_restore.apply_pending_restore(path)

    assert outcome is not None
    assert outcome.kept_aside == aside
    assert member_names(path) == ["张三"]
    assert member_names(aside) == sorted(["张三", "王五"])
    assert backup_restore.apply_pending_restore(path) is None


def test_nothing_pending_means_nothing_happens(tmp_path: Path) -> None:
    assert backup_restore.apply_pending_restore(tmp_path / "shop.sqlite") is None


def test_restore_in_one_go_for_the_command_line(desk: Desk, folder: Path) -> None:
    enrol(desk, ["张三"])
    backup = backups.back_up_now(desk).path
    desk.enrol_member(name="王五", phone="13911112222", by=None, membership_consent=True)
    by = backup_restore.authorize_restore(desk, OWNER_PIN)

    prepared, outcome = backup_restore.restore_backup(
        backup, db_path=desk.db.path, live=desk, by=by, before_swap=desk.db.close
    )

    assert prepared.backup.counts["member"] == 1
    assert member_names(desk.db.path) == ["张三"]
    assert outcome.kept_aside is not None
    assert outcome.kept_aside.exists()


def test_trailer_layout_is_what_the_docs_say() -> None:
    assert TRAILER.size == 8 + 8 + 32 + 32
    assert struct.calcsize(">8sHI") == PREFIX.size
