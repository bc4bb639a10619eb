"""Creating or editing a campaign: the form on the left, the coupon it prints on the right.

The preview follows every keystroke. Saving hands the spec to ``save`` (which calls the
model); the model's problems come back and are shown next to their fields. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.campaigns import CampaignSpec
from desktop.models.errors import DomainError
from desktop.views.campaign_form import CampaignForm
from desktop.views.coupon_preview import CouponPreview
from desktop.views.coupon_text import (
    multiplier_text,
    offer_text,
    trigger_text,
    validity_range,
)
from desktop.views.messages import error_text
from desktop.views.textfill import fill


def build_spec(values: dict[str, Any]) -> CampaignSpec:
    """The model's spec from the form's values; ``DomainError("campaign_spec_invalid")``
    with the model's problems when it refuses them."""
    return CampaignSpec(**values).validate()


class CampaignEditor(QDialog):
    """``CampaignEditor(today=…, shop_name=…, save=…, spec=None)``.

    ``save(spec)`` creates or updates the campaign and raises ``DomainError`` to refuse. After
    ``exec()`` returns Accepted, ``spec`` is what was saved.
    """

    def __init__(
        self,
        *,
        today: dt.date,
        shop_name: str,
        save: Callable[[CampaignSpec], object],
        spec: CampaignSpec | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._shop_name = shop_name
        self._save = save
        self._tried = False
        self.spec: CampaignSpec | None = None
        self.setWindowTitle(self.tr("Edit campaign") if spec else self.tr("New campaign"))
        self.resize(1060, 700)

        self.form = CampaignForm(today=today)
        if spec is not None:
            self.form.set_values(spec)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)

        self.preview = CouponPreview()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("campaignSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 13pt; color: #1d2733;")
        self.note_label = QLabel()
        self.note_label.setObjectName("previewNote")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #6b7684;")
        self.problems_label = QLabel()
        self.problems_label.setObjectName("campaignProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #b00020; font-size: 12pt;")
        caption = QLabel(self.tr("The printed coupon"))
        caption.setStyleSheet("font-weight: 600; color: #4a5563;")
        right = QVBoxLayout()
        right.addWidget(caption)
        right.addWidget(self.preview)
        right.addWidget(self.summary_label)
        right.addWidget(self.note_label)
        right.addStretch(1)
        right.addWidget(self.problems_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveCampaign")
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(self.try_save)

        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.form.changed.connect(self._changed)
        self._changed()
        self.form.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the preview --------------------------------------------------------------------
    def _changed(self) -> None:
        values, _problems = self.form.values()
        kind = values["kind"]
        if kind == "points_multiplier":
            self.preview.show_coupon(None)
            self.preview.hide()
            self.note_label.setText(
                self.tr(
                    "Not a coupon: while it runs, every member sale earns points %1 "
                    "(tier multipliers still apply)."
                ).replace("%1", multiplier_text(values["multiplier_tenths"]))
            )
        else:
            self.preview.show()
            self.preview.show_values(values, today=self._today, shop_name=self._shop_name)
            self.note_label.setText(
                self.tr("The code and serial are made when a coupon is issued.")
            )
        self.summary_label.setText(self._summary(values))
        if self._tried:
            self.validate()

    def _summary(self, values: dict[str, Any]) -> str:
        offer = offer_text(
            values["kind"],
            value_fen=values["value_fen"],
            percent=values["percent"],
            cap_fen=values["cap_fen"],
            min_spend_fen=values["min_spend_fen"],
            gift=values["gift"],
            multiplier_tenths=values["multiplier_tenths"],
        )
        if values["valid_days"]:
            validity = self.tr("valid %1 days from issue").replace("%1", str(values["valid_days"]))
        else:
            validity = validity_range(values["valid_from"], values["valid_to"])
        rule = trigger_text(
            values["trigger"],
            days=values["trigger_days"],
            visits=values["trigger_visits"],
            spend_fen=values["trigger_spend_fen"],
        )
        if values["kind"] == "points_multiplier":
            return fill("%1 · %2", offer, validity)
        return fill(self.tr("%1 · %2 · issued: %3"), offer, validity, rule)

    # -- saving -------------------------------------------------------------------------
    def validate(self) -> CampaignSpec | None:
        """Check what is on screen; show the problems by field. The spec when it is valid."""
        values, problems = self.form.values()
        spec: CampaignSpec | None = None
        unplaced: list[str] = []
        if not problems:
            try:
                spec = build_spec(values)
            except DomainError as exc:
                if exc.code != "campaign_spec_invalid":
                    raise
                problems = list(exc.params.get("problems") or [])
        unplaced = self.form.show_problems(problems)
        self.problems_label.setText("\n".join(unplaced))
        return spec if not problems else None

    def try_save(self) -> None:
        self._tried = True
        spec = self.validate()
        if spec is None:
            return
        try:
            self._save(spec)
        except DomainError as exc:
            if exc.code == "campaign_spec_invalid":
                problems = list(exc.params.get("problems") or [])
                self.problems_label.setText("\n".join(self.form.show_problems(problems)))
            else:
                self.problems_label.setText(error_text(exc))
            return
        self.spec = spec
        self.accept()
