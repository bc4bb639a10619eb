"""The RFM segments' names as the owner reads them (the dashboard and the coupon dialog)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.models.analytics import SEGMENTS


def segment_names() -> dict[str, str]:
    """Segment key → translated name, in the model's order (best customers first)."""
    t = QCoreApplication.translate
    names = {
        "champions": t("DashboardView", "Champions"),
        "loyal": t("DashboardView", "Loyal"),
        "potential": t("DashboardView", "Potential loyalists"),
        "new": t("DashboardView", "New customers"),
        "need_attention": t("DashboardView", "Need attention"),
        "at_risk": t("DashboardView", "At risk"),
        "hibernating": t("DashboardView", "Hibernating"),
    }
    return {key: names.get(key, key) for key in SEGMENTS}
