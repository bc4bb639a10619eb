"""How an alliance recognises a member without a phone number ever leaving the shop.

``phone_hash = HMAC-SHA256(phone_hash_key, 11-digit number)`` in hex; the key arrives with the
shop's enrolment (setting ``sync.phone_hash_key``). Events only carry it for members who agreed
to alliance sharing, and only once the shop has joined an alliance.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from sqlalchemy.orm import Session

from desktop.models.shop import get_setting

PHONE_HASH_KEY_SETTING = "sync.phone_hash_key"


def phone_hash(key: bytes, phone: str) -> str:
    return hmac.new(key, phone.encode("ascii"), hashlib.sha256).hexdigest()


def alliance_phone_key(session: Session) -> bytes | None:
    raw = get_setting(session, PHONE_HASH_KEY_SETTING)
    if not isinstance(raw, str):
        return None
    try:
        key = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key or None


def shared_phone_hash(session: Session, phone: str | None, *, sharing: bool) -> str | None:
    """The hash to put in an event, or None (not shared, no phone, or no alliance yet)."""
    if not sharing or not phone:
        return None
    key = alliance_phone_key(session)
    return None if key is None else phone_hash(key, phone)
