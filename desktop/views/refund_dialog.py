"""Choosing the sale to refund, with the keyboard."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.sales import SaleLine
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.formatting import yuan
from desktop.views.messages import error_text
from desktop.views.pin_dialog import ask_owner

SALE_ID_ROLE = Qt.ItemDataRole.UserRole


class RefundDialog(QDialog):
    """Lists recent sales, newest first; Up/Down to choose, Enter to refund, Esc to cancel.

    Sales already refunded are shown but cannot be chosen. After ``exec()`` returns Accepted,
    ``sale`` is the chosen :class:`SaleLine` and ``reason`` what was typed. GUI thread only.
    """

    def __init__(
        self,
        sales: list[SaleLine],
        *,
        timezone: str,
        member_name: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sale: SaleLine | None = None
        self.reason = ""
        self._zone = ZoneInfo(timezone)
        self.setWindowTitle(self.tr("Refund a sale"))
        self.setMinimumSize(520, 380)
        if member_name:
            title = self.tr("Recent sales of %1").replace("%1", member_name)
        else:
            title = self.tr("Recent sales at this counter")
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")

        self.sales_list = QListWidget()
        self.sales_list.setObjectName("refundSales")
        self.sales_list.setStyleSheet("font-size: 13pt;")
        for sale in sales:
            item = QListWidgetItem(self._line_text(sale))
            item.setData(SALE_ID_ROLE, sale.id)
            if sale.refunded:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.sales_list.addItem(item)
        self._sales = {s.id: s for s in sales}
        self.sales_list.itemActivated.connect(lambda _item: self._try_accept())

        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("refundReason")
        self.reason_edit.setPlaceholderText(self.tr("Reason (optional)"))
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setProperty("scanExempt", True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Refund (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if sales:
            layout.addWidget(self.sales_list, 1)
        else:
            layout.addWidget(QLabel(self.tr("No sales to refund.")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        first = next(
            (
                i
                for i in range(self.sales_list.count())
                if self.sales_list.item(i).flags() & Qt.ItemFlag.ItemIsEnabled
            ),
            None,
        )
        if first is not None:
            self.sales_list.setCurrentRow(first)
        self.sales_list.setFocus()

    def _line_text(self, sale: SaleLine) -> str:
        local = sale.created_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(self._zone)
        text = f"{local:%Y-%m-%d %H:%M}    {yuan(sale.amount_fen)}"
        if sale.discount_fen:
            text += "    " + self.tr("(points discount %1)").replace("%1", yuan(sale.discount_fen))
        if sale.refunded:
            text += "    " + self.tr("— refunded")
        return text

    def _try_accept(self) -> None:
        item = self.sales_list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.error_label.setText(self.tr("Choose a sale that has not been refunded."))
            return
        self.sale = self._sales[item.data(SALE_ID_ROLE)]
        self.reason = self.reason_edit.text().strip()
        self.accept()


def refund_approver(
    desk: Desk,
    actor: Actor | None,
    sale: SaleLine,
    owner_reason: str,
    *,
    parent: QWidget | None = None,
) -> Actor | None:
    """Who refunds ``sale``: the staff member signed in at the counter when the sale is within
    the owner's limit for staff, else the owner by PIN (``None`` when it was not given).

    The model checks the same limit again; this only saves asking for a PIN it would refuse.
    """
    if actor is not None and not actor.is_owner:
        limit = desk.security_settings().staff_refund_limit_fen
        if sale.amount_fen <= limit:
            return actor
        refusal = error_text(DomainError("refund_over_limit", limit_fen=limit))
        owner_reason = f"{refusal}\n{owner_reason}"
    return ask_owner(desk, owner_reason, parent=parent)
