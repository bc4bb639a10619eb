"""Handing work from a background thread to the GUI thread without touching a widget that may
be gone.

A signal emitted from a worker thread on a QObject that the GUI thread is deleting at the same
moment can crash the process. So workers never emit on their owner: they post a callable to
one relay object that lives as long as the application, and the callable (run on the GUI
thread, where deletions happen) checks a :class:`Gate` that the owner closes when it is
destroyed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

# The callables wait here, not in the signal: a Python object carried by a queued signal
# across threads is not reliably kept alive until it is delivered.
_waiting: deque[Callable[[], None]] = deque()


class _Relay(QObject):
    posted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run)

    @Slot()
    def _run(self) -> None:
        while True:
            try:
                fn = _waiting.popleft()
            except IndexError:
                return
            fn()


_relay: _Relay | None = None


def install() -> None:
    """Create the relay (idempotent). Call on the GUI thread before any worker starts."""
    global _relay
    if _relay is None:
        _relay = _Relay()


def post(fn: Callable[[], None]) -> None:
    """From any thread: run ``fn`` on the GUI thread, soon (queued)."""
    assert _relay is not None, "gui_relay.install() was not called on the GUI thread"
    _waiting.append(fn)
    _relay.posted.emit()


class Gate:
    """Open while its owner lives; ``owner`` is None once it was destroyed (GUI thread)."""

    def __init__(self, owner: QObject) -> None:
        install()
        self.owner: Any = owner
        self.open = True  # the owner may stop listening earlier (e.g. a stopped worker)
        owner.destroyed.connect(lambda *_: self.close())  # not the dying object itself

    def close(self) -> None:
        self.owner = None
