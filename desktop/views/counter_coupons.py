"""Coupons at the counter: the coupon held for the next sale, and what the counter says.

A coupon scanned (or picked from the member's list) is held until the next sale uses it or
Esc clears the counter. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from desktop.models.errors import DomainError
from desktop.views.coupon_text import coupon_offer, coupon_summary, min_spend_note
from desktop.views.formatting import day_text
from desktop.views.textfill import fill

LOOKUP_AMOUNT_FEN = 100_000_000  # the largest sale: checks a coupon before the amount is known

if TYPE_CHECKING:
    from desktop.models.coupons import CouponCheck, CouponInfo
    from desktop.models.service import Desk


@dataclass(frozen=True)
class HeldCoupon:
    """A coupon waiting for the next sale: what it is, and the code to check it with."""

    coupon: CouponInfo
    code: str
    member_name: str = ""  # whom it is bound to ("" for a bearer coupon)


class SaleCoupons:
    """What the sale dialog asks about coupons, for the member on the sale (or none)."""

    def __init__(self, desk: Desk, member_id: int | None) -> None:
        self._desk = desk
        self.member_id = member_id

    def kind(self, raw: str) -> str:
        """ "coupon", "member", "other" or "" (not one of our codes)."""
        return self._desk.check_code(raw)

    def check(self, code: str, amount_fen: int) -> CouponCheck:
        """The coupon's discount on this bill; ``DomainError`` when it cannot be used."""
        return self._desk.check_coupon(code, amount_fen=amount_fen, member_id=self.member_id)


class HeldCouponBar(QFrame):
    """A strip above the member card: "Coupon for the next sale: ¥10.00 off · …"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldCoupon")
        self.setStyleSheet(
            "#heldCoupon { background: #fff4e5; border: 1px dashed #c62828; border-radius: 8px; }"
            " #heldCoupon QLabel { background: transparent; }"
        )
        self.held: HeldCoupon | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("heldCouponTitle")
        self.title_label.setStyleSheet("font-size: 15pt; font-weight: 600; color: #c62828;")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("heldCouponDetail")
        self.detail_label.setStyleSheet("font-size: 13pt; color: #1d2733;")
        hint = QLabel(translate("CounterCoupons", "F2 applies it · Esc removes it"))
        hint.setStyleSheet("color: #6b7684;")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 4, 12, 4)
        row.addWidget(self.title_label)
        row.addSpacing(12)
        row.addWidget(self.detail_label, 1)
        row.addWidget(hint)
        self.hide()

    def show_held(self, held: HeldCoupon) -> None:
        self.held = held
        self.title_label.setText(
            translate("CounterCoupons", "Coupon: %1").replace("%1", coupon_offer(held.coupon))
        )
        self.detail_label.setText(held_details(held))
        self.show()

    def clear(self) -> None:
        self.held = None
        self.hide()


translate = QCoreApplication.translate


def held_details(held: HeldCoupon) -> str:
    """Campaign, condition, last day and whose it is, in one short line."""
    c = held.coupon
    parts = [c.campaign_name, min_spend_note(c.kind, c.min_spend_fen)]
    parts.append(translate("CounterCoupons", "until %1").replace("%1", day_text(c.valid_to)))
    if c.member_id is None:
        parts.append(translate("CounterCoupons", "bearer coupon (anyone may use it)"))
    else:
        parts.append(
            translate("CounterCoupons", "for %1 only").replace(
                "%1", held.member_name or translate("CounterCoupons", "one member")
            )
        )
    return "  ·  ".join(p for p in parts if p)


class CounterCoupons:
    """The counter's coupon actions (mixed into ``CounterView``, which provides ``_desk``,
    ``card_widget``, ``coupon_bar``, ``chooser``, ``_say``, ``_refuse``, ``_show_member`` and
    ``focus_scan_field``)."""

    def scan_coupon(self, raw: str) -> None:
        """A coupon scanned at the counter: show it and hold it for the next sale.

        A coupon bound to a member brings up that member's card when no card is shown.
        """
        self.chooser.hide()
        try:
            check = self._check(raw)
        except DomainError as exc:
            bound = scanned_coupon(self._desk, raw) if exc.code == "member_required" else None
            if bound is None or bound.member_id is None or not self._show_member(bound.member_id):
                self._refuse(exc)
                return
            try:
                check = self._check(raw)
            except DomainError as again:
                self._refuse(again)
                return
        self._hold(HeldCoupon(check.coupon, raw.strip(), self._owner_name(check.coupon)))

    def _check(self, raw: str) -> CouponCheck:
        member_id = self.card_widget.member_id
        return self._desk.check_coupon(raw, amount_fen=LOOKUP_AMOUNT_FEN, member_id=member_id)

    def _owner_name(self, coupon: CouponInfo) -> str:
        card = self.card_widget.card
        return card.name if card is not None and card.id == coupon.member_id else ""

    def _hold(self, held: HeldCoupon) -> None:
        self.coupon_bar.show_held(held)
        self._say(translate("CounterCoupons", "Coupon ready: F2 records the sale with it."), "info")
        self.focus_scan_field()

    def hold_listed_coupon(self, coupon: CouponInfo) -> None:
        """A coupon picked from the member's list."""
        try:
            code = self._desk.coupon_code(coupon.id)
        except DomainError as exc:
            self._refuse(exc)
            return
        self._hold(HeldCoupon(coupon, code, self._owner_name(coupon)))

    def choose_coupon(self) -> None:
        """F10: move to the member's coupon list (Enter picks, Esc goes back)."""
        card = self.card_widget.card
        if card is None:
            self._refuse(
                translate("CounterCoupons", "Scan the member card first to see their coupons.")
            )
            self.focus_scan_field()
        elif not self.card_widget.coupons_panel.focus_list():
            self._say(
                translate("CounterCoupons", "%1 has no coupon to use today.").replace(
                    "%1", card.name
                ),
                "info",
            )
            self.focus_scan_field()

    def _with_new_coupons(self, text: str, coupons: Sequence[CouponInfo]) -> str:
        card = self.card_widget.card
        note = new_coupons_text(coupons, card.name if card else "")
        return f"{text}\n{note}" if note else text


def scanned_coupon(desk: Desk, raw: str) -> CouponInfo | None:
    """The coupon a scan names, whatever its state (used, void, bound to a member…), or None
    when the code is not a genuine coupon of this shop."""
    try:
        return desk.coupon_for_code(raw)
    except DomainError:
        return None


def active_multiplier_tenths(desk: Desk) -> int:
    """The points-multiplier period running today (×10), 10 when none: for the sale preview."""
    today = desk.today()
    best = 10
    for summary in desk.campaign_summaries(include_ended=False):
        if summary.kind != "points_multiplier" or summary.state != "active":
            continue
        campaign = desk.campaign(summary.id)
        if campaign.in_window(today):
            best = max(best, campaign.spec.multiplier_tenths)
    return best


def new_coupons_text(coupons: Sequence[CouponInfo], member_name: str) -> str:
    """ "张三 just got a coupon: ¥10.00 off (until 2026-04-01)." for coupons issued by a rule."""
    if not coupons:
        return ""
    listed = "; ".join(coupon_summary(c) for c in coupons)
    if len(coupons) == 1:
        return fill(translate("CounterCoupons", "%1 just got a coupon: %2."), member_name, listed)
    return fill(
        translate("CounterCoupons", "%1 just got %2 coupons: %3."),
        member_name,
        len(coupons),
        listed,
    )
