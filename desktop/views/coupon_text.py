"""Coupons and campaigns in plain words: kinds, states, offers, validity, automatic rules.

The model's ``headline`` is not translated; every screen builds its text from the fields here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.views.formatting import day_text, yuan
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.campaigns import CampaignSpec
    from desktop.models.coupons import CouponInfo

KINDS = ("amount_off", "percent_off", "spend_save", "gift", "points_multiplier")
TRIGGERS = (None, "welcome", "birthday", "winback", "nth_visit", "spend_over")
STAMP_FULL, STAMP_EMPTY = "●", "○"


translate = QCoreApplication.translate


def kind_name(kind: str) -> str:
    names = {
        "amount_off": translate("CouponText", "Amount off"),
        "percent_off": translate("CouponText", "Percent off"),
        "spend_save": translate("CouponText", "Spend X, save Y"),
        "gift": translate("CouponText", "Gift"),
        "points_multiplier": translate("CouponText", "Points multiplier"),
    }
    return names.get(kind, kind)


def campaign_state_name(state: str) -> str:
    names = {
        "active": translate("CouponText", "Active"),
        "paused": translate("CouponText", "Paused"),
        "ended": translate("CouponText", "Ended"),
    }
    return names.get(state, state)


def coupon_state_name(state: str) -> str:
    names = {
        "issued": translate("CouponText", "Not used yet"),
        "redeemed": translate("CouponText", "Used"),
        "void": translate("CouponText", "Void"),
        "expired": translate("CouponText", "Expired"),
    }
    return names.get(state, state)


def trigger_name(trigger: str | None) -> str:
    names = {
        None: translate("CouponText", "None (issued by hand)"),
        "welcome": translate("CouponText", "Welcome (on enrolment)"),
        "birthday": translate("CouponText", "Birthday month"),
        "winback": translate("CouponText", "Win-back after N days away"),
        "nth_visit": translate("CouponText", "Every Nth visit (stamp card)"),
        "spend_over": translate("CouponText", "Spend at least X in one sale"),
    }
    return names.get(trigger, trigger or "")


def trigger_text(trigger: str | None, *, days: int = 0, visits: int = 0, spend_fen: int = 0) -> str:
    """The rule with its number: "Win-back after 60 days away"."""
    if trigger == "winback":
        return translate("CouponText", "Win-back after %1 days away").replace("%1", f"{days:,}")
    if trigger == "nth_visit":
        return translate("CouponText", "Stamp card: a reward every %1 visits").replace(
            "%1", f"{visits:,}"
        )
    if trigger == "spend_over":
        return translate("CouponText", "Sale of %1 or more").replace("%1", yuan(spend_fen))
    if trigger is None:
        return translate("CouponText", "By hand")
    return trigger_name(trigger)


def multiplier_text(tenths: int) -> str:
    whole, frac = divmod(tenths, 10)
    return f"×{whole}.{frac}" if frac else f"×{whole}"


def percent_off_text(percent: int) -> str:
    """20 → "20% off"; in Chinese the price paid in tenths, as shops write it (20% off → 8折)."""
    if QLocale().language() == QLocale.Language.Chinese:
        tenths = f"{(100 - percent) / 10:.1f}".rstrip("0").rstrip(".")
        return translate("CouponText", "%1/10 of the price").replace("%1", tenths)
    return translate("CouponText", "%1% off").replace("%1", str(percent))


def offer_text(
    kind: str,
    *,
    value_fen: int = 0,
    percent: int = 0,
    cap_fen: int = 0,
    min_spend_fen: int = 0,
    gift: str = "",
    multiplier_tenths: int = 10,
) -> str:
    """What the customer gets, in one line: "¥10.00 off", "20% off, at most ¥30.00"."""
    if kind == "amount_off":
        return translate("CouponText", "%1 off").replace("%1", yuan(value_fen))
    if kind == "percent_off":
        text = percent_off_text(percent)
        if cap_fen:
            text = fill(translate("CouponText", "%1, at most %2"), text, yuan(cap_fen))
        return text
    if kind == "spend_save":
        return fill(
            translate("CouponText", "Spend %1, save %2"), yuan(min_spend_fen), yuan(value_fen)
        )
    if kind == "gift":
        return translate("CouponText", "Free gift: %1").replace("%1", gift)
    if kind == "points_multiplier":
        return translate("CouponText", "Points %1 on every sale").replace(
            "%1", multiplier_text(multiplier_tenths)
        )
    return kind


def spec_offer(spec: CampaignSpec) -> str:
    return offer_text(
        spec.kind,
        value_fen=spec.value_fen,
        percent=spec.percent,
        cap_fen=spec.cap_fen,
        min_spend_fen=spec.min_spend_fen,
        gift=spec.gift,
        multiplier_tenths=spec.multiplier_tenths,
    )


def coupon_offer(coupon: CouponInfo) -> str:
    return offer_text(
        coupon.kind,
        value_fen=coupon.value_fen,
        percent=coupon.percent,
        cap_fen=coupon.cap_fen,
        min_spend_fen=coupon.min_spend_fen,
        gift=coupon.gift,
    )


def min_spend_note(kind: str, min_spend_fen: int) -> str:
    """ "Bill of ¥50.00 or more" (nothing for spend-X-save-Y, whose offer already says it)."""
    if not min_spend_fen or kind == "spend_save":
        return ""
    return translate("CouponText", "Bill of %1 or more").replace("%1", yuan(min_spend_fen))


def validity_range(valid_from: dt.date, valid_to: dt.date) -> str:
    return fill(translate("CouponText", "Valid %1 to %2"), day_text(valid_from), day_text(valid_to))


def spec_validity(spec: CampaignSpec) -> str:
    if spec.valid_days:
        return translate("CouponText", "Valid for %1 days from issue").replace(
            "%1", f"{spec.valid_days:,}"
        )
    if spec.valid_from and spec.valid_to:
        return validity_range(spec.valid_from, spec.valid_to)
    return ""


def coupon_summary(coupon: CouponInfo) -> str:
    """Offer · condition · validity, for the counter and lists."""
    parts = [coupon_offer(coupon), min_spend_note(coupon.kind, coupon.min_spend_fen)]
    parts.append(translate("CouponText", "until %1").replace("%1", day_text(coupon.valid_to)))
    return "  ·  ".join(p for p in parts if p)


def stamp_dots(have: int, need: int) -> str:
    """7 of 10 → "●●●●●●●○○○" (long cards are shortened to the count)."""
    have = max(0, min(have, need))
    if need > 20:
        return ""
    return STAMP_FULL * have + STAMP_EMPTY * (need - have)


def local_time_text(value: str | dt.datetime | None, *, today: dt.date | None = None) -> str:
    """An ISO local time ("2026-11-22T14:02:00") → "11-22 14:02" (the year when not this one)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        when = value
    if today is not None and when.year != today.year:
        return f"{when:%Y-%m-%d %H:%M}"
    return f"{when:%m-%d %H:%M}"


def percent_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"
