"""Coupons on A4 sheets: what one printed coupon shows, the grid it sits in, and the pages.

A sheet is an A4 page cut into a grid of coupons (2 × 4, 3 × 6 …) along dashed lines. Each
coupon carries its signed code as a QR code (numeric mode, level M, version ≤ 10), its value in
large type, the campaign name, terms, validity, the shop's name and logo, and its serial. A grid
whose cells would print a QR module smaller than 0.5 mm is refused. Everything is placed in
millimetres and scaled to the device, like ``card_print``; one coupon's face is drawn by
``coupon_face.render_coupon``. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter

from desktop.views.coupon_face import LARGEST_MODULE_MM, qr_box_mm, render_coupon
from desktop.views.formatting import day_text, yuan
from desktop.views.paper_draw import (
    MIN_MODULE_MM,
    MUTED,
    MmFrame,
    dashed_pen,
    draw_line,
    sized_font,
)
from desktop.views.qr_batch import MAX_SHEET_VERSION, QrRows, fast_qr_rows, numeric_qr_version

__all__ = [
    "DEFAULT_GRID",
    "GRIDS",
    "CouponInfoLike",
    "CouponSheet",
    "GridTooSmall",
    "SheetCoupon",
    "SheetGrid",
    "a4_layout",
    "check_grid",
    "grid_fits",
    "largest_version",
    "qr_module_mm",
    "render_coupon",
    "sheet_coupon_from",
]
from desktop.views.qr_widget import QUIET_ZONE

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
PAGE_MARGIN_MM = 8.0  # inside every printer's unprintable border


def _t(text: str) -> str:
    return QCoreApplication.translate("CouponSheet", text)


# -- what a coupon shows ----------------------------------------------------------------------
class CouponInfoLike(Protocol):
    """The fields of ``desktop.models.coupons.CouponInfo`` that a printed coupon uses."""

    @property
    def serial(self) -> str: ...
    @property
    def campaign_name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def headline(self) -> str: ...
    @property
    def value_fen(self) -> int: ...
    @property
    def percent(self) -> int: ...
    @property
    def cap_fen(self) -> int: ...
    @property
    def min_spend_fen(self) -> int: ...
    @property
    def gift(self) -> str: ...
    @property
    def terms(self) -> str: ...
    @property
    def valid_from(self) -> dt.date: ...
    @property
    def valid_to(self) -> dt.date: ...


@dataclass(frozen=True)
class SheetCoupon:
    """What one printed coupon shows (texts already translated)."""

    code_digits: str  # the signed digits in the QR code
    value_text: str  # large type: "¥10", "8折", "满100减20", "赠 咖啡一杯"
    title: str  # campaign name
    terms: str
    validity_text: str
    shop_name: str
    serial: str
    logo: QImage | None = None


def short_yuan(fen: int) -> str:
    """``yuan`` without a zero fraction: 1000 → "¥10", 1050 → "¥10.50"."""
    text = yuan(fen)
    return text[:-3] if text.endswith(".00") else text


def _number(fen: int) -> str:
    return short_yuan(fen).replace("¥", "", 1)


def _percent_off_text(percent: int) -> str:
    if QLocale().language() == QLocale.Language.Chinese:
        # Chinese coupons state the price paid in tenths (20% off → 8折).
        tenths = f"{(100 - percent) / 10:.1f}".rstrip("0").rstrip(".")
        return _t("%1/10 of the price").replace("%1", tenths)
    return _t("%1% off").replace("%1", str(percent))


def coupon_value_text(info: CouponInfoLike) -> str:
    """The large text: what the coupon is worth, in the reader's language."""
    if info.kind == "amount_off":
        return short_yuan(info.value_fen)
    if info.kind == "percent_off":
        return _percent_off_text(info.percent)
    if info.kind == "spend_save":
        return (
            _t("Spend %1, save %2")
            .replace("%1", _number(info.min_spend_fen))
            .replace("%2", _number(info.value_fen))
        )
    if info.kind == "gift":
        return _t("Free %1").replace("%1", info.gift)
    return info.headline or info.campaign_name


