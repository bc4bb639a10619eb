"""What a push batch applied set-based has collected and still has to write.

While a batch is applied in one savepoint, ledger entries (with their postings) and new sale
records are collected here instead of being inserted one by one; :meth:`BatchWrites.write`
inserts them with a few multi-row statements. A fact the batch cannot decide without asking
the database one event at a time (a sale uid already known, an entry key already booked)
raises :class:`~alliance.ledger.BatchRefused`: the savepoint is rolled back and the batch is
applied one event at a time instead, with the same results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from alliance.bulk import insert_rows
from alliance.ledger import BatchRefused, LedgerBatch
from alliance.tables import Base, Member

_SALES = Base.metadata.tables["sale_record"]
_MEMBERS = Base.metadata.tables["member"]


@dataclass
class BatchWrites:
    ledger: LedgerBatch
    # Sale uids the batch has made or refunded (one the database holds fails the insert).
    sale_uids: set[str] = field(default_factory=set)
    sales: list[dict[str, Any]] = field(default_factory=list)
    # Members the batch creates: not yet in the session, inserted with the batch's rows.
    new_members: list[Member] = field(default_factory=list)
    # Those inserted so far (attached to the session; detached again if the batch fails).
    attached: list[Member] = field(default_factory=list)

    def new_sale(self, values: dict[str, Any]) -> None:
        """A sale record to insert; ``BatchRefused`` if its uid is not new (a duplicate, or
        the refund came first: the one-by-one path decides which)."""
        if values["uid"] in self.sale_uids:
            raise BatchRefused(f"sale {values['uid']} is not new")
        self.sale_uids.add(values["uid"])
        self.sales.append(values)

    def write(self, session: Session) -> None:
        """Insert what was collected (a unique key hit raises ``IntegrityError`` or
        ``BatchRefused``; the caller rolls the savepoint back)."""
        if self.new_members:
            insert_rows(session, _MEMBERS, [_member_row(m) for m in self.new_members])
            for m in self.new_members:
                make_transient_to_detached(m)
                session.add(m)  # now held as the row just written, nothing to flush
                self.ledger.moved.discard(m.id)  # its balance went with the row
            self.attached += self.new_members
            self.new_members.clear()
        if self.sales:
            insert_rows(session, _SALES, self.sales)
            self.sales.clear()
        self.ledger.write(session)

    def forget(self, session: Session) -> None:
        """The batch was rolled back: the members it inserted are not in the database."""
        for m in self.attached:
            if m in session:
                session.expunge(m)
        self.attached.clear()


def _member_row(m: Member) -> dict[str, Any]:
    """Every column of a new member: its attributes, else the column's default (set on the
    object too, so that once attached it has nothing left to load)."""
    row: dict[str, Any] = {}
    for column in _MEMBERS.columns:
        if column.key not in m.__dict__:
            default = column.default
            value = default.arg if isinstance(default, ScalarElementColumnDefault) else None
            setattr(m, column.key, value)
        row[column.key] = m.__dict__[column.key]
    return row
