"""RFM: recency, frequency and monetary value over the trailing 365 days, scored 1–5 by
quintile, and named segments (DESIGN §10).

Who is scored: members with at least one purchase day (a member sale not refunded) in the
365 days ending on ``as_of``. For each: recency = days from the last purchase day to
``as_of``; frequency = purchase days; monetary = member sales in fen (bill before discounts).

Scores: a member's score for a measure is ``1 + floor(5 × (rank − 1) / n)``, where ``n`` is
the number of members scored and ``rank`` is one more than the number of members with a
strictly worse value (longer recency, fewer days, less money). So scores follow the quintiles
of the members' positions, and members with equal values always share a score (the lower).

Segments, first match wins:

==================  ============================================
champions           R >= 4, F >= 4, M >= 4
loyal               F >= 4, R >= 3
new                 R >= 4, F = 1
potential           R >= 4 (so F is 2 or 3)
at_risk             R <= 2, F >= 3
hibernating         R <= 2 (F <= 2)
need_attention      the rest (R = 3, F <= 3)
==================  ============================================

The dashboard shows a summary stored once a day (as of yesterday, the last complete day);
the members of a segment are computed when asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.analytics.rollup import changed_purchase_day
from desktop.models.analytics.weeks import as_date

WINDOW_DAYS = 365
SEGMENTS = (
    "champions",
    "loyal",
    "potential",
    "new",
    "need_attention",
    "at_risk",
    "hibernating",
)


@dataclass(frozen=True)
class SegmentRow:
    segment: str
    members: int
    monetary_fen: int
    member_share: float | None  # of the scored members
    sales_share: float | None  # of the scored members' 365-day sales


@dataclass(frozen=True)
class RfmSummary:
    as_of: dt.date  # the last day of the 365-day window
    members: int  # scored (bought at least once in the window)
    monetary_fen: int
    segments: tuple[SegmentRow, ...]  # in SEGMENTS order, empty segments included


@dataclass(frozen=True)
class SegmentMembers:
    """An RFM segment's members, to hand to coupon issuing."""

    segment: str
    as_of: dt.date
    member_ids: tuple[int, ...]


_SEGMENT_CASE = """
CASE
  WHEN r >= 4 AND f >= 4 AND m >= 4 THEN 'champions'
  WHEN f >= 4 AND r >= 3 THEN 'loyal'
  WHEN r >= 4 AND f = 1 THEN 'new'
  WHEN r >= 4 THEN 'potential'
  WHEN r <= 2 AND f >= 3 THEN 'at_risk'
  WHEN r <= 2 THEN 'hibernating'
  ELSE 'need_attention'
END"""

# Sales of the window are read in id order from the first sale of its first day (sales are
# written in time order, so that is a sequential read rather than a lookup per row). The CTE
# names carry an ``rfm_`` prefix so a query can add them to its own (see ``segment_ctes``).
_CTES = (
    """rfm_p AS (
  SELECT member_id, local_day, SUM(amount_fen) AS fen FROM sale s
  WHERE s.id >= :rfm_first_id AND s.local_day BETWEEN :rfm_a AND :rfm_b
    AND s.member_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)
  GROUP BY member_id, local_day)""",
    """rfm_m AS (
  SELECT member_id, CAST(julianday(:rfm_b) - julianday(max(local_day)) AS INTEGER) AS rec,
         count(*) AS freq, SUM(fen) AS mon
  FROM rfm_p GROUP BY member_id)""",
    """rfm_sc AS (
  SELECT member_id, rec, freq, mon,
    1 + (5 * (RANK() OVER (ORDER BY rec DESC) - 1)) / count(*) OVER () AS r,
    1 + (5 * (RANK() OVER (ORDER BY freq) - 1)) / count(*) OVER () AS f,
    1 + (5 * (RANK() OVER (ORDER BY mon) - 1)) / count(*) OVER () AS m
  FROM rfm_m)""",
    f"""rfm_seg AS (
  SELECT member_id, rec, freq, mon, r, f, m, {_SEGMENT_CASE} AS segment FROM rfm_sc)""",
)
_SCORES = "WITH " + ",\n".join(_CTES) + "\n"
_FIRST_ID = text("SELECT min(id) FROM sale WHERE local_day >= :a")


def _params(session: Session, as_of: dt.date) -> dict[str, object]:
    a = as_of - dt.timedelta(days=WINDOW_DAYS - 1)
    first_id = session.execute(_FIRST_ID, {"a": a.isoformat()}).scalar()
    return {"rfm_a": a.isoformat(), "rfm_b": as_of.isoformat(), "rfm_first_id": first_id or 0}


def segment_ctes(session: Session, as_of: dt.date) -> tuple[list[str], dict[str, object]]:
    """Common table expressions (without ``WITH``) ending in ``rfm_seg(member_id, …,
    segment)``: every buyer of the 365 days ending ``as_of`` with their segment, and the
    bind parameters they need (all named ``rfm_…``). For a query that filters by segment."""
    return list(_CTES), _params(session, as_of)


