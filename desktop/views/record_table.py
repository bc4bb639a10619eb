"""A read-only table of records that reloads itself: the shape of every history list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    """A table cell; ``right`` aligns numbers and money to the right."""
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class RecordTable(QTableWidget):
    """Rows from ``fetch()``, one per record, cells from ``cells(record)``.

    Subclasses give the headers to ``__init__`` and implement ``fetch`` and ``cells``;
    ``update()`` reloads and rebuilds.
    """

    def __init__(self, headers: Sequence[str], *, object_name: str) -> None:
        super().__init__(0, len(headers))
        self.setObjectName(object_name)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def fetch(self) -> Sequence[Any]:
        raise NotImplementedError

    def cells(self, record: Any) -> Sequence[QTableWidgetItem]:
        raise NotImplementedError

    def update(self) -> None:  # type: ignore[override]
        records = self.fetch()
        self.setRowCount(0)
        self.setRowCount(len(records))
        for row, record in enumerate(records):
            for column, item in enumerate(self.cells(record)):
                self.setItem(row, column, item)
