"""Refunds at the counter by a staff member: alone up to the limit, with the owner above it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.counter_view import CounterView
from desktop.views.pin_dialog import PinDialog
from desktop.views.refund_dialog import RefundDialog
from desktop.views.session_state import SessionState
from tests.views.conftest import OWNER_PIN, STAFF_PIN, Members, ModalDriver


@pytest.fixture
def clerk(shop_desk: Desk, shop_owner: Actor) -> Actor:
    return shop_desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=shop_owner)


@pytest.fixture
def counter(qtbot, shop_desk: Desk, members: Members, clerk: Actor) -> CounterView:
    view = CounterView(shop_desk, SessionState(clerk))
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    qtbot.keyClicks(view.scan_field, shop_desk.member_code(members.zhang))
    qtbot.keyClick(view.scan_field, Qt.Key.Key_Return)
    return view


def choose_newest(qtbot):  # type: ignore[no-untyped-def]
    def step(dialog: RefundDialog) -> None:
        qtbot.keyClick(dialog.sales_list, Qt.Key.Key_Return)

    return step


def test_staff_refund_within_the_limit_needs_no_pin(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    shop_desk.record_sale(amount_fen=8_000, member_id=members.zhang, by=None)
    modal.expect(RefundDialog, choose_newest(qtbot))
    qtbot.keyClick(counter.scan_field, Qt.Key.Key_F9)
    modal.check()
    assert modal.seen == ["RefundDialog"]  # no PIN asked
    assert counter.result_kind == "ok"
    assert shop_desk.recent_sales(member_id=members.zhang)[0].refunded


def test_staff_refund_over_the_limit_asks_the_owner_and_says_why(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    shop_desk.record_sale(amount_fen=12_000, member_id=members.zhang, by=None)
    reasons: list[str] = []

    def owner_pin(dialog: PinDialog) -> None:
        reasons.append(dialog.reason_label.text())
        qtbot.keyClicks(dialog.pin_edit, OWNER_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    modal.expect(RefundDialog, choose_newest(qtbot)).expect(PinDialog, owner_pin)
    qtbot.keyClick(counter.scan_field, Qt.Key.Key_F9)
    modal.check()
    assert reasons[0].startswith("Refunds over ¥100.00 need the owner.")
    assert counter.result_kind == "ok"
    assert shop_desk.recent_sales(member_id=members.zhang)[0].refunded
    assert shop_desk.recent_audit(limit=1)[0].action == "sale.refunded"
