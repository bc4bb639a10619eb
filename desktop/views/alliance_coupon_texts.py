"""Plain words for the alliance's refusals of one of its coupons at this counter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.views.formatting import yuan


def shop_label(shop: str) -> str:
    """The shop where a coupon was used: ``#2`` (another alliance shop) reads as words."""
    if shop.startswith("#") and shop[1:].isdigit():
        return QCoreApplication.translate("AllianceCouponTexts", "alliance shop no. %1").replace(
            "%1", shop[1:]
        )
    return shop


def alliance_coupon_text(code: str, p: dict[str, Any]) -> str | None:
    """The sentence for an alliance coupon refusal; ``None`` for any other code."""
    if code == "alliance_campaign_not_joined":
        return QCoreApplication.translate(
            "AllianceCouponTexts",
            "This shop does not take part in the joint campaign “%1”, so its coupons cannot "
            "be used here. The owner can join it under Campaigns → Joint campaigns.",
        ).replace("%1", str(p.get("campaign") or ""))
    if code == "campaign_not_running":
        return QCoreApplication.translate(
            "AllianceCouponTexts",
            "The joint campaign “%1” is not running now: its coupons cannot be used.",
        ).replace("%1", str(p.get("campaign") or ""))
    if code == "alliance_coupon_over_offline_cap":
        return QCoreApplication.translate(
            "AllianceCouponTexts",
            "Offline: alliance coupons worth more than %1 need a connection. Connect (or wait "
            "for the next sync) to use it.",
        ).replace("%1", yuan(int(p.get("cap_fen") or 0)))
    simple = {
        "alliance_campaign_unknown": QCoreApplication.translate(
            "AllianceCouponTexts",
            "This alliance coupon's campaign is not known here yet: sync with the alliance, "
            "then scan it again.",
        ),
        "alliance_coupon_online_only": QCoreApplication.translate(
            "AllianceCouponTexts",
            "Offline: this joint campaign's coupons can only be used with a connection. "
            "Connect (or wait for the next sync) to use it.",
        ),
        "alliance_coupon_not_here": QCoreApplication.translate(
            "AllianceCouponTexts", "This alliance coupon cannot be used at this shop."
        ),
        "coupon_member_unknown": QCoreApplication.translate(
            "AllianceCouponTexts",
            "This coupon belongs to an alliance member this shop does not know yet: sync, "
            "then scan it again.",
        ),
        "alliance_campaign_server_owned": QCoreApplication.translate(
            "AllianceCouponTexts",
            "This is a joint campaign of the alliance: only the alliance issues, changes or "
            "voids its coupons.",
        ),
    }
    return simple.get(code)
