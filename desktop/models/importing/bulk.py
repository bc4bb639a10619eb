"""Writing an import in bulk inside its one write transaction.

Everything an import writes (batch, rows, members or sales, lots, consents, events) goes
through this writer in chunked ``executemany`` inserts on the unit of work's session, so a
crash, an error or a cancel leaves nothing behind. Rows go to the driver's ``executemany``
directly, each value converted by SQLAlchemy's own bind processor for its column type (so
dates and times are stored exactly as the ORM stores them); ORM bulk inserts cost three times
as much for a hundred thousand rows. Events get a gapless run of
``device_seq`` numbers taken with one update, exactly as :func:`emit_event` would one by one.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, update
from sqlalchemy.orm import Session

from desktop.models.events import this_device_id
from desktop.models.jsonutil import canonical_json, sha256_hex
from desktop.models.tables import Base, Device, Event, ImportRow

IMPORT_ROW_COLUMNS = ("batch_id", "row_number", "fingerprint", "outcome", "member_id", "sale_id")
EVENT_COLUMNS = (
    "id",
    "device_id",
    "device_seq",
    "kind",
    "created_at",
    "payload",
    "content_hash",
    "acked_at",
)


UNIX_EPOCH = dt.datetime(1970, 1, 1)
ONE_MS = dt.timedelta(milliseconds=1)


def unix_ms(at_utc: dt.datetime) -> int:
    """Milliseconds since 1970 of a naive UTC time."""
    return (at_utc - UNIX_EPOCH) // ONE_MS


def uuid7_many(ms_values: Sequence[int]) -> list[str]:
    """``ids.uuid7`` for many timestamps at once (one call for the random bits)."""
    noise = secrets.token_bytes(10 * len(ms_values))
    out = []
    for index, ms in enumerate(ms_values):
        bits = int.from_bytes(noise[10 * index : 10 * index + 10], "big")
        value = (ms & ((1 << 48) - 1)) << 80
        value |= 0x7 << 76
        value |= (bits >> 68) << 64  # 12 random bits
        value |= 0b10 << 62
        value |= bits & ((1 << 62) - 1)  # 62 random bits
        h = f"{value:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


class Cancelled(Exception):
    """The person cancelled: the transaction rolls back, nothing is written."""


class BulkWriter:
    """The write side of one import. ``advance(n)`` reports progress and raises
    :class:`Cancelled` when the progress callback asks to stop."""

    def __init__(
        self,
        session: Session,
        *,
        now: dt.datetime,
        today: dt.date,
        timezone: str,
        staff_id: int | None,
        batch_id: int,
        on_progress: Callable[[int], bool],
    ) -> None:
        self.session = session
        self.now = now
        self.today = today
        self.zone = ZoneInfo(timezone)
        self.staff_id = staff_id
        self.batch_id = batch_id
        self._on_progress = on_progress
        self._offsets: dict[tuple[int, int, int, int], dt.timedelta] = {}

    def local_to_utc(self, when: dt.date | dt.datetime) -> dt.datetime:
        """The shop's wall-clock time (a day means its noon) → naive UTC, as stored."""
        if not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time(12))
        # The offset is looked up once per local hour (time zones change on the hour).
        key = (when.year, when.month, when.day, when.hour)
        offset = self._offsets.get(key)
        if offset is None:
            offset = when.replace(tzinfo=self.zone).utcoffset() or dt.timedelta()
            self._offsets[key] = offset
        return when - offset

    def import_row(
        self,
        row: int,
        fingerprint: str,
        *,
        member_id: int | None = None,
        sale_id: int | None = None,
        outcome: str = "created",
    ) -> tuple[Any, ...]:
        return (self.batch_id, row, fingerprint, outcome, member_id, sale_id)

    def add_import_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Rows made by :meth:`import_row`."""
        self.insert(ImportRow, IMPORT_ROW_COLUMNS, rows)

    def insert(
        self, model: type[Base], columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """INSERT ``rows`` (value tuples in the order of ``columns``) in one
        ``executemany``. An omitted column gets its scalar default (``default=0``) or its
        server default, else NULL."""
        if not rows:
            return
        table = model.__table__
        assert isinstance(table, Table)
        names = list(columns)
        extra = tuple(
            (column.name, column.default.arg)
            for column in table.columns
            if column.name not in names and column.default is not None and column.default.is_scalar
        )
        names += [name for name, _ in extra]
        tail = tuple(value for _, value in extra)
        connection = self.session.connection()
        dialect = connection.dialect
        converters: list[tuple[int, Callable[[Any], Any]]] = []
        for index, name in enumerate(names):
            process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                converters.append((index, process))
        values: list[Sequence[Any]] = []
        for row in rows:
            if not converters:
                values.append((*row, *tail))
                continue
            converted = [*row, *tail]
            for index, process in converters:
                if converted[index] is not None:
                    converted[index] = process(converted[index])
            values.append(tuple(converted))
        quoted = ", ".join(f'"{name}"' for name in names)
        marks = ", ".join("?" for _ in names)
        sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        connection.exec_driver_sql(sql, values)

    def emit_events(self, kind: str, payloads: Sequence[dict[str, Any]]) -> None:
        """One event per payload, in order, with consecutive device sequence numbers."""
        if not payloads:
            return
        device_id = this_device_id(self.session)
        count = len(payloads)
        after = self.session.execute(
            update(Device)
            .where(Device.id == device_id)
            .values(next_seq=Device.next_seq + count)
            .returning(Device.next_seq)
        ).scalar_one()
        first = after - count
        ms = unix_ms(self.now)
        head = '{"kind":' + json.dumps(kind, ensure_ascii=False) + ',"payload":'
        rows = []
        ids = uuid7_many([ms] * count)
        for offset, payload in enumerate(payloads):
            text = canonical_json(payload)
            # content_hash is the hash of canonical_json({"kind": kind, "payload": payload})
            digest = sha256_hex(head + text + "}")
            rows.append(
                (ids[offset], device_id, first + offset, kind, self.now, text, digest, None)
            )
        self.insert(Event, EVENT_COLUMNS, rows)

    def advance(self, rows: int) -> None:
        if not self._on_progress(rows):
            raise Cancelled
