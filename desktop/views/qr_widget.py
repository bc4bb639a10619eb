"""Painting QR matrices with QPainter: on screen, on paper and into images.

Dark modules are merged into one QPainterPath and filled once with a QBrush, so no call goes
through ``QPainter.fillRect(QRectF, QColor)`` (PySide6 6.12 on Python 3.11 corrupts the
refcount of ``None`` there when called in a loop).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath, QPaintEvent, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.models.qrmatrix import QrMatrix, build_qr_matrix

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_path(matrix: QrMatrix) -> QPainterPath:
    """The dark modules as one path in module units (1 unit = 1 module), without quiet zone.

    Horizontal runs of dark modules become one rectangle each, which keeps the path small.
    """
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for y, row in enumerate(matrix.modules):
        x = 0
        width = len(row)
        while x < width:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < width and row[x]:
                x += 1
            path.addRect(QRectF(start, y, x - start, 1))
    return path


def qr_side_modules(matrix: QrMatrix) -> int:
    """Modules per side including the quiet zone on both sides."""
    return matrix.size + 2 * QUIET_ZONE


def paint_qr(painter: QPainter, matrix: QrMatrix, origin: QPointF, module: float) -> float:
    """Paint ``matrix`` with its quiet zone, top-left at ``origin``, ``module`` units a module.

    Returns the side length painted. Pass a whole number of device pixels as ``module`` for
    crisp edges on raster devices.
    """
    side = qr_side_modules(matrix) * module
    background = QPainterPath()
    background.addRect(QRectF(origin.x(), origin.y(), side, side))
    transform = QTransform()
    transform.translate(origin.x() + QUIET_ZONE * module, origin.y() + QUIET_ZONE * module)
    transform.scale(module, module)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillPath(background, QBrush(Qt.GlobalColor.white))
    painter.fillPath(transform.map(qr_path(matrix)), QBrush(Qt.GlobalColor.black))
    painter.restore()
    return side


def paint_qr_in(
    painter: QPainter, matrix: QrMatrix, target: QRectF, *, whole_pixels: bool = True
) -> QRectF:
    """Paint the code as large as fits, centred in ``target``; returns the painted square."""
    modules = qr_side_modules(matrix)
    module = min(target.width(), target.height()) / modules
    if whole_pixels and module >= 1:
        module = math.floor(module)
    side = module * modules
    left = target.x() + (target.width() - side) / 2
    top = target.y() + (target.height() - side) / 2
    if whole_pixels:
        left, top = round(left), round(top)
    paint_qr(painter, matrix, QPointF(left, top), module)
    return QRectF(left, top, side, side)


class QrWidget(QWidget):
    """Shows a QR code for a string of digits, scaled to whole pixels per module.

    GUI thread only. An empty string shows nothing.
    """

    def __init__(self, digits: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        self._matrix: QrMatrix | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(120, 120)
        self.set_digits(digits)

    def digits(self) -> str:
        return self._digits

    def matrix(self) -> QrMatrix | None:
        return self._matrix

    def set_digits(self, digits: str) -> None:
        """Show the code for ``digits`` (ASCII 0-9), or nothing for ``""``."""
        self._digits = digits
        self._matrix = build_qr_matrix(digits) if digits else None
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, 200)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._matrix is None:
            return
        painter = QPainter(self)
        try:
            paint_qr_in(painter, self._matrix, QRectF(self.rect()))
        finally:
            painter.end()
