"""Domain error codes → plain words for the person at the counter (translated)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.models.errors import DomainError
from desktop.views.formatting import yuan


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def error_text(error: DomainError) -> str:
    """The sentence shown for a refusal. Unknown codes still say something useful."""
    p: dict[str, Any] = error.params
    code = error.code
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
