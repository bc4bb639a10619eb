"""``merchant-desk report …`` and ``merchant-desk export …``: the owner's numbers as JSON and
the weekly report as an Excel workbook.

    merchant-desk report weekly --db PATH --from 2026-02-02 --to 2026-03-01 --json
    merchant-desk export weekly --db PATH --from 2026-02-02 --to 2026-03-01 --xlsx OUT.xlsx

``report weekly`` prints one JSON document: a list with one object per ISO week overlapping
the range (whole weeks, Monday to Sunday in the shop's time zone), oldest first, with the keys
of :data:`WEEK_KEYS`. Errors follow :mod:`desktop.cli` (a JSON object with ``ok: false``).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models.analytics import WeekFigures

WEEK_KEYS = (
    "week",
    "visits",
    "new_members",
    "active_members",
    "member_sales_fen",
    "member_sale_count",
    "avg_ticket_fen",
    "points_issued",
    "points_redeemed",
    "repeat_rate_30d",
)
MAX_WEEKS = 520


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _range_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="shop database file (default: the app's data folder)",
    )
    parser.add_argument("--from", dest="first", type=_day, required=True, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="last", type=_day, required=True, help="YYYY-MM-DD")


def register(subparsers: Any) -> None:
    """Add the ``report`` and ``export`` commands to the ``merchant-desk`` parser."""
    report = subparsers.add_parser("report", help="the owner's figures as JSON")
    reports = report.add_subparsers(dest="action", metavar="ACTION", required=True)
    weekly = reports.add_parser("weekly", help="figures per ISO week")
    _range_args(weekly)
    weekly.add_argument("--json", action="store_true", help="JSON output (the only format)")
    weekly.set_defaults(handler=run_report_weekly)

    export = subparsers.add_parser("export", help="reports as Excel workbooks")
    exports = export.add_subparsers(dest="action", metavar="ACTION", required=True)
    book = exports.add_parser("weekly", help="the weekly report workbook")
    _range_args(book)
    book.add_argument("--xlsx", type=Path, required=True, help="the .xlsx file to write")
    book.set_defaults(handler=run_export_weekly)


def _check_range(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    from desktop.cli import UsageError

    first, last = args.first, args.last
    if last < first:
        raise UsageError("merchant-desk: --to is before --from")
    if (last - first).days > MAX_WEEKS * 7:
        raise UsageError(f"merchant-desk: at most {MAX_WEEKS} weeks at a time")
    return first, last


def week_json(week: WeekFigures) -> dict[str, Any]:
    return {key: getattr(week, key) for key in WEEK_KEYS}


def run_report_weekly(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, _open_desk

    first, last = _check_range(args)
    db, desk = _open_desk(args)
    try:
        weeks = desk.weekly_figures(first, last)
    finally:
        db.close()
    return EXIT_OK, [week_json(w) for w in weeks]


def run_export_weekly(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, UsageError, _open_desk

    first, last = _check_range(args)
    target: Path = args.xlsx
    if target.suffix.lower() != ".xlsx":
        raise UsageError("merchant-desk: --xlsx must name a .xlsx file")
    db, desk = _open_desk(args)
    try:
        result = desk.export_weekly_report(target, first, last)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "path": str(result.path),
        "sheets": list(result.sheets),
        "rows": result.rows,
        "error": None,
    }
