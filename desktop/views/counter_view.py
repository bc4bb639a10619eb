"""The counter: scan or type a phone number, see the member, record what happens. Keyboard only.

Everything here runs on the GUI thread. The scan → card path and the writes are synchronous:
each is a few milliseconds (measured by ``bench/``), so no worker thread is needed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.members import MemberCardView, MemberSummary
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.counter_coupons import (
    CounterCoupons,
    HeldCouponBar,
    SaleCoupons,
    active_multiplier_tenths,
)
from desktop.views.counter_give import GIVE_KEY, CounterGive
from desktop.views.counter_texts import checkin_text, refund_text, sale_text
from desktop.views.formatting import day_text, tier_name, yuan
from desktop.views.member_card_widget import MemberCardWidget
from desktop.views.messages import error_text
from desktop.views.offline_banner import OfflineBanner
from desktop.views.pin_dialog import ask_owner
from desktop.views.refund_dialog import RefundDialog, refund_approver
from desktop.views.sale_dialog import SaleDialog, SaleRequest
from desktop.views.scanner import ScanField
from desktop.views.session_state import SessionState
from desktop.views.textfill import fill

MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole
PHONE_LENGTHS = (4, 11)
RESULT_STYLES = {
    "ok": "color: #0b6e4f; background: #e6f4ee;",
    "error": "color: #b00020; background: #fdecee;",
    "info": "color: #1d2733; background: #eef1f5;",
}


def _ascii_digits(text: str) -> str:
    compact = "".join(text.split()).replace("-", "")
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in compact)


class CounterView(CounterCoupons, CounterGive, QWidget):
    """The counter screen. ``handle_scan(raw)`` takes scans routed from the app-wide filter.

    Public for tests and the main window: ``scan_field``, ``card_widget``, ``chooser``,
    ``coupon_bar`` (the coupon held for the next sale), ``offline_banner``, ``result_label``,
    ``result_kind`` (``"ok"``, ``"error"``, ``"info"`` or ``""``).
    """

    def __init__(
        self, desk: Desk, session_state: SessionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session = session_state
        self.result_kind = ""

        self.scan_field = ScanField(accept=lambda digits: bool(desk.check_code(digits)))
        self.scan_field.setObjectName("counterScanField")
        self.scan_field.setPlaceholderText(
            self.tr("Scan a member card or a coupon, or type a phone number")
        )
        self.scan_field.setStyleSheet("font-size: 20pt; padding: 6px;")
        self.scan_field.submitted.connect(self.submit_text)
        hint = QLabel(
            self.tr(
                "Scan a card or a coupon · or type the last 4 digits or all 11 digits "
                "of the phone number, then Enter · Esc clears"
            )
        )
        hint.setStyleSheet("color: #6b7684;")
        hint.setWordWrap(True)

        self.result_label = QLabel()
        self.result_label.setObjectName("counterResult")
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumHeight(44)

        self.chooser = QListWidget()
        self.chooser.setObjectName("memberChooser")
        self.chooser.setStyleSheet("font-size: 15pt;")
        self.chooser.itemActivated.connect(self._chosen)
        self.chooser.hide()

        self.coupon_bar = HeldCouponBar()
        self.card_widget = MemberCardWidget()
        self.card_widget.coupons_panel.chosen.connect(self.hold_listed_coupon)
        self.card_widget.coupons_panel.leave.connect(self.focus_scan_field)

        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self._shortcuts: dict[str, QShortcut] = {}
        self._labels: dict[str, str] = {}
        for name, key, label, slot in self._actions():
            button = QPushButton(f"{key}  {label}")
            button.setObjectName(f"{name}Button")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(52)
            button.setStyleSheet("font-size: 14pt; padding: 4px 14px;")
            button.clicked.connect(lambda _checked=False, run=slot: run())
            actions.addWidget(button)
            self.buttons[name] = button
            self._labels[name] = label
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda run=slot: run())
            self._shortcuts[name] = shortcut

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.offline_banner = OfflineBanner(desk.now)  # fed by the main window's sync
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.scan_field)
        layout.addWidget(hint)
        layout.addWidget(self.result_label)
        layout.addWidget(self.coupon_bar)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.card_widget, 3)
        layout.addLayout(actions)
        self._say("", "")

    def _actions(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        return [
            ("sale", "F2", self.tr("Sale"), self.sale),
            ("redeem", "F3", self.tr("Redeem points"), self.redeem),
            ("checkin", "F4", self.tr("Check-in"), self.check_in),
            ("refund", "F9", self.tr("Refund"), self.refund),
            ("coupons", "F10", self.tr("Coupons"), self.choose_coupon),
            ("give", GIVE_KEY, self.tr("Give coupon"), self.give_coupon),
            ("clear", "Esc", self.tr("Clear"), self.clear),
        ]

    # -- helpers ------------------------------------------------------------------------
    @property
    def actor(self) -> Actor | None:
        return self._session.actor

    def focus_scan_field(self) -> None:
        self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str, kind: str) -> None:
        self.result_kind = kind if text else ""
        self.result_label.setText(text)
        style = RESULT_STYLES.get(self.result_kind, "")
        self.result_label.setStyleSheet(
            f"{style} font-size: 15pt; padding: 6px 10px; border-radius: 6px;"
        )

    def _refuse(self, error: DomainError | str) -> None:
        self._say(error if isinstance(error, str) else error_text(error), "error")

    def _show_view(self, view: MemberCardView) -> None:
        """Paint the card; the member's usable coupons are listed only when there are some."""
        coupons = (
            self._desk.member_coupons(view.id, usable_only=True) if view.usable_coupons else []
        )
        self.card_widget.show_card(view, today=self._desk.today(), coupons=coupons)

    def _show_member(self, member_id: int) -> bool:
        try:
            view = self._desk.member_card(member_id)
        except DomainError as exc:
            self.card_widget.clear()
            self._refuse(exc)
            return False
        self.chooser.hide()
        self._show_view(view)
        return True

    def _refresh_card(self) -> None:
        member_id = self.card_widget.member_id
        if member_id is not None:
            try:
                self._show_view(self._desk.member_card(member_id))
            except DomainError:
                self.card_widget.clear()

    # -- finding the member -------------------------------------------------------------
    def submit_text(self, text: str) -> None:
        """What was typed or scanned into the field, after Enter."""
        self.scan_field.clear()
        self._dispatch(text)
        if not self.chooser.isVisible():
            self.focus_scan_field()

    def handle_scan(self, raw: str) -> bool:
        """A scan burst routed from the app-wide filter; always handled here.

        A phone number typed very fast arrives the same way, so it is looked up as one.
        """
        self.scan_field.clear()
        self._dispatch(raw)
        if not self.chooser.isVisible():
            self.focus_scan_field()
        return True

    def _dispatch(self, text: str) -> None:
        digits = _ascii_digits(text)
        if not digits:
            return
        if digits.isdigit() and len(digits) in PHONE_LENGTHS:
            self.find_by_phone(digits)
        elif digits.isdigit() and len(digits) <= max(PHONE_LENGTHS):
            self.card_widget.clear()
            self.chooser.hide()
            self._refuse(
                self.tr(
                    "Type the last 4 digits or all 11 digits of the phone "
                    "number, or scan the member card."
                )
            )
        elif self._desk.check_code(text) == "coupon":
            self.scan_coupon(text)
        else:
            self.lookup_scan(text)

    def lookup_scan(self, raw: str) -> None:
        self.chooser.hide()
        try:
            view = self._desk.lookup_scan(raw)
        except DomainError as exc:
            self.card_widget.clear()
            self._refuse(exc)
            return
        self._say("", "")
        self._show_view(view)

    def find_by_phone(self, digits: str) -> None:
        self.card_widget.clear()
        self.chooser.hide()
        page = self._desk.search_members(digits)
        if not page.items and len(digits) == 11:
            try:  # a member of another alliance shop, through the alliance's keyed hash
                guest = self._desk.find_alliance_member(digits)
            except DomainError as exc:
                self._refuse(exc)
                return
            if guest is not None:
                self._say("", "")
                self._show_view(guest)
                return
        if not page.items:
            if len(digits) == 4:
                text = self.tr("No member's phone number ends in %1.").replace("%1", digits)
            else:
                text = self.tr("No member has the phone number %1.").replace("%1", digits)
            self._say(text, "info")
            return
        if len(page.items) == 1:
            self._say("", "")
            self._show_member(page.items[0].id)
            return
        self._offer_choice(page.items, has_more=page.has_more)

    def _offer_choice(self, members: tuple[MemberSummary, ...], *, has_more: bool) -> None:
        self.chooser.clear()
        for m in members:
            text = fill(
                self.tr("%1    %2    %3    %4 points"),
                m.name,
                m.phone_masked,
                tier_name(m.tier),
                f"{m.balance:,}",
            )
            item = QListWidgetItem(text)
            item.setData(MEMBER_ID_ROLE, m.id)
            self.chooser.addItem(item)
        if has_more:
            note = self.tr(
                "More than %1 members match: choose with ↑ ↓ and Enter, "
                "or type the full phone number to narrow it down."
            )
        else:
            note = self.tr("%1 members match: choose with ↑ ↓ and Enter.")
        note = note.replace("%1", f"{len(members)}")
        self._say(note, "info")
        self.chooser.setCurrentRow(0)
        self.chooser.show()
        self.chooser.setFocus()

    def _chosen(self, item: QListWidgetItem) -> None:
        self._say("", "")
        self._show_member(int(item.data(MEMBER_ID_ROLE)))
        self.focus_scan_field()

    def clear(self) -> None:
        """Esc: forget the member and the coupon, and get ready for the next customer."""
        self.scan_field.clear()
        self.chooser.hide()
        self.coupon_bar.clear()
        self.card_widget.clear()
        self._say("", "")
        self.focus_scan_field()

    # -- actions ------------------------------------------------------------------------
    def sale(self, *, focus_points: bool = False) -> None:
        card = self.card_widget.card
        if focus_points and card is None:
            self._refuse(self.tr("Scan the member card first to redeem points."))
            self.focus_scan_field()
            return
        dialog = SaleDialog(
            self._desk.rule(),
            card,
            focus_points=focus_points,
            coupon=self.coupon_bar.held,
            coupons=SaleCoupons(self._desk, card.id if card else None),
            multiplier_tenths=active_multiplier_tenths(self._desk) if card else 10,
            parent=self,
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted and dialog.request is not None
        if accepted:
            assert dialog.request is not None
            self._record_sale(dialog.request, card.id if card else None)
        self.focus_scan_field()

    def redeem(self) -> None:
        self.sale(focus_points=True)

    def _record_sale(self, request: SaleRequest, member_id: int | None) -> None:
        def record(owner: Actor | None = None):  # type: ignore[no-untyped-def]
            return self._desk.record_sale(
                amount_fen=request.amount_fen,
                member_id=member_id,
                by=self.actor,
                redeem_points=request.redeem_points,
                owner=owner,
                coupon_id=request.coupon_id,
            )

        try:
            result = record()
        except DomainError as exc:
            if exc.code != "owner_pin_required":
                self._refuse(exc)
                return
            owner = ask_owner(self._desk, error_text(exc), parent=self)
            if owner is None:
                self._refuse(self.tr("Sale not recorded: the owner's PIN was not given."))
                return
            try:
                result = record(owner)
            except DomainError as again:
                self._refuse(again)
                return
        if result.coupon_id is not None:
            self.coupon_bar.clear()
        self._say(self._with_new_coupons(sale_text(result), result.new_coupons), "ok")
        self._refresh_card()

    def check_in(self) -> None:
        card = self.card_widget.card
        if card is None:
            self._refuse(self.tr("Scan the member card first to check in."))
        else:
            try:
                result = self._desk.check_in(member_id=card.id, by=self.actor)
            except DomainError as exc:
                self._refuse(exc)
            else:
                text = self._with_new_coupons(checkin_text(result), result.new_coupons)
                self._say(text, "ok" if result.rewarded else "info")
                self._refresh_card()
        self.focus_scan_field()

    def refund(self) -> None:
        card = self.card_widget.card
        try:
            sales = self._desk.recent_sales(member_id=card.id if card else None, limit=20)
            timezone = self._desk.shop_profile().timezone
        except DomainError as exc:
            self._refuse(exc)
            self.focus_scan_field()
            return
        dialog = RefundDialog(
            sales, timezone=timezone, member_name=card.name if card else None, parent=self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.sale is not None:
            sale = dialog.sale
            reason = fill(
                self.tr("Refund of the sale of %1 on %2: the owner's PIN is needed."),
                yuan(sale.amount_fen),
                day_text(sale.local_day),
            )
            owner = refund_approver(self._desk, self.actor, sale, reason, parent=self)
            if owner is None:
                self._say(self.tr("Refund cancelled: the owner's PIN was not given."), "info")
            else:
                self._do_refund(sale.id, sale.amount_fen, owner, dialog.reason)
        self.focus_scan_field()

    def _do_refund(self, sale_id: int, amount_fen: int, owner: Actor, reason: str) -> None:
        try:
            result = self._desk.refund_sale(sale_id=sale_id, by=owner, reason=reason)
        except DomainError as exc:
            self._refuse(exc)
            return
        text = refund_text(result, amount_fen)
        self._say(text, "ok")
        self._refresh_card()
