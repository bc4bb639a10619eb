"""What the Campaigns screen does beyond the table: ending, sending to members, printing bearer
coupons, voiding. Each function takes the ``CampaignsView`` it works for. GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from desktop.models.errors import DomainError
from desktop.views.coupon_sheet import sheet_coupon_from
from desktop.views.coupon_void_dialog import CouponVoidDialog
from desktop.views.messages import error_text
from desktop.views.print_dialog import coupon_print_dialog
from desktop.views.segment_dialog import SegmentDialog
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.campaigns import CampaignSummary
    from desktop.models.service import Desk
    from desktop.views.campaigns_view import CampaignsView

MAX_BATCH = 5000


translate = QCoreApplication.translate


def rule_text(c: CampaignSummary) -> str:
    """Short words for how a campaign's coupons are handed out (the table's column)."""
    if c.kind == "points_multiplier":
        return translate("CampaignActions", "Every member sale")
    names = {
        None: translate("CampaignActions", "By hand"),
        "welcome": translate("CampaignActions", "Welcome"),
        "birthday": translate("CampaignActions", "Birthday month"),
        "winback": translate("CampaignActions", "Win-back"),
        "nth_visit": translate("CampaignActions", "Stamp card"),
        "spend_over": translate("CampaignActions", "Big sale"),
    }
    return names.get(c.trigger, c.trigger or "")


def confirm_end(parent: QWidget, name: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("CampaignActions", "End campaign"),
        translate(
            "CampaignActions",
            "End “%1”? Its coupons can no longer be issued or used, and it cannot be "
            "started again.",
        ).replace("%1", name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(translate("CampaignActions", "End it"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def issue_to_segment(view: CampaignsView, desk: Desk) -> None:
    chosen = view.selected()
    if chosen is None:
        return
    owner = view.owner_for(translate("CampaignActions", "Sending coupons needs the owner's PIN."))
    if owner is None:
        return
    dialog = SegmentDialog(
        desk, campaign_id=chosen.id, campaign_name=chosen.name, owner=owner, parent=view
    )
    dialog.exec()
    if dialog.result is None:
        return
    view.reload(select=chosen.id)
    r = dialog.result
    text = fill(
        translate("CampaignActions", "%1 coupons of “%2” issued, %3 members held out, %4 skipped."),
        f"{r.issued:,}",
        chosen.name,
        f"{r.held_out:,}",
        f"{r.skipped:,}",
    )
    if dialog.cancelled:
        text = translate(
            "CampaignActions", "Stopped: %1 Those already issued stay issued."
        ).replace("%1", text)
    view.say(text, "info" if dialog.cancelled else "ok")


def ask_batch_size(parent: QWidget, name: str) -> int | None:
    dialog = QInputDialog(parent)
    dialog.setObjectName("batchSizeDialog")
    dialog.setWindowTitle(translate("CampaignActions", "Print bearer coupons"))
    dialog.setLabelText(
        translate(
            "CampaignActions",
            "How many coupons of “%1” to issue and print? Anyone holding one may use it.",
        ).replace("%1", name)
    )
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    dialog.setIntRange(1, MAX_BATCH)
    dialog.setIntValue(40)
    dialog.setOkButtonText(translate("CampaignActions", "Issue and print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.intValue()


def print_batch(view: CampaignsView, desk: Desk) -> None:
    """Ask how many, issue them as a batch, then open the print dialog on them."""
    chosen = view.selected()
    if chosen is None:
        return
    owner = view.owner_for(translate("CampaignActions", "Printing coupons needs the owner's PIN."))
    if owner is None:
        return
    count = ask_batch_size(view, chosen.name)
    if count is None:
        return
    try:
        batch_id, coupons = desk.issue_bearer_batch(chosen.id, count=count, by=owner)
        shop_name = desk.shop_profile().name
        sheet = [sheet_coupon_from(c, shop_name, desk.coupon_code(c.id)) for c in coupons]
    except DomainError as exc:
        view.say(error_text(exc), "error")
        return
    view.reload(select=chosen.id)
    view.say(
        fill(
            translate("CampaignActions", "Batch %1: %2 coupons of “%3” issued (%4 – %5)."),
            batch_id,
            f"{len(coupons):,}",
            chosen.name,
            coupons[0].serial if coupons else "",
            coupons[-1].serial if coupons else "",
        ),
        "ok",
    )
    coupon_print_dialog(sheet, parent=view).exec()


def void_coupons(view: CampaignsView, desk: Desk, raw: str = "") -> None:
    """Look a coupon up (scanned or typed) or a batch, then void it with the owner's PIN."""
    dialog = CouponVoidDialog(desk, raw=raw, parent=view)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    owner = view.owner_for(translate("CampaignActions", "Voiding coupons needs the owner's PIN."))
    if owner is None:
        return
    try:
        if dialog.whole_batch and dialog.batch_id is not None:
            count = desk.void_batch(dialog.batch_id, by=owner, reason=dialog.reason)
            text = fill(
                translate("CampaignActions", "Batch %1: %2 coupons voided (used ones stay used)."),
                dialog.batch_id,
                f"{count:,}",
            )
        else:
            assert dialog.coupon is not None
            desk.void_coupon(dialog.coupon.id, by=owner, reason=dialog.reason)
            text = translate("CampaignActions", "Coupon %1 voided.").replace(
                "%1", dialog.coupon.serial
            )
    except DomainError as exc:
        view.say(error_text(exc), "error")
        return
    view.reload()
    view.say(text, "ok")
