"""Settings: the points rule, with a plain sentence saying what the numbers mean."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.formatting import parse_yuan, yuan
from desktop.views.messages import error_text
from desktop.views.styles import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.shop import Rule
    from desktop.models.staff import Actor

YUAN_FIELDS = ("fen_per_point", "silver_threshold_fen", "gold_threshold_fen")
# field: (minimum, maximum) of its spin box, as the model allows
NUMBER_FIELDS: dict[str, tuple[int, int]] = {
    "silver_multiplier_pct": (100, 1_000),
    "gold_multiplier_pct": (100, 1_000),
    "expiry_months": (1, 120),
    "point_value_fen": (1, 10_000),
    "earn_pin_limit": (1, 10_000_000),
    "checkin_points": (0, 10_000),
}


def _plain_yuan(fen: int) -> str:
    """1234 → "12.34" (what the amount fields show and accept back)."""
    return yuan(fen).replace("¥", "").replace(",", "")


def _short_yuan(fen: int) -> str:
    """Whole yuan without cents: 100 → "¥1", 200000 → "¥2,000", 50 → "¥0.50"."""
    return yuan(fen)[:-3] if fen % 100 == 0 else yuan(fen)


class PointsRuleSection(QWidget):
    """Edit the rule in force; saving puts a new rule version in force (owner only)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self._rule: Rule | None = None
        self.labels = {
            "fen_per_point": self.tr("Spend for 1 point (¥)"),
            "silver_threshold_fen": self.tr("Silver from (¥ spent in 12 months)"),
            "silver_multiplier_pct": self.tr("Silver members earn (%)"),
            "gold_threshold_fen": self.tr("Gold from (¥ spent in 12 months)"),
            "gold_multiplier_pct": self.tr("Gold members earn (%)"),
            "expiry_months": self.tr("Points expire after (months)"),
            "point_value_fen": self.tr("Value of 1 point (fen)"),
            "earn_pin_limit": self.tr("Owner PIN above (points in one sale)"),
            "checkin_points": self.tr("Points for a check-in"),
        }
        self.yuan_edits: dict[str, QLineEdit] = {}
        for field in YUAN_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setProperty("scanExempt", True)
            edit.textChanged.connect(self._explain)
            self.yuan_edits[field] = edit
        self.spins: dict[str, QSpinBox] = {}
        for field, (low, high) in NUMBER_FIELDS.items():
            spin = QSpinBox()
            spin.setObjectName(field)
            spin.setRange(low, high)
            spin.setGroupSeparatorShown(True)
            spin.valueChanged.connect(self._explain)
            self.spins[field] = spin
        self.explanation = QLabel()
        self.explanation.setObjectName("ruleExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet(
            "background: #eef6f3; border: 1px solid #cfe3dc; padding: 8px; color: #1d2733;"
        )
        self.save_button = QPushButton(self.tr("Save points rule"))
        self.save_button.setObjectName("saveRule")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("ruleStatus")
        self.status.setWordWrap(True)

        box = QGroupBox(self.tr("Points rule"))
        form = QFormLayout(box)
        for field in (
            "fen_per_point",
            "silver_threshold_fen",
            "silver_multiplier_pct",
            "gold_threshold_fen",
            "gold_multiplier_pct",
            "expiry_months",
            "point_value_fen",
            "earn_pin_limit",
            "checkin_points",
        ):
            widget = self.yuan_edits.get(field) or self.spins[field]
            widget.setMaximumWidth(200)
            form.addRow(self.labels[field], widget)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        note = QLabel(
            self.tr(
                "A change applies to sales from now on; points already earned "
                "keep the rule they were earned under."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        self.explanation.setMaximumWidth(760)
        note.setMaximumWidth(760)
        box.setMaximumWidth(760)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.explanation)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addStretch(1)

    def reload(self) -> None:
        self._rule = self._desk.rule()
        for field, edit in self.yuan_edits.items():
            edit.setText(_plain_yuan(getattr(self._rule, field)))
        for field, spin in self.spins.items():
            spin.setValue(getattr(self._rule, field))
        self.status.clear()
        self._explain()

    def values(self) -> dict[str, int] | None:
        """The numbers on screen, or None (with a message) when an amount is not one."""
        values: dict[str, int] = {}
        for field, edit in self.yuan_edits.items():
            fen = parse_yuan(edit.text())
            if fen is None:
                self._error(
                    self.tr("%1: enter an amount in yuan, such as 1 or 0.50.").replace(
                        "%1", self.labels[field]
                    )
                )
                edit.setFocus()
                return None
            values[field] = fen
        for field, spin in self.spins.items():
            values[field] = spin.value()
        return values

    def _explain(self) -> None:
        amounts = {f: parse_yuan(e.text()) for f, e in self.yuan_edits.items()}
        if any(v is None for v in amounts.values()):
            self.explanation.setText(self.tr("Enter amounts in yuan, such as 1 or 0.50."))
            return
        n = {f: s.value() for f, s in self.spins.items()}
        value_of_100 = _short_yuan(100 * n["point_value_fen"])
        text = [
            self.tr("Customers earn 1 point per %1 spent.").replace(
                "%1", _short_yuan(amounts["fen_per_point"] or 0)
            ),
            self.tr(
                "Silver members (%1 or more in the last 12 months) earn %2%, gold members "
                "(%3 or more) earn %4%."
            )
            .replace("%1", _short_yuan(amounts["silver_threshold_fen"] or 0))
            .replace("%2", str(n["silver_multiplier_pct"]))
            .replace("%3", _short_yuan(amounts["gold_threshold_fen"] or 0))
            .replace("%4", str(n["gold_multiplier_pct"])),
            self.tr("Points expire %1 months after they are earned.").replace(
                "%1", str(n["expiry_months"])
            ),
            self.tr("100 points are worth %1 off.").replace("%1", value_of_100),
            self.tr("Earning more than %1 points in one sale needs the owner's PIN.").replace(
                "%1", f"{n['earn_pin_limit']:,}"
            ),
            (
                self.tr("A check-in earns %1 points.").replace("%1", str(n["checkin_points"]))
                if n["checkin_points"]
                else self.tr("Check-ins earn no points.")
            ),
        ]
        self.explanation.setText(
            "\n".join(text)
        )  # one sentence a line reads well in both languages

    def _error(self, text: str) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(text)

    def save(self) -> None:
        if self.owner is None or self._rule is None:
            return
        values = self.values()
        if values is None:
            return
        changes = {k: v for k, v in values.items() if getattr(self._rule, k) != v}
        if not changes:
            self.status.setStyleSheet(OK_STYLE)
            self.status.setText(self.tr("Nothing changed."))
            return
        try:
            rule = self._desk.update_rule(by=self.owner, **changes)
        except DomainError as exc:
            self._error(self._refusal(exc))
            return
        self.reload()
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(
            self.tr("Saved: rule version %1 is in force from now on.").replace(
                "%1", str(rule.version)
            )
        )

    def _refusal(self, error: DomainError) -> str:
        field = error.params.get("field")
        if error.code != "rule_value_invalid" or field not in self.labels:
            return error_text(error)
        low, high = error.params.get("min", 0), error.params.get("max", 0)
        if field in YUAN_FIELDS:
            low, high = yuan(low), yuan(high)
        return (
            self.tr("%1 must be between %2 and %3.")
            .replace("%1", self.labels[field])
            .replace("%2", str(low))
            .replace("%3", str(high))
        )
