"""Applying a push batch set-based: one savepoint, a few multi-row statements.

The members the batch names are looked up with one query; the handlers of
:mod:`alliance.sync.rules` then run in order with ``ctx.writes`` collecting entries, postings
and new sale records, which are inserted at the end. Kinds whose handlers read the ledger or
sale records the batch may have written (refunds, coupons) first have what was collected
written, then run as usual. Any rejection, a key already taken or a constraint the database
enforces rolls the savepoint back and the caller applies the batch one event at a time — the
results are the same, this path is only faster when nothing goes wrong.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alliance.bulk import one_of
from alliance.errors import Rejected
from alliance.feed import Publisher
from alliance.ledger import BatchRefused, LedgerBatch
from alliance.sync.rules import RECORDED_ONLY, Context, Parsed, apply_event
from alliance.sync.schemas import PushEvent
from alliance.sync.writes import BatchWrites
from alliance.tables import Member
from alliance.types import MAX_BIGINT

# Handlers that never read what the batch collects (entries, sale records) from the database.
COLLECTING = RECORDED_ONLY | {
    "member.enrolled",
    "member.imported",
    "member.consent",
    "member.updated",
    "member.erased",
    "card.reissued",
    "sale.recorded",
    "checkin.recorded",
    "points.adjusted",
    "points.expired",
}


def _member_ids(events: list[PushEvent]) -> set[int]:
    found: set[int] = set()
    for event in events:
        payload = event.payload
        candidates = [payload.get("member_id")]
        members = payload.get("members")
        if event.kind == "points.expired" and isinstance(members, list):
            candidates += [m[0] for m in members if isinstance(m, list) and m]
        for value in candidates:
            if type(value) is int and 1 <= value <= MAX_BIGINT:
                found.add(value)
    return found


def _chunks(values: set[Any], size: int = 1000) -> list[list[Any]]:
    ordered = sorted(values)
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


def apply_batch(
    session: Session,
    *,
    alliance_id: int,
    shop_id: int,
    events: list[PushEvent],
    parsed: dict[str, Parsed],
    publisher: Publisher,
    policy: dict[str, Any],
    now: dt.datetime,
) -> list[list[dict[str, Any]]] | None:
    """Apply ``events`` (consecutive seqs, none known) in one savepoint; per event the
    conflicts it was applied with. None when any event needs the one-by-one path (nothing
    of the batch is left then)."""
    ids = _member_ids(events)
    loaded: dict[int, Member] = {}
    for chunk in _chunks(ids):
        for m in session.execute(
            select(Member).where(
                Member.alliance_id == alliance_id, one_of(session, Member.id, chunk)
            )
        ).scalars():
            loaded[m.id] = m
    # A sale uid the database already holds is not looked up: its insert fails on the unique
    # key, which sends the batch the one-by-one way like any other refusal.
    writes = BatchWrites(ledger=LedgerBatch(members=loaded))
    missing = ids - loaded.keys()
    publisher.known = loaded
    outcomes: list[list[dict[str, Any]]] = []
    try:
        with session.begin_nested():
            for event in events:
                collecting = event.kind in COLLECTING
                if not collecting:
                    writes.write(session)
                    sale = event.payload.get("sale")
                    if isinstance(sale, str):
                        writes.sale_uids.add(sale)
                ctx = Context(
                    session=session,
                    alliance_id=alliance_id,
                    shop_id=shop_id,
                    event_id=event.id,
                    day=event.created_at.date(),
                    now=now,
                    policy=policy,
                    publisher=publisher,
                    loaded=loaded,
                    missing=missing,
                    writes=writes if collecting else None,
                )
                apply_event(ctx, event.kind, parsed[event.id])
                outcomes.append(ctx.conflicts)
            writes.write(session)
            session.flush()
    except (Rejected, BatchRefused, IntegrityError):
        writes.forget(session)
        # Balances the batch moved were never shown to the session as changes, so the
        # savepoint's rollback did not expire them: read them again.
        for m in loaded.values():
            if m in session:
                session.expire(m)
        return None
    return outcomes
