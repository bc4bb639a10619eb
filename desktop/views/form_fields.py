"""Form fields that carry their own message underneath (a problem shown next to its field)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_of(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


class FieldsWithErrors(QWidget):
    """Keeps ``inputs`` (name → widget) and ``errors`` (name → its message label), and builds
    rows of them with ``_with_error``. GUI thread only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def _line(self, name: str, *, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        edit.setProperty("scanExempt", True)
        self.inputs[name] = edit
        return edit

    def _money(self, name: str) -> QLineEdit:
        edit = self._line(name, max_length=12)
        edit.setPlaceholderText(self.tr("e.g. 10.00"))
        edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        return edit

    def _spin(
        self, name: str, low: int, high: int, *, value: int = 0, suffix: str = "", single_step=1
    ) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(max(value, low))
        spin.setSuffix(suffix)
        spin.setSingleStep(single_step)
        self.inputs[name] = spin
        return spin

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(qdate(day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        self.inputs[name] = edit
        return edit

    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"{name}Error")
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        label.hide()
        return label

    def _with_error(self, *names: str, extra: QWidget | None = None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        for name in names:
            row.addWidget(self.inputs[name], 1 if isinstance(self.inputs[name], QLineEdit) else 0)
        if extra is not None:
            row.addWidget(extra)
        row.addStretch(0 if any(isinstance(self.inputs[n], QLineEdit) for n in names) else 1)
        column.addLayout(row)
        for name in names:
            column.addWidget(self.errors[name])
        return box
