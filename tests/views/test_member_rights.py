"""Exporting and erasing a member from the details pane, driven with clicks and keys."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.member_rights_actions import EraseDialog
from desktop.views.members_view import MembersTable, MembersView
from desktop.views.messages import error_text
from desktop.views.pin_dialog import PinDialog
from desktop.views.settings_audit import AuditSection, AuditTable
from tests.views.members_support import OWNER_PIN, STAFF_PIN, DialogSteps, enrol, session_of

pytest_plugins = ("tests.views.fixtures_members",)

PHONE = "13800001234"


@pytest.fixture
def zhang(desk: Desk) -> int:
    member = enrol(desk, "张三", PHONE, marketing_consent=True)
    enrol(desk, "李四", "13900005678")
    desk.record_sale(amount_fen=3_000, member_id=member, by=None)
    return member


def make_view(qtbot, desk: Desk, member: int) -> MembersView:  # type: ignore[no-untyped-def]
    view = MembersView(desk, session_of(None))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    view.select_member(member)
    return view


def choose(view: MembersView, text: str) -> None:
    """Pick an entry of the pane's "Member data" menu."""
    menu = view.details.data_button.menu()
    assert menu is not None
    action = next(a for a in menu.actions() if a.text() == text)
    action.trigger()


def enter_pin(qtbot, pin: str):  # type: ignore[no-untyped-def]
    def step(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    return step


def confirm_erase(qtbot):  # type: ignore[no-untyped-def]
    def step(dialog: EraseDialog) -> None:
        assert "points entries, sales" in dialog.findChild(QLabel, "eraseKept").text()
        assert "phone number" in dialog.findChild(QLabel, "eraseRemoved").text()
        assert not dialog.erase_button.isEnabled()  # not before the box is ticked
        box = dialog.understood_box
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)

    return step


def save_as(monkeypatch: pytest.MonkeyPatch, target: Path, chosen: str) -> list[Any]:
    calls: list[Any] = []

    def fake(*args: Any, **kwargs: Any) -> tuple[str, str]:
        calls.append(args)
        return str(target), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return calls


def answered(dialogs: DialogSteps) -> None:
    """Every queued dialog was shown and answered without error."""
    dialogs.check()
    assert not dialogs.steps, "a dialog never opened"


def names_listed(view: MembersView) -> list[str]:
    column = MembersTable.Columns.NAME
    return [view.table.item(r, column).text() for r in range(view.table.rowCount())]


def test_owner_exports_the_member_to_a_workbook(
    qtbot, desk: Desk, owner: Actor, zhang: int, dialogs: DialogSteps, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "张三.xlsx"
    save_as(monkeypatch, target, "Excel workbook (*.xlsx)")
    view = make_view(qtbot, desk, zhang)
    dialogs.then(PinDialog, enter_pin(qtbot, OWNER_PIN))

    choose(view, "Export member data…")

    answered(dialogs)
    book = openpyxl.load_workbook(target)
    profile = {r[0]: r[1] for r in book["profile"].iter_rows(min_row=2, values_only=True)}
    assert (profile["name"], profile["phone"]) == ("张三", PHONE)
    assert book["sales"].max_row == 2
    assert str(target) in view.details.status_label.text()
    record = desk.recent_audit(limit=1)[0]
    assert (record.action, record.staff_id) == ("member.exported", owner.staff_id)


def test_choosing_json_without_a_suffix_writes_json(
    qtbot, desk: Desk, owner: Actor, zhang: int, dialogs: DialogSteps, tmp_path: Path, monkeypatch
) -> None:
    save_as(monkeypatch, tmp_path / "zhang", "JSON file (*.json)")
    view = make_view(qtbot, desk, zhang)
    dialogs.then(PinDialog, enter_pin(qtbot, OWNER_PIN))

    choose(view, "Export member data…")

    answered(dialogs)
    data = json.loads((tmp_path / "zhang.json").read_text(encoding="utf-8"))
    assert [c["kind"] for c in data["consents"]] == ["membership", "marketing", "sharing"]


def test_erasing_shows_the_member_as_erased_and_keeps_the_sale(
    qtbot, desk: Desk, owner: Actor, zhang: int, dialogs: DialogSteps
) -> None:
    view = make_view(qtbot, desk, zhang)
    assert "张三" in names_listed(view)
    dialogs.then(EraseDialog, confirm_erase(qtbot)).then(PinDialog, enter_pin(qtbot, OWNER_PIN))

    choose(view, "Erase member…")

    answered(dialogs)
    assert view.details.member_id is None
    assert view.details.empty_label.isVisible()
    assert view.details.empty_label.text().startswith("Member erased.")
    assert names_listed(view) == ["李四"]
    assert desk.search_members(PHONE).items == ()
    assert [s.amount_fen for s in desk.recent_sales(member_id=zhang)] == [3_000]
    assert desk.recent_audit(limit=1)[0].action == "member.erased"


def test_cancelling_the_confirmation_erases_nothing(
    qtbot, desk: Desk, owner: Actor, zhang: int, dialogs: DialogSteps
) -> None:
    view = make_view(qtbot, desk, zhang)
    dialogs.then(EraseDialog, lambda dialog: dialog.reject())

    choose(view, "Erase member…")

    answered(dialogs)
    assert desk.member_card(zhang).name == "张三"
    assert view.details.name_label.text() == "张三"


def test_a_staff_pin_is_refused_in_plain_words_and_audited(
    qtbot, desk: Desk, staff: Actor, zhang: int, dialogs: DialogSteps, monkeypatch
) -> None:
    calls = save_as(monkeypatch, Path("never.xlsx"), "")
    view = make_view(qtbot, desk, zhang)
    dialogs.then(PinDialog, enter_pin(qtbot, STAFF_PIN))
    choose(view, "Export member data…")
    dialogs.then(EraseDialog, confirm_erase(qtbot)).then(PinDialog, enter_pin(qtbot, STAFF_PIN))
    choose(view, "Erase member…")

    answered(dialogs)
    assert calls == []  # no file was asked for
    assert view.details.status_label.text() == error_text(DomainError("owner_required"))
    assert view.details.name_label.text() == "张三"
    assert desk.member_card(zhang).name == "张三"
    refused = [(r.action, r.staff_id) for r in desk.recent_audit(limit=2)]
    assert refused == [
        ("member.erase_refused", staff.staff_id),
        ("member.export_refused", staff.staff_id),
    ]


def test_settings_audit_log_names_who_erased_and_stays_verified(
    qtbot, desk: Desk, owner: Actor, staff: Actor, zhang: int
) -> None:
    with pytest.raises(DomainError):
        desk.erase_member(zhang, by=staff)
    desk.erase_member(zhang, by=owner)
    section = AuditSection(desk)
    qtbot.addWidget(section)
    section.reload()
    columns = AuditTable.Columns
    rows = [
        (section.table.item(r, columns.WHO).text(), section.table.item(r, columns.ACTION).text())
        for r in range(2)
    ]
    assert rows == [("王老板", "Member erased"), ("小李", "Member erase refused")]

    qtbot.mouseClick(section.verify_button, Qt.MouseButton.LeftButton)

    assert section.result_label.text().startswith("The log is intact")
