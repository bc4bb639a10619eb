"""The import wizard is reached from the Members screen, by the owner only, and the list shows
the imported members afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.models.service import Desk
from desktop.views.import_wizard import ImportWizard
from desktop.views.members_view import MembersTable, MembersView
from desktop.views.pin_dialog import PinDialog
from desktop.views.session_state import SessionState
from tests.models.import_support import xlsx
from tests.views.conftest import OWNER_PIN, Members, ModalDriver


def open_members(qtbot, desk: Desk, session: SessionState | None = None) -> MembersView:  # type: ignore[no-untyped-def]
    view = MembersView(desk, session or SessionState())
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    return view


def names_shown(view: MembersView) -> list[str]:
    column = MembersTable.Columns.NAME
    return [view.table.item(row, column).text() for row in range(view.table.rowCount())]


def enter_pin(qtbot, pin: str):  # type: ignore[no-untyped-def]
    def action(dialog: PinDialog) -> None:
        qtbot.keyClicks(dialog.pin_edit, pin)
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    return action


def test_the_import_asks_for_the_owner_pin_and_refuses_without_it(
    qtbot, shop_desk: Desk, members: Members, modal: ModalDriver
) -> None:  # type: ignore[no-untyped-def]
    view = open_members(qtbot, shop_desk)

    def cancel(dialog: PinDialog) -> None:
        assert dialog.windowTitle() == "Owner PIN"
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)

    modal.expect(PinDialog, cancel)  # an ImportWizard here would be "unexpected"
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)

    modal.check()
    assert view.message_label.text() == "Nothing imported: the owner's PIN was not given."


def test_the_owner_imports_members_and_finds_them_in_the_list(
    qtbot, shop_desk: Desk, members: Members, modal: ModalDriver, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(
        tmp_path / "old-system.xlsx",
        [("姓名", "手机号", "积分"), ("赵六", "13600136000", 50), ("钱七", "13600136001", "")],
    )
    view = open_members(qtbot, shop_desk)
    assert "赵六" not in names_shown(view)

    def run_wizard(wizard: ImportWizard) -> None:
        page = wizard.file_page
        page.kind_combo.setCurrentIndex(page.kind_combo.findData("members"))
        qtbot.keyClicks(page.path_edit, str(path))
        for _ in range(3):  # file → columns → first rows → run
            qtbot.mouseClick(
                wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton
            )
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )

    modal.expect(PinDialog, enter_pin(qtbot, OWNER_PIN)).expect(ImportWizard, run_wizard)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)

    modal.check()
    assert {"赵六", "钱七"} <= set(names_shown(view))
    assert view.message_label.text() == (
        "Import finished: 2 new members, 0 matched to existing members."
    )


def test_the_owner_signed_in_at_the_counter_is_not_asked_again(
    qtbot, shop_desk: Desk, shop_owner, members: Members, modal: ModalDriver
) -> None:  # type: ignore[no-untyped-def]
    view = open_members(qtbot, shop_desk, SessionState(shop_owner))
    opened: list[str] = []

    def close(wizard: ImportWizard) -> None:
        opened.append(wizard.windowTitle())
        wizard.reject()

    modal.expect(ImportWizard, close)
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)

    modal.check()
    assert opened == ["Import from another system"]
