"""What each sync conflict means for the shop, in plain words, with its figures.

``conflict_title`` names what happened in a few words; ``conflict_explanation`` says what the
alliance did and what it means for this shop (who pays, what the member owes, what to do).
Every reason the alliance server gives has its own text (see ``desktop.sync.conflicts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.views.formatting import yuan
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.sync.conflicts import Conflict


def _t(text: str) -> str:
    return QCoreApplication.translate("ConflictText", text)


def conflict_title(c: Conflict) -> str:
    titles = {
        "coupon_already_redeemed": _t("Coupon used twice"),
        "coupon_void": _t("Coupon had been withdrawn"),
        "shop_not_participating": _t("Coupon of a campaign this shop had not joined"),
        "coupon_out_of_dates": _t("Coupon used outside its dates"),
        "overspend": _t("Points overspent"),
        "duplicate_enrolment": _t("Customer enrolled twice"),
        "member_not_shared": _t("Member not shared with the alliance"),
        "not_home_shop": _t("Member of another shop"),
        "member_id_taken": _t("Member number already taken"),
        "member_erased": _t("Member's data was erased"),
        "consent_kind_invalid": _t("Consent not understood"),
        "duplicate_sale": _t("Sale sent twice"),
        "already_refunded": _t("Refund sent twice"),
        "reversal_exceeds_original": _t("Refund larger than the sale"),
        "adjustment_invalid": _t("Empty points adjustment"),
        "duplicate_entry": _t("Already recorded"),
        "already_reversed": _t("Already refunded"),
        "server_owned": _t("Alliance coupon voided here"),
        "unknown_kind": _t("Record the server does not know"),
        "invalid_payload": _t("Record the server could not read"),
        "constraint_violation": _t("Record the server could not store"),
    }
    if c.reason in titles:
        return titles[c.reason]
    if c.outcome == "rejected":
        return _t("Refused by the alliance")
    return _t("Settled differently")


def member_text(c: Conflict, member_id: int | None = None) -> str:
    member_id = c.member_id if member_id is None else member_id
    if member_id is None:
        return _t("the member")
    if c.member_name and member_id == c.member_id:
        return fill(_t("%1 (member no. %2)"), c.member_name, member_id)
    return fill(_t("member no. %1"), member_id)


def sale_text(c: Conflict) -> str:
    if c.sale_id is not None and c.sale_amount_fen is not None:
        return fill(_t("sale no. %1 (%2)"), c.sale_id, yuan(c.sale_amount_fen))
    if c.sale_amount_fen is not None:
        return fill(_t("a sale of %1"), yuan(c.sale_amount_fen))
    return _t("a sale")


def _shop_text(c: Conflict) -> str:
    if c.honoured_here:
        return _t("another counter of this shop")
    if c.other_shop_id is not None:
        return fill(_t("shop no. %1"), c.other_shop_id)
    return _t("another shop")


def _coupon_cost(c: Conflict) -> str:
    if c.shop_bears:
        return fill(
            _t("By the alliance's rules your shop bears the %1 discount itself."),
            yuan(c.amount_fen),
        )
    return fill(
        _t("The alliance pays your shop the %1 discount on its next statement."), yuan(c.amount_fen)
    )


def conflict_explanation(c: Conflict) -> str:
    coupon = str(c.coupon_id) if c.coupon_id is not None else "—"
    reason = c.reason
    if reason == "coupon_already_redeemed":
        return fill(
            _t(
                "Alliance coupon %1 had already been used at %2 before %3 reached the alliance. "
                "Your sale stands. %4"
            ),
            coupon,
            _shop_text(c),
            sale_text(c),
            _coupon_cost(c),
        )
    if reason == "coupon_void":
        return fill(
            _t(
                "Alliance coupon %1 had been withdrawn by the alliance before %2 reached it. "
                "Your sale stands. %3"
            ),
            coupon,
            sale_text(c),
            _coupon_cost(c),
        )
    if reason == "shop_not_participating":
        return fill(
            _t(
                "Alliance coupon %1 belongs to a joint campaign this shop had not joined when %2 "
                "reached the alliance. Your sale stands, but your shop bears the %3 discount. "
                "Take part in the campaign (Campaigns → Joint campaigns) before taking its "
                "coupons."
            ),
            coupon,
            sale_text(c),
            yuan(c.amount_fen),
        )
    if reason == "coupon_out_of_dates":
        return fill(
            _t(
                "Alliance coupon %1 was used on %2, outside its valid dates. Your sale stands, "
                "but your shop bears the %3 discount."
            ),
            coupon,
            c.day.isoformat() if c.day else "—",
            yuan(c.amount_fen),
        )
    if reason == "overspend":
        return _overspend(c)
    if reason == "duplicate_enrolment":
        return fill(
            _t(
                "The customer enrolled here as %1 was already in the alliance with the same "
                "phone, as %2. The two are now one member: %3 points moved to %2. Use that "
                "member's card from now on."
            ),
            member_text(c),
            member_text(c, c.merged_into or 0),
            f"{c.points:,}",
        )
    if reason == "reversal_exceeds_original" and c.outcome != "rejected":
        return fill(
            _t(
                "A refund reached the alliance before its sale and took back %1 points more "
                "than the sale gave. It is kept as recorded."
            ),
            f"{c.detail.get('amount', 0):,}",
        )
    texts = {
        "member_not_shared": _t(
            "%1 belongs to another shop and has not agreed to share with "
            "the alliance, so the alliance did not record this for them. "
            "What the counter did here stays at this shop only."
        ),
        "not_home_shop": _t(
            "Only the shop where %1 enrolled can change their details, consents "
            "or card. The alliance kept its own record; nothing changed there."
        ),
        "member_id_taken": _t(
            "The number of %1 is already used by another shop's member, so "
            "the alliance did not take this enrolment. The member's points "
            "stay at this shop only."
        ),
        "member_erased": _t(
            "The data of %1 was erased at their request; the alliance no "
            "longer records anything for them."
        ),
        "consent_kind_invalid": _t(
            "The alliance did not understand a consent change for %1; it was not recorded there."
        ),
        "duplicate_sale": _t(
            "%2 had already reached the alliance; this second copy was not "
            "counted again. Nothing to do."
        ),
        "already_refunded": _t(
            "The refund of %2 had already reached the alliance; it was not "
            "counted again. Nothing to do."
        ),
        "reversal_exceeds_original": _t(
            "A refund tried to take back more points than %2 gave; "
            "the alliance refused it, so the member's points there "
            "are as before the refund."
        ),
        "adjustment_invalid": _t(
            "A points adjustment of 0 points was not recorded. Nothing to do."
        ),
        "duplicate_entry": _t(
            "This was already recorded at the alliance and was not counted again. Nothing to do."
        ),
        "already_reversed": _t(
            "This refund was already recorded at the alliance and was not "
            "counted again. Nothing to do."
        ),
        "server_owned": _t(
            "Alliance coupon %3 can only be voided by the alliance, so voiding "
            "it here changed nothing there: it stays valid at the other shops."
        ),
        "unknown_kind": _t(
            "This counter sent a kind of record (%4) the alliance server does "
            "not know; the server may be older than this app. It was not "
            "applied: ask the alliance to update its server."
        ),
        "invalid_payload": _t(
            "The alliance could not read a record this counter sent (%4); "
            "it was not applied. Contact support if this happens again."
        ),
        "constraint_violation": _t(
            "The alliance could not store a record this counter sent; "
            "it was not applied. Contact support if this happens "
            "again."
        ),
    }
    what = c.entry_kind or c.event_kind
    if reason == "invalid_payload" and c.fields:
        what = f"{c.event_kind}: {', '.join(c.fields)}"
    if reason in texts:
        return fill(texts[reason], member_text(c), sale_text(c), coupon, what)
    if c.outcome == "rejected":
        return fill(_t("The alliance refused this record (%1); it was not applied there."), reason)
    return fill(_t("The alliance settled this differently (%1)."), reason)


def _overspend(c: Conflict) -> str:
    before = c.balance_before or 0
    had = (
        fill(_t("only had %1 left at the alliance"), f"{before:,}")
        if before > 0
        else _t("had no points left at the alliance")
    )
    return fill(
        _t(
            "%1 used %2 points here, but %3: points were also used at another shop while this "
            "counter was offline. The sale stands. The member now owes %4 points, which their "
            "next purchases repay first, and cannot use points offline until then. Your shop "
            "is still credited for all %2 points."
        ),
        member_text(c),
        f"{c.points:,}",
        had,
        f"{c.owed_points:,}",
    )
