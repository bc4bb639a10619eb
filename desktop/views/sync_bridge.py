"""The alliance sync worker as the screens see it: signals on the GUI thread.

``SyncBridge`` owns a :class:`~desktop.sync.scheduler.SyncScheduler` (its own thread: no sync
ever runs on the GUI thread) and re-reads :func:`~desktop.sync.status.sync_status` every few
seconds (a handful of indexed reads, no network), so a sale's records show up as "waiting"
without the counter doing anything. The main window starts it when it opens a shop and stops
it on close; after ``stop()`` nothing more is sent to the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.models.service import Desk
from desktop.sync.cycle import SyncReport, run_cycle
from desktop.sync.scheduler import Run, SyncScheduler
from desktop.sync.status import SyncStatus, sync_status
from desktop.views import gui_relay

STATUS_MS = 3_000
log = logging.getLogger(__name__)


class SyncBridge(QObject):
    """``start()``, ``sync_now()``, ``refresh()``, ``stop()``.

    Signals (GUI thread): ``syncing()`` when a cycle begins, ``reported(report)`` when it ends,
    ``status_changed(status)`` whenever the status was read again. ``status`` is the last one
    read (None before the first); ``busy`` is True while a cycle runs.
    """

    syncing = Signal()
    reported = Signal(object)  # SyncReport
    status_changed = Signal(object)  # SyncStatus

    def __init__(
        self,
        desk: Desk,
        parent: QObject | None = None,
        *,
        interval_s: float = 60.0,
        poll_s: float = 3.0,
        status_ms: int = STATUS_MS,
        run: Run = run_cycle,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.status: SyncStatus | None = None
        self.busy = False
        # The worker thread reaches this object only through the gate (see gui_relay): when the
        # window is destroyed without stop(), its scheduler is stopped and nothing more comes.
        gate = self._gate = gui_relay.Gate(self)
        gate.open = False  # until start()

        def on_start() -> None:  # worker thread: holds the gate, never this object
            if gate.open:
                gui_relay.post(lambda: _began(gate))

        def on_report(report: SyncReport) -> None:  # worker thread
            status = sync_status(desk.db, now=desk.now())
            if gate.open:
                gui_relay.post(lambda: _ended(gate, report, status))

        self.scheduler = SyncScheduler(
            desk.db,
            clock=desk.now,
            on_report=on_report,
            on_start=on_start,
            interval_s=interval_s,
            poll_s=poll_s,
            run=run,
        )
        scheduler = self.scheduler
        self.destroyed.connect(lambda *_: scheduler.stop(0))  # not self: it is being destroyed
        self._timer = QTimer(self)
        self._timer.setInterval(status_ms)
        self._timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self._gate.open = True
        self.scheduler.start()
        self._timer.start()
        self.refresh()

    def stop(self, timeout: float = 3.0) -> bool:
        """Stop the worker; never waits longer than ``timeout`` (a cycle in flight is left to
        end on its own: its thread does not keep the app alive)."""
        self._gate.open = False
        self._timer.stop()
        stopped = self.scheduler.stop(timeout)
        if stopped:
            self.busy = False  # a cycle ending after the stop is not reported
        return stopped

    def sync_now(self) -> None:
        self.scheduler.sync_now()

    @property
    def idle(self) -> bool:
        """No cycle is running or about to be reported."""
        return not self.busy

    def refresh(self) -> None:
        """Read the status again (a few indexed reads) and tell the screens."""
        try:
            status = sync_status(self._desk.db, now=self._desk.now())
        except Exception:  # a busy or closing database: the next tick tries again
            log.exception("sync status could not be read")
            return
        self._on_status(status)

    # -- the GUI thread --------------------------------------------------------------------
    def _on_began(self) -> None:
        self.busy = True
        self.syncing.emit()

    def _on_ended(self, report: SyncReport, status: SyncStatus) -> None:
        self.busy = False
        self.reported.emit(report)
        self._on_status(status)

    def _on_status(self, status: object) -> None:
        if isinstance(status, SyncStatus):
            self.status = status
            self.status_changed.emit(status)


def _began(gate: gui_relay.Gate) -> None:
    bridge = gate.owner
    if bridge is not None and gate.open:
        bridge._on_began()


def _ended(gate: gui_relay.Gate, report: SyncReport, status: SyncStatus) -> None:
    bridge = gate.owner
    if bridge is not None and gate.open:
        bridge._on_ended(report, status)
