"""The face of one printed coupon: value in large type, campaign, terms, validity, the shop's
name and logo on the left; the QR code and serial on a tinted stub on the right.

Laid out in millimetres from the cell's top-left corner (cut line to cut line) and scaled to
the device through an ``MmFrame``, so sheets, PDF files and on-screen previews match. GUI
thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath

from desktop.models.qrmatrix import QrMatrix
from desktop.views.paper_draw import (
    INK,
    MUTED,
    MmFrame,
    draw_fitted,
    draw_line,
    draw_logo,
    draw_qr_rows,
    draw_wrapped,
    fitted_size,
    module_units,
    sized_font,
    solid_pen,
    wrap_lines,
)
from desktop.views.qr_batch import QrRows
from desktop.views.qr_widget import QUIET_ZONE

if TYPE_CHECKING:
    from desktop.views.coupon_sheet import SheetCoupon

ACCENT = QColor("#c62828")
ACCENT_SOFT = QColor("#fbe9e7")
LARGEST_MODULE_MM = 0.75  # a bigger QR code only takes room from the text

_INSET_MM = 1.8  # cut line → coupon frame
_PAD_MM = 2.4  # frame → content
_QR_SHARE = 0.48  # the QR stub takes at most this share of the coupon's width
_SERIAL_MM = 3.2
_STUB_PAD_MM = 1.2  # tinted stub around the QR code's quiet zone


def qr_box_mm(width: float, height: float) -> float:
    """Room for the QR code with its quiet zone in a coupon of this size."""
    tall = height - 2 * _INSET_MM - 2 * _STUB_PAD_MM - _SERIAL_MM
    wide = width * _QR_SHARE - 2 * _STUB_PAD_MM
    return min(tall, wide)


def matrix_rows(matrix: QrMatrix) -> tuple[str, ...]:
    """A ``QrMatrix`` as "0"/"1" row strings."""
    return tuple("".join("1" if dark else "0" for dark in row) for row in matrix.modules)


def render_coupon(
    painter: QPainter,
    frame: MmFrame,
    size_mm: tuple[float, float],
    coupon: SheetCoupon,
    *,
    matrix: QrRows | QrMatrix,
    module_mm: float,
) -> None:
    """Draw one coupon whose cell (cut line to cut line) starts at ``frame``'s origin.

    ``matrix`` is the coupon's QR code (``qr_batch.fast_qr_rows`` or a ``QrMatrix``);
    ``module_mm`` its module size for the sheet's grid (``check_grid``).
    """
    rows = matrix.rows if isinstance(matrix, QrRows) else matrix_rows(matrix)
    width, height = size_mm
    per_mm = frame.per_mm
    base = QFont(painter.font())
    inner_w = width - 2 * _INSET_MM
    inner_h = height - 2 * _INSET_MM

    outline = QPainterPath()
    outline.addRoundedRect(frame.rect(_INSET_MM, _INSET_MM, inner_w, inner_h), per_mm, per_mm)

    # The code on the right on a tinted stub, its serial underneath.
    module = module_units(module_mm, per_mm)
    side_mm = (len(rows) + 2 * QUIET_ZONE) * module / per_mm
    stub_w = side_mm + 2 * _STUB_PAD_MM
    stub_x = width - _INSET_MM - stub_w
    stub = QPainterPath()
    stub.addRect(frame.rect(stub_x, _INSET_MM, stub_w + 1, inner_h))
    painter.fillPath(outline.intersected(stub), QBrush(ACCENT_SOFT))
    painter.setPen(solid_pen(per_mm, ACCENT, width_mm=0.3))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(outline)
    block_h = side_mm + _SERIAL_MM
    qr_top = _INSET_MM + max(_STUB_PAD_MM, (inner_h - block_h) / 2)
    draw_qr_rows(painter, rows, frame.point(stub_x + _STUB_PAD_MM, qr_top), module)
    draw_line(
        painter,
        frame.rect(stub_x, qr_top + side_mm, stub_w, _SERIAL_MM),
        coupon.serial,
        font=sized_font(base, 2.3 * per_mm),
        color=INK,
        align=Qt.AlignmentFlag.AlignHCenter,
    )

    # The text column on the left; type grows a little on taller coupons.
    grow = min(1.3, max(0.9, inner_h / 45))
    left = _INSET_MM + _PAD_MM
    text_w = stub_x - _PAD_MM - left
    top = _INSET_MM + _PAD_MM - 0.6
    bottom = height - _INSET_MM - _PAD_MM + 0.4
    head_h = min(6.5, max(4.5, inner_h * 0.13))
    name_x = left
    if coupon.logo is not None and not coupon.logo.isNull():
        draw_logo(painter, frame.rect(left, top, head_h, head_h), coupon.logo)
        name_x = left + head_h + 1.2
    draw_fitted(
        painter,
        frame.rect(name_x, top, left + text_w - name_x, head_h),
        coupon.shop_name,
        base=base,
        size=min(3.2, head_h * 0.62) * per_mm,
        smallest=2.4 * per_mm,
        color=INK,
        bold=True,
    )
    y = top + head_h + 0.8
    validity_font, validity_lines = _validity_font(base, coupon.validity_text, text_w, grow, per_mm)
    validity_line_h = 3.4 * grow
    validity_h = validity_line_h * len(validity_lines)
    value_h = min(16.0, max(7.5, (bottom - y - validity_h) * 0.42))
    value_size = fitted_size(
        base, coupon.value_text, width=text_w * per_mm, largest=value_h * 0.82 * per_mm, bold=True
    )
    draw_line(
        painter,
        frame.rect(left, y, text_w, value_h),
        coupon.value_text,
        font=sized_font(base, value_size, bold=True),
        color=ACCENT,
    )
    y += value_h + 0.4
    title_h = 4.0 * grow
    draw_fitted(
        painter,
        frame.rect(left, y, text_w, title_h),
        coupon.title,
        base=base,
        size=title_h * 0.74 * per_mm,
        smallest=title_h * 0.6 * per_mm,
        color=INK,
        bold=True,
    )
    y += title_h + 0.4
    draw_wrapped(
        painter,
        frame.rect(left, y, text_w, bottom - validity_h - 0.3 - y),
        coupon.terms,
        font=sized_font(base, 2.25 * grow * per_mm),
        color=MUTED,
        line_height=3.0 * grow * per_mm,
    )
    for index, line in enumerate(validity_lines):
        draw_line(
            painter,
            frame.rect(
                left, bottom - validity_h + index * validity_line_h, text_w, validity_line_h
            ),
            line,
            font=validity_font,
            color=INK,
        )


def _validity_font(
    base: QFont, text: str, width_mm: float, grow: float, per_mm: float
) -> tuple[QFont, list[str]]:
    """The validity on one line, a little smaller if need be, else on two lines."""
    largest = 2.45 * grow * per_mm
    size = fitted_size(base, text, width=width_mm * per_mm, largest=largest, bold=True)
    if size >= 0.85 * largest:
        return sized_font(base, size, bold=True), [text]
    font = sized_font(base, largest, bold=True)
    return font, wrap_lines(text, font, width_mm * per_mm)[:2]
