"""What a campaign did: redemption, the sales that used its coupons, uplift against the
held-out members, and what each member it brought in cost.

* Redemption rate (核销率) = redeemed ÷ issued, voided coupons left out of both (DESIGN §10).
* Redeemers' sales: the sales that used one of its coupons (refunded ones left out).
* Uplift: members who were sent a coupon (treated) against members held out of the same
  campaign (control, ``coupon_holdout``). Each member is watched from the shop day they were
  sent (or held out) to the last day the coupon is valid — the fixed ``valid_to``, or
  ``valid_days`` later — and no later than today. Outcome: bought at least once (a member sale
  not refunded) and spend in that window. The uplift is the difference of the two purchase
  rates with a 95 % confidence interval (normal approximation); the spend difference per
  member likewise (Welch). With fewer than 30 members in a group, or fewer than 5 buyers or
  non-buyers in one, the verdict is ``too_small`` ("too small to tell").
* Acquisition cost (bearer-coupon campaigns): (printed coupons × print cost + the discounts
  its redeemed coupons gave) ÷ members enrolled through its coupons
  (``member.acquired_campaign_id``). The print cost per coupon is the shop setting
  ``coupon_print_cost_fen`` (0 when not set).

Send and hold days are turned into shop days with the shop's current UTC offset (exact for
zones without daylight saving time, such as China's).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.analytics.weekly import ratio, rounded_div
from desktop.models.shop import get_setting

MIN_GROUP = 30
MIN_CELL = 5
Z95 = 1.959964
PRINT_COST_SETTING = "coupon_print_cost_fen"


@dataclass(frozen=True)
class Uplift:
    treated: int
    treated_buyers: int
    treated_sales_fen: int
    control: int
    control_buyers: int
    control_sales_fen: int
    treated_rate: float | None
    control_rate: float | None
    uplift: float | None  # treated_rate - control_rate
    ci_low: float | None
    ci_high: float | None
    spend_uplift_fen: int | None  # per member, treated mean - control mean
    spend_ci_low_fen: int | None
    spend_ci_high_fen: int | None
    verdict: str  # no_holdout | too_small | positive | negative | unclear


@dataclass(frozen=True)
class CampaignResult:
    campaign_id: int
    name: str
    kind: str
    state: str
    issued: int  # voided left out
    voided: int
    redeemed: int
    redemption_rate: float | None
    redeemer_sales_fen: int
    redeemer_sale_count: int
    discount_fen: int  # what its coupons took off those sales
    bearer_printed: int
    acquired_members: int
    print_cost_fen: int
    acquisition_cost_fen: int | None  # per member brought in (bearer campaigns)
    uplift: Uplift


_CAMPAIGNS = text(
    "SELECT id, name, kind, state, spec FROM campaign"
    " WHERE (:id IS NULL OR id = :id) AND kind <> 'points_multiplier'"
    " ORDER BY created_at DESC, id DESC"
)
_COUNTS = text(
    "SELECT SUM(state <> 'void'), SUM(state = 'void'), SUM(state = 'redeemed')"
    " FROM coupon WHERE campaign_id = :c"
)
_REDEEMER_SALES = text(
    "SELECT count(*), coalesce(SUM(s.amount_fen), 0), coalesce(SUM(s.coupon_discount_fen), 0)"
    " FROM coupon c JOIN sale s ON s.id = c.redeemed_sale_id"
    " WHERE c.campaign_id = :c AND c.state = 'redeemed'"
    " AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)"
)
_PRINTED = text("SELECT coalesce(SUM(count), 0) FROM coupon_batch WHERE campaign_id = :c")
_BATCHES = text("SELECT count(*) FROM coupon_batch WHERE campaign_id = :c")
_ACQUIRED = text("SELECT count(*) FROM member WHERE acquired_campaign_id = :c")

_TREATED = "SELECT member_id, min(issued_at) AS at FROM coupon WHERE campaign_id = :c AND member_id IS NOT NULL GROUP BY member_id"  # noqa: E501
_CONTROL = "SELECT member_id, held_at AS at FROM coupon_holdout WHERE campaign_id = :c"
_OUTCOME = """
WITH g AS ({group}),
w AS (SELECT member_id, max(date(at, :shift), :vf) AS a, min({end}, :today) AS b FROM g),
o AS (
  SELECT w.member_id, count(s.id) AS n, coalesce(SUM(s.amount_fen), 0) AS fen
  FROM w LEFT JOIN sale s ON s.member_id = w.member_id AND s.local_day BETWEEN w.a AND w.b
    AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)
  WHERE w.a <= w.b
  GROUP BY w.member_id)
