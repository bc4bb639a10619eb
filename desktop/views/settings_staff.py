"""Settings: staff accounts (add, change PIN, deactivate)."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.messages import error_text
from desktop.views.staff_dialog import StaffPinDialog

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor, StaffInfo


class StaffTable(QTableWidget):
    """Active staff accounts. ``update()`` reloads and rebuilds."""

    class Columns(enum.IntEnum):
        NAME = 0
        ROLE = 1

    def __init__(self, desk: Desk) -> None:
        super().__init__(0, len(self.Columns))
        self._desk = desk
        self.setObjectName("staffTable")
        self.staff: list[StaffInfo] = []
        headers = {self.Columns.NAME: self.tr("Name"), self.Columns.ROLE: self.tr("Role")}
        self.setHorizontalHeaderLabels([headers[c] for c in self.Columns])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(
            self.Columns.NAME, QHeaderView.ResizeMode.Stretch
        )

    def update(self) -> None:
        self.staff = self._desk.staff_list()
        self.setRowCount(0)
        self.setRowCount(len(self.staff))
        for row, person in enumerate(self.staff):
            role = self.tr("Owner") if person.role == "owner" else self.tr("Staff")
            self.setItem(row, self.Columns.NAME, QTableWidgetItem(person.name))
            self.setItem(row, self.Columns.ROLE, QTableWidgetItem(role))

    def selected(self) -> StaffInfo | None:
        rows = self.selectionModel().selectedRows()
        return self.staff[rows[0].row()] if rows else None


class StaffSection(QWidget):
    """The staff list with its actions; every change is made as ``owner``."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.table = StaffTable(desk)
        self.add_button = QPushButton(self.tr("Add staff…"))
        self.add_button.setObjectName("addStaff")
        self.pin_button = QPushButton(self.tr("Change PIN…"))
        self.pin_button.setObjectName("changePin")
        self.deactivate_button = QPushButton(self.tr("Deactivate…"))
        self.deactivate_button.setObjectName("deactivateStaff")
        self.status = QLabel()
        self.status.setObjectName("staffStatus")
        self.status.setWordWrap(True)
        self.add_button.clicked.connect(self.add_staff)
        self.pin_button.clicked.connect(self.change_pin)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.table.itemSelectionChanged.connect(self._enable)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.pin_button, self.deactivate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Each person signs in with their own PIN, so the log shows who "
                "did what. A deactivated account can no longer sign in."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(hint)
        self._enable()

    def reload(self) -> None:
        self.table.update()
        self.status.clear()
        self._enable()

    def _enable(self) -> None:
        chosen = self.table.selected() is not None
        self.pin_button.setEnabled(chosen)
        self.deactivate_button.setEnabled(chosen)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "color: #0b6e4f;")
        self.status.setText(text)

    def add_staff(self) -> None:
        if self.owner is None:
            return
        dialog = StaffPinDialog(self._desk, owner=self.owner, parent=self)
        if dialog.exec() == StaffPinDialog.DialogCode.Accepted:
            self.reload()
            self._say(
                self.tr("%1 can now sign in with their PIN.").replace(
                    "%1", dialog.name_edit.text().strip()
                )
            )

    def change_pin(self) -> None:
        person = self.table.selected()
        if self.owner is None or person is None:
            return
        dialog = StaffPinDialog(self._desk, owner=self.owner, staff=person, parent=self)
        if dialog.exec() == StaffPinDialog.DialogCode.Accepted:
            self._say(self.tr("The PIN of %1 was changed.").replace("%1", person.name))

    def deactivate(self) -> None:
        person = self.table.selected()
        if self.owner is None or person is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Deactivate staff"),
            self.tr("Deactivate %1? They will no longer be able to sign in.").replace(
                "%1", person.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._desk.deactivate_staff(staff_id=person.id, by=self.owner)
        except DomainError as exc:
            self._say(error_text(exc), error=True)
            return
        self.reload()
        self._say(self.tr("%1 was deactivated.").replace("%1", person.name))
