"""The Members screen: find members (phone, last 4 digits, name, pinyin), page through them,
enrol, work on the selected one in the details pane, and (owner only) import members or
sales history from another system.

Search runs as you type after a short pause and reads one page at a time; nothing loads the
whole member list. GUI thread only.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.formatting import tier_name
from desktop.views.member_details_pane import MemberDetailsPane
from desktop.views.member_dialog import MemberDialog
from desktop.views.messages import error_text
from desktop.views.pin_dialog import ask_owner
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.members import MemberPage, MemberSummary
    from desktop.models.service import Desk
    from desktop.views.session_state import SessionState

PAGE_SIZE = 20
SEARCH_DELAY_MS = 250
ID_ROLE = Qt.ItemDataRole.UserRole


class MembersTable(QTableWidget):
    """One page of search results. ``update()`` rebuilds from the page's summaries."""

    class Columns(enum.IntEnum):
        NAME = 0
        PHONE = 1
        TIER = 2
        BALANCE = 3

    def __init__(self) -> None:
        super().__init__(0, len(self.Columns))
        self.setObjectName("membersTable")
        self.items_shown: tuple[MemberSummary, ...] = ()
        headers = {
            self.Columns.NAME: self.tr("Name"),
            self.Columns.PHONE: self.tr("Phone"),
            self.Columns.TIER: self.tr("Tier"),
            self.Columns.BALANCE: self.tr("Points"),
        }
        self.setHorizontalHeaderLabels([headers[c] for c in self.Columns])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.Columns.NAME, QHeaderView.ResizeMode.Stretch)

    def update(self) -> None:
        self.setRowCount(0)
        self.setRowCount(len(self.items_shown))
        for row, member in enumerate(self.items_shown):
            balance = QTableWidgetItem(f"{member.balance:,}")
            balance.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            values = {
                self.Columns.NAME: QTableWidgetItem(member.name),
                self.Columns.PHONE: QTableWidgetItem(member.phone_masked),
                self.Columns.TIER: QTableWidgetItem(tier_name(member.tier)),
                self.Columns.BALANCE: balance,
            }
            values[self.Columns.NAME].setData(ID_ROLE, member.id)
            for column, item in values.items():
                self.setItem(row, column, item)

    def row_of(self, member_id: int) -> int | None:
        for row, member in enumerate(self.items_shown):
            if member.id == member_id:
                return row
        return None


