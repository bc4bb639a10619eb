"""Running backups and restores off the GUI thread, the daily backup timer, the backup on
exit, and the app restart that finishes a restore.

Nothing here touches a widget from the worker thread: results come back by Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.models import backup_settings, backups
from desktop.models.errors import DomainError
from desktop.views.backup_texts import backup_error_text, phase_text

if TYPE_CHECKING:
    from desktop.models.service import Desk

log = logging.getLogger("desktop")

RESTART_EXIT_CODE = 75  # app.exec() returns this when the app must reopen its database
MAIN_LOOP_PROPERTY = "merchantDeskMainLoop"
CHECK_EVERY_MS = 10 * 60 * 1000
FIRST_CHECK_MS = 2 * 60 * 1000  # after start-up, so the counter is up first
RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000


class TaskWorker(QThread):
    """Runs ``task(progress)`` on its own thread. ``progressed(phase, done, total)`` while it
    runs; ``finished_with(result)`` at the end, where a raised exception is the result.
    ``cancel()`` makes the next progress call answer "stop"."""

    # object, not int: byte counts of a big database pass 2**31, beyond a Qt int.
    progressed = Signal(str, object, object)
    finished_with = Signal(object)

    def __init__(
        self, task: Callable[[Callable[[str, int, int], bool]], Any], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._task = task
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, phase: str, done: int, total: int) -> bool:  # worker thread
        self.progressed.emit(phase, done, total)
        return not self._cancel.is_set()

    def run(self) -> None:  # worker thread
        try:
            result: object = self._task(self._progress)
        except BaseException as exc:  # handed to the GUI thread, which shows or re-raises it
            result = exc
        self.finished_with.emit(result)


def outcome_text(result: object) -> tuple[bool, str]:
    """(ok, sentence) for what a backup task returned."""
    if isinstance(result, backups.BackupResult):
        return True, QCoreApplication.translate("Backups", "Backup made and checked: %1").replace(
            "%1", result.path.name
        )
    if isinstance(result, backups.Cancelled):
        return False, QCoreApplication.translate("Backups", "Backup cancelled.")
    if isinstance(result, DomainError):
        return False, backup_error_text(result)
    return False, QCoreApplication.translate("Backups", "The backup failed: %1").replace(
        "%1", str(result)
    )


class BackupScheduler(QObject):
    """The daily backup: every few minutes, if no backup has succeeded for a day, one runs on
    a worker thread. ``finished(ok, text)`` after each automatic backup. GUI thread only."""

    finished = Signal(bool, str)

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.worker: TaskWorker | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self.timer.start()
        QTimer.singleShot(first_check_ms, self, self.check)

    def check(self) -> bool:
        """Start a backup if one is due; True when one was started."""
        if self.worker is not None:
            return False
        try:
            due = backup_settings.backup_due(self._desk)
        except DomainError:
            return False
        if not due:
            return False
        self.worker = TaskWorker(
            lambda progress: backups.back_up_now(self._desk, progress=progress)
        )
        self.worker.finished_with.connect(self._done)
        self.worker.start(QThread.Priority.LowPriority)
        return True

    def _done(self, result: object) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        ok, text = outcome_text(result)
        log.info("automatic backup: %s", text)
        if not ok:
            # Retry in an hour rather than at every check (a USB stick left out all day).
            self.timer.stop()
            QTimer.singleShot(RETRY_AFTER_FAILURE_MS, self, self.timer.start)
        self.finished.emit(ok, text)

    def stop(self) -> None:
        """Stop the timer; cancel a running backup and wait for it (before closing)."""
        self.timer.stop()
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()


def run_blocking(
    task: Callable[[Callable[[str, int, int], bool]], Any],
    *,
    title: str,
    cancel_text: str,
    parent: QWidget | None = None,
) -> object:
    """Run ``task`` on a worker thread behind a modal progress dialog; return its result (or
    the exception it raised). The dialog's button cancels it."""
    dialog = QProgressDialog(title, cancel_text, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = TaskWorker(task)
    loop = QEventLoop()
    box: list[object] = []

    def progressed(phase: str, done: int, total: int) -> None:
        if dialog.wasCanceled():  # cancelled without the button (Esc, or cancel() called)
            worker.cancel()
        dialog.setLabelText(phase_text(phase))
        if total > 0:
            dialog.setMaximum(1000)
            dialog.setValue(int(1000 * done / total))
        else:
            dialog.setMaximum(0)

    def finished(result: object) -> None:
        box.append(result)
        loop.quit()

    worker.progressed.connect(progressed)
    worker.finished_with.connect(finished)
    dialog.canceled.connect(worker.cancel)
    dialog.show()
    worker.start()
    while not box:  # a stray quit() ends the loop early: wait on for the result
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.deleteLater()
    worker.deleteLater()
    return box[0]


def backup_on_exit(desk: Desk, parent: QWidget | None = None) -> object | None:
    """When the app closes and the last good backup is more than a day old, back up first
    (with a progress dialog the owner can cancel). Returns the outcome, None when not due."""
    try:
        if not backup_settings.backup_due(desk):
            return None
    except DomainError:
        return None
    result = run_blocking(
        lambda progress: backups.back_up_now(desk, progress=progress),
        title=QCoreApplication.translate("Backups", "Backing up before closing…"),
        cancel_text=QCoreApplication.translate("Backups", "Skip this time"),
        parent=parent,
    )
    log.info("backup on exit: %s", outcome_text(result)[1])
    return result


def request_app_restart() -> None:
    """Ask the app to reopen its database (finishing a staged restore). Only the app's own
    main loop reacts; elsewhere (tests, tools) nothing happens."""
    app = QCoreApplication.instance()
    if app is not None and app.property(MAIN_LOOP_PROPERTY):
        QCoreApplication.exit(RESTART_EXIT_CODE)
