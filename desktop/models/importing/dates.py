"""Dates and times as other systems write them: text in several forms, Excel date numbers
(1900 or 1904 system), and date cells. Pure functions; problems raise ``CellProblem``."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from desktop.models.importing.values import (
    MIN_DAY,
    Cell,
    CellProblem,
    cell_text,
    is_blank,
    to_halfwidth,
)

_YMD = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*(?:T|\s)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?)?"
    r"\s*(?:z|[+-]\d{2}:?\d{2})?",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\s*(\d{2})(\d{2})(\d{2})?)?")
_TIME = re.compile(
    r"(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?"
)
# Excel date numbers taken as dates: 1910-01-01 … 9999-12-31 (a small number in a date
# column is more likely a mistake than a day in 1900).
_SERIAL_MIN, _SERIAL_MAX = 3654, 2_958_465
_EXCEL_1900 = dt.datetime(1899, 12, 30)
_EXCEL_1904 = dt.datetime(1904, 1, 1)


def excel_serial(serial: float, *, epoch_1904: bool = False) -> dt.datetime:
    """An Excel date number → datetime (the 1900 system counts a 29 Feb 1900 that never
    was, so serials before 61 are shifted by a day)."""
    if not _SERIAL_MIN <= serial <= _SERIAL_MAX:
        raise CellProblem("unreadable_date")
    if epoch_1904:
        base = _EXCEL_1904
    else:
        base = _EXCEL_1900 if serial >= 61 else _EXCEL_1900 + dt.timedelta(days=1)
    whole = int(serial)
    seconds = round((Decimal(repr(float(serial))) - whole) * 86400)
    return base + dt.timedelta(days=whole, seconds=seconds)


def parse_datetime(value: Cell, *, epoch_1904: bool = False) -> tuple[dt.datetime, bool]:
    """A point in time as the file wrote it (the shop's wall clock) and whether it had a
    time of day. Accepts 2026-01-05, 2026/1/5, 2026年1月5日, 20260105, with an optional
    time (14:30, 14:30:15, 14时30分), Excel date numbers and date cells."""
    if type(value) is dt.datetime:
        if value.tzinfo is None and value.year >= MIN_DAY.year:
            return value, bool(value.hour or value.minute or value.second or value.microsecond)
    if is_blank(value):
        raise CellProblem("missing_value")
    if isinstance(value, bool) or isinstance(value, dt.time):
        raise CellProblem("unreadable_date")
    if isinstance(value, dt.datetime):
        result, timed = value.replace(tzinfo=None), value.time() != dt.time()
    elif isinstance(value, dt.date):
        result, timed = dt.datetime.combine(value, dt.time()), False
    elif isinstance(value, int | float | Decimal):
        result, timed = _number_date(value, epoch_1904=epoch_1904)
    else:
        result, timed = _text_date(str(value))
    if result.date() < MIN_DAY:
        raise CellProblem("unreadable_date")
    return result, timed


def _number_date(value: float | Decimal, *, epoch_1904: bool) -> tuple[dt.datetime, bool]:
    if isinstance(value, int) and 19000101 <= value <= 99991231:
        return _text_date(str(value))
    number = float(value)
    result = excel_serial(number, epoch_1904=epoch_1904)
    return result, not number.is_integer()


def _text_date(raw: str) -> tuple[dt.datetime, bool]:
    text = to_halfwidth(raw).strip()
    match = _YMD.fullmatch(text) or _COMPACT.fullmatch(text)
    if match is None:
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            number = float(text)
            return excel_serial(number), not number.is_integer()
        raise CellProblem("unreadable_date")
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        when = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise CellProblem("unreadable_date") from None
    return when, match.group(4) is not None


def parse_date(value: Cell, *, epoch_1904: bool = False) -> dt.date:
    return parse_datetime(value, epoch_1904=epoch_1904)[0].date()


def parse_time(value: Cell) -> dt.time | None:
    """A separate time-of-day column: 14:30, 14:30:15, a time cell, or a day fraction."""
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, float | Decimal) and 0 <= value < 1:
        seconds = round(Decimal(repr(float(value))) * 86400)
        return (dt.datetime.min + dt.timedelta(seconds=min(seconds, 86399))).time()
    match = _TIME.fullmatch(to_halfwidth(cell_text(value)).strip())
    if match is None:
        raise CellProblem("unreadable_time")
    hour, minute, second = (int(g) if g else 0 for g in match.groups())
    if hour > 23 or minute > 59 or second > 59:
        raise CellProblem("unreadable_time")
    return dt.time(hour, minute, second)
