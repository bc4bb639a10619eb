"""Noticing that nobody has touched the counter for a while, to lock it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from desktop.views.scanner import monotonic_ms

_Type = QEvent.Type
ACTIVITY = frozenset(
    {
        _Type.KeyPress,
        _Type.MouseButtonPress,
        _Type.MouseButtonDblClick,
        _Type.MouseMove,
        _Type.Wheel,
        _Type.TouchBegin,
        _Type.TabletPress,
        _Type.InputMethod,
    }
)


class IdleWatch(QObject):
    """An application-wide event filter that emits ``idle`` once ``interval_ms`` have passed
    without a key press, a click, a mouse move or a wheel turn anywhere in the app.

    ``interval_ms`` 0 never emits. After ``idle`` the watch is paused (nothing counts) until
    ``resume()``. A check runs every ``check_ms`` (a second by default, less for a short
    interval); ``clock`` gives milliseconds from a monotonic clock (tests pass their own and
    call ``check()`` themselves). GUI thread only.
    """

    idle = Signal()

    def __init__(
        self,
        interval_ms: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = monotonic_ms,
        check_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._interval_ms = 0
        self._paused = False
        self._last = clock()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._check_ms = check_ms
        self.set_interval_ms(interval_ms)

    @property
    def interval_ms(self) -> int:
        return self._interval_ms

    @property
    def paused(self) -> bool:
        return self._paused

    def set_interval_ms(self, interval_ms: int) -> None:
        """Idle time before ``idle``; 0 turns the watch off. Counting starts again."""
        self._interval_ms = max(0, int(interval_ms))
        self._last = self.clock()
        if self._interval_ms == 0:
            self._timer.stop()
            return
        step = self._check_ms or max(10, min(1_000, self._interval_ms // 4))
        self._timer.start(step)

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing the idle watch")
        app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.touch()
        return False

    def touch(self) -> None:
        """Someone did something: the idle time starts again from now."""
        self._last = self.clock()

    def idle_ms(self) -> float:
        return self.clock() - self._last

    def check(self) -> None:
        """Emit ``idle`` (once) if the interval has passed without activity."""
        if self._paused or self._interval_ms == 0:
            return
        if self.idle_ms() >= self._interval_ms:
            self._paused = True
            self.idle.emit()

    def pause(self) -> None:
        self._paused = True

    def resume(self) -> None:
        """Count again, from now (after unlocking)."""
        self._paused = False
        self.touch()
