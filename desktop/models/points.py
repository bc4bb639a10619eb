"""The points ledger: lots, spending oldest-expiring first, reversal, expiry.

Rules of the ledger (the tests hold them as invariants):

* Entries are only ever added. A balance is ``SUM(points)`` of a member's entries.
* A positive entry with ``expires_on`` is a *lot*. A negative entry consumes lots through
  ``points_allocation`` rows, oldest-expiring first; a lot's remaining points are its points
  minus what was allocated from it. An allocation with negative points gives points back.
* What a negative entry could not allocate is *debt* (the balance is below zero, e.g. a
  refund took back points already spent). A new lot repays debt first.
* So for every member: ``balance == Σ lot remaining − Σ debt``.
* An entry is reversed at most once: ``reverses_id`` is unique in the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.clock import add_months
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.shop import get_setting, set_setting
from desktop.models.staff import Actor, require_owner
from desktop.models.tables import PointsAllocation, PointsEntry

EARN = "earn"
REDEEM = "redeem"
EXPIRE = "expire"
REVERSAL = "reversal"
ADJUSTMENT = "adjustment"
CHECKIN = "checkin"

MAX_ADJUSTMENT = 1_000_000


@dataclass(frozen=True)
class Lot:
    id: int
    expires_on: dt.date
    remaining: int


@dataclass(frozen=True)
class BalanceInfo:
    """What the counter shows. ``balance`` already leaves out points expired today or before
    that the daily sweep has not yet written off."""

    balance: int
    expiring_points: int  # remaining in lots that expire within ``soon_days``
    expiring_on: dt.date | None  # the earliest of those days


# The counter's hot queries, written once as SQL: building ORM statements per call costs more
# than running them. Each is an indexed lookup of one member's handful of rows.
_LOTS_SQL = text(
    "SELECT e.id, e.expires_on, e.points - COALESCE("
    " (SELECT SUM(a.points) FROM points_allocation a WHERE a.lot_id = e.id), 0) AS remaining"
    " FROM points_entry e"
    " WHERE e.member_id = :m AND e.points > 0 AND e.expires_on IS NOT NULL"
    " ORDER BY e.expires_on, e.id"
)
_BALANCE_SQL = text("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE member_id = :m")
_DEBTS_SQL = text(
    "SELECT e.id, -e.points - COALESCE("
    " (SELECT SUM(a.points) FROM points_allocation a WHERE a.entry_id = e.id), 0) AS open"
    " FROM points_entry e WHERE e.member_id = :m AND e.points < 0 ORDER BY e.id"
)
_EXPIRED_LEFT_SQL = text(
    "SELECT e.member_id, SUM(e.points - COALESCE("
    " (SELECT SUM(a.points) FROM points_allocation a WHERE a.lot_id = e.id), 0))"
    " FROM points_entry e"
    " WHERE e.member_id IN :ids AND e.points > 0 AND e.expires_on < :today"
    " GROUP BY e.member_id"
).bindparams(bindparam("ids", expanding=True))


def lots(session: Session, member_id: int) -> list[Lot]:
    """The member's lots with points left, oldest-expiring first (expired ones included)."""
    rows = session.execute(_LOTS_SQL, {"m": member_id}).all()
    return [Lot(r.id, _as_date(r.expires_on), int(r.remaining)) for r in rows if r.remaining > 0]


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def raw_balance(session: Session, member_id: int) -> int:
    return int(session.execute(_BALANCE_SQL, {"m": member_id}).scalar_one())


def balance_info(
    session: Session, member_id: int, *, today: dt.date, soon_days: int = 30
) -> BalanceInfo:
    member_lots = lots(session, member_id)
    expired = sum(lot.remaining for lot in member_lots if lot.expires_on < today)
    horizon = today + dt.timedelta(days=soon_days)
    soon = [lot for lot in member_lots if today <= lot.expires_on <= horizon]
    return BalanceInfo(
        balance=raw_balance(session, member_id) - expired,
        expiring_points=sum(lot.remaining for lot in soon),
        expiring_on=min((lot.expires_on for lot in soon), default=None),
    )


