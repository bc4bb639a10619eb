"""The weekly report workbook and record exports: sheets, formats, charts, masking, audit."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.analytics_helpers import local
from tests.models.conftest import FakeClock

MON = dt.date(2026, 3, 2)


@pytest.fixture
def shop(desk: Desk, clock: FakeClock) -> dict[str, int]:
    local(clock, MON)
    a = desk.enrol_member(name="张三", phone="13800000001", by=None, membership_consent=True)
    b = desk.enrol_member(name="李四", phone="13800000002", by=None, membership_consent=True)
    desk.record_sale(amount_fen=12345, member_id=a, by=None)
    desk.check_in(member_id=b, by=None)
    local(clock, MON + dt.timedelta(days=8))
    desk.record_sale(amount_fen=5000, member_id=b, by=None)
    return {"a": a, "b": b}


def test_weekly_report_has_a_sheet_per_table_with_formats(
    desk: Desk, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "report.xlsx"
    result = desk.export_weekly_report(path, MON, MON + dt.timedelta(days=8))
    assert result.sheets == ("汇总", "每周数据", "优惠券", "活动效果", "留存", "RFM 分群")
    book = load_workbook(path)
    weekly = book["每周数据"]
    assert weekly.freeze_panes == "A2"
    headers = [c.value for c in weekly[1]]
    assert headers[:3] == ["周", "周一", "到店人次"]
    sales = weekly.cell(row=2, column=headers.index("会员销售额") + 1)
    assert sales.value == 123.45  # written as Decimal("123.45"), read back as a number
    assert sales.number_format == "¥#,##0.00"
    rate = weekly.cell(row=3, column=headers.index("复购率（30天）") + 1)
    assert rate.number_format == "0.0%"
    assert weekly.column_dimensions["A"].width >= 8
    summary = book["汇总"]
    assert summary["A7"].value == "到店人次"
    assert summary["B7"].value == 3


def test_weekly_report_charts_are_native_excel_charts(
    desk: Desk, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "report.xlsx"
    desk.export_weekly_report(path, MON, MON + dt.timedelta(days=8))
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
    charts = [n for n in names if n.startswith("xl/charts/chart")]
    assert len(charts) >= 5  # four on the summary, RFM (and campaigns when there are some)
    assert not [n for n in names if n.startswith("xl/media/")]  # no pictures


def test_weekly_report_in_english_when_the_shop_says_so(
    desk: Desk, owner: Actor, shop: dict[str, int], tmp_path: Path
) -> None:
    desk.set_setting("language", "en", by=owner)
    result = desk.export_weekly_report(tmp_path / "r.xlsx", MON, MON)
    assert result.sheets[0] == "Summary"


def test_cancelling_the_report_leaves_no_file(
    desk: Desk, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "report.xlsx"
    result = desk.export_weekly_report(path, MON, MON, progress=lambda done, total: done < 3)
    assert result.cancelled
    assert not path.exists()


def test_member_export_masks_phones_and_is_audited(
    desk: Desk, shop: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "members.xlsx"
    result = desk.export_records("members", path, by=None)
    assert result.rows == 2
    sheet = load_workbook(path)["会员"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("会员编号", "姓名", "手机号")
    assert {r[2] for r in rows[1:]} == {"138****0001", "138****0002"}
    assert {r[0] for r in rows[1:]} == {str(shop["a"]), str(shop["b"])}  # ids as text
    entry = desk.recent_audit(limit=1)[0]
    assert entry.action == "data.exported"
    assert json.loads(entry.details) == {
        "file": "members.xlsx",
        "kind": "members",
        "rows": 2,
        "unmasked": False,
    }


def test_unmasked_export_needs_the_owner_and_says_so_in_the_audit(
    desk: Desk, owner: Actor, shop: dict[str, int], tmp_path: Path
) -> None:
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    with pytest.raises(DomainError) as refused:
        desk.export_records("ledger", tmp_path / "x.xlsx", by=clerk, unmask=True)
    assert refused.value.code == "owner_required"
    assert not (tmp_path / "x.xlsx").exists()
    path = tmp_path / "ledger.xlsx"
    desk.export_records("ledger", path, by=owner, unmask=True)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert "13800000001" in {r[2] for r in rows[1:]}
    points = {r[4] for r in rows[1:]}
    assert points == {123, 50}
    details = json.loads(desk.recent_audit(limit=1)[0].details)
    assert (details["kind"], details["unmasked"]) == ("ledger", True)


def test_check_in_and_coupon_exports(desk: Desk, shop: dict[str, int], tmp_path: Path) -> None:
    checkins = desk.export_records("checkins", tmp_path / "c.xlsx", by=None)
    assert checkins.rows == 1
    sheet = load_workbook(tmp_path / "c.xlsx").active
    row = next(sheet.iter_rows(min_row=2, values_only=True))
    assert row[2] == "138****0002"
    assert row[4] == dt.datetime(2026, 3, 2, 10, 0)  # shop time
    assert desk.export_records("coupons", tmp_path / "k.xlsx", by=None).rows == 0
    with pytest.raises(ValueError, match="unknown export"):
        desk.export_records("staff", tmp_path / "s.xlsx", by=None)
