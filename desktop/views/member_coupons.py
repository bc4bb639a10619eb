"""On the member card: stamp-card progress and the member's usable coupons, to pick from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.views.coupon_text import coupon_summary, stamp_dots
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.coupons import CouponInfo

COUPON_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 3

STYLE = """
#memberCoupons QLabel#stampsLabel { font-size: 14pt; color: #7a3e00; }
#memberCoupons QLabel#couponsCaption { font-size: 13pt; color: #6b7684; }
#memberCoupons QListWidget { font-size: 13pt; border: 1px solid #e1e5ea; border-radius: 6px; }
#memberCoupons QListWidget::item { padding: 3px 6px; }
#memberCoupons QListWidget::item:selected { background: #fde7c8; color: #1d2733; }
"""


class CouponList(QListWidget):
    """Enter or Space picks the coupon under the cursor; Esc gives the focus back."""

    picked = Signal(object)
    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            item = self.currentItem()
            if item is not None:
                self.picked.emit(item.data(COUPON_ROLE))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.leave.emit()
            return
        super().keyPressEvent(event)


class MemberCouponsPanel(QWidget):
    """Stamp cards ("Stamp card 咖啡: 7/10 ●●●●●●●○○○") and the coupons the member can use.

    ``chosen(CouponInfo)`` when one is picked (Enter, Space, double-click). GUI thread only.
    """

    chosen = Signal(object)
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCoupons")
        self.setStyleSheet(STYLE)
        self.coupons: list[CouponInfo] = []
        self.stamps_label = QLabel()
        self.stamps_label.setObjectName("stampsLabel")
        self.stamps_label.setTextFormat(Qt.TextFormat.PlainText)
        self.caption = QLabel()
        self.caption.setObjectName("couponsCaption")
        self.coupon_list = CouponList()
        self.coupon_list.setObjectName("memberCouponList")
        self.coupon_list.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.coupon_list.picked.connect(self.chosen)
        self.coupon_list.leave.connect(self.leave)
        self.coupon_list.itemDoubleClicked.connect(
            lambda item: self.chosen.emit(item.data(COUPON_ROLE))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.stamps_label)
        layout.addWidget(self.caption)
        layout.addWidget(self.coupon_list)

    def show_member(self, stamps: Sequence[Any], coupons: Sequence[CouponInfo]) -> None:
        """``stamps``: the card view's ``StampCard``s; ``coupons``: the usable ones."""
        lines = [
            fill(
                self.tr("Stamp card %1: %2/%3  %4"),
                s.name,
                s.have,
                s.need,
                stamp_dots(s.have, s.need),
            ).rstrip()
            for s in stamps
        ]
        self.stamps_label.setText("\n".join(lines))
        self.stamps_label.setVisible(bool(lines))
        self.coupons = list(coupons)
        self.coupon_list.clear()
        for coupon in self.coupons:
            item = QListWidgetItem(f"{coupon.campaign_name}\n{coupon_summary(coupon)}")
            item.setData(COUPON_ROLE, coupon)
            self.coupon_list.addItem(item)
        if self.coupons:
            self.caption.setText(
                self.tr("Coupons to use: %1 (F10 to choose, Enter to apply)").replace(
                    "%1", str(len(self.coupons))
                )
            )
            self.coupon_list.setCurrentRow(0)
            rows = min(len(self.coupons), VISIBLE_ROWS)
            height = self.coupon_list.sizeHintForRow(0) * rows + 2 * self.coupon_list.frameWidth()
            self.coupon_list.setFixedHeight(height + 2 * rows + 4)
        self.caption.setVisible(bool(self.coupons))
        self.coupon_list.setVisible(bool(self.coupons))
        self.setVisible(bool(lines) or bool(self.coupons))

    def focus_list(self) -> bool:
        """Put the cursor on the coupon list; False when there is none to choose."""
        if not self.coupons:
            return False
        self.coupon_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.coupon_list.currentRow() < 0:
            self.coupon_list.setCurrentRow(0)
        return True

    def clear(self) -> None:
        self.show_member((), ())
