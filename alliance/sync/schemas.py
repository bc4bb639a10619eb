"""Wire shapes of push and pull (validated on the server; docs/sync.md describes them)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from alliance.types import EventId, Seq, Timestamp
from desktop.models.jsonutil import canonical_json, sha256_hex

# Events a push may carry (DESIGN said 200; docs/sync.md says why 1,000).
MAX_PUSH = 1000


class PushEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: EventId
    device_seq: Seq
    kind: str = Field(min_length=1, max_length=40, pattern=r"^[a-z_]+(\.[a-z_]+)*$")
    created_at: Timestamp
    payload: dict[str, Any]
    content_hash: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    # The payload's canonical JSON, made once (by the check below).
    _text: str = PrivateAttr(default="")

    @model_validator(mode="after")
    def _payload_is_json(self) -> PushEvent:
        try:
            text = canonical_json(self.payload)
            text.encode("utf-8")
        except (TypeError, ValueError, UnicodeEncodeError) as exc:
            raise ValueError("payload is not plain JSON") from exc
        if len(text) > 1_000_000:
            raise ValueError("payload too large")
        self._text = text
        return self

    def payload_text(self) -> str:
        """The payload as canonical JSON."""
        return self._text or canonical_json(self.payload)

    def digest(self) -> str:
        """The desktop's ``event.content_hash``: SHA-256 of canonical {"kind", "payload"}
        (keys sorted: the kind, then the payload; the kind's pattern needs no escaping)."""
        return sha256_hex('{"kind":"' + self.kind + '","payload":' + self.payload_text() + "}")


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    device_id: str | None = Field(default=None, max_length=36)
    events: list[PushEvent] = Field(max_length=MAX_PUSH)
    wait_ms: int = Field(
        default=0,
        ge=0,
        le=1000,
        description="When the first event is beyond the next expected device_seq (an earlier"
        " batch may still be in flight), wait up to this long for it before answering gap.",
    )

    @model_validator(mode="after")
    def _in_order(self) -> PushRequest:
        seqs = [e.device_seq for e in self.events]
        if any(b <= a for a, b in zip(seqs, seqs[1:], strict=False)):
            raise ValueError("events must be in strictly increasing device_seq order")
        if len({e.id for e in self.events}) != len(self.events):
            raise ValueError("an event id appears twice in the batch")
        return self


class ConflictInfo(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: str
    settlement: str
    amount: int


class EventResult(BaseModel):
    id: str
    device_seq: int
    outcome: str = Field(description="applied | applied_with_conflict | rejected")
    reason: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    conflicts: list[ConflictInfo] = Field(default_factory=list)
    server_seq: int = Field(
        description="Feed snapshots with seq >= this include the event's effect."
    )


PLAIN_DETAIL = canonical_json({"detail": {}, "conflicts": []})


def event_answer(event_id: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """One :class:`EventResult` as plain data, named ``event_id`` (the device's id, even for a
    stand-in), from its ``event`` row's values (``detail``: canonical JSON of {"detail",
    "conflicts"}). A push answers a thousand of these: building them as models cost more than
    applying the events."""
    stored = row["detail"]
    if stored == PLAIN_DETAIL:
        detail: dict[str, Any] = {}
        conflicts: list[dict[str, Any]] = []
    else:
        parsed = json.loads(stored)
        detail, conflicts = parsed.get("detail", {}), parsed.get("conflicts", [])
    return {
        "id": event_id,
        "device_seq": row["device_seq"],
        "outcome": row["outcome"],
        "reason": row["reason"],
        "detail": detail,
        "conflicts": conflicts,
        "server_seq": row["server_seq"],
    }


class PushResponse(BaseModel):
    epoch: str
    acked_seq: int
    expected_seq: int
    gap: bool = Field(description="True when events after a gap were not looked at.")
    results: list[EventResult]


class Change(BaseModel):
    seq: int
    kind: str
    key: str
    data: dict[str, Any]


class PullResponse(BaseModel):
    epoch: str
    since: int
    next_since: int
    head: int
    has_more: bool
    acked_seq: int
    changes: list[Change]
