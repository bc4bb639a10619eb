"""Keeping the analytics rollups up to date, cheaply and without blocking the counter.

A refresh has two halves. :func:`plan_refresh` runs on a *read* session (a snapshot; the
counter keeps writing meanwhile): it finds the earliest shop day any change since the last
refresh touches and computes every rollup row from that day on with SQL aggregates.
:func:`apply_refresh` then writes those rows in one short write transaction. What changed is
found without slowing the counter's writes:

* sales, check-ins, refunds and ledger entries have growing integer ids: rows above the
  stored ``*_mark`` are new, and the smallest ``local_day`` among them (a rowid range scan)
  is where recomputing starts;
* members and coupons have random ids and change in place: triggers (migration 0004) lower
  ``member_dirty_from`` / ``coupon_dirty_from`` and bump a version number.

Days at or after the earliest changed day are recomputed; ledger figures are plain sums, so
new entries are simply added to their days. A change the snapshot did not see has a larger
id (or a newer trigger version) and is picked up by the next refresh.

Definitions (DESIGN §10) as computed here, per shop day ``d``:

* a *visit* is a distinct (member, day) with a sale or a check-in; ``visits_new`` are those
  by members enrolled in the ISO week of ``d``;
* ``daily_cohort.actives`` counts members whose first visit of ``d``'s ISO week is ``d``, by
  enrolment week, so a week's active members (and a cohort's retention) are sums of days;
* a *purchase day* is a (member, day) with a member sale that was not refunded; member sales
  and their count leave refunded sales out; amounts are the bill before any discount;
* ``repeat_delta`` holds, for the purchase days of ``d``, the steps of the trailing 30- and
  90-day counts of buyers (>= 1 purchase day) and repeat buyers (>= 2) — see :mod:`.repeat`;
* points issued are positive ledger entries other than reversals, redeemed and expired are the
  redeem and expire entries, ``points_net`` is every entry (its running sum is the liability).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.analytics.weeks import as_date, day_start_utc, sql_time

FIRST_DAY = dt.date(1900, 1, 1)
NEVER = dt.date(9999, 12, 31)
# Recomputing more days than this reads the whole history in one ordered pass instead of
# following the changed members (which is faster for a few recent days).
BULK_AFTER_DAYS = 45
WINDOWS = (30, 90)

Row = tuple[Any, ...]


@dataclass(frozen=True)
class RollupMarks:
    sale: int
    checkin: int
    refund: int
    points: int


@dataclass(frozen=True)
class RefreshPlan:
    """Everything a refresh writes; computed on a read snapshot."""

    today: dt.date
    started_from: RollupMarks | None  # the state the plan was made against (None: never built)
    marks: RollupMarks
    member_version: int
    coupon_version: int
    full: bool
    from_day: dt.date | None  # recompute days >= this (None: no day facts changed)
    coupons_from: dt.date | None
    purchases_from: dt.date | None  # earliest purchase day that changed (RFM staleness)
    day_rows: list[Row] = field(default_factory=list)
    cohort_rows: list[Row] = field(default_factory=list)
    repeat_rows: list[Row] = field(default_factory=list)
    points_rows: list[Row] = field(default_factory=list)
    coupon_rows: list[Row] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return (
            self.full
            or self.from_day is not None
            or self.coupons_from is not None
            or bool(self.points_rows)
            or self.started_from != self.marks
        )


@dataclass(frozen=True)
class RefreshResult:
    changed: bool
    full: bool
    from_day: dt.date | None
    coupons_from: dt.date | None
    points_entries_days: int


# -- reading the state -----------------------------------------------------------------------

_STATE_SQL = text(
    "SELECT built_through, sale_mark, checkin_mark, refund_mark, points_mark,"
    " member_dirty_from, member_version, coupon_dirty_from, coupon_version"
    " FROM rollup_state WHERE id = 1"
)
_MAX_IDS_SQL = text(
    "SELECT (SELECT coalesce(max(id), 0) FROM sale), (SELECT coalesce(max(id), 0) FROM checkin),"
    " (SELECT coalesce(max(id), 0) FROM refund), (SELECT coalesce(max(id), 0) FROM points_entry)"
)
_NEW_SALE_DAY = text("SELECT min(local_day) FROM sale WHERE id > :old AND id <= :new")
_NEW_CHECKIN_DAY = text("SELECT min(local_day) FROM checkin WHERE id > :old AND id <= :new")
_NEW_REFUND_DAY = text(
    "SELECT min(s.local_day) FROM refund r JOIN sale s ON s.id = r.sale_id"
    " WHERE r.id > :old AND r.id <= :new"
)


def _min_day(*days: dt.date | str | None) -> dt.date | None:
    found = [as_date(d) for d in days if d is not None]
    return min(found) if found else None


def current_marks(session: Session) -> RollupMarks:
    row = session.execute(_MAX_IDS_SQL).one()
    return RollupMarks(int(row[0]), int(row[1]), int(row[2]), int(row[3]))


def changed_purchase_day(session: Session, *, sale_mark: int, refund_mark: int) -> dt.date | None:
    """The earliest shop day of a sale or refund with an id above the marks."""
    marks = current_marks(session)
    return _min_day(
        session.execute(_NEW_SALE_DAY, {"old": sale_mark, "new": marks.sale}).scalar(),
        session.execute(_NEW_REFUND_DAY, {"old": refund_mark, "new": marks.refund}).scalar(),
    )


# -- day facts -------------------------------------------------------------------------------

_SALES_SQL = """
SELECT s.local_day,
       SUM(CASE WHEN s.member_id IS NOT NULL THEN s.amount_fen ELSE 0 END),
       SUM(CASE WHEN s.member_id IS NOT NULL THEN 1 ELSE 0 END),
       SUM(s.amount_fen), count(*)
