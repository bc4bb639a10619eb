"""Sales at the counter: earning, redeeming points as a discount, and refunds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models import coupon_redeem, coupon_rules, offline_policy
from desktop.models.alliance_balance import shown_balance
from desktop.models.audit import append_audit
from desktop.models.campaigns import active_multiplier
from desktop.models.clock import local_day
from desktop.models.coupon_void import void_coupons_of_refund
from desktop.models.coupons import CouponCheck, CouponInfo
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.ids import uuid7
from desktop.models.points import EARN, REDEEM, add_lot, balance_info, reverse_entry, spend
from desktop.models.security_settings import security_settings
from desktop.models.shop import current_rule, shop_profile
from desktop.models.staff import Actor, Refused, is_active, require_owner
from desktop.models.tables import Member, PointsEntry, Refund, Sale
from desktop.models.tiers import multiplier_pct, spend_12m, tier_for_spend

MAX_SALE_FEN = 100_000_000  # ¥1,000,000: anything above is a typo, not a sale


@dataclass(frozen=True)
class SaleResult:
    sale_id: int
    sale_uid: str
    member_id: int | None
    amount_fen: int
    discount_fen: int
    paid_fen: int
    points_earned: int
    points_redeemed: int
    balance: int | None
    tier: int | None
    coupon_id: int | None = None
    coupon_discount_fen: int = 0
    new_coupons: list[CouponInfo] = field(default_factory=list)  # issued by rules just now
    multiplier_tenths: int | None = None  # the points multiplier period applied, if any


@dataclass(frozen=True)
class RefundResult:
    sale_id: int
    points_taken_back: int
    points_returned: int
    balance: int | None
    coupon_restored: bool = False


def _check_amount(amount_fen: int) -> None:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int) or amount_fen <= 0:
        raise DomainError("amount_invalid")
    if amount_fen > MAX_SALE_FEN:
        raise DomainError("amount_too_large", max_fen=MAX_SALE_FEN)


def _check_coupon(
    session: Session,
    coupon_id: int | None,
    *,
    amount_fen: int,
    member_id: int | None,
    today: dt.date,
    now: dt.datetime,
) -> CouponCheck | None:
    if coupon_id is None:
        return None
    return coupon_redeem.check_for_sale(
        session, coupon_id, amount_fen=amount_fen, member_id=member_id, today=today, now=now
    )


def record_sale(
    session: Session,
    *,
    amount_fen: int,
    member_id: int | None,
    by: Actor | None,
    now: dt.datetime,
    redeem_points: int = 0,
    owner: Actor | None = None,
    coupon_id: int | None = None,
) -> SaleResult:
    """Record a sale; with a member, redeem points as a discount and earn points.

    A coupon (``coupon_id``) is checked again and marked used in this same transaction; its
    discount comes off first, points redeem against what is left. Points are earned on what
    was paid in money (after both discounts), by the rule in force, the member's tier and the
    highest points-multiplier period running today; the rule version and the multiplier are
    stored with the sale and its entry. A single earn above the rule's limit needs ``owner``
    (an owner who entered the PIN). Rules that reward the sale (spend over X, stamp cards)
    fire here too; their coupons are in ``new_coupons``.
    """
    _check_amount(amount_fen)
    if redeem_points < 0:
        raise DomainError("redeem_invalid")
    if member_id is None and redeem_points:
        raise DomainError("member_required")
    shop = shop_profile(session)
    today = local_day(now, shop.timezone)
    rule = current_rule(session)
    tier: int | None = None
    discount = 0
    earned = 0
    if member_id is not None:
        member = session.get(Member, member_id)
        if member is None or member.erased_at is not None:
            raise DomainError("member_not_found")
    check = _check_coupon(
        session, coupon_id, amount_fen=amount_fen, member_id=member_id, today=today, now=now
    )
    coupon_off = check.discount_fen if check else 0
    due = amount_fen - coupon_off
    multiplier = active_multiplier(session, today=today) if member_id is not None else None
    tenths = multiplier.spec.multiplier_tenths if multiplier else 10
    if member_id is not None:
        tier = tier_for_spend(spend_12m(session, member_id, today=today), rule)
        if redeem_points:
            member_row = session.get(Member, member_id)
            assert member_row is not None
            # An alliance member redeems against the alliance balance, within DESIGN §5.
            checked = offline_policy.check_redemption(
                session, member_row, points=redeem_points, now=now, today=today
            )
            available = (
                balance_info(session, member_id, today=today).balance
                if checked is None
                else checked
            )
            if redeem_points > available:
                raise DomainError(
                    "insufficient_points", balance=max(available, 0), needed=redeem_points
                )
            discount = redeem_points * rule.point_value_fen
            if discount > due:
                raise DomainError("redeem_exceeds_amount", max_points=due // rule.point_value_fen)
        earned = (
            (due - discount) * multiplier_pct(tier, rule) * tenths // (rule.fen_per_point * 1000)
        )
        if earned > rule.earn_pin_limit:
            if owner is None:
                raise DomainError("owner_pin_required", points=earned, limit=rule.earn_pin_limit)
            require_owner(owner)
    paid = due - discount
    sale = Sale(
        uid=uuid7(),
        member_id=member_id,
        amount_fen=amount_fen,
        discount_fen=discount,
        paid_fen=paid,
        staff_id=by.staff_id if by else None,
        created_at=now,
        local_day=today,
        coupon_id=coupon_id,
        coupon_discount_fen=coupon_off,
        multiplier_campaign_id=multiplier.id if multiplier else None,
        multiplier_tenths=tenths if multiplier else None,
    )
    session.add(sale)
    session.flush()
    staff_id = by.staff_id if by else None
    if check is not None:
        coupon_redeem.redeem(session, check=check, sale=sale, now=now, today=today)
    if member_id is not None and redeem_points:
        spend(
            session,
            member_id=member_id,
            kind=REDEEM,
            points=redeem_points,
            now=now,
            today=today,
            staff_id=staff_id,
            sale_id=sale.id,
            rule_version=rule.version,
        )
    if member_id is not None and earned > 0:
        add_lot(
            session,
            member_id=member_id,
            kind=EARN,
            points=earned,
            now=now,
            today=today,
            expiry_months=rule.expiry_months,
            staff_id=staff_id,
            sale_id=sale.id,
            rule_version=rule.version,
            note=f"x{tenths / 10:g} campaign {multiplier.id}" if multiplier else "",
        )
    if owner is not None and earned > rule.earn_pin_limit:
        append_audit(
            session,
            action="points.large_earn_approved",
            staff_id=owner.staff_id,
            details={"sale": sale.uid, "member": member_id, "points": earned},
            now=now,
        )
    emit_event(
        session,
        kind="sale.recorded",
        now=now,
        payload={
            "sale": sale.uid,
            "member_id": member_id,
            "amount_fen": amount_fen,
            "discount_fen": discount,
            "coupon_id": coupon_id,
            "coupon_discount_fen": coupon_off,
            "points_earned": earned,
            "points_redeemed": redeem_points,
            "rule_version": rule.version,
            "multiplier_campaign_id": sale.multiplier_campaign_id,
            "multiplier_tenths": sale.multiplier_tenths,
            "day": today,
        },
    )
    balance = None
    new_coupons: list[CouponInfo] = []
    if member_id is not None:
        new_coupons = coupon_rules.on_sale(
            session, member_id=member_id, sale_id=sale.id, paid_fen=paid, now=now, today=today
        )
        balance = shown_balance(session, member_id, today=today)
    return SaleResult(
        sale.id,
        sale.uid,
        member_id,
        amount_fen,
        discount,
        paid,
        earned,
        redeem_points,
        balance,
        tier,
        coupon_id=coupon_id,
        coupon_discount_fen=coupon_off,
        new_coupons=new_coupons,
        multiplier_tenths=sale.multiplier_tenths,
    )


def refund_sale(
    session: Session, *, sale_id: int, by: Actor, now: dt.datetime, reason: str = ""
) -> RefundResult:
    """Refund a sale: its earned points are taken back and redeemed points given back,
    exactly once. The refund row's unique ``sale_id`` makes a second refund impossible, and
    everything happens in one transaction, so a crash leaves either all or nothing.

    The owner may refund any sale; an active staff member a sale of up to the shop's
    ``staff_refund_limit_fen`` (``Refused("refund_over_limit")`` above it)."""
    sale = session.get(Sale, sale_id)
    if sale is None:
        raise DomainError("sale_not_found")
    previous = session.execute(select(Refund).where(Refund.sale_id == sale_id)).scalar()
    if previous is not None:
        raise DomainError("already_refunded", at=previous.created_at.isoformat())
    if not by.is_owner:
        _check_staff_refund(session, by, sale)
    shop = shop_profile(session)
    today = local_day(now, shop.timezone)
    rule = current_rule(session)
    session.add(
        Refund(
            sale_id=sale_id,
            created_at=now,
            staff_id=by.staff_id,
            reason=" ".join(reason.split())[:200],
        )
    )
    try:
        session.flush()
    except IntegrityError as exc:
        raise DomainError("already_refunded") from exc
    taken = returned = 0
    entries = (
        session.execute(
            select(PointsEntry).where(
                PointsEntry.sale_id == sale_id, PointsEntry.kind.in_((EARN, REDEEM))
            )
        )
        .scalars()
        .all()
    )
    for entry in entries:
        reversal = reverse_entry(
            session,
            entry_id=entry.id,
            now=now,
            today=today,
            expiry_months=rule.expiry_months,
            staff_id=by.staff_id,
            note=f"refund of sale {sale.uid}",
        )
        if reversal is None:
            continue
        points = session.get(PointsEntry, reversal)
        assert points is not None
        if points.points < 0:
            taken += -points.points
        else:
            returned += points.points
    restored = coupon_redeem.restore_on_refund(session, sale=sale, now=now, today=today)
    if sale.member_id is not None:
        rewards = coupon_rules.sale_rewards(session, member_id=sale.member_id, sale_id=sale.id)
        void_coupons_of_refund(session, coupon_ids=rewards, sale_uid=sale.uid, now=now)
    append_audit(
        session,
        action="sale.refunded",
        staff_id=by.staff_id,
        now=now,
        details={
            "sale": sale.uid,
            "amount_fen": sale.amount_fen,
            "points_taken_back": taken,
            "points_returned": returned,
            "coupon_restored": restored,
            "reason": reason[:200],
        },
    )
    emit_event(
        session,
        kind="sale.refunded",
        now=now,
        payload={
            "sale": sale.uid,
            "member_id": sale.member_id,
            "points_taken_back": taken,
            "points_returned": returned,
            "coupon_restored": restored,
        },
    )
    balance = None
    if sale.member_id is not None:
        balance = balance_info(session, sale.member_id, today=today).balance
    return RefundResult(sale_id, taken, returned, balance, coupon_restored=restored)


def _check_staff_refund(session: Session, by: Actor, sale: Sale) -> None:
    if not is_active(session, by):
        raise Refused("owner_required", actor=by, sale=sale.uid)
    limit = security_settings(session).staff_refund_limit_fen
    if sale.amount_fen > limit:
        raise Refused(
            "refund_over_limit",
            actor=by,
            limit_fen=limit,
            amount_fen=sale.amount_fen,
            sale=sale.uid,
        )


@dataclass(frozen=True)
class SaleLine:
    id: int
    uid: str
    created_at: dt.datetime
    local_day: dt.date
    member_id: int | None
    amount_fen: int
    discount_fen: int
    paid_fen: int
    refunded: bool


def recent_sales(
    session: Session, *, member_id: int | None = None, limit: int = 50
) -> list[SaleLine]:
    """Latest sales (of one member, or all), newest first, with their refund state."""
    stmt = (
        select(Sale, Refund.id.label("refund_id"))
        .outerjoin(Refund, Refund.sale_id == Sale.id)
        .order_by(Sale.id.desc())
        .limit(max(1, min(limit, 500)))
    )
    if member_id is not None:
        stmt = stmt.where(Sale.member_id == member_id)
    return [
        SaleLine(
            s.id,
            s.uid,
            s.created_at,
            s.local_day,
            s.member_id,
            s.amount_fen,
            s.discount_fen,
            s.paid_fen,
            refund_id is not None,
        )
        for s, refund_id in session.execute(stmt).all()
    ]
