"""What the alliance's operator does (``alliance-admin``): alliances, shops, enrolment codes,
devices, key rotation, policy, epoch, and the invariant check."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alliance.db import renew_epoch, utcnow
from alliance.errors import ApiError, not_found
from alliance.feed import Publisher, member_audiences, member_snapshot
from alliance.keys import new_alliance_key, recertify_all
from alliance.ledger import check_ledger
from alliance.security import new_enrolment_code, sha256_hex
from alliance.tables import (
    Alliance,
    AllianceCoupon,
    Conflict,
    CouponRedemption,
    Device,
    EnrolmentCode,
    Event,
    FeedCounter,
    FeedEntry,
    Member,
    Shop,
)
from desktop.models.jsonutil import canonical_json

DEFAULT_POLICY: dict[str, Any] = {
    "offline_snapshot_max_age_hours": 72,
    "offline_redeem_points_per_member_shop_day": 300,
    "offline_redemptions_per_member_shop_day": 2,
    "offline_unsynced_redeemed_points_per_device": 3000,
    "alliance_coupon_offline_cap_fen": 5000,
    "point_value_fen": 1,
    "referral_share_pct": 5,
    "referral_window_days": 365,
    "duplicate_coupon_bearer": "alliance",
    "overspend_bearer": "alliance",
}


def create_alliance(session: Session, *, name: str) -> int:
    now = utcnow()
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise ApiError(400, "name_invalid")
    alliance = Alliance(
        name=name,
        phone_hash_key=secrets.token_bytes(32),
        policy=canonical_json(DEFAULT_POLICY),
        created_at=now,
    )
    session.add(alliance)
    session.flush()
    session.add(FeedCounter(alliance_id=alliance.id, last_seq=0))
    session.flush()
    new_alliance_key(session, alliance_id=alliance.id, now=now)
    publisher = Publisher(session, alliance.id)
    publisher.alliance = publisher.keys = True
    publisher.flush()
    return alliance.id


def _alliance(session: Session, alliance_id: int) -> Alliance:
    alliance = session.get(Alliance, alliance_id)
    if alliance is None:
        raise not_found("alliance")
    return alliance


def new_code(session: Session, *, shop_id: int, days: int) -> dict[str, Any]:
    """A one-time enrolment code for a (new or existing) shop."""
    if session.get(Shop, shop_id) is None:
        raise not_found("shop")
    now = utcnow()
    for _ in range(8):
        code, lookup, secret = new_enrolment_code()
        try:
            with session.begin_nested():
                session.add(
                    EnrolmentCode(
                        lookup=lookup,
                        secret_hash=sha256_hex(secret),
                        shop_id=shop_id,
                        created_at=now,
                        expires_at=now + dt.timedelta(days=days),
                        failures=0,
                    )
                )
                session.flush()
        except IntegrityError:
            continue  # the lookup group is taken: draw again
        return {
            "shop": shop_id,
            "code": code,
            "expires_at": (now + dt.timedelta(days=days)).isoformat(),
        }
    raise RuntimeError("could not draw a free enrolment code")  # pragma: no cover


def invite_shop(session: Session, *, alliance_id: int, name: str, days: int) -> dict[str, Any]:
    _alliance(session, alliance_id)
    name = " ".join(name.split())
    if not name or len(name) > 100:
        raise ApiError(400, "name_invalid")
    shop = Shop(alliance_id=alliance_id, name=name, created_at=utcnow())
    session.add(shop)
    session.flush()
    return new_code(session, shop_id=shop.id, days=days)


def list_shops(session: Session, *, alliance_id: int) -> list[dict[str, Any]]:
    _alliance(session, alliance_id)
    devices = dict(
        session.execute(
            select(Device.shop_id, func.count())
            .where(Device.alliance_id == alliance_id, Device.revoked_at.is_(None))
            .group_by(Device.shop_id)
        ).all()
    )
    return [
        {
            "id": s.id,
            "name": s.name,
            "created_at": s.created_at.isoformat(),
            "devices": devices.get(s.id, 0),
        }
        for s in session.execute(
            select(Shop).where(Shop.alliance_id == alliance_id).order_by(Shop.id)
        ).scalars()
    ]


def list_devices(
    session: Session, *, alliance_id: int, shop_id: int | None = None
) -> list[dict[str, Any]]:
    _alliance(session, alliance_id)
    query = select(Device).where(Device.alliance_id == alliance_id)
    if shop_id is not None:
        query = query.where(Device.shop_id == shop_id)
    return [
        {
            "id": d.id,
            "shop": d.shop_id,
            "name": d.name,
            "acked_seq": d.acked_seq,
            "created_at": d.created_at.isoformat(),
            "revoked_at": d.revoked_at.isoformat() if d.revoked_at else None,
        }
        for d in session.execute(query.order_by(Device.created_at, Device.id)).scalars()
    ]


def revoke_device(session: Session, *, device_id: str) -> dict[str, Any]:
    device = session.get(Device, device_id)
    if device is None:
        raise not_found("device")
    if device.revoked_at is None:
        device.revoked_at = utcnow()
    return {"device": device.id, "revoked_at": device.revoked_at.isoformat()}


def rotate_keys(session: Session, *, alliance_id: int) -> dict[str, Any]:
    """A new alliance signing key; the old one stays published (retired) for verifying what
    it signed, and every shop key is certified again by the new one."""
    _alliance(session, alliance_id)
    now = utcnow()
    key_id = new_alliance_key(session, alliance_id=alliance_id, now=now)
    recertified = recertify_all(session, alliance_id=alliance_id, now=now)
    publisher = Publisher(session, alliance_id)
    publisher.keys = True
    publisher.flush()
    return {"alliance": alliance_id, "key_id": key_id, "recertified": recertified}


def set_policy(session: Session, *, alliance_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    alliance = _alliance(session, alliance_id)
    policy: dict[str, Any] = json.loads(alliance.policy)
    for key, value in changes.items():
        if key not in DEFAULT_POLICY:
            raise ApiError(400, "policy_key_unknown", key=key)
        if type(value) is not type(DEFAULT_POLICY[key]):
            raise ApiError(400, "policy_value_invalid", key=key)
        policy[key] = value
    alliance.policy = canonical_json(policy)
    publisher = Publisher(session, alliance_id)
    publisher.alliance = True
    publisher.flush()
    return policy


def new_epoch(session: Session) -> str:
    return renew_epoch(session)


def list_conflicts(session: Session, *, alliance_id: int) -> list[dict[str, Any]]:
    _alliance(session, alliance_id)
    return [
        {
            "id": c.id,
            "event": c.event_id,
            "shop": c.shop_id,
            "kind": c.kind,
            "settlement": c.settlement,
            "amount": c.amount,
            "day": c.day.isoformat(),
            "detail": json.loads(c.detail),
        }
        for c in session.execute(
            select(Conflict).where(Conflict.alliance_id == alliance_id).order_by(Conflict.id)
        ).scalars()
    ]


def check(session: Session, *, alliance_id: int | None = None) -> list[dict[str, Any]]:
    """Every invariant the server promises; an empty list means all hold."""
    problems: list[dict[str, Any]] = list(check_ledger(session, alliance_id))
    problems += _check_devices(session, alliance_id)
    problems += _check_coupons(session, alliance_id)
    problems += _check_snapshots(session, alliance_id)
    return problems


def _check_devices(session: Session, alliance_id: int | None) -> list[dict[str, Any]]:
    """Each device's events are exactly 1..acked_seq: gapless, none beyond the ack; and
    every event's device exists (no foreign key says so since migration 0002)."""
    orphans = session.execute(
        select(func.count())
        .select_from(Event)
        .outerjoin(Device, Device.id == Event.device_id)
        .where(
            Device.id.is_(None),
            *([] if alliance_id is None else [Event.alliance_id == alliance_id]),
        )
    ).scalar_one()
    found = [{"check": "event_without_device", "count": int(orphans)}] if orphans else []
    query = (
        select(Device.id, Device.acked_seq, func.count(Event.id), func.max(Event.device_seq))
        .outerjoin(Event, Event.device_id == Device.id)
        .group_by(Device.id, Device.acked_seq)
    )
    if alliance_id is not None:
        query = query.where(Device.alliance_id == alliance_id)
    return found + [
        {"check": "device_seq", "device": did, "acked_seq": acked, "events": count, "max_seq": top}
        for did, acked, count, top in session.execute(query)
        if count != acked or (top or 0) != acked
    ]


