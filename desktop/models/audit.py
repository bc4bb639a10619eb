"""The audit log: sensitive actions, each record chained to the previous one by SHA-256.

Changing or deleting any record breaks the chain from that record on, and
:func:`verify_chain` says where.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.jsonutil import canonical_json, sha256_hex
from desktop.models.tables import AuditRecord

GENESIS = "0" * 64


def _record_hash(
    *, prev_hash: str, at: dt.datetime, staff_id: int | None, action: str, details: str
) -> str:
    body = canonical_json(
        {"prev": prev_hash, "at": at, "staff": staff_id, "action": action, "details": details}
    )
    return sha256_hex(body)


def append_audit(
    session: Session,
    *,
    action: str,
    staff_id: int | None,
    details: dict[str, Any],
    now: dt.datetime,
) -> None:
    """Add a record to the chain. Call inside a write unit of work (one writer at a time)."""
    prev = session.execute(
        select(AuditRecord.hash).order_by(AuditRecord.id.desc()).limit(1)
    ).scalar()
    prev_hash = prev or GENESIS
    text = canonical_json(details)
    session.add(
        AuditRecord(
            at=now,
            staff_id=staff_id,
            action=action,
            details=text,
            prev_hash=prev_hash,
            hash=_record_hash(
                prev_hash=prev_hash, at=now, staff_id=staff_id, action=action, details=text
            ),
        )
    )
    session.flush()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    records: int
    first_bad_id: int | None


def verify_chain(session: Session) -> ChainCheck:
    """Walk the whole chain; report the first record whose hash or link does not match."""
    prev_hash = GENESIS
    count = 0
    rows = session.execute(select(AuditRecord).order_by(AuditRecord.id)).scalars()
    for record in rows:
        count += 1
        expected = _record_hash(
            prev_hash=prev_hash,
            at=record.at,
            staff_id=record.staff_id,
            action=record.action,
            details=record.details,
        )
        if record.prev_hash != prev_hash or record.hash != expected:
            return ChainCheck(ok=False, records=count, first_bad_id=record.id)
        prev_hash = record.hash
    return ChainCheck(ok=True, records=count, first_bad_id=None)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    staff_id: int | None
    action: str
    details: str


def recent_audit(session: Session, *, limit: int = 100) -> list[AuditEntry]:
    rows = session.execute(
        select(AuditRecord).order_by(AuditRecord.id.desc()).limit(limit)
    ).scalars()
    return [AuditEntry(r.id, r.at, r.staff_id, r.action, r.details) for r in rows]
