"""The app and backups: the restart that swaps a restored database in, the status bar when an
automatic backup fails."""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop import app as app_module
from desktop import config
from desktop.models import backup_restore, backup_settings, backups
from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.views.backup_worker import request_app_restart
from tests.views.conftest import OWNER_PIN


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM member ORDER BY name")]


def test_a_staged_restore_is_swapped_in_when_the_app_restarts(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db)
    desk.set_up(shop_name="小王便利店", owner_name="王老板", owner_pin=OWNER_PIN)
    desk.enrol_member(name="张三", phone="13800001234", by=None, membership_consent=True)
    made = backups.back_up_now(desk)
    desk.enrol_member(name="李四", phone="13900001234", by=None, membership_consent=True)
    db.close()
    windows: list[object] = []

    def first_window() -> None:  # the owner restored from Settings
        windows.append(QApplication.activeWindow())
        prepared = backup_restore.prepare_restore(made.path, db_path=path)
        backup_restore.stage_restore(prepared, path)
        request_app_restart()

    def second_window() -> None:
        windows.append(QApplication.activeWindow())
        QApplication.quit()

    QTimer.singleShot(300, first_window)
    QTimer.singleShot(1500, second_window)

    code = app_module.main(["--db", str(path)])

    assert code == 0
    assert len(windows) == 2
    assert names(path) == ["张三"]
    assert len(list(tmp_path.glob("shop.sqlite.before-restore-*"))) == 1
    assert not backup_restore.has_pending_restore(path)


def test_a_failed_automatic_backup_shows_in_the_status_bar(
    qtbot, shop_desk: Desk, tmp_path: Path
) -> None:
    owner = shop_desk.authenticate(OWNER_PIN, owner_only=True)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup_settings.set_backup_folder(shop_desk, usb, by=owner)
    usb.rmdir()
    window = QMainWindow()
    qtbot.addWidget(window)

    scheduler = app_module.start_backups(shop_desk, window)
    scheduler.check()  # type: ignore[attr-defined]

    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=20_000)
    assert "USB stick" in window.statusBar().currentMessage()
    scheduler.stop()  # type: ignore[attr-defined]


def test_damage_found_while_open_offers_a_restore(
    qtbot, shop_desk: Desk, tmp_path: Path, modal
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.views.restore_dialog import RestoreDialog

    backups.back_up_now(shop_desk)
    window = QMainWindow()
    qtbot.addWidget(window)
    seen: list[int] = []

    def choose_restore(box: QMessageBox) -> None:
        assert "damaged" in box.text()
        restore = next(b for b in box.buttons() if "Restore" in b.text())
        restore.click()

    def look(dialog: RestoreDialog) -> None:
        seen.append(dialog.backup_list.count())
        dialog.reject()

    modal.expect(QMessageBox, choose_restore).expect(RestoreDialog, look)

    app_module.damaged_while_open(shop_desk, window)("Damaged", "The file is damaged.")

    modal.check()
    assert seen == [1]
