"""The member card at the counter: who this is and how many points they have, at a glance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.models.members import MemberCardView, Visit
from desktop.views.formatting import day_text, tier_name, yuan
from desktop.views.member_coupons import MemberCouponsPanel
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.coupons import CouponInfo

TIER_COLOURS = {0: ("#5f6b7a", "#eef1f5"), 1: ("#44505c", "#dfe4ea"), 2: ("#7a5a00", "#ffe8a3")}
CARD_EXPIRY_WARNING_DAYS = 30

STYLE = """
#memberCard { background: #ffffff; border: 1px solid #d5dae1; border-radius: 10px; }
#memberCard QLabel { background: transparent; }
#cardEmpty { color: #8a94a3; font-size: 20pt; }
#cardName { font-size: 28pt; font-weight: 600; color: #1d2733; }
#cardPhone { font-size: 16pt; color: #4a5563; }
#cardBalanceCaption { font-size: 13pt; color: #4a5563; }
#cardBalance { font-size: 44pt; font-weight: 700; color: #0b6e4f; }
#cardExpiring { font-size: 14pt; color: #a64b00; font-weight: 600; }
#cardFacts QLabel { font-size: 13pt; color: #1d2733; }
#cardFacts QLabel[role="caption"] { color: #6b7684; }
#cardVisitsCaption { font-size: 13pt; color: #6b7684; }
#cardVisits { font-size: 13pt; color: #1d2733; }
"""


class MemberCardWidget(QFrame):
    """Shows one :class:`MemberCardView`, or a hint when there is none.

    GUI thread only. ``painted_member_id`` is the id of the member on screen at the end of the
    last paint (``None`` when empty): the scan benchmark waits for it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCard")
        self.setStyleSheet(STYLE)
        self.card: MemberCardView | None = None
        self.painted_member_id: int | None = None
        self._today: dt.date | None = None

        self._stack = QStackedLayout(self)
        self.empty_label = QLabel(self.tr("Scan a member card, or type a phone number"))
        self.empty_label.setObjectName("cardEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self._build_details())
        self._stack.setCurrentIndex(0)

    def _build_details(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(10)

        top = QHBoxLayout()
        who = QVBoxLayout()
        name_row = QHBoxLayout()
        self.name_label = QLabel()
        self.name_label.setObjectName("cardName")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.tier_label = QLabel()
        self.tier_label.setObjectName("cardTier")
        name_row.addWidget(self.name_label)
        name_row.addSpacing(12)
        name_row.addWidget(self.tier_label, 0, Qt.AlignmentFlag.AlignVCenter)
        name_row.addStretch(1)
        who.addLayout(name_row)
        self.phone_label = QLabel()
        self.phone_label.setObjectName("cardPhone")
        who.addWidget(self.phone_label)
        who.addStretch(1)
        top.addLayout(who, 1)

        points = QVBoxLayout()
        points.setSpacing(0)
        self.balance_caption = QLabel(self.tr("Points"))
        self.balance_caption.setObjectName("cardBalanceCaption")
        self.balance_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.balance_label = QLabel()
        self.balance_label.setObjectName("cardBalance")
        self.balance_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        points.addWidget(self.balance_caption)
        points.addWidget(self.balance_label)
        top.addLayout(points)
        outer.addLayout(top)

        self.expiring_label = QLabel()
        self.expiring_label.setObjectName("cardExpiring")
        outer.addWidget(self.expiring_label)

        facts = QWidget()
        facts.setObjectName("cardFacts")
        grid = QGridLayout(facts)
        grid.setContentsMargins(0, 4, 0, 4)
        grid.setHorizontalSpacing(16)
        self.spend_label = QLabel()
        self.enrolled_label = QLabel()
        self.card_expiry_label = QLabel()
        rows = (
            (self.tr("Spent in the last 12 months"), self.spend_label),
            (self.tr("Member since"), self.enrolled_label),
            (self.tr("Card valid until"), self.card_expiry_label),
        )
        for row, (caption, value) in enumerate(rows):
            label = QLabel(caption)
            label.setProperty("role", "caption")
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(2, 1)

        self.visits_caption = QLabel(self.tr("Recent visits"))
        self.visits_caption.setObjectName("cardVisitsCaption")
        self.visits_label = QLabel()
        self.visits_label.setObjectName("cardVisits")
        self.visits_label.setTextFormat(Qt.TextFormat.PlainText)
        left = QVBoxLayout()
        left.addWidget(facts)
        left.addWidget(self.visits_caption)
        left.addWidget(self.visits_label)
        left.addStretch(1)
        # Stamp cards and coupons sit beside the facts, so a small screen still shows them all.
        self.coupons_panel = MemberCouponsPanel()
        self.coupons_panel.hide()
        right = QVBoxLayout()
        right.addWidget(self.coupons_panel)
        right.addStretch(1)
        lower = QHBoxLayout()
        lower.addLayout(left, 1)
        lower.addSpacing(16)
        lower.addLayout(right, 1)
        outer.addLayout(lower, 1)
        return page

    # -- showing ------------------------------------------------------------------------
    def show_card(
        self,
        view: MemberCardView,
        *,
        today: dt.date | None = None,
        coupons: Sequence[CouponInfo] = (),
    ) -> None:
        """Show ``view``; ``today`` (the shop's day) lets a card about to expire stand out.

        ``coupons`` are the member's usable coupons, listed to pick from with the stamp cards.
        """
        self.card = view
        self._today = today
        guest_of = getattr(view, "alliance_shop_id", None)
        if guest_of is not None:  # another shop's member: name and phone stay with that shop
            self.name_label.setText(
                self.tr("Member of alliance shop no. %1").replace("%1", str(guest_of))
            )
            self.phone_label.setText(self.tr("Name and phone are kept by their own shop"))
        else:
            self.name_label.setText(view.name)
            self.phone_label.setText(view.phone_masked)
        alliance = getattr(view, "alliance_balance", False)
        self.balance_caption.setText(self.tr("Alliance points") if alliance else self.tr("Points"))
        fg, bg = TIER_COLOURS.get(view.tier, TIER_COLOURS[0])
        self.tier_label.setText(tier_name(view.tier))
        self.tier_label.setStyleSheet(
            f"color: {fg}; background: {bg}; border-radius: 6px; padding: 3px 10px;"
            " font-size: 13pt; font-weight: 600;"
        )
        self.balance_label.setText(f"{view.balance:,}")
        self.balance_label.setStyleSheet("color: #b00020;" if view.balance < 0 else "")
        if view.expiring_points > 0 and view.expiring_on is not None:
            self.expiring_label.setText(
                fill(
                    self.tr("%1 points expire on %2"),
                    f"{view.expiring_points:,}",
                    day_text(view.expiring_on),
                )
            )
            self.expiring_label.show()
        else:
            self.expiring_label.clear()
            self.expiring_label.hide()
        self.spend_label.setText(yuan(view.spend_12m_fen))
        self.enrolled_label.setText(day_text(view.enrolled_day))
        self.card_expiry_label.setText(day_text(view.card_expires_on))
        soon = today is not None and view.card_expires_on <= today + dt.timedelta(
            days=CARD_EXPIRY_WARNING_DAYS
        )
        self.card_expiry_label.setStyleSheet("color: #b00020; font-weight: 600;" if soon else "")
        self.visits_label.setText(self._visits_text(view.last_visits))
        self.coupons_panel.show_member(getattr(view, "stamps", ()), coupons)
        self._stack.setCurrentIndex(1)
        self.update()

    def _visits_text(self, visits: tuple[Visit, ...]) -> str:
        if not visits:
            return self.tr("No visits yet")
        lines = []
        for visit in visits:
            if visit.kind == "sale":
                what = self.tr("Sale %1").replace("%1", yuan(visit.amount_fen))
            else:
                what = self.tr("Check-in")
            lines.append(f"{day_text(visit.day)}    {what}")
        return "\n".join(lines)

    def clear(self) -> None:
        self.card = None
        self.coupons_panel.clear()
        self._stack.setCurrentIndex(0)
        self.update()

    @property
    def member_id(self) -> int | None:
        return self.card.id if self.card else None

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted_member_id = self.card.id if self.card else None
