"""The Settings screen: locked behind the owner's PIN, and each section saving its changes."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.messages import error_text
from desktop.views.pin_dialog import PinDialog
from desktop.views.scanner_test import ScannerTestPanel
from desktop.views.settings_audit import details_text
from desktop.views.settings_view import LOCKED, UNLOCKED, SettingsView
from desktop.views.staff_dialog import StaffPinDialog
from tests.views.members_support import (
    OWNER_PIN,
    STAFF_PIN,
    DialogSteps,
    session_of,
    type_text,
)

pytest_plugins = ("tests.views.fixtures_members",)


def make_view(qtbot, desk: Desk) -> SettingsView:
    view = SettingsView(desk, session_of(None))
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    return view


def enter_pin(qtbot, pin: str):
    def step(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    return step


@pytest.fixture
def unlocked(qtbot, desk: Desk, dialogs: DialogSteps) -> SettingsView:
    view = make_view(qtbot, desk)
    dialogs.then(PinDialog, enter_pin(qtbot, OWNER_PIN))
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    dialogs.check()
    return view


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def show_section(view: SettingsView, section) -> None:
    view.sections.setCurrentWidget(section)


# -- the lock --------------------------------------------------------------------------------
def test_settings_start_locked(qtbot, desk: Desk) -> None:
    view = make_view(qtbot, desk)
    assert view.is_locked()
    assert view._stack.currentIndex() == LOCKED
    assert view.unlock_button.isVisible()
    assert not view.sections.isVisible()


def test_owner_pin_unlocks(qtbot, unlocked: SettingsView) -> None:
    assert unlocked._stack.currentIndex() == UNLOCKED
    assert unlocked.sections.isVisible()
    assert unlocked.owner is not None
    assert unlocked.owner.is_owner


def test_wrong_pin_keeps_settings_locked(qtbot, desk: Desk, dialogs: DialogSteps) -> None:
    view = make_view(qtbot, desk)

    def wrong(dialog: PinDialog) -> None:
        enter_pin(qtbot, "999999")(dialog)
        assert dialog.isVisible()
        assert dialog.error_label.text() == error_text(DomainError("pin_wrong"))
        dialog.reject()

    dialogs.then(PinDialog, wrong)
    click(qtbot, view.unlock_button)
    dialogs.check()
    assert view.is_locked()
    assert view.lock_note.text()


def test_a_staff_pin_does_not_unlock(qtbot, desk: Desk, staff: Actor, dialogs: DialogSteps) -> None:
    view = make_view(qtbot, desk)

    def staff_pin(dialog: PinDialog) -> None:
        enter_pin(qtbot, STAFF_PIN)(dialog)
        assert dialog.isVisible()
        dialog.reject()

    dialogs.then(PinDialog, staff_pin)
    click(qtbot, view.unlock_button)
    dialogs.check()
    assert view.is_locked()


def test_leaving_the_tab_locks_again(qtbot, unlocked: SettingsView) -> None:
    unlocked.hide()
    assert unlocked.is_locked()
    unlocked.show()
    assert unlocked._stack.currentIndex() == LOCKED


# -- points rule -----------------------------------------------------------------------------
def test_rule_change_is_saved(qtbot, desk: Desk, unlocked: SettingsView) -> None:
    section = unlocked.points
    show_section(unlocked, section)
    spend = section.yuan_edits["fen_per_point"]
    spend.clear()
    qtbot.keyClicks(spend, "2")
    expiry = section.spins["expiry_months"]
    expiry.selectAll()
    qtbot.keyClicks(expiry, "24")
    assert "1 point per ¥2 spent" in section.explanation.text()
    click(qtbot, section.save_button)
    rule = desk.rule()
    assert (rule.fen_per_point, rule.expiry_months, rule.version) == (200, 24, 2)
    assert "2" in section.status.text()
    assert desk.recent_audit(limit=1)[0].action == "rule.changed"


def test_gold_below_silver_is_refused(qtbot, desk: Desk, unlocked: SettingsView) -> None:
    section = unlocked.points
    show_section(unlocked, section)
    gold = section.yuan_edits["gold_threshold_fen"]
    gold.clear()
    qtbot.keyClicks(gold, "100")
    click(qtbot, section.save_button)
    assert section.status.text() == error_text(DomainError("rule_tiers_order"))
    assert desk.rule().version == 1


def test_an_amount_that_is_not_a_number_is_refused(
    qtbot, desk: Desk, unlocked: SettingsView
) -> None:
    section = unlocked.points
    show_section(unlocked, section)
    spend = section.yuan_edits["fen_per_point"]
    spend.clear()
    qtbot.keyClicks(spend, "abc")
    click(qtbot, section.save_button)
    assert section.labels["fen_per_point"] in section.status.text()
    assert desk.rule().version == 1


# -- staff -----------------------------------------------------------------------------------
def add_staff_step(qtbot, name: str, pin: str, again: str):
    def step(dialog: StaffPinDialog) -> None:
        type_text(qtbot, dialog.name_edit, name)
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClicks(dialog.pin_again, again)
        qtbot.keyClick(dialog.pin_again, Qt.Key.Key_Return)

    return step


def test_mismatched_pins_are_refused(
    qtbot, desk: Desk, unlocked: SettingsView, dialogs: DialogSteps
) -> None:
    show_section(unlocked, unlocked.staff)

    def mismatched(dialog: StaffPinDialog) -> None:
        add_staff_step(qtbot, "小张", "1357", "1358")(dialog)
        assert dialog.isVisible()
        assert dialog.error_label.text() == dialog.tr("The two PINs do not match. Type them again.")
        dialog.reject()

    dialogs.then(StaffPinDialog, mismatched)
    click(qtbot, unlocked.staff.add_button)
    dialogs.check()
    assert [s.name for s in desk.staff_list()] == ["王老板"]


def test_add_staff_with_matching_pins(
    qtbot, desk: Desk, unlocked: SettingsView, dialogs: DialogSteps
) -> None:
    show_section(unlocked, unlocked.staff)
    dialogs.then(StaffPinDialog, add_staff_step(qtbot, "小张", "1357", "1357"))
    click(qtbot, unlocked.staff.add_button)
    dialogs.check()
    assert desk.authenticate("1357").name == "小张"
    assert unlocked.staff.table.rowCount() == 2


def test_deactivated_staff_cannot_sign_in(
    qtbot, desk: Desk, staff: Actor, unlocked: SettingsView, dialogs: DialogSteps
) -> None:
    show_section(unlocked, unlocked.staff)
    unlocked.staff.table.selectRow(1)
    dialogs.then(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    click(qtbot, unlocked.staff.deactivate_button)
    dialogs.check()
    with pytest.raises(DomainError):
        desk.authenticate(STAFF_PIN)
    assert unlocked.staff.table.rowCount() == 1


def test_change_pin(
    qtbot, desk: Desk, staff: Actor, unlocked: SettingsView, dialogs: DialogSteps
) -> None:
    show_section(unlocked, unlocked.staff)
    unlocked.staff.table.selectRow(1)

    def new_pin(dialog: StaffPinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, "97531")
        qtbot.keyClicks(dialog.pin_again, "97531")
        qtbot.keyClick(dialog.pin_again, Qt.Key.Key_Return)

    dialogs.then(StaffPinDialog, new_pin)
    click(qtbot, unlocked.staff.pin_button)
    dialogs.check()
    assert desk.authenticate("97531").staff_id == staff.staff_id


# -- shop, language, audit, scanner ----------------------------------------------------------
def test_shop_profile_is_saved(qtbot, desk: Desk, unlocked: SettingsView) -> None:
    shop = unlocked.shop
    shop.address_edit.clear()
    type_text(qtbot, shop.address_edit, "人民路 8 号")
    qtbot.keyClicks(shop.phone_edit, "021-5555 0000")
    click(qtbot, shop.save_button)
    profile = desk.shop_profile()
    assert (profile.address, profile.phone) == ("人民路 8 号", "021-5555 0000")


def test_language_is_saved_for_the_next_start(qtbot, desk: Desk, unlocked: SettingsView) -> None:
    language = unlocked.shop.language
    language.combo.setCurrentIndex(language.combo.findData("en"))
    click(qtbot, language.save_button)
    assert desk.setting("language") == "en"
    assert "English" in language.status.text()
    latest = desk.recent_audit(limit=1)[0]
    assert latest.action == "setting.changed"
    assert json.loads(latest.details)["new"] == "en"


def test_the_audit_log_still_names_staff_who_have_left(
    qtbot, desk: Desk, unlocked: SettingsView
) -> None:
    owner = unlocked.owner
    assert owner is not None
    clerk = desk.add_staff(name="小王", pin="135790", role="staff", by=owner)
    desk.change_pin(staff_id=clerk.staff_id, new_pin="975310", by=clerk)
    desk.deactivate_staff(staff_id=clerk.staff_id, by=owner)
    audit = unlocked.audit
    show_section(unlocked, audit)
    audit.table.update()
    who = {
        audit.table.item(r, audit.table.Columns.WHO).text() for r in range(audit.table.rowCount())
    }
    assert "小王" in who


def test_verify_log_reports_intact_then_broken(
    qtbot, desk: Desk, unlocked: SettingsView, tmp_path
) -> None:
    audit = unlocked.audit
    show_section(unlocked, audit)
    assert audit.table.rowCount() >= 2
    click(qtbot, audit.verify_button)
    assert "intact" in audit.result_label.text()
    with sqlite3.connect(tmp_path / "shop.sqlite") as conn:
        conn.execute("UPDATE audit_log SET details = '{}' WHERE id = 2")
    click(qtbot, audit.verify_button)
    assert "No. 2" in audit.result_label.text()


def test_scanner_test_is_embedded(qtbot, unlocked: SettingsView) -> None:
    assert isinstance(unlocked.scanner_test, ScannerTestPanel)
    show_section(unlocked, unlocked.scanner_test)
    assert unlocked.scanner_test.isVisible()


def test_audit_details_are_shown_in_words_not_codes(qapp) -> None:
    text = details_text(
        json.dumps({"sale": "s-1", "amount_fen": 9700, "points_taken_back": 97, "old": None})
    )
    assert text == "Sale: s-1 · Amount: ¥97.00 · Points taken back: 97 · Before: —"
    assert details_text("not json") == "not json"
