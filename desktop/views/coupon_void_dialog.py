"""Voiding coupons: scan one (or type a batch number), see what it is, give a reason, and
void it or its whole batch with the owner's PIN. Used coupons stay used."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.counter_coupons import LOOKUP_AMOUNT_FEN, scanned_coupon
from desktop.views.coupon_text import coupon_offer, coupon_state_name, local_time_text
from desktop.views.formatting import day_text
from desktop.views.messages import error_text
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.coupons import CouponInfo
    from desktop.models.service import Desk

# Refusals that say nothing about which coupon it is (the code itself is not good).
NOT_A_COUPON = frozenset({"misread", "unknown_key", "bad_signature", "wrong_kind"})
MAX_BATCH_DIGITS = 9


class CouponVoidDialog(QDialog):
    """``CouponVoidDialog(desk, raw="")``: ``raw`` is a coupon already scanned.

    After ``exec()`` returns Accepted: ``whole_batch`` (then ``batch_id``) or ``coupon``, and
    ``reason``. The caller asks for the owner's PIN and voids. Public for tests:
    ``code_edit``, ``details_label``, ``single_radio``, ``batch_radio``, ``reason_edit``,
    ``error_label``, ``void_button``.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        raw: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.coupon: CouponInfo | None = None
        self.batch: list[CouponInfo] = []
        self.batch_id: int | None = None
        self.whole_batch = False
        self.reason = ""
        self.setWindowTitle(self.tr("Void coupons"))
        self.setMinimumWidth(560)

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("voidCode")
        self.code_edit.setPlaceholderText(self.tr("Scan the coupon, or type a batch number"))
        self.code_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.code_edit.setProperty("scanExempt", True)
        self.code_edit.returnPressed.connect(lambda: self.look_up(self.code_edit.text()))
        self.details_label = QLabel(self.tr("Nothing chosen yet."))
        self.details_label.setObjectName("voidDetails")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setStyleSheet(
            "font-size: 13pt; padding: 8px; background: #eef1f5; border-radius: 6px;"
        )
        self.single_radio = QRadioButton(self.tr("Only this coupon"))
        self.batch_radio = QRadioButton()
        self.single_radio.setChecked(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("voidReason")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("Why (required), e.g. printed by mistake"))
        self.reason_edit.setProperty("scanExempt", True)
        self.error_label = QLabel()
        self.error_label.setObjectName("voidError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.void_button = buttons.addButton(
            self.tr("Void"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.void_button.setObjectName("voidButton")
        self.void_button.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close (Esc)"))
        buttons.accepted.connect(self.void)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Coupon"), self.code_edit)
        form.addRow("", self.details_label)
        form.addRow("", self.single_radio)
        form.addRow("", self.batch_radio)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._show()
        if raw:
            self.look_up(raw)
        self.code_edit.setFocus()

    # -- finding ------------------------------------------------------------------------
    def handle_scan(self, raw: str) -> bool:
        """A scan while the dialog is open is the coupon to void."""
        self.look_up(raw)
        return True

    def look_up(self, text: str) -> None:
        text = text.strip()
        self.code_edit.clear()
        self.error_label.clear()
        if not text:
            return
        if text.isdigit() and len(text) <= MAX_BATCH_DIGITS:
            self._look_up_batch(int(text))
            return
        try:
            coupon: CouponInfo | None = self._desk.check_coupon(
                text, amount_fen=LOOKUP_AMOUNT_FEN, member_id=None
            ).coupon
        except DomainError as exc:
            if exc.code in NOT_A_COUPON:
                self.error_label.setText(error_text(exc))
                return
            coupon = scanned_coupon(self._desk, text)
            if coupon is None:
                self.error_label.setText(error_text(exc))
                return
        self.coupon = coupon
        self.batch, self.batch_id = [], None
        if coupon is not None and coupon.batch_id is not None:
            self._load_batch(coupon.batch_id)
        self._show()
        self.reason_edit.setFocus()

    def _look_up_batch(self, batch_id: int) -> None:
        self.coupon = None
        if self._load_batch(batch_id):
            self.batch_radio.setChecked(True)
            self.reason_edit.setFocus()
        self._show()

    def _load_batch(self, batch_id: int) -> bool:
        try:
            self.batch = self._desk.batch_coupons(batch_id)
        except DomainError as exc:
            self.batch, self.batch_id = [], None
            self.error_label.setText(error_text(exc))
            return False
        self.batch_id = batch_id
        return True

    # -- showing ------------------------------------------------------------------------
    def _coupon_lines(self, c: CouponInfo) -> list[str]:
        lines = [
            fill("%1 · %2 · %3", c.serial, c.campaign_name, coupon_offer(c)),
            fill(
                self.tr("State: %1 · valid %2 to %3"),
                coupon_state_name(c.state),
                day_text(c.valid_from),
                day_text(c.valid_to),
            ),
        ]
        if c.state == "redeemed" and c.redeemed_at is not None:
            zone = ZoneInfo(self._desk.shop_profile().timezone)
            when = local_time_text(c.redeemed_at.replace(tzinfo=dt.UTC).astimezone(zone))
            lines.append(
                fill(self.tr("Used on %1 at %2; it stays used."), when, c.redeemed_shop or "—")
            )
        lines.append(
            self.tr("Bearer coupon") if c.member_id is None else self.tr("Bound to a member")
        )
        return lines

    def _show(self) -> None:
        lines: list[str] = []
        if self.coupon is not None:
            lines += self._coupon_lines(self.coupon)
        if self.batch_id is not None:
            unused = sum(1 for c in self.batch if c.state == "issued")
            self.batch_radio.setText(
                fill(
                    self.tr("The whole batch %1: %2 coupons, %3 not used yet"),
                    self.batch_id,
                    len(self.batch),
                    unused,
                )
            )
            if self.coupon is None and self.batch:
                first, last = self.batch[0], self.batch[-1]
                lines.append(
                    fill(
                        self.tr("Batch %1 of “%2”: %3 – %4"),
                        self.batch_id,
                        first.campaign_name,
                        first.serial,
                        last.serial,
                    )
                )
        self.details_label.setText("\n".join(lines) or self.tr("Nothing chosen yet."))
        self.single_radio.setVisible(self.coupon is not None and self.batch_id is not None)
        self.batch_radio.setVisible(self.batch_id is not None)
        if self.coupon is None and self.batch_id is not None:
            self.batch_radio.setChecked(True)
        self.void_button.setEnabled(self.coupon is not None or self.batch_id is not None)

    # -- choosing ---------------------------------------------------------------------
    def void(self) -> None:
        """Accept with what to void: ``batch_id`` set for the whole batch, else ``coupon``."""
        self.whole_batch = self.batch_id is not None and (
            self.coupon is None or self.batch_radio.isChecked()
        )
        if self.coupon is None and not self.whole_batch:
            self.error_label.setText(self.tr("Scan the coupon to void first."))
            return
        self.reason = self.reason_edit.text().strip()
        if not self.reason:
            self.error_label.setText(error_text(DomainError("reason_required")))
            self.reason_edit.setFocus()
            return
        self.accept()
