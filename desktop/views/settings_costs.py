"""Settings: what one printed coupon costs, so the owner sees the cost of each new member a
flyer campaign brings in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.messages import error_text

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

PRINT_COST_SETTING = "coupon_print_cost_fen"
MAX_PRINT_COST_FEN = 10_000  # ¥100 a coupon is surely a typo


def stored_print_cost(desk: Desk) -> int:
    """The saved cost in fen; 0 when unset or unreadable."""
    value = desk.setting(PRINT_COST_SETTING)
    try:
        fen = int(value or 0)
    except (TypeError, ValueError):
        return 0
    return fen if 0 <= fen <= MAX_PRINT_COST_FEN else 0


class CouponCostSection(QWidget):
    """The cost of printing one coupon (paper, ink, handing out), saved by the owner."""

    def __init__(
        self, desk: Desk, *, owner: Callable[[], Actor | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._owner = owner
        self.cost_spin = QDoubleSpinBox()
        self.cost_spin.setObjectName("printCost")
        self.cost_spin.setDecimals(2)
        self.cost_spin.setRange(0, MAX_PRINT_COST_FEN / 100)
        self.cost_spin.setSingleStep(0.05)
        self.cost_spin.setPrefix("¥")
        self.cost_spin.setMaximumWidth(160)
        self.save_button = QPushButton(self.tr("Save cost"))
        self.save_button.setObjectName("savePrintCost")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel("")
        self.status.setObjectName("printCostStatus")
        self.status.setWordWrap(True)

        box = QGroupBox(self.tr("Printed coupons"))
        form = QFormLayout(box)
        form.addRow(self.tr("Cost of one printed coupon"), self.cost_spin)
        hint = QLabel(
            self.tr(
                "Paper, printing and handing out. Used to show what each new member brought in "
                "by a flyer campaign cost."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        form.addRow("", row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

    def reload(self) -> None:
        self.cost_spin.setValue(stored_print_cost(self._desk) / 100)
        self.status.clear()

    def save(self) -> None:
        owner = self._owner()
        if owner is None:
            return
        fen = round(self.cost_spin.value() * 100)
        try:
            self._desk.set_setting(PRINT_COST_SETTING, fen, by=owner)
        except DomainError as exc:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(error_text(exc))
            return
        self.status.setStyleSheet("color: #0b6e4f;")
        self.status.setText(self.tr("Saved."))
