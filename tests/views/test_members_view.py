"""The Members screen and the enrol/edit dialog, driven with keys and clicks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.adjust_points_dialog import AdjustPointsDialog
from desktop.views.member_dialog import MemberDialog
from desktop.views.members_view import PAGE_SIZE, MembersTable, MembersView
from desktop.views.messages import error_text
from desktop.views.pin_dialog import PinDialog
from tests.views.members_support import (
    OWNER_PIN,
    DialogSteps,
    enrol,
    session_of,
    type_text,
)

pytest_plugins = ("tests.views.fixtures_members",)


@pytest.fixture
def people(desk: Desk) -> dict[str, int]:
    return {
        "张三": enrol(desk, "张三", "13800001234", marketing_consent=True),
        "李四": enrol(desk, "李四", "13900005678"),
        "王五": enrol(desk, "王五", "13700009999"),
    }


def make_view(qtbot, desk: Desk, actor: Actor | None = None) -> MembersView:
    view = MembersView(desk, session_of(actor))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    return view


def names_shown(view: MembersView) -> list[str]:
    column = MembersTable.Columns.NAME
    return [view.table.item(row, column).text() for row in range(view.table.rowCount())]


def search(qtbot, view: MembersView, text: str) -> None:
    view.search_edit.clear()
    qtbot.keyClicks(view.search_edit, text)
    qtbot.waitUntil(lambda: not view._search_timer.isActive())


def tick(qtbot, box) -> None:
    """Click a checkbox on its indicator, as a person would."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def error_shown(label, code: str) -> bool:
    return label.isVisibleTo(label.window()) and label.text() == error_text(DomainError(code))


