"""Member cards ten to an A4 sheet, with cut marks, for shops that print cards in bulk.

The cards (CR80, drawn by ``card_print.render_member_card``) sit two across and five down with
narrow gaps between them, so a cut a little off the line does not take a sliver of the next
card's header; short marks in the margins show where every card edge runs. GUI thread only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter

from desktop.views.card_print import CARD_HEIGHT_MM, CARD_WIDTH_MM, CardData, render_member_card
from desktop.views.coupon_sheet import PAGE_HEIGHT_MM, PAGE_WIDTH_MM, a4_layout
from desktop.views.paper_draw import MUTED, MmFrame, draw_line, sized_font, solid_pen

CARD_COLUMNS = 2
CARD_ROWS = 5
CARDS_PER_PAGE = CARD_COLUMNS * CARD_ROWS
_GAP_X_MM = 4.0
_GAP_Y_MM = 2.0
_BLOCK_LEFT_MM = (PAGE_WIDTH_MM - CARD_COLUMNS * CARD_WIDTH_MM - (CARD_COLUMNS - 1) * _GAP_X_MM) / 2
_BLOCK_TOP_MM = (PAGE_HEIGHT_MM - CARD_ROWS * CARD_HEIGHT_MM - (CARD_ROWS - 1) * _GAP_Y_MM) / 2
_MARK_GAP_MM = 1.5  # between the cards and a cut mark
_MARK_MM = 5.5


def _t(text: str) -> str:
    return QCoreApplication.translate("CardSheet", text)


def card_position_mm(index: int) -> tuple[float, float]:
    """Top-left corner of the ``index``-th card on its page, in millimetres."""
    row, column = divmod(index % CARDS_PER_PAGE, CARD_COLUMNS)
    return (
        _BLOCK_LEFT_MM + column * (CARD_WIDTH_MM + _GAP_X_MM),
        _BLOCK_TOP_MM + row * (CARD_HEIGHT_MM + _GAP_Y_MM),
    )


class CardSheet:
    """Member cards on A4 pages (a ``PagedDocument`` for ``sheet_output``)."""

    def __init__(self, cards: Sequence[CardData]) -> None:
        self.cards = list(cards)

    @property
    def doc_name(self) -> str:
        return _t("Member cards")

    @property
    def item_count(self) -> int:
        return len(self.cards)

    @property
    def page_count(self) -> int:
        return math.ceil(len(self.cards) / CARDS_PER_PAGE)

    def page_cards(self, page: int) -> list[CardData]:
        return self.cards[page * CARDS_PER_PAGE : (page + 1) * CARDS_PER_PAGE]

    def items_on_page(self, page: int) -> int:
        return len(self.page_cards(page))

    def page_layout(self) -> QPageLayout:
        return a4_layout()

    def paint_page(self, painter: QPainter, page: int, per_mm: float) -> None:
        cards = self.page_cards(page)
        frame = MmFrame(per_mm)
        painter.save()
        for index, card in enumerate(cards):
            x, y = card_position_mm(index)
            render_member_card(painter, frame.rect(x, y, CARD_WIDTH_MM, CARD_HEIGHT_MM), card)
        _cut_marks(painter, frame, rows=math.ceil(len(cards) / CARD_COLUMNS))
        bottom = cut_lines_mm(math.ceil(len(cards) / CARD_COLUMNS))[1][-1]
        draw_line(  # between the marks under the first column
            painter,
            frame.rect(_BLOCK_LEFT_MM + 6, bottom + 3, CARD_WIDTH_MM - 12, 4),
            _t("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(self.page_count)),
            font=sized_font(QFont(painter.font()), 2.4 * per_mm),
            color=MUTED,
        )
        painter.restore()


def cut_lines_mm(rows: int = CARD_ROWS) -> tuple[list[float], list[float]]:
    """Where the cuts run: x of every card's left and right edge, y of every top and bottom
    edge (of the first ``rows`` rows)."""
    xs = [card_position_mm(c)[0] + d for c in range(CARD_COLUMNS) for d in (0, CARD_WIDTH_MM)]
    ys = [
        card_position_mm(r * CARD_COLUMNS)[1] + d for r in range(rows) for d in (0, CARD_HEIGHT_MM)
    ]
    return xs, ys


def _cut_marks(painter: QPainter, frame: MmFrame, *, rows: int) -> None:
    """Short lines in the margins, in line with every card edge of the rows in use."""
    xs, ys = cut_lines_mm(rows)
    painter.setPen(solid_pen(frame.per_mm, QColor(Qt.GlobalColor.black), width_mm=0.2))
    near, far = _MARK_GAP_MM, _MARK_GAP_MM + _MARK_MM
    for x in xs:
        painter.drawLine(frame.point(x, ys[0] - far), frame.point(x, ys[0] - near))
        painter.drawLine(frame.point(x, ys[-1] + near), frame.point(x, ys[-1] + far))
    for y in ys:
        painter.drawLine(frame.point(xs[0] - far, y), frame.point(xs[0] - near, y))
        painter.drawLine(frame.point(xs[-1] + near, y), frame.point(xs[-1] + far, y))
