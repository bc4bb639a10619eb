"""Voiding coupons: one, a printed batch (owner only, audited), or the unused rewards of a
refunded sale. A used coupon stays used."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.coupon_issue import ISSUED, REDEEMED, VOID
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.staff import Actor, require_owner
from desktop.models.tables import Coupon, CouponBatch


def _clean_reason(reason: str) -> str:
    reason = " ".join(reason.split())[:200]
    if not reason:
        raise DomainError("reason_required")
    return reason


def void_coupon(
    session: Session, *, coupon_id: int, by: Actor, reason: str, now: dt.datetime
) -> None:
    """Void one unused coupon (owner only, audited). A used coupon stays used."""
    require_owner(by)
    reason = _clean_reason(reason)
    coupon = session.get(Coupon, coupon_id)
    if coupon is None:
        raise DomainError("coupon_not_found")
    if coupon.state == VOID:
        return
    if coupon.state == REDEEMED:
        raise DomainError("already_used", used_at=None, shop=coupon.redeemed_shop)
    if coupon.scope == "alliance" and coupon.shop_id == 0:
        raise DomainError("alliance_campaign_server_owned")  # only the alliance voids these
    coupon.state, coupon.voided_at, coupon.void_reason = VOID, now, reason
    append_audit(
        session,
        action="coupon.voided",
        staff_id=by.staff_id,
        details={"coupon": coupon_id, "serial": coupon.serial, "reason": reason},
        now=now,
    )
    emit_event(
        session,
        kind="coupon.voided",
        payload={"coupons": [coupon_id], "reason": reason},
        now=now,
    )


def void_batch(session: Session, *, batch_id: int, by: Actor, reason: str, now: dt.datetime) -> int:
    """Void every unused coupon of a batch (owner only, audited); return how many."""
    require_owner(by)
    reason = _clean_reason(reason)
    batch = session.get(CouponBatch, batch_id)
    if batch is None:
        raise DomainError("batch_not_found")
    ids = (
        session.execute(
            select(Coupon.id).where(Coupon.batch_id == batch_id, Coupon.state == ISSUED)
        )
        .scalars()
        .all()
    )
    session.execute(
        update(Coupon)
        .where(Coupon.batch_id == batch_id, Coupon.state == ISSUED)
        .values(state=VOID, voided_at=now, void_reason=reason)
    )
    batch.voided_at = now
    append_audit(
        session,
        action="coupon.batch_voided",
        staff_id=by.staff_id,
        details={"batch": batch_id, "voided": len(ids), "reason": reason},
        now=now,
    )
    emit_event(
        session,
        kind="coupon.voided",
        payload={"batch_id": batch_id, "coupons": list(ids), "reason": reason},
        now=now,
    )
    return len(ids)


def void_coupons_of_refund(
    session: Session, *, coupon_ids: list[int], sale_uid: str, now: dt.datetime
) -> None:
    """Void unused coupons a refunded sale had earned (a spend-over reward)."""
    if not coupon_ids:
        return
    reason = f"refund of sale {sale_uid}"
    session.execute(
        update(Coupon)
        .where(Coupon.id.in_(coupon_ids), Coupon.state == ISSUED)
        .values(state=VOID, voided_at=now, void_reason=reason)
    )
    emit_event(
        session,
        kind="coupon.voided",
        payload={"coupons": coupon_ids, "reason": reason},
        now=now,
    )
