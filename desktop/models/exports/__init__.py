"""Excel files out: the weekly report workbook and record exports (openpyxl, no Qt).

openpyxl is imported only by the writer modules, when an export runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

RECORD_KINDS = ("members", "ledger", "coupons", "checkins")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int  # data rows written (all sheets)
    sheets: tuple[str, ...]
    cancelled: bool = False


__all__ = ["RECORD_KINDS", "ExportResult"]
