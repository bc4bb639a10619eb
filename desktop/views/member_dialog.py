"""Enrolling a member, or editing one: name, phone, birthday and consents.

The dialog calls the model itself, so a refusal (invalid or duplicate phone, name too long, no
membership consent) is shown beside the field and the dialog stays open. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.messages import error_text
from desktop.views.styles import ERROR_STYLE

if TYPE_CHECKING:
    from desktop.models.members import MemberDetails
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

_FIELD_OF_CODE = {
    "name_required": "name",
    "name_too_long": "name",
    "phone_invalid": "phone",
    "phone_duplicate": "phone",
    "birthday_invalid": "birthday",
    "consent_membership_required": "consent",
}


def _error_label(name: str) -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _explained(box: QCheckBox, text: str) -> QWidget:
    """A consent checkbox with one line saying what it means."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 4)
    layout.setSpacing(0)
    note = QLabel(text)
    note.setWordWrap(True)
    note.setStyleSheet("color: #5f6368; margin-left: 22px;")
    layout.addWidget(box)
    layout.addWidget(note)
    return holder


class MemberDialog(QDialog):
    """Enrol (``details`` is None) or edit a member.

    After ``exec()`` returns Accepted, ``member_id`` is the enrolled or edited member.
    Enter submits, Esc cancels.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        actor: Actor | None,
        details: MemberDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._actor = actor
        self._details = details
        self.member_id: int | None = details.id if details else None
        self.setWindowTitle(self.tr("Edit member") if details else self.tr("Enrol member"))
        self.setMinimumWidth(420)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("nameEdit")
        self.name_edit.setMaxLength(200)
        # Chinese names are typed with an input method: keep it on here.
        self.name_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.name_edit.setProperty("scanExempt", True)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phoneEdit")
        self.phone_edit.setMaxLength(20)
        self.phone_edit.setPlaceholderText(self.tr("11-digit mobile number"))
        self.phone_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.phone_edit.setProperty("scanExempt", True)
        self.birthday_box = QCheckBox(self.tr("Known"))
        self.birthday_box.setObjectName("birthdayKnown")
        self.birthday_edit = QDateEdit()
        self.birthday_edit.setObjectName("birthdayEdit")
        self.birthday_edit.setDisplayFormat("yyyy-MM-dd")
        self.birthday_edit.setCalendarPopup(True)
        self.birthday_edit.setDateRange(QDate(1900, 1, 1), QDate.currentDate())
        self.birthday_edit.setDate(QDate(1990, 1, 1))
        self.birthday_edit.setEnabled(False)
        self.birthday_box.toggled.connect(self.birthday_edit.setEnabled)

        self.membership_box = QCheckBox(self.tr("Agrees to the membership terms (required)"))
        self.membership_box.setObjectName("membershipConsent")
        self.marketing_box = QCheckBox(self.tr("Marketing messages"))
        self.marketing_box.setObjectName("marketingConsent")
        self.sharing_box = QCheckBox(self.tr("Share with alliance shops"))
        self.sharing_box.setObjectName("sharingConsent")

        self.name_error = _error_label("nameError")
        self.phone_error = _error_label("phoneError")
        self.birthday_error = _error_label("birthdayError")
        self.consent_error = _error_label("consentError")
        self.general_error = _error_label("generalError")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save") if details else self.tr("Enrol"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()
        if details is not None:
            self._fill(details)
        self.name_edit.setFocus()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Mobile phone"), self.phone_edit)
        form.addRow("", self.phone_error)
        birthday_row = QHBoxLayout()
        birthday_row.addWidget(self.birthday_box)
        birthday_row.addWidget(self.birthday_edit, 1)
        form.addRow(self.tr("Birthday (optional)"), birthday_row)
        form.addRow("", self.birthday_error)
        consents = QVBoxLayout()
        if self._details is None:
            consents.addWidget(
                _explained(
                    self.membership_box,
                    self.tr("Keeps name, phone and purchases to collect and spend points here."),
                )
            )
        else:
            self.membership_box.setChecked(True)
            self.membership_box.hide()
        consents.addWidget(
            _explained(
                self.marketing_box,
                self.tr("May receive offers and birthday greetings; can be withdrawn at any time."),
            )
        )
        consents.addWidget(
            _explained(
                self.sharing_box,
                self.tr("Other shops of the alliance may recognise the member and share points."),
            )
        )
        consents.addWidget(self.consent_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        heading = QLabel(self.tr("Consents"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(consents)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _fill(self, details: MemberDetails) -> None:
        self.name_edit.setText(details.name)
        self.phone_edit.setText(details.phone)
        if details.birthday is not None:
            self.birthday_box.setChecked(True)
            self.birthday_edit.setDate(
                QDate(details.birthday.year, details.birthday.month, details.birthday.day)
            )
        self.marketing_box.setChecked(details.marketing_consent)
        self.sharing_box.setChecked(details.sharing_consent)

    def birthday(self) -> dt.date | None:
        if not self.birthday_box.isChecked():
            return None
        date = self.birthday_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def _clear_errors(self) -> None:
        for label in (
            self.name_error,
            self.phone_error,
            self.birthday_error,
            self.consent_error,
            self.general_error,
        ):
            label.clear()
            label.hide()

    def show_error(self, error: DomainError) -> None:
        """Put the refusal beside the field it is about."""
        labels = {
            "name": self.name_error,
            "phone": self.phone_error,
            "birthday": self.birthday_error,
            "consent": self.consent_error,
        }
        label = labels.get(_FIELD_OF_CODE.get(error.code, ""), self.general_error)
        label.setText(error_text(error))
        label.show()
        focus = {"name": self.name_edit, "phone": self.phone_edit}.get(
            _FIELD_OF_CODE.get(error.code, "")
        )
        if focus is not None:
            focus.setFocus()
            focus.selectAll()

    def submit(self) -> None:
        """Save; on a refusal show why and stay open."""
        self._clear_errors()
        try:
            if self._details is None:
                self._enrol()
            else:
                self._save_edit(self._details)
        except DomainError as exc:
            self.show_error(exc)
            return
        self.accept()

    def _enrol(self) -> None:
        self.member_id = self._desk.enrol_member(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            by=self._actor,
            membership_consent=self.membership_box.isChecked(),
            marketing_consent=self.marketing_box.isChecked(),
            sharing_consent=self.sharing_box.isChecked(),
            birthday=self.birthday(),
        )

    def _save_edit(self, old: MemberDetails) -> None:
        fields: dict[str, object] = {}
        if self.name_edit.text() != old.name:
            fields["name"] = self.name_edit.text()
        # A masked phone (staff view) left as it was is not a new number.
        if self.phone_edit.text().strip() != old.phone:
            fields["phone"] = self.phone_edit.text()
        birthday = self.birthday()
        if birthday != old.birthday:
            if birthday is None:
                fields["clear_birthday"] = True
            else:
                fields["birthday"] = birthday
        if fields:
            self._desk.update_member(member_id=old.id, by=self._actor, **fields)
        for kind, box, before in (
            ("marketing", self.marketing_box, old.marketing_consent),
            ("sharing", self.sharing_box, old.sharing_consent),
        ):
            if box.isChecked() != before:
                self._desk.set_consent(
                    member_id=old.id, kind=kind, granted=box.isChecked(), by=self._actor
                )
