"""Running an import: open → map → read and check every row → write all in one transaction.

Reading and checking (the slow part) happen before the write lock is taken, against a read
snapshot, so the counter keeps working while a big file is read. Rows are streamed; only
compact records of good rows are kept for the write. The write is one ``BEGIN IMMEDIATE``
transaction: the batch, every row, the events and the audit record commit together or not at
all. Uniqueness in the database (the row fingerprint, the member's phone) catches anything
that changed in between, and the import then fails whole instead of doubling anything.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.db import Database
from desktop.models.importing import members_import as mi
from desktop.models.importing import sales_import as si
from desktop.models.importing.bulk import BulkWriter, Cancelled
from desktop.models.importing.mapping import check_required, mapping_labels
from desktop.models.importing.opening import OpenFile, open_import
from desktop.models.importing.parsing import RowContext
from desktop.models.importing.report import (
    MAX_LISTED,
    MEMBERS,
    FileProblem,
    ImportFailed,
    ImportReport,
    RowProblem,
)
from desktop.models.importing.sources import Row, file_sha256
from desktop.models.jsonutil import canonical_json
from desktop.models.shop import current_rule, shop_profile
from desktop.models.staff import Actor, require_owner
from desktop.models.tables import ImportBatch

# progress(done, total) → False to cancel; total 0 while the size is not known yet.
Progress = Callable[[int, int], bool]
CHUNK = 1000  # rows checked against the database at a time
READ_WEIGHT = 4  # progress units per row read and checked (writing one is 1 unit)


@dataclass
class _State:
    kind: str
    skip_bad: bool
    rows: int = 0
    error_count: int = 0
    errors: list[RowProblem] = field(default_factory=list)
    notices: list[RowProblem] = field(default_factory=list)
    new_members: list[mi.MemberRecord] = field(default_factory=list)
    new_sales: si.StagedSales = field(default_factory=si.StagedSales)
    matched: list[tuple[mi.MemberRecord, int]] = field(default_factory=list)
    already: int = 0
    opening_points: int = 0

    def add_errors(self, problems: list[RowProblem]) -> None:
        rows = {p.row for p in problems}
        self.error_count += len(rows)
        self.errors.extend(problems[: max(0, MAX_LISTED - len(self.errors))])

    def add_notices(self, problems: list[RowProblem]) -> None:
        self.notices.extend(problems[: max(0, MAX_LISTED - len(self.notices))])

    @property
    def new_count(self) -> int:
        return len(self.new_members) + len(self.new_sales)

    @property
    def stopped(self) -> bool:
        return not self.skip_bad and self.error_count > 0


def run_import(
    db: Database,
    path: Path,
    kind: str,
    *,
    by: Actor,
    now: dt.datetime,
    today: dt.date,
    mapping: Mapping[str, str | None] | None = None,
    skip_bad: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``path`` as ``kind`` ("members" or "sales") and say what happened.

    ``skip_bad=False`` stops at the first bad row and imports nothing; ``True`` imports the
    good rows and reports the bad ones. ``progress(done, total)`` is called as rows are read
    and written; returning False cancels, and nothing is written. Owner only. Call from a
    worker thread (a big file takes seconds); the counter is blocked only while writing.
    """
    require_owner(by)
    clock = time.monotonic()
    state = _State(kind, skip_bad)
    report = _Reporter(path, kind, state, skip_bad, now, clock)
    ask = progress or (lambda _done, _total: True)
    try:
        digest = file_sha256(path)
    except OSError:
        return report.failed(FileProblem("file_not_found", {"file": path.name}), "")
    try:
        with open_import(db, path, kind, mapping, today=today) as source:
            report.mapping = mapping_labels(source.headers, source.columns)
            check_required(kind, source.columns)
            _read_all(db, source, state, ask)
            if state.rows == 0:
                raise ImportFailed("header_only", file=path.name)
            if state.stopped:
                return report.done(digest, None)
        batch_id = _write(
            db,
            source,
            state,
            ask,
            by=by,
            now=now,
            today=today,
            digest=digest,
            labels=report.mapping,
        )
    except ImportFailed as failure:
        return report.failed(FileProblem(failure.code, failure.params), digest)
    except Cancelled:
        return report.failed(FileProblem("cancelled"), digest, cancelled=True)
    except IntegrityError:
        return report.failed(FileProblem("concurrent_change"), digest)
    return report.done(digest, batch_id)


def _read_all(db: Database, source: OpenFile, state: _State, ask: Progress) -> None:
    """Parse and check every data row; keep compact records of the good ones."""
    parse, key = _row_functions(state.kind)
    dup_field = "phone" if state.kind == MEMBERS else ""
    seen: set[int] = set()
    pending: list[Any] = []
    estimate = source.estimated_rows or 0
    with db.read() as session:
        for number, cells in source.rows():
            state.rows += 1
            record, problems = parse(number, cells, source.ctx)
            if record is not None:
                if key(record) in seen:
                    label = source.ctx.labels.get(dup_field, "")
                    value = record.phone if state.kind == MEMBERS else ""
                    problems = [RowProblem(number, label, "duplicate_in_file", value or "")]
                else:
                    seen.add(key(record))
                    pending.append(record)
            if problems:
                _resolve(session, source, state, pending)  # earlier rows' problems come first
                if state.stopped:
                    return
                state.add_errors(problems)
                if state.stopped:
                    return
            if len(pending) >= CHUNK:
                _resolve(session, source, state, pending)
                if state.stopped:
                    return
            if state.rows % CHUNK == 0:
                total = (READ_WEIGHT + 1) * max(estimate, state.rows + 1) if estimate else 0
                if not ask(READ_WEIGHT * state.rows, total):
                    raise Cancelled
        _resolve(session, source, state, pending)


