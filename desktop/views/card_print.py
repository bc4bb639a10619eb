"""Member cards on paper, in PDF and in PNG: one drawing function for all three.

The card is CR80 size (85.60 × 53.98 mm, the size of a bank card). Everything is laid out in
millimetres and scaled to the device, so the printed card, the PDF and the 300 dpi PNG match.
GUI thread only (QPainter on widgets and printers).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from desktop.models.qrmatrix import build_qr_matrix
from desktop.views.formatting import day_text, tier_name
from desktop.views.qr_widget import paint_qr, qr_side_modules

if TYPE_CHECKING:
    from desktop.models.service import Desk

CARD_WIDTH_MM = 85.60
CARD_HEIGHT_MM = 53.98
MIN_MODULE_MM = 0.5
PNG_DPI = 300
MM_PER_INCH = 25.4

_HEADER_MM = 12.0
_MARGIN_MM = 4.0
_QR_MM = 38.0
_ACCENT = QColor("#0b5d6b")
_INK = QColor("#1d1d1f")
_MUTED = QColor("#5f6368")


def _t(text: str) -> str:
    return QCoreApplication.translate("MemberCard", text)


@dataclass(frozen=True)
class CardData:
    """What a printed member card shows."""

    shop_name: str
    member_name: str
    tier: int
    digits: str
    card_serial: int
    expires_on: dt.date


def card_data(desk: Desk, member_id: int) -> CardData:
    """Collect the card's contents from the model (three short reads)."""
    card = desk.member_card(member_id)
    return CardData(
        shop_name=desk.shop_profile().name,
        member_name=card.name,
        tier=card.tier,
        digits=desk.member_code(member_id),
        card_serial=card.card_serial,
        expires_on=card.card_expires_on,
    )


def _fill(painter: QPainter, rect: QRectF, color: QColor) -> None:
    path = QPainterPath()
    path.addRect(rect)
    painter.fillPath(path, QBrush(color))


def _text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    *,
    size: float,
    color: QColor,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """One line of text, ``size`` device units tall, elided to fit ``rect``."""
    font = QFont(painter.font())
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    painter.setFont(font)
    painter.setPen(color)
    metrics = QFontMetricsF(font, painter.device())
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def render_member_card(painter: QPainter, rect: QRectF, data: CardData) -> None:
    """Draw the card into ``rect`` (device units, CR80 proportions) on any paint device.

    The QR code's module is a whole number of device units when the device is fine enough,
    and never under 0.5 mm.
    """
    mm = rect.width() / CARD_WIDTH_MM

    def box(x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(rect.x() + x * mm, rect.y() + y * mm, w * mm, h * mm)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _fill(painter, rect, QColor(Qt.GlobalColor.white))
    _fill(painter, box(0, 0, CARD_WIDTH_MM, _HEADER_MM), _ACCENT)
    _text(
        painter,
        box(_MARGIN_MM, 0, CARD_WIDTH_MM - 2 * _MARGIN_MM, _HEADER_MM),
        data.shop_name,
        size=4.6 * mm,
        color=QColor(Qt.GlobalColor.white),
        bold=True,
    )

    matrix = build_qr_matrix(data.digits)
    modules = qr_side_modules(matrix)
    module = _QR_MM * mm / modules
    if module >= 2:
        module = math.floor(module)
    module = max(module, MIN_MODULE_MM * mm)
    side = module * modules
    qr_left = rect.right() - (_MARGIN_MM - 2) * mm - side
    qr_top = rect.y() + _HEADER_MM * mm + (rect.height() - _HEADER_MM * mm - side) / 2
    paint_qr(painter, matrix, QPointF(round(qr_left), round(qr_top)), module)

    left_w = (qr_left - rect.x()) / mm - _MARGIN_MM - 1
    _text(
        painter,
        box(_MARGIN_MM, 15, left_w, 9),
        data.member_name,
        size=6.0 * mm,
        color=_INK,
        bold=True,
    )
    _text(
        painter,
        box(_MARGIN_MM, 24.5, left_w, 5.5),
        _t("%1 member").replace("%1", tier_name(data.tier)),
        size=3.6 * mm,
        color=_ACCENT,
        bold=True,
    )
    _text(
        painter,
        box(_MARGIN_MM, 36, left_w, 4.5),
        _t("Card serial: %1").replace("%1", f"{data.card_serial:04d}"),
        size=3.0 * mm,
        color=_MUTED,
    )
    _text(
        painter,
        box(_MARGIN_MM, 40.8, left_w, 4.5),
        _t("Valid until: %1").replace("%1", day_text(data.expires_on)),
        size=3.0 * mm,
        color=_MUTED,
    )
    _text(
        painter,
        box(_MARGIN_MM, 46.5, left_w, 4.5),
        _t("Show this code at the counter"),
        size=2.6 * mm,
        color=_MUTED,
    )
    painter.restore()


def card_page_layout() -> QPageLayout:
    size = QPageSize(QSizeF(CARD_WIDTH_MM, CARD_HEIGHT_MM), QPageSize.Unit.Millimeter, "CR80")
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter
    )


def _card_rect(resolution: float) -> QRectF:
    """The card in device units at ``resolution`` dots per inch, at the page origin."""
    per_mm = resolution / MM_PER_INCH
    return QRectF(0, 0, CARD_WIDTH_MM * per_mm, CARD_HEIGHT_MM * per_mm)


def paint_card_on_printer(printer: QPrinter, data: CardData) -> None:
    """Draw one card at its real size at the top-left of the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_t("The printer could not be started."))
    try:
        render_member_card(painter, _card_rect(printer.resolution()), data)
    finally:
        painter.end()


def _card_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(card_page_layout())
    printer.setFullPage(True)
    printer.setDocName(_t("Member card"))
    return printer


def save_card_pdf(path: str | Path, data: CardData) -> None:
    """Write a one-page PDF the size of the card."""
    printer = _card_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    paint_card_on_printer(printer, data)


def card_image(data: CardData, *, dpi: int = PNG_DPI) -> QImage:
    """The card as an image at ``dpi`` (1011 × 638 pixels at 300 dpi)."""
    rect = _card_rect(dpi)
    image = QImage(math.ceil(rect.width()), math.ceil(rect.height()), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        render_member_card(painter, rect, data)
    finally:
        painter.end()
    return image


def save_card_png(path: str | Path, data: CardData, *, dpi: int = PNG_DPI) -> None:
    if not card_image(data, dpi=dpi).save(str(path), "PNG"):
        raise OSError(_t("The image could not be saved to %1.").replace("%1", str(path)))


def save_card_file(path: str | Path, data: CardData) -> None:
    """PDF or PNG, chosen by the file name's ending (PDF when it has none we know)."""
    if str(path).lower().endswith(".png"):
        save_card_png(path, data)
    else:
        save_card_pdf(path, data)


def print_card(data: CardData, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print the card; False when cancelled."""
    printer = _card_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_t("Print member card"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_card_on_printer(printer, data)
    return True


def preview_card(data: CardData, parent: QWidget | None = None) -> None:
    """Show the print preview; the user can print from there."""
    printer = _card_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_t("Member card preview"))
    dialog.paintRequested.connect(lambda target: paint_card_on_printer(target, data))
    dialog.exec()
