"""``.xlsx`` exports, read with openpyxl in read-only mode (values, not formulas).

Before openpyxl sees the file, the zip container is checked: a zip bomb (a small file that
inflates to gigabytes) is refused by its declared sizes and compression ratios, which bound
what can be read from it. Cells are streamed row by row; a formula whose result the file does
not store (saved by a program that never calculated it) comes through as
``FORMULA_WITHOUT_VALUE`` instead of looking like an empty cell.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from desktop.models.importing.report import ImportFailed
from desktop.models.importing.sources import (
    OLE_MAGIC,
    Merge,
    Row,
    Table,
    column_index,
    take_head,
)
from desktop.models.importing.values import FORMULA_WITHOUT_VALUE, Cell

MAX_UNCOMPRESSED = 1 << 30  # all parts together: about 3 million rows of a typical export
MAX_SHARED_STRINGS = 256 << 20  # openpyxl holds the shared strings in memory
MAX_RATIO = 200  # real sheets compress 5-30 times; bombs a thousand times and more
RATIO_FLOOR = 4 << 20  # parts smaller than this are not judged by their ratio
MAX_ENTRIES = 10_000
MAX_COLUMNS = 256
MERGE_ROWS = 50  # merged cells are looked at only where a header can be
_OLE_SCAN = 64 << 20
_ENCRYPTED = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')


def ole_problem(path: Path) -> str:
    """An OLE compound file is either a password-protected workbook (its encrypted package
    inside) or an Excel 97-2003 ``.xls``."""
    with path.open("rb") as handle:
        if handle.read(8) != OLE_MAGIC:
            return "corrupt_file"
        tail = b""
        read = 0
        while read < _OLE_SCAN:
            block = handle.read(1 << 20)
            if not block:
                break
            read += len(block)
            window = tail + block
            if any(name in window for name in _ENCRYPTED):
                return "encrypted_file"
            tail = window[-64:]
    return "xls_not_xlsx"


def check_container(path: Path) -> None:
    """Refuse what is not a sane xlsx zip before anything inflates it."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFailed("corrupt_file", file=path.name, detail=str(exc)) from None
    if len(entries) > MAX_ENTRIES:
        raise ImportFailed("zip_bomb", file=path.name, entries=len(entries))
    total = 0
    names = set()
    for entry in entries:
        names.add(entry.filename)
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise ImportFailed("zip_bomb", file=path.name, part=entry.filename, ratio=int(ratio))
        if entry.filename.lower().endswith("sharedstrings.xml") and (
            entry.file_size > MAX_SHARED_STRINGS
        ):
            raise ImportFailed("zip_bomb", file=path.name, part=entry.filename)
    if total > MAX_UNCOMPRESSED:
        raise ImportFailed("zip_bomb", file=path.name, size=total, limit=MAX_UNCOMPRESSED)
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise ImportFailed("corrupt_file", file=path.name, detail="not an Excel workbook")


