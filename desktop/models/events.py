"""The event outbox: every state change, written in the same transaction as its effect.

``device_seq`` is gapless: it comes from the device row's counter, bumped inside the same
``BEGIN IMMEDIATE`` transaction, so a rolled-back change leaves no hole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.models.cache import cached
from desktop.models.ids import uuid7
from desktop.models.jsonutil import canonical_json, sha256_hex
from desktop.models.tables import Device, Event


def this_device_id(session: Session) -> str:
    def load() -> str:
        device_id = session.execute(
            select(Device.id).order_by(Device.created_at.desc()).limit(1)
        ).scalar()
        if device_id is None:
            raise RuntimeError("the shop has not been set up (no device row)")
        return device_id

    return cached(session, "device_id", load)


def emit_event(session: Session, *, kind: str, payload: dict[str, Any], now: dt.datetime) -> str:
    """Append an event for this device and return its id. Call inside a write unit of work."""
    device_id = this_device_id(session)
    seq = (
        session.execute(
            update(Device)
            .where(Device.id == device_id)
            .values(next_seq=Device.next_seq + 1)
            .returning(Device.next_seq)
        ).scalar_one()
        - 1
    )
    event_id = uuid7(int(now.replace(tzinfo=dt.UTC).timestamp() * 1000))
    body = canonical_json({"kind": kind, "payload": payload})
    session.add(
        Event(
            id=event_id,
            device_id=device_id,
            device_seq=seq,
            kind=kind,
            created_at=now,
            payload=canonical_json(payload),
            content_hash=sha256_hex(body),
        )
    )
    return event_id


def pending_count(session: Session) -> int:
    """Events not yet acknowledged by the alliance server."""
    return session.execute(
        select(func.count()).select_from(Event).where(Event.acked_at.is_(None))
    ).scalar_one()
