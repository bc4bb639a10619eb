"""The import wizard driven like a person: choose a file, check the columns and the preview,
run (off the GUI thread, cancellable), read and save the report."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.import_wizard import PROBLEM, ImportWizard
from tests.models.import_support import csv_file, xlsx
from tests.views.conftest import OWNER_PIN, Members


@pytest.fixture
def owner(shop_desk: Desk) -> Actor:
    return shop_desk.authenticate(OWNER_PIN, owner_only=True)


def open_wizard(qtbot: Any, desk: Desk, owner: Actor) -> ImportWizard:
    wizard = ImportWizard(desk, owner)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click_next(qtbot: Any, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def choose_file(qtbot: Any, wizard: ImportWizard, path: Path, kind: str) -> None:
    page = wizard.file_page
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(kind))
    qtbot.keyClicks(page.path_edit, str(path))
    click_next(qtbot, wizard)


def test_members_are_imported_through_the_wizard(
    qtbot: Any, shop_desk: Desk, owner: Actor, members: Members, tmp_path: Path
) -> None:
    path = xlsx(
        tmp_path / "members.xlsx",
        [
            ("姓名", "手机号", "生日", "积分"),
            ("赵六", "13600136000", "1990-01-02", 50),
            ("钱七", "12345", "", ""),
            ("张三", "13800001234", "", ""),
        ],
    )
    wizard = open_wizard(qtbot, shop_desk, owner)
    choose_file(qtbot, wizard, path, "members")

    assert wizard.currentPage() is wizard.mapping_page
    combos = wizard.mapping_page.combos
    assert combos["phone"].currentText() == "手机号"
    assert combos["points"].currentText() == "积分"
    assert combos["enrolled"].currentIndex() == 0  # not in the file
    click_next(qtbot, wizard)

    page = wizard.preview_page
    assert wizard.currentPage() is page
    assert page.table.rowCount() == 3
    assert page.table.item(1, 1).text() == "12345"
    assert page.table.item(1, 1).background().color() == PROBLEM
    assert "not a valid mobile number" in page.table.item(1, 1).toolTip()
    assert "already a member" in page.table.item(2, len(wizard.preview.fields)).text()
    assert "Rows with problems: 1" in page.summary.text()
    page.skip_radio.setChecked(True)
    click_next(qtbot, wizard)

    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
    report = wizard.report
    assert report is not None
    assert (report.ok, report.imported, report.matched, report.error_count) == (True, 1, 1, 1)
    assert "Imported 1" in wizard.report_page.summary.text()
    assert wizard.report_page.table.rowCount() == 2
    assert wizard.run_page.progress_bar.value() == wizard.run_page.progress_bar.maximum()
    assert shop_desk.search_members("13600136000").items[0].balance == 50

    saved = tmp_path / "report.csv"
    wizard.save_report(saved)
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["Row", "Column", "Code", "Value", "Problem"]
    assert lines[1] == ["3", "手机号", "bad_phone", "12345", "not a valid mobile number"]


def test_a_damaged_file_is_explained_and_the_wizard_stays_put(
    qtbot: Any, shop_desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"not a workbook" * 20)
    wizard = open_wizard(qtbot, shop_desk, owner)
    choose_file(qtbot, wizard, path, "members")
    assert wizard.currentPage() is wizard.file_page
    assert "damaged" in wizard.file_page.error_label.text()


def test_a_column_the_guess_missed_is_chosen_by_hand(
    qtbot: Any, shop_desk: Desk, owner: Actor, members: Members, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path / "s.csv",
        [("号码", "实收", "日子"), ("13800001234", "25.5", "2026-01-05")],
        encoding="gbk",
    )
    wizard = open_wizard(qtbot, shop_desk, owner)
    choose_file(qtbot, wizard, path, "sales")
    combos = wizard.mapping_page.combos
    assert combos["amount"].currentText() == "实收"
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.mapping_page
    assert "required column" in wizard.mapping_page.error_label.text()
    combos["date"].setCurrentIndex(combos["date"].findText("日子"))
    combos["phone"].setCurrentIndex(combos["phone"].findText("号码"))
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=20_000)
    assert wizard.report.imported == 1
    assert shop_desk.member_card(members.zhang).spend_12m_fen == 2550


def test_stopping_at_a_bad_row_imports_nothing(
    qtbot: Any, shop_desk: Desk, owner: Actor, members: Members, tmp_path: Path
) -> None:
    path = csv_file(
        tmp_path / "s.csv",
        [
            ("手机", "金额", "日期"),
            ("13800001234", "10", "2026-01-05"),
            ("13800001234", "-1", "2026-01-06"),
        ],
    )
    wizard = open_wizard(qtbot, shop_desk, owner)
    choose_file(qtbot, wizard, path, "sales")
    click_next(qtbot, wizard)
    assert wizard.preview_page.stop_radio.isChecked()
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
    assert "nothing was imported" in wizard.report_page.summary.text()
    assert shop_desk.recent_sales() == []


class HeldDesk:
    """The desk, with imports held at the start until the test lets them go."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self.release = threading.Event()
        self.threads: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._desk, name)

    def run_import(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread().name)
        assert self.release.wait(10)
        return self._desk.run_import(*args, **kwargs)


def test_cancelling_runs_nothing_and_says_so(
    qtbot: Any, shop_desk: Desk, owner: Actor, members: Members, tmp_path: Path
) -> None:
    rows = [("手机", "金额", "日期")] + [
        ("13800001234", str(i + 1), "2026-01-05") for i in range(3000)
    ]
    path = csv_file(tmp_path / "s.csv", rows)
    held = HeldDesk(shop_desk)
    wizard = open_wizard(qtbot, held, owner)  # type: ignore[arg-type]
    choose_file(qtbot, wizard, path, "sales")
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentPage() is wizard.run_page
    qtbot.mouseClick(wizard.run_page.cancel_button, Qt.MouseButton.LeftButton)
    held.release.set()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.report_page, timeout=20_000)
    assert wizard.report.cancelled
    assert "Nothing was imported" in wizard.report_page.summary.text()
    assert shop_desk.recent_sales() == []
    assert len(held.threads) == 1
    assert held.threads[0] != threading.main_thread().name
