"""Beside the campaigns table: the chosen campaign's coupon as it prints, and its rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.views.campaign_results_text import results_text
from desktop.views.coupon_preview import CouponPreview
from desktop.views.coupon_text import (
    campaign_state_name,
    min_spend_note,
    multiplier_text,
    spec_offer,
    spec_validity,
    trigger_text,
)
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.analytics import CampaignResult
    from desktop.models.campaigns import Campaign


class CampaignDetails(QFrame):
    """``show_campaign(campaign, today=…, shop_name=…)``; ``clear()`` when nothing is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignDetails")
        self.setStyleSheet(
            "#campaignDetails { background: #ffffff; border: 1px solid #d5dae1;"
            " border-radius: 8px; } #campaignDetails QLabel { background: transparent; }"
        )
        self.title_label = QLabel()
        self.title_label.setObjectName("detailsTitle")
        self.title_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title_label.setWordWrap(True)
        self.preview = CouponPreview()
        self.facts_label = QLabel()
        self.facts_label.setObjectName("detailsFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.facts_label.setStyleSheet("font-size: 12pt; color: #1d2733;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.preview)
        layout.addWidget(self.facts_label)
        self.results_title = QLabel(self.tr("Results so far"))
        self.results_title.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 6px;")
        self.results_label = QLabel()
        self.results_label.setObjectName("detailsResults")
        self.results_label.setWordWrap(True)
        self.results_label.setTextFormat(Qt.TextFormat.PlainText)
        self.results_label.setStyleSheet("font-size: 11pt; color: #1d2733;")
        layout.addWidget(self.results_title)
        layout.addWidget(self.results_label)
        layout.addStretch(1)
        self.clear()

    def clear(self) -> None:
        self.title_label.setText(self.tr("Choose a campaign to see its coupon."))
        self.preview.hide()
        self.facts_label.clear()
        self.show_results(None)

    def show_results(self, result: CampaignResult | None) -> None:
        """Redemption, sales, uplift and cost per new member; hidden when there are none."""
        self.results_title.setVisible(result is not None)
        self.results_label.setVisible(result is not None)
        self.results_label.setText(results_text(result) if result is not None else "")

    def show_campaign(self, campaign: Campaign, *, today: dt.date, shop_name: str) -> None:
        spec = campaign.spec
        self.title_label.setText(fill("%1 · %2", spec.name, campaign_state_name(campaign.state)))
        lines = [spec_offer(spec)]
        if spec.kind == "points_multiplier":
            self.preview.hide()
            lines.append(
                self.tr("Every member sale earns points %1 while it runs.").replace(
                    "%1", multiplier_text(spec.multiplier_tenths)
                )
            )
            lines.append(spec_validity(spec))
        else:
            self.preview.show_values(dataclasses.asdict(spec), today=today, shop_name=shop_name)
            self.preview.show()
            lines += [
                min_spend_note(spec.kind, spec.min_spend_fen),
                spec_validity(spec),
                fill(
                    self.tr("Issued: %1 · at most %2 per member"),
                    trigger_text(
                        spec.trigger,
                        days=spec.trigger_days,
                        visits=spec.trigger_visits,
                        spend_fen=spec.trigger_spend_fen,
                    ),
                    spec.per_member_limit,
                ),
                self.tr("Held out to measure uplift: %1%").replace("%1", str(spec.holdout_pct))
                if spec.holdout_pct
                else "",
                self.tr("Whole alliance")
                if spec.scope == "alliance"
                else self.tr("This shop only"),
                "" if spec.offline_redeemable else self.tr("Needs the network to be used"),
            ]
        self.facts_label.setText("\n".join(line for line in lines if line))