def open_xlsx(path: Path) -> Table:
    """Open the first visible worksheet for streaming; ``ImportFailed`` for a bad file."""
    check_container(path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ImportFailed("corrupt_file", file=path.name, detail=_detail(exc)) from None
    try:
        sheets = [s for s in book.worksheets if getattr(s, "sheet_state", "visible") == "visible"]
        sheets = sheets or list(book.worksheets)
        if not sheets:
            raise ImportFailed("empty_sheet", file=path.name)
        sheet = sheets[0]
        merges = _header_merges(book, sheet, path.name)
        rows = _sheet_rows(book, sheet, path.name)
        head = take_head(rows)
    except BaseException:
        book.close()
        raise
    from openpyxl.utils.datetime import MAC_EPOCH

    return Table(
        file_name=path.name,
        file_type="xlsx",
        head=head,
        rest=rows,
        estimated_rows=sheet.max_row,
        epoch_1904=book.epoch == MAC_EPOCH,
        merges=merges,
        closer=book.close,
    )


def _detail(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:200]


def _parser_class() -> Any:
    """openpyxl's sheet parser with a leaner ``parse_cell`` that keeps only what an import
    reads (column and value), and tells a formula with no stored value from an empty cell.
    Values come out as openpyxl gives them (shared and inline strings, numbers, dates by the
    cell's number format, booleans, ISO dates, error codes as text)."""
    from openpyxl.utils.datetime import from_excel, from_ISO8601
    from openpyxl.worksheet._reader import (
        FORMULA_TAG,
        INLINE_STRING,
        VALUE_TAG,
        WorkSheetParser,
        _cast_number,
    )
    from openpyxl.xml.constants import SHEET_MAIN_NS

    text_tag, run_tag = f"{{{SHEET_MAIN_NS}}}t", f"{{{SHEET_MAIN_NS}}}r"
    columns: dict[str, int] = {}

    def column_of(coordinate: str) -> int:
        letters = coordinate.rstrip("0123456789")
        index = columns.get(letters)
        if index is None:
            index = column_index(letters) or 0
            columns[letters] = index
        return index

    def inline_text(element: Any) -> str:
        parts = []
        plain = element.find(text_tag)
        if plain is not None:
            parts.append(plain.text or "")
        for run in element.findall(run_tag):
            piece = run.find(text_tag)
            if piece is not None:
                parts.append(piece.text or "")
        return "".join(parts)

    class ValueParser(WorkSheetParser):  # type: ignore[misc]
        col_counter: int

        def parse_cell(self, element: Any) -> dict[str, Any]:
            kind = element.get("t", "n")
            coordinate = element.get("r")
            self.col_counter = column_of(coordinate) if coordinate else self.col_counter + 1
            column = self.col_counter
            if kind == "inlineStr":
                child = element.find(INLINE_STRING)
                return {"column": column, "value": None if child is None else inline_text(child)}
            raw = element.findtext(VALUE_TAG, None) or None
            value: Any = raw
            if raw is None:
                # No stored result: no <v>, or an empty one where only text can be empty
                # (openpyxl and some generators write <v/> for a formula never calculated).
                if element.find(FORMULA_TAG) is not None and (
                    kind != "str" or element.find(VALUE_TAG) is None
                ):
                    value = FORMULA_WITHOUT_VALUE
            elif kind == "n":
                value = _cast_number(raw)
                style = element.get("s")
                if style and int(style) in self.date_formats:
                    try:
                        timed = int(style) in self.timedelta_formats
                        value = from_excel(value, self.epoch, timedelta=timed)
                    except (OverflowError, ValueError):
                        value = "#VALUE!"
            elif kind == "s":
                value = self.shared_strings[int(raw)]
            elif kind == "b":
                value = bool(int(raw))
            elif kind == "d":
                value = from_ISO8601(raw)
            return {"column": column, "value": value}

    return ValueParser


def _sheet_rows(book: Any, sheet: Any, name: str) -> Iterator[tuple[int, Row]]:
    """(row number, values) of every non-blank row the sheet stores (streamed). A part
    found damaged half way through is a damaged file, not a crash."""
    parser_class = _parser_class()
    try:
        with book._archive.open(sheet._worksheet_path) as source:
            parser = parser_class(
                source,
                book.shared_strings,
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,
                timedelta_formats=book._timedelta_formats,
            )
            for number, cells in parser.parse():
                if not cells:
                    continue
                width = min(max(cell["column"] for cell in cells), MAX_COLUMNS)
                values: list[Cell] = [None] * width
                blank = True
                for cell in cells:
                    column, value = cell["column"], cell["value"]
                    if 0 < column <= width and value is not None:
                        values[column - 1] = value
                        if blank and not (isinstance(value, str) and not value.strip()):
                            blank = False
                if not blank:
                    yield number, tuple(values)
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        raise ImportFailed("corrupt_file", file=name, detail=_detail(exc)) from None
    except (ValueError, TypeError, IndexError) as exc:
        raise ImportFailed("corrupt_file", file=name, detail=_detail(exc)) from None


def _header_merges(book: Any, sheet: Any, name: str) -> list[Merge]:
    """Merged ranges that start near the top. They are listed after all the rows in the
    sheet's XML, which read-only mode never parses, so the part is scanned as bytes."""
    found: list[Merge] = []
    tail = b""
    try:
        with book._archive.open(sheet._worksheet_path) as source:
            for block in iter(lambda: source.read(1 << 20), b""):
                window = tail + block
                if b"mergeCell" not in window:
                    tail = window[-200:]
                    continue
                for match in _MERGE.finditer(window):
                    merge = _merge(match)
                    if merge is not None and merge[0] <= MERGE_ROWS and merge not in found:
                        found.append(merge)
                tail = window[-200:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        raise ImportFailed("corrupt_file", file=name, detail=_detail(exc)) from None
    return found


def _merge(match: re.Match[bytes]) -> Merge | None:
    first_col = column_index(match.group(1).decode())
    last_col = column_index(match.group(3).decode())
    if first_col is None or last_col is None:
        return None
    first_row, last_row = int(match.group(2)), int(match.group(4))
    if last_col - first_col > MAX_COLUMNS or last_row < first_row:
        return None
    return first_row, first_col, last_row, last_col
