"""Opening an export file as a stream of rows: ``.xlsx`` or ``.csv``, whatever its name says.

The file's first bytes decide how it is read, not its name: a zip is a workbook, an OLE
compound file is an encrypted workbook or an old ``.xls``, anything else named ``.csv``
(``.txt``, ``.tsv``) is text. Rows are read lazily; only the first few are kept, to find the
header. Problems with the whole file raise :class:`ImportFailed`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.models.importing.report import ImportFailed
from desktop.models.importing.values import Cell, cell_text, is_blank

HEAD_ROWS = 10  # rows looked at to find the header
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
BOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")

Row = tuple[Cell, ...]
Merge = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col (1-based, inclusive)


@dataclass
class Table:
    """An open file: ``head`` holds the first non-blank rows, ``rest`` streams the others.

    ``rows_after(n)`` yields ``(row number, cells)`` for every non-blank row after row ``n``,
    from the head first, then from the stream. ``close()`` releases the file.
    """

    file_name: str
    file_type: str  # "xlsx" | "csv"
    head: list[tuple[int, Row]]
    rest: Iterator[tuple[int, Row]]
    estimated_rows: int | None = None  # rows in the file, counting the header
    encoding: str | None = None
    epoch_1904: bool = False
    merges: list[Merge] = field(default_factory=list)
    closer: Callable[[], None] | None = None

    def rows_after(self, header_row: int) -> Iterator[tuple[int, Row]]:
        for number, cells in self.head:
            if number > header_row:
                yield number, cells
        yield from self.rest

    def close(self) -> None:
        if self.closer is not None:
            self.closer()
            self.closer = None


def non_blank(rows: Iterator[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
    for number, cells in rows:
        if any(not is_blank(cell) for cell in cells):
            yield number, cells


def take_head(rows: Iterator[tuple[int, Row]]) -> list[tuple[int, Row]]:
    head: list[tuple[int, Row]] = []
    for item in rows:
        head.append(item)
        if len(head) >= HEAD_ROWS:
            break
    return head


def open_table(path: Path) -> Table:
    """Open ``path`` for reading rows; raises :class:`ImportFailed` for an unusable file."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except FileNotFoundError:
        raise ImportFailed("file_not_found", file=path.name) from None
    except OSError as exc:
        raise ImportFailed("corrupt_file", file=path.name, detail=str(exc)) from None
    suffix = path.suffix.lower()
    if magic.startswith(ZIP_MAGIC) or (suffix in BOOK_SUFFIXES and not magic.startswith(OLE_MAGIC)):
        from desktop.models.importing.xlsx_source import open_xlsx

        return open_xlsx(path)
    if magic.startswith(OLE_MAGIC):
        from desktop.models.importing.xlsx_source import ole_problem

        raise ImportFailed(ole_problem(path), file=path.name)
    if suffix in TEXT_SUFFIXES:
        from desktop.models.importing.csv_source import open_csv

        return open_csv(path)
    raise ImportFailed("unsupported_file", file=path.name)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def filled_head(table: Table) -> dict[int, list[Cell]]:
    """The first rows with merged cells filled in: a merged range lends its text to every
    cell it covers (a label over two columns, a label spanning two header rows)."""
    grid = {number: list(cells) for number, cells in table.head}
    for min_row, min_col, max_row, max_col in table.merges:
        top = grid.get(min_row)
        if top is None:
            continue
        source = top[min_col - 1] if min_col <= len(top) else None
        for number in range(min_row, max_row + 1):
            cells = grid.get(number)
            if cells is None:
                continue
            cells.extend([None] * (max_col - len(cells)))
            for col in range(min_col, max_col + 1):
                if is_blank(cells[col - 1]):
                    cells[col - 1] = source
    return grid


def spans_down(table: Table, row: int) -> bool:
    """Whether a merged range covers both ``row`` and the row below it (a two-row header)."""
    return any(m[0] <= row < m[2] for m in table.merges)


def header_labels(table: Table, header_row: int) -> tuple[str, ...]:
    """The header's labels, one per column, merged cells filled in. Blank headers are named
    by their column letter; repeated labels get a number (``手机 (2)``)."""
    grid = filled_head(table)
    header = grid.get(header_row, [])
    width = max([len(header)] + [m[3] for m in table.merges if m[0] <= header_row <= m[2]])
    labels: list[str] = []
    seen: dict[str, int] = {}
    for index in range(width):
        text = cell_text(header[index]) if index < len(header) else ""
        text = text or column_letter(index + 1)
        seen[text] = seen.get(text, 0) + 1
        labels.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    rows = [cells for _, cells in table.head]
    while labels and labels[-1] == column_letter(len(labels)) and not _used(rows, len(labels)):
        labels.pop()
    return tuple(labels)


def _used(rows: list[Row], column: int) -> bool:
    return any(column <= len(cells) and not is_blank(cells[column - 1]) for cells in rows)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA (Excel's column names)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int | None:
    """A → 1, AA → 27; None when ``letters`` is not a column name."""
    text = letters.strip().upper()
    if not text or not text.isascii() or not text.isalpha() or len(text) > 3:
        return None
    index = 0
    for ch in text:
        index = index * 26 + ord(ch) - 64
    return index
