"""CSV exports: UTF-8 (with or without BOM), UTF-16 with BOM, and GBK / GB18030.

Excel on Chinese Windows saves "CSV" in GBK. A GBK file read as UTF-8 would either fail or,
read as Latin-1, put mojibake (``ÕÅÈý`` for 张三) in the database for good. So the encoding is
decided from the whole file before a row is read: strict UTF-8 first (GBK text is almost
never valid UTF-8), then strict GB18030 (a superset of GBK); a file that is neither is
refused rather than guessed.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

from desktop.models.importing.report import ImportFailed
from desktop.models.importing.sources import Row, Table, non_blank, take_head

SAMPLE_BYTES = 64 << 10
DELIMITERS = ",\t;|"
FIELD_LIMIT = 1 << 20  # one cell; csv's default of 128 KiB is too small for some exports


def detect_encoding(path: Path) -> str:
    """``utf-8-sig``, ``utf-16``, ``utf-8`` or ``gb18030``; ``ImportFailed`` otherwise."""
    with path.open("rb") as handle:
        start = handle.read(4)
    if start.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = next((e for e in ("utf-8", "gb18030") if _decodes(path, e)), "")
        if not encoding:
            raise ImportFailed("unreadable_encoding", file=path.name)
        return encoding
    if not _decodes(path, encoding):
        raise ImportFailed("unreadable_encoding", file=path.name)
    return encoding


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                if b"\x00" in block and not encoding.startswith("utf-16"):
                    return False  # a binary file, not text
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:
        first = sample.split("\n", 1)[0]
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        dialect = csv.excel_tab if best == "\t" and counts[best] else csv.excel
        if best in ";|" and counts[best] > counts[","]:

            class Custom(csv.excel):
                delimiter = best

            return Custom
        return dialect


def open_csv(path: Path) -> Table:
    encoding = detect_encoding(path)
    size = path.stat().st_size
    handle = path.open("r", encoding=encoding, newline="")
    try:
        sample = handle.read(SAMPLE_BYTES)
        handle.seek(0)
        dialect = _dialect(sample)
        lines = max(sample.count("\n"), 1)
        sample_bytes = len(sample.encode(encoding, errors="replace")) or 1
        estimate = lines if len(sample) < SAMPLE_BYTES else int(size * lines / sample_bytes)
        rows = non_blank(_records(handle, dialect, path.name))
        head = take_head(rows)
    except BaseException:
        handle.close()
        raise
    return Table(
        file_name=path.name,
        file_type="csv",
        head=head,
        rest=rows,
        estimated_rows=estimate,
        encoding=encoding,
        closer=handle.close,
    )


def _records(
    handle: io.TextIOBase, dialect: type[csv.Dialect] | csv.Dialect, name: str
) -> Iterator[tuple[int, Row]]:
    csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(handle, dialect)
    number = 0
    try:
        for record in reader:
            number += 1
            yield number, tuple(record)
    except csv.Error as exc:
        raise ImportFailed("corrupt_file", file=name, row=number + 1, detail=str(exc)) from None