def _row_functions(
    kind: str,
) -> tuple[Callable[[int, Row, RowContext], tuple[Any, list[RowProblem]]], Callable[[Any], int]]:
    if kind == MEMBERS:
        return mi.parse_member, mi.duplicate_key
    return si.parse_sale, si.duplicate_key


def _resolve(session: Session, source: OpenFile, state: _State, pending: list[Any]) -> None:
    if not pending:
        return
    if state.kind == MEMBERS:
        found = mi.resolve_members(
            session, pending, shop_id=source.shop_id, phone_label=source.ctx.labels.get("phone", "")
        )
        state.new_members.extend(found.new)
        state.matched.extend(found.matched)
        state.already += len(pending) - len(found.new) - len(found.matched)
        state.add_notices(found.notices)
    else:
        phone = source.ctx.labels.get("phone", "")
        sales = si.resolve_sales(session, pending, phone_label=phone)
        for sale, member_id in sales.sales:
            state.new_sales.append(sale, member_id)
        state.already += len(pending) - len(sales.sales) - len(sales.errors)
        state.add_notices(sales.notices)
        for error in sales.errors:
            state.add_errors([error])
            if state.stopped:
                break
    pending.clear()


def _write(
    db: Database,
    source: OpenFile,
    state: _State,
    ask: Progress,
    *,
    by: Actor,
    now: dt.datetime,
    today: dt.date,
    digest: str,
    labels: dict[str, str],
) -> int:
    read_units = READ_WEIGHT * state.rows
    total = read_units + state.new_count + len(state.matched)
    written = 0

    def on_progress(rows: int) -> bool:
        nonlocal written
        written += rows
        return ask(read_units + written, total)

    if not ask(read_units, total):
        raise Cancelled
    with db.write() as session:
        batch = ImportBatch(
            kind=state.kind,
            file_name=source.file_name[:255],
            file_sha256=digest,
            mode="skip_bad" if state.skip_bad else "stop",
            mapping=canonical_json(labels),
            rows_total=state.rows,
            imported=0,
            matched=len(state.matched),
            skipped=0,
            errors=state.error_count,
            staff_id=by.staff_id,
            started_at=now,
            finished_at=now,
        )
        session.add(batch)
        session.flush()
        shop = shop_profile(session)
        writer = BulkWriter(
            session,
            now=now,
            today=today,
            timezone=shop.timezone,
            staff_id=by.staff_id,
            batch_id=batch.id,
            on_progress=on_progress,
        )
        if state.kind == MEMBERS:
            rule = current_rule(session)
            created, points = mi.write_members(
                writer,
                new=state.new_members,
                matched=state.matched,
                shop_id=shop.id,
                expiry_months=rule.expiry_months,
                rule_version=rule.version,
            )
        else:
            created, points = si.write_sales(writer, state.new_sales), 0
        batch.imported = created
        batch.skipped = state.rows - created - len(state.matched)
        append_audit(
            session,
            action=f"import.{state.kind}",
            staff_id=by.staff_id,
            now=now,
            details={
                "batch": batch.id,
                "file": source.file_name,
                "sha256": digest,
                "rows": state.rows,
                "imported": created,
                "matched": len(state.matched),
                "already_imported": state.already,
                "errors": state.error_count,
                "opening_points": points,
                "mode": batch.mode,
            },
        )
        state.opening_points = points
        return batch.id


class _Reporter:
    def __init__(
        self,
        path: Path,
        kind: str,
        state: _State,
        skip_bad: bool,
        now: dt.datetime,
        clock: float,
    ) -> None:
        self.path, self.kind, self.state = path, kind, state
        self.skip_bad, self.now, self.clock = skip_bad, now, clock
        self.mapping: dict[str, str] = {}

    def _base(self, digest: str) -> dict[str, Any]:
        s = self.state
        return {
            "kind": self.kind,
            "file_name": self.path.name,
            "file_sha256": digest,
            "mode": "skip_bad" if self.skip_bad else "stop",
            "rows": s.rows,
            "already_imported": s.already,
            "error_count": s.error_count,
            "errors": tuple(sorted(s.errors, key=lambda p: p.row)),
            "notices": tuple(sorted(s.notices, key=lambda p: p.row)),
            "started_at": self.now,
            "seconds": round(time.monotonic() - self.clock, 3),
            "mapping": dict(self.mapping),
        }

    def failed(self, problem: FileProblem, digest: str, *, cancelled: bool = False) -> ImportReport:
        return ImportReport(
            ok=False,
            imported=0,
            matched=0,
            skipped=self.state.rows,
            failure=problem,
            cancelled=cancelled,
            **self._base(digest),
        )

    def done(self, digest: str, batch_id: int | None) -> ImportReport:
        s = self.state
        if batch_id is None:  # stopped at the first error: nothing written
            return ImportReport(
                ok=False, imported=0, matched=0, skipped=s.rows, **self._base(digest)
            )
        imported = s.new_count
        return ImportReport(
            ok=True,
            imported=imported,
            matched=len(s.matched),
            skipped=s.rows - imported - len(s.matched),
            opening_points=s.opening_points,
            batch_id=batch_id,
            **self._base(digest),
        )
