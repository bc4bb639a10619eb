"""Importing members: matched by phone, enrolment day kept, opening points, consents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models.clock import add_months
from desktop.models.errors import DomainError
from desktop.models.jsonutil import canonical_json, sha256_hex
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.models.tables import AuditRecord, Event, ImportBatch, ImportRow, Member, MemberConsent
from tests.models.conftest import OWNER_PIN
from tests.models.import_support import MEMBER_HEADER, csv_file, table_counts, xlsx

TODAY = dt.date(2026, 3, 2)  # the test clock's day in Shanghai

ROWS = [
    MEMBER_HEADER,
    ("李四", "139 0013 9000", dt.date(1988, 2, 3), "2024年6月1日", 120),
    ("王五", "+86 137-0013-7000", None, None, None),
]


def member_by_phone(desk: Desk, phone: str) -> Member:
    with desk.db.read() as session:
        member = session.execute(select(Member).where(Member.phone == phone)).scalar_one()
        session.expunge(member)
        return member


def test_new_members_keep_the_files_enrolment_day_and_birthday(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    report = desk.run_import(xlsx(tmp_path / "m.xlsx", ROWS), "members", by=owner)
    assert (report.ok, report.imported, report.matched, report.skipped) == (True, 2, 0, 0)
    li = member_by_phone(desk, "13900139000")
    assert (li.name, li.birthday, li.enrolled_day) == (
        "李四",
        dt.date(1988, 2, 3),
        dt.date(2024, 6, 1),
    )
    assert (li.initials, li.pinyin) == ("ls", "lisi")
    assert li.enrolled_at == dt.datetime(2024, 6, 1, 4, 0)  # noon in Shanghai
    wang = member_by_phone(desk, "13700137000")
    assert wang.enrolled_day == TODAY
    assert wang.enrolled_by == owner.staff_id
    assert desk.search_members("ls").items[0].name == "李四"


def test_a_phone_already_in_the_shop_is_matched_not_duplicated(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [MEMBER_HEADER, ("张三丰", "138-0013-8000", None, None, 500), ROWS[1]]
    report = desk.run_import(csv_file(tmp_path / "m.csv", rows), "members", by=owner)
    assert (report.ok, report.imported, report.matched) == (True, 1, 1)
    assert [(n.row, n.reason, n.value) for n in report.notices] == [
        (2, "matched_existing", "13800138000")
    ]
    card = desk.member_card(member_id)
    assert (card.name, card.balance) == ("张三", 0), "a matched member is not changed"
    with desk.db.read() as session:
        matched = session.execute(select(ImportRow).where(ImportRow.row_number == 2)).scalar_one()
        assert (matched.outcome, matched.member_id) == ("matched", member_id)


def test_opening_points_are_an_import_lot_that_expires_by_the_shop_rule(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    report = desk.run_import(xlsx(tmp_path / "m.xlsx", ROWS), "members", by=owner)
    assert report.opening_points == 120
    li = member_by_phone(desk, "13900139000")
    [line] = desk.points_history(li.id)
    assert (line.kind, line.points, line.local_day) == ("import", 120, TODAY)
    assert line.expires_on == add_months(TODAY, desk.rule().expiry_months)
    card = desk.member_card(li.id)
    assert (card.balance, card.tier) == (120, 0)
    sale = desk.record_sale(amount_fen=5000, member_id=li.id, by=owner, redeem_points=100)
    assert (sale.points_redeemed, sale.balance) == (100, 20 + sale.points_earned)


def test_consent_is_membership_as_imported_and_never_marketing_unless_the_file_says(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    desk.run_import(xlsx(tmp_path / "m.xlsx", ROWS), "members", by=owner)
    li = member_by_phone(desk, "13900139000")
    assert (li.marketing_consent, li.sharing_consent) == (False, False)
    with desk.db.read() as session:
        consents = session.execute(
            select(MemberConsent.kind, MemberConsent.granted, MemberConsent.notice_version)
            .where(MemberConsent.member_id == li.id)
            .order_by(MemberConsent.id)
        ).all()
    assert [tuple(c) for c in consents] == [
        ("membership", True, "imported:2026-01"),
        ("marketing", False, "imported:2026-01"),
        ("sharing", False, "imported:2026-01"),
    ]


def test_an_explicit_marketing_column_is_honoured(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    rows = [
        ("姓名", "手机", "接收营销信息"),
        ("甲", "13800000001", "是"),
        ("乙", "13800000002", "否"),
        ("丙", "13800000003", ""),
    ]
    assert desk.run_import(csv_file(tmp_path / "m.csv", rows), "members", by=owner).imported == 3
    flags = [member_by_phone(desk, f"1380000000{i}").marketing_consent for i in (1, 2, 3)]
    assert flags == [True, False, False]


def test_importing_the_same_file_again_adds_nothing(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "m.xlsx", ROWS)
    first = desk.run_import(path, "members", by=owner)
    before = table_counts(desk)
    again = desk.run_import(path, "members", by=owner)
    assert (again.ok, again.imported, again.already_imported, again.skipped) == (True, 0, 2, 2)
    assert {n.reason for n in again.notices} == {"already_imported"}
    after = table_counts(desk)
    for table in ("member", "member_consent", "points_entry", "import_row", "event"):
        assert after[table] == before[table], table
    assert after["import_batch"] == before["import_batch"] + 1  # the attempt is on record
    assert first.batch_id != again.batch_id


def test_an_overlapping_file_imports_only_its_new_rows(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    desk.run_import(xlsx(tmp_path / "m.xlsx", ROWS), "members", by=owner)
    newer = [
        MEMBER_HEADER,
        ("王五", "13700137000", "", "", ""),
        ("赵六", "13600136000", "", "", ""),
    ]
    report = desk.run_import(csv_file(tmp_path / "m2.csv", newer), "members", by=owner)
    assert (report.imported, report.already_imported) == (1, 1)
    assert table_counts(desk)["member"] == 3


def test_events_and_an_audit_record_come_with_the_import(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    report = desk.run_import(xlsx(tmp_path / "名单.xlsx", ROWS), "members", by=owner)
    with desk.db.read() as session:
        events = session.execute(
            select(Event.device_seq, Event.kind, Event.payload, Event.content_hash).order_by(
                Event.device_seq
            )
        ).all()
        audit = session.execute(
            select(AuditRecord.action, AuditRecord.details).order_by(AuditRecord.id.desc())
        ).first()
        batch = session.get(ImportBatch, report.batch_id)
        assert batch is not None
        assert (batch.kind, batch.imported, batch.rows_total, batch.staff_id) == (
            "members",
            2,
            2,
            owner.staff_id,
        )
        assert json.loads(batch.mapping)["phone"] == "手机号"
    assert [e.device_seq for e in events] == list(range(1, len(events) + 1)), "gapless"
    imported = [e for e in events if e.kind == "member.imported"]
    assert len(imported) == 2
    for event in imported:
        payload = json.loads(event.payload)
        body = canonical_json({"kind": event.kind, "payload": payload})
        assert event.content_hash == sha256_hex(body)
        assert event.payload == canonical_json(payload)
    assert json.loads(imported[0].payload)["opening_points"] == 120
    assert audit is not None
    assert audit.action == "import.members"
    details = json.loads(audit.details)
    assert (details["file"], details["imported"], details["batch"]) == (
        "名单.xlsx",
        2,
        report.batch_id,
    )
    assert desk.verify_audit().ok


def test_bad_rows_stop_the_import_or_are_skipped(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    rows = [
        *ROWS,
        ("", "13600136000", "", "", ""),
        ("钱七", "12345", "", "", ""),
        ("孙八", "13500135000", "2030-01-01", "", ""),
        ("李四二", "13900139000", "", "", ""),
    ]
    path = xlsx(tmp_path / "m.xlsx", rows)
    before = table_counts(desk)
    stopped = desk.run_import(path, "members", by=owner)
    assert not stopped.ok
    assert [(e.row, e.column, e.reason) for e in stopped.errors] == [(4, "姓名", "missing_value")]
    assert table_counts(desk) == before
    report = desk.run_import(path, "members", by=owner, skip_bad=True)
    assert (report.ok, report.imported, report.error_count, report.skipped) == (True, 2, 4, 4)
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (4, "姓名", "missing_value"),
        (5, "手机号", "bad_phone"),
        (6, "生日", "future_date"),
        (7, "手机号", "duplicate_in_file"),
    ]


def test_only_the_owner_may_import(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    with pytest.raises(DomainError, match="owner_required"):
        desk.run_import(xlsx(tmp_path / "m.xlsx", ROWS), "members", by=clerk)
    assert desk.authenticate(OWNER_PIN).is_owner
