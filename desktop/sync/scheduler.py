"""The background sync worker: one daemon thread that pushes, then pulls, whenever it is due.

A cycle is due when the shop is paired and one of these holds: events were written since the
last cycle (``max(rowid)`` of ``event`` moved: one B-tree lookup, never a count), the interval
passed, or :meth:`SyncScheduler.sync_now` was called. After a failure that may pass by itself
(offline, timeout, a busy server…) the next try waits ``min(cap, base · 2ⁿ)`` seconds times a
random factor in [0.5, 1.5] (n = failures in a row − 1), or what the server asked for
(``Retry-After``). After any other failure (not paired, a revoked PC, a lost key…) it waits for
the interval or ``sync_now``. :meth:`stop` ends the thread at once while it waits; a cycle
in flight ends within the HTTP client's timeouts.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Integer, Select, func, literal_column, select

from desktop.models.db import Database
from desktop.models.shop import get_setting
from desktop.models.tables import Event
from desktop.sync import state
from desktop.sync.cycle import SyncReport, run_cycle

log = logging.getLogger(__name__)

BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 300.0
RETRY_AFTER_CAP_S = 3600.0
JITTER = (0.5, 1.5)

Run = Callable[..., SyncReport]
# SQLite answers max(rowid) from the end of the table's B-tree: no scan, however many events.
_NEWEST_EVENT: Select[Any] = select(func.max(literal_column("rowid", Integer))).select_from(Event)


def backoff_delay(
    failures: int,
    *,
    base_s: float = BACKOFF_BASE_S,
    cap_s: float = BACKOFF_CAP_S,
    rng: random.Random | None = None,
) -> float:
    """Seconds to wait after ``failures`` retryable failures in a row (≥ 1), with jitter."""
    nominal: float = min(cap_s, base_s * 2.0 ** max(0, failures - 1))
    factor: float = (rng or random).uniform(*JITTER)
    return nominal * factor


class SyncScheduler:
    """``start()``, then cycles run on their own; ``sync_now()``; ``stop(timeout)``.

    ``on_report(report)`` (and ``on_start()``, when given) are called on the worker thread,
    one cycle at a time. ``failures`` and ``retry_in_s`` tell where the backoff stands (read
    them from ``on_report``).
    """

    def __init__(
        self,
        db: Database,
        *,
        clock: Callable[[], dt.datetime],
        on_report: Callable[[SyncReport], None],
        interval_s: float = 60.0,
        poll_s: float = 3.0,
        run: Run = run_cycle,
        on_start: Callable[[], None] | None = None,
        backoff_base_s: float = BACKOFF_BASE_S,
        backoff_cap_s: float = BACKOFF_CAP_S,
        rng: random.Random | None = None,
    ) -> None:
        self._db = db
        self._clock = clock
        self._on_report = on_report
        self._on_start = on_start
        self._interval_s = interval_s
        self._poll_s = poll_s
        self._run = run
        self._base_s = backoff_base_s
        self._cap_s = backoff_cap_s
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._asked = False
        self._thread: threading.Thread | None = None
        self.failures = 0
        self.retry_in_s: float | None = None

    # -- from any thread -------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="alliance-sync", daemon=True)
            self._thread.start()

    def sync_now(self) -> None:
        """Run a cycle as soon as the one in flight (if any) is done, backoff or not."""
        with self._lock:
            self._asked = True
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop the worker; True when its thread has ended within ``timeout`` seconds."""
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the worker thread -----------------------------------------------------------------
    def _loop(self) -> None:
        last_cycle: float | None = None  # monotonic time of the last cycle
        seen_rowid: int | None = None  # max(event.rowid) when the last cycle began
        not_before = 0.0  # monotonic: no cycle before this unless asked
        retrying = False  # the last cycle failed in a way that may pass by itself
        while not self._stopping.is_set():
            try:
                paired, top = self._look()
            except Exception:  # a locked or closing database: look again later
                log.exception("sync scheduler could not read the database")
                paired, top = False, seen_rowid
            with self._lock:
                asked, self._asked = self._asked, False
            now = time.monotonic()
            due = asked or (
                paired
                and now >= not_before
                and (
                    retrying
                    or last_cycle is None
                    or now - last_cycle >= self._interval_s
                    or top != seen_rowid
                )
            )
            if due:
                seen_rowid = top
                not_before, retrying = self._cycle()
                last_cycle = time.monotonic()
                not_before += last_cycle
                continue  # look again at once: events may have come in meanwhile
            wait = self._poll_s
            if not_before > now:
                wait = min(wait, not_before - now)
            self._wake.wait(max(0.0, wait))
            self._wake.clear()

    def _look(self) -> tuple[bool, int | None]:
        with self._db.read() as s:
            paired = state.pairing(s) is not None and not get_setting(
                s, state.REENROL_REQUIRED, False
            )
            top = s.execute(_NEWEST_EVENT).scalar()
        return paired, int(top) if top is not None else None

    def _cycle(self) -> tuple[float, bool]:
        """Run one cycle and report it; (seconds to hold off, whether to try again then)."""
        if self._on_start is not None:
            self._on_start()
        try:
            report = self._run(self._db, clock=self._clock)
        except Exception as exc:  # a bug must not end the worker; the next try may work
            log.exception("sync cycle failed")
            report = SyncReport(errors=[{"code": "bug", "message": str(exc), "retryable": True}])
        delay = 0.0
        if report.ok:
            self.failures, self.retry_in_s = 0, None
        elif report.retryable:
            self.failures += 1
            asked = [e.get("retry_after") for e in report.errors]
            given = [float(a) for a in asked if isinstance(a, int | float)]
            if given:
                delay = min(RETRY_AFTER_CAP_S, max(given))
            else:
                delay = backoff_delay(
                    self.failures, base_s=self._base_s, cap_s=self._cap_s, rng=self._rng
                )
            self.retry_in_s = delay
        else:
            self.failures, self.retry_in_s = 0, None
            delay = self._interval_s
        try:
            self._on_report(report)
        except Exception:
            log.exception("sync report could not be delivered")
        return delay, self.retry_in_s is not None
