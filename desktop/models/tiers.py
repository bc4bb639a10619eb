"""Member tiers from spend in the last 12 months (refunded sales do not count)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.models.shop import Rule
from desktop.models.tables import Refund, Sale

NORMAL = 0
SILVER = 1
GOLD = 2
TIER_NAMES = {NORMAL: "normal", SILVER: "silver", GOLD: "gold"}
SPEND_WINDOW_DAYS = 365


_SPEND_SQL = text(
    "SELECT COALESCE(SUM(s.amount_fen), 0) FROM sale s"
    " WHERE s.member_id = :m AND s.local_day >= :since"
    " AND NOT EXISTS (SELECT 1 FROM refund r WHERE r.sale_id = s.id)"
)


def spend_12m(session: Session, member_id: int, *, today: dt.date) -> int:
    since = today - dt.timedelta(days=SPEND_WINDOW_DAYS - 1)
    return int(
        session.execute(_SPEND_SQL, {"m": member_id, "since": since.isoformat()}).scalar_one()
    )


def spends_12m(session: Session, member_ids: list[int], *, today: dt.date) -> dict[int, int]:
    """12-month spend for a page of members in one query."""
    if not member_ids:
        return {}
    since = today - dt.timedelta(days=SPEND_WINDOW_DAYS - 1)
    rows = session.execute(
        select(Sale.member_id, func.sum(Sale.amount_fen))
        .outerjoin(Refund, Refund.sale_id == Sale.id)
        .where(Sale.member_id.in_(member_ids), Sale.local_day >= since, Refund.id.is_(None))
        .group_by(Sale.member_id)
    ).all()
    found = {row[0]: int(row[1]) for row in rows}
    return {mid: found.get(mid, 0) for mid in member_ids}


def tier_for_spend(spend_fen: int, rule: Rule) -> int:
    if spend_fen >= rule.gold_threshold_fen:
        return GOLD
    if spend_fen >= rule.silver_threshold_fen:
        return SILVER
    return NORMAL


def multiplier_pct(tier: int, rule: Rule) -> int:
    if tier == GOLD:
        return rule.gold_multiplier_pct
    if tier == SILVER:
        return rule.silver_multiplier_pct
    return 100
