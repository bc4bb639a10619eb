"""Signing keys: the shop's own Ed25519 pair (private half never leaves this module's
callers as text) and the public keys the counter trusts when it verifies a scan."""

from __future__ import annotations

import datetime as dt

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.qrtoken import key_id_for
from desktop.models.tables import SigningKey


def create_shop_key(session: Session, *, now: dt.datetime) -> int:
    """Make a new key pair for this shop, retire the old one, and return the new key id."""
    private = Ed25519PrivateKey.generate()
    public = private.public_key()
    for old in session.execute(
        select(SigningKey).where(SigningKey.owner == "shop", SigningKey.retired_at.is_(None))
    ).scalars():
        old.retired_at = now
    key_id = key_id_for(public)
    session.add(
        SigningKey(
            key_id=key_id,
            owner="shop",
            public_key=public.public_bytes(Encoding.Raw, PublicFormat.Raw),
            private_key=private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
            created_at=now,
        )
    )
    session.flush()
    return key_id


def shop_signing_key(session: Session) -> Ed25519PrivateKey:
    raw = session.execute(
        select(SigningKey.private_key)
        .where(SigningKey.owner == "shop", SigningKey.retired_at.is_(None))
        .order_by(SigningKey.created_at.desc())
        .limit(1)
    ).scalar()
    if raw is None:
        raise RuntimeError("the shop has no signing key (set-up not finished)")
    return Ed25519PrivateKey.from_private_bytes(raw)


def trusted_public_keys(session: Session) -> dict[int, Ed25519PublicKey]:
    """Every key a scan may be signed with, retired ones included (old cards stay valid)."""
    rows = session.execute(select(SigningKey.key_id, SigningKey.public_key)).all()
    return {row.key_id: Ed25519PublicKey.from_public_bytes(row.public_key) for row in rows}
