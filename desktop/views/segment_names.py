"""The RFM segments' names as the owner reads them (the dashboard and the coupon dialog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.models.analytics import SEGMENTS


def segment_names() -> dict[str, str]:
    """Segment key → translated name, in the model's order (best customers first)."""
    names = {
        "champions": QCoreApplication.translate("DashboardView", "Champions"),
        "loyal": QCoreApplication.translate("DashboardView", "Loyal"),
        "potential": QCoreApplication.translate("DashboardView", "Potential loyalists"),
        "new": QCoreApplication.translate("DashboardView", "New customers"),
        "need_attention": QCoreApplication.translate("DashboardView", "Need attention"),
        "at_risk": QCoreApplication.translate("DashboardView", "At risk"),
        "hibernating": QCoreApplication.translate("DashboardView", "Hibernating"),
    }
    return {key: names.get(key, key) for key in SEGMENTS}
