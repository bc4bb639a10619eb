"""KPI tiles above the dashboard's charts: a figure and its change against the previous
period of the same length."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.models.analytics import Kpi
from desktop.views.formatting import yuan

UP = "#2E7D32"
DOWN = "#C62828"


def kpi_text(kind: str, value: float | None) -> str:
    """How a KPI's value reads: counts with separators, fen as yuan, rates as percents."""
    if value is None:
        return "—"
    if kind == "fen":
        return yuan(int(value))
    if kind == "rate":
        return f"{value:.1%}"
    return f"{int(value):,}"


class KpiTile(QFrame):
    """Title, value, and "▲ 12.3%" (green) / "▼ 4.0%" (red) against the previous period."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "KpiTile { background: #ffffff; border: 1px solid #dfe3e8; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #5f6b7a; font-size: 9pt;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.change = QLabel("")
        self.change.setStyleSheet("font-size: 9pt;")
        for label in (self.title, self.value, self.change):
            label.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(label)

    def show_kpi(self, kpi: Kpi, previous_text: str) -> None:
        """``previous_text`` is the translated "previous period: %1" with %1 unfilled."""
        self.value.setText(kpi_text(kpi.kind, kpi.value))
        self.setToolTip(previous_text.replace("%1", kpi_text(kpi.kind, kpi.previous)))
        if kpi.change is None:
            self.change.setText("—")
            self.change.setStyleSheet("font-size: 9pt; color: #8a94a3;")
            return
        arrow, colour = ("▲", UP) if kpi.change >= 0 else ("▼", DOWN)
        self.change.setText(f"{arrow} {abs(kpi.change):.1%}")
        self.change.setStyleSheet(f"font-size: 9pt; color: {colour};")
