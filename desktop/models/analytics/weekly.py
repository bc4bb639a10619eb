"""Figures per ISO week, read from the rollups (refresh them first: ``Desk`` does).

Every figure is defined in DESIGN §10 and :mod:`desktop.models.analytics.rollup`. A week's
counts are sums of its days; active members sum first-visits-of-the-week; the points
liability is the running sum of every ledger entry up to the week's Sunday; the repeat rates
use the 30 and 90 days ending on the week's Sunday (inclusive).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.analytics.weeks import as_date, week_label, week_start, weeks_between
from desktop.models.shop import current_rule

# julianday() of a date is its proleptic ordinal + this (plus a half day, cut by CAST).
JULIAN_OFFSET = 1721424


@dataclass(frozen=True)
class CampaignWeek:
    """One campaign's coupons in one week. ``redemption_rate`` = of the coupons issued that
    week (voided left out), the share redeemed by now; None when none were issued."""

    campaign_id: int
    name: str
    issued: int
    redeemed: int  # redeemed during the week (whenever issued)
    issued_redeemed: int
    redemption_rate: float | None


@dataclass(frozen=True)
class WeekFigures:
    week: str  # ISO week, "2026-W07"
    start: dt.date  # Monday
    end: dt.date  # Sunday
    visits: int
    visits_new: int  # by members enrolled that week
    visits_returning: int
    new_members: int
    active_members: int  # >= 1 visit in the week
    returning_members: int  # active, enrolled before the week
    member_sales_fen: int
    member_sale_count: int
    avg_ticket_fen: int | None  # member sales ÷ member sale count, rounded to the fen
    sales_fen: int  # all sales, walk-ins too
    sale_count: int
    points_issued: int
    points_redeemed: int
    points_expired: int
    points_liability: int  # outstanding points at the end of Sunday
    liability_fen: int  # × the current point value
    coupons_issued: int
    coupons_redeemed: int
    campaigns: tuple[CampaignWeek, ...]
    buyers_30d: int
    repeaters_30d: int
    repeat_rate_30d: float | None
    buyers_90d: int
    repeaters_90d: int
    repeat_rate_90d: float | None


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def rounded_div(num: int, den: int) -> int | None:
    """``num / den`` rounded half up to an integer (None when ``den`` is 0)."""
    if den == 0:
        return None
    return (2 * num + den) // (2 * den)


_MONDAY_OF_DAY = "date(day, 'weekday 0', '-6 days')"

_WEEK_SUMS = text(
    f"SELECT {_MONDAY_OF_DAY} AS wk, SUM(new_members), SUM(visits), SUM(visits_new),"
    " SUM(member_sales_fen), SUM(member_sale_count), SUM(sales_fen), SUM(sale_count),"
    " SUM(points_issued), SUM(points_redeemed), SUM(points_expired), SUM(points_net)"
    " FROM daily_rollup WHERE day BETWEEN :a AND :b GROUP BY wk"
)
_NET_BEFORE = text("SELECT coalesce(SUM(points_net), 0) FROM daily_rollup WHERE day < :a")
_ACTIVES = text(
    f"SELECT {_MONDAY_OF_DAY} AS wk, SUM(actives),"
    f" SUM(CASE WHEN cohort_week = {_MONDAY_OF_DAY} THEN actives ELSE 0 END)"
    " FROM daily_cohort WHERE day BETWEEN :a AND :b GROUP BY wk"
)
_REPEAT_STEPS = text(
    "SELECT CAST(julianday(day) AS INTEGER) + ahead AS pos,"
    " SUM(b30), SUM(r30), SUM(b90), SUM(r90)"
    " FROM repeat_delta WHERE day BETWEEN :a AND :b GROUP BY pos ORDER BY pos"
)
_COUPON_WEEKS = text(
    f"SELECT {_MONDAY_OF_DAY} AS wk, d.campaign_id, coalesce(c.name, ''), SUM(d.issued),"
    " SUM(d.redeemed), SUM(d.issued_redeemed)"
    " FROM coupon_daily d LEFT JOIN campaign c ON c.id = d.campaign_id"
    " WHERE d.day BETWEEN :a AND :b GROUP BY wk, d.campaign_id ORDER BY wk, d.campaign_id"
)


def repeat_counts(
    session: Session, ends: list[dt.date]
) -> dict[dt.date, tuple[int, int, int, int]]:
    """(buyers 30d, repeaters 30d, buyers 90d, repeaters 90d) of the windows ending on each
    of ``ends``: running sums of the steps. Purchase days more than 90 days before the first
    end have all their steps before it and sum to nothing there, so they are not read."""
    if not ends:
        return {}
    ordered = sorted(ends)
    rows = session.execute(
        _REPEAT_STEPS,
        {
            "a": (ordered[0] - dt.timedelta(days=90)).isoformat(),
            "b": ordered[-1].isoformat(),
        },
    ).all()
    out: dict[dt.date, tuple[int, int, int, int]] = {}
    totals = [0, 0, 0, 0]
    i = 0
    for end in ordered:
        limit = end.toordinal() + JULIAN_OFFSET
        while i < len(rows) and rows[i][0] <= limit:
            for k in range(4):
                totals[k] += int(rows[i][k + 1])
            i += 1
        out[end] = (totals[0], totals[1], totals[2], totals[3])
    return out


def weekly_figures(session: Session, first: dt.date, last: dt.date) -> list[WeekFigures]:
    """The ISO weeks overlapping ``first`` … ``last`` (whole weeks), oldest first."""
    mondays = weeks_between(first, last)
    if not mondays:
        return []
    a = mondays[0].isoformat()
    b = (mondays[-1] + dt.timedelta(days=6)).isoformat()
    params = {"a": a, "b": b}
    sums = {
        as_date(r[0]): [int(v or 0) for v in r[1:]] for r in session.execute(_WEEK_SUMS, params)
    }
    actives = {as_date(r[0]): (int(r[1]), int(r[2])) for r in session.execute(_ACTIVES, params)}
    coupons: dict[dt.date, list[CampaignWeek]] = {}
    for wk, campaign_id, name, issued, redeemed, issued_redeemed in session.execute(
        _COUPON_WEEKS, params
    ):
        coupons.setdefault(as_date(wk), []).append(
            CampaignWeek(
                int(campaign_id),
                str(name),
                int(issued),
                int(redeemed),
                int(issued_redeemed),
                ratio(int(issued_redeemed), int(issued)),
            )
        )
    sundays = [m + dt.timedelta(days=6) for m in mondays]
    repeats = repeat_counts(session, sundays)
    liability = int(session.execute(_NET_BEFORE, {"a": a}).scalar_one())
    point_value = current_rule(session).point_value_fen
    out = []
    for monday, sunday in zip(mondays, sundays, strict=True):
        s = sums.get(monday, [0] * 11)
        new, visits, visits_new, m_fen, m_count, fen, count, issued, redeemed, expired, net = s
        active, active_new = actives.get(monday, (0, 0))
        liability += net
        week_coupons = tuple(coupons.get(monday, ()))
        b30, r30, b90, r90 = repeats[sunday]
        out.append(
            WeekFigures(
                week=week_label(monday),
                start=monday,
                end=sunday,
                visits=visits,
                visits_new=visits_new,
                visits_returning=visits - visits_new,
                new_members=new,
                active_members=active,
                returning_members=active - active_new,
                member_sales_fen=m_fen,
                member_sale_count=m_count,
                avg_ticket_fen=rounded_div(m_fen, m_count),
                sales_fen=fen,
                sale_count=count,
                points_issued=issued,
                points_redeemed=redeemed,
                points_expired=expired,
                points_liability=liability,
                liability_fen=liability * point_value,
                coupons_issued=sum(c.issued for c in week_coupons),
                coupons_redeemed=sum(c.redeemed for c in week_coupons),
                campaigns=week_coupons,
                buyers_30d=b30,
                repeaters_30d=r30,
                repeat_rate_30d=ratio(r30, b30),
                buyers_90d=b90,
                repeaters_90d=r90,
                repeat_rate_90d=ratio(r90, b90),
            )
        )
    return out


def current_week(today: dt.date) -> dt.date:
    return week_start(today)
