"""Scanner input driven like a USB scanner (5 ms a key) and like a person (200 ms a key)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.views.scanner import MAX_SCAN_FIELD_CHARS, ScanBurstFilter, ScanField
from desktop.views.scanner_test import ScannerTestPanel

SCANNER_MS = 5
HUMAN_MS = 200
DIGITS = "1234567890"
AZERTY_FR = "&é\"'(-è_çà"
SHIFTED_US = "!@#$%^&*()"


def mod97(digits: str) -> int:
    remainder = 0
    for start in range(0, len(digits), 9):
        chunk = digits[start : start + 9]
        remainder = (remainder * 10 ** len(chunk) + int(chunk)) % 97
    return remainder


def with_check(payload: str) -> str:
    return payload + f"{98 - mod97(payload + '00'):02d}"


CODE = with_check("9" + "1234567890" * 21)  # about the size of a member card frame


def mangle(digits: str, row: str) -> str:
    return digits.translate(str.maketrans(DIGITS, row))


def full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) for ch in text)


class MsClock:
    """A millisecond clock the test moves by hand, one step per key."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms


# --- driving ---------------------------------------------------------------------------------


def press_char(qtbot: QtBot, widget: QWidget, ch: str) -> None:
    if ch.isascii():
        qtbot.keyClicks(widget, ch)
        return
    # QTest's ASCII key table cannot type é or ０; send the key event a keyboard would.
    key = Qt.Key(ord(ch.upper())) if ord(ch) < 0x100 else Qt.Key.Key_unknown
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, key, ch, Qt.KeyboardModifier.NoModifier)


def type_text(qtbot: QtBot, widget: QWidget, text: str, clock: MsClock, ms_per_key: float) -> None:
    for ch in text:
        clock.advance(ms_per_key)
        press_char(qtbot, widget, ch)


def press_key(qtbot: QtBot, widget: QWidget, key: Qt.Key, clock: MsClock, ms_after: float) -> None:
    clock.advance(ms_after)
    qtbot.keyClick(widget, key)


def scan(qtbot: QtBot, widget: QWidget, text: str, clock: MsClock) -> None:
    """What a USB scanner does: the code, a few ms a character, then Enter."""
    type_text(qtbot, widget, text, clock, SCANNER_MS)
    press_key(qtbot, widget, Qt.Key.Key_Return, clock, SCANNER_MS)


def commit_text(widget: QWidget, text: str, clock: MsClock, ms_per_commit: float) -> None:
    """What a Chinese IME does: each character committed as an input-method event."""
    for ch in text:
        clock.advance(ms_per_commit)
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)


# --- fixtures --------------------------------------------------------------------------------


@pytest.fixture
def clock() -> MsClock:
    return MsClock()


@pytest.fixture
def burst_filter(qapp: QApplication, clock: MsClock) -> Iterator[ScanBurstFilter]:
    scan_filter = ScanBurstFilter(clock=clock)
    scan_filter.install()
    yield scan_filter
    scan_filter.uninstall()


@pytest.fixture
def scans(burst_filter: ScanBurstFilter) -> list[str]:
    received: list[str] = []
    burst_filter.scanned.connect(received.append)
    return received


class MemberDialog(QDialog):
    """A dialog like the enrolment one: a name, notes, and an OK default button."""

    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.notes = QPlainTextEdit()
        self.pin = QLineEdit()
        self.pin.setProperty("scanExempt", True)
        self.ok = QPushButton("OK")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.accept)
        self.accepted_count = 0
        self.accepted.connect(self._count)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.notes, self.pin, self.ok):
            layout.addWidget(widget)

    def _count(self) -> None:
        self.accepted_count += 1
        self.show()  # stay on screen so later keys still have somewhere to go


@pytest.fixture
def dialog(qtbot: QtBot) -> MemberDialog:
    widget = MemberDialog()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.name)
    return widget


# --- the burst filter ------------------------------------------------------------------------