class MembersView(QWidget):
    """The Members tab: ``MembersView(desk, session_state)``.

    ``handle_scan(raw)`` shows the scanned member (or says why the code was refused) and
    always returns True: a scan on this screen is never passed on.
    """

    member_selected = Signal(object)

    def __init__(
        self, desk: Desk, session_state: SessionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session = session_state
        self._offset = 0
        self._has_more = False

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("memberSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(
            self.tr("Search by full phone, last 4 digits, name, or pinyin initials: zs finds 张三")
        )
        self.search_edit.setPlaceholderText(self.tr("Phone, last 4 digits, name or initials (zs)"))
        self.search_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
        self.search_edit.setProperty("scanExempt", True)
        self.enrol_button = QPushButton(self.tr("Enrol member (Ctrl+N)"))
        self.enrol_button.setObjectName("enrolButton")
        self.import_button = QPushButton(self.tr("Import from another system…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setToolTip(
            self.tr("Members or sales history from an .xlsx or .csv export (owner's PIN)")
        )
        self.table = MembersTable()
        self.prev_button = QPushButton(self.tr("◀ Previous"))
        self.prev_button.setObjectName("prevButton")
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setObjectName("nextButton")
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.message_label = QLabel()
        self.message_label.setObjectName("membersMessage")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.details = MemberDetailsPane(desk, session_state)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.run_search(offset=0))
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(lambda: self.run_search(offset=0))
        self.prev_button.clicked.connect(
            lambda: self.run_search(offset=max(0, self._offset - PAGE_SIZE))
        )
        self.next_button.clicked.connect(lambda: self.run_search(offset=self._offset + PAGE_SIZE))
        self.enrol_button.clicked.connect(self.enrol_member)
        self.import_button.clicked.connect(self.import_from_file)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details.member_changed.connect(lambda _id: self.refresh())
        self.enrol_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        self.enrol_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.enrol_shortcut.activated.connect(self.enrol_member)
        self._build_layout()
        self.run_search(offset=0)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.enrol_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        paging = QHBoxLayout()
        paging.addWidget(self.prev_button)
        paging.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        paging.addWidget(self.next_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.message_label)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(paging)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([460, 820])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- search and paging --------------------------------------------------------------
    def run_search(self, *, offset: int) -> None:
        """Read one page of results for the search text, starting at ``offset``."""
        self._search_timer.stop()
        page = self._desk.search_members(self.search_edit.text(), offset=offset, limit=PAGE_SIZE)
        self._show_page(page)

    def refresh(self) -> None:
        """Re-read the current page (after an edit elsewhere), keeping the selection."""
        page = self._desk.search_members(
            self.search_edit.text(), offset=self._offset, limit=PAGE_SIZE
        )
        self._show_page(page)

    def _show_page(self, page: MemberPage) -> None:
        self._offset, self._has_more = page.offset, page.has_more
        self.table.blockSignals(True)
        self.table.items_shown = page.items
        self.table.update()
        row = (
            self.table.row_of(self.details.member_id)
            if self.details.member_id is not None
            else None
        )
        if row is not None:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self.prev_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._has_more)
        if page.items:
            self.page_label.setText(
                self.tr("%1–%2")
                .replace("%1", str(self._offset + 1))
                .replace("%2", str(self._offset + len(page.items)))
            )
            self._say("")
        else:
            self.page_label.clear()
            text = self.search_edit.text().strip()
            self._say(
                self.tr("No member matches “%1”.").replace("%1", text)
                if text
                else self.tr("No members yet. Enrol the first one with Ctrl+N."),
                "color: #6b7684;",
            )

    def _say(self, text: str, style: str = "") -> None:
        """A line above the results (no match, or why a scan was refused); hidden if empty."""
        self.message_label.setStyleSheet(style)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item = self.table.item(rows[0].row(), MembersTable.Columns.NAME)
        member_id = item.data(ID_ROLE) if item is not None else None
        if member_id is not None and member_id != self.details.member_id:
            self.select_member(int(member_id))

    def select_member(self, member_id: int) -> None:
        """Show this member in the details pane (and select their row if it is listed)."""
        self.details.show_member(member_id)
        row = self.table.row_of(member_id)
        self.table.blockSignals(True)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self.member_selected.emit(member_id)

    # -- actions ------------------------------------------------------------------------
    def enrol_member(self) -> None:
        dialog = MemberDialog(self._desk, actor=self._session.actor, parent=self)
        if dialog.exec() != MemberDialog.DialogCode.Accepted or dialog.member_id is None:
            return
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.run_search(offset=0)
        self.select_member(dialog.member_id)
        self.details.say(self.tr("Member enrolled. Print the card or show the code to the member."))

    def import_from_file(self) -> None:
        """Owner only: the import wizard; afterwards the list shows what was imported."""
        owner = self._session.actor if self._session.is_owner else None
        if owner is None:
            owner = ask_owner(
                self._desk, self.tr("Importing from another system needs the owner's PIN."), self
            )
        if owner is None:
            self._say(
                self.tr("Nothing imported: the owner's PIN was not given."), "color: #6b7684;"
            )
            return
        from desktop.views.import_wizard import ImportWizard  # openpyxl only when importing

        wizard = ImportWizard(self._desk, owner, parent=self)
        wizard.exec()
        report = wizard.report
        if report is None:
            return
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.run_search(offset=0)
        if not report.ok or report.cancelled or report.failure is not None:
            return
        if report.kind == "members":
            text = fill(
                self.tr("Import finished: %1 new members, %2 matched to existing members."),
                f"{report.imported:,}",
                f"{report.matched:,}",
            )
        else:
            text = self.tr("Import finished: %1 sales recorded.").replace(
                "%1", f"{report.imported:,}"
            )
        self._say(text, "color: #2E7D32;")

    def handle_scan(self, raw: str) -> bool:
        """A scanner burst while this screen is showing: show that member, or the refusal."""
        try:
            card = self._desk.lookup_scan(raw)
        except DomainError as exc:
            self._say(error_text(exc), "color: #b00020; font-weight: 600;")
            return True
        self._say("")
        self.select_member(card.id)
        return True
