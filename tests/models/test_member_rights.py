"""A member's data rights: a copy of everything held, erasure that keeps the books, and
consents withdrawn at any time — on a real shop database."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.member_rights import ERASE_NOTICE, SECTIONS
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import FakeClock
from tests.models.coupon_support import spec

PHONE = "13912345678"
NAME = "欧阳娜娜"
STAFF_PIN = "1357"


@dataclass(frozen=True)
class Regular:
    """A member with a history: consents changed, sales (one refunded), a visit, a coupon and
    a manual adjustment."""

    id: int
    sale_ids: tuple[int, ...]


@pytest.fixture
def regular(desk: Desk, owner: Actor, clock: FakeClock) -> Regular:
    member = desk.enrol_member(
        name=NAME,
        phone=PHONE,
        by=owner,
        membership_consent=True,
        marketing_consent=True,
        birthday=dt.date(1990, 5, 17),
    )
    desk.update_member(member_id=member, by=owner, note="喜欢燕麦拿铁，住在三楼")
    campaign = desk.create_campaign(spec(), by=owner)
    desk.issue_coupon(campaign, member_id=member, by=owner)
    clock.advance(hours=1)
    desk.set_consent(member_id=member, kind="marketing", granted=False, by=None)
    first = desk.record_sale(amount_fen=12_50, member_id=member, by=owner).sale_id
    clock.advance(days=1)
    desk.check_in(member_id=member, by=None)
    second = desk.record_sale(amount_fen=88_00, member_id=member, by=owner).sale_id
    desk.refund_sale(sale_id=second, by=owner, reason="说咖啡太苦")
    desk.adjust_points(member_id=member, points_delta=30, reason="生日补录", by=owner)
    return Regular(member, (first, second))


@pytest.fixture
def staff(desk: Desk, owner: Actor) -> Actor:
    return desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)


def entries(desk: Desk, member_id: int) -> list[tuple[object, ...]]:
    return [
        (e.id, e.kind, e.points, e.local_day, e.expires_on) for e in desk.points_history(member_id)
    ]


def dump(path: Path) -> str:
    """Every row of every table, as SQL text (what anyone opening the file can read)."""
    with closing(sqlite3.connect(path)) as conn:
        return "\n".join(conn.iterdump())


# -- export --------------------------------------------------------------------------------


def test_json_export_holds_consents_with_times_and_the_ledger(
    desk: Desk, owner: Actor, regular: Regular, tmp_path: Path
) -> None:
    path = tmp_path / "out" / "member.json"
    result = desk.export_member_data(regular.id, path, "json", by=owner)

    data = json.loads(path.read_text(encoding="utf-8"))
    profile = data["profile"]
    assert (profile["id"], profile["name"], profile["phone"]) == (str(regular.id), NAME, PHONE)
    assert profile["birthday"] == "1990-05-17"
    assert profile["note"] == "喜欢燕麦拿铁，住在三楼"
    consents = [(c["kind"], c["granted"], c["at"]) for c in data["consents"]]
    assert consents == [
        ("membership", True, "2026-03-02T10:00:00+08:00"),
        ("marketing", True, "2026-03-02T10:00:00+08:00"),
        ("sharing", False, "2026-03-02T10:00:00+08:00"),
        ("marketing", False, "2026-03-02T11:00:00+08:00"),
    ]
    assert {c["notice_version"] for c in data["consents"]} == {"2026-01"}
    ledger = desk.points_history(regular.id)
    assert sorted(e["id"] for e in data["points"]) == sorted(line.id for line in ledger)
    assert sum(e["points"] for e in data["points"]) == profile["points_balance"]
    assert [s["id"] for s in data["sales"]] == list(regular.sale_ids)
    assert data["sales"][0]["amount_fen"] == 1250
    assert data["sales"][0]["amount_yuan"] == "12.50"
    assert data["sales"][1]["refunded_at"] is not None
    assert len(data["visits"]) == 1
    assert [(c["campaign"], c["state"]) for c in data["coupons"]] == [("十元券", "issued")]
    assert result.rows == sum(len(data[section]) for section in SECTIONS)


def test_xlsx_export_has_a_sheet_per_section_with_frozen_headers(
    desk: Desk, owner: Actor, regular: Regular, tmp_path: Path
) -> None:
    path = tmp_path / "member.xlsx"
    desk.export_member_data(regular.id, path, "xlsx", by=owner)

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "profile",
        "consents",
        "points",
        "sales",
        "visits",
        "coupons",
        "cards",
        "holdouts",
    ]
    profile = {row[0]: row[1] for row in book["profile"].iter_rows(min_row=2, values_only=True)}
    assert (profile["name"], profile["phone"]) == (NAME, PHONE)
    consents = book["consents"]
    assert consents.freeze_panes == "A2"
    assert [c.value for c in consents[1]] == ["at", "kind", "granted", "notice_version", "by"]
    assert consents["A5"].value == dt.datetime(2026, 3, 2, 11, 0)
    assert consents["B5"].value == "marketing"
    assert consents["C5"].value == "no"
    sales = book["sales"]
    header = [c.value for c in sales[1]]
    assert sales.cell(2, header.index("amount_yuan") + 1).value == pytest.approx(12.5)
    assert sales.column_dimensions["A"].width >= 8


def test_each_export_is_audited_with_who_did_it(
    desk: Desk, owner: Actor, regular: Regular, tmp_path: Path
) -> None:
    desk.export_member_data(regular.id, tmp_path / "m.json", "json", by=owner)

    record = desk.recent_audit(limit=1)[0]
    assert (record.action, record.staff_id) == ("member.exported", owner.staff_id)
    details = json.loads(record.details)
    assert (details["member"], details["format"], details["file"]) == (regular.id, "json", "m.json")
    assert PHONE not in record.details
    assert NAME not in record.details


def test_staff_cannot_export_or_erase_and_the_refusal_is_audited(
    desk: Desk, staff: Actor, regular: Regular, tmp_path: Path
) -> None:
    path = tmp_path / "m.json"
    with pytest.raises(DomainError) as refused:
        desk.export_member_data(regular.id, path, "json", by=staff)
    assert refused.value.code == "owner_required"
    assert not path.exists()
    with pytest.raises(DomainError) as refused:
        desk.erase_member(regular.id, by=staff)
    assert refused.value.code == "owner_required"

    assert desk.member_card(regular.id).name == NAME  # nothing erased
    actions = [(r.action, r.staff_id) for r in desk.recent_audit(limit=2)]
    assert actions == [
        ("member.erase_refused", staff.staff_id),
        ("member.export_refused", staff.staff_id),
    ]
    assert desk.verify_audit().ok


def test_an_unknown_format_is_refused(
    desk: Desk, owner: Actor, regular: Regular, tmp_path: Path
) -> None:
    with pytest.raises(DomainError) as refused:
        desk.export_member_data(regular.id, tmp_path / "m.csv", "csv", by=owner)
    assert refused.value.code == "export_format_invalid"


# -- erase ---------------------------------------------------------------------------------


def test_erase_keeps_the_books_and_the_weekly_figures(
    desk: Desk, owner: Actor, regular: Regular, db: Database
) -> None:
    other = desk.enrol_member(name="李四", phone="13700000001", by=None, membership_consent=True)
    desk.record_sale(amount_fen=5_000, member_id=other, by=None)
    monday = dt.date(2026, 3, 2)
    weeks_before = desk.weekly_figures(monday, monday + dt.timedelta(days=13))
    balance_before = desk.member_card(regular.id).balance
    history_before = entries(desk, regular.id)

    erased = desk.erase_member(regular.id, by=owner)

    assert erased.points_kept == balance_before
    assert desk.weekly_figures(monday, monday + dt.timedelta(days=13)) == weeks_before
    assert weeks_before[0].points_liability > 0
    assert weeks_before[0].member_sales_fen == 12_50 + 5_000
    assert entries(desk, regular.id) == history_before
    assert len(desk.recent_sales(member_id=regular.id)) == 2


def test_erase_removes_name_and_phone_everywhere(
    desk: Desk, owner: Actor, regular: Regular, db: Database, tmp_path: Path
) -> None:
    code = desk.member_code(regular.id)
    desk.erase_member(regular.id, by=owner)

    for query in (PHONE, PHONE[-4:], PHONE[:7], "欧阳", "oy", "ouyang"):
        assert desk.search_members(query).items == (), query
    with pytest.raises(DomainError) as refused:
        desk.lookup_scan(code)
    assert refused.value.code == "member_not_found"
    with pytest.raises(DomainError):
        desk.member_details(regular.id, viewer=owner)
    listing = tmp_path / "members.xlsx"
    desk.export_records("members", listing, by=owner, unmask=True)
    cells = {
        str(v)
        for row in openpyxl.load_workbook(listing).active.iter_rows(values_only=True)
        for v in row
    }
    assert str(regular.id) in cells  # the row stays (its ledger is still on the books)
    assert not {NAME, PHONE, "欧阳"} & cells
    text = dump(db.path)
    for secret in (PHONE, NAME, "ouyang", "燕麦拿铁"):
        assert secret not in text, secret
    # Reasons typed on the member's records go too; the audit log keeps its own copy (its
    # records cannot change without breaking the chain).
    records = "\n".join(line for line in text.splitlines() if "audit_log" not in line)
    for reason in ("咖啡太苦", "生日补录"):
        assert reason in text
        assert reason not in records, reason
    db.close()
    raw = db.path.read_bytes()
    assert PHONE.encode() not in raw
    assert NAME.encode() not in raw


def test_erase_withdraws_every_consent_and_is_audited(
    desk: Desk, owner: Actor, regular: Regular, tmp_path: Path, db: Database
) -> None:
    desk.set_consent(member_id=regular.id, kind="sharing", granted=True, by=None)
    desk.erase_member(regular.id, by=owner)

    with closing(sqlite3.connect(db.path)) as conn:
        latest = conn.execute(
            "SELECT kind, granted, notice_version, staff_id FROM member_consent c"
            " WHERE member_id = ? AND id = (SELECT max(id) FROM member_consent"
            " WHERE member_id = c.member_id AND kind = c.kind) ORDER BY kind",
            (regular.id,),
        ).fetchall()
        flags = conn.execute(
            "SELECT marketing_consent, sharing_consent, erased_at IS NOT NULL FROM member"
            " WHERE id = ?",
            (regular.id,),
        ).fetchone()
        event = conn.execute("SELECT payload FROM event WHERE kind = 'member.erased'").fetchone()
    assert latest == [
        ("marketing", 0, ERASE_NOTICE, owner.staff_id),
        ("membership", 0, ERASE_NOTICE, owner.staff_id),
        ("sharing", 0, ERASE_NOTICE, owner.staff_id),
    ]
    assert flags == (0, 0, 1)
    assert json.loads(event[0]) == {"member_id": regular.id}
    record = desk.recent_audit(limit=1)[0]
    assert (record.action, record.staff_id) == ("member.erased", owner.staff_id)
    assert json.loads(record.details)["member"] == regular.id
    assert desk.verify_audit().ok
    # What is left can still be handed over: the ledger, with no name or phone.
    desk.export_member_data(regular.id, tmp_path / "after.json", "json", by=owner)
    left = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    assert (left["profile"]["name"], left["profile"]["phone"]) == ("", None)
    assert left["profile"]["erased_at"] is not None
    assert left["points"]


def test_erasing_twice_is_refused_and_writes_nothing(
    desk: Desk, owner: Actor, regular: Regular, db: Database
) -> None:
    desk.erase_member(regular.id, by=owner)
    before = dump(db.path)

    with pytest.raises(DomainError) as refused:
        desk.erase_member(regular.id, by=owner)

    assert refused.value.code == "already_erased"
    assert dump(db.path) == before


def test_a_freed_phone_can_enrol_again_as_a_new_member(
    desk: Desk, owner: Actor, regular: Regular
) -> None:
    desk.erase_member(regular.id, by=owner)
    second = desk.enrol_member(name="新会员", phone="13800000002", by=None, membership_consent=True)
    desk.erase_member(second, by=owner)  # two erased members share the empty phone

    again = desk.enrol_member(name="欧阳", phone=PHONE, by=None, membership_consent=True)

    assert again != regular.id
    assert desk.member_card(again).balance == 0
