"""Receipt slips for 58 mm and 80 mm thermal printers: points after a sale, and a coupon.

The slip is one page as wide as the paper and exactly as tall as its content (a custom page
size), in black only. The content is laid out once without painting to learn the height, at
the resolution of the device it will be painted on, so line breaks are the same both times.
GUI thread only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from desktop.views.coupon_sheet import SheetCoupon
from desktop.views.paper_draw import (
    INK,
    MIN_MODULE_MM,
    MmFrame,
    dashed_pen,
    draw_line,
    draw_qr_rows,
    fitted_size,
    module_units,
    per_mm_for_dpi,
    sized_font,
    wrap_lines,
)
from desktop.views.qr_batch import MAX_SHEET_VERSION, fast_qr_rows
from desktop.views.qr_widget import QUIET_ZONE
from desktop.views.sheet_output import PrinterStartError

THERMAL_DPI = 203  # what most 58/80 mm receipt printers print at


def _t(text: str) -> str:
    return QCoreApplication.translate("ReceiptSlip", text)


@dataclass(frozen=True)
class SlipPaper:
    """A thermal paper roll: its width and the part of it the print head reaches."""

    width_mm: float
    printable_mm: float
    qr_module_mm: float  # preferred QR module (whole dots at 203 dpi)

    @property
    def margin_mm(self) -> float:
        return (self.width_mm - self.printable_mm) / 2

    def label(self) -> str:
        return _t("%1 mm roll").replace("%1", f"{self.width_mm:g}")


PAPER_58 = SlipPaper(58.0, 48.0, 0.625)
PAPER_80 = SlipPaper(80.0, 72.0, 0.75)
PAPERS = (PAPER_58, PAPER_80)


@dataclass(frozen=True)
class ReceiptSlip:
    """What a slip printed after a sale shows; leave out what does not apply."""

    shop_name: str
    when_text: str = ""  # the sale's local time, as shown on screen
    member_name: str = ""
    points_earned: int | None = None
    points_balance: int | None = None
    coupon: SheetCoupon | None = None
    footer: str = ""


class _SlipWriter:
    """Walks the slip top to bottom; paints when given a painter, else only measures."""

    def __init__(self, painter: QPainter | None, paper: SlipPaper, per_mm: float, font: QFont):
        self.painter = painter
        self.paper = paper
        self.per_mm = per_mm
        self.frame = MmFrame(per_mm)
        self.base = font
        self.y = 3.0  # mm

    def gap(self, mm: float) -> None:
        self.y += mm

    def text(self, text: str, *, size: float, bold: bool = False, center: bool = True) -> None:
        """Wrapped lines, ``size`` mm tall type."""
        font = sized_font(self.base, size * self.per_mm, bold=bold)
        width = self.paper.printable_mm
        line_h = size * 1.35
        align = Qt.AlignmentFlag.AlignHCenter if center else Qt.AlignmentFlag.AlignLeft
        for line in wrap_lines(text, font, width * self.per_mm):
            self._line(line, font, line_h, align)

    def big(self, text: str, *, largest: float) -> None:
        """One line in large bold type, shrunk to the paper's width."""
        width = self.paper.printable_mm * self.per_mm
        size = fitted_size(self.base, text, width=width, largest=largest * self.per_mm, bold=True)
        font = sized_font(self.base, size, bold=True)
        self._line(text, font, size / self.per_mm * 1.25, Qt.AlignmentFlag.AlignHCenter)

    def pair(self, label: str, value: str, *, size: float) -> None:
        """A label on the left and its value on the right of one line."""
        font = sized_font(self.base, size * self.per_mm)
        bold = sized_font(self.base, size * self.per_mm, bold=True)
        line_h = size * 1.45
        if self.painter is not None:
            rect = self.frame.rect(self.paper.margin_mm, self.y, self.paper.printable_mm, line_h)
            draw_line(self.painter, rect, label, font=font, color=INK)
            draw_line(
                self.painter, rect, value, font=bold, color=INK, align=Qt.AlignmentFlag.AlignRight
            )
        self.y += line_h

    def rule(self) -> None:
        self.y += 1.5
        if self.painter is not None:
            self.painter.setPen(dashed_pen(self.per_mm, color=QColor(INK), width_mm=0.25))
            self.painter.drawLine(
                self.frame.point(self.paper.margin_mm, self.y),
                self.frame.point(self.paper.margin_mm + self.paper.printable_mm, self.y),
            )
        self.y += 2.0

    def qr(self, digits: str) -> None:
        code = fast_qr_rows(digits)
        if code.version > MAX_SHEET_VERSION:
            raise ValueError(f"QR version {code.version} is above {MAX_SHEET_VERSION}")
        modules = len(code.rows) + 2 * QUIET_ZONE
        module_mm = min(self.paper.qr_module_mm, self.paper.printable_mm * 0.85 / modules)
        if module_mm < MIN_MODULE_MM:
            raise ValueError(f"QR modules would be {module_mm:.2f} mm on this paper")
        module = module_units(module_mm, self.per_mm)
        side_mm = modules * module / self.per_mm
        if self.painter is not None:
            left = (self.paper.width_mm - side_mm) / 2
            draw_qr_rows(self.painter, code.rows, self.frame.point(left, self.y), module)
        self.y += side_mm

    def _line(self, text: str, font: QFont, line_h: float, align: Qt.AlignmentFlag) -> None:
        if self.painter is not None:
            rect = self.frame.rect(self.paper.margin_mm, self.y, self.paper.printable_mm, line_h)
            draw_line(self.painter, rect, text, font=font, color=INK, align=align)
        self.y += line_h