def _check_coupons(session: Session, alliance_id: int | None) -> list[dict[str, Any]]:
    """A redeemed alliance coupon has exactly one honoured, unrestored redemption."""
    honoured = (
        select(CouponRedemption.coupon_id, func.count().label("n"))
        .where(CouponRedemption.honoured.is_(True), CouponRedemption.restored.is_(False))
        .group_by(CouponRedemption.coupon_id)
        .subquery()
    )
    query = select(AllianceCoupon.id, AllianceCoupon.state, honoured.c.n).outerjoin(
        honoured, honoured.c.coupon_id == AllianceCoupon.id
    )
    if alliance_id is not None:
        query = query.where(AllianceCoupon.alliance_id == alliance_id)
    problems = []
    for coupon_id, state, n in session.execute(query):
        want = 1 if state == "redeemed" else 0
        if (n or 0) != want:
            problems.append(
                {
                    "check": "coupon_redemptions",
                    "coupon": coupon_id,
                    "state": state,
                    "honoured": n or 0,
                }
            )
    return problems


def _check_snapshots(session: Session, alliance_id: int | None) -> list[dict[str, Any]]:
    """The feed's member snapshots say what the ledger says now."""
    query = select(Member)
    if alliance_id is not None:
        query = query.where(Member.alliance_id == alliance_id)
    problems = []
    for m in session.execute(query).scalars():
        want = member_snapshot(m)
        for audience in member_audiences(m):
            row = session.execute(
                select(FeedEntry.data).where(
                    FeedEntry.alliance_id == m.alliance_id,
                    FeedEntry.entity_key == f"member:{m.id}",
                    FeedEntry.audience == audience,
                )
            ).scalar()
            if row is None or json.loads(row) != want:
                problems.append(
                    {
                        "check": "member_snapshot",
                        "alliance": m.alliance_id,
                        "member": m.id,
                        "audience": audience,
                    }
                )
    return problems
