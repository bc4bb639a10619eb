"""Push and pull (DESIGN §4), per device serialised and exactly once.

Push: one transaction per request. It locks the device row (``FOR UPDATE``; SQLite's
``BEGIN IMMEDIATE`` serialises anyway), then checks every event of the batch before applying
any: a known id with other content, or a taken ``device_seq`` under another id, is a 409 and
nothing is applied. Then, in order: a known event returns its stored result; the events from the
next expected seq on are applied (``applied``, ``applied_with_conflict`` or ``rejected``, each
advancing ``acked_seq``) — together in one savepoint with set-based writes
(:mod:`alliance.sync.batch`), or, when one of them needs it, each in its own savepoint; a gap
stops the batch and the answer says which seq is expected. A database failure rolls the whole
request back (503), so nothing advances.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alliance.bulk import insert_rows, one_of
from alliance.db import Database, current_epoch, utcnow
from alliance.errors import ApiError, Rejected
from alliance.feed import EVERYONE, Publisher
from alliance.sync import carried
from alliance.sync.batch import apply_batch
from alliance.sync.rules import (
    APPLIED,
    CONFLICT,
    REJECTED,
    Context,
    Parsed,
    apply_event,
    parse,
)
from alliance.sync.schemas import (
    PLAIN_DETAIL,
    Change,
    PullResponse,
    PushEvent,
    event_answer,
)
from alliance.tables import Alliance, Base, Device, Event, FeedCounter, FeedEntry
from desktop.models.jsonutil import canonical_json

_EVENTS = Base.metadata.tables["event"]


@dataclass(frozen=True)
class AuthDevice:
    """The device a request authenticated as."""

    id: str
    shop_id: int
    alliance_id: int


@dataclass(frozen=True)
class PushAnswer:
    """A push's answer (:class:`~alliance.sync.schemas.PushResponse`), its results plain data."""

    epoch: str
    acked_seq: int
    gap: bool
    results: list[dict[str, Any]]

    def as_json(self) -> bytes:
        body = {
            "epoch": self.epoch,
            "acked_seq": self.acked_seq,
            "expected_seq": self.acked_seq + 1,
            "gap": self.gap,
            "results": self.results,
        }
        return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Prepared:
    """What a push works out from its events alone, once and before taking any lock: each
    event's ``content_hash`` (SHA-256 of canonical {"kind", "payload"}) and its payload checked
    against its kind (:func:`alliance.sync.rules.parse`), by event id."""

    digests: dict[str, str]
    parsed: dict[str, Parsed]


def prepare(events: list[PushEvent]) -> Prepared:
    return Prepared(
        digests={e.id: e.digest() for e in events},
        parsed={e.id: parse(e.kind, e.payload) for e in events},
    )


def _result(row: Event, name: str) -> dict[str, Any]:
    columns = ("device_seq", "outcome", "reason", "detail", "server_seq")
    return event_answer(name, {c: getattr(row, c) for c in columns})


def _check_batch(
    session: Session,
    device: Device,
    events: list[PushEvent],
    epoch: str,
    digests: dict[str, str],
    *,
    careful: bool,
) -> dict[str, Event]:
    """Known events of the batch by id; raises 409 on an id or seq reused for other content.

    Not ``careful``, a batch whose seqs are all new is taken to have new ids too and nothing is
    looked up: should one be known after all (a restored PC's, or an id reused), the insert of
    the event rows fails on the key and the push is done again, carefully."""
    ids = [e.id for e in events]
    if not careful and all(e.device_seq > device.acked_seq for e in events):
        ids = []
    known = (
        {
            row.id: row
            for row in session.execute(
                select(Event).where(one_of(session, Event.id, ids))
            ).scalars()
        }
        if ids
        else {}
    )
    # The device's events hold exactly the seqs 1…acked_seq: only those can be taken.
    old_seqs = [e.device_seq for e in events if e.device_seq <= device.acked_seq]
    taken = (
        {
            row.device_seq: row.id
            for row in session.execute(
                select(Event.device_seq, Event.id).where(
                    Event.device_id == device.id, Event.device_seq.in_(old_seqs)
                )
            )
        }
        if old_seqs
        else {}
    )
    for event in events:
        digest = digests[event.id]
        if event.content_hash is not None and event.content_hash != digest:
            raise ApiError(
                400,
                "content_hash_mismatch",
                "the event's content does not match its content_hash",
                event_id=event.id,
            )
        row = known.get(event.id)
        context = {
            "event_id": event.id,
            "device_seq": event.device_seq,
            "acked_seq": device.acked_seq,
            "epoch": epoch,
        }
        if row is not None:
            if carried.is_carried(row, device, digest):
                continue  # sent before by the PC this one was restored from: see carried.py
            if (row.device_id, row.device_seq, row.content_hash) != (
                device.id,
                event.device_seq,
                digest,
            ):
                raise ApiError(
                    409, "event_id_reused", "this event id was used for other content", **context
                )
        elif event.device_seq in taken:
            raise ApiError(
                409,
                "device_seq_taken",
                "this device_seq belongs to another event",
                other_event_id=taken[event.device_seq],
                **context,
            )
    return known


