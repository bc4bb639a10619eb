"""A live picture of the coupon a campaign will print, painted like the printed sheet."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.models.qrmatrix import QrMatrix
from desktop.views.coupon_face import render_coupon
from desktop.views.coupon_sheet import DEFAULT_GRID, SheetCoupon, qr_module_mm, sheet_coupon_from
from desktop.views.paper_draw import MmFrame
from desktop.views.qr_batch import fast_qr_matrix, numeric_qr_version

# A coupon's signed code is about this many digits; the preview's stand-in has the same
# length so its QR code is the size the printed one will be.
SAMPLE_CODE_DIGITS = 264
SAMPLE_SERIAL = "C-0000-0000"


def sample_digits(length: int = SAMPLE_CODE_DIGITS) -> str:
    """Digits that look like a code (a QR of all zeros would look odd), the same every time."""
    out = ""
    block = b"merchant-desk-coupon-preview"
    while len(out) < length:
        block = hashlib.sha256(block).digest()
        out += str(int.from_bytes(block, "big"))
    return "9" + out[: length - 1]


@dataclass(frozen=True)
class PreviewCoupon:
    """The fields a printed coupon reads, for a coupon not issued yet."""

    serial: str
    campaign_name: str
    kind: str
    headline: str
    value_fen: int
    percent: int
    cap_fen: int
    min_spend_fen: int
    gift: str
    terms: str
    valid_from: dt.date
    valid_to: dt.date


def preview_coupon(values: dict[str, Any], *, today: dt.date) -> PreviewCoupon:
    """From the campaign form's values: a window of N days starts today."""
    valid_from = values.get("valid_from") or today
    valid_to = values.get("valid_to")
    if values.get("valid_days"):
        valid_to = today + dt.timedelta(days=int(values["valid_days"]) - 1)
    return PreviewCoupon(
        serial=SAMPLE_SERIAL,
        campaign_name=str(values.get("name") or ""),
        kind=str(values.get("kind") or "amount_off"),
        headline="",
        value_fen=int(values.get("value_fen") or 0),
        percent=int(values.get("percent") or 0),
        cap_fen=int(values.get("cap_fen") or 0),
        min_spend_fen=int(values.get("min_spend_fen") or 0),
        gift=str(values.get("gift") or ""),
        terms=str(values.get("terms") or ""),
        valid_from=valid_from,
        valid_to=valid_to or valid_from,
    )


class CouponPreview(QWidget):
    """One coupon at the size of a 2 × 4 sheet's cell, scaled to the widget. GUI thread only.

    ``show_coupon(sheet_coupon)`` replaces what is shown; ``coupon`` is what is on screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("couponPreview")
        self.coupon: SheetCoupon | None = None
        self._matrix: QrMatrix | None = None
        self._matrix_digits = ""
        self._cell = DEFAULT_GRID.cell_mm()
        self.setMinimumSize(320, int(320 * self._cell[1] / self._cell[0]))
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width * self._cell[1] / self._cell[0])

    def sizeHint(self) -> QSize:
        return QSize(420, self.heightForWidth(420))

    def show_values(self, values: dict[str, Any], *, today: dt.date, shop_name: str) -> None:
        info = preview_coupon(values, today=today)
        self.show_coupon(sheet_coupon_from(info, shop_name, sample_digits()))

    def show_coupon(self, coupon: SheetCoupon | None) -> None:
        self.coupon = coupon
        if coupon is not None and coupon.code_digits != self._matrix_digits:
            self._matrix = fast_qr_matrix(coupon.code_digits)
            self._matrix_digits = coupon.code_digits
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        width_mm, height_mm = self._cell
        per_mm = min(self.width() / width_mm, self.height() / height_mm)
        x0 = (self.width() - width_mm * per_mm) / 2
        y0 = (self.height() - height_mm * per_mm) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(x0, y0, width_mm * per_mm, height_mm * per_mm))
        if self.coupon is not None and self._matrix is not None:
            module = qr_module_mm(DEFAULT_GRID, numeric_qr_version(len(self.coupon.code_digits)))
            render_coupon(
                painter,
                MmFrame(per_mm, x0, y0),
                self._cell,
                self.coupon,
                matrix=self._matrix,
                module_mm=module,
            )
        painter.end()
