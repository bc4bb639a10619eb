"""Plain words for the alliance's offline limits and other shops' members at the counter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.views.textfill import fill


def alliance_error_text(code: str, p: dict[str, Any]) -> str | None:
    """The sentence for an offline-policy or alliance-member refusal; None for other codes."""
    if code == "offline_snapshot_stale":
        if p.get("never"):
            return QCoreApplication.translate(
                "Messages",
                "Offline: this counter has not synced with the alliance yet, so it does not "
                "know the member's alliance balance. Connect to redeem.",
            )
        return QCoreApplication.translate(
            "Messages",
            "Offline: the alliance balance is more than %1 hours old. Connect to redeem.",
        ).replace("%1", str(p.get("hours")))
    if code == "offline_member_debt":
        return QCoreApplication.translate(
            "Messages",
            "This member owes %1 points from redeeming more than they had. Points they earn "
            "repay it first; they can redeem again once a sync shows it repaid.",
        ).replace("%1", str(p.get("debt")))
    if code == "offline_member_day_points":
        text = QCoreApplication.translate(
            "Messages",
            "Offline: at most %1 points per member per day here (%2 left today); "
            "connect to redeem more.",
        )
        return fill(text, str(p.get("limit")), str(p.get("left")))
    if code == "offline_member_day_count":
        return QCoreApplication.translate(
            "Messages",
            "Offline: at most %1 redemptions per member per day here; connect to redeem more.",
        ).replace("%1", str(p.get("limit")))
    if code == "offline_device_points":
        text = QCoreApplication.translate(
            "Messages",
            "Offline: this counter may redeem at most %1 points before it syncs (%2 left); "
            "connect to redeem more.",
        )
        return fill(text, str(p.get("limit")), str(p.get("left")))
    if code == "alliance_member_unknown":
        return QCoreApplication.translate(
            "Messages",
            "This member of another alliance shop is not known to the alliance here: they "
            "have not agreed to share with the alliance, or this counter has not synced "
            "since they joined.",
        )
    if code == "alliance_guest_card":
        return QCoreApplication.translate(
            "Messages",
            "This member belongs to another alliance shop: their card comes from that shop.",
        )
    return None