# -- search and paging -----------------------------------------------------------------------
def test_pinyin_initials_find_zhang_san(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    search(qtbot, view, "zs")
    assert names_shown(view) == ["张三"]


def test_last_four_digits_find_the_member(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    search(qtbot, view, "5678")
    assert names_shown(view) == ["李四"]


def test_phones_are_masked_in_the_results(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    search(qtbot, view, "13800001234")
    assert view.table.item(0, MembersTable.Columns.PHONE).text() == "138****1234"


def test_no_match_says_so(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    search(qtbot, view, "xyz")
    assert names_shown(view) == []
    assert "xyz" in view.message_label.text()


def test_paging_through_25_members(qtbot, desk: Desk) -> None:
    for i in range(25):
        enrol(desk, f"会员{i:02d}", f"1360000{i:04d}")
    view = make_view(qtbot, desk)
    search(qtbot, view, "136")
    assert len(names_shown(view)) == PAGE_SIZE
    assert view.next_button.isEnabled()
    assert not view.prev_button.isEnabled()
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert len(names_shown(view)) == 25 - PAGE_SIZE
    assert not view.next_button.isEnabled()
    assert view.prev_button.isEnabled()
    assert view.page_label.text() == f"{PAGE_SIZE + 1}–25"
    qtbot.mouseClick(view.prev_button, Qt.MouseButton.LeftButton)
    assert len(names_shown(view)) == PAGE_SIZE
    assert view.next_button.isEnabled()


def test_clicking_a_row_shows_the_member(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    search(qtbot, view, "ww")
    rect = view.table.visualItemRect(view.table.item(0, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.details.member_id == people["王五"]
    assert view.details.name_label.text() == "王五"
    assert view.details.qr.digits() == desk.member_code(people["王五"])


def test_phone_is_full_only_for_the_owner(
    qtbot, desk: Desk, owner: Actor, staff: Actor, people: dict[str, int]
) -> None:
    staff_view = make_view(qtbot, desk, staff)
    staff_view.select_member(people["张三"])
    assert staff_view.details.phone_label.text() == "138****1234"
    owner_view = make_view(qtbot, desk, owner)
    owner_view.select_member(people["张三"])
    assert owner_view.details.phone_label.text() == "13800001234"


# -- scans -----------------------------------------------------------------------------------
def test_scan_selects_the_member(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    assert view.handle_scan(desk.member_code(people["李四"])) is True
    assert view.details.member_id == people["李四"]
    assert view.details.name_label.text() == "李四"


def test_misread_scan_is_explained(qtbot, desk: Desk, people: dict[str, int]) -> None:
    view = make_view(qtbot, desk)
    assert view.handle_scan("9123") is True
    assert view.message_label.text() == error_text(DomainError("misread"))
    assert view.details.member_id is None


# -- enrol and edit --------------------------------------------------------------------------
def make_dialog(qtbot, desk: Desk, **kwargs) -> MemberDialog:
    dialog = MemberDialog(desk, actor=None, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot, dialog: MemberDialog, name: str, phone: str, *, consent: bool = True) -> None:
    type_text(qtbot, dialog.name_edit, name)
    qtbot.keyClicks(dialog.phone_edit, phone)
    if consent:
        tick(qtbot, dialog.membership_box)
    qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Return)


def test_consents_start_unticked_and_the_name_field_keeps_the_ime(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    boxes = (dialog.membership_box, dialog.marketing_box, dialog.sharing_box)
    assert not any(box.isChecked() for box in boxes)
    assert dialog.name_edit.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert dialog.birthday() is None


def test_enrol_refuses_an_invalid_phone(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    fill(qtbot, dialog, "赵六", "12345")
    assert dialog.isVisible()
    assert dialog.member_id is None
    assert error_shown(dialog.phone_error, "phone_invalid")


def test_enrol_refuses_a_duplicate_phone(qtbot, desk: Desk, people: dict[str, int]) -> None:
    dialog = make_dialog(qtbot, desk)
    fill(qtbot, dialog, "张三丰", "138 0000 1234")
    assert dialog.isVisible()
    assert error_shown(dialog.phone_error, "phone_duplicate")


def test_enrol_needs_the_membership_box(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    fill(qtbot, dialog, "赵六", "13600001111", consent=False)
    assert dialog.isVisible()
    assert error_shown(dialog.consent_error, "consent_membership_required")


def test_enrol_accepts_a_valid_member(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    tick(qtbot, dialog.birthday_box)
    dialog.birthday_edit.setDate(dt.date(1988, 5, 20))
    fill(qtbot, dialog, "赵六", "13600001111")
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    card = desk.member_card(dialog.member_id)
    assert (card.name, card.birthday) == ("赵六", dt.date(1988, 5, 20))
    assert not card.marketing_consent
    assert not card.sharing_consent


def test_an_emoji_name_is_fine(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    fill(qtbot, dialog, "小美🌸", "13600002222")
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    assert desk.member_card(dialog.member_id).name == "小美🌸"


def test_a_200_character_name_is_too_long(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    fill(qtbot, dialog, "名" * 200, "13600003333")
    assert dialog.isVisible()
    assert dialog.name_error.text() == error_text(DomainError("name_too_long", max=50))
    assert dialog.name_error.isVisibleTo(dialog)


def test_ctrl_n_enrols_and_shows_the_member(qtbot, desk: Desk, dialogs: DialogSteps) -> None:
    view = make_view(qtbot, desk)
    with qtbot.waitActive(view):
        view.activateWindow()
    view.search_edit.setFocus()

    def enter(dialog: MemberDialog) -> None:
        fill(qtbot, dialog, "钱七", "13500004444")

    dialogs.then(MemberDialog, enter)
    qtbot.keyClick(view.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs.check()
    assert view.details.name_label.text() == "钱七"
    assert names_shown(view)[0] == "钱七"


def test_edit_keeps_what_was_not_changed(
    qtbot, desk: Desk, staff: Actor, dialogs: DialogSteps
) -> None:
    member = desk.enrol_member(
        name="孙八",
        phone="13800008888",
        by=None,
        membership_consent=True,
        marketing_consent=True,
        birthday=dt.date(1990, 2, 3),
    )
    view = make_view(qtbot, desk, staff)
    view.select_member(member)

    def rename(dialog: MemberDialog) -> None:
        assert dialog.phone_edit.text() == "138****8888"  # staff see the masked number
        dialog.name_edit.clear()
        type_text(qtbot, dialog.name_edit, "孙八妹")
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    dialogs.then(MemberDialog, rename)
    qtbot.mouseClick(view.details.edit_button, Qt.MouseButton.LeftButton)
    dialogs.check()
    details = desk.member_details(member, viewer=desk.authenticate(OWNER_PIN))
    assert (details.name, details.phone, details.birthday) == (
        "孙八妹",
        "13800008888",
        dt.date(1990, 2, 3),
    )
    assert details.marketing_consent is True
    assert view.details.name_label.text() == "孙八妹"


# -- consents, card, points ------------------------------------------------------------------
def test_withdrawing_marketing_consent_takes_effect(
    qtbot, desk: Desk, people: dict[str, int]
) -> None:
    view = make_view(qtbot, desk)
    view.select_member(people["张三"])
    assert view.details.marketing_box.isChecked()
    tick(qtbot, view.details.marketing_box)
    assert desk.member_card(people["张三"]).marketing_consent is False
    tick(qtbot, view.details.sharing_box)
    assert desk.member_card(people["张三"]).sharing_consent is True


def test_reissue_makes_the_old_card_refused(
    qtbot, desk: Desk, people: dict[str, int], dialogs: DialogSteps
) -> None:
    member = people["王五"]
    old = desk.member_code(member)
    view = make_view(qtbot, desk)
    view.select_member(member)
    dialogs.then(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(view.details.reissue_button, Qt.MouseButton.LeftButton)
    dialogs.check()
    with pytest.raises(DomainError) as refused:
        desk.lookup_scan(old)
    assert refused.value.code == "revoked"
    new = view.details.qr.digits()
    assert new != old
    assert desk.lookup_scan(new).id == member
    view.handle_scan(old)
    assert view.message_label.text() == error_text(DomainError("revoked"))


def test_cancelled_reissue_keeps_the_card(
    qtbot, desk: Desk, people: dict[str, int], dialogs: DialogSteps
) -> None:
    member = people["王五"]
    old = desk.member_code(member)
    view = make_view(qtbot, desk)
    view.select_member(member)
    dialogs.then(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Cancel).click())
    qtbot.mouseClick(view.details.reissue_button, Qt.MouseButton.LeftButton)
    dialogs.check()
    assert desk.lookup_scan(old).id == member


def test_adjusting_points_needs_the_owner_pin(
    qtbot, desk: Desk, people: dict[str, int], dialogs: DialogSteps
) -> None:
    member = people["李四"]
    view = make_view(qtbot, desk)
    view.select_member(member)

    def wrong_pin(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, "999999")
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        assert dialog.error_label.text() == error_text(DomainError("pin_wrong"))

    def right_pin(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, OWNER_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    def add_points(dialog: AdjustPointsDialog) -> None:
        dialog.points_spin.setValue(150)
        type_text(qtbot, dialog.reason_edit, "补录积分")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    dialogs.then(PinDialog, wrong_pin).then(PinDialog, right_pin)
    dialogs.then(AdjustPointsDialog, add_points)
    qtbot.mouseClick(view.details.adjust_button, Qt.MouseButton.LeftButton)
    dialogs.check()
    assert desk.member_card(member).balance == 150
    assert view.details.points_table.rowCount() == 1
    assert names_shown(view)  # the list was refreshed with the new balance
    assert desk.recent_audit(limit=1)[0].action == "points.adjusted"


def test_history_shows_points_and_visits(
    qtbot, desk: Desk, owner: Actor, people: dict[str, int]
) -> None:
    member = people["张三"]
    desk.record_sale(amount_fen=8800, member_id=member, by=owner)
    view = make_view(qtbot, desk)
    view.select_member(member)
    points, visits = view.details.points_table, view.details.visits_table
    assert points.rowCount() == 1
    assert points.item(0, points.Columns.POINTS).text() == "+88"
    assert visits.rowCount() == 1
    assert visits.item(0, visits.Columns.AMOUNT).text() == "¥88.00"


def test_escape_cancels_without_enrolling(qtbot, desk: Desk) -> None:
    dialog = make_dialog(qtbot, desk)
    type_text(qtbot, dialog.name_edit, "周九")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == MemberDialog.DialogCode.Rejected
    assert desk.search_members("周九").items == ()


def test_edit_can_clear_the_birthday(qtbot, desk: Desk, owner: Actor) -> None:
    member = desk.enrol_member(
        name="吴十",
        phone="13800007777",
        by=None,
        membership_consent=True,
        birthday=dt.date(1992, 7, 8),
    )
    details = desk.member_details(member, viewer=owner)
    dialog = make_dialog(qtbot, desk, details=details)
    assert dialog.birthday() == dt.date(1992, 7, 8)
    tick(qtbot, dialog.birthday_box)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    assert desk.member_card(member).birthday is None
