"""Which backups to keep: 7 daily, 4 weekly, 12 monthly (grandfather-father-son).

Pure functions over (name, local time) pairs; nothing here touches files. The rule is the one
restic's ``forget --keep-daily/--keep-weekly/--keep-monthly`` uses: walking from the newest
backup back, the newest backup of each of the last *N days that have a backup* is kept (not of
the last N calendar days, so a shop closed for a fortnight still keeps a week of backups),
likewise for ISO weeks and calendar months. A backup kept by any rule is kept; the newest
backup is always kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12


@dataclass(frozen=True)
class RotationPlan:
    keep: tuple[str, ...]  # newest first
    remove: tuple[str, ...]  # newest first


def _day(at: dt.datetime) -> Hashable:
    return at.date()


def _week(at: dt.datetime) -> Hashable:
    iso = at.isocalendar()
    return (iso.year, iso.week)


def _month(at: dt.datetime) -> Hashable:
    return (at.year, at.month)


def _newest_per_bucket(
    ordered: Sequence[tuple[str, dt.datetime]],
    bucket: Callable[[dt.datetime], Hashable],
    count: int,
) -> set[str]:
    kept: set[str] = set()
    last: Hashable | None = None
    for name, at in ordered:
        if len(kept) >= count:
            break
        key = bucket(at)
        if key != last:
            kept.add(name)
            last = key
    return kept


def plan_rotation(
    backups: Sequence[tuple[str, dt.datetime]],
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> RotationPlan:
    """Split ``(name, local time)`` pairs into the ones to keep and the ones to delete."""
    ordered = sorted(backups, key=lambda item: (item[1], item[0]), reverse=True)
    if not ordered:
        return RotationPlan((), ())
    keep = {ordered[0][0]}
    keep |= _newest_per_bucket(ordered, _day, daily)
    keep |= _newest_per_bucket(ordered, _week, weekly)
    keep |= _newest_per_bucket(ordered, _month, monthly)
    return RotationPlan(
        keep=tuple(name for name, _ in ordered if name in keep),
        remove=tuple(name for name, _ in ordered if name not in keep),
    )
