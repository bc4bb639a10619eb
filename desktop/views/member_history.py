"""A member's history: the points ledger and the visits (sales), as two tabs."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from desktop.views.formatting import day_text, yuan

if TYPE_CHECKING:
    from desktop.models.points import LedgerLine
    from desktop.models.sales import SaleLine
    from desktop.models.service import Desk

HISTORY_LIMIT = 100


def _kind_text(kind: str) -> str:
    names = {
        "earn": QCoreApplication.translate("MemberHistory", "Earned"),
        "redeem": QCoreApplication.translate("MemberHistory", "Redeemed"),
        "expire": QCoreApplication.translate("MemberHistory", "Expired"),
        "reversal": QCoreApplication.translate("MemberHistory", "Reversed"),
        "adjustment": QCoreApplication.translate("MemberHistory", "Adjusted"),
        "checkin": QCoreApplication.translate("MemberHistory", "Check-in"),
    }
    return names.get(kind, kind)


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class PointsHistoryTable(QTableWidget):
    """The member's ledger entries, newest first. ``update()`` reloads and rebuilds."""

    class Columns(enum.IntEnum):
        DAY = 0
        KIND = 1
        POINTS = 2
        EXPIRES = 3
        NOTE = 4

    def __init__(self, desk: Desk) -> None:
        super().__init__(0, len(self.Columns))
        self._desk = desk
        self.member_id: int | None = None
        headers = {
            self.Columns.DAY: self.tr("Date"),
            self.Columns.KIND: self.tr("Entry"),
            self.Columns.POINTS: self.tr("Points"),
            self.Columns.EXPIRES: self.tr("Expires"),
            self.Columns.NOTE: self.tr("Note"),
        }
        _configure(self, [headers[c] for c in self.Columns])
        self.setObjectName("pointsHistory")

    def update(self) -> None:
        lines = (
            []
            if self.member_id is None
            else self._desk.points_history(self.member_id, limit=HISTORY_LIMIT)
        )
        self._rebuild(lines)

    def _rebuild(self, lines: Sequence[LedgerLine]) -> None:
        self.setRowCount(0)
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            sign = "+" if line.points > 0 else ""
            values = {
                self.Columns.DAY: _item(day_text(line.local_day)),
                self.Columns.KIND: _item(_kind_text(line.kind)),
                self.Columns.POINTS: _item(f"{sign}{line.points:,}", right=True),
                self.Columns.EXPIRES: _item(day_text(line.expires_on) if line.expires_on else ""),
                self.Columns.NOTE: _item(line.note),
            }
            for column, item in values.items():
                self.setItem(row, column, item)


class VisitsTable(QTableWidget):
    """The member's latest sales, newest first. ``update()`` reloads and rebuilds."""

    class Columns(enum.IntEnum):
        DAY = 0
        AMOUNT = 1
        DISCOUNT = 2
        PAID = 3
        STATE = 4

    def __init__(self, desk: Desk) -> None:
        super().__init__(0, len(self.Columns))
        self._desk = desk
        self.member_id: int | None = None
        headers = {
            self.Columns.DAY: self.tr("Date"),
            self.Columns.AMOUNT: self.tr("Amount"),
            self.Columns.DISCOUNT: self.tr("Points discount"),
            self.Columns.PAID: self.tr("Paid"),
            self.Columns.STATE: self.tr("State"),
        }
        _configure(self, [headers[c] for c in self.Columns])
        self.setObjectName("visitsHistory")

    def update(self) -> None:
        lines = (
            []
            if self.member_id is None
            else self._desk.recent_sales(member_id=self.member_id, limit=HISTORY_LIMIT)
        )
        self._rebuild(lines)

    def _rebuild(self, lines: Sequence[SaleLine]) -> None:
        self.setRowCount(0)
        self.setRowCount(len(lines))
        for row, sale in enumerate(lines):
            values = {
                self.Columns.DAY: _item(day_text(sale.local_day)),
                self.Columns.AMOUNT: _item(yuan(sale.amount_fen), right=True),
                self.Columns.DISCOUNT: _item(yuan(sale.discount_fen), right=True),
                self.Columns.PAID: _item(yuan(sale.paid_fen), right=True),
                self.Columns.STATE: _item(self.tr("Refunded") if sale.refunded else ""),
            }
            for column, item in values.items():
                self.setItem(row, column, item)


def _configure(table: QTableWidget, headers: list[str]) -> None:
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