def test_scanner_burst_into_a_focused_name_field_is_scanned_once(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    scan(qtbot, dialog.name, CODE, clock)
    assert scans == [CODE]


def test_scanner_burst_does_not_stay_in_the_name_field(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    type_text(qtbot, dialog.name, "Zhang", clock, HUMAN_MS)
    clock.advance(HUMAN_MS)
    scan(qtbot, dialog.name, CODE, clock)
    assert dialog.name.text() == "Zhang"
    assert dialog.name.cursorPosition() == len("Zhang")


def test_scanner_enter_does_not_press_the_default_button(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    scan(qtbot, dialog.name, CODE, clock)
    assert dialog.accepted_count == 0


def test_person_typing_digits_and_enter_is_not_a_scan(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    type_text(qtbot, dialog.name, "13800001234", clock, HUMAN_MS)
    press_key(qtbot, dialog.name, Qt.Key.Key_Return, clock, HUMAN_MS)
    assert scans == []
    assert dialog.name.text() == "13800001234"
    assert dialog.accepted_count == 1


def test_fast_characters_then_a_late_enter_are_not_a_scan(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    type_text(qtbot, dialog.name, CODE, clock, SCANNER_MS)
    press_key(qtbot, dialog.name, Qt.Key.Key_Return, clock, HUMAN_MS)
    assert scans == []
    assert dialog.accepted_count == 1


def test_ten_thousand_character_burst_is_handled(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    junk = DIGITS * 1000
    scan(qtbot, dialog.name, junk, clock)
    assert scans == [junk]
    assert dialog.name.text() == ""


def test_burst_while_a_button_has_focus_is_scanned_once(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    dialog.ok.setFocus()
    scan(qtbot, dialog.ok, CODE, clock)
    assert scans == [CODE]
    assert dialog.accepted_count == 0


def test_burst_arriving_through_the_window_like_real_keys_is_scanned_once(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    window = dialog.windowHandle()
    for ch in CODE + "\r":
        clock.advance(SCANNER_MS)
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key(ord(ch))
        QTest.sendKeyEvent(QTest.KeyAction.Click, window, key, ch, Qt.KeyboardModifier.NoModifier)
    assert scans == [CODE]
    assert (dialog.name.text(), dialog.accepted_count) == ("", 0)


def test_burst_into_a_notes_box_is_removed_without_a_new_line(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    dialog.notes.setPlainText("likes green tea")
    dialog.notes.moveCursor(dialog.notes.textCursor().MoveOperation.End)
    dialog.notes.setFocus()
    scan(qtbot, dialog.notes, CODE, clock)
    assert scans == [CODE]
    assert dialog.notes.toPlainText() == "likes green tea"


def test_burst_into_an_editable_combo_box_is_removed(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    combo = QComboBox()
    combo.setEditable(True)
    combo.setEditText("Hangzhou")
    dialog.layout().addWidget(combo)
    combo.setFocus()
    scan(qtbot, combo, CODE, clock)
    assert (scans, combo.currentText()) == ([CODE], "Hangzhou")


def test_burst_into_a_spin_box_leaves_its_value(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    spin = QSpinBox()
    spin.setRange(0, 999_999_999)
    spin.setValue(12)
    dialog.layout().addWidget(spin)
    spin.setFocus()
    scan(qtbot, spin, "91234567", clock)
    assert (scans, spin.value()) == (["91234567"], 12)


def test_scan_exempt_field_is_left_alone(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    dialog.pin.setFocus()
    scan(qtbot, dialog.pin, "24681357", clock)
    assert scans == []
    assert dialog.pin.text() == "24681357"
    assert dialog.accepted_count == 1


def test_password_field_is_left_alone(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    dialog.name.setEchoMode(QLineEdit.EchoMode.Password)
    scan(qtbot, dialog.name, "24681357", clock)
    assert scans == []
    assert dialog.name.text() == "24681357"


def test_shift_presses_between_characters_do_not_break_a_burst(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    shifted = mangle(CODE, SHIFTED_US)
    for ch in shifted:
        clock.advance(SCANNER_MS)
        QTest.keyPress(dialog.name, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
        press_char(qtbot, dialog.name, ch)
        QTest.keyRelease(dialog.name, Qt.Key.Key_Shift)
    press_key(qtbot, dialog.name, Qt.Key.Key_Return, clock, SCANNER_MS)
    assert scans == [shifted]
    assert dialog.name.text() == ""


def test_input_method_commits_make_a_burst_too(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    commit_text(dialog.name, full_width(CODE), clock, SCANNER_MS)
    press_key(qtbot, dialog.name, Qt.Key.Key_Return, clock, SCANNER_MS)
    assert scans == [full_width(CODE)]
    assert dialog.name.text() == ""


def test_tab_ends_a_burst_only_when_enabled(
    qtbot: QtBot,
    dialog: MemberDialog,
    clock: MsClock,
    burst_filter: ScanBurstFilter,
    scans: list[str],
) -> None:
    type_text(qtbot, dialog.name, CODE, clock, SCANNER_MS)
    press_key(qtbot, dialog.name, Qt.Key.Key_Tab, clock, SCANNER_MS)
    assert scans == []
    burst_filter.tab_terminates = True
    dialog.name.clear()
    dialog.name.setFocus()
    clock.advance(HUMAN_MS)
    type_text(qtbot, dialog.name, CODE, clock, SCANNER_MS)
    press_key(qtbot, dialog.name, Qt.Key.Key_Tab, clock, SCANNER_MS)
    assert scans == [CODE]
    assert QApplication.focusWidget() is dialog.name
    assert dialog.name.text() == ""


def test_a_return_shortcut_does_not_take_the_scanner_enter(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, scans: list[str]
) -> None:
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), dialog)
    shortcut.activated.connect(lambda: fired.append(True))
    scan(qtbot, dialog.name, CODE, clock)
    assert scans == [CODE]
    assert fired == []


def test_the_last_burst_records_its_speed(
    qtbot: QtBot, dialog: MemberDialog, clock: MsClock, burst_filter: ScanBurstFilter
) -> None:
    scan(qtbot, dialog.name, CODE, clock)
    assert burst_filter.last_burst is not None
    assert burst_filter.last_burst.chars_per_second == pytest.approx(1000 / SCANNER_MS)


# --- the scan field --------------------------------------------------------------------------


@pytest.fixture
def scan_field(qtbot: QtBot) -> ScanField:
    field = ScanField()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    return field


def submissions(field: ScanField) -> list[str]:
    received: list[str] = []
    field.submitted.connect(received.append)
    return received


def test_scan_field_submits_on_enter_and_clears(
    qtbot: QtBot, scan_field: ScanField, clock: MsClock
) -> None:
    received = submissions(scan_field)
    type_text(qtbot, scan_field, "91234567", clock, HUMAN_MS)
    press_key(qtbot, scan_field, Qt.Key.Key_Return, clock, HUMAN_MS)
    assert received == ["91234567"]
    assert scan_field.text() == ""


def test_scan_field_enter_with_nothing_typed_submits_nothing(
    qtbot: QtBot, scan_field: ScanField, clock: MsClock
) -> None:
    received = submissions(scan_field)
    press_key(qtbot, scan_field, Qt.Key.Key_Return, clock, HUMAN_MS)
    assert received == []


def test_scan_field_has_the_input_method_off(scan_field: ScanField) -> None:
    assert not scan_field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    hints = scan_field.inputMethodHints()
    assert hints & Qt.InputMethodHint.ImhDigitsOnly
    assert hints & Qt.InputMethodHint.ImhLatinOnly


def test_scan_field_refuses_letters(qtbot: QtBot, scan_field: ScanField, clock: MsClock) -> None:
    type_text(qtbot, scan_field, "9abc1", clock, HUMAN_MS)
    assert scan_field.text() == "91"


def test_scan_field_maps_a_pasted_mangled_code(qtbot: QtBot, scan_field: ScanField) -> None:
    QGuiApplication.clipboard().setText(mangle(CODE, AZERTY_FR) + "\r\n")
    QTest.keySequence(scan_field, QKeySequence.StandardKey.Paste)
    assert scan_field.text() == CODE


def test_scan_field_ten_thousand_character_paste_is_cut_and_submitted(
    qtbot: QtBot, scan_field: ScanField, clock: MsClock
) -> None:
    received = submissions(scan_field)
    QGuiApplication.clipboard().setText(mangle(DIGITS * 1000, SHIFTED_US))
    started = time.perf_counter()
    QTest.keySequence(scan_field, QKeySequence.StandardKey.Paste)
    press_key(qtbot, scan_field, Qt.Key.Key_Return, clock, HUMAN_MS)
    assert time.perf_counter() - started < 2.0
    assert [len(text) for text in received] == [MAX_SCAN_FIELD_CHARS]


def test_scanner_burst_into_the_scan_field_comes_through_the_filter(
    qtbot: QtBot, scan_field: ScanField, clock: MsClock, scans: list[str]
) -> None:
    received = submissions(scan_field)
    scan(qtbot, scan_field, CODE, clock)
    assert (scans, received, scan_field.text()) == ([CODE], [], "")


# --- the scanner test panel ------------------------------------------------------------------


def check_code(digits: str) -> str:
    if not (digits.startswith("9") and mod97(digits) == 1):
        raise ValueError("misread")
    return "member"


@pytest.fixture
def panel(qtbot: QtBot, burst_filter: ScanBurstFilter, clock: MsClock) -> ScannerTestPanel:
    widget = ScannerTestPanel(check_code, burst_filter=burst_filter, clock=clock)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.box.setFocus()
    return widget


def result(panel: ScannerTestPanel) -> str:
    return panel.result_label.text()


def test_panel_shows_a_valid_code_and_its_kind(
    qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock
) -> None:
    scan(qtbot, panel.box, CODE, clock)
    assert result(panel).startswith("Valid code: member card")
    assert "200 characters per second" in panel.speed_label.text()


def test_panel_says_a_misread_code_is_not_ours(
    qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock
) -> None:
    scan(qtbot, panel.box, CODE[:-1], clock)
    assert "not one of ours" in result(panel)


def test_panel_spots_caps_lock(qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock) -> None:
    scan(qtbot, panel.box, mangle(CODE, SHIFTED_US), clock)
    assert result(panel).startswith("Caps Lock appears to be on")


def test_panel_spots_an_azerty_layout(
    qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock
) -> None:
    scan(qtbot, panel.box, mangle(CODE, AZERTY_FR), clock)
    assert "AZERTY" in result(panel)


def test_panel_spots_full_width_input_from_a_chinese_ime(
    qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock
) -> None:
    commit_text(panel.box, full_width(CODE), clock, SCANNER_MS)
    press_key(qtbot, panel.box, Qt.Key.Key_Return, clock, SCANNER_MS)
    assert result(panel).startswith("Full-width characters")


def test_panel_spots_slow_characters(qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock) -> None:
    type_text(qtbot, panel.box, CODE[:12], clock, HUMAN_MS)
    press_key(qtbot, panel.box, Qt.Key.Key_Return, clock, HUMAN_MS)
    assert "arrived slowly" in result(panel)
    assert "5 characters per second" in panel.speed_label.text()


def test_panel_shows_what_was_scanned_in_its_box(
    qtbot: QtBot, panel: ScannerTestPanel, clock: MsClock
) -> None:
    scan(qtbot, panel.box, mangle(CODE, AZERTY_FR), clock)
    assert panel.box.text() == mangle(CODE, AZERTY_FR)


def test_panel_without_the_filter_times_the_scan_itself(qtbot: QtBot, clock: MsClock) -> None:
    panel = ScannerTestPanel(check_code, clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    panel.box.setFocus()
    scan(qtbot, panel.box, CODE, clock)
    assert result(panel).startswith("Valid code: member card")


def test_panel_treats_a_failing_check_as_not_ours(
    qtbot: QtBot, burst_filter: ScanBurstFilter, clock: MsClock
) -> None:
    def broken(digits: str) -> str:
        raise RuntimeError("no keys loaded")

    panel = ScannerTestPanel(broken, burst_filter=burst_filter, clock=clock)
    qtbot.addWidget(panel)
    panel.show()
    scan(qtbot, panel.box, CODE, clock)
    assert "not one of ours" in result(panel)


def test_hidden_panel_ignores_scans_elsewhere(
    qtbot: QtBot, panel: ScannerTestPanel, dialog: MemberDialog, clock: MsClock
) -> None:
    panel.hide()
    scan(qtbot, dialog.name, CODE, clock)
    assert result(panel) == "No scan yet."