FROM sale s {hint}
WHERE s.local_day >= :d AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)
GROUP BY s.local_day
"""
_MEMBERS_SQL = text(
    "SELECT enrolled_day, count(*) FROM member WHERE enrolled_day >= :d GROUP BY enrolled_day"
)
_MONDAY = "date({0}, 'weekday 0', '-6 days')"

# Visit records (member, day) from the Monday of the first changed day on; LAG finds the
# previous visit (a visit earlier that week means this one is not the week's first).
_VISITS_BULK = """
vis AS (
  SELECT member_id, local_day AS d FROM sale WHERE member_id IS NOT NULL AND local_day >= :w
  UNION SELECT member_id, local_day FROM checkin WHERE local_day >= :w
  ORDER BY 1, 2)
"""
_VISITS_FEW = """
mem AS (
  SELECT member_id FROM sale INDEXED BY ix_sale_day WHERE local_day >= :d AND member_id IS NOT NULL
  UNION SELECT member_id FROM checkin WHERE local_day >= :d),
vis AS (
  SELECT s.member_id, s.local_day AS d FROM mem JOIN sale s
    ON s.member_id = mem.member_id AND s.local_day >= :w
  UNION SELECT c.member_id, c.local_day FROM mem JOIN checkin c
    ON c.member_id = mem.member_id AND c.local_day >= :w)
"""
_VISITS_TAIL = f"""
w AS (SELECT member_id, d, LAG(d) OVER (PARTITION BY member_id ORDER BY d) AS p FROM vis)
SELECT w.d, {_MONDAY.format("m.enrolled_day")} AS cw, count(*),
       SUM(w.p IS NULL OR w.p < {_MONDAY.format("w.d")})
FROM w JOIN member m ON m.id = w.member_id
WHERE w.d >= :d
GROUP BY 1, 2
"""

# Purchase days (refunded sales left out) with the gaps to the member's previous two. Gaps of
# 90 days or more act like "none" for windows of at most 90 days, so reading from 90 days
# before the first changed day is enough, and gaps are capped at 90.
_PURCHASES_BULK = """
pd AS (
  SELECT member_id, local_day AS d FROM sale s
  WHERE member_id IS NOT NULL AND local_day >= :d90
    AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)
  GROUP BY member_id, local_day)
"""
_PURCHASES_FEW = """
mem AS (
  SELECT DISTINCT member_id FROM sale INDEXED BY ix_sale_day
  WHERE local_day >= :d AND member_id IS NOT NULL),
pd AS (
  SELECT s.member_id, s.local_day AS d FROM mem JOIN sale s
    ON s.member_id = mem.member_id AND s.local_day >= :d90
  WHERE NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)
  GROUP BY s.member_id, s.local_day)
