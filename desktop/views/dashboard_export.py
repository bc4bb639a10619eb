"""What to export from the dashboard: the weekly report workbook of the period shown, or all
members, the points ledger, coupons or check-ins, with phone numbers masked unless the owner
unlocks them (then the export is written to the audit log as unmasked)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.textfill import fill

WEEKLY = "weekly"


class ExportDialog(QDialog):
    """``ExportDialog(first, last, parent)``; after Accepted, ``kind`` (``"weekly"`` or a
    record kind) and ``unmask`` (full phone numbers asked for). GUI thread only.

    Public for tests: ``kind_buttons`` (kind → radio button), ``unmask_check``,
    ``export_button``.
    """

    def __init__(self, first: dt.date, last: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(480)
        texts = {
            WEEKLY: fill(
                self.tr("Weekly report workbook (%1 to %2)"), first.isoformat(), last.isoformat()
            ),
            "members": self.tr("All members"),
            "ledger": self.tr("Points ledger (every entry)"),
            "coupons": self.tr("Coupons"),
            "checkins": self.tr("Check-ins"),
        }
        self.kind_buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What to export (an Excel workbook, .xlsx):")))
        for kind, text in texts.items():
            button = QRadioButton(text)
            button.setObjectName(f"export_{kind}")
            group.addButton(button)
            self.kind_buttons[kind] = button
            layout.addWidget(button)
            button.toggled.connect(self._kind_changed)
        self.unmask_check = QCheckBox(self.tr("Full phone numbers (needs the owner's PIN)"))
        self.unmask_check.setObjectName("unmaskPhones")
        self.note = QLabel()
        self.note.setObjectName("exportNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #6b7684;")
        self.unmask_check.toggled.connect(self._kind_changed)
        layout.addSpacing(6)
        layout.addWidget(self.unmask_check)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportChosen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind_buttons[WEEKLY].setChecked(True)

    @property
    def kind(self) -> str:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    @property
    def unmask(self) -> bool:
        return self.kind != WEEKLY and self.unmask_check.isChecked()

    def _kind_changed(self) -> None:
        records = self.kind != WEEKLY
        self.unmask_check.setEnabled(records)
        if not records:
            self.note.setText(self.tr("The report holds figures only, no phone numbers."))
        elif self.unmask_check.isChecked():
            self.note.setText(
                self.tr(
                    "Full phone numbers are personal data: keep the file safe. The export "
                    "is written to the audit log with your name."
                )
            )
        else:
            self.note.setText(self.tr("Phone numbers are masked, like 138****1234."))
