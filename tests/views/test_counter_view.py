"""The counter screen, driven from the keyboard like the person at the till."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.models.service import Desk
from desktop.views.counter_view import CounterView
from desktop.views.pin_dialog import PinDialog
from desktop.views.refund_dialog import RefundDialog
from desktop.views.sale_dialog import SaleDialog
from desktop.views.session_state import SessionState
from tests.views.conftest import CHECKIN_POINTS, OWNER_PIN, Members, ModalDriver


@pytest.fixture
def counter(qtbot, shop_desk: Desk, members: Members) -> CounterView:
    view = CounterView(shop_desk, SessionState())
    qtbot.addWidget(view)
    view.resize(1000, 720)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def type_and_enter(qtbot, widget, text: str) -> None:
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def scan(qtbot, counter: CounterView, code: str) -> None:
    type_and_enter(qtbot, counter.scan_field, code)


def field_ready(counter: CounterView) -> bool:
    """The scan field is where typing goes (once the window is active again)."""
    return counter.window().focusWidget() is counter.scan_field


def press(qtbot, counter: CounterView, key: Qt.Key) -> None:
    qtbot.keyClick(counter.scan_field, key)


def enter_sale(qtbot, amount: str, points: str = "") -> Callable[[SaleDialog], None]:
    def step(dialog: SaleDialog) -> None:
        if points:
            qtbot.keyClicks(dialog.points_edit, points)
        qtbot.keyClicks(dialog.amount_edit, amount)
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    return step


def enter_pin(qtbot, pin: str) -> Callable[[PinDialog], None]:
    def step(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    return step


def test_scanning_a_card_shows_name_masked_phone_and_balance(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members
) -> None:
    shop_desk.record_sale(amount_fen=123_400, member_id=members.zhang, by=None)

    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    card = counter.card_widget
    assert card.name_label.text() == "张三"
    assert card.phone_label.text() == "138****1234"
    assert card.balance_label.text() == "1,234"
    assert counter.result_kind == ""
    qtbot.waitUntil(lambda: card.painted_member_id == members.zhang)
    assert field_ready(counter)
    assert counter.scan_field.text() == ""


def test_f2_sale_updates_the_balance_shown(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    modal.expect(SaleDialog, enter_sale(qtbot, "23"))

    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    assert counter.card_widget.balance_label.text() == "23"
    assert counter.result_kind == "ok"
    assert "¥23.00" in counter.result_label.text()
    assert "+23" in counter.result_label.text()
    assert field_ready(counter)


def test_f3_redeems_points_as_a_discount(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    shop_desk.record_sale(amount_fen=100_000, member_id=members.zhang, by=None)  # 1,000 pts
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    modal.expect(SaleDialog, enter_sale(qtbot, "50", points="500"))

    press(qtbot, counter, Qt.Key.Key_F3)

    modal.check()
    # ¥50 − ¥5.00 discount = ¥45 paid → +45 points; 1,000 − 500 + 45 = 545
    assert counter.card_widget.balance_label.text() == "545"
    assert "500" in counter.result_label.text()


def test_f2_without_a_member_records_a_plain_sale(
    qtbot, counter: CounterView, shop_desk: Desk, modal: ModalDriver
) -> None:
    modal.expect(SaleDialog, enter_sale(qtbot, "8.50"))

    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    assert counter.result_kind == "ok"
    assert "¥8.50" in counter.result_label.text()
    assert shop_desk.recent_sales(limit=1)[0].member_id is None


def test_a_large_earn_asks_the_owner_pin_and_then_records(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    modal.expect(SaleDialog, enter_sale(qtbot, "3000")).expect(
        PinDialog, enter_pin(qtbot, OWNER_PIN)
    )

    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    assert counter.result_kind == "ok"
    assert counter.card_widget.balance_label.text() == "3,000"


def test_check_in_twice_the_second_is_not_rewarded(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    press(qtbot, counter, Qt.Key.Key_F4)
    first = counter.result_label.text()
    press(qtbot, counter, Qt.Key.Key_F4)
    second = counter.result_label.text()

    assert f"+{CHECKIN_POINTS}" in first
    assert "not rewarded" in second
    assert counter.card_widget.balance_label.text() == str(CHECKIN_POINTS)


def test_refund_with_owner_pin_takes_the_points_back(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    shop_desk.record_sale(amount_fen=5_000, member_id=members.zhang, by=None)
    shop_desk.record_sale(amount_fen=2_300, member_id=members.zhang, by=None)
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    assert counter.card_widget.balance_label.text() == "73"

    def choose_newest(dialog: RefundDialog) -> None:
        assert dialog.sales_list.count() == 2
        qtbot.keyClick(dialog.sales_list, Qt.Key.Key_Return)

    modal.expect(RefundDialog, choose_newest).expect(PinDialog, enter_pin(qtbot, OWNER_PIN))

    press(qtbot, counter, Qt.Key.Key_F9)

    modal.check()
    assert counter.result_kind == "ok"
    assert "¥23.00" in counter.result_label.text()
    assert counter.card_widget.balance_label.text() == "50"
    assert [s.refunded for s in shop_desk.recent_sales(member_id=members.zhang)] == [True, False]


def test_refund_cancelled_at_the_pin_changes_nothing(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    shop_desk.record_sale(amount_fen=2_300, member_id=members.zhang, by=None)
    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    def choose(dialog: RefundDialog) -> None:
        qtbot.keyClick(dialog.sales_list, Qt.Key.Key_Return)

    def cancel(dialog: PinDialog) -> None:
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)

    modal.expect(RefundDialog, choose).expect(PinDialog, cancel)
    press(qtbot, counter, Qt.Key.Key_F9)

    modal.check()
    assert not shop_desk.recent_sales(member_id=members.zhang)[0].refunded
    assert counter.card_widget.balance_label.text() == "23"


@pytest.mark.parametrize("garbage", ["12345678901234567890", "9" * 300])
def test_a_garbage_scan_is_refused_plainly(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, garbage: str
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    scan(qtbot, counter, garbage)

    assert counter.result_kind == "error"
    assert "scan again" in counter.result_label.text().lower()
    assert counter.card_widget.card is None
    assert field_ready(counter)


def test_a_tampered_digit_is_refused(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members
) -> None:
    code = shop_desk.member_code(members.zhang)
    middle = len(code) // 2
    tampered = code[:middle] + str((int(code[middle]) + 1) % 10) + code[middle + 1 :]

    scan(qtbot, counter, tampered)

    assert counter.result_kind == "error"
    assert counter.result_label.text()
    assert counter.card_widget.card is None


def test_a_10000_character_paste_is_refused_without_freezing(qtbot, counter: CounterView) -> None:
    QApplication.clipboard().setText("7" * 10_000)
    counter.scan_field.setFocus()

    qtbot.keyClick(counter.scan_field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(counter.scan_field, Qt.Key.Key_Return)

    assert counter.result_kind == "error"
    assert "scan again" in counter.result_label.text().lower()
    assert counter.card_widget.card is None


def test_last_four_digits_with_two_matches_offers_a_chooser(
    qtbot, counter: CounterView, members: Members
) -> None:
    scan(qtbot, counter, "1234")

    assert counter.chooser.isVisible()
    assert counter.chooser.count() == 2
    assert counter.card_widget.card is None
    second = counter.chooser.item(1).data(Qt.ItemDataRole.UserRole)

    qtbot.keyClick(counter.chooser, Qt.Key.Key_Down)
    qtbot.keyClick(counter.chooser, Qt.Key.Key_Return)

    assert not counter.chooser.isVisible()
    assert counter.card_widget.member_id == second
    assert second in (members.zhang, members.li)
    assert field_ready(counter)


def test_full_phone_number_shows_the_member(qtbot, counter: CounterView, members: Members) -> None:
    scan(qtbot, counter, "13700005678")

    assert counter.card_widget.member_id == members.wang
    assert not counter.chooser.isVisible()


def test_unknown_last_four_digits_say_so(qtbot, counter: CounterView) -> None:
    scan(qtbot, counter, "0000")

    assert counter.card_widget.card is None
    assert "0000" in counter.result_label.text()


def test_escape_clears_the_card_and_keeps_the_field_ready(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    qtbot.keyClicks(counter.scan_field, "12")

    press(qtbot, counter, Qt.Key.Key_Escape)

    assert counter.card_widget.card is None
    assert counter.scan_field.text() == ""
    assert field_ready(counter)


def test_redeem_without_a_member_says_to_scan_first(qtbot, counter: CounterView) -> None:
    press(qtbot, counter, Qt.Key.Key_F3)

    assert counter.result_kind == "error"
    assert counter.card_widget.card is None