def push(
    db: Database, auth: AuthDevice, events: list[PushEvent], *, wait_s: float = 0.0
) -> PushAnswer:
    """Apply what can be applied of ``events``. ``wait_s``: when the batch starts beyond the
    device's next expected seq — an earlier batch it sent may still be on its way (a client
    keeps two in flight) — look again for up to that long before answering with the gap."""
    deadline = time.monotonic() + wait_s
    prep = prepare(events)
    while True:
        try:
            answer = _push_once(db, auth, events, prep, careful=False)
        except IntegrityError:  # an id the quick path did not look up: see _check_batch
            answer = _push_once(db, auth, events, prep, careful=True)
        if not (answer.gap and not answer.results) or time.monotonic() >= deadline:
            return answer
        time.sleep(_TURN_POLL_S)


_TURN_POLL_S = 0.003


def _push_once(
    db: Database, auth: AuthDevice, events: list[PushEvent], prep: Prepared, *, careful: bool
) -> PushAnswer:
    now = utcnow()
    with db.write() as session:
        device = session.execute(
            select(Device).where(Device.id == auth.id).with_for_update()
        ).scalar_one()
        if device.revoked_at is not None:
            raise ApiError(401, "device_revoked")
        epoch = current_epoch(session)
        known = _check_batch(session, device, events, epoch, prep.digests, careful=careful)
        known.update(_stand_ins(session, device, events, known))
        # Known events return their stored result; new ones from acked + 1 on, until a gap.
        plan: list[Event | PushEvent] = []
        stand_ins: dict[str, dict[str, Any]] = {}
        names: list[str] = []  # the id each answer carries: the device's, even for a stand-in
        acked, gap = device.acked_seq, False
        for event in events:
            row = known.get(event.id)
            if row is not None and row.device_id != device.id:  # carried over, first time
                if event.device_seq != acked + 1:
                    gap = True
                    break
                stand_ins[event.id] = carried.stand_in_row(
                    device, event, row, prep.digests[event.id], now
                )
                acked = event.device_seq
                plan.append(event)
                names.append(event.id)
                continue
            if row is None and event.device_seq != acked + 1:
                gap = True
                break
            plan.append(row if row is not None else event)
            names.append(event.id)
            if row is None:
                acked = event.device_seq
        fresh = [e for e in plan if isinstance(e, PushEvent) and e.id not in stand_ins]
        new_rows = _apply_all(session, device, fresh, prep, now=now) if fresh else {}
        if new_rows or stand_ins:
            insert_rows(session, _EVENTS, [*new_rows.values(), *stand_ins.values()])
        device.acked_seq = acked
    # Made once committed: the next push of the device need not wait for it.
    results = [
        _result(item, name)
        if isinstance(item, Event)
        else event_answer(name, stand_ins.get(item.id) or new_rows[item.id])
        for item, name in zip(plan, names, strict=True)
    ]
    return PushAnswer(epoch=epoch, acked_seq=acked, gap=gap, results=results)


def _stand_ins(
    session: Session, device: Device, events: list[PushEvent], known: dict[str, Event]
) -> dict[str, Event]:
    """Carried-over events this device already sent once: their stand-in rows by event id
    (so a retry answers as before instead of making a second stand-in)."""
    wanted = {
        carried.stand_in_id(e.id, device.id): e.id
        for e in events
        if e.id in known and known[e.id].device_id != device.id
    }
    if not wanted:
        return {}
    rows = session.execute(select(Event).where(Event.id.in_(list(wanted)))).scalars()
    return {wanted[row.id]: row for row in rows}


