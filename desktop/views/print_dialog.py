"""The print dialog for sheets of coupons (and member cards): layout, then printer, preview or PDF.

The layout list shows every grid; grids whose QR codes would print under 0.5 mm are there but
cannot be chosen (their tooltip says why). Printing and saving run page by page under a
progress dialog that can cancel. A printer that fails part-way is reported with the pages that
did not print; what they show is already saved, so "Print them again" sends just those pages.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.views.card_print import CardData
from desktop.views.card_sheet import CARDS_PER_PAGE, CardSheet
from desktop.views.coupon_sheet import (
    DEFAULT_GRID,
    GRIDS,
    CouponSheet,
    GridTooSmall,
    SheetCoupon,
    SheetGrid,
    check_grid,
    largest_version,
)
from desktop.views.sheet_output import (
    PagedDocument,
    PrinterStartError,
    PrintOutcome,
    Progress,
    page_ranges_text,
    print_document,
    sheet_printer,
    write_pdf,
)

PREVIEW_PAGE_LIMIT = 40  # the preview holds every page it shows in memory


def _t(text: str) -> str:
    return QCoreApplication.translate("SheetPrintDialog", text)


@dataclass(frozen=True)
class LayoutChoice:
    """One entry of the layout list: how to build the document, or why it cannot be used."""

    label: str
    make: Callable[[], PagedDocument]
    refusal: str = ""  # non-empty: shown disabled, with this as its tooltip


class SheetPrintDialog(QDialog):
    """Choose a layout, then print, preview or save as PDF. GUI thread only.

    ``count_text`` turns (items, pages) into the line under the layout, e.g. "500 coupons on
    63 pages"; ``reprint_note`` tells the user that nothing is lost when pages fail.
    """

    def __init__(
        self,
        *,
        title: str,
        choices: Sequence[LayoutChoice],
        count_text: Callable[[int, int], str],
        reprint_note: str,
        pdf_name: str,
        default: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self._choices = list(choices)
        self._count_text = count_text
        self._reprint_note = reprint_note
        self._pdf_name = pdf_name
        self._printer: QPrinter | None = None
        self._documents: dict[int, PagedDocument] = {}
        self._failed_document: PagedDocument | None = None
        self.last_outcome: PrintOutcome | None = None
        self.saved_path: Path | None = None

        self.layout_combo = QComboBox()
        self.layout_combo.setObjectName("sheetLayout")
        model = QStandardItemModel(self.layout_combo)
        self.layout_combo.setModel(model)
        for choice in self._choices:
            self.layout_combo.addItem(choice.label)
            if choice.refusal:
                item = model.item(model.rowCount() - 1)
                item.setEnabled(False)
                item.setToolTip(choice.refusal)
        self.pages_label = QLabel()
        self.pages_label.setObjectName("sheetPages")
        self.status_label = QLabel()
        self.status_label.setObjectName("sheetStatus")
        self.status_label.setWordWrap(True)

        self.print_button = QPushButton(self.tr("Print…"))
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.retry_button = QPushButton(self.tr("Print the missing pages again"))
        self.retry_button.setVisible(False)
        self.print_button.clicked.connect(self.print_to_printer)
        self.preview_button.clicked.connect(self.preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.retry_button.clicked.connect(self.print_failed_pages)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Layout"), self.layout_combo)
        form.addRow("", self.pages_label)
        actions = QHBoxLayout()
        for button in (self.print_button, self.preview_button, self.pdf_button):
            actions.addWidget(button)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addLayout(actions)
        root.addWidget(self.status_label)
        root.addWidget(self.retry_button)
        root.addWidget(buttons)

        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        start = default if 0 <= default < len(self._choices) else 0
        if self._choices and self._choices[start].refusal:
            start = next((i for i, c in enumerate(self._choices) if not c.refusal), start)
        self.layout_combo.setCurrentIndex(start)
        self._layout_changed()

    # -- state ----------------------------------------------------------------------------
    def document(self) -> PagedDocument | None:
        """The document for the chosen layout, or None when it cannot be used."""
        index = self.layout_combo.currentIndex()
        if not 0 <= index < len(self._choices) or self._choices[index].refusal:
            return None
        if index not in self._documents:  # kept, so a preview's QR codes serve the print
            self._documents[index] = self._choices[index].make()
        return self._documents[index]

    def _layout_changed(self) -> None:
        document = self.document()
        usable = document is not None and document.page_count > 0
        for button in (self.print_button, self.preview_button, self.pdf_button):
            button.setEnabled(usable)
        if document is None:
            self.pages_label.setText(self.tr("This layout is too small for the QR codes."))
        else:
            self.pages_label.setText(self._count_text(document.item_count, document.page_count))

    def _report(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b00020; font-weight: 600;" if error else "")
        self.status_label.setText(text)
        # A top-level dialog does not grow for a wrapped label by itself.
        width = max(self.status_label.width(), self.minimumWidth() - 40)
        self.status_label.setMinimumHeight(self.status_label.heightForWidth(width) if text else 0)

    # -- running a job ----------------------------------------------------------------------
    def _with_progress(self, document: PagedDocument, job: Callable[[Progress], object]) -> object:
        """Run ``job(progress)`` under a cancellable progress dialog, keeping the window alive."""
        dialog = QProgressDialog(
            self.tr("Preparing pages…"), self.tr("Cancel"), 0, max(1, document.item_count), self
        )
        dialog.setWindowTitle(self.windowTitle())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(max(1, total))
            dialog.setValue(done)
            dialog.setLabelText(
                self.tr("%1 of %2 done").replace("%1", str(done)).replace("%2", str(total))
            )
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            return job(progress)
        finally:
            dialog.close()
            dialog.deleteLater()

    def _printed(self, document: PagedDocument, outcome: PrintOutcome) -> None:
        self.last_outcome = outcome
        self._failed_document = document if outcome.failed else None
        self.retry_button.setVisible(bool(outcome.failed))
        if outcome.cancelled:
            self._report(self.tr("Printing was cancelled."))
        elif outcome.failed and not outcome.printed:
            self._report(
                self.tr(
                    "The printer did not print pages %1 (it could not start or failed)."
                ).replace("%1", page_ranges_text(outcome.failed))
                + " "
                + self._reprint_note,
                error=True,
            )
        elif outcome.failed:
            self._report(
                self.tr("The printer stopped: pages %1 of %2 did not print.")
                .replace("%1", page_ranges_text(outcome.failed))
                .replace("%2", str(outcome.total_pages))
                + " "
                + self._reprint_note,
                error=True,
            )
        else:
            self._report(
                self.tr("Sent %1 pages to the printer.").replace("%1", str(len(outcome.printed)))
            )

    def _run_print(self, printer: QPrinter, document: PagedDocument, pages: Sequence[int]) -> None:
        outcome = self._with_progress(
            document,
            lambda progress: print_document(printer, document, pages=pages, progress=progress),
        )
        assert isinstance(outcome, PrintOutcome)
        self._printed(document, outcome)

    # -- the three outputs and the retry ------------------------------------------------------
    def print_to_printer(self) -> None:
        """Ask for a printer (QPrintDialog), then print every page."""
        document = self.document()
        if document is None:
            return
        printer = sheet_printer(document)
        chooser = QPrintDialog(printer, self)
        chooser.setWindowTitle(self.windowTitle())
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        # The drawing is laid out for the document's paper; keep it whatever was picked.
        printer.setPageLayout(document.page_layout())
        printer.setFullPage(True)
        self._printer = printer
        self._run_print(printer, document, range(document.page_count))

    def print_failed_pages(self) -> None:
        """Send the pages that failed last time to the same printer."""
        outcome, document = self.last_outcome, self._failed_document
        if outcome is None or document is None or not outcome.failed or self._printer is None:
            return
        self._run_print(self._printer, document, outcome.failed)

    def preview(self) -> None:
        """Show the pages (the first few dozen of a long job) in Qt's print preview."""
        document = self.document()
        if document is None:
            return
        printer = sheet_printer(document)
        shown = range(min(document.page_count, PREVIEW_PAGE_LIMIT))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(lambda target: print_document(target, document, pages=shown))
        if document.page_count > PREVIEW_PAGE_LIMIT:
            self._report(
                self.tr("The preview shows the first %1 of %2 pages.")
                .replace("%1", str(PREVIEW_PAGE_LIMIT))
                .replace("%2", str(document.page_count))
            )
        dialog.exec()

    def save_pdf(self) -> None:
        """Ask for a file name and write the PDF; a cancelled job leaves no file."""
        document = self.document()
        if document is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self._pdf_name, self.tr("PDF document (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            written = self._with_progress(
                document, lambda progress: write_pdf(target, document, progress=progress)
            )
        except (PrinterStartError, OSError) as exc:
            self._report(
                self.tr("The PDF could not be saved: %1").replace("%1", str(exc)), error=True
            )
            return
        if written:
            self.saved_path = target
            self._report(self.tr("Saved %1.").replace("%1", str(target)))
        else:
            self._report(self.tr("Saving was cancelled; no file was written."))


