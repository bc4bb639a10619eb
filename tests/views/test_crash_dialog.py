"""An unexpected error: a plain dialog with the log file and details to copy; the app goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.views.crash_dialog import CrashDialog, CrashReport
from desktop.views.startup import install_excepthook
from tests.views.conftest import ModalDriver


class BrokenButton(QPushButton):
    """A button whose slot fails the first ``failures`` times, then works."""

    def __init__(self, failures: int) -> None:
        super().__init__("Save")
        self.failures = failures
        self.saved = 0
        self.clicked.connect(self.save)

    def save(self) -> None:
        if self.failures:
            self.failures -= 1
            raise ValueError("member 13800138000 has no card")
        self.saved += 1


@pytest.fixture
def log_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return tmp_path / "logs" / "merchant_desk.log"


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_copy_puts_the_details_on_the_clipboard(
    qtbot, log_path: Path, modal: ModalDriver
) -> None:
    install_excepthook(log_path)
    button = BrokenButton(failures=1)
    qtbot.addWidget(button)
    seen: dict[str, str] = {}

    def copy_then_continue(dialog: CrashDialog) -> None:
        seen["text"] = dialog.report.text
        seen["log"] = dialog.log_label.text()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        seen["clipboard"] = QApplication.clipboard().text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Continue is the default

    modal.expect(CrashDialog, copy_then_continue)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    modal.check()

    assert "What was saved before is safe" in seen["text"]
    assert str(log_path) in seen["log"]
    clipboard = seen["clipboard"]
    assert "Traceback (most recent call last)" in clipboard
    assert "in save" in clipboard
    assert "ValueError: member 138****8000 has no card" in clipboard
    assert "Merchant Desk " in clipboard
    assert f"Log file: {log_path}" in clipboard
    assert "13800138000" not in clipboard

    # Still running: the same button works now, and timers still fire.
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.saved == 1
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True])


@pytest.mark.qt_no_exception_capture
def test_the_same_error_over_and_over_stops_showing_after_a_few(qtbot, log_path: Path) -> None:
    reports: list[CrashReport] = []
    install_excepthook(log_path, show=reports.append)
    button = BrokenButton(failures=6)
    qtbot.addWidget(button)
    for _ in range(6):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(reports) == 3
    assert reports[0].summary == "ValueError: member 138****8000 has no card"
    assert reports[0].log_path == log_path


def test_quit_ends_the_dialog_with_quit_and_the_path_can_be_selected(qtbot) -> None:
    report = CrashReport("Something went wrong", "text", "ValueError: x", "details", Path("/l.log"))
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    flags = dialog.log_label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    dialog.open()
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CrashDialog.QUIT
    assert not dialog.isVisible()
