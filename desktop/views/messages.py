"""Domain error codes → plain words for the person at the counter (translated)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.models.errors import DomainError
from desktop.views.alliance_coupon_texts import alliance_coupon_text, shop_label
from desktop.views.formatting import day_text, yuan
from desktop.views.offline_policy_texts import alliance_error_text
from desktop.views.textfill import fill

translate = QCoreApplication.translate


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def error_text(error: DomainError) -> str:
    """The sentence shown for a refusal. Unknown codes still say something useful."""
    p: dict[str, Any] = error.params
    code = error.code
    coupon = coupon_error_text(code, p)
    if coupon is not None:
        return coupon
    alliance = alliance_error_text(code, p)
    if alliance is not None:
        return alliance
    if code == "misread":
        mangling = p.get("mangling")
        if mangling == "azerty":
            return _t(
                "Misread: the keyboard layout looks French (AZERTY). Switch the layout "
                "or the scanner setting, then scan again."
            )
        if mangling == "shifted_us":
            return _t("Misread: Caps Lock seems to be on. Turn it off and scan again.")
        if mangling == "fullwidth":
            return _t(
                "Misread: the input method is in full-width mode. Switch it to "
                "half-width or English and scan again."
            )
        return _t("Misread: the code was not read completely. Scan again.")
    simple = {
        "wrong_kind": _t("This is not a member card."),
        "unknown_key": _t("This code was not issued by this shop or its alliance."),
        "bad_signature": _t("Not a valid code: it may have been altered or forged."),
        "expired": _t("This card has expired. Issue a new card from the Members screen."),
        "revoked": _t("This card was replaced by a newer one and can no longer be used."),
        "member_not_found": _t("No such member (the member may have been erased)."),
        "member_of_another_shop": _t(
            "This member belongs to another alliance shop: their details, consents and data "
            "are kept (and changed or erased) there."
        ),
        "phone_invalid": _t("That is not a valid mobile number (11 digits starting with 1)."),
        "name_required": _t("Please enter a name."),
        "consent_membership_required": _t(
            "The member must agree to the membership terms to enrol."
        ),
        "birthday_invalid": _t("The birthday is not a valid date."),
        "amount_invalid": _t("Enter an amount greater than zero."),
        "redeem_invalid": _t("Enter a number of points of zero or more."),
        "member_required": _t("Points can only be redeemed for a member."),
        "pin_wrong": _t("Wrong PIN."),
        "pin_format": _t("A PIN is 4 to 8 digits."),
        "pin_in_use": _t("Another staff member already uses this PIN. Choose another."),
        "owner_required": _t("Only the owner can do this."),
        "sale_not_found": _t("No such sale."),
        "already_reversed": _t("These points were already reversed."),
        "reason_required": _t("Please give a reason."),
        "staff_not_found": _t("No such staff member."),
        "last_owner": _t("The last owner account cannot be removed."),
        "shop_name_required": _t("Please enter the shop name."),
        "rule_tiers_order": _t("The gold threshold must not be lower than the silver one."),
        "not_set_up": _t("The shop has not been set up yet."),
        "card_serial_exhausted": _t("This member has had too many cards; enrol again."),
        "already_set_up": _t("This shop has already been set up."),
        "timezone_invalid": _t("The time zone is not valid."),
        "role_invalid": _t("Choose a role: owner or staff."),
        "consent_kind_invalid": _t("Unknown kind of consent."),
        "rule_field_unknown": _t("That setting does not exist in this version."),
        "entry_not_found": _t("No such points entry."),
    }
    if code in simple:
        return simple[code]
    if code == "name_too_long":
        return _t("The name is too long (at most %1 characters).").replace("%1", str(p.get("max")))
    if code == "phone_duplicate":
        return _t("A member with this phone number already exists.")
    if code == "amount_too_large":
        return _t("The amount is too large (at most %1).").replace("%1", yuan(p.get("max_fen", 0)))
    if code == "insufficient_points":
        return (
            _t("Not enough points: the balance is %1, %2 needed.")
            .replace("%1", str(p.get("balance")))
            .replace("%2", str(p.get("needed")))
        )
    if code == "redeem_exceeds_amount":
        return _t("The discount would exceed the amount; at most %1 points can be used.").replace(
            "%1", str(p.get("max_points"))
        )
    if code == "owner_pin_required":
        return (
            _t("%1 points is above the limit of %2 for one sale: the owner's PIN is needed.")
            .replace("%1", str(p.get("points")))
            .replace("%2", str(p.get("limit")))
        )
    if code == "already_refunded":
        return _t("This sale was already refunded.")
    if code == "refund_over_limit":
        if not p.get("limit_fen"):
            return _t("Every refund needs the owner.")
        return _t("Refunds over %1 need the owner.").replace("%1", yuan(int(p["limit_fen"])))
    if code == "adjustment_invalid":
        return _t("Enter a non-zero number of points (at most %1).").replace(
            "%1", str(p.get("max"))
        )
    if code == "rule_value_invalid":
        return (
            _t("The value of %1 must be between %2 and %3.")
            .replace("%1", str(p.get("field")))
            .replace("%2", str(p.get("min")))
            .replace("%3", str(p.get("max")))
        )
    return _t("Refused: %1").replace("%1", code)


def _day(value: Any) -> str:
    """An ISO date (or a date) in the shop's format."""
    if isinstance(value, dt.date):
        return day_text(value)
    if isinstance(value, str) and value:
        try:
            return day_text(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return "—"


def _when(value: Any) -> str:
    """An ISO local time → "11-22 14:02"."""
    if isinstance(value, str) and value:
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    elif isinstance(value, dt.datetime):
        when = value
    else:
        return "—"
    return f"{when:%m-%d %H:%M}"  # a coupon lives weeks, not years: the day and time are enough


def coupon_error_text(code: str, p: dict[str, Any]) -> str | None:
    """Refusals about coupons and campaigns; ``None`` for any other code."""
    alliance = alliance_coupon_text(code, p)
    if alliance is not None:
        return alliance
    if code == "wrong_kind" and p.get("kind") == "member":
        return translate("Messages", "This is a member card, not a coupon. Scan the coupon's code.")
    if code == "wrong_kind" and p.get("kind") == "coupon":
        return translate(
            "Messages", "This is a coupon, not a member card. Scan it at the counter to use it."
        )
    if code == "expired" and "valid_to" in p:
        return translate("Messages", "This coupon expired on %1.").replace(
            "%1", _day(p["valid_to"])
        )
    if code == "already_used":
        when, shop = _when(p.get("used_at")), shop_label(str(p.get("shop") or ""))
        if shop and not p.get("used_at"):  # used at another alliance shop: no time known here
            return translate("Messages", "This coupon was already used at %1.").replace("%1", shop)
        if shop:
            return fill(
                translate("Messages", "This coupon was already used on %1 at %2."), when, shop
            )
        return translate("Messages", "This coupon was already used on %1.").replace("%1", when)
    if code == "not_yet_valid":
        return translate("Messages", "This coupon can only be used from %1.").replace(
            "%1", _day(p.get("valid_from"))
        )
    if code == "wrong_member":
        return translate("Messages", "This coupon belongs to another member (%1).").replace(
            "%1", str(p.get("member_name") or "—")
        )
    if code == "min_spend":
        return translate("Messages", "This coupon needs a bill of %1 or more.").replace(
            "%1", yuan(int(p.get("min_spend_fen") or 0))
        )
    if code == "member_limit":
        return translate(
            "Messages", "This member already has the most coupons of this campaign (%1)."
        ).replace("%1", str(p.get("limit")))
    if code == "campaign_spec_invalid":
        problems = p.get("problems") or []
        listed = "; ".join(problem_text(problem) for problem in problems)
        return translate("Messages", "The campaign cannot be saved: %1").replace(
            "%1", listed or "—"
        )
    if code == "member_required" and p.get("coupon"):
        return translate(
            "Messages", "This coupon belongs to a member: scan their member card first."
        )
    simple = {
        "coupon_not_found": translate(
            "Messages", "No such coupon: it was not issued by this shop."
        ),
        "void": translate("Messages", "This coupon was voided and can no longer be used."),
        "wrong_shop": translate("Messages", "This coupon cannot be used at this shop."),
        "campaign_paused": translate(
            "Messages", "This coupon's campaign is paused: it cannot be used for now."
        ),
        "campaign_not_issuable": translate(
            "Messages",
            "A points multiplier is not handed out as coupons: it applies to every member "
            "sale while it runs.",
        ),
        "quota_reached": translate(
            "Messages", "The campaign's quota is used up: no more coupons can be issued."
        ),
        "no_marketing_consent": translate(
            "Messages", "This member has not agreed to marketing, so no coupon can be sent to them."
        ),
        "campaign_ended": translate("Messages", "This campaign has ended."),
        "campaign_not_found": translate("Messages", "No such campaign."),
        "batch_not_found": translate("Messages", "No such batch of coupons."),
        "campaign_state_invalid": translate(
            "Messages", "The campaign cannot change to that state."
        ),
        "count_invalid": translate("Messages", "Enter how many coupons to print (1 or more)."),
    }
    return simple.get(code)


def field_name(field: str) -> str:
    """A campaign field as the form names it."""
    names = {
        "name": translate("Messages", "Name"),
        "kind": translate("Messages", "Kind"),
        "value_fen": translate("Messages", "Amount"),
        "percent": translate("Messages", "Percent off"),
        "cap_fen": translate("Messages", "At most"),
        "min_spend_fen": translate("Messages", "Least bill"),
        "gift": translate("Messages", "Gift"),
        "multiplier_tenths": translate("Messages", "Points multiplier"),
        "multiplier": translate("Messages", "Points multiplier"),
        "valid_from": translate("Messages", "Valid from"),
        "valid_to": translate("Messages", "Valid until"),
        "valid_days": translate("Messages", "Days valid"),
        "quota": translate("Messages", "Quota"),
        "per_member_limit": translate("Messages", "Per member"),
        "scope": translate("Messages", "Scope"),
        "holdout_pct": translate("Messages", "Held out"),
        "terms": translate("Messages", "Terms"),
        "trigger": translate("Messages", "Automatic"),
        "trigger_days": translate("Messages", "Days away"),
        "trigger_visits": translate("Messages", "Visits"),
        "trigger_spend_fen": translate("Messages", "Sale amount"),
    }
    return names.get(field, field)


def reason_text(reason: str) -> str:
    """Why a campaign field is refused, in a few words."""
    reasons = {
        "required": translate("Messages", "Required."),
        "missing": translate("Messages", "Required."),
        "empty": translate("Messages", "Required."),
        "negative": translate("Messages", "Cannot be negative."),
        "zero": translate("Messages", "Must be more than zero."),
        "not_positive": translate("Messages", "Must be more than zero."),
        "above_100": translate("Messages", "At most 100."),
        "too_large": translate("Messages", "Too large."),
        "too_long": translate("Messages", "Too long."),
        "out_of_range": translate("Messages", "Out of range."),
        "before_from": translate("Messages", "Must not be before the first day."),
        "before_valid_from": translate("Messages", "Must not be before the first day."),
        "both": translate("Messages", "Choose fixed dates or a number of days, not both."),
        "neither": translate("Messages", "Choose fixed dates or a number of days."),
        "unknown": translate("Messages", "Not a field of this version."),
        "invalid": translate("Messages", "Not a valid value."),
        "not_money": translate("Messages", "Not an amount: type it like 10.00."),
        "not_for_kind": translate("Messages", "Not used by this kind of campaign."),
    }
    return reasons.get(reason, translate("Messages", "Not valid (%1).").replace("%1", reason))


def problem_text(problem: dict[str, Any]) -> str:
    """One problem of a campaign spec: "Percent off: at most 100."."""
    return fill(
        translate("Messages", "%1: %2"),
        field_name(str(problem.get("field", ""))),
        reason_text(str(problem.get("reason", ""))),
    )
