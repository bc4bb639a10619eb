"""First run: the shop and the owner's account, by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.models.service import Desk
from desktop.views.first_run import FirstRunDialog


@pytest.fixture
def dialog(qtbot, blank_desk: Desk) -> FirstRunDialog:
    dlg = FirstRunDialog(blank_desk)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def fill(qtbot, dialog: FirstRunDialog, *, pin: str, again: str) -> None:
    for edit, text in (
        (dialog.shop_edit, "老街烘焙"),
        (dialog.address_edit, "老街 8 号"),
        (dialog.owner_edit, "陈老板"),
        (dialog.pin_edit, pin),
        (dialog.pin_again_edit, again),
    ):
        edit.clear()
        if text.isascii():
            qtbot.keyClicks(edit, text)
        else:
            edit.insert(text)  # what a Chinese input method commits
    qtbot.keyClick(dialog.pin_again_edit, Qt.Key.Key_Return)


def test_mismatched_pins_are_refused(qtbot, dialog: FirstRunDialog, blank_desk: Desk) -> None:
    fill(qtbot, dialog, pin="1357", again="1358")

    assert dialog.isVisible()
    assert "not the same" in dialog.error_label.text()
    assert dialog.pin_edit.text() == ""
    assert not blank_desk.is_set_up()


def test_a_short_pin_is_refused(qtbot, dialog: FirstRunDialog, blank_desk: Desk) -> None:
    fill(qtbot, dialog, pin="12", again="12")

    assert "4 to 8 digits" in dialog.error_label.text()
    assert not blank_desk.is_set_up()


def test_a_missing_shop_name_is_refused(qtbot, dialog: FirstRunDialog, blank_desk: Desk) -> None:
    qtbot.keyClick(dialog.shop_edit, Qt.Key.Key_Return)

    assert dialog.error_label.text()
    assert not blank_desk.is_set_up()


def test_matching_pins_create_the_shop_and_owner(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk
) -> None:
    fill(qtbot, dialog, pin="1357", again="1358")
    fill(qtbot, dialog, pin="135790", again="135790")

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert blank_desk.is_set_up()
    assert blank_desk.shop_profile().name == "老街烘焙"
    assert dialog.owner is not None
    assert dialog.owner.is_owner
    assert blank_desk.authenticate("135790", owner_only=True).name == "陈老板"
