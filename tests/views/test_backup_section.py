"""Settings → Backups: choosing the folder, encryption, "Back up now", the list, the timer."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QProgressDialog

from desktop.models import backup_crypto, backup_settings, backups
from desktop.models.backup_catalog import list_backups
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.backup_section import BackupSection, Columns
from desktop.views.backup_worker import BackupScheduler, backup_on_exit
from desktop.views.pin_dialog import PinDialog
from desktop.views.settings_view import SettingsView
from tests.views.conftest import OWNER_PIN, ModalDriver, ViewClock
from tests.views.members_support import session_of, type_text

PASSPHRASE = "两只老虎跑得快 2026"


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_crypto, "SCRYPT_N", 2**12)


@pytest.fixture
def owner(shop_desk: Desk) -> Actor:
    return shop_desk.authenticate(OWNER_PIN, owner_only=True)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    path = tmp_path / "usb"
    path.mkdir()
    return path


@pytest.fixture
def section(qtbot, shop_desk: Desk, owner: Actor) -> BackupSection:
    view = BackupSection(shop_desk)
    qtbot.addWidget(view)
    view.owner = owner
    view.resize(900, 700)
    view.show()
    view.reload()
    return view


def click(qtbot, button) -> None:
    # A check box takes clicks on its box and label only, not across its whole width.
    pos = QPoint(8, button.height() // 2) if isinstance(button, QCheckBox) else QPoint()
    if pos.isNull():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)


def back_up(qtbot, section: BackupSection) -> None:
    click(qtbot, section.now_button)
    assert section.worker is not None or section.table.rowCount() > 0
    qtbot.waitUntil(lambda: section.worker is None, timeout=20_000)


def test_the_folder_is_chosen_and_shown(qtbot, section: BackupSection, usb: Path) -> None:
    assert "same disk" in section.folder_note.text()

    assert section.choose_folder(usb)

    assert section.folder_edit.text() == str(usb.resolve())


def test_a_missing_folder_cannot_be_chosen(qtbot, section: BackupSection, tmp_path: Path) -> None:
    assert not section.choose_folder(tmp_path / "nowhere")
    assert "not there" in section.folder_note.text()


def test_back_up_now_shows_the_result_and_lists_the_backup(
    qtbot, section: BackupSection, shop_desk: Desk, usb: Path, members
) -> None:
    section.choose_folder(usb)
    assert "No backup has been made yet" in section.last_label.text()

    back_up(qtbot, section)

    assert "checked and good" in section.last_label.text()
    assert "2026-03-02 10:00" in section.last_label.text()
    assert section.table.rowCount() == 1
    assert section.table.item(0, Columns.MEMBERS).text() == "3"
    assert section.table.item(0, Columns.VERIFIED).text() == "yes"
    assert section.table.item(0, Columns.ENCRYPTED).text() == "no"
    assert section.now_button.isEnabled()


def test_a_failed_backup_says_why_and_when_the_last_good_one_was(
    qtbot, section: BackupSection, usb: Path, view_clock: ViewClock
) -> None:
    section.choose_folder(usb)
    back_up(qtbot, section)
    shutil.rmtree(usb)  # the USB stick was pulled out
    view_clock.advance(days=1)

    back_up(qtbot, section)

    text = section.last_label.text()
    assert "USB stick" in text
    assert "Last good backup: 2026-03-02 10:00" in text


def test_encryption_needs_the_same_passphrase_twice(
    qtbot, section: BackupSection, shop_desk: Desk, usb: Path
) -> None:
    section.choose_folder(usb)
    click(qtbot, section.encrypt_check)
    type_text(qtbot, section.passphrase_edit, PASSPHRASE)
    type_text(qtbot, section.repeat_edit, PASSPHRASE + "x")
    click(qtbot, section.encryption_button)
    assert "not the same" in section.encryption_status.text()
    assert not backup_settings.backup_config(shop_desk).encrypted

    type_text(qtbot, section.repeat_edit, PASSPHRASE)
    click(qtbot, section.encryption_button)

    assert "encrypted" in section.encryption_status.text()
    assert backup_settings.backup_config(shop_desk).encrypted
    back_up(qtbot, section)
    assert section.table.item(0, Columns.ENCRYPTED).text() == "yes"


def test_a_short_passphrase_is_refused(qtbot, section: BackupSection, shop_desk: Desk) -> None:
    click(qtbot, section.encrypt_check)
    type_text(qtbot, section.passphrase_edit, "short")
    type_text(qtbot, section.repeat_edit, "short")
    click(qtbot, section.encryption_button)
    assert "at least 8" in section.encryption_status.text()
    assert not backup_settings.backup_config(shop_desk).encrypted


def test_the_settings_screen_has_a_backups_section_for_the_owner(
    qtbot, shop_desk: Desk, modal: ModalDriver
) -> None:
    view = SettingsView(shop_desk, session_of(None))
    qtbot.addWidget(view)
    view.show()

    def enter(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, OWNER_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    modal.expect(PinDialog, enter)
    click(qtbot, view.unlock_button)
    modal.check()
    view.sections.setCurrentWidget(view.backups)

    assert view.backups.owner is not None
    assert view.backups.folder_edit.text().endswith("backups")
    view.lock()
    assert view.backups.owner is None


# -- the daily timer and the backup on exit -----------------------------------------------
def test_the_daily_timer_backs_up_when_due_and_not_again(
    qtbot, shop_desk: Desk, owner: Actor, usb: Path, view_clock: ViewClock
) -> None:
    backup_settings.set_backup_folder(shop_desk, usb, by=owner)
    scheduler = BackupScheduler(shop_desk)
    results: list[tuple[bool, str]] = []
    scheduler.finished.connect(lambda ok, text: results.append((ok, text)))

    assert scheduler.check()
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert results[0][0]
    assert not scheduler.check()
    view_clock.advance(days=1)
    assert scheduler.check()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=20_000)
    assert len(list_backups(usb)) == 2
    scheduler.stop()


def test_a_failed_automatic_backup_is_reported(
    qtbot, shop_desk: Desk, owner: Actor, usb: Path
) -> None:
    backup_settings.set_backup_folder(shop_desk, usb, by=owner)
    usb.rmdir()
    scheduler = BackupScheduler(shop_desk)
    results: list[tuple[bool, str]] = []
    scheduler.finished.connect(lambda ok, text: results.append((ok, text)))

    scheduler.check()

    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert results[0][0] is False
    assert "USB stick" in results[0][1]
    assert not scheduler.timer.isActive()  # retried in an hour, not every check
    scheduler.stop()


def test_closing_backs_up_when_the_last_backup_is_a_day_old(
    qtbot, shop_desk: Desk, owner: Actor, usb: Path, view_clock: ViewClock
) -> None:
    backup_settings.set_backup_folder(shop_desk, usb, by=owner)

    first = backup_on_exit(shop_desk)
    assert first is not None
    assert len(list_backups(usb)) == 1
    assert backup_on_exit(shop_desk) is None  # not due again yet
    view_clock.advance(hours=25)
    assert backup_on_exit(shop_desk) is not None
    assert len(list_backups(usb)) == 2


def test_the_backup_on_exit_can_be_skipped(
    qtbot,
    shop_desk: Desk,
    owner: Actor,
    usb: Path,
    modal: ModalDriver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_settings.set_backup_folder(shop_desk, usb, by=owner)
    check = backups.check_copy

    def slow_check(path, **kw):  # type: ignore[no-untyped-def]
        time.sleep(0.5)  # time for the person to press the button
        return check(path, **kw)

    monkeypatch.setattr(backups, "check_copy", slow_check)

    def skip(dialog: QProgressDialog) -> None:
        dialog.cancel()
        dialog.hide()

    modal.expect(QProgressDialog, skip)

    result = backup_on_exit(shop_desk)

    modal.check()
    assert type(result).__name__ == "Cancelled"
    assert list_backups(usb) == []


def test_progress_of_a_database_over_two_gigabytes_reaches_the_screen(qtbot) -> None:
    from desktop.views.backup_worker import TaskWorker

    worker = TaskWorker(lambda progress: progress("write", 3_000_000_000, 6_000_000_000))
    seen: list[tuple[int, int]] = []
    worker.progressed.connect(lambda _phase, done, total: seen.append((done, total)))
    with qtbot.waitSignal(worker.finished_with, timeout=5_000):
        worker.start()
    worker.wait()
    assert seen == [(3_000_000_000, 6_000_000_000)]
