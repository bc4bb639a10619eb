"""The keys of other alliance shops, trusted only through the alliance's certificate.

A ``key`` snapshot (pulled into ``alliance_entity``) names a shop key; the counter uses it to
verify that shop's member cards only after checking its certificate with one of the
alliance's own published keys. Signed bytes, as the alliance server makes them:
``TAG + >IIIQ(alliance_id, shop_id, key_id, issued unix s) + raw public key``.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.models.qrtoken import key_id_for
from desktop.models.tables import AllianceEntity

TAG = b"merchant-desk/shop-key-certificate/v1\x00"
_BODY = struct.Struct(">IIIQ")
_ALLIANCE_KEYS_SQL = text(
    "SELECT data FROM alliance_entity WHERE kind = 'key'"
    " AND json_extract(data, '$.owner') = 'alliance'"
)


@dataclass(frozen=True)
class ShopKey:
    key_id: int
    shop_id: int
    public_key: Ed25519PublicKey


def _unb64(value: Any) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return None


def verify_certificate(cert: Mapping[str, Any], alliance_keys: Mapping[int, bytes]) -> bool:
    """True when ``cert`` is signed by one of ``alliance_keys`` (key id → raw public key)."""
    try:
        public = _unb64(cert["public_key"])
        signature = _unb64(cert["signature"])
        signer = alliance_keys.get(int(cert["signer_key_id"]))
        if public is None or signature is None or signer is None or len(public) != 32:
            return False
        key_id = int(cert["key_id"])
        body = _BODY.pack(
            int(cert["alliance_id"]), int(cert["shop_id"]), key_id, int(cert["issued"])
        )
        if key_id_for(Ed25519PublicKey.from_public_bytes(public)) != key_id:
            return False
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, TAG + body + public)
    except (KeyError, TypeError, ValueError, struct.error, InvalidSignature):
        return False
    return True


def alliance_keys(session: Session) -> dict[int, bytes]:
    """The alliance's own published keys (retired ones too: old certificates stay valid)."""
    found: dict[int, bytes] = {}
    for (raw,) in session.execute(_ALLIANCE_KEYS_SQL).all():
        data = json.loads(raw)
        public = _unb64(data.get("public_key"))
        if public is not None and len(public) == 32 and isinstance(data.get("key_id"), int):
            found[int(data["key_id"])] = public
    return found


def certified_shop_key(session: Session, key_id: int, *, alliance_id: int) -> ShopKey | None:
    """Another shop's key by id, if the alliance certified it for a shop of this alliance."""
    raw = session.execute(
        select(AllianceEntity.data).where(AllianceEntity.key == f"key:{key_id}")
    ).scalar()
    if raw is None:
        return None
    data = json.loads(raw)
    cert = data.get("certificate")
    if data.get("owner") != "shop" or not isinstance(cert, dict):
        return None
    public = _unb64(data.get("public_key"))
    try:
        matches = (
            public is not None
            and _unb64(cert.get("public_key")) == public
            and int(cert["key_id"]) == key_id
            and int(cert["alliance_id"]) == alliance_id
            and int(cert["shop_id"]) == int(data["shop_id"])
        )
    except (KeyError, TypeError, ValueError):
        return None
    if not matches or public is None:
        return None
    if not verify_certificate(cert, alliance_keys(session)):
        return None
    return ShopKey(key_id, int(data["shop_id"]), Ed25519PublicKey.from_public_bytes(public))
