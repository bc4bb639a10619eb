"""Visits checked in by scan: one rewarded check-in per member per day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.clock import local_day
from desktop.models.coupon_rules import on_visit
from desktop.models.coupons import CouponInfo
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.points import CHECKIN, add_lot, balance_info
from desktop.models.shop import current_rule, shop_profile
from desktop.models.staff import Actor
from desktop.models.tables import CheckIn, Member


@dataclass(frozen=True)
class CheckInResult:
    checkin_id: int
    rewarded: bool
    points: int
    balance: int
    new_coupons: list[CouponInfo] = field(default_factory=list)  # stamp cards filled just now


def check_in(
    session: Session, *, member_id: int, by: Actor | None, now: dt.datetime
) -> CheckInResult:
    """Record a visit. The first of the shop's day is rewarded (and counts for stamp cards);
    later ones the same day are recorded with no reward. The database's partial unique index
    guarantees at most one rewarded check-in per member per day."""
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise DomainError("member_not_found")
    shop = shop_profile(session)
    today = local_day(now, shop.timezone)
    already = session.execute(
        select(CheckIn.id).where(
            CheckIn.member_id == member_id, CheckIn.local_day == today, CheckIn.rewarded.is_(True)
        )
    ).scalar()
    rewarded = already is None
    checkin = CheckIn(
        member_id=member_id,
        created_at=now,
        local_day=today,
        rewarded=rewarded,
        staff_id=by.staff_id if by else None,
    )
    session.add(checkin)
    session.flush()
    rule = current_rule(session)
    points = rule.checkin_points if rewarded else 0
    if points:
        add_lot(
            session,
            member_id=member_id,
            kind=CHECKIN,
            points=points,
            now=now,
            today=today,
            expiry_months=rule.expiry_months,
            staff_id=checkin.staff_id,
            checkin_id=checkin.id,
            rule_version=rule.version,
        )
    emit_event(
        session,
        kind="checkin.recorded",
        now=now,
        payload={
            "member_id": member_id,
            "day": today,
            "rewarded": rewarded,
            "points": points,
        },
    )
    new_coupons = on_visit(session, member_id=member_id, now=now, today=today) if rewarded else []
    return CheckInResult(
        checkin.id,
        rewarded,
        points,
        balance_info(session, member_id, today=today).balance,
        new_coupons=new_coupons,
    )
