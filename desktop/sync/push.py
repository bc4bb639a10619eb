"""Sending this device's outbox: up to 1,000 events a request, oldest first, until nothing
waits.

The server's answer for each event (applied, applied with a conflict, rejected) is stored with
the event in one local transaction; a lost answer is harmless because the server answers a
repeated event with its stored result. No write transaction is held while waiting on the
network, so the counter never waits for a push.

A long queue is sent as a pipeline of two requests: while the server applies one batch, the
next is already on its way (and parsed), and when an answer has come back whole the batch after
is read and sent before the answer is stored. The server applies a device's batches one after
another; the second is marked ``wait_ms`` so that, should it get there first, the server waits
for the first instead of answering with a gap. An answer that does report a gap, or leaves
events unanswered, stops the pipeline: what is in flight lands, and the next batch is read
again from what is still unacknowledged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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

BATCH = 1000  # the protocol's most per request (docs/sync.md: why not 200)
IN_FLIGHT = 2  # requests a long queue keeps on their way
TURN_WAIT_MS = 1000  # how long the server may wait for the batch before (see _next_batch)
SETTLED_DIFFERENTLY = ("applied_with_conflict", "rejected")


@dataclass
class PushReport:
    pushed: int = 0
    conflicts: int = 0
    rejected: int = 0
    requests: int = 0


def wire_text(row: Any) -> str:
    """One outbox event as the push request carries it. The payload is stored as canonical
    JSON already, so it goes as it is."""
    return (
        f'{{"id":{json.dumps(row.id)},"device_seq":{int(row.device_seq)},'
        f'"kind":{json.dumps(row.kind)},"created_at":"{row.created_at.isoformat()}Z",'
        f'"payload":{row.payload},"content_hash":{json.dumps(row.content_hash)}}}'
    )


def waiting_events(session: Session, *, after: int = 0, limit: int = BATCH) -> list[Any]:
    """This device's unacknowledged events after seq ``after``, oldest first (rows with the
    columns a push sends)."""
    device = this_device_id(session)
    return list(
        session.execute(
            select(
                Event.id,
                Event.device_seq,
                Event.kind,
                Event.created_at,
                Event.payload,
                Event.content_hash,
            )
            .where(
                Event.device_id == device,
                Event.acked_at.is_(None),
                Event.device_seq > after,
            )
            .order_by(Event.device_seq)
            .limit(limit)
        )
    )


def _next_batch(db: Database, after: int, *, wait: bool) -> tuple[list[Any], str]:
    """The next batch after seq ``after`` and its request body. ``wait``: an earlier batch is
    still in flight, so the server is asked to wait for it rather than answer with a gap."""
    with db.read() as s:
        batch = waiting_events(s, after=after)
    extra = f',"wait_ms":{TURN_WAIT_MS}' if wait else ""
    return batch, '{"events":[' + ",".join(wire_text(e) for e in batch) + "]" + extra + "}"


def push_pending(
    db: Database, client: AllianceClient, *, clock: Callable[[], dt.datetime]
) -> PushReport:
    report = PushReport()
    with db.read() as s:
        budget = pending_count(s) // BATCH + 5  # a re-push after a server restore may add some
    with ThreadPoolExecutor(max_workers=IN_FLIGHT, thread_name_prefix="push") as sender:
        flight: deque[tuple[list[Any], Future[dict[str, Any]]]] = deque()
        after = 0  # the last seq sent

        def send_more() -> None:
            nonlocal after, budget
            while len(flight) < IN_FLIGHT and budget > 0:
                batch, body = _next_batch(db, after, wait=bool(flight))
                if not batch:
                    return
                budget -= 1
                flight.append((batch, sender.submit(client.push, body)))
                after = batch[-1].device_seq

        send_more()
        while flight:
            sent, answer = flight[0][0], _answer(flight.popleft()[1])
            report.requests += 1
            answered = [r.get("id") for r in _results(answer)]
            whole = not answer.get("gap") and answered == [e.id for e in sent]
            if whole:  # the pipe is filled again before this answer is stored
                send_more()
            _take(db, report, answer, first=sent[0].device_seq, now=clock())
            if not whole:
                # A gap, or events left unanswered: let what is in flight land (its results
                # count; its gap is the same gap), then go on from what is unacknowledged.
                while flight:
                    try:
                        late = _answer(flight.popleft()[1])
                    except SyncError:
                        continue
                    report.requests += 1
                    _take(db, report, late, first=0, now=clock(), rewind=False)
                after = 0
                send_more()
    return report


def _answer(future: Future[dict[str, Any]]) -> dict[str, Any]:
    answer = future.result()
    if "conflict" in answer:
        # The whole batch was refused (an id reused with other content, a taken seq): nothing
        # applied; pushing it again would give the same answer.
        raise SyncError(str(answer["conflict"]), str(answer.get("message", "")))
    if not answer.get("results") and not answer.get("gap"):
        raise SyncError("bad_answer", "the server answered a push with no results")
    return answer


def _results(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in answer.get("results", []) if isinstance(r, dict)]


def _take(
    db: Database,
    report: PushReport,
    answer: dict[str, Any],
    *,
    first: int,
    now: dt.datetime,
    rewind: bool = True,
) -> None:
    """Store an answer's results (and, with ``rewind``, go back after a gap) in one local
    transaction."""
    results = _results(answer)
    with db.write() as s:
        _store_results(s, results, now=now)
        if rewind and answer.get("gap"):
            _rewind_to(s, int(answer.get("expected_seq", 0)), first=first)
    report.pushed += sum(1 for r in results if r.get("outcome") in _OUTCOMES)
    report.conflicts += sum(1 for r in results if r.get("outcome") == "applied_with_conflict")
    report.rejected += sum(1 for r in results if r.get("outcome") == "rejected")


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
