"""Identifiers made on the device: UUIDv7 for events and sales, random ids for members."""

from __future__ import annotations

import secrets
import time
import uuid


def uuid7(now_ms: int | None = None) -> str:
    """Return a new RFC 9562 UUIDv7 as text: time-ordered, unique without coordination."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand_a = secrets.randbits(12)
    rand_b = secrets.randbits(62)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def new_member_id() -> int:
    """A random positive 63-bit member id (never sequential, never derived from PII)."""
    while True:
        value = secrets.randbits(63)
        if value >= 1 << 32:  # keep ids long enough that they cannot be guessed by counting
            return value
