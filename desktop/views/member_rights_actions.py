"""A member's data rights from the details pane: export everything held about them, or erase
them. Both need the owner's PIN; a staff member's PIN is refused by the desk (and audited).

GUI thread only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.messages import error_text
from desktop.views.pin_dialog import PinDialog

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor
    from desktop.views.member_details_pane import MemberDetailsPane


class EraseDialog(QDialog):
    """Says what erasing removes and what it keeps; the Erase button works only once the
    owner ticks that they understand it cannot be undone."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase member"))
        title = QLabel(self.tr("Erase %1 for good?").replace("%1", name))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        removed = QLabel(
            self.tr(
                "Removed: the name, phone number, birthday and note, and notes typed on the "
                "member's records. Every consent is withdrawn and the member card stops "
                "working at once."
            )
        )
        kept = QLabel(
            self.tr(
                "Kept, with no name or phone: points entries, sales, visits and coupons, so "
                "the books and reports still add up. Remaining points are not used and lapse "
                "when they expire."
            )
        )
        for label in (removed, kept):
            label.setWordWrap(True)
        removed.setObjectName("eraseRemoved")
        kept.setObjectName("eraseKept")
        self.understood_box = QCheckBox(
            self.tr(
                "I understand that this cannot be undone (export the data first if the "
                "member wants a copy)."
            )
        )
        self.understood_box.setObjectName("eraseUnderstood")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            self.tr("Erase member"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.setObjectName("eraseConfirm")
        self.erase_button.setEnabled(False)
        self.erase_button.setStyleSheet("color: #b00020; font-weight: 600;")
        self.understood_box.toggled.connect(self.erase_button.setEnabled)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, removed, kept, self.understood_box, self.buttons):
            layout.addWidget(widget)


class MemberRightsActions(QObject):
    """The pane's "Export member data…" and "Erase member…" actions."""

    def __init__(self, desk: Desk, pane: MemberDetailsPane) -> None:
        super().__init__(pane)
        self._desk = desk
        self._pane = pane

    def _ask_pin(self, reason: str) -> Actor | None:
        """Anyone's PIN: the desk itself refuses a staff member, and audits the attempt."""
        dialog = PinDialog(self._desk, owner_only=False, reason=reason, parent=self._pane)
        dialog.setWindowTitle(self.tr("Owner PIN"))
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _error(self, error: DomainError) -> str:
        if error.code == "already_erased":
            return self.tr("This member has already been erased.")
        return error_text(error)

    def export_data(self) -> None:
        member_id = self._pane.member_id
        if member_id is None:
            return
        actor = self._ask_pin(self.tr("Exporting a member's data needs the owner's PIN."))
        if actor is None:
            return
        default = f"member-{member_id}.xlsx"
        path = default
        if actor.is_owner:
            xlsx, json_filter = self.tr("Excel workbook (*.xlsx)"), self.tr("JSON file (*.json)")
            path, chosen = QFileDialog.getSaveFileName(
                self._pane, self.tr("Export member data"), default, f"{xlsx};;{json_filter}"
            )
            if not path:
                return
            if not Path(path).suffix:
                path += ".json" if chosen == json_filter else ".xlsx"
        # Not the owner: the desk refuses (and audits) before anything is written.
        fmt = "json" if Path(path).suffix.lower() == ".json" else "xlsx"
        try:
            self._desk.export_member_data(member_id, path, fmt, by=actor)
        except DomainError as exc:
            self._pane.say(self._error(exc), error=True)
            return
        except OSError as exc:
            self._pane.say(
                self.tr("The file could not be written: %1").replace("%1", str(exc)), error=True
            )
            return
        self._pane.say(self.tr("Member data saved to %1").replace("%1", path))

    def erase(self) -> None:
        member_id = self._pane.member_id
        if member_id is None:
            return
        dialog = EraseDialog(self._pane.name_label.text(), self._pane)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        actor = self._ask_pin(self.tr("Erasing a member needs the owner's PIN."))
        if actor is None:
            return
        try:
            self._desk.erase_member(member_id, by=actor)
        except DomainError as exc:
            self._pane.say(self._error(exc), error=True)
            return
        self._pane.show_member(None)
        self._pane.empty_label.setText(
            self.tr(
                "Member erased. The name, phone and consents were removed; the points "
                "entries and sales stay on the books without them."
            )
        )
        self._pane.member_changed.emit(member_id)
