"""Reading other systems' files: encodings, damaged and hostile files, headers and mapping."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from desktop.models.importing import xlsx_source
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.import_support import (
    MEMBER_HEADER,
    csv_file,
    encrypted_xlsx,
    old_xls,
    table_counts,
    xlsx,
    zip_bomb,
)

MEMBERS = [MEMBER_HEADER, ("张三", "13800138000", "1990-05-01", "2025-01-05", 100)]


def names(desk: Desk) -> list[str]:
    return sorted(m.name for m in desk.search_members("").items)


def failure(desk: Desk, owner: Actor, path: Path, kind: str = "members") -> str:
    before = table_counts(desk)
    report = desk.run_import(path, kind, by=owner, skip_bad=True)
    assert not report.ok
    assert report.failure is not None
    assert table_counts(desk) == before, "nothing may be written"
    preview = desk.preview_import(path, kind)
    assert preview.failure is not None
    assert preview.failure.code == report.failure.code
    return report.failure.code


# -- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("utf-16", "utf-16")],
)
def test_csv_encodings_are_detected(
    desk: Desk, owner: Actor, tmp_path: Path, encoding: str, detected: str
) -> None:
    path = csv_file(tmp_path / "m.csv", MEMBERS, encoding=encoding)
    preview = desk.preview_import(path, "members")
    assert preview.encoding == detected
    assert preview.rows[0].cells[0] == "张三"
    assert desk.run_import(path, "members", by=owner).imported == 1
    assert names(desk) == ["张三"]


def test_a_gbk_file_from_chinese_excel_arrives_without_mojibake(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    rows = [
        MEMBER_HEADER,
        ("欧阳娜娜", "13900139000", "", "", ""),
        ("李四", "13700137000", "", "", ""),
    ]
    path = csv_file(tmp_path / "会员.csv", rows, encoding="gbk")
    raw = path.read_bytes()
    assert "欧阳娜娜".encode("gbk") in raw
    report = desk.run_import(path, "members", by=owner)
    assert report.ok
    assert names(desk) == sorted(["欧阳娜娜", "李四"])
    assert not any(ch in "".join(names(desk)) for ch in "ÅÕÈýÀî")


def test_gb18030_only_characters_survive(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    rows = [MEMBER_HEADER, ("王䶮", "13900139000", "", "", "")]  # 䶮 is not in GBK
    path = csv_file(tmp_path / "m.csv", rows, encoding="gb18030")
    assert desk.run_import(path, "members", by=owner).ok
    assert names(desk) == ["王䶮"]


def test_gbk_text_decoded_the_wrong_way_is_refused_not_stored(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    # Someone opened the GBK export as Latin-1 and saved it again as UTF-8.
    garbled = "张三".encode("gbk").decode("latin-1")
    path = csv_file(tmp_path / "m.csv", [MEMBER_HEADER, (garbled, "13800138000", "", "", "")])
    before = table_counts(desk)
    report = desk.run_import(path, "members", by=owner)
    assert not report.ok
    assert [(e.row, e.column, e.reason) for e in report.errors] == [(2, "姓名", "garbled_text")]
    assert table_counts(desk) == before
    assert desk.run_import(path, "members", by=owner, skip_bad=True).imported == 0


def test_a_file_in_no_known_encoding_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_bytes("姓名,手机号\n".encode() + b"\x81\x20\xff,13800138000\n")
    assert failure(desk, owner, path) == "unreadable_encoding"


def test_semicolon_and_tab_separated_files_are_read(desk: Desk, tmp_path: Path) -> None:
    for delimiter in (";", "\t"):
        path = csv_file(tmp_path / f"m{ord(delimiter)}.csv", MEMBERS, delimiter=delimiter)
        preview = desk.preview_import(path, "members")
        assert preview.failure is None
        assert preview.rows[0].cells[:2] == ("张三", "13800138000")


# -- damaged and hostile workbooks ------------------------------------------------------------


def test_a_corrupt_xlsx_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"this is not a workbook at all" * 100)
    assert failure(desk, owner, path) == "corrupt_file"


def test_a_truncated_xlsx_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    good = xlsx(tmp_path / "good.xlsx", MEMBERS * 50)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert failure(desk, owner, path) == "corrupt_file"


def test_a_zip_that_is_not_a_workbook_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8" * 100)
    assert failure(desk, owner, path) == "corrupt_file"


def test_a_password_protected_xlsx_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    assert failure(desk, owner, encrypted_xlsx(tmp_path / "locked.xlsx")) == "encrypted_file"


def test_an_old_xls_renamed_to_xlsx_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    assert failure(desk, owner, old_xls(tmp_path / "old.xlsx")) == "xls_not_xlsx"
    assert failure(desk, owner, old_xls(tmp_path / "old.xls")) == "xls_not_xlsx"


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(
    desk: Desk, owner: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    assert failure(desk, owner, zip_bomb(tmp_path / "bomb.xlsx")) == "zip_bomb"


def test_a_workbook_above_the_size_limit_is_refused(
    desk: Desk, owner: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = xlsx(tmp_path / "big.xlsx", MEMBERS)
    monkeypatch.setattr(xlsx_source, "MAX_UNCOMPRESSED", 1000)
    assert failure(desk, owner, path) == "zip_bomb"


def test_an_unsupported_file_is_refused(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    path = tmp_path / "members.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    assert failure(desk, owner, path) == "unsupported_file"
    assert failure(desk, owner, tmp_path / "missing.xlsx") == "file_not_found"


# -- formulas, merged headers, empty files -----------------------------------------------


def _with_cached_value(path: Path, formula: str, value: str | None) -> None:
    """Give one formula a stored result, as Excel does when it saves (None: drop the empty
    result element openpyxl writes, as some generators do)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    assert f"<f>{formula}</f><v />" in sheet
    stored = "" if value is None else f"<v>{value}</v>"
    sheet = sheet.replace(f"<f>{formula}</f><v />", f"<f>{formula}</f>{stored}")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_formulas_count_by_their_stored_value_and_fail_without_one(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    path = xlsx(
        tmp_path / "s.xlsx",
        [
            ("手机", "单价", "消费金额", "日期"),
            ("13800138000", 10, "=B2*2", "2026-01-05"),
            ("13800138000", 30, "=B3*2", "2026-01-06"),
            ("13800138000", 40, "=B4*2", "2026-01-07"),
        ],
    )
    _with_cached_value(path, "B2*2", "20")
    _with_cached_value(path, "B4*2", None)  # no <v> at all
    report = desk.run_import(path, "sales", by=owner, skip_bad=True)
    assert report.imported == 1
    assert [(e.row, e.column, e.reason, e.value) for e in report.errors] == [
        (3, "消费金额", "formula_without_value", "=?"),
        (4, "消费金额", "formula_without_value", "=?"),
    ]
    assert [s.amount_fen for s in desk.recent_sales()] == [2000]


def test_a_merged_title_above_the_header_is_skipped(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    path = xlsx(
        tmp_path / "m.xlsx",
        [("XX 会员系统导出 2026-01",), (), MEMBER_HEADER, MEMBERS[1]],
        merges=["A1:E1"],
    )
    preview = desk.preview_import(path, "members")
    assert preview.headers == MEMBER_HEADER
    assert preview.rows[0].row == 4
    assert desk.run_import(path, "members", by=owner).imported == 1


def test_a_two_row_header_with_merged_cells_is_read(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    path = xlsx(
        tmp_path / "m.xlsx",
        [
            ("姓名", "联系方式", None, "生日"),
            (None, "手机", "座机", None),
            ("张三", "13800138000", "021-5555", "1990-01-02"),
        ],
        merges=["A1:A2", "B1:C1", "D1:D2"],
    )
    preview = desk.preview_import(path, "members")
    assert preview.headers == ("姓名", "手机", "座机", "生日")
    assert preview.mapping == {"phone": "手机", "name": "姓名", "birthday": "生日"}
    report = desk.run_import(path, "members", by=owner)
    assert (report.ok, report.imported, report.rows) == (True, 1, 1)


def test_a_header_cell_merged_across_two_columns_names_both(desk: Desk, tmp_path: Path) -> None:
    path = xlsx(
        tmp_path / "m.xlsx",
        [("姓名", "手机", None), ("张三", "13800138000", "13900139000")],
        merges=["B1:C1"],
    )
    preview = desk.preview_import(path, "members")
    assert preview.headers == ("姓名", "手机", "手机 (2)")
    assert preview.mapping["phone"] == "手机"


def test_an_empty_sheet_and_a_header_only_file_are_refused(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    assert failure(desk, owner, xlsx(tmp_path / "empty.xlsx", [])) == "empty_sheet"
    assert failure(desk, owner, xlsx(tmp_path / "head.xlsx", [MEMBER_HEADER])) == "header_only"
    assert failure(desk, owner, csv_file(tmp_path / "empty.csv", [])) == "empty_sheet"
    assert failure(desk, owner, csv_file(tmp_path / "head.csv", [MEMBER_HEADER])) == "header_only"


# -- mapping -------------------------------------------------------------------------------


def test_english_headers_are_mapped(desk: Desk, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "m.csv",
        [
            ("Customer Name", "Mobile", "Date of Birth", "Join Date", "Points Balance"),
            ("Tom Lee", "13800138000", "1990-01-02", "2024-05-06", "10"),
        ],
    )
    assert desk.preview_import(path, "members").mapping == {
        "name": "Customer Name",
        "phone": "Mobile",
        "birthday": "Date of Birth",
        "enrolled": "Join Date",
        "points": "Points Balance",
    }


def test_sales_headers_with_units_and_separate_time_are_mapped(desk: Desk, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "s.csv",
        [
            ("订单号", "会员手机号", "实收金额（元）", "日期", "时间"),
            ("A1", "", "12", "2026-01-05", "9:30"),
        ],
    )
    assert desk.preview_import(path, "sales").mapping == {
        "ref": "订单号",
        "phone": "会员手机号",
        "amount": "实收金额（元）",
        "date": "日期",
        "time": "时间",
    }


def test_an_explicit_mapping_wins_over_the_guess(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    path = csv_file(
        tmp_path / "m.csv",
        [("昵称", "姓名", "手机", "备用手机"), ("小张", "张三", "12345", "13800138000")],
    )
    assert desk.preview_import(path, "members").mapping == {"name": "姓名", "phone": "手机"}
    mapping = {"name": "昵称", "phone": "D"}
    preview = desk.preview_import(path, "members", mapping)
    assert preview.mapping == {"name": "昵称", "phone": "备用手机"}
    assert preview.rows[0].problems == ()
    assert desk.run_import(path, "members", by=owner, mapping=mapping).imported == 1
    assert names(desk) == ["小张"]


def test_mapping_mistakes_are_reported(desk: Desk, owner: Actor, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "m.csv", [("姓名", "电话号码"), ("张三", "13800138000")])
    for mapping, code in (
        ({"nickname": "姓名"}, "unknown_field"),
        ({"name": "名称"}, "unknown_column"),
        ({"phone": None}, "missing_column"),
    ):
        report = desk.run_import(path, "members", by=owner, mapping=mapping)
        assert report.failure is not None
        assert report.failure.code == code
    preview = desk.preview_import(path, "members", {"phone": ""})
    assert preview.failure is not None
    assert (preview.failure.code, preview.failure.params) == ("missing_column", {"field": "phone"})
    assert preview.headers == ("姓名", "电话号码")


# -- a million rows ------------------------------------------------------------------------


def test_a_million_row_file_is_previewed_in_bounded_memory(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("手机,消费金额,消费日期\n")
        line = "13800138000,12.50,2026-01-05\n"
        for _ in range(10):
            handle.write(line * 100_000)
    tracemalloc.start()
    began = time.perf_counter()
    preview = desk.preview_import(path, "sales")
    seconds = time.perf_counter() - began
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(preview.rows) == 50
    assert preview.estimated_rows is not None
    assert 900_000 < preview.estimated_rows < 1_100_000
    assert peak < 8 * 2**20, f"peak {peak / 2**20:.1f} MiB"
    assert seconds < 10


def test_a_million_row_file_stops_at_its_first_bad_row(
    desk: Desk, owner: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("手机,消费金额,消费日期\n,-1,2026-01-05\n")
        handle.write(",12.50,2026-01-05\n" * 1_000_000)
    began = time.perf_counter()
    report = desk.run_import(path, "sales", by=owner)
    assert time.perf_counter() - began < 10
    assert not report.ok
    assert [(e.row, e.reason) for e in report.errors] == [(2, "negative_amount")]
    assert report.rows < 10


def test_an_estimated_row_count_comes_with_an_xlsx_preview(desk: Desk, tmp_path: Path) -> None:
    rows = [MEMBER_HEADER] + [
        (f"会员{i}", f"138{i:08d}", dt.date(1990, 1, 1), None, None) for i in range(300)
    ]
    preview = desk.preview_import(xlsx(tmp_path / "m.xlsx", rows), "members")
    assert preview.estimated_rows == 300
    assert len(preview.rows) == 50
