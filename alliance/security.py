"""Secrets: device credentials, enrolment codes, the keyed phone hash.

Device credentials are 256-bit random secrets; only their SHA-256 is stored. A fast hash is
enough for a secret with that much entropy (a password hash would only slow every request).
Enrolment codes are shorter (75 secret bits), one-time, expire, and are rate limited.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

# Crockford's base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0"})
CODE_GROUP = 5
CODE_GROUPS = 4


def sha256_hex(data: str | bytes) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


def new_credential() -> str:
    return secrets.token_urlsafe(32)


def credential_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(sha256_hex(secret), stored_hash)


def new_enrolment_code() -> tuple[str, str, str]:
    """``(code as printed, lookup group, secret groups)``: ``ABCDE-FGHJK-MNPQR-STVWX``."""
    groups = [
        "".join(secrets.choice(_ALPHABET) for _ in range(CODE_GROUP)) for _ in range(CODE_GROUPS)
    ]
    return "-".join(groups), groups[0], "".join(groups[1:])


def split_enrolment_code(code: str) -> tuple[str, str] | None:
    """``(lookup, secret)`` of what a person typed (any case, spaces or dashes), or None."""
    text = "".join(code.split()).replace("-", "").upper().translate(_CONFUSABLE)
    if len(text) != CODE_GROUP * CODE_GROUPS or any(c not in _ALPHABET for c in text):
        return None
    return text[:CODE_GROUP], text[CODE_GROUP:]


def phone_hash(key: bytes, phone: str) -> str:
    """HMAC-SHA256 of a normalised mobile number: how shops match a member without the
    server ever holding the number."""
    return hmac.new(key, phone.encode("ascii"), hashlib.sha256).hexdigest()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
