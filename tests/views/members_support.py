"""Helpers for the Members, Settings and card tests: constants, typing like a person (with an
input method for Chinese), and answering modal dialogs."""

from __future__ import annotations

import os
import re
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.session_state import SessionState

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OWNER_PIN = "123456"
STAFF_PIN = "2468"
SHOP_NAME = "幸福小卖部"


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type like a person: ASCII as key presses, anything else (Chinese, emoji) the way an
    input method delivers it, as a committed string."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def enrol(desk: Desk, name: str, phone: str, **consents: bool) -> int:
    return desk.enrol_member(name=name, phone=phone, by=None, membership_consent=True, **consents)


def session_of(actor: Actor | None) -> SessionState:
    return SessionState(actor)


class DialogSteps:
    """Answers modal dialogs in order: ``then(Kind, action)`` runs ``action(dialog)`` when the
    active modal widget is a ``Kind``. A step may leave its dialog open (a refusal) so the
    next step can act on the same dialog. Leftover dialogs are rejected so nothing hangs."""

    def __init__(self) -> None:
        self.steps: list[tuple[type[QDialog], Callable[[QDialog], None]]] = []
        self.errors: list[str] = []
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def then(self, kind: type[QDialog], action: Callable[[QDialog], None]) -> DialogSteps:
        self.steps.append((kind, action))
        return self

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            return
        if not self.steps:
            self.errors.append(f"unexpected dialog {type(dialog).__name__}")
            dialog.reject()
            return
        kind, action = self.steps.pop(0)
        try:
            assert isinstance(dialog, kind), f"expected {kind.__name__}, got {dialog!r}"
            action(dialog)
        except BaseException as exc:  # reported by check()
            self.errors.append(repr(exc))
            dialog.reject()

    def check(self) -> None:
        """Every queued step ran without error (the driver keeps answering afterwards)."""
        assert not self.errors, self.errors
        assert not self.steps, f"{len(self.steps)} dialog step(s) never ran"
