"""Hand-made export files for the import tests: xlsx by openpyxl, CSV in several encodings,
OLE compound files (an encrypted workbook, an old .xls) and a zip bomb."""

from __future__ import annotations

import csv
import struct
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

MEMBER_HEADER = ("姓名", "手机号", "生日", "入会日期", "积分")
SALE_HEADER = ("手机", "消费金额", "消费日期")


def xlsx(
    path: Path,
    rows: Iterable[Sequence[Any]],
    *,
    merges: Sequence[str] = (),
    title: str = "Sheet1",
) -> Path:
    """A workbook as Excel would save it (shared strings, a dimension)."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def csv_file(
    path: Path, rows: Iterable[Sequence[Any]], *, encoding: str = "utf-8", delimiter: str = ","
) -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        for row in rows:
            writer.writerow(row)
    return path


# -- OLE compound files ----------------------------------------------------------------------

_FREE, _END, _FAT, _NONE = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(
    name: str,
    kind: int,
    *,
    child: int = _NONE,
    right: int = _NONE,
    start: int = _END,
    size: int = 0,
) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le") if name else b""
    entry = encoded.ljust(64, b"\x00")
    entry += struct.pack("<HBB", len(encoded), kind, 1)  # length, type, black
    entry += struct.pack("<III", _NONE, right, child)
    entry += b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16  # clsid, state, times
    entry += struct.pack("<IQ", start, size)
    return entry


def ole_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A valid (version 3) compound file holding ``streams`` in the root storage.

    Streams are padded to 4 KiB so they live in ordinary sectors (no mini stream). The
    names must be given shortest first (the directory's sibling order).
    """
    sector = 512
    data: list[bytes] = []
    fat = [_FAT, _END]  # sector 0 = FAT, sector 1 = directory
    entries = [_dir_entry("Root Entry", 5, child=1 if streams else _NONE)]
    names = list(streams)
    for index, name in enumerate(names):
        body = streams[name].ljust(4096, b"\x00")
        body += b"\x00" * (-len(body) % sector)
        start = len(fat)
        count = len(body) // sector
        fat += [start + i + 1 for i in range(count - 1)] + [_END]
        right = index + 2 if index + 1 < len(names) else _NONE
        entries.append(_dir_entry(name, 2, right=right, start=start, size=len(body)))
        data.append(body)
    while len(entries) % 4:
        entries.append(_dir_entry("", 0))
    assert len(entries) == 4, "one directory sector only"
    assert len(fat) <= sector // 4, "one FAT sector only"
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, _END, 0, _END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108
    assert len(header) == sector
    fat_sector = b"".join(struct.pack("<I", v) for v in fat).ljust(sector, b"\xff")
    path.write_bytes(header + fat_sector + b"".join(entries) + b"".join(data))
    return path


def encrypted_xlsx(path: Path) -> Path:
    """What Excel saves for a workbook with a password: the package, encrypted, in OLE."""
    return ole_file(
        path,
        {
            "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00<encryption/>",
            "EncryptedPackage": b"\x00" * 64,
        },
    )


def old_xls(path: Path) -> Path:
    """An Excel 97-2003 workbook (a BIFF8 "Workbook" stream in OLE)."""
    return ole_file(path, {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00"})


def zip_bomb(path: Path, *, megabytes: int = 8) -> Path:
    """An "xlsx" whose sheet inflates to ``megabytes`` of one repeated byte."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                sheet.write(block)
    return path


def table_counts(desk: Any) -> dict[str, int]:
    """Rows in every table an import writes to (to show that nothing was written)."""
    from sqlalchemy import text

    names = (
        "member",
        "member_consent",
        "sale",
        "points_entry",
        "event",
        "audit_log",
        "import_batch",
        "import_row",
    )
    with desk.db.read() as session:
        return {n: session.execute(text(f"SELECT count(*) FROM {n}")).scalar_one() for n in names}
