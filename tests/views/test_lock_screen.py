"""Auto-lock: an idle counter locks; only a staff PIN opens it, and scans are not taken."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views import main_window
from desktop.views.main_window import COUNTER, MainWindow
from desktop.views.pin_dialog import PinDialog
from desktop.views.scanner import ScanBurstFilter
from desktop.views.settings_security import SecuritySection
from tests.views.conftest import OWNER_PIN, STAFF_PIN, Members

MINUTE_MS = 60_000


class FakeClock:
    """Milliseconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.ms = 1_000_000.0

    def __call__(self) -> float:
        return self.ms


@pytest.fixture
def clerk(shop_desk: Desk, shop_owner: Actor) -> Actor:
    return shop_desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=shop_owner)


def make_window(qtbot, desk: Desk, monkeypatch: pytest.MonkeyPatch, **kwargs) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(main_window, "_build_settings", lambda desk, state: QWidget())
    win = MainWindow(desk, **kwargs)
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


@pytest.fixture
def window(
    qtbot, shop_desk: Desk, members: Members, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """The main window with the app's scan filter and a 10-minute idle lock on a fake clock."""
    win = make_window(qtbot, shop_desk, monkeypatch, idle_ms=10 * MINUTE_MS)
    clock = FakeClock()
    win.idle.clock = clock
    win.idle.touch()
    scan_filter = ScanBurstFilter(win)
    scan_filter.scanned.connect(win.route_scan)
    scan_filter.install()
    yield win
    scan_filter.uninstall()
    win.lock_screen.hide()


def advance(window: MainWindow, ms: float) -> None:
    clock = window.idle.clock
    assert isinstance(clock, FakeClock)
    clock.ms += ms
    window.idle.check()


def lock(qtbot, window: MainWindow) -> None:
    """Lock as the idle watch does, and wait until the lock screen has the keyboard."""
    window.lock()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lock_screen.pin_edit)


def type_and_enter(qtbot, text: str) -> None:
    """Keys as a person or a scanner types them, into whatever has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_an_idle_counter_locks_and_shows_the_shop(qtbot, window: MainWindow) -> None:
    advance(window, 10 * MINUTE_MS - 1)
    assert not window.lock_screen.is_locked
    advance(window, 1)
    assert window.lock_screen.is_locked
    assert window.lock_screen.isVisible()
    assert QApplication.activeModalWidget() is window.lock_screen
    assert window.lock_screen.shop_label.text() == "小王便利店"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.lock_screen.pin_edit)


def test_activity_starts_the_idle_time_again(qtbot, window: MainWindow) -> None:
    advance(window, 9 * MINUTE_MS)
    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_1)
    advance(window, 9 * MINUTE_MS)
    assert not window.lock_screen.is_locked
    qtbot.mouseMove(window.counter, window.counter.rect().center())
    qtbot.mouseClick(window.counter, Qt.MouseButton.LeftButton)
    advance(window, 9 * MINUTE_MS)
    assert not window.lock_screen.is_locked
    advance(window, 1 * MINUTE_MS)
    assert window.lock_screen.is_locked


def test_a_scan_while_locked_records_nothing(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members
) -> None:
    code = shop_desk.member_code(members.zhang)
    lock(qtbot, window)

    type_and_enter(qtbot, code)  # the scanner types into the lock screen
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)  # check-in key
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)  # sale key
    assert window.route_scan(code) is True  # a burst from elsewhere is taken and dropped

    assert window.lock_screen.is_locked
    assert "scan" in window.lock_screen.message_label.text()
    assert window.lock_screen.pin_edit.text() == ""
    assert window.counter.card_widget.card is None
    assert shop_desk.recent_sales() == []
    assert shop_desk.member_card(members.zhang).balance == 0  # no check-in points


def test_a_staff_pin_unlocks_and_signs_that_person_in(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members
) -> None:
    lock(qtbot, window)
    type_and_enter(qtbot, STAFF_PIN)

    assert not window.lock_screen.is_locked
    assert not window.lock_screen.isVisible()
    actor = window.session_state.actor
    assert actor is not None
    assert actor.name == "小李"
    assert not actor.is_owner
    assert "小李" in window.actor_label.text()
    assert window.tabs.currentIndex() == COUNTER
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.counter.scan_field)

    type_and_enter(qtbot, shop_desk.member_code(members.zhang))  # the counter works again
    assert window.counter.card_widget.card is not None
    advance(window, 10 * MINUTE_MS)  # and it locks again after the next idle spell
    assert window.lock_screen.is_locked


def test_a_wrong_pin_says_so_and_escape_does_not_unlock(qtbot, window: MainWindow) -> None:
    lock(qtbot, window)
    type_and_enter(qtbot, "9999")
    assert window.lock_screen.message_label.text() == "Wrong PIN."
    qtbot.keyClick(window.lock_screen.pin_edit, Qt.Key.Key_Escape)
    window.lock_screen.close()
    assert window.lock_screen.is_locked
    assert window.lock_screen.isVisible()
    type_and_enter(qtbot, OWNER_PIN)
    assert not window.lock_screen.is_locked
    assert window.session_state.is_owner


def test_locking_cancels_an_open_dialog(qtbot, window: MainWindow, shop_desk: Desk) -> None:
    QTimer.singleShot(0, window.lock)  # the idle lock comes while an owner's PIN is asked for
    dialog = PinDialog(shop_desk, owner_only=True, reason="", parent=window)
    assert dialog.exec() == PinDialog.DialogCode.Rejected
    assert window.lock_screen.is_locked


def test_the_idle_time_comes_from_the_owners_setting(
    qtbot, shop_desk: Desk, shop_owner: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, shop_desk, monkeypatch)
    assert window.idle.interval_ms == 10 * MINUTE_MS  # the default
    shop_desk.update_security(by=shop_owner, staff_refund_limit_fen=10_000, auto_lock_minutes=0)
    window.show_tab(main_window.SETTINGS)  # leaving Settings reads it again
    window.show_tab(COUNTER)
    assert window.idle.interval_ms == 0
    window.idle.clock = lambda: 1e12  # "ages" later: never locks
    window.idle.check()
    assert not window.lock_screen.is_locked


def test_a_short_real_idle_time_locks_by_itself(
    qtbot, shop_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, shop_desk, monkeypatch, idle_ms=200)
    qtbot.waitUntil(lambda: window.lock_screen.is_locked, timeout=5_000)
    window.lock_screen.hide()


def test_the_owner_sets_the_refund_limit_and_the_lock_minutes(
    qtbot, shop_desk: Desk, shop_owner: Actor
) -> None:
    section = SecuritySection(shop_desk)
    qtbot.addWidget(section)
    section.owner = shop_owner
    section.reload()
    assert section.limit_spin.value() == 100.0
    assert "up to ¥100.00" in section.explanation.text()
    section.limit_spin.setValue(0)
    section.minutes_spin.setValue(3)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Saved."
    assert "Every refund needs the owner's PIN." in section.explanation.text()
    settings = shop_desk.security_settings()
    assert (settings.staff_refund_limit_fen, settings.auto_lock_minutes) == (0, 3)
