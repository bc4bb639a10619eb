"""Joint campaigns of the alliance, as this shop sees them (a section of the Campaigns tab).

Each campaign the alliance runs: its offer, dates, state, whether this shop takes part, and
this shop's own results (coupons redeemed here, discount given, sales they came with,
conflicts). The list shows at once from the last sync; the live list and the results are
fetched in the background, and taking part or withdrawing (owner PIN) is a network call on
that worker too. A shop outside any alliance sees one sentence saying so. GUI thread only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.sync.campaigns import (
    JointCampaign,
    ShopResults,
    joint_campaigns,
    membership,
    own_results,
    refresh,
    set_taking_part,
)
from desktop.sync.conflicts import unseen_count
from desktop.sync.errors import SyncError
from desktop.views.alliance_messages import campaign_summary, sync_problem
from desktop.views.background import SerialWorker
from desktop.views.conflicts_view import open_conflicts
from desktop.views.coupon_text import campaign_state_name, spec_offer, spec_validity
from desktop.views.formatting import yuan
from desktop.views.messages import error_text
from desktop.views.pin_dialog import ask_owner
from desktop.views.record_table import cell

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

OwnerFor = Callable[[str], "Actor | None"]
STYLES = {
    "ok": "color: #0b6e4f; background: #e6f4ee;",
    "error": "color: #b00020; background: #fdecee;",
    "info": "color: #1d2733; background: #eef1f5;",
}


class Col(enum.IntEnum):
    NAME = 0
    OFFER = 1
    DATES = 2
    STATE = 3
    TAKING_PART = 4
    REDEEMED = 5
    DISCOUNT = 6
    SALES = 7
    CONFLICTS = 8


class AllianceCampaignsView(QWidget):
    """``AllianceCampaignsView(desk, owner_for=…)``; ``owner_for(reason)`` gives the owner
    (asking for the PIN) or None. Public for tests: ``table``, ``items_shown``, ``results``,
    ``outside_label``, ``message_label``, ``message_kind``, ``buttons``, ``worker``."""

    def __init__(
        self, desk: Desk, *, owner_for: OwnerFor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._owner_for = owner_for or (lambda reason: ask_owner(desk, reason, parent=self))
        self.items_shown: list[JointCampaign] = []
        self.results: dict[int, ShopResults] = {}
        self.message_kind = ""
        self.worker = SerialWorker("joint-campaigns", self)

        self.heading = QLabel()
        self.heading.setObjectName("jointHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("color: #4a5562;")
        self.outside_label = QLabel(
            self.tr(
                "This shop is not in an alliance, so there are no joint campaigns. Once the "
                "owner joins one (Settings → Alliance), the campaigns the alliance runs appear "
                "here and the shop can take part."
            )
        )
        self.outside_label.setObjectName("jointOutside")
        self.outside_label.setWordWrap(True)
        self.outside_label.setStyleSheet(
            "font-size: 13pt; padding: 16px; background: #eef1f5; border-radius: 6px;"
        )
        self.table = QTableWidget(0, len(Col))
        self.table.setObjectName("jointTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Joint campaign"),
                self.tr("Offer"),
                self.tr("Dates"),
                self.tr("State"),
                self.tr("This shop"),
                self.tr("Redeemed here"),
                self.tr("Discount given"),
                self.tr("Sales with its coupons"),
                self.tr("Conflicts"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Col.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, label, slot in (
            ("join", self.tr("Take part"), lambda: self.set_taking_part(True)),
            ("leave", self.tr("Withdraw"), lambda: self.set_taking_part(False)),
            ("refresh", self.tr("Refresh"), self.reload),
            ("conflicts", self.tr("Sync conflicts…"), self.show_conflicts),
        ):
            button = QPushButton(label)
            button.setObjectName(f"joint{name.capitalize()}Button")
            button.clicked.connect(lambda _checked=False, run=slot: run())
            self.buttons[name] = button
            actions.addWidget(button)
            if name == "leave":
                actions.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("jointSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 12pt; padding: 8px 2px;")
        self.message_label = QLabel()
        self.message_label.setObjectName("jointMessage")
        self.message_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.outside_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addLayout(actions)
        self.say("", "")

    # -- showing ------------------------------------------------------------------------
    def say(self, text: str, kind: str) -> None:
        self.message_kind = kind if text else ""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        self.message_label.setStyleSheet(
            f"{STYLES.get(self.message_kind, '')} font-size: 13pt; padding: 6px 10px;"
            " border-radius: 6px;"
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> None:
        """Show the last synced list now; fetch the live list and results in the background."""
        member = membership(self._desk.db)
        inside = member is not None
        self.outside_label.setVisible(not inside)
        self.table.setVisible(inside)
        self.heading.setVisible(inside)
        for name in ("join", "leave", "refresh"):
            self.buttons[name].setVisible(inside)
        self._update_conflicts_button()
        if member is None:
            self.items_shown = []
            return
        self.heading.setText(
            self.tr(
                "Campaigns the alliance “%1” runs for all its shops. Shops that take part "
                "accept its coupons; the figures are this shop's own part."
            ).replace("%1", member.alliance_name)
        )
        self._show(joint_campaigns(self._desk.db))
        db = self._desk.db

        def work() -> tuple[list[JointCampaign], dict[int, ShopResults]]:
            campaigns = refresh(db)
            return campaigns, {c.id: own_results(db, c.id) for c in campaigns if c.taking_part}

        self.worker.submit(work, self._fetched)

    def _fetched(self, result: Any) -> None:
        if isinstance(result, SyncError):
            self.say(sync_problem(result), "error")
            return
        if isinstance(result, Exception):
            raise result
        campaigns, results = result
        self.results = results
        self._show(campaigns)

    def _show(self, campaigns: list[JointCampaign]) -> None:
        keep = self.selected()
        self.items_shown = campaigns
        self.table.setRowCount(0)
        self.table.setRowCount(len(campaigns))
        for row, c in enumerate(campaigns):
            for column, item in self._cells(c).items():
                self.table.setItem(row, column, item)
        ids = [c.id for c in campaigns]
        if ids:
            self.table.selectRow(ids.index(keep.id) if keep and keep.id in ids else 0)
        self._selection_changed()

    def _cells(self, c: JointCampaign) -> dict[Col, Any]:
        part = self.results.get(c.id)
        dash = "—" if not c.taking_part else "…"
        return {
            Col.NAME: cell(c.name),
            Col.OFFER: cell(spec_offer(c.spec) if c.spec else "—"),
            Col.DATES: cell(spec_validity(c.spec) if c.spec else "—"),
            Col.STATE: cell(campaign_state_name(c.state)),
            Col.TAKING_PART: cell(
                self.tr("Taking part") if c.taking_part else self.tr("Not taking part")
            ),
            Col.REDEEMED: cell(f"{part.redeemed:,}" if part else dash, right=True),
            Col.DISCOUNT: cell(yuan(part.discount_fen) if part else dash, right=True),
            Col.SALES: cell(yuan(part.sales_fen) if part else dash, right=True),
            Col.CONFLICTS: cell(f"{part.conflicts:,}" if part else dash, right=True),
        }

    def selected(self) -> JointCampaign | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items_shown):
            return None
        return self.items_shown[rows[0].row()]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        open_ = chosen is not None and chosen.state != "ended"
        self.buttons["join"].setEnabled(open_ and chosen is not None and not chosen.taking_part)
        self.buttons["leave"].setEnabled(open_ and chosen is not None and chosen.taking_part)
        self.summary_label.setVisible(chosen is not None)
        if chosen is not None:
            self.summary_label.setText(campaign_summary(chosen, self.results.get(chosen.id)))

    def _update_conflicts_button(self) -> None:
        new = unseen_count(self._desk.db)
        self.buttons["conflicts"].setText(
            self.tr("Sync conflicts (%1 new)…").replace("%1", f"{new:,}")
            if new
            else self.tr("Sync conflicts…")
        )

    # -- actions ------------------------------------------------------------------------
    def set_taking_part(self, join: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        owner = self._owner_for(
            self.tr("Taking part in a joint campaign needs the owner's PIN.")
            if join
            else self.tr("Withdrawing from a joint campaign needs the owner's PIN.")
        )
        if owner is None:
            self.say(self.tr("Nothing changed: the owner's PIN was not given."), "info")
            return
        db = self._desk.db
        self.say(self.tr("Asking the alliance…"), "info")

        def done(result: Any) -> None:
            if isinstance(result, SyncError):
                self.say(sync_problem(result, name=chosen.name), "error")
                return
            if isinstance(result, DomainError):
                self.say(error_text(result), "error")
                return
            if isinstance(result, Exception):
                raise result
            self.say(
                (
                    self.tr("This shop now takes part in “%1”: its coupons are accepted here.")
                    if join
                    else self.tr("This shop no longer takes part in “%1”.")
                ).replace("%1", chosen.name),
                "ok",
            )
            self.reload()

        self.worker.submit(lambda: set_taking_part(db, chosen.id, join=join, by=owner), done)

    def show_conflicts(self) -> None:
        open_conflicts(self, self._desk)
        self._update_conflicts_button()
