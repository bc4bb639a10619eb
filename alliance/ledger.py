"""The alliance's points ledger, in double entry (DESIGN §8).

An earn at shop S debits ``shop:S:issued`` and credits ``member:m``; a redemption at shop T
debits ``member:m`` and credits ``shop:T:honored``; expiry moves points to
``alliance:breakage``. Every entry's postings sum to zero, so all postings do. A member's
balance is the sum of its account; ``member.balance`` caches it in the same transaction.

Entries are keyed by the fact they book (``sale:<uid>:earn``), so a fact is booked once; a
reversal names the key it reverses and that name is unique, so an entry is reversed at most
once, whether the reversal arrives before or after the entry itself.

A push batch books its plain entries through a :class:`LedgerBatch`: they are collected and
written set-based at the end (one multi-row INSERT of entries, one of postings); a key met
twice, or one the database already holds, makes the whole batch go the one-by-one way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import instance_state

from alliance.bulk import insert_rows, insert_with_ids, update_rows
from alliance.db import insert_ignore_returning_id
from alliance.errors import Rejected
from alliance.tables import Base, LedgerEntry, Member, Posting

BREAKAGE = "alliance:breakage"
_ENTRIES = Base.metadata.tables["ledger_entry"]
_POSTINGS = Base.metadata.tables["posting"]
_MEMBERS = Base.metadata.tables["member"]


def member_account(member_id: int) -> str:
    return f"member:{member_id}"


def issued_account(shop_id: int) -> str:
    return f"shop:{shop_id}:issued"


def honored_account(shop_id: int) -> str:
    return f"shop:{shop_id}:honored"


@dataclass(frozen=True)
class Leg:
    account: str
    amount: int


def find_entry(session: Session, alliance_id: int, key: str) -> LedgerEntry | None:
    return session.execute(
        select(LedgerEntry).where(
            LedgerEntry.alliance_id == alliance_id, LedgerEntry.entry_key == key
        )
    ).scalar()


def reversal_of(session: Session, alliance_id: int, key: str) -> LedgerEntry | None:
    return session.execute(
        select(LedgerEntry).where(
            LedgerEntry.alliance_id == alliance_id, LedgerEntry.reverses_key == key
        )
    ).scalar()


class BatchRefused(Exception):
    """A batch cannot be written set-based (a key already booked): apply it one by one."""


@dataclass
class LedgerBatch:
    """Entries collected for one set-based write. ``members`` are the rows the batch has
    loaded (by id), so a balance is updated without a lookup."""

    members: dict[int, Any] = field(default_factory=dict)
    entries: list[dict[str, Any]] = field(default_factory=list)
    legs: dict[str, list[Leg]] = field(default_factory=dict)
    # Members whose balance the batch moved since the last write.
    moved: set[int] = field(default_factory=set)

    def add(self, values: dict[str, Any], legs: list[Leg]) -> None:
        key = values["entry_key"]
        if key in self.legs:
            raise Rejected("duplicate_entry", entry=key)
        self.entries.append(values)
        self.legs[key] = legs

    def write(self, session: Session) -> None:
        """Insert the collected entries and their postings; ``IntegrityError`` when a key is
        already booked (nothing of the batch may stand then: the caller rolls it back)."""
        self._write_balances(session)
        if not self.entries:
            return
        # A key already booked fails the insert (IntegrityError): the caller rolls back.
        new_ids = insert_with_ids(session, _ENTRIES, self.entries)
        ids = {values["entry_key"]: i for values, i in zip(self.entries, new_ids, strict=True)}
        insert_rows(
            session,
            _POSTINGS,
            [
                {
                    "alliance_id": values["alliance_id"],
                    "entry_id": ids[values["entry_key"]],
                    "account": leg.account,
                    "amount": leg.amount,
                }
                for values in self.entries
                for leg in self.legs[values["entry_key"]]
                if leg.amount != 0
            ],
        )
        self.entries.clear()
        self.legs.clear()

    def _write_balances(self, session: Session) -> None:
        """The moved balances of members already in the database, in one statement (the
        unit of work would send one UPDATE per member); new members get theirs with their
        row (:class:`alliance.sync.writes.BatchWrites`)."""
        rows = []
        for member_id in sorted(self.moved):
            m = self.members.get(member_id)
            if m is not None and instance_state(m).persistent:
                rows.append({"alliance_id": m.alliance_id, "id": m.id, "balance": m.balance})
        self.moved.clear()
        update_rows(session, _MEMBERS, ("alliance_id", "id"), rows)


def post(
    session: Session,
    *,
    alliance_id: int,
    key: str,
    kind: str,
    legs: list[Leg],
    points: int,
    day: dt.date,
    now: dt.datetime,
    event_id: str | None = None,
    shop_id: int | None = None,
    member_id: int | None = None,
    reverses_key: str | None = None,
    batch: LedgerBatch | None = None,
) -> None:
    """Book one entry; raises ``Rejected("duplicate_entry")`` / ``("already_reversed")``.

    With ``batch`` (and no ``reverses_key``) the entry is collected for the batch's set-based
    write instead. Member balances are updated on the loaded ``Member`` rows (flushed with
    the entry): the caller holds the alliance's feed lock, so no other writer changes them
    meanwhile."""
    if sum(leg.amount for leg in legs) != 0:
        raise AssertionError(f"unbalanced entry {key}: {legs}")
    values = {
        "alliance_id": alliance_id,
        "entry_key": key,
        "reverses_key": reverses_key,
        "kind": kind,
        "event_id": event_id,
        "shop_id": shop_id,
        "member_id": member_id,
        "points": points,
        "day": day,
        "created_at": now,
    }
    if batch is not None and reverses_key is None:
        batch.add(values, legs)
    else:
        connection = session.connection()
        entry_id: int | None = connection.execute(
            insert_ignore_returning_id(session, _ENTRIES), values
        ).scalar()
        if entry_id is None:  # a unique key said no: which one?
            if find_entry(session, alliance_id, key) is not None:
                raise Rejected("duplicate_entry", entry=key)
            raise Rejected("already_reversed", entry=reverses_key)
        connection.execute(
            _POSTINGS.insert(),
            [
                {
                    "alliance_id": alliance_id,
                    "entry_id": entry_id,
                    "account": leg.account,
                    "amount": leg.amount,
                }
                for leg in legs
                if leg.amount != 0
            ],
        )
    loaded = batch.members if batch is not None else {}
    for leg in legs:
        if leg.account.startswith("member:") and leg.amount:
            mid = int(leg.account[len("member:") :])
            held = loaded.get(mid)
            member = held if held is not None else session.get(Member, (alliance_id, mid))
            if member is None:
                raise AssertionError(f"posting to an unknown member: {leg.account}")
            if batch is not None and held is not None:
                # The batch writes the balance itself (one UPDATE for all its members), so the
                # session is not told: the value goes straight into the instance's dict, as a
                # loaded value would (set_committed_value does the same, ten times slower).
                member.__dict__["balance"] = member.balance + leg.amount
                batch.moved.add(mid)
            else:
                member.balance += leg.amount


def account_sum(session: Session, alliance_id: int, account: str) -> int:
    return session.execute(
        select(func.coalesce(func.sum(Posting.amount), 0)).where(
            Posting.alliance_id == alliance_id, Posting.account == account
        )
    ).scalar_one()


def check_ledger(session: Session, alliance_id: int | None = None) -> list[dict[str, object]]:
    """Ledger invariants: Σ postings = 0 per alliance and per entry; each member's cached
    balance = Σ of its postings; no entry reversed twice. Returns the problems found."""
    problems: list[dict[str, object]] = []
    scope = [] if alliance_id is None else [Posting.alliance_id == alliance_id]
    for aid, total in session.execute(
        select(Posting.alliance_id, func.sum(Posting.amount))
        .where(*scope)
        .group_by(Posting.alliance_id)
    ):
        if total != 0:
            problems.append({"check": "postings_sum", "alliance": aid, "sum": int(total)})
    for entry_id, total in session.execute(
        select(Posting.entry_id, func.sum(Posting.amount))
        .where(*scope)
        .group_by(Posting.entry_id)
        .having(func.sum(Posting.amount) != 0)
    ):
        problems.append({"check": "entry_sum", "entry": entry_id, "sum": int(total)})
    sums = {
        (aid, account): int(total)
        for aid, account, total in session.execute(
            select(Posting.alliance_id, Posting.account, func.sum(Posting.amount))
            .where(*scope, Posting.account.like("member:%"))
            .group_by(Posting.alliance_id, Posting.account)
        )
    }
    member_scope = [] if alliance_id is None else [Member.alliance_id == alliance_id]
    for aid, mid, balance in session.execute(
        select(Member.alliance_id, Member.id, Member.balance).where(*member_scope)
    ):
        derived = sums.pop((aid, member_account(mid)), 0)
        if derived != balance:
            problems.append(
                {
                    "check": "member_balance",
                    "alliance": aid,
                    "member": mid,
                    "balance": balance,
                    "postings": derived,
                }
            )
    for (aid, account), total in sums.items():
        problems.append(
            {"check": "unknown_member_account", "alliance": aid, "account": account, "sum": total}
        )
    entry_scope = [] if alliance_id is None else [LedgerEntry.alliance_id == alliance_id]
    # No foreign key holds a posting to its entry (migration 0002): look.
    orphans = session.execute(
        select(func.count())
        .select_from(Posting)
        .outerjoin(LedgerEntry, LedgerEntry.id == Posting.entry_id)
        .where(*scope, LedgerEntry.id.is_(None))
    ).scalar_one()
    if orphans:
        problems.append({"check": "posting_without_entry", "count": int(orphans)})
    for aid, key, count in session.execute(
        select(LedgerEntry.alliance_id, LedgerEntry.reverses_key, func.count())
        .where(*entry_scope, LedgerEntry.reverses_key.is_not(None))
        .group_by(LedgerEntry.alliance_id, LedgerEntry.reverses_key)
        .having(func.count() > 1)
    ):
        problems.append({"check": "reversed_twice", "alliance": aid, "entry": key, "count": count})
    return problems
