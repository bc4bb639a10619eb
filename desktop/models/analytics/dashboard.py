"""The owner's dashboard: a period of whole ISO weeks, its weekly series, KPI tiles against
the previous period of the same length, coupon redemption by campaign, cohorts and RFM."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.analytics.cohorts import CohortTable, cohort_table
from desktop.models.analytics.rfm import RfmSummary, stored_summary
from desktop.models.analytics.weekly import WeekFigures, ratio, rounded_div, weekly_figures
from desktop.models.analytics.weeks import week_end, week_start

PRESETS = {"4w": 4, "12w": 12, "52w": 52}


@dataclass(frozen=True)
class Period:
    """Whole ISO weeks: ``first`` is a Monday, ``last`` a Sunday."""

    first: dt.date
    last: dt.date

    @classmethod
    def weeks_to(cls, today: dt.date, weeks: int) -> Period:
        """The last ``weeks`` ISO weeks, the current (partial) week included."""
        last = week_end(today)
        return cls(week_start(today) - dt.timedelta(weeks=weeks - 1), last)

    @classmethod
    def covering(cls, first: dt.date, last: dt.date) -> Period:
        """The whole weeks that overlap ``first`` … ``last``."""
        if last < first:
            first, last = last, first
        return cls(week_start(first), week_end(last))

    @classmethod
    def parse(cls, value: Period | str, today: dt.date) -> Period:
        """A period, or a preset name: ``4w``, ``12w`` or ``52w``."""
        if isinstance(value, Period):
            return value
        if value not in PRESETS:
            raise ValueError(f"unknown period: {value!r}")
        return cls.weeks_to(today, PRESETS[value])

    @property
    def weeks(self) -> int:
        return ((self.last - self.first).days + 1) // 7

    def previous(self) -> Period:
        """The same number of weeks just before."""
        return Period(self.first - dt.timedelta(weeks=self.weeks), self.first - dt.timedelta(1))


@dataclass(frozen=True)
class Kpi:
    key: str  # see KPI_KEYS
    kind: str  # count | fen | rate
    value: float | None
    previous: float | None
    change: float | None  # (value - previous) / previous; None when previous is 0 or None


KPI_KEYS = (
    "visits",
    "new_members",
    "active_members",
    "member_sales_fen",
    "avg_ticket_fen",
    "repeat_rate_30d",
    "points_liability_fen",
    "coupon_redemption_rate",
)


@dataclass(frozen=True)
class CampaignRedemption:
    """A campaign's coupons issued in the period: how many, and the share redeemed by now."""

    campaign_id: int
    name: str
    issued: int
    issued_redeemed: int
    redeemed: int  # redemptions during the period (whenever issued)
    redemption_rate: float | None


@dataclass(frozen=True)
class Dashboard:
    period: Period
    today: dt.date
    weeks: tuple[WeekFigures, ...]
    previous_weeks: tuple[WeekFigures, ...]
    kpis: tuple[Kpi, ...]
    campaigns: tuple[CampaignRedemption, ...]
    cohorts: CohortTable
    rfm: RfmSummary | None

    def kpi(self, key: str) -> Kpi:
        return next(k for k in self.kpis if k.key == key)


_CAMPAIGNS = text(
    "SELECT d.campaign_id, coalesce(c.name, ''), SUM(d.issued), SUM(d.issued_redeemed),"
    " SUM(d.redeemed) FROM coupon_daily d LEFT JOIN campaign c ON c.id = d.campaign_id"
    " WHERE d.day BETWEEN :a AND :b GROUP BY d.campaign_id"
    " HAVING SUM(d.issued) > 0 OR SUM(d.redeemed) > 0 ORDER BY SUM(d.issued) DESC, d.campaign_id"
)


def coupon_redemption(session: Session, period: Period) -> list[CampaignRedemption]:
    rows = session.execute(
        _CAMPAIGNS, {"a": period.first.isoformat(), "b": period.last.isoformat()}
    ).all()
    return [
        CampaignRedemption(
            int(cid),
            str(name),
            int(issued),
            int(done),
            int(redeemed),
            ratio(int(done), int(issued)),
        )
        for cid, name, issued, done, redeemed in rows
    ]


def _totals(
    weeks: tuple[WeekFigures, ...], coupons: list[CampaignRedemption]
) -> dict[str, float | None]:
    if not weeks:
        return dict.fromkeys(KPI_KEYS)
    sales = sum(w.member_sales_fen for w in weeks)
    count = sum(w.member_sale_count for w in weeks)
    issued = sum(c.issued for c in coupons)
    return {
        "visits": sum(w.visits for w in weeks),
        "new_members": sum(w.new_members for w in weeks),
        "active_members": rounded_div(sum(w.active_members for w in weeks), len(weeks)),
        "member_sales_fen": sales,
        "avg_ticket_fen": rounded_div(sales, count),
        "repeat_rate_30d": weeks[-1].repeat_rate_30d,
        "points_liability_fen": weeks[-1].liability_fen,
        "coupon_redemption_rate": ratio(sum(c.issued_redeemed for c in coupons), issued),
    }


_KINDS = {
    "member_sales_fen": "fen",
    "avg_ticket_fen": "fen",
    "points_liability_fen": "fen",
    "repeat_rate_30d": "rate",
    "coupon_redemption_rate": "rate",
}


def _change(value: float | None, previous: float | None) -> float | None:
    if value is None or previous is None or previous == 0:
        return None
    return (value - previous) / abs(previous)


def build_dashboard(session: Session, period: Period, *, today: dt.date) -> Dashboard:
    """Everything the dashboard shows (rollups must be fresh)."""
    before = period.previous()
    series = weekly_figures(session, before.first, period.last)
    previous = tuple(w for w in series if w.start < period.first)
    weeks = tuple(w for w in series if w.start >= period.first)
    coupons = coupon_redemption(session, period)
    now = _totals(weeks, coupons)
    then = _totals(previous, coupon_redemption(session, before))
    kpis = tuple(
        Kpi(key, _KINDS.get(key, "count"), now[key], then[key], _change(now[key], then[key]))
        for key in KPI_KEYS
    )
    return Dashboard(
        period=period,
        today=today,
        weeks=weeks,
        previous_weeks=previous,
        kpis=kpis,
        campaigns=tuple(coupons),
        cohorts=cohort_table(session, period.first, period.last),
        rfm=stored_summary(session),
    )
