"""First run: name the shop and create the owner's account. Keyboard only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.messages import error_text


def _pin_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(8)
    edit.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setProperty("scanExempt", True)
    return edit


class FirstRunDialog(QDialog):
    """Sets the shop up through ``desk.set_up``. After Accepted, ``owner`` is the new owner.

    Tab moves between fields, Enter creates the shop, Esc quits. GUI thread only.
    """

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.setWindowTitle(self.tr("Welcome to Merchant Desk"))
        self.setMinimumWidth(480)

        intro = QLabel(
            self.tr(
                "Set up your shop. You can change these details later in "
                "Settings. The owner's PIN guards refunds and settings: "
                "keep it to yourself."
            )
        )
        intro.setWordWrap(True)
        self.shop_edit = QLineEdit()
        self.shop_edit.setObjectName("shopName")
        self.shop_edit.setMaxLength(100)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("shopAddress")
        self.address_edit.setMaxLength(200)
        self.owner_edit = QLineEdit()
        self.owner_edit.setObjectName("ownerName")
        self.owner_edit.setMaxLength(50)
        self.pin_edit = _pin_edit()
        self.pin_edit.setObjectName("ownerPin")
        self.pin_again_edit = _pin_edit()
        self.pin_again_edit.setObjectName("ownerPinAgain")
        for edit in (self.shop_edit, self.address_edit, self.owner_edit):
            edit.setProperty("scanExempt", True)

        form = QFormLayout()
        form.addRow(self.tr("Shop name"), self.shop_edit)
        form.addRow(self.tr("Address (optional)"), self.address_edit)
        form.addRow(self.tr("Owner's name"), self.owner_edit)
        form.addRow(self.tr("Owner's PIN (4–8 digits)"), self.pin_edit)
        form.addRow(self.tr("PIN again"), self.pin_again_edit)

        self.error_label = QLabel()
        self.error_label.setObjectName("firstRunError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create the shop"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.shop_edit.setFocus()

    def _refusal(self) -> tuple[str, QLineEdit] | None:
        """The first problem with what was typed, and the field to fix, or ``None``."""
        if not self.shop_edit.text().strip():
            return self.tr("Please enter the shop name."), self.shop_edit
        if not self.owner_edit.text().strip():
            return self.tr("Please enter the owner's name."), self.owner_edit
        pin = self.pin_edit.text()
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            return self.tr("The PIN must be 4 to 8 digits."), self.pin_edit
        if pin != self.pin_again_edit.text():
            return self.tr(
                "The two PINs are not the same. Type the PIN again."
            ), self.pin_again_edit
        return None

    def _try_accept(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            text, field = refusal
            self._show_error(text, field)
            return
        try:
            self.owner = self._desk.set_up(
                shop_name=self.shop_edit.text(),
                owner_name=self.owner_edit.text(),
                owner_pin=self.pin_edit.text(),
                address=self.address_edit.text(),
            )
        except DomainError as exc:
            self._show_error(error_text(exc), self.shop_edit)
            return
        self.accept()

    def _show_error(self, text: str, field: QLineEdit) -> None:
        self.error_label.setText(text)
        if field in (self.pin_edit, self.pin_again_edit):
            self.pin_edit.clear()
            self.pin_again_edit.clear()
            field = self.pin_edit
        field.setFocus()
