"""What an import says back: per-row problems with reason codes, the preview, the report.

Reason codes are stable machine words; the screen and the command line turn them into text.
Row numbers are the file's own (1 = the first line or spreadsheet row), so a person can find
the row in Excel. Columns are named by the file's header.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MEMBERS = "members"
SALES = "sales"
KINDS = (MEMBERS, SALES)

# Row problems (the row is not imported).
ROW_REASONS = (
    "missing_value",
    "bad_phone",
    "unreadable_date",
    "unreadable_time",
    "future_date",
    "unreadable_amount",
    "negative_amount",
    "zero_amount",
    "fractional_amount",
    "amount_too_large",
    "unreadable_points",
    "negative_points",
    "points_too_large",
    "unreadable_value",
    "name_too_long",
    "garbled_text",
    "formula_without_value",
    "cell_error",
    "duplicate_in_file",
    "unknown_member",
)
# Notices (the row is fine; nothing is wrong with the file).
ALREADY_IMPORTED = "already_imported"  # this row was imported before: skipped, not doubled
MATCHED_EXISTING = "matched_existing"  # a member with this phone exists: matched, not created
NOTICE_REASONS = (ALREADY_IMPORTED, MATCHED_EXISTING)
# Problems with the whole file or the run (nothing is imported).
FILE_REASONS = (
    "file_not_found",
    "unsupported_file",
    "corrupt_file",
    "encrypted_file",
    "xls_not_xlsx",
    "zip_bomb",
    "unreadable_encoding",
    "empty_sheet",
    "header_only",
    "missing_column",
    "unknown_column",
    "unknown_field",
    "cancelled",
    "concurrent_change",
)
MAX_LISTED = 1000  # problems listed in a report; the counts cover all of them


class ImportFailed(Exception):
    """The file as a whole cannot be imported (``code`` from ``FILE_REASONS``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str  # the header of the column at fault ("" for the row as a whole)
    reason: str
    value: str  # what the cell held, as text (phones masked)


@dataclass(frozen=True)
class FileProblem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PreviewRow:
    """One data row as it will be read: ``cells`` follows ``ImportPreview.fields``."""

    row: int
    cells: tuple[str, ...]
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class ImportPreview:
    kind: str
    file_name: str
    headers: tuple[str, ...]
    mapping: dict[str, str]  # field → header (guessed or given)
    fields: tuple[str, ...]  # every field of this kind, in display order
    required: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    estimated_rows: int | None  # data rows in the file, when known without reading it all
    encoding: str | None  # CSV only
    failure: FileProblem | None = None


@dataclass(frozen=True)
class ImportReport:
    ok: bool
    kind: str
    file_name: str
    file_sha256: str
    mode: str  # "stop" | "skip_bad"
    rows: int  # data rows read
    imported: int  # members created / sales recorded
    matched: int  # members rows matched to an existing member by phone
    already_imported: int
    skipped: int  # rows not written: bad rows and rows imported before
    error_count: int
    errors: tuple[RowProblem, ...]  # the first MAX_LISTED row problems
    notices: tuple[RowProblem, ...]  # the first MAX_LISTED notices (matched, already imported)
    opening_points: int = 0
    mapping: dict[str, str] = field(default_factory=dict)  # field → header used
    batch_id: int | None = None
    failure: FileProblem | None = None
    cancelled: bool = False
    started_at: dt.datetime | None = None
    seconds: float = 0.0


REPORT_COLUMNS = ("row", "column", "reason", "value")


def write_report_csv(
    report: ImportReport,
    path: Path,
    *,
    headers: Sequence[str] = REPORT_COLUMNS,
    describe: Callable[[str], str] | None = None,
) -> None:
    """The report's rows (errors, then notices) as a CSV Excel opens (UTF-8 with BOM).
    ``describe`` adds a column explaining each reason code (in the reader's language)."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(headers)
        if report.failure is not None:
            out.writerow(_line("", "", report.failure.code, "", describe))
        for p in (*report.errors, *report.notices):
            out.writerow(_line(p.row, _inert(p.column), p.reason, _inert(p.value), describe))


def _line(
    row: int | str, column: str, reason: str, value: str, describe: Callable[[str], str] | None
) -> tuple[object, ...]:
    if describe is None:
        return (row, column, reason, value)
    return (row, column, reason, value, describe(reason))


def _inert(text: str) -> str:
    """Text from someone else's file, made safe to open in a spreadsheet (no formulas)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def problem_json(problem: RowProblem) -> dict[str, Any]:
    return {
        "row": problem.row,
        "column": problem.column,
        "reason": problem.reason,
        "value": problem.value,
    }
