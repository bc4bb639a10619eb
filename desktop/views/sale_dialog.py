"""The sale dialog: amount, optional points to redeem, a coupon, and a live preview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.members import MemberCardView
from desktop.models.shop import Rule
from desktop.views.counter_coupons import LOOKUP_AMOUNT_FEN, HeldCoupon, SaleCoupons
from desktop.views.coupon_text import coupon_offer
from desktop.views.formatting import parse_yuan, tier_name, yuan
from desktop.views.messages import error_text
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.coupons import CouponCheck


@dataclass(frozen=True)
class SalePreview:
    discount_fen: int
    paid_fen: int
    points_earned: int
    coupon_discount_fen: int = 0


@dataclass(frozen=True)
class SaleRequest:
    amount_fen: int
    redeem_points: int
    coupon_id: int | None = None


def multiplier_pct(tier: int, rule: Rule) -> int:
    """The tier's earning multiplier in percent (same rule as the model's tiers)."""
    if tier == 2:
        return rule.gold_multiplier_pct
    if tier == 1:
        return rule.silver_multiplier_pct
    return 100


def preview_sale(
    *,
    amount_fen: int,
    redeem_points: int,
    tier: int | None,
    rule: Rule,
    coupon_discount_fen: int = 0,
    multiplier_tenths: int = 10,
) -> SalePreview:
    """What the model will do: the coupon comes off first, points redeem against the rest,
    points are earned on what is paid in money (× tier × any points-multiplier period)."""
    due = max(amount_fen - coupon_discount_fen, 0)
    discount = redeem_points * rule.point_value_fen
    paid = max(due - discount, 0)
    earned = 0
    if tier is not None:
        earned = (
            paid * multiplier_pct(tier, rule) * multiplier_tenths // (rule.fen_per_point * 1000)
        )
    return SalePreview(discount, paid, earned, coupon_discount_fen)


def _digits_edit(max_length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    edit.setProperty("scanExempt", True)
    edit.setStyleSheet("font-size: 20pt; padding: 4px;")
    return edit


class SaleDialog(QDialog):
    """Asks for a sale. After ``exec()`` returns Accepted, ``request`` holds what to record.

    Without a member there is no points field. ``focus_points`` puts the cursor on the points
    field first (the Redeem action). ``coupon`` is the coupon held at the counter; ``coupons``
    checks it against the amount as it is typed, and takes a coupon scanned while the dialog
    is open (``handle_scan``). GUI thread only.
    """

    def __init__(
        self,
        rule: Rule,
        card: MemberCardView | None,
        *,
        focus_points: bool = False,
        coupon: HeldCoupon | None = None,
        coupons: SaleCoupons | None = None,
        multiplier_tenths: int = 10,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rule = rule
        self._card = card
        self._coupons = coupons
        self._multiplier = multiplier_tenths
        self.coupon: HeldCoupon | None = coupon
        self.coupon_check: CouponCheck | None = None
        self.coupon_error: DomainError | None = None
        self.request: SaleRequest | None = None
        self.setWindowTitle(self.tr("Redeem points") if focus_points else self.tr("Sale"))
        self.setMinimumWidth(560)

        if card is None:
            who = self.tr("Sale without a member (no points)")
        else:
            who = fill(
                self.tr("%1 · %2 · balance %3 points"),
                card.name,
                tier_name(card.tier),
                f"{card.balance:,}",
            )
        self.member_label = QLabel(who)
        self.member_label.setStyleSheet("font-size: 14pt; font-weight: 600;")

        self.amount_edit = _digits_edit(16)
        self.amount_edit.setObjectName("amountEdit")
        self.amount_edit.setValidator(QRegularExpressionValidator(r"[0-9０-９.．,]{0,16}"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 23.50"))
        self.points_edit = _digits_edit(9)
        self.points_edit.setObjectName("pointsEdit")
        self.points_edit.setValidator(QRegularExpressionValidator(r"\d{0,9}"))
        self.points_edit.setPlaceholderText("0")

        form = QFormLayout()
        form.addRow(self.tr("Amount (¥)"), self.amount_edit)
        if card is not None:
            value = yuan(100 * rule.point_value_fen)
            form.addRow(self.tr("Points to redeem"), self.points_edit)
            hint = QLabel(self.tr("100 points = %1 off").replace("%1", value))
            hint.setStyleSheet("color: #6b7684;")
            form.addRow("", hint)

        self.coupon_label = QLabel()
        self.coupon_label.setObjectName("saleCoupon")
        self.coupon_label.setWordWrap(True)
        self.remove_coupon_button = QPushButton(self.tr("Remove coupon (Ctrl+R)"))
        self.remove_coupon_button.setObjectName("removeCoupon")
        self.remove_coupon_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_coupon_button.clicked.connect(self.remove_coupon)
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(self.remove_coupon)
        coupon_row = QHBoxLayout()
        coupon_row.addStretch(1)
        coupon_row.addWidget(self.remove_coupon_button)

        self.preview_label = QLabel()
        self.preview_label.setObjectName("salePreview")
        self.preview_label.setStyleSheet("font-size: 14pt; color: #0b6e4f;")
        self.preview_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("saleError")
        self.error_label.setStyleSheet("color: #b00020; font-size: 13pt;")
        self.error_label.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record sale (Enter)"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.member_label)
        layout.addLayout(form)
        layout.addWidget(self.coupon_label)
        layout.addLayout(coupon_row)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.amount_edit.textChanged.connect(self._update_preview)
        self.points_edit.textChanged.connect(self._update_preview)
        self._update_preview()
        (self.points_edit if focus_points and card is not None else self.amount_edit).setFocus()

    def _points(self) -> int:
        text = self.points_edit.text().strip()
        return int(text) if text and self._card is not None else 0

    # -- the coupon ---------------------------------------------------------------------
    def _check_coupon(self, amount: int) -> None:
        """Check the coupon against this bill (a read; a few milliseconds)."""
        self.coupon_check, self.coupon_error = None, None
        if self.coupon is None or self._coupons is None:
            return
        try:
            self.coupon_check = self._coupons.check(self.coupon.code, amount or LOOKUP_AMOUNT_FEN)
        except DomainError as exc:
            self.coupon_error = exc

    def _show_coupon(self, amount: int) -> None:
        held = self.coupon
        self.remove_coupon_button.setVisible(held is not None)
        self.coupon_label.setVisible(held is not None)
        if held is None:
            return
        offer = fill(self.tr("Coupon %1: %2"), held.coupon.serial, coupon_offer(held.coupon))
        if self.coupon_error is not None:
            text, colour = f"{offer}\n{error_text(self.coupon_error)}", "#b00020"
        elif self.coupon_check is not None and amount:
            off = self.coupon_check.discount_fen
            taken = (
                self.tr("takes %1 off this bill").replace("%1", yuan(off))
                if off
                else self.tr("hand over the gift")
            )
            text, colour = f"{offer}\n{taken}", "#0b6e4f"
        else:
            text, colour = offer, "#1d2733"
        self.coupon_label.setText(text)
        self.coupon_label.setStyleSheet(
            f"font-size: 13pt; color: {colour}; background: #fff4e5; padding: 6px;"
            " border: 1px dashed #c62828; border-radius: 6px;"
        )

    def remove_coupon(self) -> None:
        self.coupon = None
        self._update_preview()

    def handle_scan(self, raw: str) -> bool:
        """A scan while the dialog is open: a coupon is applied; anything else is explained."""
        if self._coupons is None:
            return False
        kind = self._coupons.kind(raw)
        if kind == "member":
            self.error_label.setText(
                self.tr(
                    "That is a member card, not a coupon. To change the member, cancel this "
                    "sale (Esc) and scan the card at the counter."
                )
            )
            return True
        try:
            check = self._coupons.check(raw, LOOKUP_AMOUNT_FEN)
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            return True
        self.coupon = HeldCoupon(check.coupon, raw.strip())
        self._update_preview()
        return True

    # -- the preview --------------------------------------------------------------------
    def _update_preview(self) -> None:
        self.error_label.clear()
        amount = parse_yuan(self.amount_edit.text()) or 0
        self._check_coupon(amount)
        self._show_coupon(amount)
        tier = self._card.tier if self._card is not None else None
        coupon_off = self.coupon_check.discount_fen if self.coupon_check and amount else 0
        p = preview_sale(
            amount_fen=amount,
            redeem_points=self._points(),
            tier=tier,
            rule=self._rule,
            coupon_discount_fen=coupon_off,
            multiplier_tenths=self._multiplier,
        )
        parts = []
        if p.coupon_discount_fen:
            parts.append(self.tr("Coupon %1").replace("%1", "−" + yuan(p.coupon_discount_fen)))
        if p.discount_fen:
            shown = min(p.discount_fen, max(amount - coupon_off, 0))  # too large: refused below
            parts.append(self.tr("Discount %1").replace("%1", yuan(shown)))
        parts.append(self.tr("To pay %1").replace("%1", yuan(p.paid_fen)))
        if self._card is not None:
            parts.append(self.tr("Points earned +%1").replace("%1", f"{p.points_earned:,}"))
        self.preview_label.setText("   ·   ".join(parts))

    def _refusal(self) -> str | None:
        amount = parse_yuan(self.amount_edit.text())
        if not amount:
            return self.tr("Enter the amount, for example 23.50.")
        if self.coupon is not None and self.coupon_error is not None:
            return fill(
                "%1 %2",
                error_text(self.coupon_error),
                self.tr("Remove the coupon (Ctrl+R) to sell without it."),
            )
        points = self._points()
        if self._card is None or not points:
            return None
        if points > self._card.balance:
            return error_text(
                DomainError(
                    "insufficient_points", balance=max(self._card.balance, 0), needed=points
                )
            )
        due = amount - (self.coupon_check.discount_fen if self.coupon_check else 0)
        if points * self._rule.point_value_fen > due:
            return error_text(
                DomainError("redeem_exceeds_amount", max_points=due // self._rule.point_value_fen)
            )
        return None

    def _try_accept(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self.error_label.setText(refusal)
            return
        amount = parse_yuan(self.amount_edit.text())
        assert amount is not None
        coupon_id = self.coupon.coupon.id if self.coupon is not None else None
        self.request = SaleRequest(amount, self._points(), coupon_id)
        self.accept()