SELECT count(*), coalesce(SUM(n > 0), 0), coalesce(SUM(fen), 0), total(fen * 1.0 * fen) FROM o
"""


@dataclass(frozen=True)
class _Group:
    n: int
    buyers: int
    fen: int
    fen_sq: float

    @property
    def mean(self) -> float:
        return self.fen / self.n if self.n else 0.0

    @property
    def var(self) -> float:
        if self.n < 2:
            return 0.0
        return max(0.0, (self.fen_sq - self.n * self.mean**2) / (self.n - 1))


def _window(spec: dict[str, Any]) -> tuple[str, str, str]:
    """(first day, end expression, last day) of a member's watch window, as SQL pieces."""
    valid_from = spec.get("valid_from") or "0001-01-01"
    days = spec.get("valid_days")
    if isinstance(days, int) and days > 0:
        return valid_from, f"date(date(at, :shift), '+{days - 1} days')", "9999-12-31"
    return valid_from, ":vt", str(spec.get("valid_to") or "9999-12-31")


def _group(session: Session, sql: str, params: dict[str, Any], end: str) -> _Group:
    row = session.execute(text(_OUTCOME.format(group=sql, end=end)), params).one()
    return _Group(int(row[0]), int(row[1]), int(row[2]), float(row[3]))


def uplift_of(treated: _Group, control: _Group) -> Uplift:
    p_t = ratio(treated.buyers, treated.n)
    p_c = ratio(control.buyers, control.n)
    diff = ci_low = ci_high = None
    s_diff = s_low = s_high = None
    if p_t is not None and p_c is not None:
        diff = p_t - p_c
        se = math.sqrt(p_t * (1 - p_t) / treated.n + p_c * (1 - p_c) / control.n)
        ci_low, ci_high = diff - Z95 * se, diff + Z95 * se
        spend = treated.mean - control.mean
        s_se = math.sqrt(treated.var / treated.n + control.var / control.n)
        s_diff = round(spend)
        s_low, s_high = round(spend - Z95 * s_se), round(spend + Z95 * s_se)
    if control.n == 0:
        verdict = "no_holdout"
    elif (
        min(treated.n, control.n) < MIN_GROUP
        or min(
            treated.buyers,
            treated.n - treated.buyers,
            control.buyers,
            control.n - control.buyers,
        )
        < MIN_CELL
    ):
        verdict = "too_small"
    elif ci_low is not None and ci_low > 0:
        verdict = "positive"
    elif ci_high is not None and ci_high < 0:
        verdict = "negative"
    else:
        verdict = "unclear"
    return Uplift(
        treated=treated.n,
        treated_buyers=treated.buyers,
        treated_sales_fen=treated.fen,
        control=control.n,
        control_buyers=control.buyers,
        control_sales_fen=control.fen,
        treated_rate=p_t,
        control_rate=p_c,
        uplift=diff,
        ci_low=ci_low,
        ci_high=ci_high,
        spend_uplift_fen=s_diff,
        spend_ci_low_fen=s_low,
        spend_ci_high_fen=s_high,
        verdict=verdict,
    )


def _shift(tz: str, today: dt.date) -> str:
    noon = dt.datetime.combine(today, dt.time(12), tzinfo=ZoneInfo(tz))
    offset = noon.utcoffset() or dt.timedelta(0)
    return f"{int(offset.total_seconds()) // 60:+d} minutes"


def campaign_results(
    session: Session,
    *,
    today: dt.date,
    tz: str,
    campaign_id: int | None = None,
    print_cost_fen: int | None = None,
) -> list[CampaignResult]:
    """Results of every coupon campaign (newest first), or of one."""
    unit_cost = print_cost_fen
    if unit_cost is None:
        unit_cost = int(get_setting(session, PRINT_COST_SETTING, 0) or 0)
    out = []
    for cid, name, kind, state, spec_text in session.execute(_CAMPAIGNS, {"id": campaign_id}):
        c = {"c": cid}
        issued, voided, redeemed = (int(v or 0) for v in session.execute(_COUNTS, c).one())
        count, sales, discount = (int(v) for v in session.execute(_REDEEMER_SALES, c).one())
        printed = int(session.execute(_PRINTED, c).scalar_one())
        bearer = int(session.execute(_BATCHES, c).scalar_one()) > 0
        acquired = int(session.execute(_ACQUIRED, c).scalar_one())
        try:
            spec = json.loads(spec_text) if spec_text else {}
        except ValueError:
            spec = {}
        first, end, valid_to = _window(spec if isinstance(spec, dict) else {})
        params = {
            "c": cid,
            "shift": _shift(tz, today),
            "vf": first,
            "vt": valid_to,
            "today": today.isoformat(),
        }
        treated = _group(session, _TREATED, params, end)
        control = _group(session, _CONTROL, params, end)
        cost = printed * unit_cost + discount
        out.append(
            CampaignResult(
                campaign_id=int(cid),
                name=str(name),
                kind=str(kind),
                state=str(state),
                issued=issued,
                voided=voided,
                redeemed=redeemed,
                redemption_rate=ratio(redeemed, issued),
                redeemer_sales_fen=sales,
                redeemer_sale_count=count,
                discount_fen=discount,
                bearer_printed=printed,
                acquired_members=acquired,
                print_cost_fen=printed * unit_cost,
                acquisition_cost_fen=rounded_div(cost, acquired) if bearer else None,
                uplift=uplift_of(treated, control),
            )
        )
    return out
