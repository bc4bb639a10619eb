"""Adding a staff account (name, role, PIN twice) or changing a PIN (PIN twice)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.messages import error_text

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor, StaffInfo


def _pin_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(8)
    edit.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setProperty("scanExempt", True)
    return edit


class StaffPinDialog(QDialog):
    """With ``staff`` None: add an account. With ``staff``: set that account's new PIN.

    The PIN is typed twice; a mismatch or a model refusal is shown and the dialog stays open.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        owner: Actor,
        staff: StaffInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._owner = owner
        self._staff = staff
        self.setWindowTitle(
            self.tr("Add staff")
            if staff is None
            else self.tr("Change PIN of %1").replace("%1", staff.name)
        )
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("staffName")
        self.name_edit.setMaxLength(50)
        self.name_edit.setProperty("scanExempt", True)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("staffRole")
        self.role_combo.addItem(self.tr("Staff"), "staff")
        self.role_combo.addItem(self.tr("Owner"), "owner")
        self.pin_edit = _pin_edit("pin1")
        self.pin_again = _pin_edit("pin2")
        self.error_label = QLabel("")
        self.error_label.setObjectName("staffError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        if staff is None:
            form.addRow(self.tr("Name"), self.name_edit)
            form.addRow(self.tr("Role"), self.role_combo)
        form.addRow(self.tr("PIN (4 to 8 digits)"), self.pin_edit)
        form.addRow(self.tr("PIN again"), self.pin_again)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.name_edit if staff is None else self.pin_edit).setFocus()

    def submit(self) -> None:
        if self.pin_edit.text() != self.pin_again.text():
            self.error_label.setText(self.tr("The two PINs do not match. Type them again."))
            self.pin_edit.clear()
            self.pin_again.clear()
            self.pin_edit.setFocus()
            return
        try:
            if self._staff is None:
                self._desk.add_staff(
                    name=self.name_edit.text(),
                    pin=self.pin_edit.text(),
                    role=self.role_combo.currentData(),
                    by=self._owner,
                )
            else:
                self._desk.change_pin(
                    staff_id=self._staff.id, new_pin=self.pin_edit.text(), by=self._owner
                )
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.accept()
