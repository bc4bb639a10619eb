"""Sending a campaign's coupons to a segment of members, with a live count before sending.

The count ("will receive 1,234 · held out 137 · no marketing consent 56 · already at limit 3")
is read again a moment after each change, on a worker thread (an RFM segment scores every
buyer of the year: seconds on a big shop), so the dialog never freezes while it counts.
Sending runs on a worker thread behind a progress dialog; cancelling stops between chunks and
keeps what was already issued.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.segments import SegmentFilter
from desktop.views.background import SerialWorker, run_with_progress
from desktop.views.formatting import parse_yuan, tier_name
from desktop.views.messages import error_text
from desktop.views.segment_names import segment_names
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.coupons import SegmentIssueResult, SegmentPreview
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

PREVIEW_DELAY_MS = 200
SLOW_COUNT_MS = 400  # say "counting…" when a count takes longer than this


class SegmentDialog(QDialog):
    """``SegmentDialog(desk, campaign_id=…, campaign_name=…, owner=…, rfm_segment=None)``.

    ``rfm_segment`` presets the RFM segment filter (the dashboard's "issue coupons to this
    segment"). Public for tests: the filter widgets, ``preview_label``, ``preview`` (the
    ``SegmentPreview`` of the filters on screen; None while it is being counted),
    ``send_button``; after sending, ``result`` and ``cancelled``.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        campaign_id: int,
        campaign_name: str,
        owner: Actor,
        rfm_segment: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._campaign_id = campaign_id
        self._owner = owner
        self._worker = SerialWorker("segment-count", self)
        self._generation = 0
        self.preview: SegmentPreview | None = None
        self.result: SegmentIssueResult | None = None
        self.cancelled = False
        self.setWindowTitle(self.tr("Send coupons to members"))
        self.setMinimumWidth(620)

        heading = QLabel(self.tr("“%1”: who gets a coupon?").replace("%1", campaign_name))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.tier_checks = {t: QCheckBox(tier_name(t)) for t in (0, 1, 2)}
        tiers = QHBoxLayout()
        for tier, check in self.tier_checks.items():
            check.setObjectName(f"tier{tier}Check")
            tiers.addWidget(check)
        tiers.addWidget(QLabel(self.tr("(none ticked: every tier)")))
        tiers.addStretch(1)

        self.away_check = QCheckBox(self.tr("No visit for at least"))
        self.away_spin = QSpinBox()
        self.away_spin.setRange(1, 3650)
        self.away_spin.setValue(60)
        self.away_spin.setSuffix(self.tr(" days"))
        self.birthday_check = QCheckBox(self.tr("Birthday in"))
        self.month_combo = QComboBox()
        for month in range(1, 13):
            self.month_combo.addItem(self.tr("month %1").replace("%1", str(month)), month)
        self.month_combo.setCurrentIndex(desk.today().month - 1)
        self.enrolled_check = QCheckBox(self.tr("Enrolled on or after"))
        today = desk.today()
        self.enrolled_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.enrolled_edit.setDisplayFormat("yyyy-MM-dd")
        self.enrolled_edit.setCalendarPopup(True)
        self.spend_min_edit = self._money()
        self.spend_max_edit = self._money()
        spend = QHBoxLayout()
        spend.addWidget(self.spend_min_edit)
        spend.addWidget(QLabel(self.tr("to")))
        spend.addWidget(self.spend_max_edit)
        spend.addWidget(QLabel(self.tr("(empty: no bound)")))
        spend.addStretch(1)
        self.rfm_combo = QComboBox()
        self.rfm_combo.setObjectName("rfmSegment")
        self.rfm_combo.addItem(self.tr("Any member"), None)
        for key, name in segment_names().items():
            self.rfm_combo.addItem(name, key)
        if rfm_segment is not None:
            self.rfm_combo.setCurrentIndex(max(self.rfm_combo.findData(rfm_segment), 0))
        rfm = QHBoxLayout()
        rfm.addWidget(self.rfm_combo)
        rfm.addWidget(QLabel(self.tr("(the 365 days to yesterday)")))
        rfm.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Tier"), tiers)
        form.addRow(self._pair(self.away_check, self.away_spin))
        form.addRow(self._pair(self.birthday_check, self.month_combo))
        form.addRow(self._pair(self.enrolled_check, self.enrolled_edit))
        form.addRow(self.tr("Spent in the last 12 months (¥)"), spend)
        form.addRow(self.tr("RFM segment"), rfm)

        self.preview_label = QLabel()
        self.preview_label.setObjectName("segmentPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet(self._label_style(stale=False))
        self.error_label = QLabel()
        self.error_label.setObjectName("segmentError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        note = QLabel(
            self.tr(
                "Members without marketing consent never receive coupons. Held-out members "
                "are kept aside on purpose, to measure what the campaign changes."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7684;")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(
            self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.send_button.setObjectName("sendCoupons")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close (Esc)"))
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_COUNT_MS)
        self._slow.timeout.connect(self._say_counting)
        for check in (*self.tier_checks.values(), self.away_check, self.birthday_check):
            check.toggled.connect(self._changed)
        self.enrolled_check.toggled.connect(self._changed)
        self.away_spin.valueChanged.connect(self._changed)
        self.month_combo.currentIndexChanged.connect(self._changed)
        self.enrolled_edit.dateChanged.connect(self._changed)
        self.spend_min_edit.textChanged.connect(self._changed)
        self.spend_max_edit.textChanged.connect(self._changed)
        self.rfm_combo.currentIndexChanged.connect(self._changed)
        self.refresh_preview()

    def _money(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaximumWidth(120)
        edit.setPlaceholderText("0.00")
        edit.setProperty("scanExempt", True)
        edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        return edit

    @staticmethod
    def _pair(check: QCheckBox, value: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(check)
        row.addWidget(value)
        row.addStretch(1)
        return box

    # -- the segment --------------------------------------------------------------------
    def segment(self) -> SegmentFilter | None:
        """The filters on screen, or None (with a message) when an amount is not valid."""
        bounds: list[int | None] = []
        for edit in (self.spend_min_edit, self.spend_max_edit):
            text = edit.text().strip()
            fen = parse_yuan(text) if text else None
            if text and fen is None:
                self.error_label.setText(self.tr("Type the spend like 100 or 99.50."))
                return None
            bounds.append(fen)
        self.error_label.clear()
        enrolled = self.enrolled_edit.date()
        return SegmentFilter(
            tiers=frozenset(t for t, check in self.tier_checks.items() if check.isChecked()),
            no_visit_days=self.away_spin.value() if self.away_check.isChecked() else None,
            birthday_month=self.month_combo.currentData()
            if self.birthday_check.isChecked()
            else None,
            enrolled_since=dt.date(enrolled.year(), enrolled.month(), enrolled.day())
            if self.enrolled_check.isChecked()
            else None,
            spend_min_fen=bounds[0],
            spend_max_fen=bounds[1],
            rfm_segment=self.rfm_combo.currentData(),
        )

    def _changed(self) -> None:
        self._generation += 1  # a count on its way is for filters no longer on screen
        self.preview = None
        self.send_button.setEnabled(False)
        self._timer.start()

    @property
    def counting(self) -> bool:
        """A count for the filters on screen is on its way (Send waits for it)."""
        return self._timer.isActive() or self._worker.busy

    def refresh_preview(self) -> None:
        """Count the filters on screen on the worker thread; the label follows when done."""
        self._timer.stop()
        segment = self.segment()
        if segment is None:
            self.preview = None
            self.send_button.setEnabled(False)
            return
        self._generation += 1
        generation = self._generation
        self.preview = None
        self.send_button.setEnabled(False)
        self.preview_label.setStyleSheet(self._label_style(stale=True))
        self._slow.start()
        desk, campaign_id = self._desk, self._campaign_id

        def done(result: object) -> None:
            if generation == self._generation:
                self._show_preview(result)

        self._worker.submit(
            lambda: desk.preview_segment(campaign_id, segment),
            done,
            wanted=lambda: generation == self._generation,
        )

    def _say_counting(self) -> None:
        if self.preview is None and self._worker.busy:
            self.preview_label.setText(self.tr("Counting the members…"))

    @staticmethod
    def _label_style(*, stale: bool) -> str:
        colour = "#8a94a3" if stale else "#1f2933"
        return (
            f"font-size: 14pt; padding: 8px; background: #eef1f5; border-radius: 6px;"
            f" color: {colour};"
        )

    def _show_preview(self, result: object) -> None:
        self._slow.stop()
        self.preview_label.setStyleSheet(self._label_style(stale=False))
        if isinstance(result, DomainError):
            self.preview = None
            self.preview_label.setText(error_text(result))
            self.send_button.setEnabled(False)
            return
        if isinstance(result, Exception):
            raise result
        preview: SegmentPreview = result  # type: ignore[assignment]
        self.preview = preview
        self.preview_label.setText(self.preview_text(preview))
        self.send_button.setEnabled(preview.will_receive > 0)
        self.send_button.setText(
            self.tr("Send %1 coupons").replace("%1", f"{preview.will_receive:,}")
        )

    def preview_text(self, p: SegmentPreview) -> str:
        return fill(
            self.tr(
                "Will receive %1 · held out %2 · no marketing consent %3 · "
                "already at limit %4   (%5 members match)"
            ),
            f"{p.will_receive:,}",
            f"{p.held_out:,}",
            f"{p.no_consent:,}",
            f"{p.at_limit:,}",
            f"{p.matched:,}",
        )

    # -- sending ------------------------------------------------------------------------
    def send(self) -> None:
        """Issue to the filters on screen, once their count is shown (the issue works the
        same plan out again, so it gives exactly what the count says unless the shop changed
        in between)."""
        segment = self.segment()
        if (
            segment is None
            or self.counting
            or self.preview is None
            or not self.preview.will_receive
        ):
            return

        def issue(progress: Callable[[int, int], bool]) -> object:
            return self._desk.issue_to_segment(
                self._campaign_id, segment, by=self._owner, progress=progress
            )

        label = self.tr("Issuing %1 coupons…").replace("%1", f"{self.preview.will_receive:,}")
        outcome, self.cancelled = run_with_progress(self, issue, label=label)
        if isinstance(outcome, DomainError):
            self.error_label.setText(error_text(outcome))
            self.refresh_preview()
            return
        self.result = outcome  # type: ignore[assignment]
        self.accept()
