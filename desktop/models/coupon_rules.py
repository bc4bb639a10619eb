"""Automatic rules: welcome (on enrolment), stamp card (Nth visit), spend over X (on a sale),
birthday month and win-back (the daily run).

Each fires at most once per member and period: a ``rule_firing`` row with a unique
(campaign, member, period key) is written with ``INSERT OR IGNORE`` in the same transaction as
the coupon, so a retry, a crash or a second daily run cannot give a second coupon. Period keys:
``welcome``; ``stamp:<cycle>``; ``sale:<sale id>``; ``<year>-<month>`` for birthdays;
``winback:<last visit day>``.

Consent: birthday and win-back coupons are marketing and go only to members who agreed to it;
welcome, stamp-card and spend rewards are earned at the counter as part of membership.
A visit for the stamp card is a shop day with a rewarded check-in or a member sale (one per
day however many), counted from the campaign's first day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.campaigns import Campaign, live_campaigns
from desktop.models.clock import local_day
from desktop.models.coupon_issue import (
    held_out,
    insert_coupons,
    quota_left,
    record_holdouts,
    sql_datetime,
)
from desktop.models.coupons import CouponInfo, coupons_by_id
from desktop.models.shop import shop_profile


@dataclass(frozen=True)
class StampCard:
    campaign_id: int
    name: str
    have: int  # visits towards the next reward
    need: int  # visits per reward


def running(session: Session, trigger: str, today: dt.date) -> list[Campaign]:
    return [
        c
        for c in live_campaigns(session)
        if c.spec.trigger == trigger and c.spec.is_coupon and c.running(today)
    ]


_FIRE_SQL = text(
    "INSERT OR IGNORE INTO rule_firing (campaign_id, member_id, period_key, coupon_id, fired_at)"
    " VALUES (:c, :m, :k, NULL, :at)"
)
_LINK_SQL = text(
    "UPDATE rule_firing SET coupon_id = :coupon"
    " WHERE campaign_id = :c AND member_id = :m AND period_key = :k"
)


def fire(
    session: Session,
    campaign: Campaign,
    *,
    member_id: int,
    period_key: str,
    now: dt.datetime,
    today: dt.date,
) -> int | None:
    """Fire one rule for one member; the new coupon's id, or None (fired before, held out,
    or the quota is used up, in which case nothing is recorded and a later raise can fire)."""
    if quota_left(session, campaign) == 0:
        return None
    key = {"c": campaign.id, "m": member_id, "k": period_key}
    inserted = session.execute(_FIRE_SQL, {**key, "at": sql_datetime(now)})
    if inserted.rowcount != 1:  # type: ignore[attr-defined]
        return None
    if held_out(campaign.id, member_id, campaign.spec.holdout_pct):
        record_holdouts(session, campaign_id=campaign.id, member_ids=[member_id], now=now)
        return None
    (coupon_id,) = insert_coupons(
        session,
        campaign=campaign,
        member_ids=[member_id],
        source=f"rule:{campaign.spec.trigger}",
        shop_id=shop_profile(session).id,
        now=now,
        today=today,
        staff_id=None,
    )
    session.execute(_LINK_SQL, {**key, "coupon": coupon_id})
    return coupon_id


def _infos(session: Session, ids: list[int | None], today: dt.date) -> list[CouponInfo]:
    return coupons_by_id(session, [i for i in ids if i is not None], today=today)


# -- at the counter -------------------------------------------------------------------------


def on_enrol(session: Session, *, member_id: int, now: dt.datetime, today: dt.date) -> list[int]:
    return [
        cid
        for c in running(session, "welcome", today)
        if (
            cid := fire(session, c, member_id=member_id, period_key="welcome", now=now, today=today)
        )
    ]


_VISITS_SQL = text(
    "SELECT count(*) FROM (SELECT local_day FROM sale WHERE member_id = :m AND local_day >= :since"
    " UNION SELECT local_day FROM checkin WHERE member_id = :m AND rewarded = 1"
    " AND local_day >= :since)"
)


def _stamp_start(session: Session, campaign: Campaign) -> dt.date:
    if campaign.spec.valid_from is not None:
        return campaign.spec.valid_from
    return local_day(campaign.created_at, shop_profile(session).timezone)


def visits_since(session: Session, member_id: int, since: dt.date) -> int:
    return int(
        session.execute(_VISITS_SQL, {"m": member_id, "since": since.isoformat()}).scalar_one()
    )


def on_visit(
    session: Session, *, member_id: int, now: dt.datetime, today: dt.date
) -> list[CouponInfo]:
    """After a rewarded check-in or a member sale: stamp cards that are full now."""
    fired: list[int | None] = []
    for c in running(session, "nth_visit", today):
        cycle = visits_since(session, member_id, _stamp_start(session, c)) // c.spec.trigger_visits
        if cycle >= 1:
            key = f"stamp:{cycle}"
            fired.append(
                fire(session, c, member_id=member_id, period_key=key, now=now, today=today)
            )
    return _infos(session, fired, today)


def on_sale(
    session: Session,
    *,
    member_id: int,
    sale_id: int,
    paid_fen: int,
    now: dt.datetime,
    today: dt.date,
) -> list[CouponInfo]:
    """After a member sale: spend-over rewards (on what was paid), then stamp cards."""
    fired: list[int | None] = []
    for c in running(session, "spend_over", today):
        if paid_fen >= c.spec.trigger_spend_fen:
            key = f"sale:{sale_id}"
            fired.append(
                fire(session, c, member_id=member_id, period_key=key, now=now, today=today)
            )
    return _infos(session, fired, today) + on_visit(
        session, member_id=member_id, now=now, today=today
    )


_SALE_REWARDS_SQL = text(
    "SELECT f.coupon_id FROM rule_firing f JOIN coupon c ON c.id = f.coupon_id"
    " WHERE f.member_id = :m AND f.period_key = :k AND c.state = 'issued'"
)


def sale_rewards(session: Session, *, member_id: int, sale_id: int) -> list[int]:
    """Unused spend-over coupons a sale earned (a refund voids them)."""
    rows = session.execute(_SALE_REWARDS_SQL, {"m": member_id, "k": f"sale:{sale_id}"})
    return [int(r[0]) for r in rows]


def stamps(session: Session, member_id: int, *, today: dt.date) -> list[StampCard]:
    cards = []
    for c in running(session, "nth_visit", today):
        need = c.spec.trigger_visits
        have = visits_since(session, member_id, _stamp_start(session, c)) % need
        cards.append(StampCard(c.id, c.spec.name, have, need))
    return cards


# -- the daily run --------------------------------------------------------------------------


_BIRTHDAY_SQL = text(
    "SELECT m.id, :k FROM member m WHERE m.erased_at IS NULL AND m.marketing_consent = 1"
    " AND CAST(strftime('%m', m.birthday) AS INTEGER) = :month"
    " AND NOT EXISTS (SELECT 1 FROM rule_firing f WHERE f.campaign_id = :c"
    " AND f.member_id = m.id AND f.period_key = :k) ORDER BY m.id"
)
_WINBACK_SQL = text(
    "WITH visit AS (SELECT member_id, MAX(day) AS day FROM ("
    " SELECT member_id, MAX(local_day) AS day FROM sale WHERE member_id IS NOT NULL"
    " GROUP BY member_id"
    " UNION ALL SELECT member_id, MAX(local_day) FROM checkin GROUP BY member_id)"
    " GROUP BY member_id),"
    " lapsed AS (SELECT m.id, 'winback:' || MAX(COALESCE(v.day, m.enrolled_day), m.enrolled_day)"
    " AS k FROM member m LEFT JOIN visit v ON v.member_id = m.id"
    " WHERE m.erased_at IS NULL AND m.marketing_consent = 1"
    " AND MAX(COALESCE(v.day, m.enrolled_day), m.enrolled_day) <= :cutoff)"
    " SELECT l.id, l.k FROM lapsed l WHERE NOT EXISTS (SELECT 1 FROM rule_firing f"
    " WHERE f.campaign_id = :c AND f.member_id = l.id AND f.period_key = l.k) ORDER BY l.id"
)


def _fire_many(
    session: Session,
    campaign: Campaign,
    due: list[tuple[int, str]],
    *,
    now: dt.datetime,
    today: dt.date,
) -> int:
    """Fire for many members at once (executemany); return coupons issued."""
    if not due:
        return 0
    left = quota_left(session, campaign)
    pct = campaign.spec.holdout_pct
    held = [(m, k) for m, k in due if held_out(campaign.id, m, pct)]
    give = [(m, k) for m, k in due if not held_out(campaign.id, m, pct)]
    if left is not None:
        give = give[:left]
    at = sql_datetime(now)
    session.connection().exec_driver_sql(
        "INSERT OR IGNORE INTO rule_firing (campaign_id, member_id, period_key, coupon_id,"
        " fired_at) VALUES (?, ?, ?, NULL, ?)",
        [(campaign.id, m, k, at) for m, k in held + give],  # type: ignore[arg-type]
    )
    record_holdouts(session, campaign_id=campaign.id, member_ids=[m for m, _ in held], now=now)
    ids = insert_coupons(
        session,
        campaign=campaign,
        member_ids=[m for m, _ in give],
        source=f"rule:{campaign.spec.trigger}",
        shop_id=shop_profile(session).id,
        now=now,
        today=today,
        staff_id=None,
    )
    if not ids:
        return 0
    session.connection().exec_driver_sql(
        "UPDATE rule_firing SET coupon_id = ? WHERE campaign_id = ? AND member_id = ?"
        " AND period_key = ?",
        [(cid, campaign.id, m, k) for cid, (m, k) in zip(ids, give, strict=True)],  # type: ignore[arg-type]
    )
    return len(ids)


def run_daily_rules(session: Session, *, now: dt.datetime, today: dt.date) -> int:
    """Birthday-month and win-back coupons due today; idempotent. Returns coupons issued."""
    issued = 0
    for c in running(session, "birthday", today):
        params = {"k": f"{today.year}-{today.month:02d}", "month": today.month, "c": c.id}
        due = [(int(m), str(k)) for m, k in session.execute(_BIRTHDAY_SQL, params).all()]
        issued += _fire_many(session, c, due, now=now, today=today)
    for c in running(session, "winback", today):
        cutoff = (today - dt.timedelta(days=c.spec.trigger_days)).isoformat()
        rows = session.execute(_WINBACK_SQL, {"cutoff": cutoff, "c": c.id}).all()
        issued += _fire_many(session, c, [(int(m), str(k)) for m, k in rows], now=now, today=today)
    return issued
