"""Small helpers shared by the workbook writers: money cells, formats, column widths.

Money is integer fen everywhere else; a cell shows yuan: the value written is the exact
``Decimal`` fen / 100 with the number format ``¥#,##0.00`` (Excel sums it as a number).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

YUAN_FORMAT = "¥#,##0.00"
COUNT_FORMAT = "#,##0"
RATE_FORMAT = "0.0%"
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
HEADER_FILL = "DDE7F3"


def yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(int(fen)) / 100


def width_for(values: list[Any], *, minimum: int = 8, maximum: int = 40) -> float:
    """A column width that fits the longest text (CJK characters count double)."""
    longest = 0
    for value in values:
        text = "" if value is None else str(value)
        longest = max(longest, sum(2 if ord(ch) > 0x2E80 else 1 for ch in text))
    return float(min(maximum, max(minimum, longest + 2)))