"""


def _steps_sql() -> str:
    """Each purchase day of a member, with gaps g1 and g2 (days since the previous one and
    the one before, capped at 90), is in the L-day window ending on E when E - d < L; it is
    the member's first purchase day in that window when the previous one is outside it, and
    the second when the one before that is outside. Those are ranges of E, written as a +n
    step where the range starts and a -n step the day after it ends."""
    parts = ["SELECT NULL AS d, 0 AS ahead, 0 AS b30, 0 AS r30, 0 AS b90, 0 AS r90 WHERE 0"]
    for n, window in enumerate(WINDOWS):
        b = ["0"] * 4
        r = ["0"] * 4
        b[2 * n] = "{sign}n"
        r[2 * n + 1] = "{sign}n"
        buy = ", ".join(b)
        rep = ", ".join(r)
        parts += [
            f"SELECT d, max(0, {window} - g1) AS ahead, {buy.format(sign='')} FROM g",
            f"SELECT d, {window}, {buy.format(sign='-')} FROM g",
            f"SELECT d, max(0, {window} - g2), {rep.format(sign='')} FROM g WHERE g1 < {window}",
            f"SELECT d, {window} - g1, {rep.format(sign='-')} FROM g WHERE g1 < {window}",
        ]
    return "\n  UNION ALL ".join(parts)


_REPEAT_TAIL = f"""
w AS (
  SELECT d, julianday(d) AS j,
         julianday(LAG(d, 1) OVER win) AS j1, julianday(LAG(d, 2) OVER win) AS j2
  FROM pd WINDOW win AS (PARTITION BY member_id ORDER BY d)),
g AS MATERIALIZED (
  SELECT d,
         CASE WHEN j1 IS NULL OR j - j1 >= 90 THEN 90 ELSE CAST(j - j1 AS INTEGER) END AS g1,
         CASE WHEN j2 IS NULL OR j - j2 >= 90 THEN 90 ELSE CAST(j - j2 AS INTEGER) END AS g2,
         count(*) AS n
  FROM w WHERE d >= :d GROUP BY 1, 2, 3)
