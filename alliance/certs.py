"""Shop key certificates: the alliance vouches, with its own Ed25519 key, that a shop's
public key belongs to that shop, so every counter can trust the coupons and cards another
shop signs offline.

Signed bytes: ``TAG + >IIIQ(alliance_id, shop_id, key_id, issued unix seconds) + public key``.
The certificate travels as JSON::

    {"alliance_id", "shop_id", "key_id", "public_key" (base64, 32 bytes), "issued" (unix s),
     "signer_key_id", "signature" (base64, 64 bytes)}
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from alliance.security import b64, unb64
from desktop.models.qrtoken import key_id_for

TAG = b"merchant-desk/shop-key-certificate/v1\x00"
_BODY = struct.Struct(">IIIQ")


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _signed_bytes(alliance_id: int, shop_id: int, key_id: int, issued: int, public: bytes) -> bytes:
    return TAG + _BODY.pack(alliance_id, shop_id, key_id, issued) + public


def certify(
    *,
    alliance_id: int,
    shop_id: int,
    shop_public_key: bytes,
    issued: int,
    signer: Ed25519PrivateKey,
) -> dict[str, Any]:
    key_id = key_id_for(Ed25519PublicKey.from_public_bytes(shop_public_key))
    signature = signer.sign(_signed_bytes(alliance_id, shop_id, key_id, issued, shop_public_key))
    return {
        "alliance_id": alliance_id,
        "shop_id": shop_id,
        "key_id": key_id,
        "public_key": b64(shop_public_key),
        "issued": issued,
        "signer_key_id": key_id_for(signer.public_key()),
        "signature": b64(signature),
    }


def verify_certificate(cert: Mapping[str, Any], alliance_keys: Mapping[int, bytes]) -> bool:
    """True when ``cert`` is signed by one of ``alliance_keys`` (key id → raw public key)."""
    try:
        public = unb64(cert["public_key"])
        signature = unb64(cert["signature"])
        signer = alliance_keys.get(int(cert["signer_key_id"]))
        if public is None or signature is None or signer is None or len(public) != 32:
            return False
        message = _signed_bytes(
            int(cert["alliance_id"]),
            int(cert["shop_id"]),
            int(cert["key_id"]),
            int(cert["issued"]),
            public,
        )
        if key_id_for(Ed25519PublicKey.from_public_bytes(public)) != int(cert["key_id"]):
            return False
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, message)
    except (KeyError, TypeError, ValueError, struct.error, InvalidSignature):
        return False
    return True
