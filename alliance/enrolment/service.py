"""Enrolling a device with a one-time code, and certifying a shop's signing key.

Attempts are limited per client address (a fixed window, counted in the database so every
server process shares it) and per code (a code whose secret was wrong too often is locked).
Both counters are committed before the answer, whatever the answer is.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from alliance.config import Limits
from alliance.db import Database, current_epoch, utcnow
from alliance.enrolment.schemas import EnrolResponse, KeyInfo
from alliance.errors import ApiError
from alliance.feed import Publisher, alliance_key_info
from alliance.keys import register_shop_key
from alliance.security import (
    b64,
    credential_matches,
    new_credential,
    sha256_hex,
    split_enrolment_code,
    unb64,
)
from alliance.tables import Alliance, AllianceKey, Device, EnrolmentCode, RateLimit, Shop, ShopKey


def take_attempt(
    session: Session, *, bucket: str, limit: int, window_s: int, now: dt.datetime
) -> int:
    """Count one attempt in ``bucket``; return seconds to wait if over the limit, else 0."""
    dialect = session.get_bind().dialect.name
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        maker(RateLimit)
        .values(bucket=bucket, window_start=now, count=0)
        .on_conflict_do_nothing(index_elements=["bucket"])
    )
    row = session.execute(
        select(RateLimit).where(RateLimit.bucket == bucket).with_for_update()
    ).scalar_one()
    if (now - row.window_start).total_seconds() >= window_s:
        row.window_start, row.count = now, 0
    row.count += 1
    if row.count > limit:
        return max(1, int(window_s - (now - row.window_start).total_seconds()))
    return 0


def _public_key(text: str) -> bytes:
    raw = unb64(text)
    if raw is None or len(raw) != 32:
        raise ApiError(400, "public_key_invalid", "not a raw 32-byte Ed25519 public key, base64")
    return raw


def enrol(
    db: Database,
    limits: Limits,
    *,
    client: str,
    code: str,
    device_name: str,
    shop_public_key: str,
) -> EnrolResponse:
    now = utcnow()
    public_key = _public_key(shop_public_key)
    with db.write() as session:
        wait = take_attempt(
            session,
            bucket=f"enrol-ip:{client}"[:120],
            limit=limits.enrol_per_ip,
            window_s=limits.enrol_window_s,
            now=now,
        )
    if wait:
        raise ApiError(429, "too_many_attempts", "too many enrolment attempts", retry_after=wait)
    parts = split_enrolment_code(code)
    if parts is None:
        raise ApiError(403, "enrolment_code_invalid")
    lookup, secret = parts
    with db.write() as session:
        row = session.execute(
            select(EnrolmentCode).where(EnrolmentCode.lookup == lookup).with_for_update()
        ).scalar()
        refusal = _refusal(row, secret, limits, now)
        if row is not None and refusal == "enrolment_code_invalid":
            row.failures += 1
    if refusal is not None or row is None:
        status = 429 if refusal == "enrolment_code_locked" else 403
        raise ApiError(status, refusal or "enrolment_code_invalid")
    return _create_device(db, code_id=row.id, device_name=device_name, public_key=public_key)


def _refusal(
    row: EnrolmentCode | None, secret: str, limits: Limits, now: dt.datetime
) -> str | None:
    if row is None:
        return "enrolment_code_invalid"
    if row.failures >= limits.enrol_code_failures:
        return "enrolment_code_locked"
    if not credential_matches(secret, row.secret_hash):
        return "enrolment_code_invalid"
    if row.used_at is not None:
        return "enrolment_code_used"
    if row.expires_at <= now:
        return "enrolment_code_expired"
    return None


def _create_device(
    db: Database, *, code_id: int, device_name: str, public_key: bytes
) -> EnrolResponse:
    now = utcnow()
    with db.write() as session:
        # Taken again under the lock: two devices racing with one code get one device.
        used = session.execute(
            update(EnrolmentCode)
            .where(EnrolmentCode.id == code_id, EnrolmentCode.used_at.is_(None))
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount  # type: ignore[attr-defined]
        if used != 1:
            raise ApiError(403, "enrolment_code_used")
        code = session.get(EnrolmentCode, code_id)
        assert code is not None
        shop = session.get(Shop, code.shop_id)
        assert shop is not None
        alliance = session.get(Alliance, shop.alliance_id)
        assert alliance is not None
        publisher = Publisher(session, alliance.id)
        certificate = register_shop_key(
            session, alliance_id=alliance.id, shop_id=shop.id, public_key=public_key, now=now
        )
        secret = new_credential()
        device = Device(
            id=str(uuid.uuid4()),
            shop_id=shop.id,
            alliance_id=alliance.id,
            name=" ".join(device_name.split())[:100] or "counter",
            credential_hash=sha256_hex(secret),
            acked_seq=0,
            created_at=now,
        )
        session.add(device)
        code.device_id = device.id
        publisher.keys = True
        publisher.flush()
        keys = [
            KeyInfo(**alliance_key_info(k))
            for k in session.execute(
                select(AllianceKey)
                .where(AllianceKey.alliance_id == alliance.id)
                .order_by(AllianceKey.created_at)
            ).scalars()
        ]
        return EnrolResponse(
            device_id=device.id,
            credential=f"{device.id}.{secret}",
            alliance_id=alliance.id,
            alliance_name=alliance.name,
            shop_id=shop.id,
            shop_name=shop.name,
            epoch=current_epoch(session),
            acked_seq=0,
            certificate=certificate,
            alliance_keys=keys,
            phone_hash_key=b64(alliance.phone_hash_key),
            policy=json.loads(alliance.policy),
        )


def certify_shop_key(
    db: Database, *, alliance_id: int, shop_id: int, public_key: str, retire_others: bool
) -> dict[str, Any]:
    """A shop made a new key pair: certify it (and retire its other keys if asked)."""
    raw = _public_key(public_key)
    now = utcnow()
    with db.write() as session:
        publisher = Publisher(session, alliance_id)
        certificate = register_shop_key(
            session, alliance_id=alliance_id, shop_id=shop_id, public_key=raw, now=now
        )
        if retire_others:
            session.execute(
                update(ShopKey)
                .where(
                    ShopKey.alliance_id == alliance_id,
                    ShopKey.shop_id == shop_id,
                    ShopKey.key_id != certificate["key_id"],
                    ShopKey.retired_at.is_(None),
                )
                .values(retired_at=now)
                .execution_options(synchronize_session=False)
            )
        publisher.keys = True
        publisher.flush()
    return certificate
