"""The selected member: profile, consents, card QR, card actions and history.

GUI thread only. Every action calls one ``Desk`` method and reloads what it shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views import card_print
from desktop.views.adjust_points_dialog import AdjustPointsDialog
from desktop.views.formatting import day_text, tier_name
from desktop.views.member_dialog import MemberDialog
from desktop.views.member_history import PointsHistoryTable, VisitsTable
from desktop.views.member_rights_actions import MemberRightsActions
from desktop.views.messages import error_text
from desktop.views.pin_dialog import ask_owner
from desktop.views.qr_widget import QrWidget

if TYPE_CHECKING:
    from desktop.models.members import MemberCardView, MemberDetails
    from desktop.models.service import Desk
    from desktop.models.staff import Actor
    from desktop.views.session_state import SessionState


class MemberDetailsPane(QWidget):
    """Shows one member (``show_member``) or an empty hint; ``member_changed`` fires after an
    edit, a consent change, a re-issue or a points adjustment."""

    member_changed = Signal(object)

    def __init__(
        self, desk: Desk, session_state: SessionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session = session_state
        self.member_id: int | None = None
        self._card: MemberCardView | None = None
        self._details: MemberDetails | None = None

        self.empty_label = QLabel(self.tr("Search for a member or scan a member card."))
        self.empty_label.setObjectName("detailsEmpty")
        self.empty_label.setStyleSheet("color: #6b7684; font-size: 14pt;")
        self.name_label = QLabel()
        self.name_label.setObjectName("detailsName")
        self.name_label.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.summary_label = QLabel()
        self.summary_label.setObjectName("detailsSummary")
        self.summary_label.setStyleSheet("font-size: 12pt; color: #0b6e4f; font-weight: 600;")
        self.phone_label = QLabel()
        self.phone_label.setObjectName("detailsPhone")
        self.birthday_label = QLabel()
        self.enrolled_label = QLabel()
        self.card_label = QLabel()
        self.card_label.setObjectName("detailsCard")
        self.marketing_box = QCheckBox(self.tr("Marketing messages"))
        self.marketing_box.setObjectName("detailsMarketing")
        self.sharing_box = QCheckBox(self.tr("Share with alliance shops"))
        self.sharing_box.setObjectName("detailsSharing")
        self.marketing_box.toggled.connect(lambda on: self._set_consent("marketing", on))
        self.sharing_box.toggled.connect(lambda on: self._set_consent("sharing", on))
        self.status_label = QLabel()
        self.status_label.setObjectName("detailsStatus")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.qr = QrWidget()
        self.qr.setObjectName("memberQr")
        self.qr.setFixedSize(245, 245)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setObjectName("editButton")
        self.print_button = QPushButton(self.tr("Print card"))
        self.print_button.setObjectName("printButton")
        print_menu = QMenu(self.print_button)
        print_menu.addAction(self.tr("Print…"), self.print_card)
        print_menu.addAction(self.tr("Print preview…"), self.preview_card)
        self.print_button.setMenu(print_menu)
        self.save_button = QPushButton(self.tr("Save card as PDF/PNG…"))
        self.save_button.setObjectName("saveCardButton")
        self.reissue_button = QPushButton(self.tr("Re-issue card…"))
        self.reissue_button.setObjectName("reissueButton")
        self.adjust_button = QPushButton(self.tr("Adjust points…"))
        self.adjust_button.setObjectName("adjustButton")
        self.edit_button.clicked.connect(self.edit_member)
        self.save_button.clicked.connect(self.save_card)
        self.reissue_button.clicked.connect(self.reissue_card)
        self.adjust_button.clicked.connect(self.adjust_points)
        self.rights = MemberRightsActions(desk, self)
        self.data_button = QPushButton(self.tr("Member data"))
        self.data_button.setObjectName("memberDataButton")
        data_menu = QMenu(self.data_button)
        data_menu.addAction(self.tr("Export member data…"), self.rights.export_data)
        data_menu.addAction(self.tr("Erase member…"), self.rights.erase)
        self.data_button.setMenu(data_menu)

        self.points_table = PointsHistoryTable(desk)
        self.visits_table = VisitsTable(desk)
        self.history_tabs = QTabWidget()
        self.history_tabs.addTab(self.points_table, self.tr("Points history"))
        self.history_tabs.addTab(self.visits_table, self.tr("Visits and sales"))

        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self._build_details())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        session_state.actor_changed.connect(lambda _actor: self.reload())

    def _build_details(self) -> QWidget:
        profile = QFormLayout()
        profile.addRow(self.tr("Phone"), self.phone_label)
        profile.addRow(self.tr("Birthday"), self.birthday_label)
        profile.addRow(self.tr("Member since"), self.enrolled_label)
        profile.addRow(self.tr("Card"), self.card_label)
        consents = QGroupBox(self.tr("Consents (can be given or withdrawn at any time)"))
        consent_layout = QVBoxLayout(consents)
        consent_layout.addWidget(QLabel(self.tr("Membership: agreed at enrolment")))
        consent_layout.addWidget(self.marketing_box)
        consent_layout.addWidget(self.sharing_box)
        left = QVBoxLayout()
        left.addWidget(self.name_label)
        left.addWidget(self.summary_label)
        left.addLayout(profile)
        left.addWidget(consents)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addWidget(self.qr)
        buttons = QHBoxLayout()
        for button in (
            self.edit_button,
            self.print_button,
            self.save_button,
            self.reissue_button,
            self.adjust_button,
            self.data_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(self.history_tabs, 1)
        return page

    def _actor(self) -> Actor | None:
        return self._session.actor

    # -- showing ------------------------------------------------------------------------
    def show_member(self, member_id: int | None) -> None:
        """Show this member (``None`` clears the pane)."""
        self.member_id = member_id
        self.say("")
        self.reload()

    def reload(self) -> None:
        """Read the member again and redraw everything."""
        if self.member_id is None:
            self._card = self._details = None
            self.qr.set_digits("")
            self._stack.setCurrentIndex(0)
            return
        try:
            card = self._desk.member_card(self.member_id)
            details = self._desk.member_details(self.member_id, viewer=self._actor())
            digits = self._desk.member_code(self.member_id)
        except DomainError as exc:
            self.member_id = None
            self.reload()
            self.empty_label.setText(error_text(exc))
            return
        self._card, self._details = card, details
        self.name_label.setText(details.name)
        self.summary_label.setText(
            self.tr("%1 · %2 points")
            .replace("%1", tier_name(card.tier))
            .replace("%2", f"{card.balance:,}")
        )
        self.phone_label.setText(details.phone)
        self.birthday_label.setText(day_text(details.birthday))
        self.enrolled_label.setText(day_text(card.enrolled_day))
        self.card_label.setText(
            self.tr("serial %1, valid until %2")
            .replace("%1", f"{card.card_serial:04d}")
            .replace("%2", day_text(card.card_expires_on))
        )
        for box, value in (
            (self.marketing_box, details.marketing_consent),
            (self.sharing_box, details.sharing_consent),
        ):
            box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(False)
        self.qr.set_digits(digits)
        self.points_table.member_id = self.visits_table.member_id = self.member_id
        self.points_table.update()
        self.visits_table.update()
        self._stack.setCurrentIndex(1)

    def say(self, text: str, *, error: bool = False) -> None:
        """A line under the buttons saying what just happened (hidden when empty)."""
        self.status_label.setStyleSheet("color: #b00020;" if error else "color: #0b6e4f;")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _done(self, message: str) -> None:
        self.say(message)
        if self.member_id is not None:
            self.member_changed.emit(self.member_id)

    def _refused(self, error: DomainError) -> None:
        self.say(error_text(error), error=True)

    # -- actions ------------------------------------------------------------------------
    def _set_consent(self, kind: str, granted: bool) -> None:
        if self.member_id is None:
            return
        try:
            self._desk.set_consent(
                member_id=self.member_id, kind=kind, granted=granted, by=self._actor()
            )
        except DomainError as exc:
            self.reload()
            self._refused(exc)
            return
        self.reload()
        if kind == "marketing":
            text = (
                self.tr("Marketing consent given.")
                if granted
                else self.tr("Marketing consent withdrawn.")
            )
        else:
            text = (
                self.tr("Alliance sharing consent given.")
                if granted
                else self.tr("Alliance sharing consent withdrawn.")
            )
        self._done(text)

    def edit_member(self) -> None:
        if self._details is None:
            return
        dialog = MemberDialog(self._desk, actor=self._actor(), details=self._details, parent=self)
        if dialog.exec() == MemberDialog.DialogCode.Accepted:
            self.reload()
            self._done(self.tr("Member saved."))

    def _card_data(self) -> card_print.CardData | None:
        if self.member_id is None:
            return None
        try:
            return card_print.card_data(self._desk, self.member_id)
        except DomainError as exc:
            self._refused(exc)
            return None

    def print_card(self) -> None:
        data = self._card_data()
        if data is not None:
            card_print.print_card(data, self)

    def preview_card(self) -> None:
        data = self._card_data()
        if data is not None:
            card_print.preview_card(data, self)

    def save_card(self) -> None:
        data = self._card_data()
        if data is None:
            return
        pdf, png = self.tr("PDF document (*.pdf)"), self.tr("PNG image, 300 dpi (*.png)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save member card"),
            f"member-card-{data.card_serial:04d}.pdf",
            f"{pdf};;{png}",
        )
        if not path:
            return
        if not Path(path).suffix:
            path += ".png" if chosen == png else ".pdf"
        try:
            card_print.save_card_file(path, data)
        except OSError as exc:
            self.say(str(exc), error=True)
            return
        self.say(self.tr("Card saved to %1").replace("%1", path))

    def reissue_card(self) -> None:
        if self._card is None or self.member_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Re-issue card"),
            self.tr("Issue a new card for %1? The old card stops working at once.").replace(
                "%1", self._card.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            serial = self._desk.reissue_card(member_id=self.member_id, by=self._actor())
        except DomainError as exc:
            self._refused(exc)
            return
        self.reload()
        self._done(
            self.tr(
                "New card %1 issued; the old card no longer works. Print the new "
                "card for the member."
            ).replace("%1", f"{serial:04d}")
        )

    def adjust_points(self) -> None:
        if self._card is None or self.member_id is None:
            return
        owner = ask_owner(self._desk, self.tr("Adjusting points needs the owner's PIN."), self)
        if owner is None:
            return
        dialog = AdjustPointsDialog(
            self._desk,
            member_id=self.member_id,
            member_name=self._card.name,
            balance=self._card.balance,
            owner=owner,
            parent=self,
        )
        if dialog.exec() == AdjustPointsDialog.DialogCode.Accepted:
            self.reload()
            self._done(
                self.tr("Points adjusted. New balance: %1").replace("%1", f"{dialog.balance:,}")
            )
