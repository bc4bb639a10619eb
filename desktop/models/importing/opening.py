"""Opening a file for import: the table, its header row, the mapping, the row context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.models.db import Database
from desktop.models.importing.mapping import header_score, mapping_labels, resolve_mapping
from desktop.models.importing.parsing import RowContext
from desktop.models.importing.report import KINDS, ImportFailed
from desktop.models.importing.sources import (
    Row,
    Table,
    filled_head,
    header_labels,
    open_table,
    spans_down,
)
from desktop.models.shop import shop_profile


@dataclass
class OpenFile:
    table: Table
    kind: str
    header_row: int
    headers: tuple[str, ...]
    columns: dict[str, int]  # field → column index
    ctx: RowContext
    shop_id: int

    @property
    def file_name(self) -> str:
        return self.table.file_name

    @property
    def estimated_rows(self) -> int | None:
        if self.table.estimated_rows is None:
            return None
        return max(self.table.estimated_rows - self.header_row, 0)

    def rows(self) -> Iterator[tuple[int, Row]]:
        return self.table.rows_after(self.header_row)


def find_header_row(table: Table, kind: str) -> int:
    """The row (of the first few) that names the most fields, merged cells filled in; the
    first row if none does. Of a header two rows high (merged cells reaching down), the
    lower row, which holds the detailed labels."""
    grid = filled_head(table)
    scores = [(header_score(kind, tuple(grid[number])), number) for number, _ in table.head]
    best = max(score for score, _ in scores)
    if best == 0:
        return table.head[0][0]
    candidates = [number for score, number in scores if score == best]
    row = candidates[0]
    while spans_down(table, row) and row + 1 in candidates:
        row += 1
    return row


@contextmanager
def open_import(
    db: Database,
    path: Path,
    kind: str,
    mapping: Mapping[str, str | None] | None,
    *,
    today: dt.date,
) -> Iterator[OpenFile]:
    """Open ``path`` and map its columns; ``ImportFailed`` for an unusable file or mapping.
    Required fields are not checked here (a preview shows what is missing)."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}")
    with db.read() as session:
        shop = shop_profile(session)
    table = open_table(path)
    try:
        if not table.head:
            raise ImportFailed("empty_sheet", file=path.name)
        header_row = find_header_row(table, kind)
        headers = header_labels(table, header_row)
        columns = resolve_mapping(kind, headers, mapping)
        ctx = RowContext(
            columns=columns,
            labels=mapping_labels(headers, columns),
            today=today,
            timezone=shop.timezone,
            epoch_1904=table.epoch_1904,
        )
        yield OpenFile(table, kind, header_row, headers, columns, ctx, shop.id)
    finally:
        table.close()
