"""The owner's security settings: how much staff may refund alone, and when the counter locks.

Both are shop settings (``setting`` table). A missing or unreadable value reads as the default.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desktop.models.errors import DomainError
from desktop.models.shop import get_setting

REFUND_LIMIT_KEY = "staff_refund_limit_fen"
AUTO_LOCK_KEY = "auto_lock_minutes"
DEFAULT_REFUND_LIMIT_FEN = 10_000  # ¥100.00; 0: every refund needs the owner
DEFAULT_AUTO_LOCK_MINUTES = 10  # 0: never lock by itself
LIMITS: dict[str, tuple[int, int]] = {
    REFUND_LIMIT_KEY: (0, 100_000_000),
    AUTO_LOCK_KEY: (0, 24 * 60),
}
DEFAULTS: dict[str, int] = {
    REFUND_LIMIT_KEY: DEFAULT_REFUND_LIMIT_FEN,
    AUTO_LOCK_KEY: DEFAULT_AUTO_LOCK_MINUTES,
}


@dataclass(frozen=True)
class SecuritySettings:
    staff_refund_limit_fen: int = DEFAULT_REFUND_LIMIT_FEN
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES


def _valid(key: str, value: Any) -> bool:
    low, high = LIMITS[key]
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def check_value(key: str, value: Any) -> int:
    """``value`` if it is allowed for ``key``, else ``DomainError("setting_value_invalid")``."""
    if key not in LIMITS:
        raise DomainError("setting_unknown", key=key)
    if not _valid(key, value):
        low, high = LIMITS[key]
        raise DomainError("setting_value_invalid", key=key, min=low, max=high)
    return int(value)


def read_value(session: Session, key: str) -> int:
    value = get_setting(session, key)
    return int(value) if _valid(key, value) else DEFAULTS[key]


def security_settings(session: Session) -> SecuritySettings:
    return SecuritySettings(
        staff_refund_limit_fen=read_value(session, REFUND_LIMIT_KEY),
        auto_lock_minutes=read_value(session, AUTO_LOCK_KEY),
    )
