"""Sending this device's outbox: 200 events a request, oldest first, until nothing waits.

The server's answer for each event (applied, applied with a conflict, rejected) is stored with
the event in one local transaction; a lost answer is harmless because the server answers a
repeated event with its stored result. No write transaction is held while waiting on the
network, so the counter never waits for a push.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.models.db import Database
from desktop.models.events import pending_count, this_device_id
from desktop.models.jsonutil import canonical_json
from desktop.models.tables import Base, Event, SyncConflict
from desktop.sync.errors import SyncError
from desktop.sync.http import AllianceClient

BATCH = 200
SETTLED_DIFFERENTLY = ("applied_with_conflict", "rejected")


@dataclass
class PushReport:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    requests: int = 0


def wire_event(row: Event) -> dict[str, Any]:
    return {
        "id": row.id,
        "device_seq": row.device_seq,
        "kind": row.kind,
        "created_at": row.created_at.isoformat() + "Z",
        "payload": json.loads(row.payload),
        "content_hash": row.content_hash,
    }


def waiting_events(session: Session, *, limit: int = BATCH) -> list[Event]:
    device = this_device_id(session)
    return list(
        session.execute(
            select(Event)
            .where(Event.device_id == device, Event.acked_at.is_(None))
            .order_by(Event.device_seq)
            .limit(limit)
        ).scalars()
    )


def push_pending(
    db: Database, client: AllianceClient, *, clock: Callable[[], dt.datetime]
) -> PushReport:
    report = PushReport()
    with db.read() as s:
        budget = pending_count(s) // BATCH + 5  # a re-push after a server restore may add some
    while budget > 0:
        budget -= 1
        with db.read() as s:
            batch = waiting_events(s)
            wire = [wire_event(e) for e in batch]
        if not wire:
            return report
        answer = client.push(wire)
        report.requests += 1
        if "conflict" in answer:
            # The whole batch was refused (an id reused with other content, a taken seq):
            # nothing applied; pushing it again would give the same answer.
            raise SyncError(str(answer["conflict"]), str(answer.get("message", "")))
        results = [r for r in answer.get("results", []) if isinstance(r, dict)]
        with db.write() as s:
            _store_results(s, results, now=clock())
            if answer.get("gap"):
                _rewind_to(s, int(answer.get("expected_seq", 0)), first=batch[0].device_seq)
        report.pushed += sum(1 for r in results if r.get("outcome") in _OUTCOMES)
        report.conflicts += sum(1 for r in results if r.get("outcome") == "applied_with_conflict")
        report.rejected += sum(1 for r in results if r.get("outcome") == "rejected")
        if not results and not answer.get("gap"):
            raise SyncError("bad_answer", "the server answered a push with no results")
    return report


_OUTCOMES = ("applied", "applied_with_conflict", "rejected")


def _store_results(session: Session, results: list[dict[str, Any]], *, now: dt.datetime) -> None:
    """Every result acknowledges its event once, in one statement for the whole answer
    (executemany); rejections and conflicts go to ``sync_conflict``."""
    events = Base.metadata.tables["event"]
    ack = (
        update(events)
        .where(events.c.id == bindparam("result_id"), events.c.acked_at.is_(None))
        .values(
            acked_at=bindparam("result_at"),
            outcome=bindparam("result_outcome"),
            server_seq=bindparam("result_seq"),
        )
    )
    acks: list[dict[str, Any]] = []
    for r in results:
        outcome = r.get("outcome")
        if outcome not in _OUTCOMES or not isinstance(r.get("id"), str):
            raise SyncError("bad_answer", f"push result not understood: {str(r)[:200]}")
        server_seq = r.get("server_seq")
        acks.append(
            {
                "result_id": r["id"],
                "result_at": now,
                "result_outcome": outcome,
                "result_seq": int(server_seq) if isinstance(server_seq, int) else None,
            }
        )
    if acks:
        session.connection().execute(ack, acks)
    for r in results:
        if r["outcome"] in SETTLED_DIFFERENTLY:
            _record_conflicts(session, r, now=now)


def _record_conflicts(session: Session, result: dict[str, Any], *, now: dt.datetime) -> None:
    kind = session.execute(select(Event.kind).where(Event.id == result["id"])).scalar() or "?"
    found: list[tuple[str, dict[str, Any]]] = []
    if result["outcome"] == "rejected":
        found.append((str(result.get("reason") or "rejected"), {"detail": result.get("detail")}))
    for c in result.get("conflicts") or []:
        if isinstance(c, dict):
            found.append((str(c.get("kind", "conflict")), c))
    for reason, detail in found:
        session.execute(
            insert(SyncConflict)
            .values(
                event_id=result["id"],
                event_kind=kind,
                outcome=result["outcome"],
                reason=reason[:60],
                detail=canonical_json(detail),
                found_at=now,
            )
            .on_conflict_do_nothing()
        )


def _rewind_to(session: Session, expected: int, *, first: int) -> None:
    """The server expects an earlier seq than we sent (it was restored from a backup): what
    it lost is pushed again — same ids, so nothing it still has counts twice."""
    if expected < 1 or expected >= first:
        raise SyncError("bad_answer", f"gap at {expected} while sending from {first}")
    send_again_from(session, expected)


def send_again_from(session: Session, seq: int) -> None:
    """This device's events from ``seq`` on wait to be pushed again (a server that lost them)."""
    session.execute(
        update(Event)
        .where(Event.device_id == this_device_id(session), Event.device_seq >= seq)
        .values(acked_at=None, outcome=None, server_seq=None)
    )