def coupon_terms_text(info: CouponInfoLike) -> str:
    """Conditions from the fields, then the campaign's own small print."""
    parts: list[str] = []
    if info.min_spend_fen > 0 and info.kind != "spend_save":
        parts.append(_t("On a bill of %1 or more.").replace("%1", short_yuan(info.min_spend_fen)))
    if info.kind == "percent_off" and info.cap_fen > 0:
        parts.append(_t("Takes off at most %1.").replace("%1", short_yuan(info.cap_fen)))
    if info.terms.strip():
        parts.append(info.terms.strip())
    return "\n".join(parts)


def validity_text(valid_from: dt.date, valid_to: dt.date) -> str:
    if valid_from == valid_to:
        return _t("Valid on %1").replace("%1", day_text(valid_to))
    return (
        _t("Valid %1 to %2").replace("%1", day_text(valid_from)).replace("%2", day_text(valid_to))
    )


def sheet_coupon_from(
    info: CouponInfoLike, shop_name: str, code_digits: str, *, logo: QImage | None = None
) -> SheetCoupon:
    """The printed form of a coupon (``CouponInfo``) and its signed digits."""
    return SheetCoupon(
        code_digits=code_digits,
        value_text=coupon_value_text(info),
        title=info.campaign_name,
        terms=coupon_terms_text(info),
        validity_text=validity_text(info.valid_from, info.valid_to),
        shop_name=shop_name,
        serial=info.serial,
        logo=logo,
    )


# -- the grid ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class SheetGrid:
    """Coupons per A4 page: ``columns`` across, ``rows`` down."""

    columns: int
    rows: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def label(self) -> str:
        return (
            _t("%1 × %2 (%3 a page)")
            .replace("%1", str(self.columns))
            .replace("%2", str(self.rows))
            .replace("%3", str(self.per_page))
        )

    def cell_mm(self) -> tuple[float, float]:
        """Width and height of one coupon, cut line to cut line."""
        return (
            (PAGE_WIDTH_MM - 2 * PAGE_MARGIN_MM) / self.columns,
            (PAGE_HEIGHT_MM - 2 * PAGE_MARGIN_MM) / self.rows,
        )


GRIDS = (
    SheetGrid(2, 3),
    SheetGrid(2, 4),
    SheetGrid(2, 5),
    SheetGrid(3, 5),
    SheetGrid(3, 6),
    SheetGrid(3, 7),
    SheetGrid(4, 8),
)
DEFAULT_GRID = SheetGrid(2, 4)


class GridTooSmall(ValueError):
    """The grid's cells are too small for QR modules of at least 0.5 mm."""

    def __init__(self, grid: SheetGrid, version: int, module_mm: float) -> None:
        super().__init__(
            f"{grid.columns}×{grid.rows}: QR version {version} modules would be "
            f"{module_mm:.2f} mm (< {MIN_MODULE_MM} mm)"
        )
        self.grid = grid
        self.version = version
        self.module_mm = module_mm


def qr_module_mm(grid: SheetGrid, version: int) -> float:
    """The QR module size on paper for codes of ``version`` in ``grid``'s cells."""
    if not 1 <= version <= MAX_SHEET_VERSION:
        raise ValueError(f"QR version {version} is above {MAX_SHEET_VERSION}")
    side_modules = 17 + 4 * version + 2 * QUIET_ZONE
    return min(LARGEST_MODULE_MM, qr_box_mm(*grid.cell_mm()) / side_modules)


def check_grid(grid: SheetGrid, version: int) -> float:
    """The module size for ``version`` in ``grid``; raises GridTooSmall under 0.5 mm."""
    module = qr_module_mm(grid, version)
    if module < MIN_MODULE_MM:
        raise GridTooSmall(grid, version, module)
    return module


def largest_version(coupons: Sequence[SheetCoupon]) -> int:
    """The largest QR version among the coupons' codes (by length; no QR is built)."""
    lengths = {len(c.code_digits) for c in coupons}
    return max((numeric_qr_version(n) for n in lengths), default=1)


def grid_fits(grid: SheetGrid, coupons: Sequence[SheetCoupon]) -> bool:
    try:
        check_grid(grid, largest_version(coupons))
    except GridTooSmall:
        return False
    return True


