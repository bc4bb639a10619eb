"""ISO weeks (Monday to Sunday) of the shop's calendar, and shop days as UTC instants."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

MONDAY = 0


def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s ISO week."""
    return day - dt.timedelta(days=day.weekday())


def week_end(day: dt.date) -> dt.date:
    """The Sunday of ``day``'s ISO week."""
    return week_start(day) + dt.timedelta(days=6)


def week_label(day: dt.date) -> str:
    """ISO week name of ``day``: ``2026-W07`` (the ISO year, which can differ from the
    calendar year in the first and last days of January and December)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weeks_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Mondays of the ISO weeks that overlap ``first`` … ``last`` (inclusive), oldest first."""
    if last < first:
        return []
    monday = week_start(first)
    out = []
    while monday <= last:
        out.append(monday)
        monday += dt.timedelta(days=7)
    return out


def day_start_utc(day: dt.date, tz: str) -> dt.datetime:
    """The instant (naive UTC, as stored) the shop's ``day`` begins."""
    local = dt.datetime.combine(day, dt.time(0), tzinfo=ZoneInfo(tz))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def sql_time(at: dt.datetime) -> str:
    """A naive UTC time written as SQLAlchemy stores DateTime in SQLite (text compares)."""
    return at.strftime("%Y-%m-%d %H:%M:%S.%f")


def as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
