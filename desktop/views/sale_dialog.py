"""The sale dialog: amount, optional points to redeem, and a live preview of what happens."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.members import MemberCardView
from desktop.models.shop import Rule
from desktop.views.formatting import parse_yuan, tier_name, yuan
from desktop.views.messages import error_text
from desktop.views.textfill import fill


@dataclass(frozen=True)
class SalePreview:
    discount_fen: int
    paid_fen: int
    points_earned: int


@dataclass(frozen=True)
class SaleRequest:
    amount_fen: int
    redeem_points: int


def multiplier_pct(tier: int, rule: Rule) -> int:
    """The tier's earning multiplier in percent (same rule as the model's tiers)."""
    if tier == 2:
        return rule.gold_multiplier_pct
    if tier == 1:
        return rule.silver_multiplier_pct
    return 100


def preview_sale(
    *, amount_fen: int, redeem_points: int, tier: int | None, rule: Rule
) -> SalePreview:
    """What the model will do: discount from points, points earned on what is paid in money."""
    discount = redeem_points * rule.point_value_fen
    paid = max(amount_fen - discount, 0)
    earned = 0
    if tier is not None:
        earned = paid * multiplier_pct(tier, rule) // (rule.fen_per_point * 100)
    return SalePreview(discount, paid, earned)


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
    field first (the Redeem action). GUI thread only.
    """

    def __init__(
        self,
        rule: Rule,
        card: MemberCardView | None,
        *,
        focus_points: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rule = rule
        self._card = card
        self.request: SaleRequest | None = None
        self.setWindowTitle(self.tr("Redeem points") if focus_points else self.tr("Sale"))
        self.setMinimumWidth(460)

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

    def _update_preview(self) -> None:
        self.error_label.clear()
        amount = parse_yuan(self.amount_edit.text()) or 0
        tier = self._card.tier if self._card is not None else None
        p = preview_sale(
            amount_fen=amount, redeem_points=self._points(), tier=tier, rule=self._rule
        )
        parts = []
        if p.discount_fen:
            shown = min(p.discount_fen, amount)  # an over-large discount is refused below
            parts.append(self.tr("Discount %1").replace("%1", yuan(shown)))
        parts.append(self.tr("To pay %1").replace("%1", yuan(p.paid_fen)))
        if self._card is not None:
            parts.append(self.tr("Points earned +%1").replace("%1", f"{p.points_earned:,}"))
        self.preview_label.setText("   ·   ".join(parts))

    def _refusal(self) -> str | None:
        amount = parse_yuan(self.amount_edit.text())
        if not amount:
            return self.tr("Enter the amount, for example 23.50.")
        points = self._points()
        if self._card is None or not points:
            return None
        if points > self._card.balance:
            return error_text(
                DomainError(
                    "insufficient_points", balance=max(self._card.balance, 0), needed=points
                )
            )
        if points * self._rule.point_value_fen > amount:
            return error_text(
                DomainError(
                    "redeem_exceeds_amount", max_points=amount // self._rule.point_value_fen
                )
            )
        return None

    def _try_accept(self) -> None:
        refusal = self._refusal()
        if refusal is not None:
            self.error_label.setText(refusal)
            return
        amount = parse_yuan(self.amount_edit.text())
        assert amount is not None
        self.request = SaleRequest(amount, self._points())
        self.accept()
