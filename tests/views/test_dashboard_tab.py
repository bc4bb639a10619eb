"""The Dashboard tab of the main window: Ctrl+5, locked until the owner's PIN, and charts
(matplotlib) loaded only then, never at start."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.models.service import Desk
from desktop.views import main_window
from desktop.views.dashboard_page import DashboardPage
from desktop.views.main_window import COUNTER, DASHBOARD, MainWindow
from desktop.views.pin_dialog import PinDialog
from tests.views.conftest import OWNER_PIN, STAFF_PIN, Members, ModalDriver

ROOT = Path(__file__).resolve().parents[2]

START_AND_OPEN = """
import sys, tempfile
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.views.main_window import DASHBOARD, MainWindow

app = QApplication(["test", "-platform", "offscreen"])
db = open_database(Path(tempfile.mkdtemp()) / "shop.sqlite")
desk = Desk(db)
owner = desk.set_up(shop_name="Shop", owner_name="Owner", owner_pin="123456")
window = MainWindow(desk)
window.show()
app.processEvents()
print("at start:", "matplotlib" in sys.modules, "openpyxl" in sys.modules)
window.show_tab(DASHBOARD)
app.processEvents()
print("locked tab:", "matplotlib" in sys.modules)
window.page(DASHBOARD).unlock(owner)
print("unlocked:", "matplotlib" in sys.modules)
"""


def test_matplotlib_is_loaded_only_when_the_owner_opens_the_dashboard() -> None:
    out = subprocess.run(
        [sys.executable, "-c", START_AND_OPEN],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    lines = [line for line in out.stdout.splitlines() if ":" in line]
    assert lines == ["at start: False False", "locked tab: False", "unlocked: True"]


@pytest.fixture
def window(
    qtbot, shop_desk: Desk, members: Members, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(main_window, "_build_members", lambda desk, state: QWidget())
    win = MainWindow(shop_desk)
    qtbot.addWidget(win)
    win.resize(1300, 900)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    return win


def enter_pin(qtbot, pin: str):  # type: ignore[no-untyped-def]
    def action(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    return action


def test_ctrl_5_opens_the_dashboard_locked_and_the_owner_pin_shows_the_figures(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    shop_desk.record_sale(amount_fen=2500, member_id=members.zhang, by=None)
    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)

    page = window.tabs.currentWidget()
    assert window.tabs.currentIndex() == DASHBOARD
    assert window.tabs.tabText(DASHBOARD) == "Dashboard (F11)"
    assert isinstance(page, DashboardPage)
    assert page.is_locked()
    assert page.view is None  # nothing computed, nothing shown

    modal.expect(PinDialog, enter_pin(qtbot, OWNER_PIN))
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)

    modal.check()
    assert page.view is not None
    qtbot.waitUntil(lambda: page.view.dashboard is not None, timeout=20_000)
    assert page.view.isVisible()
    assert page.view.tiles["member_sales_fen"].value.text() == "¥25.00"
    assert page.owner_label.text() == "Owner: 王老板"


def test_a_staff_pin_does_not_unlock_the_owners_numbers(
    qtbot, window: MainWindow, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:  # type: ignore[no-untyped-def]
    shop_desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=shop_owner)
    window.show_tab(DASHBOARD)
    page = window.page(DASHBOARD)
    assert isinstance(page, DashboardPage)

    def staff_pin_then_give_up(dialog: PinDialog) -> None:
        enter_pin(qtbot, STAFF_PIN)(dialog)
        assert dialog.isVisible()  # refused, still asking
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)

    modal.expect(PinDialog, staff_pin_then_give_up)
    qtbot.mouseClick(page.unlock_button, Qt.MouseButton.LeftButton)

    modal.check()
    assert page.is_locked()
    assert page.view is None
    assert page.lock_note.text() == "Still locked."


def test_leaving_the_tab_locks_the_figures_again(qtbot, window: MainWindow, shop_owner) -> None:  # type: ignore[no-untyped-def]
    window.show_tab(DASHBOARD)
    page = window.page(DASHBOARD)
    assert isinstance(page, DashboardPage)
    page.unlock(shop_owner)
    assert page.view is not None
    qtbot.waitUntil(lambda: page.view.dashboard is not None, timeout=20_000)

    qtbot.keyClick(window, Qt.Key.Key_F5)  # back to the counter

    assert window.tabs.currentIndex() == COUNTER
    assert page.is_locked()
    window.show_tab(DASHBOARD)
    assert not page.view.isVisible()
    assert page.unlock_button.isVisible()


def test_the_owner_signed_in_at_the_counter_sees_it_without_a_pin(
    qtbot, window: MainWindow, shop_owner
) -> None:  # type: ignore[no-untyped-def]
    window.session_state.actor = shop_owner

    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_F11)

    page = window.tabs.currentWidget()
    assert isinstance(page, DashboardPage)
    assert not page.is_locked()
    assert page.view is not None
    qtbot.waitUntil(lambda: page.view.dashboard is not None, timeout=20_000)
    assert page.view.isVisible()