SELECT d, ahead, SUM(b30), SUM(r30), SUM(b90), SUM(r90) FROM (
  {_steps_sql()}
)
GROUP BY d, ahead
HAVING SUM(b30) <> 0 OR SUM(r30) <> 0 OR SUM(b90) <> 0 OR SUM(r90) <> 0
"""

_POINTS_SQL = text(
    "SELECT local_day,"
    " SUM(CASE WHEN points > 0 AND kind <> 'reversal' THEN points ELSE 0 END),"
    " SUM(CASE WHEN kind = 'redeem' THEN -points ELSE 0 END),"
    " SUM(CASE WHEN kind = 'expire' THEN -points ELSE 0 END),"
    " SUM(points)"
    " FROM points_entry WHERE id > :old AND id <= :new GROUP BY local_day"
)


def _days_values(first: dt.date, last: dt.date, tz: str) -> str:
    """``VALUES ('2026-03-02', lo, hi), …``: each shop day with its UTC bounds (literal text
    the code generates, so no bind-parameter limit applies)."""
    rows = []
    day = first
    start = day_start_utc(day, tz)
    while day <= last:
        nxt = day + dt.timedelta(days=1)
        end = day_start_utc(nxt, tz)
        rows.append(f"('{day.isoformat()}', '{sql_time(start)}', '{sql_time(end)}')")
        day, start = nxt, end
    return "VALUES " + ", ".join(rows)


def _coupon_rows(session: Session, *, first: dt.date, today: dt.date, tz: str) -> list[Row]:
    oldest = session.execute(text("SELECT min(issued_at) FROM coupon")).scalar()
    if oldest is None:
        return []
    oldest_at = oldest if isinstance(oldest, dt.datetime) else dt.datetime.fromisoformat(oldest)
    first = max(first, oldest_at.date() - dt.timedelta(days=1))
    last = today + dt.timedelta(days=2)  # a clock a little ahead still lands in a row
    if first > last:
        return []
    days = _days_values(first, last, tz)
    issued = session.execute(
        text(
            f"WITH days(day, lo, hi) AS ({days})"
            " SELECT days.day, c.campaign_id, SUM(c.state <> 'void'), SUM(c.state = 'void'),"
            " SUM(c.state = 'redeemed')"
            " FROM days JOIN coupon c ON c.issued_at >= days.lo AND c.issued_at < days.hi"
            " GROUP BY 1, 2"
        )
    ).all()
    redeemed = session.execute(
        text(
            f"WITH days(day, lo, hi) AS ({days})"
            " SELECT days.day, c.campaign_id, count(*)"
            " FROM days JOIN coupon c ON c.redeemed_at >= days.lo AND c.redeemed_at < days.hi"
            " WHERE c.state = 'redeemed' GROUP BY 1, 2"
        )
    ).all()
    rows: dict[tuple[str, int], list[int]] = {}
    for day, campaign, n_issued, n_void, n_redeemed in issued:
        rows[(day, campaign)] = [int(n_issued), int(n_void), int(n_redeemed), 0]
    for day, campaign, n in redeemed:
        rows.setdefault((day, campaign), [0, 0, 0, 0])[3] = int(n)
    return [(day, campaign, *counts) for (day, campaign), counts in sorted(rows.items())]


def _day_rows(session: Session, *, start: dt.date, bulk: bool) -> tuple[list[Row], list[Row]]:
    """(daily rows, cohort rows) for the days from ``start`` on."""
    d = start.isoformat()
    monday = (start - dt.timedelta(days=start.weekday())).isoformat()
    params = {"d": d, "w": monday}
    days: dict[str, list[int]] = {}

    def row(day: str) -> list[int]:
        # new_members, visits, visits_new, member_sales_fen, member_sale_count, sales, count
        return days.setdefault(day, [0] * 7)

    hint = "NOT INDEXED" if bulk else ""
    for day, m_fen, m_count, fen, count in session.execute(
        text(_SALES_SQL.format(hint=hint)), params
    ):
        row(day)[3:7] = [int(m_fen), int(m_count), int(fen), int(count)]
    for day, count in session.execute(_MEMBERS_SQL, params):
        row(day)[0] = int(count)
    visits_sql = "WITH " + (_VISITS_BULK if bulk else _VISITS_FEW) + "," + _VISITS_TAIL
    cohorts: list[Row] = []
    for day, cohort, visits, actives in session.execute(text(visits_sql), params):
        cohorts.append((day, cohort, int(visits), int(actives)))
        r = row(day)
        r[1] += int(visits)
        if cohort == (as_date(day) - dt.timedelta(days=as_date(day).weekday())).isoformat():
            r[2] += int(visits)
    return [(day, *values) for day, values in sorted(days.items())], cohorts


def _repeat_rows(session: Session, *, start: dt.date, bulk: bool) -> list[Row]:
    sql = "WITH " + (_PURCHASES_BULK if bulk else _PURCHASES_FEW) + "," + _REPEAT_TAIL
    params = {"d": start.isoformat(), "d90": (start - dt.timedelta(days=90)).isoformat()}
    return [tuple(r) for r in session.execute(text(sql), params)]


# -- planning and applying -------------------------------------------------------------------


def plan_refresh(session: Session, *, today: dt.date, tz: str) -> RefreshPlan:
    """Compute what has to change (read session). Cheap when nothing has."""
    state = session.execute(_STATE_SQL).one()
    marks = current_marks(session)
    full = state.built_through is None
    started = (
        None
        if full
        else RollupMarks(
            int(state.sale_mark),
            int(state.checkin_mark),
            int(state.refund_mark),
            int(state.points_mark),
        )
    )
    if started is None:
        from_day: dt.date | None = FIRST_DAY
        coupons_from: dt.date | None = FIRST_DAY
        purchases_from: dt.date | None = FIRST_DAY
        points_from = 0
    else:
        sale_day = session.execute(_NEW_SALE_DAY, {"old": started.sale, "new": marks.sale}).scalar()
        refund_day = session.execute(
            _NEW_REFUND_DAY, {"old": started.refund, "new": marks.refund}
        ).scalar()
        checkin_day = session.execute(
            _NEW_CHECKIN_DAY, {"old": started.checkin, "new": marks.checkin}
        ).scalar()
        purchases_from = _min_day(sale_day, refund_day)
        from_day = _min_day(purchases_from, checkin_day, state.member_dirty_from)
        coupons_from = _min_day(state.coupon_dirty_from)
        points_from = started.points
    if from_day is not None and from_day >= NEVER:
        from_day = None
    if coupons_from is not None and coupons_from >= NEVER:
        coupons_from = None
    plan_kw: dict[str, Any] = {}
    if from_day is not None:
        bulk = full or (today - from_day).days > BULK_AFTER_DAYS
        plan_kw["day_rows"], plan_kw["cohort_rows"] = _day_rows(session, start=from_day, bulk=bulk)
        plan_kw["repeat_rows"] = _repeat_rows(session, start=from_day, bulk=bulk)
    if coupons_from is not None:
        plan_kw["coupon_rows"] = _coupon_rows(session, first=coupons_from, today=today, tz=tz)
    if marks.points > points_from:
        plan_kw["points_rows"] = [
            tuple(r)
            for r in session.execute(_POINTS_SQL, {"old": points_from, "new": marks.points})
        ]
    return RefreshPlan(
        today=today,
        started_from=started,
        marks=marks,
        member_version=int(state.member_version),
        coupon_version=int(state.coupon_version),
        full=full,
        from_day=from_day,
        coupons_from=coupons_from,
        purchases_from=purchases_from,
        **plan_kw,
    )


_DAY_COLUMNS = (
    "new_members",
    "visits",
    "visits_new",
    "member_sales_fen",
    "member_sale_count",
    "sales_fen",
    "sale_count",
)
_POINT_COLUMNS = ("points_issued", "points_redeemed", "points_expired", "points_net")
_ALL_COLUMNS = _DAY_COLUMNS + _POINT_COLUMNS


def _insert_days(session: Session, columns: tuple[str, ...], rows: list[Row], *, add: bool) -> None:
    if not rows:
        return
    names = ", ".join(("day",) + _ALL_COLUMNS)
    values = ", ".join(f":{c}" for c in ("day",) + _ALL_COLUMNS)
    sets = ", ".join(f"{c} = {c} + excluded.{c}" if add else f"{c} = excluded.{c}" for c in columns)
    stmt = text(
        f"INSERT INTO daily_rollup ({names}) VALUES ({values})"
        f" ON CONFLICT (day) DO UPDATE SET {sets}"
    )
    zero = dict.fromkeys(_ALL_COLUMNS, 0)
    session.execute(
        stmt, [{**zero, "day": r[0], **dict(zip(columns, r[1:], strict=True))} for r in rows]
    )


def apply_refresh(session: Session, plan: RefreshPlan, *, now: dt.datetime) -> bool:
    """Write a plan (write session). False, writing nothing, if another refresh got there
    first (the caller plans again)."""
    state = session.execute(_STATE_SQL).one()
    seen = (
        None
        if state.built_through is None
        else RollupMarks(
            int(state.sale_mark),
            int(state.checkin_mark),
            int(state.refund_mark),
            int(state.points_mark),
        )
    )
    if seen != plan.started_from:
        return False
    if plan.full:
        for table in ("daily_rollup", "daily_cohort", "repeat_delta", "coupon_daily"):
            session.execute(text(f"DELETE FROM {table}"))
    if plan.from_day is not None:
        d = {"d": plan.from_day.isoformat()}
        zeros = ", ".join(f"{c} = 0" for c in _DAY_COLUMNS)
        session.execute(text(f"UPDATE daily_rollup SET {zeros} WHERE day >= :d"), d)
        session.execute(text("DELETE FROM daily_cohort WHERE day >= :d"), d)
        session.execute(text("DELETE FROM repeat_delta WHERE day >= :d"), d)
        _insert_days(session, _DAY_COLUMNS, plan.day_rows, add=False)
        if plan.cohort_rows:
            session.execute(
                text(
                    "INSERT INTO daily_cohort (day, cohort_week, visits, actives)"
                    " VALUES (:a, :b, :c, :e)"
                ),
                [dict(zip("abce", r, strict=True)) for r in plan.cohort_rows],
            )
        if plan.repeat_rows:
            session.execute(
                text(
                    "INSERT INTO repeat_delta (day, ahead, b30, r30, b90, r90)"
                    " VALUES (:a, :b, :c, :e, :f, :g)"
                ),
                [dict(zip("abcefg", r, strict=True)) for r in plan.repeat_rows],
            )
    _insert_days(session, _POINT_COLUMNS, plan.points_rows, add=True)
    if plan.coupons_from is not None:
        session.execute(
            text("DELETE FROM coupon_daily WHERE day >= :d"), {"d": plan.coupons_from.isoformat()}
        )
        if plan.coupon_rows:
            session.execute(
                text(
                    "INSERT INTO coupon_daily"
                    " (day, campaign_id, issued, voided, issued_redeemed, redeemed)"
                    " VALUES (:a, :b, :c, :e, :f, :g)"
                ),
                [dict(zip("abcefg", r, strict=True)) for r in plan.coupon_rows],
            )
    session.execute(
        text(
            "UPDATE rollup_state SET built_through = :today, sale_mark = :s, checkin_mark = :c,"
            " refund_mark = :r, points_mark = :p, refreshed_at = :now WHERE id = 1"
        ),
        {
            "today": plan.today.isoformat(),
            "s": plan.marks.sale,
            "c": plan.marks.checkin,
            "r": plan.marks.refund,
            "p": plan.marks.points,
            "now": sql_time(now),
        },
    )
    # A trigger that fired after the snapshot bumped the version: keep its day for next time.
    session.execute(
        text("UPDATE rollup_state SET member_dirty_from = NULL WHERE member_version = :v"),
        {"v": plan.member_version},
    )
    session.execute(
        text("UPDATE rollup_state SET coupon_dirty_from = NULL WHERE coupon_version = :v"),
        {"v": plan.coupon_version},
    )
    return True


def result_of(plan: RefreshPlan) -> RefreshResult:
    return RefreshResult(
        changed=plan.changed,
        full=plan.full,
        from_day=plan.from_day,
        coupons_from=plan.coupons_from,
        points_entries_days=len(plan.points_rows),
    )
