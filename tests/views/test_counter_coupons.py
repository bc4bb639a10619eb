"""Coupons at the counter, driven like the person at the till: a scanner types the code fast
and presses Enter, F2 opens the sale, F10 reaches the member's coupons."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt

from desktop.models.service import Desk
from desktop.views.counter_view import CounterView
from desktop.views.sale_dialog import SaleDialog
from desktop.views.session_state import SessionState
from tests.views.conftest import Members, ModalDriver, make_campaign


@pytest.fixture
def counter(qtbot, shop_desk: Desk, members: Members) -> CounterView:
    view = CounterView(shop_desk, SessionState())
    qtbot.addWidget(view)
    view.resize(1000, 760)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


@pytest.fixture
def zhang_coupon(shop_desk: Desk, shop_owner, members: Members):  # type: ignore[no-untyped-def]
    """张三 agreed to marketing and holds a ¥20-off coupon for bills of ¥100 or more."""
    shop_desk.set_consent(member_id=members.zhang, kind="marketing", granted=True, by=None)
    campaign = make_campaign(shop_desk, shop_owner, min_spend_fen=10_000, name="满100减20")
    return shop_desk.issue_coupon(campaign, member_id=members.zhang, by=None)


def scan(qtbot, counter: CounterView, code: str) -> None:
    qtbot.keyClicks(counter.scan_field, code)
    qtbot.keyClick(counter.scan_field, Qt.Key.Key_Return)


def press(qtbot, counter: CounterView, key: Qt.Key) -> None:
    qtbot.keyClick(counter.scan_field, key)


def pay(qtbot, amount: str, seen: list[str] | None = None) -> Callable[[SaleDialog], None]:
    def step(dialog: SaleDialog) -> None:
        qtbot.keyClicks(dialog.amount_edit, amount)
        if seen is not None:
            seen.extend([dialog.coupon_label.text(), dialog.preview_label.text()])
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    return step


def test_a_scanned_coupon_is_shown_and_held_for_the_sale(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))

    bar = counter.coupon_bar
    assert bar.isVisible()
    assert "¥20.00 off" in bar.title_label.text()
    assert "Bill of ¥100.00 or more" in bar.detail_label.text()
    assert "for 张三 only" in bar.detail_label.text()
    assert f"until {zhang_coupon.valid_to.isoformat()}" in bar.detail_label.text()
    assert counter.card_widget.member_id == members.zhang
    assert counter.scan_field.text() == ""


def test_paying_with_the_coupon_takes_it_off_and_uses_it(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon, modal: ModalDriver
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))
    seen: list[str] = []
    modal.expect(SaleDialog, pay(qtbot, "120", seen))

    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    coupon_line, preview = seen
    assert "takes ¥20.00 off this bill" in coupon_line
    assert "Coupon −¥20.00" in preview
    assert "To pay ¥100.00" in preview
    assert counter.result_kind == "ok"
    assert "Coupon used: ¥20.00 off" in counter.result_label.text()
    assert "paid ¥100.00" in counter.result_label.text()
    assert counter.card_widget.balance_label.text() == "100"  # earned on what was paid
    assert not counter.coupon_bar.isVisible()
    assert shop_desk.coupons_by_id([zhang_coupon.id])[0].state == "redeemed"


def test_scanning_a_used_coupon_says_when_and_where_it_was_used(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon, view_clock
) -> None:
    shop_desk.record_sale(
        amount_fen=15_000, member_id=members.zhang, by=None, coupon_id=zhang_coupon.id
    )
    view_clock.advance(days=1)

    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))

    assert counter.result_kind == "error"
    # used the day before at 10:00 Shanghai time (the test clock), in this shop
    assert counter.result_label.text() == (
        "This coupon was already used on 03-02 10:00 at 小王便利店."
    )
    assert not counter.coupon_bar.isVisible()


def test_a_bill_under_the_minimum_is_refused_in_plain_words(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon, modal: ModalDriver
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))
    refusals: list[str] = []

    def too_small_then_without_coupon(dialog: SaleDialog) -> None:
        qtbot.keyClicks(dialog.amount_edit, "50")
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)
        refusals.append(dialog.error_label.text())
        assert dialog.isVisible()
        dialog.activateWindow()  # as on a real screen: shortcuts need the active window
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    modal.expect(SaleDialog, too_small_then_without_coupon)
    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    assert "needs a bill of ¥100.00 or more" in refusals[0]
    assert "Remove the coupon" in refusals[0]
    assert counter.result_kind == "ok"
    assert "Coupon" not in counter.result_label.text()
    assert shop_desk.coupons_by_id([zhang_coupon.id])[0].state == "issued"


def test_a_members_coupon_scanned_alone_brings_up_the_member(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon
) -> None:
    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))

    assert counter.card_widget.member_id == members.zhang
    assert counter.coupon_bar.isVisible()
    assert "for 张三 only" in counter.coupon_bar.detail_label.text()


def test_another_members_coupon_is_refused_with_whose_it_is(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.li))

    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))

    assert counter.result_kind == "error"
    assert "belongs to another member (张*)" in counter.result_label.text()
    assert not counter.coupon_bar.isVisible()
    assert counter.card_widget.member_id == members.li


def test_a_bearer_coupon_works_without_a_member(
    qtbot, counter: CounterView, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:
    campaign = make_campaign(
        shop_desk,
        shop_owner,
        name="街头派发",
        kind="percent_off",
        value_fen=0,
        percent=10,
        cap_fen=500,
    )
    _batch, (coupon, *_rest) = shop_desk.issue_bearer_batch(campaign, count=3, by=shop_owner)
    scan(qtbot, counter, shop_desk.coupon_code(coupon.id))
    assert "bearer coupon" in counter.coupon_bar.detail_label.text()
    modal.expect(SaleDialog, pay(qtbot, "80"))

    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    # 10% of ¥80 is ¥8, capped at ¥5
    assert "Coupon used: ¥5.00 off" in counter.result_label.text()
    assert "paid ¥75.00" in counter.result_label.text()


def test_a_member_card_scanned_into_the_sale_says_it_is_not_a_coupon(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    said: list[str] = []

    def scan_a_card(dialog: SaleDialog) -> None:
        assert dialog.handle_scan(shop_desk.member_code(members.li))
        said.append(dialog.error_label.text())
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Escape)

    modal.expect(SaleDialog, scan_a_card)
    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    assert said[0].startswith("That is a member card, not a coupon.")
    assert counter.card_widget.member_id == members.zhang


def test_a_coupon_scanned_into_the_open_sale_is_applied(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon, modal: ModalDriver
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    def scan_then_pay(dialog: SaleDialog) -> None:
        qtbot.keyClicks(dialog.amount_edit, "200")
        assert dialog.handle_scan(shop_desk.coupon_code(zhang_coupon.id))
        assert "To pay ¥180.00" in dialog.preview_label.text()
        qtbot.keyClick(dialog.amount_edit, Qt.Key.Key_Return)

    modal.expect(SaleDialog, scan_then_pay)
    press(qtbot, counter, Qt.Key.Key_F2)

    modal.check()
    assert shop_desk.coupons_by_id([zhang_coupon.id])[0].state == "redeemed"


def test_the_member_card_lists_usable_coupons_to_pick_with_the_keyboard(
    qtbot,
    counter: CounterView,
    shop_desk: Desk,
    shop_owner,
    members: Members,
    zhang_coupon,
    modal: ModalDriver,
) -> None:
    gift = make_campaign(
        shop_desk, shop_owner, name="生日礼", kind="gift", value_fen=0, gift="蛋糕一块"
    )
    cake = shop_desk.issue_coupon(gift, member_id=members.zhang, by=None)
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    panel = counter.card_widget.coupons_panel
    assert panel.isVisible()
    assert panel.coupon_list.count() == 2
    assert "Coupons to use: 2" in panel.caption.text()
    texts = [panel.coupon_list.item(i).text() for i in range(2)]
    assert any("生日礼" in t and "Free gift: 蛋糕一块" in t for t in texts)
    cake_row = next(i for i, t in enumerate(texts) if "生日礼" in t)

    press(qtbot, counter, Qt.Key.Key_F10)
    assert counter.window().focusWidget() is panel.coupon_list
    for _ in range(cake_row):
        qtbot.keyClick(panel.coupon_list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.coupon_list, Qt.Key.Key_Return)

    assert "Free gift: 蛋糕一块" in counter.coupon_bar.title_label.text()
    assert counter.window().focusWidget() is counter.scan_field
    modal.expect(SaleDialog, pay(qtbot, "30"))
    press(qtbot, counter, Qt.Key.Key_F2)
    modal.check()
    assert "hand over the gift" in counter.result_label.text()
    assert shop_desk.coupons_by_id([cake.id])[0].state == "redeemed"
    assert counter.card_widget.coupons_panel.coupon_list.count() == 1


def test_stamp_progress_shows_after_check_ins_and_the_reward_is_announced(
    qtbot, counter: CounterView, shop_desk: Desk, shop_owner, members: Members, view_clock
) -> None:
    make_campaign(
        shop_desk,
        shop_owner,
        name="咖啡集章",
        kind="gift",
        value_fen=0,
        gift="咖啡一杯",
        trigger="nth_visit",
        trigger_visits=3,
    )
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    stamps = counter.card_widget.coupons_panel.stamps_label
    assert stamps.text() == "Stamp card 咖啡集章: 0/3  ○○○"

    press(qtbot, counter, Qt.Key.Key_F4)
    assert stamps.text() == "Stamp card 咖啡集章: 1/3  ●○○"
    view_clock.advance(days=1)
    press(qtbot, counter, Qt.Key.Key_F4)
    assert stamps.text() == "Stamp card 咖啡集章: 2/3  ●●○"
    view_clock.advance(days=1)
    press(qtbot, counter, Qt.Key.Key_F4)

    assert "张三 just got a coupon: Free gift: 咖啡一杯" in counter.result_label.text()
    assert stamps.text() == "Stamp card 咖啡集章: 0/3  ○○○"
    assert counter.card_widget.coupons_panel.coupon_list.count() == 1


def test_escape_lets_go_of_the_held_coupon(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members, zhang_coupon
) -> None:
    scan(qtbot, counter, shop_desk.coupon_code(zhang_coupon.id))
    assert counter.coupon_bar.isVisible()

    press(qtbot, counter, Qt.Key.Key_Escape)

    assert not counter.coupon_bar.isVisible()
    assert counter.card_widget.card is None
