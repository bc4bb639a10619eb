"""Joint campaigns in plain words: a failed call to the alliance server, and what the chosen
campaign means for this shop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.sync.campaigns import JointCampaign, ShopResults
from desktop.sync.errors import SyncError
from desktop.views.formatting import yuan
from desktop.views.textfill import fill


def sync_problem(error: SyncError, *, name: str = "") -> str:
    """A failed call to the alliance, in plain words."""
    texts = {
        "campaign_ended": QCoreApplication.translate(
            "AllianceCampaignsView",
            "“%1” has ended: shops can no longer join or leave it.",
        ),
        "campaign_not_found": QCoreApplication.translate(
            "AllianceCampaignsView", "The alliance no longer has this campaign."
        ),
        "offline": QCoreApplication.translate(
            "AllianceCampaignsView",
            "The alliance cannot be reached (no network?). The list is the one from the last "
            "sync; try again when the shop is online.",
        ),
        "timeout": QCoreApplication.translate(
            "AllianceCampaignsView", "The alliance did not answer in time; try again later."
        ),
        "server_busy": QCoreApplication.translate(
            "AllianceCampaignsView", "The alliance server is busy; try again later."
        ),
        "unauthorized": QCoreApplication.translate(
            "AllianceCampaignsView",
            "The alliance no longer accepts this PC; pair it again (Settings → Alliance).",
        ),
        "reenrol_required": QCoreApplication.translate(
            "AllianceCampaignsView",
            "This database was restored from a backup; pair it with the alliance again.",
        ),
    }
    if error.code in texts:
        return texts[error.code].replace("%1", name)
    return QCoreApplication.translate(
        "AllianceCampaignsView", "The alliance could not be asked (%1)."
    ).replace("%1", error.code)


def campaign_summary(campaign: JointCampaign, part: ShopResults | None) -> str:
    """What the chosen joint campaign means for this shop, under the list."""
    name = campaign.name
    shops = QCoreApplication.translate("AllianceCampaignsView", "Shops taking part: %1.").replace(
        "%1", f"{len(campaign.shops):,}"
    )
    if campaign.state == "ended":
        text = QCoreApplication.translate(
            "AllianceCampaignsView", "“%1” has ended: shops can no longer join or leave it."
        )
    elif not campaign.taking_part:
        text = QCoreApplication.translate(
            "AllianceCampaignsView",
            "This shop does not take part in “%1”. If its coupons are taken here anyway, the "
            "shop bears their discount itself.",
        )
    elif part is None:
        text = QCoreApplication.translate(
            "AllianceCampaignsView", "This shop takes part in “%1”; its figures are on the way."
        )
    else:
        text = fill(
            QCoreApplication.translate(
                "AllianceCampaignsView",
                "This shop's part of “%1”: %2 coupons redeemed here, %3 discount given, %4 of "
                "sales with its coupons.",
            ),
            name,
            f"{part.redeemed:,}",
            yuan(part.discount_fen),
            yuan(part.sales_fen),
        )
        if part.conflicts:
            text += " " + QCoreApplication.translate(
                "AllianceCampaignsView",
                "%1 of its coupons were used here after another shop had used them (see Sync "
                "conflicts).",
            ).replace("%1", f"{part.conflicts:,}")
    return f"{text.replace('%1', name)} {shops}"
