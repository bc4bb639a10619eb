"""Scanner input at the counter: the application-wide burst filter and the scan field.

USB scanners type like a keyboard: a code in a few milliseconds per character, then Enter,
into whatever widget has focus. ``ScanBurstFilter`` watches every key press in the application,
recognises such a burst, hands the text to the scan handler through ``scanned`` and undoes what
the burst typed into a text field. ``ScanField`` is the always-ready field at the counter for a
code typed or pasted by hand.

Wire both to the same handler: a scanner burst arrives through ``ScanBurstFilter.scanned``
only (also when the scan field has focus: the filter takes the burst and clears the field),
a code typed or pasted by a person through ``ScanField.submitted``. Both carry the raw text;
the handler recovers the digits with ``desktop.models.scaninput.normalize_scan``.

Everything here runs on the GUI thread only, like every widget.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.models.scaninput import Burst, BurstTracker, normalize_scan

__all__ = ["MAX_SCAN_FIELD_CHARS", "ScanBurstFilter", "ScanCodeValidator", "ScanField"]

MAX_SCAN_FIELD_CHARS = 4096

_Key = Qt.Key
_ENTER_KEYS = frozenset({_Key.Key_Return, _Key.Key_Enter})
# Keys that only change the next character; a scanner sending Shift+digit presses them.
_MODIFIER_KEYS = frozenset(
    {
        _Key.Key_Shift,
        _Key.Key_Control,
        _Key.Key_Alt,
        _Key.Key_AltGr,
        _Key.Key_Meta,
        _Key.Key_Super_L,
        _Key.Key_Super_R,
        _Key.Key_CapsLock,
        _Key.Key_NumLock,
        _Key.Key_ScrollLock,
    }
)
_Type = QEvent.Type
_WATCHED = frozenset({_Type.KeyPress, _Type.KeyRelease, _Type.InputMethod, _Type.ShortcutOverride})
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


def monotonic_ms() -> float:
    """Milliseconds from a monotonic clock: the default clock of ``ScanBurstFilter``."""
    return time.monotonic_ns() / 1_000_000


def _is_typed_text(text: str, modifiers: Qt.KeyboardModifier) -> bool:
    """True for a key that types characters (not a Ctrl/Cmd shortcut; AltGr is Ctrl+Alt)."""
    if not text or not text.isprintable():
        return False
    command = bool(modifiers & _COMMAND_MODIFIERS)
    return not command or bool(modifiers & Qt.KeyboardModifier.AltModifier)


def _is_exempt(widget: QWidget) -> bool:
    """True when keys for ``widget`` must be left alone, or the focus is on such a field."""
    focus = QApplication.focusWidget()
    return _is_exempt_field(widget) or (focus is not None and _is_exempt_field(focus))


def _is_exempt_field(widget: QWidget) -> bool:
    """PIN and password fields (and anything marked ``scanExempt``) are never touched."""
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return True
    current: QWidget | None = widget
    while current is not None:
        if current.property("scanExempt"):
            return True
        current = current.parentWidget()
    return False


class _LineEditSnapshot:
    """A line edit's text, cursor and selection before a burst, to put back afterwards."""

    def __init__(self, edit: QLineEdit) -> None:
        self.widget = edit
        self._text = edit.text()
        self._cursor = edit.cursorPosition()
        self._selection = (edit.selectionStart(), edit.selectionLength())
        self._modified = edit.isModified()

    def restore(self) -> None:
        edit = self.widget
        if not shiboken6.isValid(edit) or edit.text() == self._text:
            return
        edit.setText(self._text)
        edit.setModified(self._modified)
        start, length = self._selection
        if start < 0 or length == 0:
            edit.setCursorPosition(self._cursor)
        elif self._cursor == start:
            edit.setSelection(start + length, -length)
        else:
            edit.setSelection(start, length)


