"""Sending coupons to a segment: the live count the owner reads before sending is what is
issued; filters change the count; stopping keeps what was already issued."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from desktop.models import segments
from desktop.models.coupons import SegmentFilter
from desktop.models.service import Desk
from desktop.views import background
from desktop.views.campaigns_view import CampaignsTable, CampaignsView
from desktop.views.pin_dialog import PinDialog
from desktop.views.segment_dialog import SegmentDialog
from desktop.views.session_state import SessionState
from tests.views.conftest import OWNER_PIN, VIEW_START, Members, ModalDriver, make_campaign


@pytest.fixture
def campaign(shop_desk: Desk, shop_owner) -> int:  # type: ignore[no-untyped-def]
    """At most 2 coupons a member, 20% held out to measure the campaign."""
    return make_campaign(shop_desk, shop_owner, name="老客回馈", per_member_limit=2, holdout_pct=20)


@pytest.fixture
def audience(shop_desk: Desk, fans: list[int], members: Members, campaign: int, shop_owner):  # type: ignore[no-untyped-def]
    """Six fans (one already at the limit), three members without marketing consent."""
    for _ in range(2):
        shop_desk.issue_coupon(campaign, member_id=fans[0], by=None)
    shop_desk.record_sale(amount_fen=50_000, member_id=fans[1], by=None)  # ¥500 in 12 months
    return fans


def open_dialog(qtbot, desk: Desk, campaign: int, owner, **preset) -> SegmentDialog:  # type: ignore[no-untyped-def]
    """The dialog as the owner sees it once the first count is shown."""
    dialog = SegmentDialog(
        desk, campaign_id=campaign, campaign_name="老客回馈", owner=owner, **preset
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    return dialog


def test_the_preview_counts_are_what_sending_issues(
    qtbot, shop_desk: Desk, shop_owner, campaign: int, audience: list[int], modal: ModalDriver
) -> None:
    dialog = open_dialog(qtbot, shop_desk, campaign, shop_owner)
    p = dialog.preview
    assert p is not None
    assert p.matched == 9
    assert p.no_consent == 3
    assert p.at_limit == 1
    assert p.held_out + p.will_receive == 5
    text = dialog.preview_label.text()
    assert text.startswith(
        f"Will receive {p.will_receive} · held out {p.held_out} · no marketing consent 3 · "
        "already at limit 1"
    )
    assert dialog.send_button.text() == f"Send {p.will_receive} coupons"
    before = shop_desk.campaign_summaries()[0].issued

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    assert dialog.result is not None
    assert dialog.result.issued == p.will_receive
    assert dialog.result.held_out == p.held_out
    assert not dialog.cancelled
    assert shop_desk.campaign_summaries()[0].issued == before + p.will_receive
    assert not dialog.isVisible()


def test_ticking_a_filter_updates_the_count(
    qtbot, shop_desk: Desk, shop_owner, campaign: int, audience: list[int]
) -> None:
    dialog = open_dialog(qtbot, shop_desk, campaign, shop_owner)
    everyone = dialog.preview.matched

    dialog.tier_checks[2].setChecked(True)  # gold only: nobody has spent that much

    assert not dialog.send_button.isEnabled()  # no sending on a count of other filters
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.matched != everyone, timeout=2000
    )
    assert dialog.preview.matched == 0
    assert dialog.preview_label.text().startswith("Will receive 0 ·")
    assert not dialog.send_button.isEnabled()

    dialog.tier_checks[2].setChecked(False)
    qtbot.keyClicks(dialog.spend_min_edit, "400")
    qtbot.waitUntil(
        lambda: dialog.preview is not None and dialog.preview.matched == 1, timeout=2000
    )
    expected = shop_desk.preview_segment(campaign, SegmentFilter(spend_min_fen=40_000))
    assert dialog.preview == expected


def test_a_spend_that_is_not_an_amount_is_explained(
    qtbot, shop_desk: Desk, shop_owner, campaign: int, audience: list[int]
) -> None:
    dialog = open_dialog(qtbot, shop_desk, campaign, shop_owner)

    qtbot.keyClicks(dialog.spend_max_edit, "1.2.3")
    dialog.refresh_preview()

    assert dialog.error_label.text() == "Type the spend like 100 or 99.50."


def test_stopping_keeps_what_was_already_issued(
    qtbot,
    shop_desk: Desk,
    shop_owner,
    campaign: int,
    audience: list[int],
    modal: ModalDriver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(segments, "CHUNK", 1)
    stop_pressed = threading.Event()
    progress = background.ProgressWorker._progress

    def slow_progress(worker, done: int, total: int) -> bool:  # type: ignore[no-untyped-def]
        answer = progress(worker, done, total)
        stop_pressed.wait(timeout=5)  # the person presses Stop after the first chunk
        return answer and not worker.cancelled

    monkeypatch.setattr(background.ProgressWorker, "_progress", slow_progress)
    dialog = open_dialog(qtbot, shop_desk, campaign, shop_owner)

    def stop(progress_dialog: QProgressDialog) -> None:
        stop_button = progress_dialog.findChild(QPushButton)
        assert stop_button.text() == "Stop"
        qtbot.mouseClick(stop_button, Qt.MouseButton.LeftButton)
        stop_pressed.set()

    modal.expect(QProgressDialog, stop)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    modal.check()
    assert dialog.cancelled
    assert dialog.result is not None
    assert dialog.result.issued == 1
    assert shop_desk.campaign_summaries()[0].issued == 2 + 1


def test_sending_from_the_campaigns_screen_reports_the_numbers(
    qtbot, shop_desk: Desk, campaign: int, audience: list[int], modal: ModalDriver
) -> None:
    view = CampaignsView(shop_desk, SessionState())
    qtbot.addWidget(view)
    counted: list[int] = []

    def enter_pin(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, OWNER_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    def send(dialog: SegmentDialog) -> None:
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
        counted.append(dialog.preview.will_receive)
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    modal.expect(PinDialog, enter_pin).expect(SegmentDialog, send)
    qtbot.mouseClick(view.buttons["issue"], Qt.MouseButton.LeftButton)

    modal.check()
    assert view.message_kind == "ok"
    assert view.message_label.text().startswith(f"{counted[0]} coupons of “老客回馈” issued")
    issued = view.table.item(0, CampaignsTable.Columns.ISSUED).text()
    assert issued == str(2 + counted[0])


def test_a_dialog_preset_to_an_rfm_segment_counts_and_sends_to_that_segment(
    qtbot,
    shop_desk: Desk,
    shop_owner,
    fans: list[int],
    members: Members,
    view_clock,
    modal: ModalDriver,
) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.segments import SegmentFilter as RfmFilter

    campaign = make_campaign(shop_desk, shop_owner, name="回流券")  # nobody held out

    for day, who in [(0, fans[0]), (0, members.zhang), (5, fans[1]), (9, fans[0]), (9, fans[2])]:
        view_clock.now = VIEW_START + dt.timedelta(days=day)
        shop_desk.record_sale(amount_fen=3000, member_id=who, by=None)
    view_clock.now = VIEW_START + dt.timedelta(days=10)  # yesterday is the last day of sales
    segment = shop_desk.segment_members("hibernating").member_ids
    assert set(segment) == {fans[1], members.zhang}  # bought once, longest ago

    dialog = open_dialog(qtbot, shop_desk, campaign, shop_owner, rfm_segment="hibernating")

    assert dialog.rfm_combo.currentText() == "Hibernating"
    assert dialog.preview == shop_desk.preview_segment(
        campaign, RfmFilter(rfm_segment="hibernating")
    )
    assert dialog.preview.matched == len(segment)
    assert dialog.preview.no_consent == 1  # Zhang never agreed to marketing
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None
    assert dialog.result.issued == 1  # only the fan who agreed to marketing
    assert len(shop_desk.member_coupons(fans[1])) == 1
    assert shop_desk.member_coupons(members.zhang) == []
