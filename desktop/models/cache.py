"""A per-database cache of values that almost never change (this device's id, the rule in
force, the shop's time zone), so the counter's hot path does not re-read them every time.

The cache lives in ``session.info["cache"]`` (put there by :class:`Database`); code that
changes one of these values calls :func:`invalidate` in the same unit of work. A session
without a cache (tests, tools) simply loads every time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")


def cached(session: Session, key: str, load: Callable[[], T]) -> T:
    store: dict[str, Any] | None = session.info.get("cache")
    if store is None:
        return load()
    if key not in store:
        store[key] = load()
    value: T = store[key]
    return value


def invalidate(session: Session, *keys: str) -> None:
    """Forget ``keys`` now and again when the transaction ends (commit or rollback)."""
    store: dict[str, Any] | None = session.info.get("cache")
    if store is None:
        return
    for key in keys:
        store.pop(key, None)
    pending: set[str] = session.info.setdefault("invalidate_on_end", set())
    pending.update(keys)
