"""What the counter says after a sale, a check-in or a refund (the counter's own sentences)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.views.formatting import yuan
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.checkins import CheckInResult
    from desktop.models.sales import RefundResult, SaleResult


translate = QCoreApplication.translate


def sale_text(result: SaleResult) -> str:
    amount = yuan(result.amount_fen)
    coupon_off = getattr(result, "coupon_discount_fen", 0)
    coupon = ""
    if getattr(result, "coupon_id", None) is not None:
        coupon = (
            translate("CounterView", " Coupon used: %1 off.").replace("%1", yuan(coupon_off))
            if coupon_off
            else translate("CounterView", " Coupon used: hand over the gift.")
        )
    if result.member_id is None:
        if coupon:
            text = fill(
                translate("CounterView", "Sale %1 recorded (no member), paid %2."),
                amount,
                yuan(result.paid_fen),
            )
            return text + coupon
        return translate("CounterView", "Sale %1 recorded (no member).").replace("%1", amount)
    earned, balance = f"{result.points_earned:,}", f"{result.balance or 0:,}"
    if result.points_redeemed:
        text = fill(
            translate(
                "CounterView",
                "Sale %1 recorded: %2 points redeemed (%3 off, paid %4), +%5 points, balance %6",
            ),
            amount,
            f"{result.points_redeemed:,}",
            yuan(result.discount_fen),
            yuan(result.paid_fen),
            earned,
            balance,
        )
    elif coupon:
        text = fill(
            translate("CounterView", "Sale %1 recorded: paid %2, +%3 points, balance %4."),
            amount,
            yuan(result.paid_fen),
            earned,
            balance,
        )
    else:
        text = fill(
            translate("CounterView", "Sale %1 recorded: +%2 points, balance %3"),
            amount,
            earned,
            balance,
        )
    return text + coupon


def checkin_text(result: CheckInResult) -> str:
    balance = f"{result.balance:,}"
    if not result.rewarded:
        return translate(
            "CounterView",
            "Already checked in today: this visit is recorded, but not rewarded. Balance %1.",
        ).replace("%1", balance)
    if result.points:
        return fill(
            translate("CounterView", "Check-in recorded: +%1 points, balance %2."),
            f"{result.points:,}",
            balance,
        )
    return translate("CounterView", "Check-in recorded. Balance %1.").replace("%1", balance)


def refund_text(result: RefundResult, amount_fen: int) -> str:
    amount = yuan(amount_fen)
    if result.balance is None:
        text = translate("CounterView", "Sale %1 refunded.").replace("%1", amount)
    else:
        text = fill(
            translate(
                "CounterView",
                "Sale %1 refunded: %2 points taken back, %3 points returned, balance %4.",
            ),
            amount,
            f"{result.points_taken_back:,}",
            f"{result.points_returned:,}",
            f"{result.balance:,}",
        )
    if getattr(result, "coupon_restored", False):
        text += " " + translate("CounterView", "Its coupon can be used again.")
    return text
