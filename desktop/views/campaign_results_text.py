"""A campaign's results in plain words: redemption, redeemers' sales, uplift against the
held-out members (with its uncertainty) and what each new member cost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.views.coupon_text import percent_text
from desktop.views.formatting import yuan
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.analytics import CampaignResult, Uplift


def _t(text: str) -> str:
    return QCoreApplication.translate("CampaignResults", text)


def _points(rate: float | None) -> str:
    """A difference of two rates in percentage points, signed: "+4.2"."""
    return "—" if rate is None else f"{rate * 100:+.1f}"


def uplift_text(uplift: Uplift) -> str:
    """What sending the coupon changed, or why that cannot be told yet."""
    if uplift.verdict == "no_holdout":
        return _t("Uplift: nobody was held out, so it cannot be measured.")
    if uplift.verdict == "too_small":
        return fill(
            _t("Uplift: too few members so far to tell (sent %1, held out %2)."),
            f"{uplift.treated:,}",
            f"{uplift.control:,}",
        )
    rates = fill(
        _t("Bought again: %1 of those sent the coupon, %2 of those held out."),
        percent_text(uplift.treated_rate),
        percent_text(uplift.control_rate),
    )
    verdicts = {
        "positive": _t("The coupon brought more purchases: %1 points (95% range %2 to %3)."),
        "negative": _t("Fewer purchases than without it: %1 points (95% range %2 to %3)."),
        "unclear": _t("No clear difference: %1 points (95% range %2 to %3)."),
    }
    verdict = fill(
        verdicts.get(uplift.verdict, verdicts["unclear"]),
        _points(uplift.uplift),
        _points(uplift.ci_low),
        _points(uplift.ci_high),
    )
    lines = [rates, verdict]
    if uplift.spend_uplift_fen is not None:
        spend = uplift.spend_uplift_fen
        lines.append(
            fill(
                _t("Spend per member, against those held out: %1"),
                ("+" if spend > 0 else "") + yuan(spend),
            )
        )
    return "\n".join(lines)


def results_text(result: CampaignResult) -> str:
    """The lines under a campaign's coupon on the Campaigns screen."""
    lines = [
        fill(
            _t("Issued %1 · used %2 · redemption rate %3"),
            f"{result.issued:,}",
            f"{result.redeemed:,}",
            percent_text(result.redemption_rate),
        ),
        fill(
            _t("Sales with its coupons: %1 in %2 sales (coupons took off %3)"),
            yuan(result.redeemer_sales_fen),
            f"{result.redeemer_sale_count:,}",
            yuan(result.discount_fen),
        ),
    ]
    if result.acquisition_cost_fen is not None:
        if result.acquired_members:
            lines.append(
                fill(
                    _t("New members through its printed coupons: %1, each cost %2"),
                    f"{result.acquired_members:,}",
                    yuan(result.acquisition_cost_fen),
                )
            )
        else:
            lines.append(_t("No new member has joined through its printed coupons yet."))
        if result.bearer_printed and not result.print_cost_fen:
            lines.append(_t("Set the cost of a printed coupon in Settings to count it in."))
    lines.append(uplift_text(result.uplift))
    return "\n".join(lines)
