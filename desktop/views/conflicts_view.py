"""The conflicts screen: what the alliance settled differently from what this counter did while
offline (a coupon used twice, points overspent …), newest first, each with what it means for
the shop. ``open_conflicts(parent, desk)`` shows it; "Mark all as read" clears the new marks.

The rows are read from this shop's own database (no network). GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.campaigns import membership
from desktop.sync.conflicts import PAGE, Conflict, list_conflicts, mark_seen
from desktop.views.conflict_texts import conflict_explanation, conflict_title
from desktop.views.record_table import cell

if TYPE_CHECKING:
    from desktop.models.service import Desk

NEW_COLOUR = "#a64b00"


class ConflictsDialog(QDialog):
    """``ConflictsDialog(desk)``. Public for tests: ``table``, ``items_shown``,
    ``summary_label``, ``empty_label``, ``more_button``, ``read_button``."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.items_shown: list[Conflict] = []
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Found at sync"))
        self.resize(1000, 560)

        title = QLabel(self.tr("What the alliance settled differently"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "Sales made while this counter was offline always stand. When the alliance "
                "found that something did not add up (a coupon used at two shops, points "
                "spent twice), it settled it as below. Nothing needs undoing at the counter."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #4a5562;")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("conflictsSummary")
        self.empty_label = QLabel()
        self.empty_label.setObjectName("conflictsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(
            "font-size: 13pt; padding: 16px; background: #eef1f5; border-radius: 6px;"
        )

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Happened"),
                self.tr("Found at sync"),
                self.tr("What"),
                self.tr("What it means for the shop"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        self.more_button = QPushButton(self.tr("Show older"))
        self.more_button.setObjectName("conflictsMore")
        self.more_button.clicked.connect(self.show_more)
        self.read_button = QPushButton(self.tr("Mark all as read"))
        self.read_button.setObjectName("conflictsRead")
        self.read_button.clicked.connect(self.mark_all_read)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary_label, 1)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.read_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        shown = len(self.items_shown)
        self.items_shown = []
        self._load(0, max(PAGE, shown))

    def show_more(self) -> None:
        self._load(len(self.items_shown), PAGE)

    def _load(self, offset: int, limit: int) -> None:
        page = list_conflicts(self._desk.db, offset=offset, limit=limit)
        self.items_shown = self.items_shown[:offset] + page.items
        self.more_button.setVisible(page.has_more)
        self.read_button.setEnabled(page.unseen > 0)
        self.summary_label.setText(
            self.tr("%1 in all, %2 new")
            .replace("%1", f"{page.total:,}")
            .replace("%2", f"{page.unseen:,}")
        )
        empty = page.total == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self.summary_label.setVisible(not empty)
        if empty:
            self.empty_label.setText(
                self.tr("Nothing to show: everything this counter did was settled as recorded.")
                if membership(self._desk.db) is not None
                else self.tr("This shop is not in an alliance, so nothing is synced.")
            )
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.items_shown))
        for row, c in enumerate(self.items_shown):
            happened = cell(f"{c.happened_at:%Y-%m-%d %H:%M}" if c.happened_at else "—")
            found = cell(f"{c.found_at:%Y-%m-%d %H:%M}")
            what = cell(
                conflict_title(c) if c.seen else self.tr("New: %1").replace("%1", conflict_title(c))
            )
            if not c.seen:
                bold = QFont(what.font())
                bold.setBold(True)
                what.setFont(bold)
                what.setForeground(QBrush(QColor(NEW_COLOUR)))
            for column, item in enumerate((happened, found, what, cell(conflict_explanation(c)))):
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def mark_all_read(self) -> None:
        mark_seen(self._desk.db, now=self._desk.now())
        self.reload()


def open_conflicts(parent: QWidget | None, desk: Desk) -> ConflictsDialog:
    """Show the conflicts screen (modal) and return it once closed."""
    dialog = ConflictsDialog(desk, parent)
    dialog.exec()
    return dialog