def coupon_layout_choices(coupons: Sequence[SheetCoupon]) -> list[LayoutChoice]:
    """Every grid, refused where its QR modules would be under 0.5 mm."""
    version = largest_version(coupons)
    choices = []
    for grid in GRIDS:
        refusal = ""
        try:
            check_grid(grid, version)
        except GridTooSmall as exc:
            refusal = _t("QR codes would print %1 mm a module; at least 0.5 mm is needed.").replace(
                "%1", f"{exc.module_mm:.2f}"
            )

        def make(grid: SheetGrid = grid) -> PagedDocument:
            return CouponSheet(coupons, grid)

        choices.append(LayoutChoice(grid.label(), make, refusal))
    return choices


def coupon_print_dialog(
    coupons: Sequence[SheetCoupon], parent: QWidget | None = None
) -> SheetPrintDialog:
    """The dialog for printing ``coupons`` (already issued and saved) on A4 sheets."""
    return SheetPrintDialog(
        title=_t("Print coupons"),
        choices=coupon_layout_choices(coupons),
        count_text=lambda items, pages: (
            _t("%1 coupons on %2 pages").replace("%1", str(items)).replace("%2", str(pages))
        ),
        reprint_note=_t(
            "Nothing is lost: the coupons are issued and saved, and those pages can be "
            "printed again."
        ),
        pdf_name=_t("coupons.pdf"),
        default=GRIDS.index(DEFAULT_GRID),
        parent=parent,
    )


def card_sheet_print_dialog(
    cards: Sequence[CardData], parent: QWidget | None = None
) -> SheetPrintDialog:
    """The dialog for printing member cards ten to an A4 sheet."""
    label = _t("%1 cards a page, with cut marks").replace("%1", str(CARDS_PER_PAGE))
    return SheetPrintDialog(
        title=_t("Print member cards"),
        choices=[LayoutChoice(label, lambda: CardSheet(cards))],
        count_text=lambda items, pages: (
            _t("%1 cards on %2 pages").replace("%1", str(items)).replace("%2", str(pages))
        ),
        reprint_note=_t("Nothing is lost: those pages can be printed again."),
        pdf_name=_t("member-cards.pdf"),
        parent=parent,
    )