class _TextEditSnapshot:
    """Where a burst began in a text edit, to remove exactly what it inserted (undoably)."""

    def __init__(self, edit: QPlainTextEdit | QTextEdit) -> None:
        cursor = edit.textCursor()
        self.widget = edit
        self._anchor = cursor.anchor()
        self._position = cursor.position()
        self._start = cursor.selectionStart()
        self._removed = cursor.selectionEnd() - self._start
        self._fragment = cursor.selection() if cursor.hasSelection() else None
        self._count = edit.document().characterCount()

    def restore(self) -> None:
        edit = self.widget
        if not shiboken6.isValid(edit):
            return
        document = edit.document()
        end = edit.textCursor().position()
        inserted = end - self._start
        expected = self._count - self._removed + inserted
        if inserted < 0 or document.characterCount() != expected:
            return  # edited some other way meanwhile: leave it rather than cut the wrong text
        if inserted == 0 and self._removed == 0:
            return
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setPosition(self._start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if self._fragment is not None:
            cursor.insertFragment(self._fragment)
        cursor.endEditBlock()
        restored = QTextCursor(document)
        restored.setPosition(self._anchor)
        restored.setPosition(self._position, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(restored)


_Snapshot = _LineEditSnapshot | _TextEditSnapshot


def _text_target(widget: QWidget) -> QWidget | None:
    """The text widget that keys for ``widget`` edit, if any (spin and combo boxes own one)."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    if isinstance(widget, QComboBox):
        return widget.lineEdit() if widget.isEditable() else None
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    return None


def _snapshot(widget: QWidget) -> _Snapshot | None:
    if isinstance(widget, QLineEdit):
        return _LineEditSnapshot(widget)
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return _TextEditSnapshot(widget)
    return None


class ScanBurstFilter(QObject):
    """Application-wide filter that routes scanner bursts to ``scanned``, wherever focus is.

    A burst is at least ``min_chars`` printable characters (key presses or input-method
    commits), each within ``max_gap_ms`` of the previous one, ending with Return/Enter (or Tab
    when ``tab_terminates``) within ``max_gap_ms`` too. People type far slower, so what they
    type passes through untouched. The burst's characters still reach the focused widget as
    they arrive; when the terminator comes, the filter swallows it (a dialog's default button
    does not fire), removes what the burst typed into the focused QLineEdit, QPlainTextEdit or
    QTextEdit (or the line edit of a spin box or an editable combo box), and emits ``scanned``
    with the raw text (without the terminator).

    Password fields and widgets with the property ``scanExempt`` set True (or inside such a
    widget) are left alone: keys typed there are neither counted nor removed.

    Tab is off by default: password managers type a user name and Tab just as fast, and most
    scanners end with Enter. Turn it on for scanners configured with a Tab suffix.

    ``clock`` returns milliseconds from a monotonic clock; tests pass a fake one. It is read
    when a key press or commit arrives, not taken from the event, so a burst queued behind a
    busy GUI thread still counts as fast, and a person's keys queued the same way could too.

    GUI thread only: install it on the QApplication from the GUI thread (``install()``).
    """

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = monotonic_ms,
        max_gap_ms: float = 50.0,
        min_chars: int = 8,
        tab_terminates: bool = False,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._tracker = BurstTracker(max_gap_ms=max_gap_ms, min_chars=min_chars)
        self.tab_terminates = tab_terminates
        self.last_burst: Burst | None = None
        self._snapshots: list[_Snapshot] = []
        self._last_identity: tuple[object, ...] | None = None
        # Strong references: a wrapper of a widget Qt created itself (a combo box's line edit)
        # would vanish between events, and with it the identity the checks below compare.
        self._last_receiver: QWidget | None = None
        self._swallow_release: int | None = None

    @property
    def max_gap_ms(self) -> float:
        """Longest pause between two characters of one burst, in milliseconds."""
        return self._tracker.max_gap_ms

    @max_gap_ms.setter
    def max_gap_ms(self, value: float) -> None:
        self._tracker.max_gap_ms = value

    @property
    def min_chars(self) -> int:
        """Fewest characters that make a burst."""
        return self._tracker.min_chars

    @min_chars.setter
    def min_chars(self, value: int) -> None:
        self._tracker.min_chars = value

    def install(self) -> None:
        """Start watching every event of the running application."""
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before installing the scan filter")
        app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop watching and forget any burst in progress."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._forget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        etype = event.type()
        if etype not in _WATCHED:
            return False
        if isinstance(event, QKeyEvent):
            if etype == _Type.KeyPress:
                return self._on_key_press(watched, event)
            if etype == _Type.KeyRelease:
                return self._on_key_release(event)
            self._on_shortcut_override(watched, event)
        elif isinstance(event, QInputMethodEvent):
            self._on_input_method(watched, event)
        return False

    # -- events ------------------------------------------------------------------------------

    def _on_key_press(self, watched: QObject, event: QKeyEvent) -> bool:
        identity = (_address(event), event.type(), event.key(), event.text(), event.timestamp())
        widget = self._first_delivery(watched, identity)
        if widget is None:
            return False
        self._swallow_release = None
        key = event.key()
        if _is_exempt(widget):
            self._forget()
            return False
        if self._is_terminator(event):
            return self._on_terminator(key)
        if key in _MODIFIER_KEYS or (key == _Key.Key_unknown and not event.text()):
            return False
        if event.isAutoRepeat() or not _is_typed_text(event.text(), event.modifiers()):
            self._forget()
            return False
        self._add_text(widget, event.text())
        return False

    def _on_key_release(self, event: QKeyEvent) -> bool:
        if self._swallow_release is not None and event.key() == self._swallow_release:
            self._swallow_release = None
            return True
        return False

    def _on_shortcut_override(self, watched: QObject, event: QKeyEvent) -> None:
        """Claim a completing terminator, so a Return shortcut does not take it first."""
        if not isinstance(watched, QWidget) or _is_exempt(watched):
            return
        if self._is_terminator(event) and self._tracker.could_complete(self._clock()):
            event.accept()

    def _on_input_method(self, watched: QObject, event: QInputMethodEvent) -> None:
        commit = event.commitString()
        if not commit:
            return  # a pre-edit update: nothing typed yet
        identity = (_address(event), event.type(), commit)
        widget = self._first_delivery(watched, identity)
        if widget is None:
            return
        if _is_exempt(widget) or not commit.isprintable():
            self._forget()
            return
        self._add_text(widget, commit)

    # -- bursts ------------------------------------------------------------------------------

    def _first_delivery(self, watched: QObject, identity: tuple[object, ...]) -> QWidget | None:
        """The receiving widget, the first time a key press reaches a widget; else None.

        The application filter sees a key event at the window, at the focus widget and again
        at each parent it propagates to when ignored; only the first widget hop counts.
        """
        if not isinstance(watched, QWidget):
            return None
        last = self._last_receiver
        if (
            identity == self._last_identity
            and last is not None
            and shiboken6.isValid(last)
            and _address(watched) != _address(last)
            and watched.isAncestorOf(last)
        ):
            return None
        self._last_identity = identity
        self._last_receiver = watched
        return watched

    def _is_terminator(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _ENTER_KEYS:
            return True
        return self.tab_terminates and key == _Key.Key_Tab

    def _add_text(self, receiver: QWidget, text: str) -> None:
        if self._tracker.add_text(text, self._clock()):
            self._snapshots.clear()
        target = _text_target(receiver)
        if target is None:
            return
        address = _address(target)
        if not any(
            shiboken6.isValid(s.widget) and _address(s.widget) == address for s in self._snapshots
        ):
            snapshot = _snapshot(target)
            if snapshot is not None:
                self._snapshots.append(snapshot)

    def _on_terminator(self, key: int) -> bool:
        burst = self._tracker.end(self._clock())
        snapshots, self._snapshots = self._snapshots, []
        if burst is None:
            return False
        for snapshot in snapshots:
            snapshot.restore()
        self.last_burst = burst
        self._swallow_release = key
        self.scanned.emit(burst.text)
        return True

    def _forget(self) -> None:
        self._tracker.reset()
        self._snapshots.clear()


def _accept_any(digits: str) -> bool:
    return True


def _address(obj: QObject | QEvent) -> int:
    return int(shiboken6.getCppPointer(obj)[0])


class ScanCodeValidator(QValidator):
    """Digits only; a pasted or typed mangled code is mapped to digits instead of refused.

    ``accept`` is the caller's framing check (see ``normalize_scan``); it decides between
    readings of ambiguous characters in a pasted code. GUI thread only.
    """

    def __init__(
        self, parent: QObject | None = None, *, accept: Callable[[str], bool] | None = None
    ) -> None:
        super().__init__(parent)
        self._accept = accept if accept is not None else _accept_any

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if text.isascii() and text.isdigit():
            return QValidator.State.Acceptable, text, pos
        if not text.strip():
            return QValidator.State.Intermediate, "", 0
        scan = normalize_scan(text, accept=self._accept)
        if scan.digits is None:
            return QValidator.State.Invalid, text, pos
        # Keep the cursor the same distance from the end (stripping shortens the text).
        new_pos = min(max(len(scan.digits) - (len(text) - pos), 0), len(scan.digits))
        return QValidator.State.Acceptable, scan.digits, new_pos


class ScanField(QLineEdit):
    """The always-ready scan field at the counter.

    The input method is off (a Chinese IME cannot turn digits full-width here), the
    validator keeps it to digits and maps a pasted mangled code, and at most
    ``MAX_SCAN_FIELD_CHARS`` characters fit (a longer paste is cut there and then reads as a
    misread). Enter emits ``submitted`` with the text, after the field has cleared itself, and
    is consumed so a dialog's default button does not fire. GUI thread only.
    """

    submitted = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, accept: Callable[[str], bool] | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhLatinOnly)
        self.setMaxLength(MAX_SCAN_FIELD_CHARS)
        self.setValidator(ScanCodeValidator(self, accept=accept))
        self.setPlaceholderText(self.tr("Scan or type a code"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS:
            event.accept()
            self._submit()
            return
        super().keyPressEvent(event)

    def _submit(self) -> None:
        text = self.text()
        if not text.strip():
            return
        self.clear()
        self.submitted.emit(text)
