"""Asking for a PIN: the owner's for guarded actions, anyone's to switch staff."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.messages import error_text

MAX_ATTEMPTS = 5


class PinDialog(QDialog):
    """A PIN prompt that checks the PIN itself and keeps the dialog open on a wrong one.

    GUI thread only. After ``exec()`` returns Accepted, ``actor`` is who signed in.
    """

    def __init__(
        self, desk: Desk, *, owner_only: bool, reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._owner_only = owner_only
        self._attempts = 0
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Owner PIN") if owner_only else self.tr("Staff PIN"))
        self.reason_label = QLabel(reason)
        self.reason_label.setWordWrap(True)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
        self.pin_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin_edit.setProperty("scanExempt", True)
        self.error_label = QLabel("")
        self.error_label.setObjectName("pinError")
        self.error_label.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.pin_edit.setFocus()

    def _check(self) -> None:
        try:
            self.actor = self._desk.authenticate(self.pin_edit.text(), owner_only=self._owner_only)
        except DomainError as exc:
            self._attempts += 1
            self.pin_edit.clear()
            if self._attempts >= MAX_ATTEMPTS:
                self.reject()
                return
            self.error_label.setText(error_text(exc))
            return
        self.accept()


def ask_owner(desk: Desk, reason: str, parent: QWidget | None = None) -> Actor | None:
    """Ask for the owner's PIN; ``None`` when cancelled."""
    dialog = PinDialog(desk, owner_only=True, reason=reason, parent=parent)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None
