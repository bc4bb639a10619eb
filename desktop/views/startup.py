"""What the person sees when the app cannot start normally or hits a bug."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.models.errors import DatabaseOpenError

log = logging.getLogger("desktop")


def database_error_message(error: DatabaseOpenError) -> tuple[str, str]:
    """Title and text for a database that cannot be opened, by ``error.code``."""
    title = QCoreApplication.translate("Startup", "Cannot open the shop database")
    texts = {
        "locked": QCoreApplication.translate(
            "Startup",
            "The shop database is in use by another program. Another Merchant Desk "
            "may already be open on this computer: switch to that window, or close it and "
            "start again.",
        ),
        "read_only": QCoreApplication.translate(
            "Startup",
            "Merchant Desk is not allowed to write to the shop database or its "
            "folder. Check the permissions, or move the file to a folder you can write to.",
        ),
        "corrupt": QCoreApplication.translate(
            "Startup",
            "The shop database file is damaged. It has not been changed. Restore "
            "the latest backup, or ask for help, before starting again.",
        ),
        "too_new": QCoreApplication.translate(
            "Startup",
            "This shop database was made by a newer version of Merchant Desk. "
            "Install that version to open it. The file has not been changed.",
        ),
        "not_found": QCoreApplication.translate("Startup", "The shop database file was not found."),
        "unusable": QCoreApplication.translate(
            "Startup",
            "This file is not a Merchant Desk database, or it cannot be opened. "
            "It has not been changed.",
        ),
    }
    text = texts.get(error.code, texts["unusable"])
    where = QCoreApplication.translate("Startup", "File: %1").replace("%1", error.path)
    return title, f"{text}\n\n{where}"


def show_error_box(title: str, text: str) -> None:
    """A blocking error message (needs a QApplication)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    box.exec()


def crash_message(log_path: Path | None) -> tuple[str, str]:
    title = QCoreApplication.translate("Startup", "Something went wrong")
    text = QCoreApplication.translate(
        "Startup",
        "An unexpected error happened. What you were doing may not have been "
        "saved; check it and do it again if needed. Merchant Desk keeps running.",
    )
    if log_path is not None:
        text += "\n\n" + QCoreApplication.translate(
            "Startup", "The details are in the log file: %1"
        ).replace("%1", str(log_path))
    return title, text


def install_excepthook(
    log_path: Path | None, show: Callable[[str, str], None] = show_error_box
) -> None:
    """Log unexpected exceptions and tell the person plainly; the app keeps running."""
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if showing or QApplication.instance() is None:
            return
        showing = True
        try:
            show(*crash_message(log_path))
        finally:
            showing = False

    sys.excepthook = hook
