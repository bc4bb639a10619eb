"""Drawing helpers for printed matter (coupon sheets, card sheets, receipt slips).

Everything is placed in millimetres; a :class:`MmFrame` turns millimetres into device units
for the paint device at hand, so printers, PDF files and images get the same drawing. Fills go
through ``QPainterPath`` and ``fillPath`` (never ``fillRect(QRectF, QColor)``, see
``qr_widget``). GUI thread only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
    QTextOption,
)

from desktop.models.qrmatrix import QrMatrix
from desktop.views.qr_widget import QUIET_ZONE, paint_qr

MM_PER_INCH = 25.4
MIN_MODULE_MM = 0.5  # smallest QR module we put on paper
INK = QColor("#1d1d1f")
MUTED = QColor("#5f6368")
HAIRLINE = QColor("#9aa0a6")
_DARK_RUN = re.compile(r"1+")


@dataclass(frozen=True)
class MmFrame:
    """Millimetre coordinates relative to an origin on a device with ``per_mm`` units a mm."""

    per_mm: float
    x0: float = 0.0  # origin in device units
    y0: float = 0.0

    def at(self, x_mm: float, y_mm: float) -> MmFrame:
        """A frame whose origin is (x_mm, y_mm) of this one."""
        return MmFrame(self.per_mm, self.x0 + x_mm * self.per_mm, self.y0 + y_mm * self.per_mm)

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        p = self.per_mm
        return QRectF(self.x0 + x * p, self.y0 + y * p, w * p, h * p)

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(self.x0 + x * self.per_mm, self.y0 + y * self.per_mm)


def per_mm_for_dpi(dpi: float) -> float:
    return dpi / MM_PER_INCH


def fill(painter: QPainter, rect: QRectF, color: QColor) -> None:
    path = QPainterPath()
    path.addRect(rect)
    painter.fillPath(path, QBrush(color))


def sized_font(base: QFont, size: float, *, bold: bool = False) -> QFont:
    """``base`` at ``size`` device units (pixel size, so metrics match every device)."""
    font = QFont(base)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def text_width(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


def fitted_size(base: QFont, text: str, *, width: float, largest: float, bold: bool) -> float:
    """The largest size, at most ``largest``, at which ``text`` is at most ``width`` wide."""
    probe = 100.0
    advance = text_width(sized_font(base, probe, bold=bold), text)
    if advance <= 0:
        return largest
    return max(1.0, min(largest, math.floor(probe * width / advance * 0.98)))


def draw_line(
    painter: QPainter,
    rect: QRectF,
    text: str,
    *,
    font: QFont,
    color: QColor,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """One line of ``text`` in ``font``, vertically centred in ``rect``, elided to fit."""
    painter.setFont(font)
    painter.setPen(color)
    shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def draw_fitted(
    painter: QPainter,
    rect: QRectF,
    text: str,
    *,
    base: QFont,
    size: float,
    smallest: float,
    color: QColor,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """One line at ``size``, made smaller (down to ``smallest``) to fit, elided below that."""
    fitted = fitted_size(base, text, width=rect.width(), largest=size, bold=bold)
    font = sized_font(base, max(fitted, smallest), bold=bold)
    draw_line(painter, rect, text, font=font, color=color, align=align)


def wrap_lines(text: str, font: QFont, width: float) -> list[str]:
    """``text`` broken into lines at most ``width`` wide (words; CJK anywhere; newlines kept)."""
    lines: list[str] = []
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    for paragraph in text.splitlines() or [""]:
        if not paragraph.strip():
            continue
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
    return [line.rstrip() for line in lines]


def draw_wrapped(
    painter: QPainter,
    rect: QRectF,
    text: str,
    *,
    font: QFont,
    color: QColor,
    line_height: float,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> float:
    """Wrapped ``text`` from the top of ``rect``; lines that do not fit are left out and the
    last one shown ends in an ellipsis. Returns the height used."""
    lines = wrap_lines(text, font, rect.width())
    room = max(0, int((rect.height() + 0.01) // line_height))
    if len(lines) > room:
        lines = lines[:room]
        if lines:
            metrics = QFontMetricsF(font)
            last = metrics.elidedText(
                lines[-1] + "…", Qt.TextElideMode.ElideRight, rect.width() - 0.5
            )
            lines[-1] = last if last.endswith("…") else last + "…"
    painter.setFont(font)
    painter.setPen(color)
    flags = int(align | Qt.AlignmentFlag.AlignVCenter)
    for index, line in enumerate(lines):
        top = rect.y() + index * line_height
        painter.drawText(QRectF(rect.x(), top, rect.width(), line_height), flags, line)
    return len(lines) * line_height


def draw_logo(painter: QPainter, rect: QRectF, logo: QImage) -> None:
    """``logo`` scaled to fit ``rect``, keeping its proportions, centred."""
    if logo.isNull() or logo.width() <= 0 or logo.height() <= 0:
        return
    scale = min(rect.width() / logo.width(), rect.height() / logo.height())
    w, h = logo.width() * scale, logo.height() * scale
    target = QRectF(rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2, w, h)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawImage(target, logo)
    painter.restore()


def module_units(module_mm: float, per_mm: float) -> float:
    """A QR module in device units: whole units when that keeps it at least 0.5 mm."""
    exact = module_mm * per_mm
    whole = math.floor(exact)
    return float(whole) if whole >= 2 and whole >= MIN_MODULE_MM * per_mm else exact


def draw_qr(painter: QPainter, matrix: QrMatrix, top_left: QPointF, module: float) -> float:
    """The code with its quiet zone, top-left corner snapped to whole units; returns its side."""
    return paint_qr(painter, matrix, QPointF(round(top_left.x()), round(top_left.y())), module)


def qr_rows_path(rows: Sequence[str], origin: QPointF, module: float) -> QPainterPath:
    """The dark modules of ``rows`` ("0"/"1" strings) as one path of merged rectangles.

    A run of dark modules becomes a rectangle, and a run repeated at the same place in the
    rows below grows that rectangle downwards, so the path (and the PDF) stays small.
    """
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    x0, y0 = origin.x(), origin.y()

    def close(span: tuple[int, int], top: int, bottom: int) -> None:
        start, end = span
        path.addRect(
            x0 + start * module, y0 + top * module, (end - start) * module, (bottom - top) * module
        )

    open_runs: dict[tuple[int, int], int] = {}
    for y, row in enumerate(rows):
        runs = {match.span(): y for match in _DARK_RUN.finditer(row)}
        for span, top in open_runs.items():
            if span in runs:
                runs[span] = top
            else:
                close(span, top, y)
        open_runs = runs
    for span, top in open_runs.items():
        close(span, top, len(rows))
    return path


def draw_qr_rows(painter: QPainter, rows: Sequence[str], top_left: QPointF, module: float) -> float:
    """Like ``draw_qr`` for a matrix given as row strings (``qr_batch.QrRows.rows``)."""
    x, y = round(top_left.x()), round(top_left.y())
    side = (len(rows) + 2 * QUIET_ZONE) * module
    quiet = QUIET_ZONE * module
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    fill(painter, QRectF(x, y, side, side), QColor(Qt.GlobalColor.white))
    painter.fillPath(
        qr_rows_path(rows, QPointF(x + quiet, y + quiet), module), QBrush(Qt.GlobalColor.black)
    )
    painter.restore()
    return side


def dashed_pen(per_mm: float, *, color: QColor = HAIRLINE, width_mm: float = 0.2) -> QPen:
    """A thin dashed pen: 2 mm dashes, 1.5 mm gaps (dash lengths are in pen widths)."""
    pen = QPen(color)
    pen.setWidthF(width_mm * per_mm)
    pen.setDashPattern([2.0 / width_mm, 1.5 / width_mm])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def solid_pen(per_mm: float, color: QColor, *, width_mm: float = 0.25) -> QPen:
    pen = QPen(color)
    pen.setWidthF(width_mm * per_mm)
    return pen
