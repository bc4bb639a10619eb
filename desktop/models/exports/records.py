"""Exports of members, the points ledger, coupons and check-ins to .xlsx, streamed.

openpyxl's write-only mode writes each row as it comes, and the rows come from a database
cursor, so memory stays flat however big the shop is. Phone numbers are masked
(138****1234) unless the caller has the owner's unlock (``Desk.export_records`` checks that
and writes the audit record). Member ids are written as text: 63-bit numbers do not survive
Excel's 15 significant digits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from desktop.models.exports import RECORD_KINDS, ExportResult
from desktop.models.exports.labels import labels
from desktop.models.exports.xlsx import (
    COUNT_FORMAT,
    DATE_FORMAT,
    HEADER_FILL,
    TIME_FORMAT,
    YUAN_FORMAT,
    yuan,
)
from desktop.models.phones import mask_phone
from desktop.models.shop import get_setting

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 5000

# kind → (count SQL, rows SQL, columns: (label key, width, format, kind of value))
# Value kinds: text, int, fen, date, time (UTC text → shop time), bool, phone, id (as text).
_Column = tuple[str, float, str | None, str]
_SPECS: dict[str, tuple[str, str, list[_Column]]] = {
    "members": (
        "SELECT count(*) FROM member",
        "SELECT m.id, m.name, m.phone, m.birthday, m.enrolled_day, m.marketing_consent,"
        " m.sharing_consent,"
        " (SELECT coalesce(SUM(e.points), 0) FROM points_entry e WHERE e.member_id = m.id),"
        " m.erased_at IS NOT NULL"
        " FROM member m ORDER BY m.enrolled_day, m.id",
        [
            ("member_id", 22, None, "id"),
            ("name", 14, None, "text"),
            ("phone", 15, None, "phone"),
            ("birthday", 12, DATE_FORMAT, "date"),
            ("enrolled_day", 12, DATE_FORMAT, "date"),
            ("marketing", 10, None, "bool"),
            ("sharing", 10, None, "bool"),
            ("balance", 14, COUNT_FORMAT, "int"),
            ("erased", 8, None, "bool"),
        ],
    ),
    "ledger": (
        "SELECT count(*) FROM points_entry",
        "SELECT e.id, e.member_id, m.phone, e.kind, e.points, e.local_day, e.created_at,"
        " e.expires_on, e.note FROM points_entry e JOIN member m ON m.id = e.member_id"
        " ORDER BY e.id",
        [
            ("entry_id", 10, None, "int"),
            ("member_id", 22, None, "id"),
            ("phone", 15, None, "phone"),
            ("kind", 11, None, "text"),
            ("points", 10, COUNT_FORMAT, "int"),
            ("day", 12, DATE_FORMAT, "date"),
            ("time", 17, TIME_FORMAT, "time"),
            ("expires_on", 12, DATE_FORMAT, "date"),
            ("note", 30, None, "text"),
        ],
    ),
    "coupons": (
        "SELECT count(*) FROM coupon",
        "SELECT c.serial, k.name, c.member_id, m.phone, c.state, c.value_fen, c.valid_from,"
        " c.valid_to, c.issued_at, c.redeemed_at"
        " FROM coupon c JOIN campaign k ON k.id = c.campaign_id"
        " LEFT JOIN member m ON m.id = c.member_id ORDER BY c.issued_at, c.id",
        [
            ("serial", 14, None, "text"),
            ("campaign", 20, None, "text"),
            ("member_id", 22, None, "id"),
            ("phone", 15, None, "phone"),
            ("state", 10, None, "text"),
            ("value", 12, YUAN_FORMAT, "fen"),
            ("valid_from", 12, DATE_FORMAT, "date"),
            ("valid_to", 12, DATE_FORMAT, "date"),
            ("issued_at", 17, TIME_FORMAT, "time"),
            ("redeemed_at", 17, TIME_FORMAT, "time"),
        ],
    ),
    "checkins": (
        "SELECT count(*) FROM checkin",
        "SELECT c.id, c.member_id, m.phone, c.local_day, c.created_at, c.rewarded"
        " FROM checkin c JOIN member m ON m.id = c.member_id ORDER BY c.id",
        [
            ("checkin_id", 10, None, "int"),
            ("member_id", 22, None, "id"),
            ("phone", 15, None, "phone"),
            ("day", 12, DATE_FORMAT, "date"),
            ("time", 17, TIME_FORMAT, "time"),
            ("rewarded", 10, None, "bool"),
        ],
    ),
}


def _converter(kind: str, *, unmask: bool, tz: str, t: dict[str, str]) -> Callable[[Any], Any]:
    zone = ZoneInfo(tz)

    def to_time(value: Any) -> Any:
        if value is None:
            return None
        at = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
        return at.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None, microsecond=0)

    def to_date(value: Any) -> Any:
        if value is None or isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))

    converters: dict[str, Callable[[Any], Any]] = {
        "text": lambda v: v,
        "int": lambda v: None if v is None else int(v),
        "fen": lambda v: yuan(v),
        "date": to_date,
        "time": to_time,
        "bool": lambda v: t["yes"] if v else t["no"],
        "phone": (lambda v: v or "") if unmask else mask_phone,
        "id": lambda v: None if v is None else str(v),
    }
    return converters[kind]


def _rows(session: Session, sql: str) -> Iterator[tuple[Any, ...]]:
    """Rows straight from the cursor, one at a time (never the whole result in memory)."""
    result = session.connection().exec_driver_sql(sql)
    yield from result


def write_records(
    session: Session,
    kind: str,
    path: Path,
    *,
    unmask: bool,
    tz: str,
    language: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write all records of ``kind`` (members, ledger, coupons, checkins) to ``path``.
    ``progress(done, total)`` returning False cancels: the partial file is removed."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    if kind not in RECORD_KINDS:
        raise ValueError(f"unknown export: {kind}")
    count_sql, rows_sql, columns = _SPECS[kind]
    t = labels(language if language is not None else get_setting(session, "language", "zh_CN"))
    total = int(session.connection().exec_driver_sql(count_sql).scalar_one())
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t[f"sheet.{kind}"])
    ws.freeze_panes = "A2"
    for i, (_, width, _, _) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    header = []
    for key, _, _, _ in columns:
        cell = WriteOnlyCell(ws, value=t[key])
        cell.font, cell.fill = bold, fill
        header.append(cell)
    ws.append(header)
    convert = [_converter(c[3], unmask=unmask, tz=tz, t=t) for c in columns]
    formats = [c[2] for c in columns]
    styled: list[Any] = []
    done = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    for raw in _rows(session, rows_sql):
        styled.clear()
        for value, conv, fmt in zip(raw, convert, formats, strict=True):
            cell = WriteOnlyCell(ws, value=conv(value))
            if fmt:
                cell.number_format = fmt
            styled.append(cell)
        ws.append(styled)
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0 and not progress(done, total):
            tmp.unlink(missing_ok=True)
            return ExportResult(path, done, (), cancelled=True)
    wb.save(tmp)
    tmp.replace(path)
    if progress is not None:
        progress(done, total)
    return ExportResult(path, done, tuple(wb.sheetnames))
