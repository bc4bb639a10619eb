"""The main window with the Campaigns tab: F8 opens it, the counter's refund is F9, and a
coupon scanned anywhere reaches the screen that uses coupons."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.models.service import Desk
from desktop.views import main_window
from desktop.views.campaigns_view import CampaignsView
from desktop.views.coupon_void_dialog import CouponVoidDialog
from desktop.views.main_window import CAMPAIGNS, COUNTER, MEMBERS, MainWindow
from desktop.views.refund_dialog import RefundDialog
from desktop.views.scanner import ScanBurstFilter
from tests.views.conftest import Members, ModalDriver, make_campaign


class ClaimsEveryScan(QWidget):
    """Stands in for the Members screen, which claims every scan it is offered."""

    def __init__(self, desk: Desk, session_state: object) -> None:
        super().__init__()
        self.scans: list[str] = []

    def handle_scan(self, raw: str) -> bool:
        self.scans.append(raw)
        return True


@pytest.fixture
def window(qtbot, shop_desk: Desk, members: Members, monkeypatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(main_window, "_build_members", ClaimsEveryScan)
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


@pytest.fixture
def bearer_code(shop_desk: Desk, shop_owner) -> str:  # type: ignore[no-untyped-def]
    campaign = make_campaign(shop_desk, shop_owner, name="街头派发")
    _batch, coupons = shop_desk.issue_bearer_batch(campaign, count=1, by=shop_owner)
    return shop_desk.coupon_code(coupons[0].id)


def burst(qtbot, widget: QWidget, code: str) -> None:
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_f8_opens_the_campaigns_tab(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_F8)

    assert window.tabs.currentIndex() == CAMPAIGNS
    assert isinstance(window.tabs.currentWidget(), CampaignsView)
    assert window.tabs.tabText(CAMPAIGNS) == "Campaigns (F8)"


def test_the_counter_refund_is_on_f9_in_the_main_window(
    qtbot, window: MainWindow, modal: ModalDriver
) -> None:
    assert window.counter.buttons["refund"].text() == "F9  Refund"
    modal.expect(RefundDialog, lambda dialog: dialog.reject())

    qtbot.keyClick(window.counter.scan_field, Qt.Key.Key_F9)

    modal.check()
    assert window.tabs.currentIndex() == COUNTER


def test_a_coupon_scanned_on_the_members_tab_goes_to_the_counter(
    qtbot, window: MainWindow, bearer_code: str
) -> None:
    window.show_tab(MEMBERS)
    members_page = window.tabs.currentWidget()

    burst(qtbot, members_page, bearer_code)

    assert members_page.scans == []
    assert window.tabs.currentIndex() == COUNTER
    assert window.counter.coupon_bar.isVisible()
    assert "街头派发" in window.counter.coupon_bar.detail_label.text()


def test_a_coupon_scanned_on_the_campaigns_tab_opens_it_for_voiding(
    qtbot, window: MainWindow, bearer_code: str, modal: ModalDriver
) -> None:
    window.show_tab(CAMPAIGNS)
    seen: list[str] = []

    def look(dialog: CouponVoidDialog) -> None:
        seen.append(dialog.details_label.text())
        dialog.reject()

    modal.expect(CouponVoidDialog, look)
    burst(qtbot, window.tabs.currentWidget(), bearer_code)

    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    modal.check()
    assert "街头派发" in seen[0]
    assert "Bearer coupon" in seen[0]
    assert window.tabs.currentIndex() == CAMPAIGNS
    assert not window.counter.coupon_bar.isVisible()


def test_a_member_card_scanned_on_the_campaigns_tab_goes_to_the_counter(
    qtbot, window: MainWindow, shop_desk: Desk, members: Members
) -> None:
    window.show_tab(CAMPAIGNS)

    window.route_scan(shop_desk.member_code(members.wang))

    assert window.tabs.currentIndex() == COUNTER
    assert window.counter.card_widget.member_id == members.wang
