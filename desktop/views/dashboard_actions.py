"""What the dashboard does beyond drawing: issuing coupons to an RFM segment and exporting.
Each function takes the ``DashboardView`` it works for. GUI thread only; the work itself runs
on worker threads behind progress dialogs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QInputDialog, QWidget

from desktop.models.errors import DomainError
from desktop.models.exports import ExportResult
from desktop.views.background import run_with_progress
from desktop.views.dashboard_export import WEEKLY, ExportDialog
from desktop.views.messages import error_text
from desktop.views.pin_dialog import ask_owner
from desktop.views.segment_dialog import SegmentDialog
from desktop.views.segment_names import segment_names
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.campaigns import CampaignSummary
    from desktop.views.dashboard_view import DashboardView

Work = Callable[[Callable[[int, int], bool]], object]


def _t(text: str) -> str:
    return QCoreApplication.translate("DashboardActions", text)


# -- RFM segment → coupons ----------------------------------------------------------------
def issuable_campaigns(view: DashboardView) -> list[CampaignSummary]:
    """Running campaigns that hand out coupons (a points multiplier issues none)."""
    return [
        c
        for c in view.desk.campaign_summaries(include_ended=False)
        if c.state == "active" and c.kind != "points_multiplier"
    ]


def choose_campaign(
    parent: QWidget, campaigns: list[CampaignSummary], segment: str
) -> CampaignSummary | None:
    dialog = QInputDialog(parent)
    dialog.setObjectName("campaignChoice")
    dialog.setWindowTitle(_t("Issue coupons to a segment"))
    dialog.setLabelText(_t("Which campaign's coupons should “%1” receive?").replace("%1", segment))
    dialog.setComboBoxItems([c.name for c in campaigns])
    dialog.setComboBoxEditable(False)
    dialog.setOkButtonText(_t("Next…"))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    combo = dialog.findChild(QComboBox)
    index = combo.currentIndex() if combo is not None else 0
    dialog.deleteLater()
    if not accepted:
        return None
    return campaigns[index] if 0 <= index < len(campaigns) else None


def issue_to_segment(view: DashboardView) -> None:
    """Choose a campaign, then open the issue-to-segment dialog preset to the RFM segment
    chosen under the chart; report what was issued in the dashboard's bar."""
    key = view.segment.currentData()
    if key is None:
        return
    name = segment_names().get(str(key), str(key))
    campaigns = issuable_campaigns(view)
    if not campaigns:
        view.say(_t("No running coupon campaign. Create one on the Campaigns tab first."), "info")
        return
    owner = view.owner_for(_t("Sending coupons needs the owner's PIN."))
    if owner is None:
        view.say(_t("Nothing sent: the owner's PIN was not given."), "info")
        return
    chosen = choose_campaign(view, campaigns, name)
    if chosen is None:
        return
    dialog = SegmentDialog(
        view.desk,
        campaign_id=chosen.id,
        campaign_name=chosen.name,
        owner=owner,
        rfm_segment=str(key),
        parent=view,
    )
    dialog.exec()
    r = dialog.result
    cancelled = dialog.cancelled
    dialog.deleteLater()
    if r is None:
        return
    text = fill(
        _t("%1 coupons of “%2” issued to “%3”, %4 members held out, %5 skipped."),
        f"{r.issued:,}",
        chosen.name,
        name,
        f"{r.held_out:,}",
        f"{r.skipped:,}",
    )
    if cancelled:
        text = _t("Stopped: %1 Those already issued stay issued.").replace("%1", text)
    view.say(text, "info" if cancelled else "ok")


# -- exports --------------------------------------------------------------------------------
def suggested_name(kind: str, first: dt.date, last: dt.date, today: dt.date) -> str:
    if kind == WEEKLY:
        return f"weekly-report-{first.isoformat()}-{last.isoformat()}.xlsx"
    return f"{kind}-{today.isoformat()}.xlsx"


def export(view: DashboardView) -> None:
    """Ask what to export, the owner's PIN when full phone numbers are wanted, and where;
    then write it behind a progress dialog (Stop leaves no file)."""
    board = view.dashboard
    if board is None:
        return
    first, last = board.period.first, board.period.last
    dialog = ExportDialog(first, last, parent=view)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    kind, unmask = dialog.kind, dialog.unmask
    dialog.deleteLater()
    if not accepted:
        return
    by = view.owner
    if unmask:
        by = ask_owner(
            view.desk,
            _t("Full phone numbers need the owner's PIN. The export is written to the audit log."),
            parent=view,
        )
        if by is None:
            view.say(_t("Nothing exported: the owner's PIN was not given."), "info")
            return
    chosen, _ = QFileDialog.getSaveFileName(
        view,
        _t("Export to"),
        suggested_name(kind, first, last, view.desk.today()),
        _t("Excel workbooks (*.xlsx)"),
    )
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    desk = view.desk
    work: Work
    if kind == WEEKLY:

        def work(progress: Callable[[int, int], bool]) -> object:
            return desk.export_weekly_report(path, first, last, progress=progress, by=by)

    else:

        def work(progress: Callable[[int, int], bool]) -> object:
            return desk.export_records(kind, path, by=by, unmask=unmask, progress=progress)

    label = _t("Writing %1…").replace("%1", path.name)
    outcome, cancelled = run_with_progress(view, work, label=label, title=_t("Exporting"))
    if isinstance(outcome, DomainError):
        view.say(error_text(outcome), "error")
        return
    assert isinstance(outcome, ExportResult)
    if cancelled or outcome.cancelled:
        view.say(_t("Export stopped: no file was written."), "info")
        return
    view.say(export_text(outcome, kind=kind, unmask=unmask), "ok")


def export_text(result: ExportResult, *, kind: str, unmask: bool) -> str:
    if kind == WEEKLY:
        return _t("Weekly report saved: %1").replace("%1", str(result.path))
    text = fill(_t("%1 rows saved to %2"), f"{result.rows:,}", str(result.path))
    if unmask:
        return text + " " + _t("(full phone numbers; written to the audit log)")
    return text + " " + _t("(phone numbers masked)")
