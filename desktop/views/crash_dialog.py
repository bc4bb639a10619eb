"""The dialog for an unexpected error: what happened in plain words, the log file, the details
to copy for whoever helps, and the choice to continue or quit. GUI thread only."""

from __future__ import annotations

import platform
import traceback
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.log_privacy import mask_phones

QUIT_EXIT_CODE = 1


@dataclass(frozen=True)
class CrashReport:
    """``title`` and ``text`` for the person, ``summary`` the error in one line, ``details``
    what "Copy details" copies (phone numbers masked), ``log_path`` the log file if any."""

    title: str
    text: str
    summary: str
    details: str
    log_path: Path | None


def app_version() -> str:
    try:
        return metadata.version("merchant-desk")
    except metadata.PackageNotFoundError:
        return "unknown"


def build_report(
    title: str,
    text: str,
    error: tuple[type[BaseException], BaseException, TracebackType | None],
    log_path: Path | None,
) -> CrashReport:
    exc_type, exc, tb = error
    trace = "".join(traceback.format_exception(exc_type, exc, tb))
    where = str(log_path) if log_path is not None else "-"
    details = "\n".join(
        [
            f"Merchant Desk {app_version()}",
            f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
            f"Log file: {where}",
            "",
            trace,
        ]
    )
    summary = "".join(traceback.format_exception_only(exc_type, exc)).strip()
    return CrashReport(title, text, mask_phones(summary), mask_phones(details), log_path)


class CrashDialog(QDialog):
    """Shows a :class:`CrashReport`. ``Continue`` (Enter) accepts, ``Quit`` ends with
    ``QUIT``, ``Copy details`` puts ``report.details`` on the clipboard.

    Public for tests: ``copy_button``, ``continue_button``, ``quit_button``, ``log_label``.
    """

    QUIT = 2

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("crashDialog")
        self.setWindowTitle(report.title)
        self.setMinimumWidth(520)
        heading = QLabel(report.title)
        heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        text = QLabel(report.text)
        text.setWordWrap(True)
        summary = QLabel(self.tr("What happened: %1").replace("%1", report.summary))
        summary.setObjectName("crashSummary")
        summary.setWordWrap(True)
        summary.setStyleSheet("color: #5f6368;")
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if report.log_path is not None:
            where = self.tr("The details are also in the log file: %1").replace(
                "%1", str(report.log_path)
            )
        else:
            where = self.tr("No log file could be written on this computer.")
        self.log_label = QLabel(where)
        self.log_label.setObjectName("crashLogPath")
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.copied_label = QLabel("")
        self.copied_label.setObjectName("crashCopied")

        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("crashCopy")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_details)
        self.quit_button = QPushButton(self.tr("Quit Merchant Desk"))
        self.quit_button.setObjectName("crashQuit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(lambda _checked=False: self.done(self.QUIT))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("crashContinue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)

        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied_label, 1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(summary)
        layout.addWidget(self.log_label)
        layout.addLayout(buttons)
        self.continue_button.setFocus()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.report.details)
        self.copied_label.setText(self.tr("Copied."))


def show_crash_dialog(report: CrashReport) -> None:
    """Show the dialog over the active window; "Quit" ends the app with ``QUIT_EXIT_CODE``."""
    dialog = CrashDialog(report, parent=QApplication.activeWindow())
    try:
        if dialog.exec() == CrashDialog.QUIT:
            QCoreApplication.exit(QUIT_EXIT_CODE)
    finally:
        dialog.deleteLater()


__all__ = ["CrashDialog", "CrashReport", "build_report", "show_crash_dialog"]
