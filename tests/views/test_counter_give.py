"""Giving the member on the counter a coupon by hand: Ctrl+G, pick the campaign, Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog

from desktop.models.service import Desk
from desktop.views.counter_view import CounterView
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


def scan(qtbot, counter: CounterView, code: str) -> None:
    qtbot.keyClicks(counter.scan_field, code)
    qtbot.keyClick(counter.scan_field, Qt.Key.Key_Return)


def give(qtbot, counter: CounterView) -> None:
    qtbot.keyClick(counter.scan_field, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)


def pick(name: str, offered: list[str]):  # type: ignore[no-untyped-def]
    def step(dialog: QInputDialog) -> None:
        combo = dialog.findChild(QComboBox)
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        combo.setCurrentIndex(offered.index(name))
        dialog.accept()

    return step


def test_the_chosen_coupon_goes_to_the_member_on_the_card(
    qtbot, counter: CounterView, shop_desk: Desk, shop_owner, members: Members, modal: ModalDriver
) -> None:
    shop_desk.set_consent(member_id=members.zhang, kind="marketing", granted=True, by=None)
    make_campaign(shop_desk, shop_owner, name="立减20元")
    make_campaign(shop_desk, shop_owner, name="生日礼", kind="gift", value_fen=0, gift="蛋糕")
    paused = make_campaign(shop_desk, shop_owner, name="暂停的券")
    shop_desk.set_campaign_state(paused, "paused", by=shop_owner)
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    offered: list[str] = []

    modal.expect(QInputDialog, pick("生日礼", offered))
    give(qtbot, counter)
    modal.check()

    assert sorted(offered) == ["生日礼", "立减20元"]  # a paused campaign is not offered
    held = shop_desk.member_coupons(members.zhang)
    assert [c.campaign_name for c in held] == ["生日礼"]
    assert counter.result_kind == "ok"
    assert counter.result_label.text().startswith("张三 got a coupon")
    assert counter.card_widget.card.usable_coupons == 1


def test_without_a_member_on_the_card_nothing_is_given(
    qtbot, counter: CounterView, shop_desk: Desk, shop_owner
) -> None:
    make_campaign(shop_desk, shop_owner, name="立减20元")
    give(qtbot, counter)
    assert counter.result_kind == "error"
    assert "Scan the member card first" in counter.result_label.text()


def test_with_no_running_campaign_it_says_where_to_make_one(
    qtbot, counter: CounterView, shop_desk: Desk, members: Members
) -> None:
    scan(qtbot, counter, shop_desk.member_code(members.zhang))
    give(qtbot, counter)
    assert counter.result_kind == "error"
    assert "Campaigns tab" in counter.result_label.text()


def test_a_refusal_is_said_in_words_and_nothing_is_given(
    qtbot, counter: CounterView, shop_desk: Desk, shop_owner, members: Members, modal: ModalDriver
) -> None:
    shop_desk.set_consent(member_id=members.zhang, kind="marketing", granted=True, by=None)
    campaign = make_campaign(shop_desk, shop_owner, name="每人一张", per_member_limit=1)
    shop_desk.issue_coupon(campaign, member_id=members.zhang, by=None)
    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    modal.expect(QInputDialog, pick("每人一张", []))
    give(qtbot, counter)
    modal.check()

    assert counter.result_kind == "error"
    assert len(shop_desk.member_coupons(members.zhang)) == 1


def test_cancelling_the_choice_gives_nothing(
    qtbot, counter: CounterView, shop_desk: Desk, shop_owner, members: Members, modal: ModalDriver
) -> None:
    shop_desk.set_consent(member_id=members.zhang, kind="marketing", granted=True, by=None)
    make_campaign(shop_desk, shop_owner, name="立减20元")
    scan(qtbot, counter, shop_desk.member_code(members.zhang))

    modal.expect(QInputDialog, lambda dialog: dialog.reject())
    give(qtbot, counter)
    modal.check()

    assert shop_desk.member_coupons(members.zhang) == []
