"""The main window: scans from anywhere reach the counter; switching staff by PIN."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models.service import Desk
from desktop.views import main_window
from desktop.views.main_window import COUNTER, MEMBERS, SETTINGS, MainWindow
from desktop.views.pin_dialog import PinDialog
from desktop.views.scanner import ScanBurstFilter
from tests.views.conftest import OWNER_PIN, STAFF_PIN, Members, ModalDriver


class FakeMembersView(QWidget):
    """Stands in for the Members screen: claims scans, like its ``handle_scan`` contract."""

    def __init__(self, desk: Desk, session_state: object) -> None:
        super().__init__()
        self.scans: list[str] = []

    def handle_scan(self, raw: str) -> bool:
        self.scans.append(raw)
        return True


@pytest.fixture
def window(
    qtbot, shop_desk: Desk, members: Members, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(main_window, "_build_members", FakeMembersView)
    monkeypatch.setattr(main_window, "_build_settings", lambda desk, state: QWidget())
    win = MainWindow(shop_desk)
    qtbot.addWidget(win)
    scan_filter = ScanBurstFilter(win)
    scan_filter.scanned.connect(win.route_scan)
    scan_filter.install()
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    yield win
    scan_filter.uninstall()


def burst(qtbot, widget: QWidget, code: str) -> None:
    """A USB scanner: the digits at machine speed, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_status_bar_shows_the_shop_and_the_counter_sign_in(window: MainWindow) -> None:
    assert window.shop_label.text() == "小王便利店"
    assert "Counter" in window.actor_label.text()
    assert window.tabs.currentIndex() == COUNTER


def test_a_scan_burst_shows_the_member_on_the_counter(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members
) -> None:
    burst(qtbot, window.counter.scan_field, shop_desk.member_code(members.li))

    card = window.counter.card_widget
    assert card.name_label.text() == "李四"
    assert card.phone_label.text() == "139****1234"
    qtbot.waitUntil(lambda: card.painted_member_id == members.li)
    assert window.counter.scan_field.text() == ""


def test_a_scan_on_the_members_tab_goes_to_it_when_it_wants_it(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members
) -> None:
    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_F6)
    members_page = window.tabs.currentWidget()
    assert isinstance(members_page, FakeMembersView)
    code = shop_desk.member_code(members.zhang)

    burst(qtbot, members_page, code)

    assert members_page.scans == [code]
    assert window.tabs.currentIndex() == MEMBERS


def test_a_scan_elsewhere_switches_to_the_counter(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members
) -> None:
    window.show_tab(SETTINGS)

    window.route_scan(shop_desk.member_code(members.wang))

    assert window.tabs.currentIndex() == COUNTER
    assert window.counter.card_widget.member_id == members.wang


def test_switch_staff_signs_in_whoever_enters_a_pin(
    qtbot, window: MainWindow, shop_desk: Desk, modal: ModalDriver
) -> None:
    owner = shop_desk.authenticate(OWNER_PIN, owner_only=True)
    shop_desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)

    def sign_in(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, STAFF_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    modal.expect(PinDialog, sign_in)
    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    modal.check()
    assert window.session_state.actor is not None
    assert window.session_state.actor.name == "小李"
    assert "小李" in window.actor_label.text()


def test_scans_are_ignored_while_a_dialog_is_open(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    seen: list[bool] = []

    def scan_during(dialog: PinDialog) -> None:
        seen.append(window.route_scan(shop_desk.member_code(members.zhang)))
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)

    modal.expect(PinDialog, scan_during)
    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_F12)

    modal.check()
    assert seen == [False]
    assert window.counter.card_widget.card is None
    assert QApplication.activeModalWidget() is None
