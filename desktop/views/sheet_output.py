"""Sending paged documents (coupon sheets, card sheets) to a printer or a PDF file, page by page.

A document says how many pages it has and paints one page at a time, so a job of 10,000
coupons never holds more than a page in memory, reports progress after every page and can be
cancelled between pages. A PDF is written to a temporary file beside the target and renamed
only when complete: a cancelled or failed job leaves no half-written PDF. A printer that fails
part-way is reported with the pages that did not print (what they show is already saved, so
they can be printed again). GUI thread only.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop.views.paper_draw import per_mm_for_dpi

Progress = Callable[[int, int], bool]
"""``progress(done, total)`` in items (coupons, cards) after each page; False cancels."""


def _t(text: str) -> str:
    return QCoreApplication.translate("SheetOutput", text)


class PagedDocument(Protocol):
    """Something printed as pages of items."""

    @property
    def doc_name(self) -> str: ...

    @property
    def page_count(self) -> int: ...

    @property
    def item_count(self) -> int: ...

    def items_on_page(self, page: int) -> int: ...

    def page_layout(self) -> QPageLayout: ...

    def paint_page(self, painter: QPainter, page: int, per_mm: float) -> None:
        """Paint page ``page`` (0-based) with the page's top-left corner at the origin."""
        ...


class PrinterStartError(OSError):
    """The printer (or PDF file) could not be opened for painting."""


@dataclass(frozen=True)
class PrintOutcome:
    """What a print job did. Pages are 0-based indexes into the document."""

    total_pages: int
    printed: tuple[int, ...]
    failed: tuple[int, ...] = ()
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled


def page_ranges_text(pages: Iterable[int]) -> str:
    """0-based page indexes as 1-based ranges: [0, 1, 2, 5] → "1–3, 6"."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ", ".join(
        str(first + 1) if first == last else f"{first + 1}–{last + 1}" for first, last in runs
    )


def sheet_printer(document: PagedDocument, *, pdf_path: str | Path | None = None) -> QPrinter:
    """A high-resolution printer set up for the document's page (full page: our margins);
    writing a PDF file when ``pdf_path`` is given."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if pdf_path is not None:  # before the page layout: choosing the format resets it
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    printer.setPageLayout(document.page_layout())
    printer.setFullPage(True)
    printer.setDocName(document.doc_name)
    return printer


def print_document(
    printer: QPrinter,
    document: PagedDocument,
    *,
    pages: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> PrintOutcome:
    """Paint ``pages`` (default: all) on ``printer``, one after another.

    A printer that cannot start, refuses a new page or enters its error state stops the job:
    that page and the ones after it are returned as failed. Cancelling through ``progress``
    aborts the job (the printer drops what it has, where it can).
    """
    wanted = list(range(document.page_count)) if pages is None else sorted(set(pages))
    total_items = sum(document.items_on_page(p) for p in wanted)
    painter = QPainter()
    if not painter.begin(printer):
        return PrintOutcome(document.page_count, (), tuple(wanted))
    per_mm = per_mm_for_dpi(printer.resolution())
    printed: list[int] = []
    failed: list[int] = []
    cancelled = False
    done = 0
    try:
        for index, page in enumerate(wanted):
            if index > 0 and not printer.newPage():
                failed = wanted[index:]
                break
            document.paint_page(painter, page, per_mm)
            if printer.printerState() == QPrinter.PrinterState.Error:
                failed = wanted[index:]
                break
            printed.append(page)
            done += document.items_on_page(page)
            if progress is not None and not progress(done, total_items):
                cancelled = True
                if printer.abort():
                    printed = []
                break
    finally:
        ended = painter.end()
    broken = not ended or printer.printerState() == QPrinter.PrinterState.Error
    if broken and not cancelled and not failed:  # the job as a whole did not go through
        failed, printed = wanted, []
    return PrintOutcome(document.page_count, tuple(printed), tuple(failed), cancelled)


def write_pdf(
    path: str | Path, document: PagedDocument, *, progress: Progress | None = None
) -> bool:
    """Write the whole document as a PDF at ``path``; False when cancelled (no file is left).

    The pages go to a temporary file in the same folder, renamed over ``path`` once complete.
    Raises PrinterStartError when the file cannot be written.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".pdf", dir=target.parent or None
    )
    os.close(handle)
    printer = sheet_printer(document, pdf_path=temporary)
    finished = False
    try:
        outcome = print_document(printer, document, progress=progress)
        if outcome.cancelled:
            return False
        if outcome.failed:
            raise PrinterStartError(
                _t("The PDF file could not be written to %1.").replace("%1", str(target))
            )
        os.chmod(temporary, _new_file_mode())  # mkstemp made it private to us
        os.replace(temporary, target)
        finished = True
        return True
    finally:
        if not finished:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _new_file_mode() -> int:
    """The permissions a newly created file gets here (0o666 less the umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask
