"""First run: the wizard, driven only by keys sent to whatever has the keyboard focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.models.alliance_pending import pending_server
from desktop.models.backup_settings import backup_config, default_folder
from desktop.models.service import Desk
from desktop.models.shop import Rule
from desktop.views.first_run import FirstRunDialog
from desktop.views.i18n import install_translators

ENTER, TAB, ESC = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape


@pytest.fixture
def dialog(qtbot, qapp, blank_desk: Desk) -> Iterator[FirstRunDialog]:
    install_translators(qapp, "en")  # the wizard starts in the language the app shows
    dlg = FirstRunDialog(blank_desk)
    qtbot.addWidget(dlg)
    with qtbot.waitActive(dlg):
        dlg.show()
        dlg.activateWindow()
    yield dlg
    install_translators(qapp, "en")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str, *, replace: bool = False) -> None:
    """Type into the focused field; Chinese arrives as an input method's commit."""
    if replace:
        press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text.isascii():
        qtbot.keyClicks(focused(), text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(focused(), event)


def through_shop_and_owner(qtbot, dialog: FirstRunDialog, *, pin: str, again: str) -> None:
    """Language (as it is) → shop → owner, each page left with Enter."""
    press(qtbot, ENTER)
    assert focused() is dialog.shop_page.shop_edit
    type_text(qtbot, "老街烘焙")
    press(qtbot, TAB)
    type_text(qtbot, "老街 8 号")
    press(qtbot, ENTER)
    assert focused() is dialog.owner_page.owner_edit
    type_text(qtbot, "陈老板")
    press(qtbot, TAB)
    type_text(qtbot, pin)
    press(qtbot, TAB)
    type_text(qtbot, again)
    press(qtbot, ENTER)


def test_the_shop_is_set_up_with_the_keyboard_alone(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    through_shop_and_owner(qtbot, dialog, pin="135790", again="135790")

    assert focused() is dialog.points_page.spend_edit
    type_text(qtbot, "2", replace=True)
    press(qtbot, TAB)
    type_text(qtbot, "5", replace=True)  # 100 points = ¥5 off
    press(qtbot, TAB)
    type_text(qtbot, "6", replace=True)
    assert "29 points" in dialog.points_page.example.text()
    press(qtbot, ENTER)
    assert focused() is dialog.backup_page.folder_edit
    type_text(qtbot, str(usb), replace=True)
    press(qtbot, ENTER)
    assert focused() is dialog.alliance_page.server_edit
    type_text(qtbot, "Alliance.Example.cn:8443/")
    press(qtbot, ENTER)
    summary = " ".join(label.text() for label in dialog.summary_page.findChildren(QLabel))
    assert not blank_desk.is_set_up(), "nothing is written before the last page"
    press(qtbot, ENTER)  # the focus is on "Create the shop"

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert "老街烘焙" in summary
    assert "https://alliance.example.cn:8443" in summary
    profile = blank_desk.shop_profile()
    assert (profile.name, profile.address) == ("老街烘焙", "老街 8 号")
    owner = blank_desk.authenticate("135790", owner_only=True)
    assert owner.name == "陈老板"
    assert dialog.owner == owner
    rule = blank_desk.rule()
    assert (rule.fen_per_point, rule.point_value_fen, rule.expiry_months) == (200, 5, 6)
    config = backup_config(blank_desk)
    assert config.chosen
    assert config.folder == usb.resolve()
    assert blank_desk.setting("language") == "en"
    assert pending_server(blank_desk) == "https://alliance.example.cn:8443"


def test_enter_alone_keeps_the_usual_rule_and_the_default_backup_folder(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk
) -> None:
    through_shop_and_owner(qtbot, dialog, pin="1357", again="1357")
    assert "58 points" in dialog.points_page.example.text()
    for _ in range(4):  # points, backups, alliance, summary
        press(qtbot, ENTER)

    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert blank_desk.rule() == Rule(version=1)
    config = backup_config(blank_desk)
    assert not config.chosen
    assert config.folder == default_folder(blank_desk.db.path)
    assert pending_server(blank_desk) is None


def test_mismatched_pins_are_refused(qtbot, dialog: FirstRunDialog, blank_desk: Desk) -> None:
    through_shop_and_owner(qtbot, dialog, pin="1357", again="1358")

    assert dialog.currentPage() is dialog.owner_page
    assert "not the same" in dialog.owner_page.message.text()
    assert dialog.owner_page.pin_edit.text() == dialog.owner_page.pin_again_edit.text() == ""
    assert focused() is dialog.owner_page.pin_edit
    press(qtbot, ESC)
    assert not blank_desk.is_set_up()


def test_a_short_pin_is_refused(qtbot, dialog: FirstRunDialog, blank_desk: Desk) -> None:
    through_shop_and_owner(qtbot, dialog, pin="12", again="12")

    assert dialog.currentPage() is dialog.owner_page
    assert "4 to 8 digits" in dialog.owner_page.message.text()


def test_a_missing_shop_name_is_refused(qtbot, dialog: FirstRunDialog) -> None:
    press(qtbot, ENTER)
    press(qtbot, ENTER)

    assert dialog.currentPage() is dialog.shop_page
    assert "shop name" in dialog.shop_page.message.text()
    assert focused() is dialog.shop_page.shop_edit


def test_quitting_in_the_middle_creates_nothing(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk
) -> None:
    through_shop_and_owner(qtbot, dialog, pin="1357", again="1357")
    press(qtbot, ENTER)  # on to backups
    press(qtbot, ESC)

    assert dialog.result() == FirstRunDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert not blank_desk.is_set_up()
    assert blank_desk.setting("language") is None
    assert dialog.button(FirstRunDialog.WizardButton.CancelButton).text() == "Quit"


def test_alt_b_goes_back_with_what_was_typed_and_alt_n_goes_on(
    qtbot, dialog: FirstRunDialog
) -> None:
    through_shop_and_owner(qtbot, dialog, pin="1357", again="1357")

    def mnemonic(letter: Qt.Key) -> None:  # a mnemonic clicks its button with a short flash
        with qtbot.waitSignal(dialog.currentIdChanged):
            press(qtbot, letter, Qt.KeyboardModifier.AltModifier)

    mnemonic(Qt.Key.Key_B)
    mnemonic(Qt.Key.Key_B)
    assert dialog.currentPage() is dialog.shop_page
    assert dialog.shop_page.shop_edit.text() == "老街烘焙"
    mnemonic(Qt.Key.Key_N)
    assert dialog.currentPage() is dialog.owner_page


def test_choosing_chinese_translates_the_wizard_at_once(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk
) -> None:
    assert dialog.windowTitle() == "Welcome to Merchant Desk"
    assert focused() is dialog.language_page.buttons["en"]

    press(qtbot, Qt.Key.Key_Up)  # 中文 is above English
    assert dialog.windowTitle() == "欢迎使用商盟柜台"
    assert dialog.button(FirstRunDialog.WizardButton.CancelButton).text() == "退出"
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.windowTitle() == "Welcome to Merchant Desk"
    press(qtbot, Qt.Key.Key_Up)

    through_shop_and_owner(qtbot, dialog, pin="1357", again="1")
    assert dialog.owner_page.message.text() == "两次输入的密码不一样，请重新输入。"
    type_text(qtbot, "1357")
    press(qtbot, TAB)
    type_text(qtbot, "1357")
    for _ in range(5):  # owner, points, backups, alliance, summary
        press(qtbot, ENTER)
    assert blank_desk.setting("language") == "zh_CN"


def test_a_backup_folder_that_is_not_there_is_refused(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk, tmp_path: Path
) -> None:
    through_shop_and_owner(qtbot, dialog, pin="1357", again="1357")
    press(qtbot, ENTER)
    type_text(qtbot, str(tmp_path / "no-such-stick"), replace=True)
    press(qtbot, ENTER)

    assert dialog.currentPage() is dialog.backup_page
    assert "no-such-stick" in dialog.backup_page.message.text()
    assert focused() is dialog.backup_page.folder_edit
    assert "same disk" in dialog.backup_page.disk_note.text()


def test_an_alliance_server_that_is_not_an_address_is_refused(
    qtbot, dialog: FirstRunDialog, blank_desk: Desk
) -> None:
    through_shop_and_owner(qtbot, dialog, pin="1357", again="1357")
    press(qtbot, ENTER)
    press(qtbot, ENTER)
    type_text(qtbot, "ask Mr Li")
    press(qtbot, ENTER)

    assert dialog.currentPage() is dialog.alliance_page
    assert "not a server address" in dialog.alliance_page.message.text()
    type_text(qtbot, "", replace=True)
    press(qtbot, Qt.Key.Key_Delete)
    press(qtbot, ENTER)
    assert dialog.currentPage() is dialog.summary_page
    assert not blank_desk.is_set_up()
