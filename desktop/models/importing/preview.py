"""The preview: the first rows of a file as they will be read, with every problem shown.

Reads only ``limit`` rows, however large the file (it never lists all rows), and checks them
against the database like the import would (unknown members, rows imported before).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.models.db import Database
from desktop.models.importing import members_import as mi
from desktop.models.importing import sales_import as si
from desktop.models.importing.mapping import (
    DISPLAY_ORDER,
    check_required,
    mapping_labels,
    required_fields,
)
from desktop.models.importing.opening import OpenFile, open_import
from desktop.models.importing.report import (
    MEMBERS,
    FileProblem,
    ImportFailed,
    ImportPreview,
    PreviewRow,
    RowProblem,
)
from desktop.models.importing.values import cell_text

PREVIEW_ROWS = 50


def preview_import(
    db: Database,
    path: Path,
    kind: str,
    mapping: Mapping[str, str | None] | None = None,
    *,
    today: dt.date,
    limit: int = PREVIEW_ROWS,
) -> ImportPreview:
    """The header, the mapping (guessed, or ``mapping`` over the guess) and the first
    ``limit`` rows with their problems. A file that cannot be imported at all comes back
    with ``failure`` set and whatever could be read (headers, the guess) filled in."""
    fields = DISPLAY_ORDER[kind]
    required = required_fields(kind)
    try:
        with open_import(db, path, kind, mapping, today=today) as source:
            labels = mapping_labels(source.headers, source.columns)
            failure = None
            try:
                check_required(kind, source.columns)
            except ImportFailed as exc:
                failure = FileProblem(exc.code, exc.params)
            rows = _rows(db, source, limit, check=failure is None)
            if not rows and failure is None:
                failure = FileProblem("header_only", {"file": path.name})
            return ImportPreview(
                kind=kind,
                file_name=path.name,
                headers=source.headers,
                mapping=labels,
                fields=fields,
                required=required,
                rows=rows,
                estimated_rows=source.estimated_rows,
                encoding=source.table.encoding,
                failure=failure,
            )
    except ImportFailed as exc:
        return ImportPreview(
            kind,
            path.name,
            (),
            {},
            fields,
            required,
            (),
            None,
            None,
            FileProblem(exc.code, exc.params),
        )


def _rows(db: Database, source: OpenFile, limit: int, *, check: bool) -> tuple[PreviewRow, ...]:
    fields = DISPLAY_ORDER[source.kind]
    shown: list[tuple[int, tuple[str, ...]]] = []
    problems: dict[int, list[RowProblem]] = {}
    records: list[Any] = []
    seen: set[str] = set()
    members = source.kind == MEMBERS
    for number, cells in source.rows():
        index = [source.columns.get(name) for name in fields]
        shown.append(
            (
                number,
                tuple("" if i is None or i >= len(cells) else cell_text(cells[i]) for i in index),
            )
        )
        if check:
            parse = mi.parse_member if members else si.parse_sale
            record, found = parse(number, cells, source.ctx)
            key = None if record is None else (record.phone if members else record.fingerprint)
            if record is not None and key is not None and key in seen:
                label = source.ctx.labels.get("phone", "") if members else ""
                found = [RowProblem(number, label, "duplicate_in_file", record.phone or "")]
            elif record is not None and key is not None:
                seen.add(key)
                records.append(record)
            problems.setdefault(number, []).extend(found)
        if len(shown) >= limit:
            break
    if records:
        with db.read() as session:
            if members:
                found_m = mi.resolve_members(
                    session,
                    records,
                    shop_id=source.shop_id,
                    phone_label=source.ctx.labels.get("phone", ""),
                )
                extra = found_m.notices
            else:
                phone = source.ctx.labels.get("phone", "")
                found_s = si.resolve_sales(session, records, phone_label=phone)
                extra = [*found_s.errors, *found_s.notices]
        for problem in extra:
            problems.setdefault(problem.row, []).append(problem)
    return tuple(
        PreviewRow(number, cells, tuple(problems.get(number, ()))) for number, cells in shown
    )
