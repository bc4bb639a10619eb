"""A member's history: the points ledger and the visits (sales), as two tabs."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidgetItem

from desktop.views.formatting import day_text, yuan
from desktop.views.record_table import RecordTable, cell

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
        "import": QCoreApplication.translate("MemberHistory", "Opening balance (imported)"),
    }
    return names.get(kind, kind)


class PointsHistoryTable(RecordTable):
    """The member's ledger entries, newest first. ``update()`` reloads and rebuilds."""

    class Columns(enum.IntEnum):
        DAY, KIND, POINTS, EXPIRES, NOTE = range(5)

    def __init__(self, desk: Desk) -> None:
        headers = [
            self.tr("Date"),
            self.tr("Entry"),
            self.tr("Points"),
            self.tr("Expires"),
            self.tr("Note"),
        ]
        super().__init__(headers, object_name="pointsHistory")
        self._desk = desk
        self.member_id: int | None = None

    def fetch(self) -> Sequence[LedgerLine]:
        if self.member_id is None:
            return []
        return self._desk.points_history(self.member_id, limit=HISTORY_LIMIT)

    def cells(self, record: LedgerLine) -> list[QTableWidgetItem]:
        sign = "+" if record.points > 0 else ""
        return [
            cell(day_text(record.local_day)),
            cell(_kind_text(record.kind)),
            cell(f"{sign}{record.points:,}", right=True),
            cell(day_text(record.expires_on) if record.expires_on else ""),
            cell(record.note),
        ]


class VisitsTable(RecordTable):
    """The member's latest sales, newest first. ``update()`` reloads and rebuilds."""

    class Columns(enum.IntEnum):
        DAY, AMOUNT, DISCOUNT, PAID, STATE = range(5)

    def __init__(self, desk: Desk) -> None:
        headers = [
            self.tr("Date"),
            self.tr("Amount"),
            self.tr("Points discount"),
            self.tr("Paid"),
            self.tr("State"),
        ]
        super().__init__(headers, object_name="visitsHistory")
        self._desk = desk
        self.member_id: int | None = None

    def fetch(self) -> Sequence[SaleLine]:
        if self.member_id is None:
            return []
        return self._desk.recent_sales(member_id=self.member_id, limit=HISTORY_LIMIT)

    def cells(self, record: SaleLine) -> list[QTableWidgetItem]:
        return [
            cell(day_text(record.local_day)),
            cell(yuan(record.amount_fen), right=True),
            cell(yuan(record.discount_fen), right=True),
            cell(yuan(record.paid_fen), right=True),
            cell(self.tr("Refunded") if record.refunded else ""),
        ]
