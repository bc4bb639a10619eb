"""The Campaigns screen: the table a shop owner reads, the campaign form with its live coupon
preview, pausing and ending, printing bearer coupons and voiding them with the owner's PIN."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.models.service import Desk
from desktop.views.campaign_editor import CampaignEditor
from desktop.views.campaigns_view import CampaignsTable, CampaignsView
from desktop.views.coupon_void_dialog import CouponVoidDialog
from desktop.views.pin_dialog import PinDialog
from desktop.views.print_dialog import SheetPrintDialog
from desktop.views.session_state import SessionState
from tests.views.conftest import OWNER_PIN, Members, ModalDriver, make_campaign
from tests.views.members_support import type_text

C = CampaignsTable.Columns


@pytest.fixture
def view(qtbot, shop_desk: Desk) -> CampaignsView:
    screen = CampaignsView(shop_desk, SessionState())
    qtbot.addWidget(screen)
    screen.resize(1200, 600)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    return screen


def row_texts(view: CampaignsView, name: str) -> dict[CampaignsTable.Columns, str]:
    for row in range(view.table.rowCount()):
        if view.table.item(row, C.NAME).text() == name:
            return {c: view.table.item(row, c).text() for c in C}
    raise AssertionError(f"{name} not in the table")


def names(view: CampaignsView) -> list[str]:
    return [view.table.item(r, C.NAME).text() for r in range(view.table.rowCount())]


def enter_pin(qtbot, pin: str = OWNER_PIN) -> Callable[[PinDialog], None]:
    def step(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    return step


def select(view: CampaignsView, name: str) -> None:
    view.table.selectRow(names(view).index(name))


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_table_shows_each_campaign_with_its_numbers(
    qtbot, shop_desk: Desk, shop_owner, fans: list[int]
) -> None:
    spring = make_campaign(shop_desk, shop_owner, name="春季满减", quota=100)
    make_campaign(
        shop_desk,
        shop_owner,
        name="双倍积分周",
        kind="points_multiplier",
        value_fen=0,
        valid_days=None,
        valid_from=dt.date(2026, 3, 1),
        valid_to=dt.date(2026, 3, 8),
        multiplier_tenths=20,
    )
    coupons = [shop_desk.issue_coupon(spring, member_id=m, by=None) for m in fans[:4]]
    shop_desk.record_sale(amount_fen=5_000, member_id=fans[0], by=None, coupon_id=coupons[0].id)

    view = CampaignsView(shop_desk, SessionState())
    qtbot.addWidget(view)

    spring_row = row_texts(view, "春季满减")
    assert spring_row[C.KIND] == "Amount off"
    assert spring_row[C.STATE] == "Active"
    assert spring_row[C.RULE] == "By hand"
    assert spring_row[C.ISSUED] == "4"
    assert spring_row[C.REDEEMED] == "1"
    assert spring_row[C.RATE] == "25.0%"
    assert spring_row[C.QUOTA] == "100"
    points_row = row_texts(view, "双倍积分周")
    assert points_row[C.KIND] == "Points multiplier"
    assert points_row[C.ISSUED] == "—"
    assert points_row[C.QUOTA] == "No limit"


def test_creating_a_campaign_through_the_form(
    qtbot, view: CampaignsView, shop_desk: Desk, modal: ModalDriver
) -> None:
    def fill_in(dialog: CampaignEditor) -> None:
        form = dialog.form
        type_text(qtbot, form.name_edit, "开业立减")
        form.kind_combo.setCurrentIndex(form.kind_combo.findData("amount_off"))
        qtbot.keyClicks(form.value_edit, "15")
        qtbot.keyClicks(form.min_spend_edit, "60")
        form.days_radio.setChecked(True)
        form.days_spin.setValue(14)
        form.quota_spin.setValue(500)
        form.trigger_combo.setCurrentIndex(form.trigger_combo.findData("welcome"))
        click(qtbot, dialog.save_button)

    modal.expect(PinDialog, enter_pin(qtbot)).expect(CampaignEditor, fill_in)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    modal.check()
    assert view.message_kind == "ok"
    assert "开业立减" in view.message_label.text()
    row = row_texts(view, "开业立减")
    assert row[C.KIND] == "Amount off"
    assert row[C.RULE] == "Welcome"
    assert row[C.QUOTA] == "500"
    (summary,) = shop_desk.campaign_summaries()
    spec = shop_desk.campaign(summary.id).spec
    assert (spec.value_fen, spec.min_spend_fen, spec.valid_days) == (1_500, 6_000, 14)
    assert spec.trigger == "welcome"


def test_an_invalid_campaign_is_refused_with_the_fields_named(
    qtbot, view: CampaignsView, shop_desk: Desk, modal: ModalDriver
) -> None:
    shown: list[dict[str, str]] = []

    def wrong_then_right(dialog: CampaignEditor) -> None:
        form = dialog.form
        form.kind_combo.setCurrentIndex(form.kind_combo.findData("spend_save"))
        qtbot.keyClicks(form.value_edit, "50")
        qtbot.keyClicks(form.min_spend_edit, "20")
        form.to_edit.setDate(QDate(2026, 2, 1))  # before the first day (today, 03-02)
        click(qtbot, dialog.save_button)
        shown.append(form.problems_shown())
        assert dialog.isVisible()
        assert form.errors["name"].isVisible()

        type_text(qtbot, form.name_edit, "满100减20")
        form.value_edit.clear()
        qtbot.keyClicks(form.value_edit, "20")
        form.min_spend_edit.clear()
        qtbot.keyClicks(form.min_spend_edit, "100")
        shown.append(form.problems_shown())  # re-checked as the fields are fixed
        form.to_edit.setDate(QDate(2026, 3, 31))
        click(qtbot, dialog.save_button)

    modal.expect(PinDialog, enter_pin(qtbot)).expect(CampaignEditor, wrong_then_right)
    click(qtbot, view.buttons["new"])

    modal.check()
    first, after_fixing = shown
    assert first == {
        "name": "Required.",
        "value_fen": "Too large.",
        "valid_to": "Must not be before the first day.",
    }
    assert after_fixing == {"valid_to": "Must not be before the first day."}
    assert names(view) == ["满100减20"]


def test_the_coupon_preview_follows_typing(qtbot, shop_desk: Desk) -> None:
    editor = CampaignEditor(today=shop_desk.today(), shop_name="小王便利店", save=lambda spec: None)
    qtbot.addWidget(editor)
    editor.show()
    form = editor.form

    type_text(qtbot, form.name_edit, "周末特惠")
    qtbot.keyClicks(form.value_edit, "8")
    assert editor.preview.coupon is not None
    assert editor.preview.coupon.title == "周末特惠"
    assert editor.preview.coupon.value_text == "¥8"
    assert editor.preview.coupon.shop_name == "小王便利店"
    assert editor.summary_label.text().startswith("¥8.00 off")

    form.kind_combo.setCurrentIndex(form.kind_combo.findData("percent_off"))
    form.percent_spin.setValue(20)
    qtbot.keyClicks(form.cap_edit, "30")
    assert editor.preview.coupon.value_text == "20% off"
    assert "Takes off at most ¥30." in editor.preview.coupon.terms
    assert editor.summary_label.text().startswith("20% off, at most ¥30.00")

    form.kind_combo.setCurrentIndex(form.kind_combo.findData("points_multiplier"))
    form.multiplier_spin.setValue(2.0)
    assert not editor.preview.isVisible()
    assert "points ×2" in editor.note_label.text()


def test_pause_resume_and_end(
    qtbot, view: CampaignsView, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:
    make_campaign(shop_desk, shop_owner, name="会员日")
    view.reload()
    select(view, "会员日")
    modal.expect(PinDialog, enter_pin(qtbot))

    click(qtbot, view.buttons["pause"])
    assert row_texts(view, "会员日")[C.STATE] == "Paused"
    assert view.buttons["pause"].text() == "Resume"
    click(qtbot, view.buttons["pause"])  # the owner gave the PIN once on this visit
    assert row_texts(view, "会员日")[C.STATE] == "Active"

    def confirm(box: QMessageBox) -> None:
        click(qtbot, box.button(QMessageBox.StandardButton.Yes))

    modal.expect(QMessageBox, confirm)
    click(qtbot, view.buttons["end"])

    modal.check()
    assert names(view) == []
    view.filter_combo.setCurrentIndex(1)
    assert row_texts(view, "会员日")[C.STATE] == "Ended"
    assert not view.buttons["edit"].isEnabled()


def test_staff_without_the_owner_pin_change_nothing(
    qtbot, view: CampaignsView, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:
    make_campaign(shop_desk, shop_owner, name="会员日")
    view.reload()

    def cancel(dialog: PinDialog) -> None:
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)

    modal.expect(PinDialog, cancel)
    click(qtbot, view.buttons["pause"])

    modal.check()
    assert row_texts(view, "会员日")[C.STATE] == "Active"
    assert "owner's PIN was not given" in view.message_label.text()


def test_printing_a_bearer_batch_issues_and_opens_the_print_dialog(
    qtbot, view: CampaignsView, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:
    make_campaign(shop_desk, shop_owner, name="街头派发")
    view.reload()
    pages: list[str] = []

    def how_many(dialog: QInputDialog) -> None:
        dialog.setIntValue(12)
        dialog.accept()

    def look_and_close(dialog: SheetPrintDialog) -> None:
        pages.append(dialog.pages_label.text())
        dialog.reject()

    modal.expect(PinDialog, enter_pin(qtbot)).expect(QInputDialog, how_many)
    modal.expect(SheetPrintDialog, look_and_close)
    click(qtbot, view.buttons["print"])

    modal.check()
    assert pages == ["12 coupons on 2 pages"]
    assert row_texts(view, "街头派发")[C.ISSUED] == "12"
    assert view.message_label.text().startswith("Batch 1: 12 coupons of “街头派发” issued")


def test_a_scanned_coupon_is_voided_with_a_reason_and_the_owner_pin(
    qtbot, view: CampaignsView, shop_desk: Desk, shop_owner, fans: list[int], modal: ModalDriver
) -> None:
    campaign = make_campaign(shop_desk, shop_owner, name="会员日")
    coupon = shop_desk.issue_coupon(campaign, member_id=fans[0], by=None)
    view.reload()
    seen: list[str] = []

    def void_it(dialog: CouponVoidDialog) -> None:
        seen.append(dialog.details_label.text())
        type_text(qtbot, dialog.reason_edit, "顾客投诉，补发")
        click(qtbot, dialog.void_button)

    modal.expect(CouponVoidDialog, void_it).expect(PinDialog, enter_pin(qtbot))
    assert view.handle_scan(shop_desk.coupon_code(coupon.id))

    qtbot.waitUntil(lambda: not modal.steps, timeout=3000)
    modal.check()
    assert coupon.serial in seen[0]
    assert "Not used yet" in seen[0]
    assert view.message_label.text() == f"Coupon {coupon.serial} voided."
    assert shop_desk.coupons_by_id([coupon.id])[0].state == "void"
    assert row_texts(view, "会员日")[C.REDEEMED] == "0"


def test_a_batch_is_voided_by_its_number_and_used_coupons_stay_used(
    qtbot, view: CampaignsView, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:
    campaign = make_campaign(shop_desk, shop_owner, name="街头派发")
    batch, coupons = shop_desk.issue_bearer_batch(campaign, count=5, by=shop_owner)
    shop_desk.record_sale(amount_fen=3_000, member_id=None, by=None, coupon_id=coupons[0].id)
    view.reload()

    def void_batch(dialog: CouponVoidDialog) -> None:
        qtbot.keyClicks(dialog.code_edit, str(batch))
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
        assert "5 coupons, 4 not used yet" in dialog.batch_radio.text()
        type_text(qtbot, dialog.reason_edit, "印错了")
        click(qtbot, dialog.void_button)

    modal.expect(CouponVoidDialog, void_batch).expect(PinDialog, enter_pin(qtbot))
    click(qtbot, view.buttons["void"])

    modal.check()
    assert view.message_label.text() == f"Batch {batch}: 4 coupons voided (used ones stay used)."
    states = [c.state for c in shop_desk.batch_coupons(batch)]
    assert sorted(states) == ["redeemed", "void", "void", "void", "void"]


def test_a_member_card_scanned_for_voiding_says_it_is_not_a_coupon(
    qtbot, view: CampaignsView, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:
    said: list[str] = []

    def scan_card(dialog: CouponVoidDialog) -> None:
        dialog.handle_scan(shop_desk.member_code(members.zhang))
        said.append(dialog.error_label.text())
        dialog.reject()

    modal.expect(CouponVoidDialog, scan_card)
    click(qtbot, view.buttons["void"])

    modal.check()
    assert said == ["This is a member card, not a coupon. Scan the coupon's code."]


def test_editing_a_campaign_starts_from_its_saved_values(
    qtbot, view: CampaignsView, shop_desk: Desk, shop_owner, modal: ModalDriver
) -> None:
    campaign = make_campaign(shop_desk, shop_owner, name="会员日", min_spend_fen=5_000)
    view.reload()
    seen: list[str] = []

    def raise_the_value(dialog: CampaignEditor) -> None:
        form = dialog.form
        seen.extend([form.name_edit.text(), form.value_edit.text(), form.min_spend_edit.text()])
        form.value_edit.clear()
        qtbot.keyClicks(form.value_edit, "25")
        click(qtbot, dialog.save_button)

    modal.expect(PinDialog, enter_pin(qtbot)).expect(CampaignEditor, raise_the_value)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)

    modal.check()
    assert seen == ["会员日", "20.00", "50.00"]
    assert shop_desk.campaign(campaign).spec.value_fen == 2_500
    assert "keep their own terms" in view.message_label.text()
