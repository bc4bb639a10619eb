"""Events a shop sends again from a new device after restoring a PC from a backup.

A restored PC pairs as a new device and renumbers the events the server had not acknowledged
when the backup was made (their ids stay). Some of them may have reached the server from the
lost PC after that backup. Such an event — same id, same shop, same content, another device —
is not applied again: the new device's seq is filled by a small stand-in row (its own id,
derived from the original's) that answers with the original's outcome, so the device's events
stay 1…acked_seq without a gap and every fact counts once.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from alliance.sync.schemas import PushEvent
from alliance.tables import Device, Event
from desktop.models.jsonutil import canonical_json

_NAMESPACE = uuid.UUID("6f1d0c3e-8a52-4d6b-9f0e-3c1a2b4d5e6f")
REASON = "sent_before_by_another_device"


def is_carried(row: Event, device: Device, digest: str) -> bool:
    """The same fact, sent earlier by another device of the same shop."""
    return (
        row.device_id != device.id and row.shop_id == device.shop_id and row.content_hash == digest
    )


def stand_in_id(event_id: str, device_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{event_id}:{device_id}"))


def stand_in_row(
    device: Device, event: PushEvent, original: Event, digest: str, now: dt.datetime
) -> dict[str, Any]:
    stored: dict[str, Any] = json.loads(original.detail)
    return {
        "id": stand_in_id(event.id, device.id),
        "device_id": device.id,
        "device_seq": event.device_seq,
        "alliance_id": device.alliance_id,
        "shop_id": device.shop_id,
        "kind": event.kind,
        "created_at": event.created_at,
        "received_at": now,
        "payload": canonical_json({"same_as": original.id}),
        "content_hash": digest,
        "outcome": original.outcome,
        "reason": original.reason or REASON,
        "detail": canonical_json(
            {
                "detail": {**stored.get("detail", {}), "first_sent_by": original.device_id},
                "conflicts": stored.get("conflicts", []),
            }
        ),
        "server_seq": original.server_seq,
    }