def balances(session: Session, member_ids: list[int], *, today: dt.date) -> dict[int, int]:
    """Balances for a page of members in two queries (lists and searches), leaving out
    expired points the daily sweep has not written off yet, as the counter card does."""
    if not member_ids:
        return {}
    rows = session.execute(
        select(PointsEntry.member_id, func.sum(PointsEntry.points))
        .where(PointsEntry.member_id.in_(member_ids))
        .group_by(PointsEntry.member_id)
    ).all()
    found = {row[0]: int(row[1]) for row in rows}
    expired = session.execute(
        _EXPIRED_LEFT_SQL, {"ids": member_ids, "today": today.isoformat()}
    ).all()
    for member_id, left in expired:
        found[member_id] = found.get(member_id, 0) - int(left)
    return {mid: found.get(mid, 0) for mid in member_ids}


def _debts(session: Session, member_id: int) -> list[tuple[int, int]]:
    """(entry id, unallocated points) of negative entries not fully covered, oldest first."""
    rows = session.execute(_DEBTS_SQL, {"m": member_id}).all()
    return [(r.id, int(r.open)) for r in rows if r.open > 0]


def _allocate(session: Session, *, entry_id: int, lot_id: int, points: int) -> None:
    session.add(PointsAllocation(entry_id=entry_id, lot_id=lot_id, points=points))


def add_lot(
    session: Session,
    *,
    member_id: int,
    kind: str,
    points: int,
    now: dt.datetime,
    today: dt.date,
    expiry_months: int,
    staff_id: int | None = None,
    sale_id: int | None = None,
    checkin_id: int | None = None,
    rule_version: int | None = None,
    note: str = "",
) -> int:
    """Add ``points`` (> 0) as a new lot expiring after ``expiry_months``; repay debt first."""
    if points <= 0:
        raise ValueError("a lot needs positive points")
    entry = PointsEntry(
        member_id=member_id,
        kind=kind,
        points=points,
        created_at=now,
        local_day=today,
        expires_on=add_months(today, expiry_months),
        sale_id=sale_id,
        checkin_id=checkin_id,
        rule_version=rule_version,
        staff_id=staff_id,
        note=note,
    )
    session.add(entry)
    session.flush()
    left = points
    for debt_id, open_points in _debts(session, member_id):
        if left == 0:
            break
        take = min(left, open_points)
        _allocate(session, entry_id=debt_id, lot_id=entry.id, points=take)
        left -= take
    return entry.id


def _consume(
    session: Session,
    *,
    member_id: int,
    entry_id: int,
    points: int,
    today: dt.date,
    first_lot: int | None = None,
) -> int:
    """Allocate ``points`` from unexpired lots (``first_lot`` first); return what is left."""
    left = points
    ordered = lots(session, member_id)
    if first_lot is not None:
        ordered.sort(key=lambda lot: lot.id != first_lot)
    for lot in ordered:
        if left == 0:
            break
        if lot.expires_on < today and lot.id != first_lot:
            continue
        take = min(left, lot.remaining)
        _allocate(session, entry_id=entry_id, lot_id=lot.id, points=take)
        left -= take
    return left


def spend(
    session: Session,
    *,
    member_id: int,
    kind: str,
    points: int,
    now: dt.datetime,
    today: dt.date,
    staff_id: int | None = None,
    sale_id: int | None = None,
    rule_version: int | None = None,
    note: str = "",
) -> int:
    """Take ``points`` (> 0) from the member's lots, oldest-expiring first. The caller has
    checked the balance; anything not covered becomes debt."""
    if points <= 0:
        raise ValueError("spend needs positive points")
    entry = PointsEntry(
        member_id=member_id,
        kind=kind,
        points=-points,
        created_at=now,
        local_day=today,
        sale_id=sale_id,
        rule_version=rule_version,
        staff_id=staff_id,
        note=note,
    )
    session.add(entry)
    session.flush()
    _consume(session, member_id=member_id, entry_id=entry.id, points=points, today=today)
    return entry.id


def _expired_from(session: Session, lot_id: int) -> int:
    return session.execute(
        select(func.coalesce(func.sum(PointsAllocation.points), 0))
        .join(PointsEntry, PointsEntry.id == PointsAllocation.entry_id)
        .where(PointsAllocation.lot_id == lot_id, PointsEntry.kind == EXPIRE)
    ).scalar_one()


