"""The sheet print dialog: layouts the QR codes cannot use are refused, PDFs are saved, and a
printer that fails part-way is reported page by page and can be given just those pages again."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressDialog

from desktop.views import print_dialog
from desktop.views.coupon_sheet import (
    DEFAULT_GRID,
    CouponSheet,
    SheetCoupon,
    SheetGrid,
    sheet_coupon_from,
)
from desktop.views.print_dialog import coupon_print_dialog
from desktop.views.sheet_output import page_ranges_text, print_document, sheet_printer
from tests.views.members_support import SHOP_NAME, DialogSteps
from tests.views.sheet_support import FakeCouponInfo, serial_of

pytest_plugins = ("tests.views.fixtures_members",)


class FailingPrinter(QPrinter):
    """Writes a PDF, but refuses a new page from page ``fail_at`` (0-based) on, and then
    reports the error state, as a jammed printer does."""

    def __init__(self, path: Path, fail_at: int | None) -> None:
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.setOutputFileName(str(path))
        self.fail_at = fail_at
        self.pages = 0
        self.jammed = False

    def newPage(self) -> bool:
        if self.fail_at is not None and self.pages + 1 >= self.fail_at:
            self.jammed = True
            return False
        self.pages += 1
        return super().newPage()

    def printerState(self) -> QPrinter.PrinterState:
        return QPrinter.PrinterState.Error if self.jammed else super().printerState()


def coupons(count: int) -> list[SheetCoupon]:
    rng = random.Random(count)
    return [
        sheet_coupon_from(
            FakeCouponInfo(serial=serial_of(i)),
            SHOP_NAME,
            str(rng.randrange(10**263, 10**264)),
        )
        for i in range(count)
    ]


def sheet(count: int, grid: SheetGrid = DEFAULT_GRID) -> CouponSheet:
    return CouponSheet(coupons(count), grid)


# -- the job ------------------------------------------------------------------------------
def test_pages_after_a_printer_failure_are_reported(qtbot, tmp_path: Path) -> None:
    document = sheet(40)  # 5 pages
    printer = FailingPrinter(tmp_path / "out.pdf", fail_at=2)
    printer.setPageLayout(document.page_layout())

    outcome = print_document(printer, document)

    assert outcome.printed == (0, 1)
    assert outcome.failed == (2, 3, 4)
    assert not outcome.ok


def test_a_printer_that_cannot_start_prints_nothing(qtbot, tmp_path: Path) -> None:
    document = sheet(20)
    printer = sheet_printer(document, pdf_path=tmp_path / "missing-folder" / "out.pdf")

    outcome = print_document(printer, document)

    assert outcome.printed == ()
    assert outcome.failed == (0, 1, 2)


# -- the dialog ---------------------------------------------------------------------------
def test_layouts_too_small_for_the_qr_codes_cannot_be_chosen(qtbot) -> None:
    dialog = coupon_print_dialog(coupons(20))
    qtbot.addWidget(dialog)
    labels = [dialog.layout_combo.itemText(i) for i in range(dialog.layout_combo.count())]
    model = dialog.layout_combo.model()

    small = labels.index(SheetGrid(4, 8).label())
    assert not model.item(small).isEnabled()
    assert "0.5 mm" in model.item(small).toolTip()
    assert model.item(labels.index(SheetGrid(3, 6).label())).isEnabled()
    assert dialog.layout_combo.currentText() == SheetGrid(2, 4).label()
    assert dialog.pages_label.text() == "20 coupons on 3 pages"

    dialog.layout_combo.setCurrentIndex(labels.index(SheetGrid(3, 6).label()))
    assert dialog.pages_label.text() == "20 coupons on 2 pages"


def test_save_as_pdf_writes_the_chosen_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "batch"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    dialog = coupon_print_dialog(coupons(12))
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    saved = tmp_path / "batch.pdf"
    assert saved.read_bytes().startswith(b"%PDF")
    assert dialog.saved_path == saved
    assert str(saved) in dialog.status_label.text()


def test_cancelling_the_save_says_no_file_was_written(qtbot, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "batch.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF")
    )
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    dialog = coupon_print_dialog(coupons(30))
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)

    assert not target.exists()
    assert list(tmp_path.iterdir()) == []
    assert "no file was written" in dialog.status_label.text()


def test_failed_pages_are_reported_and_can_be_printed_again(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    printer = FailingPrinter(tmp_path / "printed.pdf", fail_at=2)
    monkeypatch.setattr(print_dialog, "sheet_printer", lambda document: printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog = coupon_print_dialog(coupons(20))  # 3 pages of 2 × 4
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)

    assert dialog.last_outcome is not None
    assert dialog.last_outcome.failed == (2,)
    assert "pages 3 of 3 did not print" in dialog.status_label.text()
    assert "can be printed again" in dialog.status_label.text()
    assert dialog.retry_button.isVisibleTo(dialog)

    printer.fail_at, printer.jammed = None, False  # the paper jam is cleared
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)

    assert dialog.last_outcome.printed == (2,)
    assert dialog.last_outcome.ok
    assert dialog.status_label.text() == "Sent 1 pages to the printer."
    assert not dialog.retry_button.isVisibleTo(dialog)


def test_preview_paints_the_pages(qtbot, dialogs: DialogSteps, monkeypatch) -> None:
    painted: list[list[int]] = []

    def recording(printer, document, *, pages=None, progress=None):
        painted.append(list(pages or []))
        return print_document(printer, document, pages=pages, progress=progress)

    monkeypatch.setattr(print_dialog, "print_document", recording)
    dialog = coupon_print_dialog(coupons(20))
    qtbot.addWidget(dialog)
    dialogs.then(QPrintPreviewDialog, lambda preview: preview.reject())

    dialog.preview()

    dialogs.check()
    assert painted
    assert painted[0] == [0, 1, 2]


def test_failed_pages_are_named_as_ranges() -> None:
    assert page_ranges_text([0, 1, 2, 5]) == "1–3, 6"
    assert page_ranges_text([7]) == "8"
    assert page_ranges_text([9, 3, 4, 8]) == "4–5, 9–10"
