"""Giving the member on the counter a coupon by hand (Ctrl+G): pick a running campaign, the
coupon is issued to that member at once and shows in their list. GUI thread only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QWidget

from desktop.models.errors import DomainError
from desktop.views.coupon_text import coupon_summary
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.campaigns import CampaignSummary
    from desktop.models.service import Desk

GIVE_KEY = "Ctrl+G"


def _t(text: str) -> str:
    return QCoreApplication.translate("CounterGive", text)


def givable_campaigns(desk: Desk) -> list[CampaignSummary]:
    """Running coupon campaigns (a points multiplier is a period, not a coupon)."""
    return [
        c
        for c in desk.campaign_summaries(include_ended=False)
        if c.state == "active" and c.kind != "points_multiplier"
    ]


def choose_campaign(
    parent: QWidget, campaigns: list[CampaignSummary], member_name: str
) -> CampaignSummary | None:
    """A keyboard-friendly list of campaigns (↑ ↓, Enter); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("giveCouponChoice")
    dialog.setWindowTitle(_t("Give a coupon"))
    dialog.setLabelText(fill(_t("Which coupon should %1 get?"), member_name))
    dialog.setComboBoxItems([c.name for c in campaigns])
    dialog.setComboBoxEditable(False)
    dialog.setOkButtonText(_t("Give"))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    combo = dialog.findChild(QComboBox)
    index = combo.currentIndex() if combo is not None else 0
    dialog.deleteLater()
    if not accepted or not 0 <= index < len(campaigns):
        return None
    return campaigns[index]


class CounterGive:
    """Mixed into ``CounterView``, which provides ``_desk``, ``card_widget``, ``actor``,
    ``_say``, ``_refuse``, ``_show_member`` and ``focus_scan_field``."""

    def give_coupon(self) -> None:
        card = self.card_widget.card
        if card is None:
            self._refuse(_t("Scan the member card first, then give the coupon."))
            self.focus_scan_field()
            return
        campaigns = givable_campaigns(self._desk)
        if not campaigns:
            self._refuse(_t("No coupon campaign is running. Create one on the Campaigns tab."))
            self.focus_scan_field()
            return
        chosen = choose_campaign(self, campaigns, card.name)
        if chosen is None:
            self.focus_scan_field()
            return
        try:
            coupon = self._desk.issue_coupon(
                chosen.id,
                member_id=card.id,
                by=self.actor,
            )
        except DomainError as exc:
            self._refuse(exc)
            self.focus_scan_field()
            return
        self._show_member(card.id)
        self._say(fill(_t("%1 got a coupon: %2."), card.name, coupon_summary(coupon)), "ok")
        self.focus_scan_field()
