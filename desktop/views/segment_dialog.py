"""Sending a campaign's coupons to a segment of members, with a live count before sending.

The count ("will receive 1,234 · held out 137 · no marketing consent 56 · already at limit 3")
is read again a moment after each change. Sending runs on a worker thread behind a progress
dialog; cancelling stops between chunks and keeps what was already issued.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEventLoop, QObject, Qt, QTimer, Signal
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
    QProgressDialog,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.coupons import SegmentFilter
from desktop.models.errors import DomainError
from desktop.views.formatting import parse_yuan, tier_name
from desktop.views.messages import error_text
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.coupons import SegmentIssueResult, SegmentPreview
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

PREVIEW_DELAY_MS = 200


class IssueWorker(QObject):
    """Runs ``issue(progress)`` on a thread; reports back on the GUI thread by signals.

    ``progressed(done, total)`` while it runs, then ``done(result)`` with the result or the
    ``DomainError``. ``cancel()`` makes the next progress call answer False.
    """

    progressed = Signal(int, int)
    done = Signal(object)

    def __init__(self, issue: Callable[[Callable[[int, int], bool]], object]) -> None:
        super().__init__()
        self._issue = issue
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def start(self) -> None:
        threading.Thread(target=self._run, name="issue-coupons", daemon=True).start()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancelled.is_set()

    def _run(self) -> None:  # worker thread: no widgets here
        try:
            result: object = self._issue(self._progress)
        except Exception as exc:  # handed to the GUI thread: refusal shown, bug re-raised
            result = exc
        self.done.emit(result)


def run_with_progress(
    parent: QWidget, issue: Callable[[Callable[[int, int], bool]], object], *, label: str
) -> tuple[object, bool]:
    """Run ``issue`` behind a cancellable progress dialog; (result or error, cancelled)."""
    stop = QCoreApplication.translate("SegmentDialog", "Stop")
    progress = QProgressDialog(label, stop, 0, 0, parent)
    progress.setObjectName("issueProgress")
    progress.setWindowTitle(QCoreApplication.translate("SegmentDialog", "Issuing coupons"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    worker = IssueWorker(issue)
    loop = QEventLoop()
    outcome: list[object] = []

    def on_progress(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))

    def on_done(result: object) -> None:
        outcome.append(result)
        loop.quit()

    worker.progressed.connect(on_progress)
    worker.done.connect(on_done)
    progress.canceled.connect(worker.cancel)
    progress.show()
    worker.start()
    if not outcome:
        loop.exec()
    cancelled = worker.cancelled
    progress.canceled.disconnect(worker.cancel)  # closing the dialog emits canceled too
    progress.close()
    progress.deleteLater()
    result = outcome[0]
    if isinstance(result, Exception) and not isinstance(result, DomainError):
        raise result
    return result, cancelled


class SegmentDialog(QDialog):
    """``SegmentDialog(desk, campaign_id=…, campaign_name=…, owner=…)``.

    Public for tests: the filter widgets, ``preview_label``, ``preview`` (the last
    ``SegmentPreview``), ``send_button``; after sending, ``result`` and ``cancelled``.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        campaign_id: int,
        campaign_name: str,
        owner: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._campaign_id = campaign_id
        self._owner = owner
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

        form = QFormLayout()
        form.addRow(self.tr("Tier"), tiers)
        form.addRow(self._pair(self.away_check, self.away_spin))
        form.addRow(self._pair(self.birthday_check, self.month_combo))
        form.addRow(self._pair(self.enrolled_check, self.enrolled_edit))
        form.addRow(self.tr("Spent in the last 12 months (¥)"), spend)

        self.preview_label = QLabel()
        self.preview_label.setObjectName("segmentPreview")
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet(
            "font-size: 14pt; padding: 8px; background: #eef1f5; border-radius: 6px;"
        )
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
        for check in (*self.tier_checks.values(), self.away_check, self.birthday_check):
            check.toggled.connect(self._changed)
        self.enrolled_check.toggled.connect(self._changed)
        self.away_spin.valueChanged.connect(self._changed)
        self.month_combo.currentIndexChanged.connect(self._changed)
        self.enrolled_edit.dateChanged.connect(self._changed)
        self.spend_min_edit.textChanged.connect(self._changed)
        self.spend_max_edit.textChanged.connect(self._changed)
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
        )

    def _changed(self) -> None:
        self._timer.start()

    def refresh_preview(self) -> None:
        self._timer.stop()
        segment = self.segment()
        if segment is None:
            return
        try:
            preview = self._desk.preview_segment(self._campaign_id, segment)
        except DomainError as exc:
            self.preview = None
            self.preview_label.setText(error_text(exc))
            self.send_button.setEnabled(False)
            return
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
        self.refresh_preview()
        segment = self.segment()
        if segment is None or self.preview is None or not self.preview.will_receive:
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
