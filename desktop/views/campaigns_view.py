"""The Campaigns screen: every campaign with its numbers, and what the owner does with them.

Anyone can read the table; creating, editing, pausing, issuing, printing and voiding need the
owner, who gives the PIN once and stays signed in here until the tab is left. A coupon scanned
while this screen is open is looked up here (to see or void it). GUI thread only.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views import campaign_actions
from desktop.views.alliance_campaigns_view import AllianceCampaignsView
from desktop.views.campaign_details import CampaignDetails
from desktop.views.campaign_editor import CampaignEditor
from desktop.views.coupon_text import (
    campaign_state_name,
    kind_name,
    percent_text,
)
from desktop.views.messages import error_text
from desktop.views.pin_dialog import ask_owner
from desktop.views.record_table import cell

if TYPE_CHECKING:
    from desktop.models.campaigns import CampaignSpec, CampaignSummary
    from desktop.models.service import Desk
    from desktop.models.staff import Actor
    from desktop.views.session_state import SessionState

ID_ROLE = Qt.ItemDataRole.UserRole
STATE_COLOURS = {"active": "#0b6e4f", "paused": "#a64b00", "ended": "#6b7684"}
MESSAGE_STYLES = {
    "ok": "color: #0b6e4f; background: #e6f4ee;",
    "error": "color: #b00020; background: #fdecee;",
    "info": "color: #1d2733; background: #eef1f5;",
}


class CampaignsTable(QTableWidget):
    """One row per campaign. ``update()`` rebuilds from ``items_shown``."""

    class Columns(enum.IntEnum):
        NAME = 0
        KIND = 1
        STATE = 2
        RULE = 3
        ISSUED = 4
        REDEEMED = 5
        RATE = 6
        HELD_OUT = 7
        QUOTA = 8

    def __init__(self) -> None:
        super().__init__(0, len(self.Columns))
        self.setObjectName("campaignsTable")
        self.items_shown: list[CampaignSummary] = []
        headers = {
            self.Columns.NAME: self.tr("Campaign"),
            self.Columns.KIND: self.tr("Kind"),
            self.Columns.STATE: self.tr("State"),
            self.Columns.RULE: self.tr("Issued by"),
            self.Columns.ISSUED: self.tr("Issued"),
            self.Columns.REDEEMED: self.tr("Redeemed"),
            self.Columns.RATE: self.tr("Redemption rate"),
            self.Columns.HELD_OUT: self.tr("Held out"),
            self.Columns.QUOTA: self.tr("Quota"),
        }
        self.setHorizontalHeaderLabels([headers[c] for c in self.Columns])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.Columns.NAME, QHeaderView.ResizeMode.Stretch)

    def update(self) -> None:  # type: ignore[override]
        self.setRowCount(0)
        self.setRowCount(len(self.items_shown))
        for row, c in enumerate(self.items_shown):
            points = c.kind == "points_multiplier"
            state = cell(campaign_state_name(c.state))
            state.setForeground(QBrush(QColor(STATE_COLOURS.get(c.state, "#1d2733"))))
            values = {
                self.Columns.NAME: cell(c.name),
                self.Columns.KIND: cell(kind_name(c.kind)),
                self.Columns.STATE: state,
                self.Columns.RULE: cell(campaign_actions.rule_text(c)),
                self.Columns.ISSUED: cell("—" if points else f"{c.issued:,}", right=True),
                self.Columns.REDEEMED: cell("—" if points else f"{c.redeemed:,}", right=True),
                self.Columns.RATE: cell(percent_text(c.redemption_rate), right=True),
                self.Columns.HELD_OUT: cell(f"{c.held_out:,}" if c.held_out else "—", right=True),
                self.Columns.QUOTA: cell(
                    f"{c.quota:,}" if c.quota is not None else self.tr("No limit"), right=True
                ),
            }
            values[self.Columns.NAME].setData(ID_ROLE, c.id)
            for column, item in values.items():
                self.setItem(row, column, item)

    def row_of(self, campaign_id: int) -> int | None:
        for row, c in enumerate(self.items_shown):
            if c.id == campaign_id:
                return row
        return None


class CampaignsView(QWidget):
    """The Campaigns tab: ``CampaignsView(desk, session_state)``.

    Public for tests: ``table``, ``filter_combo``, ``buttons`` (by name), ``message_label``,
    ``message_kind``, ``owner`` (who gave the PIN; forgotten when the tab is left).
    """

    def __init__(
        self, desk: Desk, session_state: SessionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session = session_state
        self.owner: Actor | None = None
        self.message_kind = ""

        title = QLabel(self.tr("Campaigns and coupons"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("campaignFilter")
        self.filter_combo.addItem(self.tr("Running and paused"), False)
        self.filter_combo.addItem(self.tr("All, with ended ones"), True)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.owner_label = QLabel()
        self.owner_label.setObjectName("campaignsOwner")
        self.owner_label.setStyleSheet("color: #6b7684;")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.owner_label)
        top.addWidget(self.filter_combo)

        self.table = CampaignsTable()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details = CampaignDetails()
        self.details.setFixedWidth(400)
        self.table.itemActivated.connect(lambda _item: self.edit_campaign())

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name, label, key, slot in (
            ("new", self.tr("New campaign (Ctrl+N)"), "Ctrl+N", self.new_campaign),
            ("edit", self.tr("Edit (Enter)"), "", self.edit_campaign),
            ("pause", self.tr("Pause"), "", self.toggle_pause),
            ("end", self.tr("End"), "", self.end_campaign),
            ("issue", self.tr("Send to members… (Ctrl+I)"), "Ctrl+I", self.issue_to_segment),
            ("print", self.tr("Print coupons… (Ctrl+P)"), "Ctrl+P", self.print_batch),
            ("void", self.tr("Void a coupon…"), "", self.void_coupons),
        ):
            button = QPushButton(label)
            button.setObjectName(f"{name}CampaignButton")
            button.clicked.connect(lambda _checked=False, run=slot: run())
            actions.addWidget(button)
            self.buttons[name] = button
            if key:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda run=slot: run())
        actions.addStretch(1)

        self.message_label = QLabel()
        self.message_label.setObjectName("campaignsMessage")
        self.message_label.setWordWrap(True)
        own = QWidget()
        own_layout = QVBoxLayout(own)
        own_layout.setContentsMargins(0, 0, 0, 0)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addWidget(self.details)
        own_layout.addLayout(body, 1)
        own_layout.addWidget(self.message_label)
        own_layout.addLayout(actions)
        # Joint campaigns of the alliance this shop belongs to: their own section.
        self.joint = AllianceCampaignsView(desk, owner_for=self.owner_for)
        self.sections = QTabWidget()
        self.sections.setObjectName("campaignSections")
        self.sections.addTab(own, self.tr("This shop's campaigns"))
        self.sections.addTab(self.joint, self.tr("Joint campaigns (alliance)"))
        self.sections.currentChanged.connect(lambda i: self.filter_combo.setVisible(i == 0))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)
        self.say("", "")
        self.reload()

    # -- showing ------------------------------------------------------------------------
    def say(self, text: str, kind: str) -> None:
        self.message_kind = kind if text else ""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))
        style = MESSAGE_STYLES.get(self.message_kind, "")
        self.message_label.setStyleSheet(
            f"{style} font-size: 13pt; padding: 6px 10px; border-radius: 6px;"
        )

    def reload(self, *, select: int | None = None) -> None:
        keep = select if select is not None else self.selected_id()
        include_ended = bool(self.filter_combo.currentData())
        try:
            self.table.items_shown = self._desk.campaign_summaries(include_ended=include_ended)
        except DomainError as exc:
            self.say(error_text(exc), "error")
            return
        self.table.update()
        row = self.table.row_of(keep) if keep is not None else None
        if row is None and self.table.rowCount():
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> CampaignSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.items_shown[rows[0].row()]

    def selected_id(self) -> int | None:
        chosen = self.selected()
        return chosen.id if chosen else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        live = chosen is not None and chosen.state != "ended"
        coupons = live and chosen is not None and chosen.kind != "points_multiplier"
        self.buttons["edit"].setEnabled(live)
        self.buttons["pause"].setEnabled(live)
        self.buttons["end"].setEnabled(live)
        self.buttons["issue"].setEnabled(coupons)
        self.buttons["print"].setEnabled(coupons)
        paused = chosen is not None and chosen.state == "paused"
        self.buttons["pause"].setText(self.tr("Resume") if paused else self.tr("Pause"))
        if chosen is None:
            self.details.clear()
            return
        try:
            campaign = self._desk.campaign(chosen.id)
            shop_name = self._desk.shop_profile().name
        except DomainError as exc:
            self.say(error_text(exc), "error")
            return
        self.details.show_campaign(campaign, today=self._desk.today(), shop_name=shop_name)
        results = (
            self._desk.campaign_results(chosen.id) if chosen.kind != "points_multiplier" else []
        )
        self.details.show_results(results[0] if results else None)

    # -- the owner ----------------------------------------------------------------------
    def owner_for(self, reason: str) -> Actor | None:
        """The owner, asking for the PIN the first time on this visit to the tab."""
        if self.owner is None and self._session.is_owner:
            self.owner = self._session.actor
        if self.owner is None:
            self.owner = ask_owner(self._desk, reason, parent=self)
            if self.owner is None:
                self.say(self.tr("Nothing changed: the owner's PIN was not given."), "info")
                return None
        self.owner_label.setText(self.tr("Owner: %1").replace("%1", self.owner.name))
        return self.owner

    def showEvent(self, event: QShowEvent) -> None:
        """Coupons were issued and used at the counter meanwhile: read the numbers again."""
        super().showEvent(event)
        self.reload()

    def hideEvent(self, event: QHideEvent) -> None:
        self.owner = None
        self.owner_label.clear()
        super().hideEvent(event)

    # -- campaigns ----------------------------------------------------------------------
    def _editor(self, spec: CampaignSpec | None, save) -> bool:  # type: ignore[no-untyped-def]
        dialog = CampaignEditor(
            today=self._desk.today(),
            shop_name=self._desk.shop_profile().name,
            save=save,
            spec=spec,
            parent=self,
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    def new_campaign(self) -> None:
        owner = self.owner_for(self.tr("Creating a campaign needs the owner's PIN."))
        if owner is None:
            return
        created: list[int] = []

        def save(spec: CampaignSpec) -> None:
            created.append(self._desk.create_campaign(spec, by=owner))

        if self._editor(None, save) and created:
            self.filter_combo.setCurrentIndex(0)
            self.reload(select=created[0])
            name = self.selected().name if self.selected() else ""
            self.say(self.tr("Campaign “%1” created.").replace("%1", name), "ok")

    def edit_campaign(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.state == "ended":
            return
        owner = self.owner_for(self.tr("Changing a campaign needs the owner's PIN."))
        if owner is None:
            return
        try:
            current = self._desk.campaign(chosen.id)
        except DomainError as exc:
            self.say(error_text(exc), "error")
            return

        def save(spec: CampaignSpec) -> None:
            self._desk.update_campaign(chosen.id, spec, by=owner)

        if self._editor(current.spec, save):
            self.reload(select=chosen.id)
            self.say(
                self.tr(
                    "Campaign “%1” saved. Coupons already issued keep their own terms."
                ).replace("%1", chosen.name),
                "ok",
            )

    def _set_state(self, state: str, done: str) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        owner = self.owner_for(self.tr("Changing a campaign needs the owner's PIN."))
        if owner is None:
            return
        try:
            self._desk.set_campaign_state(chosen.id, state, by=owner)
        except DomainError as exc:
            self.say(error_text(exc), "error")
            return
        self.reload(select=chosen.id)
        self.say(done.replace("%1", chosen.name), "ok")

    def toggle_pause(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.state == "ended":
            return
        if chosen.state == "paused":
            self._set_state("active", self.tr("“%1” runs again."))
        else:
            self._set_state(
                "paused", self.tr("“%1” is paused: its coupons cannot be used until resumed.")
            )

    def end_campaign(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.state == "ended":
            return
        if campaign_actions.confirm_end(self, chosen.name):
            self._set_state("ended", self.tr("“%1” has ended."))

    # -- coupons ------------------------------------------------------------------------
    def issue_to_segment(self) -> None:
        campaign_actions.issue_to_segment(self, self._desk)

    def print_batch(self) -> None:
        campaign_actions.print_batch(self, self._desk)

    def void_coupons(self, raw: str = "") -> None:
        campaign_actions.void_coupons(self, self._desk, raw)

    def handle_scan(self, raw: str) -> bool:
        """A scanned coupon opens the void dialog with it; other codes go to the counter."""
        if self._desk.check_code(raw) != "coupon":
            return False
        # Opened after the scan's key event is done (the scan arrives inside an event filter).
        QTimer.singleShot(0, lambda: self.void_coupons(raw))
        return True