def _apply_all(
    session: Session,
    device: Device,
    events: list[PushEvent],
    prep: Prepared,
    *,
    now: dt.datetime,
) -> dict[str, dict[str, Any]]:
    """Apply new events in order; their ``event`` rows by id. Set-based in one savepoint
    when it goes through (:mod:`alliance.sync.batch`), else one savepoint per event."""
    publisher = Publisher(session, device.alliance_id)
    alliance = session.get(Alliance, device.alliance_id)
    assert alliance is not None
    policy: dict[str, Any] = json.loads(alliance.policy)
    outcomes = apply_batch(
        session,
        alliance_id=device.alliance_id,
        shop_id=device.shop_id,
        events=events,
        parsed=prep.parsed,
        publisher=publisher,
        policy=policy,
        now=now,
    )
    rows: dict[str, dict[str, Any]] = {}
    if outcomes is not None:
        for event, conflicts in zip(events, outcomes, strict=True):
            outcome = CONFLICT if conflicts else APPLIED
            rows[event.id] = _event_row(
                device,
                event,
                prep.digests[event.id],
                (outcome, None, {}, conflicts),
                publisher.feed.first_new,
                now,
            )
    else:
        # Something in the batch needs deciding one event at a time: start afresh (what the
        # batch collected was rolled back with its savepoint).
        publisher = Publisher(session, device.alliance_id)
        loaded: dict[int, Any] = {}
        for event in events:
            rows[event.id] = _apply(
                session,
                device,
                event,
                prep,
                publisher=publisher,
                policy=policy,
                loaded=loaded,
                now=now,
            )
    publisher.flush()
    return rows


def _apply(
    session: Session,
    device: Device,
    event: PushEvent,
    prep: Prepared,
    *,
    publisher: Publisher,
    policy: dict[str, Any],
    loaded: dict[int, Any],
    now: dt.datetime,
) -> dict[str, Any]:
    """Apply one event in a savepoint; return its ``event`` row (inserted with the batch)."""
    ctx = Context(
        session=session,
        alliance_id=device.alliance_id,
        shop_id=device.shop_id,
        event_id=event.id,
        day=event.created_at.date(),
        now=now,
        policy=policy,
        publisher=publisher,
        loaded=loaded,
    )
    reason: str | None = None
    detail: dict[str, Any] = {}
    try:
        with session.begin_nested():
            apply_event(ctx, event.kind, prep.parsed[event.id])
            session.flush()
        outcome = CONFLICT if ctx.conflicts else APPLIED
    except Rejected as exc:
        outcome, reason, detail = REJECTED, exc.reason, exc.detail
    except IntegrityError:
        # A rule the handlers did not foresee, enforced by the database: still permanent.
        outcome, reason = REJECTED, "constraint_violation"
    conflicts = ctx.conflicts if outcome == CONFLICT else []
    # Every snapshot this transaction publishes gets a seq at or above first_new.
    return _event_row(
        device,
        event,
        prep.digests[event.id],
        (outcome, reason, detail, conflicts),
        publisher.feed.first_new,
        now,
    )


def _event_row(
    device: Device,
    event: PushEvent,
    digest: str,
    result: tuple[str, str | None, dict[str, Any], list[dict[str, Any]]],
    server_seq: int,
    now: dt.datetime,
) -> dict[str, Any]:
    """The ``event`` row of an applied event; ``result``: outcome, reason, detail, conflicts."""
    outcome, reason, detail, conflicts = result
    return {
        "id": event.id,
        "device_id": device.id,
        "device_seq": event.device_seq,
        "alliance_id": device.alliance_id,
        "shop_id": device.shop_id,
        "kind": event.kind,
        "created_at": event.created_at,
        "received_at": now,
        "payload": event.payload_text(),
        "content_hash": digest,
        "outcome": outcome,
        "reason": reason,
        "detail": (
            canonical_json({"detail": detail, "conflicts": conflicts})
            if detail or conflicts
            else PLAIN_DETAIL
        ),
        "server_seq": server_seq,
    }


def pull(db: Database, auth: AuthDevice, *, since: int, limit: int) -> PullResponse:
    """The device's audience's changes after ``since``, in seq order. Only seqs up to the
    counter's committed value are read, so a change committing later always has a higher
    seq than anything returned now."""
    with db.read() as session:
        epoch = current_epoch(session)
        head = session.execute(
            select(FeedCounter.last_seq).where(FeedCounter.alliance_id == auth.alliance_id)
        ).scalar_one()
        acked = session.execute(select(Device.acked_seq).where(Device.id == auth.id)).scalar_one()
        rows = (
            session.execute(
                select(FeedEntry)
                .where(
                    FeedEntry.alliance_id == auth.alliance_id,
                    FeedEntry.seq > since,
                    FeedEntry.seq <= head,
                    FeedEntry.audience.in_((EVERYONE, auth.shop_id)),
                )
                .order_by(FeedEntry.seq)
                .limit(limit + 1)
            )
            .scalars()
            .all()
        )
        has_more = len(rows) > limit
        rows = rows[:limit]
        changes = [
            Change(seq=r.seq, kind=r.kind, key=r.entity_key, data=json.loads(r.data)) for r in rows
        ]
    next_since = rows[-1].seq if has_more else max(since, head)
    return PullResponse(
        epoch=epoch,
        since=since,
        next_since=next_since,
        head=head,
        has_more=has_more,
        acked_seq=acked,
        changes=changes,
    )
