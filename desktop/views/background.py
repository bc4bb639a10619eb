"""Database work off the GUI thread: a serial job queue for screens that read, and long work
behind a cancellable progress dialog. Results always come back on the GUI thread."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.models.errors import DomainError
from desktop.views import gui_relay

Work = Callable[[], object]
Done = Callable[[Any], None]
Wanted = Callable[[], bool]


class SerialWorker(QObject):
    """Runs submitted jobs in order on one background thread of its own.

    ``submit(work, done, wanted=…)``: ``work()`` runs on the worker thread and must never touch
    a widget; ``done(result)`` then runs on the GUI thread with what it returned, or with the
    exception it raised. ``wanted()`` is asked on the worker thread when the job's turn comes;
    answering False skips the job (a newer request made it pointless) and ``done`` is not
    called. One thread per worker means a refresh that takes a minute is never started twice
    at once, and queued requests cost nothing once they are stale.

    ``Desk`` is safe to call from this thread: each call opens its own session on its own
    pooled connection, and writes are serialised by the database. The thread ends once the
    worker (usually with the screen that owns it) is destroyed and its current job is done.
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        jobs: queue.SimpleQueue[tuple[Work, Done, Wanted | None] | None] = queue.SimpleQueue()
        self._jobs = jobs
        self._thread: threading.Thread | None = None
        self._pending = 0  # GUI thread only
        self._gate = gui_relay.Gate(self)  # results are posted through it, never emitted here
        self.destroyed.connect(lambda *_: jobs.put(None))  # not self: it is being destroyed

    @property
    def busy(self) -> bool:
        """A job is queued or running."""
        return self._pending > 0

    def submit(self, work: Work, done: Done, *, wanted: Wanted | None = None) -> None:
        self._pending += 1
        self._jobs.put((work, done, wanted))
        if self._thread is None:
            # The thread holds the queue and the gate, never this object or a job's callables
            # once it is done with them: a Python wrapper of a Qt object released on a worker
            # thread makes shiboken delete its C++ object later, possibly twice.
            self._thread = threading.Thread(
                target=_loop, args=(self._jobs, self._gate), name=self._name, daemon=True
            )
            self._thread.start()


def _loop(
    jobs: queue.SimpleQueue[tuple[Work, Done, Wanted | None] | None], gate: gui_relay.Gate
) -> None:
    """Worker thread: no widgets here. Each job's callables go back to the GUI thread with its
    result, so whatever they hold (often a screen) is released there."""
    while True:
        job = jobs.get()
        if job is None:
            return
        work, done, wanted = job
        result: object = None
        callback: Done | None = done
        if wanted is not None and not wanted():
            callback = None
        else:
            try:
                result = work()
            except Exception as exc:  # handed to the GUI thread, which shows or raises it
                result = exc
        gui_relay.post(lambda c=callback, r=result, j=job: _deliver(gate, c, r, j))
        job = work = done = wanted = callback = result = None  # type: ignore[assignment]


def _deliver(gate: gui_relay.Gate, done: Done | None, result: object, _job: object) -> None:
    """GUI thread: hand a job's result over, unless its screen is gone (nobody to tell)."""
    worker = gate.owner
    if worker is None:
        return
    worker._pending -= 1
    if done is not None:
        done(result)


class ProgressWorker(QObject):
    """Runs ``work(progress)`` on a thread; reports back on the GUI thread by signals.

    ``progressed(done, total)`` while it runs, then ``done(result)`` with the result or the
    exception. ``cancel()`` makes the next progress call answer False.
    """

    progressed = Signal(int, int)
    done = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int], bool]], object]) -> None:
        super().__init__()
        self._work = work
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def start(self) -> None:
        threading.Thread(target=self._run, name="progress-work", daemon=True).start()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def _run(self) -> None:  # worker thread: no widgets here
        try:
            result: object = self._work(self._progress)
        except Exception as exc:  # handed to the GUI thread: refusal shown, bug re-raised
            result = exc
        self.done.emit(result)


def run_with_progress(
    parent: QWidget,
    work: Callable[[Callable[[int, int], bool]], object],
    *,
    label: str,
    title: str | None = None,
) -> tuple[object, bool]:
    """Run ``work`` behind a cancellable progress dialog; (result or error, cancelled).

    ``work(progress)`` runs on a worker thread; ``progress(done, total)`` answers False once
    Stop was pressed. A ``DomainError`` is returned, any other exception re-raised here."""
    stop = QCoreApplication.translate("SegmentDialog", "Stop")
    progress = QProgressDialog(label, stop, 0, 0, parent)
    progress.setObjectName("workProgress")
    progress.setWindowTitle(
        title
        if title is not None
        else QCoreApplication.translate("SegmentDialog", "Issuing coupons")
    )
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    worker = ProgressWorker(work)
    loop = QEventLoop()
    outcome: list[object] = []

    def on_progress(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))

    def on_done(result: object) -> None:
        outcome.append(result)
        loop.quit()

    worker.progressed.connect(on_progress)
    worker.done.connect(on_done)
    progress.canceled.connect(worker.cancel)
    progress.show()
    worker.start()
    if not outcome:
        loop.exec()
    cancelled = worker.cancelled
    progress.canceled.disconnect(worker.cancel)  # closing the dialog emits canceled too
    progress.close()
    progress.deleteLater()
    result = outcome[0]
    if isinstance(result, Exception) and not isinstance(result, DomainError):
        raise result
    return result, cancelled
