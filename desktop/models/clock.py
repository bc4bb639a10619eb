"""Time in the shop: UTC for storage, the shop's calendar day for day rules and reports."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

DEFAULT_TZ = "Asia/Shanghai"


def parse_utc(text: object) -> dt.datetime | None:
    """A stored UTC time (ISO text, with or without a trailing Z) as naive UTC; None if absent
    or unreadable."""
    if not isinstance(text, str):
        return None
    try:
        return dt.datetime.fromisoformat(text.removesuffix("Z")).replace(tzinfo=None)
    except ValueError:
        return None


def utc_now() -> dt.datetime:
    """Now, in UTC, without tzinfo (the database stores naive UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@lru_cache(maxsize=8)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_day(at_utc: dt.datetime, tz: str = DEFAULT_TZ) -> dt.date:
    """The shop's calendar day of a naive-UTC instant."""
    return at_utc.replace(tzinfo=dt.UTC).astimezone(_zone(tz)).date()


def local_time(at_utc: dt.datetime, tz: str = DEFAULT_TZ) -> dt.datetime:
    """The shop's wall-clock time (naive) of a naive-UTC instant."""
    return at_utc.replace(tzinfo=dt.UTC).astimezone(_zone(tz)).replace(tzinfo=None)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")
