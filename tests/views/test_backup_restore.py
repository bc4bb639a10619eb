"""The restore dialog: pick a backup, see what it holds, owner PIN, restore — and the start-up
offer when the shop database is damaged."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app import open_desk
from desktop.models import backup_crypto, backup_restore, backup_settings, backups
from desktop.models.backup_file import TRAILER
from desktop.models.migrate import head_revision
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views import restore_dialog as restore_module
from desktop.views.restore_dialog import RestoreDialog
from tests.views.conftest import OWNER_PIN, ModalDriver, ViewClock
from tests.views.members_support import type_text

SCHEMA_FIELD = f'"schema": "{head_revision()}"'.encode()

STAFF_PIN = "2468"
PASSPHRASE = "两只老虎跑得快 2026"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)


@pytest.fixture
def owner(shop_desk: Desk) -> Actor:
    return shop_desk.authenticate(OWNER_PIN, owner_only=True)


@pytest.fixture
def usb(shop_desk: Desk, owner: Actor, tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    backup_settings.set_backup_folder(shop_desk, path, by=owner)
    return path


def dialog_for(qtbot, desk: Desk, usb: Path) -> RestoreDialog:
    dialog = RestoreDialog(
        desk.db.path,
        desk=desk,
        folders=[usb],
        recorded=backup_settings.recorded_checksums(desk),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_in(qtbot, dialog: RestoreDialog, pin: str, passphrase: str = "") -> None:
    if passphrase:
        type_text(qtbot, dialog.passphrase_edit, passphrase)
    qtbot.keyClicks(dialog.pin_edit, pin)
    dialog.confirm_check.setChecked(True)


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM member ORDER BY name")]


def test_the_dialog_shows_the_date_and_what_the_backup_holds(
    qtbot, shop_desk: Desk, usb: Path, members
) -> None:
    backups.back_up_now(shop_desk)

    dialog = dialog_for(qtbot, shop_desk, usb)

    assert dialog.backup_list.count() == 1
    assert dialog.backup_list.item(0).text().startswith("2026-03-02 10:00")
    details = dialog.details.text()
    assert "Made: 2026-03-02 10:00" in details
    assert "3 members" in details
    assert "小王便利店" in details
    assert "Checked: yes, when it was written" in details
    assert not dialog.restore_button.isEnabled()  # PIN and confirmation first
    assert not dialog.passphrase_edit.isEnabled()


def test_the_owner_restores_and_the_app_restarts_into_the_backup(
    qtbot, shop_desk: Desk, usb: Path, members, view_clock: ViewClock
) -> None:
    backups.back_up_now(shop_desk)
    view_clock.advance(hours=3)
    shop_desk.enrol_member(name="赵六", phone="13611112222", by=None, membership_consent=True)
    dialog = dialog_for(qtbot, shop_desk, usb)
    fill_in(qtbot, dialog, OWNER_PIN)
    assert dialog.restore_button.isEnabled()

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20_000)

    assert isinstance(dialog.outcome, backup_restore.PreparedRestore)
    path = shop_desk.db.path
    assert backup_restore.has_pending_restore(path)
    assert "赵六" in names(path)  # nothing is swapped while the app has the file open
    shop_desk.db.close()

    reopened = open_desk(path, report=lambda *_: None)  # what the restart does

    assert reopened is not None
    try:
        assert "赵六" not in [m.name for m in reopened.search_members("赵").items]
        assert reopened.setting("sync.reenrol_required") is True
    finally:
        reopened.db.close()
    aside = list(path.parent.glob("shop.sqlite.before-restore-*"))
    assert len(aside) == 1
    assert "赵六" in names(aside[0])


def test_a_staff_pin_is_refused_and_recorded(
    qtbot, shop_desk: Desk, owner: Actor, usb: Path
) -> None:
    shop_desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)
    backups.back_up_now(shop_desk)
    dialog = dialog_for(qtbot, shop_desk, usb)
    fill_in(qtbot, dialog, STAFF_PIN)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert "Only the owner" in dialog.error_label.text()
    assert dialog.isVisible()
    assert dialog.pin_edit.text() == ""
    record = shop_desk.recent_audit(limit=1)[0]
    assert record.action == "backup.restore_refused"
    assert json.loads(record.details) == {"reason": "owner_required"}
    assert not backup_restore.has_pending_restore(shop_desk.db.path)


def test_an_encrypted_backup_asks_for_its_passphrase(
    qtbot, shop_desk: Desk, owner: Actor, usb: Path
) -> None:
    backup_settings.set_encryption(shop_desk, PASSPHRASE, by=owner)
    backups.back_up_now(shop_desk)
    dialog = dialog_for(qtbot, shop_desk, usb)
    assert dialog.passphrase_edit.isEnabled()
    qtbot.keyClicks(dialog.pin_edit, OWNER_PIN)
    dialog.confirm_check.setChecked(True)
    assert not dialog.restore_button.isEnabled()

    type_text(qtbot, dialog.passphrase_edit, "wrong passphrase")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=20_000)

    assert dialog.error_label.text() == "The passphrase is wrong for this backup."
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=5_000)
    dialog.passphrase_edit.clear()
    type_text(qtbot, dialog.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=20_000)


def test_a_backup_from_a_newer_version_cannot_be_chosen(qtbot, shop_desk: Desk, usb: Path) -> None:
    path = backups.back_up_now(shop_desk).path
    path.write_bytes(path.read_bytes().replace(SCHEMA_FIELD, b'"schema": "0099"'))
    _fix_checksums(path)
    dialog = dialog_for(qtbot, shop_desk, usb)
    fill_in(qtbot, dialog, OWNER_PIN)

    assert "newer version" in dialog.backup_list.item(0).text()
    assert f"database version 0099; this version knows up to {head_revision()}" in (
        dialog.error_label.text()
    )
    assert not dialog.restore_button.isEnabled()


def test_restore_from_settings_asks_the_app_to_restart(
    qtbot, shop_desk: Desk, usb: Path, modal: ModalDriver, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    backups.back_up_now(shop_desk)
    restarts: list[bool] = []
    monkeypatch.setattr(restore_module, "request_app_restart", lambda: restarts.append(True))

    def restore(dialog: RestoreDialog) -> None:
        fill_in(qtbot, dialog, OWNER_PIN)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)

    modal.expect(RestoreDialog, restore)
    modal.expect(QMessageBox, lambda box: box.accept())

    done = restore_module.restore_from_settings(shop_desk, folders=[usb], recorded={})

    modal.check()
    assert done
    assert restarts == [True]


# -- the start-up offer -------------------------------------------------------------------
def _fix_checksums(path: Path) -> None:
    import hashlib

    from desktop.models.backup_file import PREFIX, TRAILER_MAGIC

    data = path.read_bytes()
    _, _, length = PREFIX.unpack(data[: PREFIX.size])
    header = data[PREFIX.size : PREFIX.size + length]
    body = data[: len(data) - TRAILER.size]
    trailer = TRAILER.pack(
        TRAILER_MAGIC,
        len(body) - PREFIX.size - length,
        hashlib.sha256(header).digest(),
        hashlib.sha256(body).digest(),
    )
    path.write_bytes(body + trailer)


@pytest.fixture
def damaged(shop_desk: Desk, usb: Path, members, view_clock: ViewClock) -> tuple[Path, Path]:
    """A shop with a good backup, a newer damaged one, and a database that is now garbage."""
    good = backups.back_up_now(shop_desk).path
    view_clock.advance(days=1)
    newer = backups.back_up_now(shop_desk).path
    data = bytearray(newer.read_bytes())
    data[len(data) // 2] ^= 0xFF
    newer.write_bytes(bytes(data))
    path = shop_desk.db.path
    shop_desk.db.close()
    path.write_bytes(bytes(range(256)) * 64)
    return path, good


def test_a_damaged_database_at_start_is_offered_the_latest_good_backup(
    qtbot, damaged: tuple[Path, Path], modal: ModalDriver
) -> None:
    path, good = damaged
    reports: list[tuple[str, str]] = []

    def accept_offer(dialog: RestoreDialog) -> None:
        qtbot.waitUntil(lambda: dialog._worker is None, timeout=20_000)
        selected = dialog.selected()
        assert selected is not None
        assert selected.path == good
        assert "damaged" in dialog.windowTitle()
        fill_in(qtbot, dialog, OWNER_PIN)  # the owner PIN of the backup
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)

    modal.expect(RestoreDialog, accept_offer)

    desk = open_desk(
        path,
        report=lambda *text: reports.append(text),
        offer_restore=restore_module.offer_restore_at_start,
    )

    modal.check()
    assert reports == []
    assert desk is not None
    try:
        assert desk.search_members("张").items
        assert desk.setting("restored_from_backup_at") is not None
    finally:
        desk.db.close()
    aside = list(path.parent.glob("shop.sqlite.before-restore-*"))
    assert aside[0].read_bytes() == bytes(range(256)) * 64


def test_declining_the_offer_never_starts_on_an_empty_database(
    qtbot, damaged: tuple[Path, Path], modal: ModalDriver
) -> None:
    path, _ = damaged
    reports: list[tuple[str, str]] = []
    modal.expect(RestoreDialog, lambda dialog: dialog.reject())

    desk = open_desk(
        path,
        report=lambda *text: reports.append(text),
        offer_restore=restore_module.offer_restore_at_start,
    )

    modal.check()
    assert desk is None
    assert "damaged" in reports[0][1]
    assert path.read_bytes() == bytes(range(256)) * 64


def test_a_staff_pin_of_the_backup_cannot_restore_it(
    qtbot, shop_desk: Desk, owner: Actor, usb: Path
) -> None:
    shop_desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)
    backups.back_up_now(shop_desk)
    path = shop_desk.db.path
    shop_desk.db.close()
    path.write_bytes(b"garbage" * 1000)
    dialog = RestoreDialog(path, desk=None, folders=[usb], damaged=True)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_in(qtbot, dialog, STAFF_PIN)

    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=20_000)

    assert "Only the owner" in dialog.error_label.text()
    assert path.read_bytes() == b"garbage" * 1000
