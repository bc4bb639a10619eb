"""The alliance's Ed25519 keys and the shop keys it certifies."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from alliance.certs import certify, raw_public
from alliance.errors import ApiError
from alliance.tables import AllianceKey, ShopKey
from desktop.models.jsonutil import canonical_json
from desktop.models.qrtoken import key_id_for


def new_alliance_key(session: Session, *, alliance_id: int, now: dt.datetime) -> int:
    """Make the alliance's new signing key and retire the current one (kept for verifying)."""
    private = Ed25519PrivateKey.generate()
    key_id = key_id_for(private.public_key())
    for old in session.execute(
        select(AllianceKey).where(
            AllianceKey.alliance_id == alliance_id, AllianceKey.retired_at.is_(None)
        )
    ).scalars():
        old.retired_at = now
    session.add(
        AllianceKey(
            alliance_id=alliance_id,
            key_id=key_id,
            public_key=raw_public(private.public_key()),
            private_key=private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
            created_at=now,
        )
    )
    session.flush()
    return key_id


def signing_key(session: Session, alliance_id: int) -> Ed25519PrivateKey:
    raw = session.execute(
        select(AllianceKey.private_key)
        .where(AllianceKey.alliance_id == alliance_id, AllianceKey.retired_at.is_(None))
        .order_by(AllianceKey.created_at.desc())
        .limit(1)
    ).scalar()
    if raw is None:  # pragma: no cover - an alliance is created with a key
        raise RuntimeError(f"alliance {alliance_id} has no signing key")
    return Ed25519PrivateKey.from_private_bytes(raw)


def register_shop_key(
    session: Session, *, alliance_id: int, shop_id: int, public_key: bytes, now: dt.datetime
) -> dict[str, Any]:
    """Certify ``public_key`` as shop ``shop_id``'s and return the certificate."""
    try:
        key = Ed25519PublicKey.from_public_bytes(public_key)
    except ValueError:
        raise ApiError(400, "public_key_invalid", "not a raw 32-byte Ed25519 public key") from None
    key_id = key_id_for(key)
    existing = session.get(ShopKey, (alliance_id, key_id))
    clash = session.get(AllianceKey, (alliance_id, key_id))
    if clash is not None or (
        existing is not None and (existing.shop_id != shop_id or existing.public_key != public_key)
    ):
        raise ApiError(409, "public_key_in_use", "this key (or its key id) is already in use")
    cert = certify(
        alliance_id=alliance_id,
        shop_id=shop_id,
        shop_public_key=public_key,
        issued=int(now.replace(tzinfo=dt.UTC).timestamp()),
        signer=signing_key(session, alliance_id),
    )
    if existing is None:
        session.add(
            ShopKey(
                alliance_id=alliance_id,
                key_id=key_id,
                shop_id=shop_id,
                public_key=public_key,
                certificate=canonical_json(cert),
                created_at=now,
            )
        )
    else:
        existing.certificate, existing.retired_at = canonical_json(cert), None
    session.flush()
    return cert


def recertify_all(session: Session, *, alliance_id: int, now: dt.datetime) -> int:
    """After a rotation: every shop key gets a certificate from the new alliance key."""
    signer = signing_key(session, alliance_id)
    count = 0
    for shop_key in session.execute(
        select(ShopKey).where(ShopKey.alliance_id == alliance_id, ShopKey.retired_at.is_(None))
    ).scalars():
        cert = certify(
            alliance_id=alliance_id,
            shop_id=shop_key.shop_id,
            shop_public_key=shop_key.public_key,
            issued=int(now.replace(tzinfo=dt.UTC).timestamp()),
            signer=signer,
        )
        shop_key.certificate = canonical_json(cert)
        count += 1
    return count