def compute_rfm(session: Session, as_of: dt.date) -> RfmSummary:
    """Score every buyer of the 365 days ending ``as_of`` and count the segments."""
    rows = session.execute(
        text(_SCORES + "SELECT segment, count(*), SUM(mon) FROM rfm_seg GROUP BY segment"),
        _params(session, as_of),
    ).all()
    found = {str(r[0]): (int(r[1]), int(r[2])) for r in rows}
    return _summary(as_of, found)


def _summary(as_of: dt.date, found: dict[str, tuple[int, int]]) -> RfmSummary:
    members = sum(n for n, _ in found.values())
    money = sum(f for _, f in found.values())
    return RfmSummary(
        as_of=as_of,
        members=members,
        monetary_fen=money,
        segments=tuple(
            SegmentRow(
                name,
                found.get(name, (0, 0))[0],
                found.get(name, (0, 0))[1],
                found.get(name, (0, 0))[0] / members if members else None,
                found.get(name, (0, 0))[1] / money if money else None,
            )
            for name in SEGMENTS
        ),
    )


@dataclass(frozen=True)
class MemberScore:
    member_id: int
    recency_days: int
    frequency: int
    monetary_fen: int
    r: int
    f: int
    m: int
    segment: str


def member_scores(session: Session, as_of: dt.date, member_ids: list[int]) -> list[MemberScore]:
    """Scores of some members (for a member's page or a test); all buyers are ranked."""
    if not member_ids:
        return []
    wanted = ", ".join(str(int(m)) for m in member_ids)
    rows = session.execute(
        text(
            _SCORES + "SELECT member_id, rec, freq, mon, r, f, m, segment FROM rfm_seg"
            f" WHERE member_id IN ({wanted}) ORDER BY member_id"
        ),
        _params(session, as_of),
    ).all()
    return [
        MemberScore(
            member_id=int(r[0]),
            recency_days=int(r[1]),
            frequency=int(r[2]),
            monetary_fen=int(r[3]),
            r=int(r[4]),
            f=int(r[5]),
            m=int(r[6]),
            segment=str(r[7]),
        )
        for r in rows
    ]


def segment_member_ids(session: Session, as_of: dt.date, segment: str) -> list[int]:
    """The members of one segment, as of ``as_of`` (computed now; seconds on a big shop)."""
    if segment not in SEGMENTS:
        raise ValueError(f"unknown RFM segment: {segment}")
    rows = session.execute(
        text(_SCORES + "SELECT member_id FROM rfm_seg WHERE segment = :segment ORDER BY member_id"),
        {**_params(session, as_of), "segment": segment},
    ).all()
    return [int(r[0]) for r in rows]


# -- the stored daily summary -----------------------------------------------------------------


def stored_summary(session: Session) -> RfmSummary | None:
    as_of = session.execute(text("SELECT rfm_as_of FROM rollup_state WHERE id = 1")).scalar()
    if as_of is None:
        return None
    rows = session.execute(text("SELECT segment, members, monetary_fen FROM rfm_segment")).all()
    return _summary(as_of_date(as_of), {str(r[0]): (int(r[1]), int(r[2])) for r in rows})


def as_of_date(value: dt.date | str) -> dt.date:
    return as_date(value)


def summary_is_fresh(session: Session, as_of: dt.date) -> bool:
    """True if the stored summary is as of ``as_of`` and no sale or refund written since it
    was made touches a day up to ``as_of``."""
    row = session.execute(
        text("SELECT rfm_as_of, rfm_sale_mark, rfm_refund_mark FROM rollup_state WHERE id = 1")
    ).one()
    if row[0] is None or as_date(row[0]) != as_of:
        return False
    changed = changed_purchase_day(session, sale_mark=int(row[1]), refund_mark=int(row[2]))
    return changed is None or changed > as_of


@dataclass(frozen=True)
class RfmPlan:
    summary: RfmSummary
    sale_mark: int
    refund_mark: int


def plan_rfm(session: Session, as_of: dt.date) -> RfmPlan:
    """Compute the summary on a read snapshot, with the ids it has seen."""
    marks = session.execute(
        text(
            "SELECT (SELECT coalesce(max(id), 0) FROM sale),"
            " (SELECT coalesce(max(id), 0) FROM refund)"
        )
    ).one()
    return RfmPlan(compute_rfm(session, as_of), int(marks[0]), int(marks[1]))


def apply_rfm(session: Session, plan: RfmPlan) -> None:
    session.execute(text("DELETE FROM rfm_segment"))
    session.execute(
        text("INSERT INTO rfm_segment (segment, members, monetary_fen) VALUES (:s, :n, :f)"),
        [
            {"s": row.segment, "n": row.members, "f": row.monetary_fen}
            for row in plan.summary.segments
        ],
    )
    session.execute(
        text(
            "UPDATE rollup_state SET rfm_as_of = :d, rfm_sale_mark = :s, rfm_refund_mark = :r"
            " WHERE id = 1"
        ),
        {"d": plan.summary.as_of.isoformat(), "s": plan.sale_mark, "r": plan.refund_mark},
    )
