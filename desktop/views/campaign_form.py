"""The fields of a campaign, one form for every kind, with a message under each field.

``CampaignForm.values()`` returns the spec's fields as a dict (the keys of
``CampaignSpec``), or the problems found while reading the typed text (money that is not an
amount). ``show_problems`` puts the model's problems next to their fields. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.coupon_text import KINDS, TRIGGERS, kind_name, trigger_name
from desktop.views.form_fields import FieldsWithErrors, day_of, qdate
from desktop.views.formatting import parse_yuan
from desktop.views.messages import problem_text, reason_text

MONEY_FIELDS = ("value_fen", "cap_fen", "min_spend_fen", "trigger_spend_fen")
# The model may name a field by its JSON key; these are the form's names for them.
FIELD_ALIASES = {
    "multiplier": "multiplier_tenths",
    "value": "value_fen",
    "cap": "cap_fen",
    "min_spend": "min_spend_fen",
    "trigger_spend": "trigger_spend_fen",
    "validity": "valid_days",
}


class CampaignForm(FieldsWithErrors):
    """Name, kind and its numbers, validity, limits, scope, holdout, terms and the rule."""

    changed = Signal()

    def __init__(self, *, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today

        self.name_edit = self._line("name", max_length=40)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindCombo")
        for kind in KINDS:
            self.kind_combo.addItem(kind_name(kind), kind)
        self.inputs["kind"] = self.kind_combo

        self.value_edit = self._money("value_fen")
        self.percent_spin = self._spin("percent", 1, 100, value=10, suffix=" %")
        self.cap_edit = self._money("cap_fen")
        self.cap_edit.setPlaceholderText(self.tr("0 = no cap"))
        self.min_spend_edit = self._money("min_spend_fen")
        self.gift_edit = self._line("gift", max_length=40)
        self.multiplier_spin = QDoubleSpinBox()
        self.multiplier_spin.setRange(1.1, 10.0)
        self.multiplier_spin.setDecimals(1)
        self.multiplier_spin.setSingleStep(0.5)
        self.multiplier_spin.setValue(2.0)
        self.multiplier_spin.setPrefix("× ")
        self.inputs["multiplier_tenths"] = self.multiplier_spin

        self.fixed_radio = QRadioButton(self.tr("Fixed dates"))
        self.fixed_radio.setObjectName("fixedDates")
        self.days_radio = QRadioButton(self.tr("Days from issue"))
        self.days_radio.setObjectName("daysFromIssue")
        self.from_edit = self._date_edit("valid_from", today)
        self.to_edit = self._date_edit("valid_to", today + dt.timedelta(days=30))
        self.days_spin = self._spin("valid_days", 1, 3650, value=30)
        self.fixed_radio.setChecked(True)

        self.quota_spin = self._spin("quota", 0, 1_000_000)
        self.quota_spin.setSpecialValueText(self.tr("No limit"))
        self.limit_spin = self._spin("per_member_limit", 1, 99, value=1)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("scopeCombo")
        self.scope_combo.addItem(self.tr("This shop"), "shop")
        self.scope_combo.addItem(self.tr("The whole alliance"), "alliance")
        self.inputs["scope"] = self.scope_combo
        self.offline_check = QCheckBox(self.tr("Can be used while offline"))
        self.offline_check.setObjectName("offlineCheck")
        self.offline_check.setChecked(True)
        self.inputs["offline_redeemable"] = self.offline_check
        self.holdout_spin = self._spin("holdout_pct", 0, 50, suffix=" %")
        self.terms_edit = QPlainTextEdit()
        self.terms_edit.setObjectName("termsEdit")
        self.terms_edit.setFixedHeight(54)
        self.terms_edit.setPlaceholderText(self.tr("Small print on the coupon"))
        self.inputs["terms"] = self.terms_edit

        self.trigger_combo = QComboBox()
        self.trigger_combo.setObjectName("triggerCombo")
        for trigger in TRIGGERS:
            self.trigger_combo.addItem(trigger_name(trigger), trigger)
        self.inputs["trigger"] = self.trigger_combo
        self.trigger_days_spin = self._spin("trigger_days", 1, 3650, value=60)
        self.trigger_visits_spin = self._spin("trigger_visits", 2, 100, value=10)
        self.trigger_spend_edit = self._money("trigger_spend_fen")

        for name, widget in self.inputs.items():
            widget.setObjectName(widget.objectName() or f"{name}Input")
            self.errors[name] = self._error_label(name)
        self._build()
        self._connect()
        self._kind_changed()

    def _build(self) -> None:
        self.trigger_params = QStackedWidget()
        self.trigger_params.setObjectName("triggerParams")
        self.trigger_params.addWidget(QWidget())
        for name, caption in (
            ("trigger_days", self.tr("days without a visit")),
            ("trigger_visits", self.tr("visits per coupon")),
            ("trigger_spend_fen", self.tr("¥ or more in one sale")),
        ):
            self.trigger_params.addWidget(self._with_error(name, extra=QLabel(caption)))

        validity = QWidget()
        column = QVBoxLayout(validity)
        column.setContentsMargins(0, 0, 0, 0)
        fixed = QHBoxLayout()
        fixed.addWidget(self.fixed_radio)
        fixed.addWidget(self._with_error("valid_from"))
        fixed.addWidget(QLabel("—"))
        fixed.addWidget(self._with_error("valid_to"))
        fixed.addStretch(1)
        days = QHBoxLayout()
        days.addWidget(self.days_radio)
        days.addWidget(self._with_error("valid_days"))
        days.addStretch(1)
        column.addLayout(fixed)
        column.addLayout(days)

        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[str, QWidget] = {}
        for name, caption in (
            ("name", self.tr("Name")),
            ("kind", self.tr("Kind")),
            ("value_fen", ""),
            ("percent", self.tr("Percent off")),
            ("cap_fen", self.tr("At most (¥)")),
            ("gift", self.tr("Gift")),
            ("multiplier_tenths", self.tr("Points multiplier")),
            ("min_spend_fen", ""),
        ):
            self.rows[name] = self._with_error(name)
            form.addRow(caption, self.rows[name])
        self.rows["valid"] = validity
        form.addRow(self.tr("Valid"), validity)
        for name, caption, extra in (
            ("quota", self.tr("Quota"), None),
            ("per_member_limit", self.tr("Per member"), None),
            ("scope", self.tr("Scope"), self.offline_check),
            ("holdout_pct", self.tr("Held out"), None),
            ("terms", self.tr("Terms"), None),
            ("trigger", self.tr("Automatic"), self.trigger_params),
        ):
            self.rows[name] = self._with_error(name, extra=extra)
            form.addRow(caption, self.rows[name])

    def _connect(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.changed)
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                widget.valueChanged.connect(self.changed)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.trigger_combo.currentIndexChanged.connect(self._trigger_changed)
        self.fixed_radio.toggled.connect(self._validity_changed)
        self.fixed_radio.toggled.connect(self.changed)

    # -- reacting -----------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind
        visible = {
            "value_fen": kind in ("amount_off", "spend_save"),
            "percent": kind == "percent_off",
            "cap_fen": kind == "percent_off",
            "gift": kind == "gift",
            "multiplier_tenths": kind == "points_multiplier",
            "min_spend_fen": kind != "points_multiplier",
        }
        coupon = kind != "points_multiplier"
        for name in ("quota", "per_member_limit", "holdout_pct", "terms", "trigger"):
            visible[name] = coupon
        for name, shown in visible.items():
            self._form.setRowVisible(self.rows[name], shown)
        captions = {
            "value_fen": self.tr("Save (¥)") if kind == "spend_save" else self.tr("Amount off (¥)"),
            "min_spend_fen": self.tr("When the bill is at least (¥)")
            if kind == "spend_save"
            else self.tr("Least bill (¥)"),
        }
        for name, caption in captions.items():
            label = self._form.labelForField(self.rows[name])
            if isinstance(label, QLabel):
                label.setText(caption)
        self._trigger_changed()
        self._validity_changed()

    def _trigger_changed(self) -> None:
        trigger = self.trigger_combo.currentData()
        index = {"winback": 1, "nth_visit": 2, "spend_over": 3}.get(trigger, 0)
        self.trigger_params.setCurrentIndex(index if self.kind != "points_multiplier" else 0)

    def _validity_changed(self) -> None:
        fixed = self.fixed_radio.isChecked() or self.kind == "points_multiplier"
        self.days_radio.setEnabled(self.kind != "points_multiplier")
        if self.kind == "points_multiplier" and not self.fixed_radio.isChecked():
            self.fixed_radio.setChecked(True)
        self.from_edit.setEnabled(fixed)
        self.to_edit.setEnabled(fixed)
        self.days_spin.setEnabled(not fixed)

    # -- values -------------------------------------------------------------------------
    def values(self) -> tuple[dict[str, Any], list[dict[str, str]]]:
        """The spec's fields from what is on screen, and problems with text that is no amount."""
        problems: list[dict[str, str]] = []

        def money(name: str, edit: QLineEdit) -> int:
            text = edit.text().strip()
            if not text:
                return 0
            fen = parse_yuan(text)
            if fen is None:
                problems.append({"field": name, "reason": "not_money"})
                return 0
            return fen

        kind = self.kind
        trigger = self.trigger_combo.currentData() if kind != "points_multiplier" else None
        fixed = self.fixed_radio.isChecked()
        values: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "kind": kind,
            "value_fen": money("value_fen", self.value_edit)
            if kind in ("amount_off", "spend_save")
            else 0,
            "percent": self.percent_spin.value() if kind == "percent_off" else 0,
            "cap_fen": money("cap_fen", self.cap_edit) if kind == "percent_off" else 0,
            "min_spend_fen": money("min_spend_fen", self.min_spend_edit)
            if kind != "points_multiplier"
            else 0,
            "gift": self.gift_edit.text().strip() if kind == "gift" else "",
            "multiplier_tenths": round(self.multiplier_spin.value() * 10)
            if kind == "points_multiplier"
            else 10,
            "valid_from": day_of(self.from_edit) if fixed else None,
            "valid_to": day_of(self.to_edit) if fixed else None,
            "valid_days": None if fixed else self.days_spin.value(),
            "quota": self.quota_spin.value() or None,
            "per_member_limit": self.limit_spin.value(),
            "scope": self.scope_combo.currentData(),
            "offline_redeemable": self.offline_check.isChecked(),
            "holdout_pct": self.holdout_spin.value() if kind != "points_multiplier" else 0,
            "terms": self.terms_edit.toPlainText().strip(),
            "trigger": trigger,
            "trigger_days": self.trigger_days_spin.value() if trigger == "winback" else 0,
            "trigger_visits": self.trigger_visits_spin.value() if trigger == "nth_visit" else 0,
            "trigger_spend_fen": money("trigger_spend_fen", self.trigger_spend_edit)
            if trigger == "spend_over"
            else 0,
        }
        return values, problems

    def set_values(self, spec: Any) -> None:
        """Fill the form from a ``CampaignSpec`` (editing)."""

        def money(edit: QLineEdit, fen: int) -> None:
            edit.setText(f"{fen // 100}.{fen % 100:02d}" if fen else "")

        self.name_edit.setText(spec.name)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(spec.kind), 0))
        money(self.value_edit, spec.value_fen)
        self.percent_spin.setValue(spec.percent or 10)
        money(self.cap_edit, spec.cap_fen)
        money(self.min_spend_edit, spec.min_spend_fen)
        self.gift_edit.setText(spec.gift)
        self.multiplier_spin.setValue(spec.multiplier_tenths / 10)
        if spec.valid_days:
            self.days_radio.setChecked(True)
            self.days_spin.setValue(spec.valid_days)
        else:
            self.fixed_radio.setChecked(True)
        if spec.valid_from:
            self.from_edit.setDate(qdate(spec.valid_from))
        if spec.valid_to:
            self.to_edit.setDate(qdate(spec.valid_to))
        self.quota_spin.setValue(spec.quota or 0)
        self.limit_spin.setValue(spec.per_member_limit)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(spec.scope), 0))
        self.offline_check.setChecked(spec.offline_redeemable)
        self.holdout_spin.setValue(spec.holdout_pct)
        self.terms_edit.setPlainText(spec.terms)
        self.trigger_combo.setCurrentIndex(max(self.trigger_combo.findData(spec.trigger), 0))
        self.trigger_days_spin.setValue(spec.trigger_days or 60)
        self.trigger_visits_spin.setValue(spec.trigger_visits or 10)
        money(self.trigger_spend_edit, spec.trigger_spend_fen)

    # -- problems -----------------------------------------------------------------------
    def show_problems(self, problems: list[dict[str, Any]]) -> list[str]:
        """Show each problem under its field; return the messages no field could take."""
        for label in self.errors.values():
            label.clear()
            label.hide()
        unplaced: list[str] = []
        first: QWidget | None = None
        for problem in problems:
            field = str(problem.get("field", ""))
            field = FIELD_ALIASES.get(field, field)
            label = self.errors.get(field)
            if label is None or not self.inputs[field].isVisibleTo(self):
                unplaced.append(problem_text(problem))
                continue
            text = reason_text(str(problem.get("reason", "")))
            label.setText(f"{label.text()}  {text}".strip() if label.text() else text)
            label.show()
            first = first or self.inputs[field]
        if first is not None:
            first.setFocus()
        return unplaced

    def problems_shown(self) -> dict[str, str]:
        """Field → message currently shown (for tests and the editor)."""
        return {name: label.text() for name, label in self.errors.items() if label.text()}
