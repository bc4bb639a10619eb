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

from sqlalchemy.orm import Session

from alliance.bulk import insert_rows
from alliance.ledger import BatchRefused, LedgerBatch
from alliance.tables import Base

_SALES = Base.metadata.tables["sale_record"]


@dataclass
class BatchWrites:
    ledger: LedgerBatch
    # Sale uids the batch has made or refunded (one the database holds fails the insert).
    sale_uids: set[str] = field(default_factory=set)
    sales: list[dict[str, Any]] = field(default_factory=list)

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
        if self.sales:
            insert_rows(session, _SALES, self.sales)
            self.sales.clear()
        self.ledger.write(session)
