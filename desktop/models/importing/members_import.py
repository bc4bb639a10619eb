"""Importing members: parse a row, match by phone, write new members in bulk.

A phone already in the shop is *matched*, never duplicated (the report lists it). A new
member keeps the file's enrolment day when it has one. Consent (PIPL): membership is recorded
as given in the old system ("imported:<notice version>"); marketing only when the file has a
marketing column that says yes; sharing with other alliance shops never (nobody asked).
Opening points become one ``import`` lot per member, expiring by the shop's rule from today,
so the balance stays a sum over the ledger like any other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.clock import add_months
from desktop.models.ids import new_member_id
from desktop.models.importing.bulk import BulkWriter
from desktop.models.importing.dates import parse_date
from desktop.models.importing.parsing import (
    RowContext,
    RowReader,
    chunks,
    fingerprint,
    imported_fingerprints,
)
from desktop.models.importing.report import ALREADY_IMPORTED, MATCHED_EXISTING, RowProblem
from desktop.models.importing.sources import Row
from desktop.models.importing.values import (
    Cell,
    CellProblem,
    parse_name,
    parse_phone,
    parse_points,
    parse_yes_no,
)
from desktop.models.members import CARD_VALID_YEARS, NOTICE_VERSION
from desktop.models.names import name_keys
from desktop.models.tables import Member, MemberConsent, PointsEntry

IMPORT_KIND = "import"  # points_entry.kind of an opening balance
CONSENT_NOTICE = f"imported:{NOTICE_VERSION}"


class MemberRecord(NamedTuple):
    row: int
    fingerprint: str
    name: str
    phone: str
    birthday: dt.date | None
    enrolled_day: dt.date | None
    points: int
    marketing: bool


class Resolved(NamedTuple):
    new: list[MemberRecord]
    matched: list[tuple[MemberRecord, int]]
    notices: list[RowProblem]


def parse_member(
    number: int, cells: Row, ctx: RowContext
) -> tuple[MemberRecord | None, list[RowProblem]]:
    r = RowReader(number, cells, ctx)
    name = r.read("name", parse_name)
    phone = r.read("phone", parse_phone)
    birthday = r.read("birthday", lambda v: _day(v, ctx, optional=True))
    enrolled = r.read("enrolled", lambda v: _day(v, ctx, optional=True))
    points = r.read("points", parse_points) if r.mapped("points") else 0
    marketing = r.read("marketing", parse_yes_no) if r.mapped("marketing") else False
    if r.problems or name is None or phone is None or points is None or marketing is None:
        return None, r.problems
    record = MemberRecord(
        number, fingerprint("member", phone), name, phone, birthday, enrolled, points, marketing
    )
    return record, []


def _day(value: Cell, ctx: RowContext, *, optional: bool) -> dt.date | None:
    if optional and (value is None or (isinstance(value, str) and not value.strip())):
        return None
    day = parse_date(value, epoch_1904=ctx.epoch_1904)
    if day > ctx.today:
        raise CellProblem("future_date")
    return day


def duplicate_key(record: MemberRecord) -> int:
    """What makes two rows the same member (a small int: a million fit in little memory)."""
    return int(record.phone)


def resolve_members(
    session: Session, records: list[MemberRecord], *, shop_id: int, phone_label: str = ""
) -> Resolved:
    """Split parsed rows into new members, members matched by phone, and rows imported
    before (notices, not errors)."""
    done = imported_fingerprints(session, [r.fingerprint for r in records])
    existing: dict[str, int] = {}
    for part in chunks([r.phone for r in records]):
        rows = session.execute(
            select(Member.phone, Member.id).where(
                Member.home_shop_id == shop_id, Member.phone.in_(part)
            )
        ).all()
        existing.update({phone: member_id for phone, member_id in rows if phone})
    result = Resolved([], [], [])
    for record in records:
        if record.fingerprint in done:
            result.notices.append(_notice(record, ALREADY_IMPORTED, phone_label))
        elif record.phone in existing:
            result.matched.append((record, existing[record.phone]))
            result.notices.append(_notice(record, MATCHED_EXISTING, phone_label))
        else:
            result.new.append(record)
    return result


def _notice(record: MemberRecord, reason: str, column: str) -> RowProblem:
    return RowProblem(record.row, column, reason, record.phone)


MEMBER_COLUMNS = (
    "id",
    "home_shop_id",
    "name",
    "initials",
    "pinyin",
    "phone",
    "phone_last4",
    "birthday",
    "enrolled_at",
    "enrolled_day",
    "enrolled_by",
    "marketing_consent",
    "sharing_consent",
    "card_serial",
    "card_issued_on",
    "card_expires_on",
    "note",
)
CONSENT_COLUMNS = ("member_id", "kind", "granted", "at", "notice_version", "staff_id")
LOT_COLUMNS = (
    "member_id",
    "kind",
    "points",
    "created_at",
    "local_day",
    "expires_on",
    "rule_version",
    "staff_id",
    "note",
)


def write_members(
    writer: BulkWriter,
    *,
    new: Iterable[MemberRecord],
    matched: Iterable[tuple[MemberRecord, int]],
    shop_id: int,
    expiry_months: int,
    rule_version: int,
) -> tuple[int, int]:
    """Insert new members with their consents, opening lots, events and import rows;
    record matched rows. Returns (members created, opening points)."""
    now, today, staff_id = writer.now, writer.today, writer.staff_id
    created = points_total = 0
    card_expires = add_months(today, 12 * CARD_VALID_YEARS)
    lot_expires = add_months(today, expiry_months)
    note = f"import batch {writer.batch_id}"
    for part in chunks(list(new), 2000):
        members: list[tuple[Any, ...]] = []
        consents: list[tuple[Any, ...]] = []
        lots: list[tuple[Any, ...]] = []
        events: list[dict[str, Any]] = []
        links: list[tuple[Any, ...]] = []
        for record in part:
            member_id = new_member_id()
            keys = name_keys(record.name)
            day = record.enrolled_day or today
            enrolled_at = writer.local_to_utc(day) if record.enrolled_day else now
            members.append(
                (
                    member_id,
                    shop_id,
                    record.name,
                    keys.initials,
                    keys.pinyin,
                    record.phone,
                    record.phone[-4:],
                    record.birthday,
                    enrolled_at,
                    day,
                    staff_id,
                    record.marketing,
                    False,
                    1,
                    today,
                    card_expires,
                    "",
                )
            )
            for kind, granted in (
                ("membership", True),
                ("marketing", record.marketing),
                ("sharing", False),
            ):
                consents.append((member_id, kind, granted, now, CONSENT_NOTICE, staff_id))
            if record.points:
                lots.append(
                    (
                        member_id,
                        IMPORT_KIND,
                        record.points,
                        now,
                        today,
                        lot_expires,
                        rule_version,
                        staff_id,
                        note,
                    )
                )
                points_total += record.points
            events.append(
                {
                    "member_id": member_id,
                    "enrolled_day": day.isoformat(),
                    "marketing": record.marketing,
                    "sharing": False,
                    "opening_points": record.points,
                    "batch": writer.batch_id,
                }
            )
            links.append(writer.import_row(record.row, record.fingerprint, member_id=member_id))
        writer.insert(Member, MEMBER_COLUMNS, members)
        writer.insert(MemberConsent, CONSENT_COLUMNS, consents)
        writer.insert(PointsEntry, LOT_COLUMNS, lots)
        writer.add_import_rows(links)
        writer.emit_events("member.imported", events)
        created += len(part)
        writer.advance(len(part))
    matched_rows = [
        writer.import_row(record.row, record.fingerprint, member_id=member_id, outcome="matched")
        for record, member_id in matched
    ]
    for group in chunks(matched_rows, 5000):
        writer.add_import_rows(group)
        writer.advance(len(group))
    return created, points_total