def _write(writer: _SlipWriter, slip: ReceiptSlip) -> float:
    """Lay out (and maybe paint) the slip; returns its height in millimetres."""
    wide = writer.paper.width_mm >= 70
    body = 3.2 if wide else 2.9
    writer.text(slip.shop_name, size=body * 1.45, bold=True)
    if slip.when_text:
        writer.text(slip.when_text, size=body * 0.9)
    points = slip.points_earned is not None or slip.points_balance is not None
    if points:
        writer.rule()
        if slip.member_name:
            writer.pair(_t("Member"), slip.member_name, size=body)
        if slip.points_earned is not None:
            writer.pair(_t("Points earned"), f"{slip.points_earned:+,}", size=body)
        if slip.points_balance is not None:
            writer.pair(_t("Points balance"), f"{slip.points_balance:,}", size=body)
    coupon = slip.coupon
    if coupon is not None:
        writer.rule()
        writer.text(_t("Your coupon"), size=body * 0.9)
        writer.big(coupon.value_text, largest=11.0 if wide else 9.0)
        writer.text(coupon.title, size=body * 1.1, bold=True)
        writer.gap(1.0)
        writer.qr(coupon.code_digits)
        writer.text(coupon.serial, size=body * 0.85)
        writer.text(coupon.validity_text, size=body, bold=True)
        if coupon.terms:
            writer.gap(0.5)
            writer.text(coupon.terms, size=body * 0.8, center=False)
    if slip.footer:
        writer.rule()
        writer.text(slip.footer, size=body * 0.9)
    writer.gap(6.0)  # paper the cutter needs below the last line
    return math.ceil(writer.y * 10) / 10


def _base_font() -> QFont:
    return QFont(QApplication.font())


def slip_height_mm(slip: ReceiptSlip, paper: SlipPaper, *, dpi: float = THERMAL_DPI) -> float:
    """How tall the slip is on ``paper`` when printed at ``dpi``."""
    return _write(_SlipWriter(None, paper, per_mm_for_dpi(dpi), _base_font()), slip)


def slip_page_layout(paper: SlipPaper, height_mm: float) -> QPageLayout:
    size = QPageSize(
        QSizeF(paper.width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        _t("Receipt %1 mm").replace("%1", f"{paper.width_mm:g}"),
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def render_slip(painter: QPainter, slip: ReceiptSlip, paper: SlipPaper, per_mm: float) -> float:
    """Paint the slip with its top-left corner at the origin; returns its height in mm."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    try:
        return _write(_SlipWriter(painter, paper, per_mm, _base_font()), slip)
    finally:
        painter.restore()


def print_slip(printer: QPrinter, slip: ReceiptSlip, paper: SlipPaper) -> None:
    """Size the page to the slip and paint it; raises PrinterStartError when it cannot print."""
    height = slip_height_mm(slip, paper, dpi=printer.resolution())
    printer.setPageLayout(slip_page_layout(paper, height))
    printer.setFullPage(True)
    printer.setDocName(_t("Receipt"))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterStartError(_t("The receipt printer could not be started."))
    try:
        render_slip(painter, slip, paper, per_mm_for_dpi(printer.resolution()))
    finally:
        ended = painter.end()
    if not ended or printer.printerState() == QPrinter.PrinterState.Error:
        raise PrinterStartError(_t("The receipt printer reported an error."))


def save_slip_pdf(path: str | Path, slip: ReceiptSlip, paper: SlipPaper) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_slip(printer, slip, paper)


def slip_image(slip: ReceiptSlip, paper: SlipPaper, *, dpi: float = THERMAL_DPI) -> QImage:
    """The slip as a white image at ``dpi`` (what the thermal head would print)."""
    per_mm = per_mm_for_dpi(dpi)
    height = slip_height_mm(slip, paper, dpi=dpi)
    image = QImage(
        math.ceil(paper.width_mm * per_mm), math.ceil(height * per_mm), QImage.Format.Format_RGB32
    )
    image.fill(Qt.GlobalColor.white)
    dots_per_metre = round(per_mm * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        render_slip(painter, slip, paper, per_mm)
    finally:
        painter.end()
    return image


def preview_slip(slip: ReceiptSlip, paper: SlipPaper, parent: QWidget | None = None) -> None:
    """Show the slip in a print preview; the user can print from there."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(slip_page_layout(paper, slip_height_mm(slip, paper, dpi=1200)))
    printer.setFullPage(True)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_t("Receipt preview"))
    dialog.paintRequested.connect(lambda target: print_slip(target, slip, paper))
    dialog.exec()