class CouponSheet:
    """Coupons laid out on A4 pages in ``grid`` (a ``PagedDocument`` for ``sheet_output``).

    Raises GridTooSmall when the grid would print QR modules under 0.5 mm, and ValueError when
    a code needs a QR version above 10.
    """

    def __init__(self, coupons: Sequence[SheetCoupon], grid: SheetGrid) -> None:
        self.coupons = list(coupons)
        self.grid = grid
        self.module_mm = check_grid(grid, largest_version(self.coupons))
        self._codes: OrderedDict[str, QrRows] = OrderedDict()

    @property
    def doc_name(self) -> str:
        return _t("Coupons")

    @property
    def item_count(self) -> int:
        return len(self.coupons)

    @property
    def page_count(self) -> int:
        return math.ceil(len(self.coupons) / self.grid.per_page)

    def page_coupons(self, page: int) -> list[SheetCoupon]:
        start = page * self.grid.per_page
        return self.coupons[start : start + self.grid.per_page]

    def items_on_page(self, page: int) -> int:
        return len(self.page_coupons(page))

    def page_layout(self) -> QPageLayout:
        return a4_layout()

    def qr(self, digits: str) -> QrRows:
        """The code's QR modules; the last few hundred are kept (a preview, then a print)."""
        found = self._codes.get(digits)
        if found is None:
            found = fast_qr_rows(digits)
            if found.version > MAX_SHEET_VERSION:
                raise ValueError(f"QR version {found.version} is above {MAX_SHEET_VERSION}")
            self._codes[digits] = found
            if len(self._codes) > 256:
                self._codes.popitem(last=False)
        return found

    def paint_page(self, painter: QPainter, page: int, per_mm: float) -> None:
        coupons = self.page_coupons(page)
        cell_w, cell_h = self.grid.cell_mm()
        page_frame = MmFrame(per_mm)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for index, coupon in enumerate(coupons):
            row, column = divmod(index, self.grid.columns)
            frame = page_frame.at(PAGE_MARGIN_MM + column * cell_w, PAGE_MARGIN_MM + row * cell_h)
            render_coupon(
                painter,
                frame,
                (cell_w, cell_h),
                coupon,
                matrix=self.qr(coupon.code_digits),
                module_mm=self.module_mm,
            )
        _cut_lines(
            painter, page_frame, self.grid, rows_used=math.ceil(len(coupons) / self.grid.columns)
        )
        _page_footer(painter, page_frame, page, self.page_count, coupons)
        painter.restore()


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def _cut_lines(painter: QPainter, frame: MmFrame, grid: SheetGrid, *, rows_used: int) -> None:
    """Dashed lines along every coupon edge of the rows in use."""
    cell_w, cell_h = grid.cell_mm()
    left, top = PAGE_MARGIN_MM, PAGE_MARGIN_MM
    right = left + grid.columns * cell_w
    bottom = top + rows_used * cell_h
    painter.setPen(dashed_pen(frame.per_mm))
    for column in range(grid.columns + 1):
        x = left + column * cell_w
        painter.drawLine(frame.point(x, top), frame.point(x, bottom))
    for row in range(rows_used + 1):
        y = top + row * cell_h
        painter.drawLine(frame.point(left, y), frame.point(right, y))


def _page_footer(
    painter: QPainter, frame: MmFrame, page: int, pages: int, coupons: Sequence[SheetCoupon]
) -> None:
    """Page number and serial range in the bottom margin, for finding a page to reprint."""
    if not coupons:
        return
    text = (
        _t("Page %1 of %2 · %3 – %4")
        .replace("%1", str(page + 1))
        .replace("%2", str(pages))
        .replace("%3", coupons[0].serial)
        .replace("%4", coupons[-1].serial)
    )
    draw_line(
        painter,
        frame.rect(PAGE_MARGIN_MM, PAGE_HEIGHT_MM - PAGE_MARGIN_MM + 1.5, 150, 4),
        text,
        font=sized_font(QFont(painter.font()), 2.4 * frame.per_mm),
        color=MUTED,
    )
