"""Issuing a campaign to a segment of members: the filter as SQL, the preview, and the issue in
chunks with progress and cancel.

The preview and the issue share one plan, so what the owner is shown is what happens:
members matching the filters → without marketing consent (never targeted) → at the
per-member limit → held out (deterministic by campaign and member, see ``coupon_issue``) →
cut by the quota. Re-running an issue gives nobody a coupon beyond the per-member limit and
holds out the same members.

The plan is read on a snapshot (scoring RFM segments takes seconds on a big shop), so the
counter never waits for it; each chunk is then its own write transaction and checks consent,
the limit, the quota and the campaign's state again before it writes.

An RFM segment (``SegmentFilter.rfm_segment``) is the one the dashboard shows: scored over the
365 days ending yesterday (:mod:`desktop.models.analytics.rfm`), evaluated in the same SQL as
the other filters, with consent, limits, holdout and quota applied after it like any filter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from desktop.models import coupons
from desktop.models.analytics.rfm import SEGMENTS, segment_ctes
from desktop.models.audit import append_audit
from desktop.models.campaigns import Campaign, get_campaign
from desktop.models.coupon_issue import (
    check_issuable,
    check_running,
    holdout_share,
    insert_coupons,
    quota_left,
    record_holdouts,
)
from desktop.models.coupons import SegmentIssueResult, SegmentPreview
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.shop import current_rule, shop_profile
from desktop.models.staff import Actor, require_owner
from desktop.models.tiers import SPEND_WINDOW_DAYS

CHUNK = 2000


@dataclass(frozen=True)
class SegmentFilter(coupons.SegmentFilter):
    """The coupon segment filters, plus an RFM segment.

    ``rfm_segment`` is one of :data:`desktop.models.analytics.rfm.SEGMENTS` (None: any
    member, bought or not): the members in that segment as of yesterday, as the dashboard
    shows it. A plain :class:`desktop.models.coupons.SegmentFilter` is accepted wherever this
    one is and means no RFM condition.
    """

    rfm_segment: str | None = None


def rfm_segment_of(segment: coupons.SegmentFilter) -> str | None:
    return segment.rfm_segment if isinstance(segment, SegmentFilter) else None


def rfm_as_of(today: dt.date) -> dt.date:
    """The last day of the RFM window a segment filter uses: yesterday, the last complete day
    (the dashboard's stored summary is as of the same day)."""
    return today - dt.timedelta(days=1)


_SPEND_CTE = (
    "spend AS (SELECT s.member_id, SUM(s.amount_fen) AS fen FROM sale s"
    " WHERE s.member_id IS NOT NULL AND s.local_day >= :spend_since"
    " AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id) GROUP BY s.member_id)"
)
_VISIT_CTE = (
    "visit AS (SELECT member_id, MAX(day) AS day FROM ("
    " SELECT member_id, MAX(local_day) AS day FROM sale WHERE member_id IS NOT NULL"
    " GROUP BY member_id"
    " UNION ALL SELECT member_id, MAX(local_day) FROM checkin GROUP BY member_id)"
    " GROUP BY member_id)"
)


def _check_filter(segment: coupons.SegmentFilter) -> None:
    rfm = rfm_segment_of(segment)
    bad = (
        (rfm is not None and rfm not in SEGMENTS)
        or any(t not in (0, 1, 2) for t in segment.tiers)
        or (segment.no_visit_days is not None and segment.no_visit_days < 0)
        or (segment.birthday_month is not None and not 1 <= segment.birthday_month <= 12)
        or (segment.spend_min_fen is not None and segment.spend_min_fen < 0)
        or (segment.spend_max_fen is not None and segment.spend_max_fen < 0)
    )
    if bad:
        raise DomainError("segment_invalid")


def _segment_sql(
    session: Session, segment: coupons.SegmentFilter, today: dt.date
) -> tuple[str, dict[str, Any]]:
    """SQL selecting (id, marketing_consent) of the live members matching ``segment``."""
    _check_filter(segment)
    ctes: list[str] = []
    joins: list[str] = []
    where = ["m.erased_at IS NULL"]
    params: dict[str, Any] = {}
    if segment.tiers or segment.spend_min_fen is not None or segment.spend_max_fen is not None:
        ctes.append(_SPEND_CTE)
        joins.append("LEFT JOIN spend sp ON sp.member_id = m.id")
        params["spend_since"] = (today - dt.timedelta(days=SPEND_WINDOW_DAYS - 1)).isoformat()
    if segment.tiers:
        rule = current_rule(session)
        params.update(gold=rule.gold_threshold_fen, silver=rule.silver_threshold_fen)
        tiers = ", ".join(str(int(t)) for t in sorted(segment.tiers))
        where.append(
            "(CASE WHEN COALESCE(sp.fen, 0) >= :gold THEN 2"
            f" WHEN COALESCE(sp.fen, 0) >= :silver THEN 1 ELSE 0 END) IN ({tiers})"
        )
    if segment.spend_min_fen is not None:
        where.append("COALESCE(sp.fen, 0) >= :spend_min")
        params["spend_min"] = segment.spend_min_fen
    if segment.spend_max_fen is not None:
        where.append("COALESCE(sp.fen, 0) <= :spend_max")
        params["spend_max"] = segment.spend_max_fen
    if segment.no_visit_days is not None:
        ctes.append(_VISIT_CTE)
        joins.append("LEFT JOIN visit v ON v.member_id = m.id")
        where.append("(v.day IS NULL OR v.day < :visit_cutoff)")
        cutoff = today - dt.timedelta(days=segment.no_visit_days)
        params["visit_cutoff"] = cutoff.isoformat()
    if segment.birthday_month is not None:
        where.append("CAST(strftime('%m', m.birthday) AS INTEGER) = :birthday_month")
        params["birthday_month"] = segment.birthday_month
    if segment.enrolled_since is not None:
        where.append("m.enrolled_day >= :enrolled_since")
        params["enrolled_since"] = segment.enrolled_since.isoformat()
    rfm = rfm_segment_of(segment)
    if rfm is not None:
        rfm_ctes, rfm_params = segment_ctes(session, rfm_as_of(today))
        ctes.extend(rfm_ctes)
        joins.append("JOIN rfm_seg rs ON rs.member_id = m.id")
        where.append("rs.segment = :rfm_segment")
        params.update(rfm_params, rfm_segment=rfm)
    head = ("WITH " + ", ".join(ctes) + " ") if ctes else ""
    sql = (
        f"{head}SELECT m.id, m.marketing_consent FROM member m {' '.join(joins)}"
        f" WHERE {' AND '.join(where)} ORDER BY m.id"
    )
    return sql, params


@dataclass(frozen=True)
class SegmentPlan:
    preview: SegmentPreview
    targets: list[int]  # members who would get a coupon, in order
    held: list[int]  # members held out


_HOLDS_SQL = text(
    "SELECT member_id, count(*) FROM coupon WHERE campaign_id = :c AND member_id IS NOT NULL"
    " AND state != 'void' GROUP BY member_id"
)


_HELD_SQL = text("SELECT member_id FROM coupon_holdout WHERE campaign_id = :c")


def plan_segment(
    session: Session, campaign: Campaign, segment: coupons.SegmentFilter, *, today: dt.date
) -> SegmentPlan:
    sql, params = _segment_sql(session, segment, today)
    rows = session.execute(text(sql), params).all()
    consenting = [int(r[0]) for r in rows if r[1]]
    holds = {int(m): int(n) for m, n in session.execute(_HOLDS_SQL, {"c": campaign.id}).all()}
    limit = campaign.spec.per_member_limit
    below = [m for m in consenting if holds.get(m, 0) < limit]
    before = {int(m) for (m,) in session.execute(_HELD_SQL, {"c": campaign.id}).all()}
    fresh = [m for m in below if m not in before and holds.get(m, 0) == 0]
    chosen = set(holdout_share(campaign.id, fresh, campaign.spec.holdout_pct))
    held = [m for m in below if m in before or m in chosen]
    held_set = set(held)
    targets = [m for m in below if m not in held_set]
    left = quota_left(session, campaign)
    if left is not None:
        targets = targets[:left]
    preview = SegmentPreview(
        matched=len(rows),
        no_consent=len(rows) - len(consenting),
        at_limit=len(consenting) - len(below),
        held_out=len(held),
        will_receive=len(targets),
    )
    return SegmentPlan(preview, targets, held)


def preview_segment(
    session: Session, *, campaign_id: int, segment: coupons.SegmentFilter, today: dt.date
) -> SegmentPreview:
    campaign = get_campaign(session, campaign_id)
    check_issuable(campaign)
    return plan_segment(session, campaign, segment, today=today).preview


_STILL_ELIGIBLE_SQL = text(
    "SELECT m.id FROM member m WHERE m.id IN :ids AND m.erased_at IS NULL"
    " AND m.marketing_consent = 1 AND (SELECT count(*) FROM coupon c WHERE c.member_id = m.id"
    " AND c.campaign_id = :c AND c.state != 'void') < :limit"
).bindparams(bindparam("ids", expanding=True))


def _issue_chunk(
    session: Session,
    *,
    campaign_id: int,
    member_ids: list[int],
    by: Actor,
    now: dt.datetime,
    today: dt.date,
) -> tuple[int, bool]:
    """Issue to those of ``member_ids`` still eligible; (issued, quota now used up)."""
    campaign = get_campaign(session, campaign_id)
    check_running(campaign, today)
    params = {"ids": member_ids, "c": campaign_id, "limit": campaign.spec.per_member_limit}
    eligible = set(session.execute(_STILL_ELIGIBLE_SQL, params).scalars())
    chosen = [m for m in member_ids if m in eligible]
    left = quota_left(session, campaign)
    if left is not None:
        chosen = chosen[:left]
    insert_coupons(
        session,
        campaign=campaign,
        member_ids=chosen,
        source="segment",
        shop_id=shop_profile(session).id,
        now=now,
        today=today,
        staff_id=by.staff_id,
    )
    return len(chosen), left is not None and left <= len(chosen)


def _issuable_now(session: Session, campaign_id: int, today: dt.date) -> Campaign:
    campaign = get_campaign(session, campaign_id)
    check_issuable(campaign)
    check_running(campaign, today)
    if quota_left(session, campaign) == 0:
        raise DomainError("quota_reached", quota=campaign.spec.quota)
    return campaign


def issue_to_segment(
    db: Database,
    *,
    campaign_id: int,
    segment: coupons.SegmentFilter,
    by: Actor,
    clock: Callable[[], dt.datetime],
    today: dt.date,
    progress: Callable[[int, int], bool] | None = None,
) -> SegmentIssueResult:
    """Issue to the segment in chunks of ``CHUNK`` members, one transaction each.

    ``progress(done, total)`` is called after every chunk; returning False stops the issue
    there (what was issued stays). Owner only.

    Who gets a coupon is worked out on a read snapshot (the same plan as the preview), so the
    write lock is only held for the holdout record and then one chunk at a time.
    """
    require_owner(by)
    with db.read() as s:
        campaign = _issuable_now(s, campaign_id, today)
        plan = plan_segment(s, campaign, segment, today=today)
    with db.write() as s:
        _issuable_now(s, campaign_id, today)  # again: it may have changed meanwhile
        record_holdouts(s, campaign_id=campaign_id, member_ids=plan.held, now=clock())
    issued = 0
    total = len(plan.targets)
    for start in range(0, total, CHUNK):
        chunk = plan.targets[start : start + CHUNK]
        with db.write() as s:
            count, full = _issue_chunk(
                s, campaign_id=campaign_id, member_ids=chunk, by=by, now=clock(), today=today
            )
        issued += count
        go_on = progress is None or progress(min(start + CHUNK, total), total) is not False
        if full or not go_on:
            break
    result = SegmentIssueResult(
        issued=issued,
        held_out=len(plan.held),
        skipped=plan.preview.matched - issued - len(plan.held),
    )
    with db.write() as s:
        append_audit(
            s,
            action="coupon.segment_issued",
            staff_id=by.staff_id,
            details={
                "campaign": campaign_id,
                "issued": result.issued,
                "held_out": result.held_out,
                "skipped": result.skipped,
            },
            now=clock(),
        )
    return result
