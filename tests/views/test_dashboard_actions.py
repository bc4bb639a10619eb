"""What the owner does from the dashboard: send coupons to an RFM segment, export the weekly
report and the records (phones masked unless unlocked by the owner's PIN, and audited)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QProgressDialog

from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.dashboard_export import ExportDialog
from desktop.views.dashboard_view import DashboardView
from desktop.views.pin_dialog import PinDialog
from desktop.views.segment_dialog import SegmentDialog
from tests.views.conftest import (
    OWNER_PIN,
    VIEW_START,
    Members,
    ModalDriver,
    ViewClock,
    make_campaign,
)


@pytest.fixture
def history(shop_desk: Desk, members: Members, fans: list[int], view_clock: ViewClock) -> Desk:
    """Ten days of sales by members and fans; today is the day after the last one."""
    for day, who in [
        (0, fans[0]),
        (0, members.zhang),
        (5, fans[1]),
        (9, fans[0]),
        (9, fans[2]),
    ]:
        view_clock.now = VIEW_START + dt.timedelta(days=day)
        shop_desk.record_sale(amount_fen=3000, member_id=who, by=None)
    view_clock.now = VIEW_START + dt.timedelta(days=10)
    return shop_desk


@pytest.fixture
def driver(modal: ModalDriver) -> ModalDriver:
    """The modal driver, leaving progress dialogs alone: they close when the work is done."""
    plain_tick = modal._tick

    def tick() -> None:
        if not isinstance(QApplication.activeModalWidget(), QProgressDialog):
            plain_tick()

    modal._timer.timeout.disconnect()
    modal._timer.timeout.connect(tick)
    return modal


def open_view(qtbot, desk: Desk, owner: Actor | None) -> DashboardView:  # type: ignore[no-untyped-def]
    view = DashboardView(desk, owner=owner)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.dashboard is not None, timeout=20000)
    return view


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def last_export(desk: Desk) -> dict[str, object]:
    entry = next(e for e in desk.recent_audit(limit=20) if e.action == "data.exported")
    return json.loads(entry.details)


# -- RFM segment → coupons ---------------------------------------------------------------
def test_issuing_to_an_rfm_segment_opens_the_coupon_dialog_on_that_segment(
    qtbot, history: Desk, shop_owner: Actor, fans: list[int], members: Members, driver
) -> None:  # type: ignore[no-untyped-def]
    make_campaign(history, shop_owner, name="回流券")
    view = open_view(qtbot, history, shop_owner)
    view.segment.setCurrentIndex(view.segment.findData("hibernating"))
    assert view.segment.currentText() == "Hibernating (2)"  # Zhang and the second fan
    seen: list[tuple[str, int]] = []

    def choose_campaign(dialog: QInputDialog) -> None:
        assert dialog.comboBoxItems() == ["回流券"]
        dialog.accept()

    def send(dialog: SegmentDialog) -> None:
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
        seen.append((dialog.rfm_combo.currentText(), dialog.preview.matched))
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    driver.expect(QInputDialog, choose_campaign).expect(SegmentDialog, send)
    qtbot.mouseClick(view.send_segment, Qt.MouseButton.LeftButton)

    driver.check()
    assert seen == [("Hibernating", 2)]
    assert view.status.text().startswith("1 coupons of “回流券” issued to “Hibernating”")
    assert len(history.member_coupons(fans[1])) == 1  # the fan in the segment
    assert history.member_coupons(members.zhang) == []  # no marketing consent
    assert history.campaign_summaries()[0].issued == 1


def test_without_a_running_coupon_campaign_the_owner_is_told_to_make_one(
    qtbot, history: Desk, shop_owner: Actor, driver
) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, history, shop_owner)

    qtbot.mouseClick(view.send_segment, Qt.MouseButton.LeftButton)

    driver.check()
    assert view.status.text() == (
        "No running coupon campaign. Create one on the Campaigns tab first."
    )


# -- exports --------------------------------------------------------------------------------
def choose(kind: str, *, unmask: bool = False):  # type: ignore[no-untyped-def]
    def action(dialog: ExportDialog) -> None:
        dialog.kind_buttons[kind].setChecked(True)
        dialog.unmask_check.setChecked(unmask)
        dialog.export_button.click()

    return action


def phones_in(path: Path) -> list[str]:
    book = load_workbook(path, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    column = rows[0].index("手机号")
    return sorted(str(r[column]) for r in rows[1:])


def test_members_are_exported_with_masked_phones_by_default(
    qtbot, history: Desk, shop_owner: Actor, driver, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "members.xlsx"
    save_to(monkeypatch, target)
    view = open_view(qtbot, history, shop_owner)

    driver.expect(ExportDialog, choose("members"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)

    driver.check()
    phones = phones_in(target)
    assert len(phones) == 9
    assert all("****" in p for p in phones)
    assert "138****1234" in phones
    assert view.status.text() == f"9 rows saved to {target} (phone numbers masked)"
    assert last_export(history)["unmasked"] is False


def test_full_phone_numbers_need_the_owner_pin_and_are_audited(
    qtbot, history: Desk, driver, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "members-full.xlsx"
    save_to(monkeypatch, target)
    view = open_view(qtbot, history, None)

    def enter_pin(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, OWNER_PIN)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    driver.expect(ExportDialog, choose("members", unmask=True)).expect(PinDialog, enter_pin)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)

    driver.check()
    assert "13800001234" in phones_in(target)
    assert view.status.text().endswith("(full phone numbers; written to the audit log)")
    audit = last_export(history)
    assert audit["unmasked"] is True
    assert audit["kind"] == "members"


def test_without_the_pin_nothing_is_exported(
    qtbot, history: Desk, shop_owner: Actor, driver, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "members-full.xlsx"
    save_to(monkeypatch, target)
    view = open_view(qtbot, history, shop_owner)

    def wrong_then_cancel(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, "000000")
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
        assert dialog.error_label.text()
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)

    driver.expect(ExportDialog, choose("ledger", unmask=True)).expect(PinDialog, wrong_then_cancel)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)

    driver.check()
    assert not target.exists()
    assert view.status.text() == "Nothing exported: the owner's PIN was not given."
    assert not any(e.action == "data.exported" for e in history.recent_audit(limit=20))


def test_the_weekly_report_of_the_period_shown_is_exported(
    qtbot, history: Desk, shop_owner: Actor, driver, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "weekly"  # the owner typed no extension
    save_to(monkeypatch, target)
    view = open_view(qtbot, history, shop_owner)

    driver.expect(ExportDialog, choose("weekly"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)

    driver.check()
    written = tmp_path / "weekly.xlsx"
    book = load_workbook(written, read_only=True)
    assert len(book.sheetnames) >= 5
    book.close()
    assert view.status.text() == f"Weekly report saved: {written}"
