"""Settings: what staff may refund without the owner, and when an idle counter locks itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.security_settings import AUTO_LOCK_KEY, LIMITS, REFUND_LIMIT_KEY
from desktop.views.formatting import yuan
from desktop.views.messages import error_text
from desktop.views.styles import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor


class SecuritySection(QWidget):
    """The staff refund limit (¥; 0: every refund needs the owner) and the auto-lock minutes
    (0: never). Saved by the owner who unlocked Settings (``owner``); each change audited.

    Public for tests: ``limit_spin``, ``minutes_spin``, ``save_button``, ``status``,
    ``explanation``.
    """

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.limit_spin = QDoubleSpinBox()
        self.limit_spin.setObjectName("refundLimit")
        self.limit_spin.setDecimals(2)
        self.limit_spin.setRange(0, LIMITS[REFUND_LIMIT_KEY][1] / 100)
        self.limit_spin.setSingleStep(10)
        self.limit_spin.setPrefix("¥")
        self.limit_spin.setGroupSeparatorShown(True)
        self.limit_spin.setProperty("scanExempt", True)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("autoLockMinutes")
        self.minutes_spin.setRange(*LIMITS[AUTO_LOCK_KEY])
        self.minutes_spin.setSpecialValueText(self.tr("Never"))
        self.minutes_spin.setSuffix(self.tr(" min"))
        self.minutes_spin.setProperty("scanExempt", True)
        for spin in (self.limit_spin, self.minutes_spin):
            spin.setMaximumWidth(200)
            spin.valueChanged.connect(self._explain)
        self.explanation = QLabel()
        self.explanation.setObjectName("securityExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(
            "background: #eef6f3; border: 1px solid #cfe3dc; padding: 8px; color: #1d2733;"
        )
        self.save_button = QPushButton(self.tr("Save security settings"))
        self.save_button.setObjectName("saveSecurity")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("securityStatus")
        self.status.setWordWrap(True)

        box = QGroupBox(self.tr("Staff and the counter"))
        form = QFormLayout(box)
        form.addRow(self.tr("Staff may refund alone up to"), self.limit_spin)
        form.addRow(self.tr("Lock the counter after (idle)"), self.minutes_spin)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        for widget in (box, self.explanation):
            widget.setMaximumWidth(760)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        layout.addStretch(1)

    def _limit_fen(self) -> int:
        return round(self.limit_spin.value() * 100)

    def reload(self) -> None:
        settings = self._desk.security_settings()
        self.limit_spin.setValue(settings.staff_refund_limit_fen / 100)
        self.minutes_spin.setValue(settings.auto_lock_minutes)
        self.status.clear()
        self._explain()

    def _explain(self) -> None:
        limit = self._limit_fen()
        minutes = self.minutes_spin.value()
        lines = [
            (
                self.tr(
                    "Staff may refund a sale of up to %1; above that the owner's PIN is needed."
                ).replace("%1", yuan(limit))
                if limit
                else self.tr("Every refund needs the owner's PIN.")
            ),
            self.tr(
                "Adjusting points, settings, exports, full phone numbers and restoring a backup "
                "are for the owner only; a staff member's attempt is refused and written to the "
                "audit log."
            ),
            (
                self.tr(
                    "The counter locks after %1 minutes without use; any staff PIN unlocks it "
                    "and signs that person in."
                ).replace("%1", str(minutes))
                if minutes
                else self.tr("The counter never locks by itself.")
            ),
        ]
        self.explanation.setText("\n".join(lines))

    def save(self) -> None:
        if self.owner is None:
            return
        try:
            self._desk.update_security(
                by=self.owner,
                staff_refund_limit_fen=self._limit_fen(),
                auto_lock_minutes=self.minutes_spin.value(),
            )
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_text(exc))
            return
        self.reload()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Saved."))
