"""Importing sales history: parse a row, find the member by phone, write sales in bulk.

A row with a phone belongs to that member (an unknown phone is an error: import the members
first); a row with no phone is a walk-in sale. Sales keep the day and time the file gives,
in the shop's time zone (a day with no time is taken at noon, so it stays on its day).
Imported sales earn no points (docs/decisions.md says why); they count toward tiers and
analytics like any sale, since those read the sale table.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Iterator
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.importing.bulk import BulkWriter, unix_ms, uuid7_many
from desktop.models.importing.dates import parse_datetime, parse_time
from desktop.models.importing.parsing import (
    RowContext,
    RowReader,
    chunks,
    fingerprint,
    imported_fingerprints,
)
from desktop.models.importing.report import ALREADY_IMPORTED, RowProblem
from desktop.models.importing.sources import Row
from desktop.models.importing.values import (
    Cell,
    is_blank,
    parse_amount_fen,
    parse_phone,
    plain_text,
)
from desktop.models.sales import MAX_SALE_FEN
from desktop.models.tables import Member, Sale

NOON = dt.time(12)  # the time given to a sale whose row has only a day
_EPOCH = dt.datetime(1970, 1, 1)
_SECOND = dt.timedelta(seconds=1)


class SaleRecord(NamedTuple):
    row: int
    fingerprint: str
    phone: str | None
    amount_fen: int
    at: dt.datetime  # the shop's wall-clock time (noon when the file gives only a day)


class Resolved(NamedTuple):
    sales: list[tuple[SaleRecord, int | None]]
    errors: list[RowProblem]
    notices: list[RowProblem]


def parse_sale(
    number: int, cells: Row, ctx: RowContext
) -> tuple[SaleRecord | None, list[RowProblem]]:
    r = RowReader(number, cells, ctx)
    phone = r.read("phone", _optional_phone)
    amount = r.read("amount", _amount)
    when = r.read("date", _when_1904 if ctx.epoch_1904 else parse_datetime)
    at_time = r.read("time", parse_time) if r.mapped("time") else None
    ref = plain_text(r.raw("ref")) if r.mapped("ref") else ""
    if when is not None:
        at, timed = when
        if at_time is not None and not timed:
            at, timed = dt.datetime.combine(at.date(), at_time), True
        if at.date() > ctx.today:
            r.fail("date", "future_date", r.raw("date"))
    if r.problems or amount is None or when is None:
        return None, r.problems
    moment = at.isoformat(timespec="seconds") if timed else at.date().isoformat()
    print_ = fingerprint("sale", phone or "", str(amount), moment, ref)
    if not timed:
        at = dt.datetime.combine(at.date(), NOON)
    return SaleRecord(number, print_, phone, amount, at), []


def _amount(value: Cell) -> int:
    return parse_amount_fen(value, max_fen=MAX_SALE_FEN)


def _when_1904(value: Cell) -> tuple[dt.datetime, bool]:
    return parse_datetime(value, epoch_1904=True)


def _optional_phone(value: Cell) -> str | None:
    if is_blank(value):
        return None  # a walk-in sale
    return parse_phone(value)


def duplicate_key(record: SaleRecord) -> int:
    """What makes two rows the same sale: the fingerprint, as a 128-bit int."""
    return int(record.fingerprint, 16)


class StagedSales:
    """Good sale rows kept for the write, packed in arrays: 48 bytes a row (a million rows
    take about 50 MB), not a list of objects."""

    def __init__(self) -> None:
        self._rows = array("q")
        self._members = array("q")  # 0 = a walk-in sale (member ids are never 0)
        self._amounts = array("q")
        self._seconds = array("q")  # the shop's wall-clock time, seconds since 1970
        self._prints = bytearray()  # 16 bytes a row

    def __len__(self) -> int:
        return len(self._rows)

    def append(self, record: SaleRecord, member_id: int | None) -> None:
        self._rows.append(record.row)
        self._members.append(member_id or 0)
        self._amounts.append(record.amount_fen)
        self._seconds.append((record.at - _EPOCH) // _SECOND)
        self._prints += bytes.fromhex(record.fingerprint)

    def chunks(self, size: int) -> Iterator[list[tuple[int, str, int | None, int, dt.datetime]]]:
        """(row, fingerprint, member id, amount, wall-clock time) in runs of ``size``."""
        for start in range(0, len(self), size):
            stop = min(start + size, len(self))
            yield [
                (
                    self._rows[i],
                    self._prints[16 * i : 16 * i + 16].hex(),
                    self._members[i] or None,
                    self._amounts[i],
                    _EPOCH + dt.timedelta(seconds=self._seconds[i]),
                )
                for i in range(start, stop)
            ]


def resolve_sales(
    session: Session, records: list[SaleRecord], *, phone_label: str = ""
) -> Resolved:
    """Members by phone (live members only), and rows imported before."""
    done = imported_fingerprints(session, [r.fingerprint for r in records])
    phones = sorted({r.phone for r in records if r.phone is not None and r.fingerprint not in done})
    members: dict[str, int] = {}
    for part in chunks(phones):
        rows = session.execute(
            select(Member.phone, Member.id).where(
                Member.phone.in_(part), Member.erased_at.is_(None)
            )
        ).all()
        members.update({phone: member_id for phone, member_id in rows if phone})
    result = Resolved([], [], [])
    for record in records:
        if record.fingerprint in done:
            result.notices.append(RowProblem(record.row, "", ALREADY_IMPORTED, ""))
        elif record.phone is None:
            result.sales.append((record, None))
        elif record.phone in members:
            result.sales.append((record, members[record.phone]))
        else:
            result.errors.append(
                RowProblem(record.row, phone_label, "unknown_member", record.phone)
            )
    return result


SALE_COLUMNS = (
    "id",
    "uid",
    "member_id",
    "amount_fen",
    "discount_fen",
    "paid_fen",
    "staff_id",
    "created_at",
    "local_day",
)
SALES_PER_EVENT = 500  # one "sales.imported" event carries this many sales


def write_sales(writer: BulkWriter, sales: StagedSales) -> int:
    """Insert the sales (no points), their import rows and events; return how many.

    Events: one ``sales.imported`` per 500 sales (a history import is one change made in
    bulk; a hundred thousand single events would hold up the sync queue for nothing)."""
    session = writer.session
    next_id = int(session.execute(select(func.coalesce(func.max(Sale.id), 0))).scalar_one()) + 1
    for part in sales.chunks(5000):
        rows, links = [], []
        times = [writer.local_to_utc(at) for *_, at in part]
        uids = uuid7_many([unix_ms(t) for t in times])
        listed = []
        for (row, print_, member_id, amount, at), created, uid in zip(
            part, times, uids, strict=True
        ):
            day = at.date()
            rows.append((next_id, uid, member_id, amount, 0, amount, None, created, day))
            links.append(writer.import_row(row, print_, sale_id=next_id))
            listed.append(
                {"sale": uid, "member_id": member_id, "amount_fen": amount, "day": day.isoformat()}
            )
            next_id += 1
        writer.insert(Sale, SALE_COLUMNS, rows)
        writer.add_import_rows(links)
        writer.emit_events(
            "sales.imported",
            [
                {"batch": writer.batch_id, "points_earned": 0, "sales": group}
                for group in chunks(listed, SALES_PER_EVENT)
            ],
        )
        writer.advance(len(part))
    return len(sales)