def reverse_entry(
    session: Session,
    *,
    entry_id: int,
    now: dt.datetime,
    today: dt.date,
    expiry_months: int,
    staff_id: int | None,
    note: str = "",
) -> int | None:
    """Write the reversal of one entry and return its id (``None`` if nothing to reverse).

    Raises ``DomainError("already_reversed")`` if a reversal exists; the unique
    ``reverses_id`` makes a second one impossible even under a race or a retry.
    """
    original = session.get(PointsEntry, entry_id)
    if original is None:
        raise DomainError("entry_not_found")
    done = session.execute(
        select(PointsEntry.id).where(PointsEntry.reverses_id == entry_id)
    ).scalar()
    if done is not None:
        raise DomainError("already_reversed")
    if original.points > 0:
        # Points that already expired from this lot are gone; only take back the rest.
        amount = original.points - _expired_from(session, entry_id)
        if amount <= 0:
            return None
        entry = PointsEntry(
            member_id=original.member_id,
            kind=REVERSAL,
            points=-amount,
            created_at=now,
            local_day=today,
            reverses_id=entry_id,
            sale_id=original.sale_id,
            staff_id=staff_id,
            note=note,
        )
        session.add(entry)
        session.flush()
        _consume(
            session,
            member_id=original.member_id,
            entry_id=entry.id,
            points=amount,
            today=today,
            first_lot=entry_id,
        )
        return entry.id
    return _reverse_spend(
        session,
        original=original,
        now=now,
        today=today,
        expiry_months=expiry_months,
        staff_id=staff_id,
        note=note,
    )


def _reverse_spend(
    session: Session,
    *,
    original: PointsEntry,
    now: dt.datetime,
    today: dt.date,
    expiry_months: int,
    staff_id: int | None,
    note: str,
) -> int:
    """Give back what a negative entry took, to the same lots (they keep their expiry)."""
    allocations = session.execute(
        select(PointsAllocation.lot_id, func.sum(PointsAllocation.points))
        .where(PointsAllocation.entry_id == original.id)
        .group_by(PointsAllocation.lot_id)
    ).all()
    restored = sum(int(points) for _, points in allocations)
    uncovered = -original.points - restored
    entry = PointsEntry(
        member_id=original.member_id,
        kind=REVERSAL,
        points=-original.points,
        created_at=now,
        local_day=today,
        reverses_id=original.id,
        sale_id=original.sale_id,
        staff_id=staff_id,
        note=note,
        # If the original left debt, this reversal is a lot that pays exactly that debt.
        expires_on=add_months(today, expiry_months) if uncovered > 0 else None,
    )
    session.add(entry)
    session.flush()
    for lot_id, points in allocations:
        if points:
            _allocate(session, entry_id=entry.id, lot_id=lot_id, points=-int(points))
    if uncovered > 0:
        _allocate(session, entry_id=original.id, lot_id=entry.id, points=uncovered)
    session.flush()
    tally: dict[int, int] = {}
    _expire_lots(
        session,
        member_id=original.member_id,
        today=today,
        now=now,
        lot_ids=[lot_id for lot_id, _ in allocations],
        tally=tally,
    )
    if tally:  # points given back into lots that had already expired lapse again at once
        emit_event(
            session,
            kind="points.expired",
            payload={"day": today, "lots": len(tally), "members": [list(p) for p in tally.items()]},
            now=now,
        )
    return entry.id


def _expire_lots(
    session: Session,
    *,
    member_id: int,
    today: dt.date,
    now: dt.datetime,
    lot_ids: list[int] | None = None,
    tally: dict[int, int] | None = None,
) -> int:
    """Write off what is left in this member's lots that expired before ``today``; the points
    written off are added to ``tally[member_id]`` when given."""
    count = 0
    for lot in lots(session, member_id):
        if lot.expires_on >= today or (lot_ids is not None and lot.id not in lot_ids):
            continue
        entry = PointsEntry(
            member_id=member_id,
            kind=EXPIRE,
            points=-lot.remaining,
            created_at=now,
            local_day=today,
        )
        session.add(entry)
        session.flush()
        _allocate(session, entry_id=entry.id, lot_id=lot.id, points=lot.remaining)
        if tally is not None:
            tally[member_id] = tally.get(member_id, 0) + lot.remaining
        count += 1
    return count


