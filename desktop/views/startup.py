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
from desktop.views.crash_dialog import CrashReport, build_report, show_crash_dialog

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


def crash_message() -> tuple[str, str]:
    """Title and text of the crash dialog. Every change is one transaction, so what was saved
    stays saved; the failed action may or may not have been saved before the error."""
    title = QCoreApplication.translate("Startup", "Something went wrong")
    text = QCoreApplication.translate(
        "Startup",
        "An unexpected error happened. What was saved before is safe. The last action may "
        "not have been saved: check it (for example in the member's history) before doing "
        "it again. You can keep working, or quit and start Merchant Desk again.",
    )
    return title, text


SHOWN_PER_ERROR = 3  # the same error again and again (a broken repaint) is only logged after


def install_excepthook(
    log_path: Path | None, show: Callable[[CrashReport], None] = show_crash_dialog
) -> None:
    """Log unexpected exceptions and tell the person plainly (``show``, by default the crash
    dialog: copy details, continue or quit); the app keeps running."""
    showing = False
    shown: dict[str, int] = {}

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        where = traceback.extract_tb(tb)[-1:] if tb is not None else []
        key = f"{exc_type.__name__} {[(f.filename, f.lineno) for f in where]}"
        if showing or QApplication.instance() is None or shown.get(key, 0) >= SHOWN_PER_ERROR:
            return
        shown[key] = shown.get(key, 0) + 1
        showing = True
        try:
            show(build_report(*crash_message(), (exc_type, exc, tb), log_path))
        finally:
            showing = False

    sys.excepthook = hook
