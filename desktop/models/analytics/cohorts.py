"""Cohort retention: members enrolled in week W, and the share of them with a visit in week
W + k (DESIGN §10). Read from the rollups."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.analytics.weeks import as_date, week_label, weeks_between


@dataclass(frozen=True)
class Cohort:
    week: str  # enrolment week, "2026-W07"
    start: dt.date  # its Monday
    members: int  # enrolled that week
    active: tuple[int, ...]  # [k] = of them, members with a visit in week W + k
    retention: tuple[float | None, ...]  # [k] = active[k] / members (None: no members)


@dataclass(frozen=True)
class CohortTable:
    """Cohorts of the enrolment weeks in the period; each row runs to the period's last week,
    so later cohorts have shorter rows (a triangle)."""

    cohorts: tuple[Cohort, ...]
    max_weeks: int  # length of the longest row


_SIZES = text(
    "SELECT date(day, 'weekday 0', '-6 days') AS wk, SUM(new_members) FROM daily_rollup"
    " WHERE day BETWEEN :a AND :b GROUP BY wk"
)
_ACTIVE = text(
    "SELECT date(day, 'weekday 0', '-6 days') AS wk, cohort_week, SUM(actives)"
    " FROM daily_cohort WHERE day BETWEEN :a AND :b AND cohort_week BETWEEN :a AND :b"
    " GROUP BY wk, cohort_week"
)


def cohort_table(session: Session, first: dt.date, last: dt.date) -> CohortTable:
    """Cohorts enrolled in the ISO weeks overlapping ``first`` … ``last``."""
    mondays = weeks_between(first, last)
    if not mondays:
        return CohortTable((), 0)
    params = {
        "a": mondays[0].isoformat(),
        "b": (mondays[-1] + dt.timedelta(days=6)).isoformat(),
    }
    sizes = {as_date(r[0]): int(r[1]) for r in session.execute(_SIZES, params)}
    active: dict[tuple[dt.date, dt.date], int] = {
        (as_date(r[1]), as_date(r[0])): int(r[2]) for r in session.execute(_ACTIVE, params)
    }
    cohorts = []
    for i, monday in enumerate(mondays):
        size = sizes.get(monday, 0)
        counts = tuple(active.get((monday, later), 0) for later in mondays[i:])
        cohorts.append(
            Cohort(
                week=week_label(monday),
                start=monday,
                members=size,
                active=counts,
                retention=tuple(c / size if size else None for c in counts),
            )
        )
    return CohortTable(tuple(cohorts), len(mondays))