_DUE_MEMBERS_SQL = text(
    "SELECT DISTINCT e.member_id FROM points_entry e INDEXED BY ix_points_entry_expiry"
    " WHERE e.expires_on >= :since AND e.expires_on < :today AND e.points > 0"
    " AND e.points > COALESCE("
    "  (SELECT SUM(a.points) FROM points_allocation a WHERE a.lot_id = e.id), 0)"
)
SWEPT_UNTIL = "points_expiry_swept_until"
EXPIRED_PER_EVENT = 10_000


def expire_due(session: Session, *, today: dt.date, now: dt.datetime) -> int:
    """The daily sweep: write off what is left in lots that expired before ``today``.

    Idempotent and incremental: it looks only at lots whose expiry day lies between the last
    sweep and today (an index range), so it stays fast on a large shop. Lots can only gain
    points after their expiry through a reversal, which expires them at once itself.
    """
    since = get_setting(session, SWEPT_UNTIL, "0001-01-01")
    if since >= today.isoformat():
        return 0
    member_ids = (
        session.execute(_DUE_MEMBERS_SQL, {"since": since, "today": today.isoformat()})
        .scalars()
        .all()
    )
    total = 0
    tally: dict[int, int] = {}
    for member_id in member_ids:
        total += _expire_lots(session, member_id=member_id, today=today, now=now, tally=tally)
    set_setting(session, SWEPT_UNTIL, today.isoformat())
    # Per-member figures, so the alliance moves the same points to breakage; split so no
    # event carries more members than the server takes in one.
    expired = sorted((m, p) for m, p in tally.items() if p > 0)
    for start in range(0, len(expired), EXPIRED_PER_EVENT):
        emit_event(
            session,
            kind="points.expired",
            payload={
                "day": today,
                "lots": total,
                "members": [list(pair) for pair in expired[start : start + EXPIRED_PER_EVENT]],
            },
            now=now,
        )
    return total


def adjust_points(
    session: Session,
    *,
    member_id: int,
    points: int,
    reason: str,
    by: Actor,
    now: dt.datetime,
    today: dt.date,
    expiry_months: int,
) -> int:
    """An owner's manual correction (audited). A deduction cannot take the balance below 0."""
    require_owner(by)
    if points == 0 or abs(points) > MAX_ADJUSTMENT:
        raise DomainError("adjustment_invalid", max=MAX_ADJUSTMENT)
    reason = " ".join(reason.split())[:200]
    if not reason:
        raise DomainError("reason_required")
    if points > 0:
        entry_id = add_lot(
            session,
            member_id=member_id,
            kind=ADJUSTMENT,
            points=points,
            now=now,
            today=today,
            expiry_months=expiry_months,
            staff_id=by.staff_id,
            note=reason,
        )
    else:
        available = balance_info(session, member_id, today=today).balance
        if available < -points:
            raise DomainError("insufficient_points", balance=max(available, 0), needed=-points)
        entry_id = spend(
            session,
            member_id=member_id,
            kind=ADJUSTMENT,
            points=-points,
            now=now,
            today=today,
            staff_id=by.staff_id,
            note=reason,
        )
    append_audit(
        session,
        action="points.adjusted",
        staff_id=by.staff_id,
        details={"member": member_id, "points": points, "reason": reason},
        now=now,
    )
    emit_event(
        session,
        kind="points.adjusted",
        payload={"member_id": member_id, "points": points, "entry": entry_id},
        now=now,
    )
    return entry_id


@dataclass(frozen=True)
class LedgerLine:
    id: int
    created_at: dt.datetime
    local_day: dt.date
    kind: str
    points: int
    expires_on: dt.date | None
    note: str
    reverses_id: int | None


def history(session: Session, member_id: int, *, limit: int = 100) -> list[LedgerLine]:
    """The member's latest ledger entries, newest first."""
    rows = session.execute(
        select(PointsEntry)
        .where(PointsEntry.member_id == member_id)
        .order_by(PointsEntry.id.desc())
        .limit(max(1, min(limit, 1000)))
    ).scalars()
    return [
        LedgerLine(
            e.id, e.created_at, e.local_day, e.kind, e.points, e.expires_on, e.note, e.reverses_id
        )
        for e in rows
    ]
