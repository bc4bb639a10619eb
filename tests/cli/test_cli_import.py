"""``merchant-desk import members|sales`` as IT staff run it: one JSON document, exit 0 when
the import was written."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop import cli as cli_module
from desktop.models.db import open_database
from desktop.models.service import Desk
from tests.models.import_support import MEMBER_HEADER, SALE_HEADER, csv_file, xlsx

ROOT = Path(__file__).resolve().parents[2]
OWNER_PIN = "246810"
NOW = dt.datetime(2026, 3, 2, 2, 0)


def run(*args: str | Path) -> tuple[int, Any]:
    """A real process, like a person at a terminal."""
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    stdout = proc.stdout.decode("utf-8")
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert stdout.count("\n") == 1, stdout
    return proc.returncode, json.loads(stdout)


def run_here(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, Any]:
    """The same, in this process (no interpreter start)."""
    status = cli_module.main([str(a) for a in args])
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out
    return status, json.loads(out)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db, clock=lambda: NOW)
    desk.set_up(shop_name="小王咖啡", owner_name="王老板", owner_pin=OWNER_PIN)
    desk.enrol_member(name="张三", phone="13800138000", by=None, membership_consent=True)
    db.close()
    return path


def test_members_are_imported_from_an_xlsx(shop: Path, tmp_path: Path) -> None:
    rows = [
        MEMBER_HEADER,
        ("李四", "13900139000", "1988-02-03", "2024-06-01", 120),
        ("张三", "13800138000", "", "", ""),
    ]
    status, doc = run("import", "members", "--db", shop, xlsx(tmp_path / "会员.xlsx", rows))
    assert status == 0, doc
    assert doc["ok"] is True
    assert (doc["imported"], doc["matched"], doc["skipped"], doc["errors"]) == (1, 1, 0, [])
    assert doc["opening_points"] == 120
    assert doc["notices"] == [
        {"row": 3, "column": "手机号", "reason": "matched_existing", "value": "138****8000"}
    ]
    assert doc["error"] is None
    assert doc["batch"] >= 1
    status, again = run("import", "members", "--db", shop, tmp_path / "会员.xlsx")
    assert (status, again["imported"], again["already_imported"]) == (0, 0, 2)


def test_bad_sales_rows_are_listed_and_skipped(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        SALE_HEADER,
        ("13800138000", "￥12.50", "2026-01-05"),
        ("13800138000", "-3", "2026-01-05"),
        ("13911112222", "8", "2026/1/6"),
        ("", "6", "2026年1月7日"),
    ]
    path = csv_file(tmp_path / "sales.csv", rows, encoding="gbk")
    status, doc = run_here(capsys, "import", "sales", "--db", shop, path, "--skip-bad")
    assert status == 0
    assert (doc["ok"], doc["imported"], doc["skipped"], doc["error_count"]) == (True, 2, 2, 2)
    assert doc["errors"] == [
        {"row": 3, "column": "消费金额", "reason": "negative_amount", "value": "-3"},
        {"row": 4, "column": "手机", "reason": "unknown_member", "value": "139****2222"},
    ]


def test_without_skip_bad_a_bad_row_imports_nothing(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [SALE_HEADER, ("13800138000", "10", "2026-01-05"), ("13800138000", "x", "2026-01-05")]
    path = csv_file(tmp_path / "sales.csv", rows)
    status, doc = run_here(capsys, "import", "sales", "--db", shop, path)
    assert status == 1
    assert (doc["ok"], doc["imported"], doc["error"]) == (False, 0, "row_errors")
    assert doc["errors"][0]["reason"] == "unreadable_amount"
    assert "nothing was imported" in doc["message"]


def test_a_mapping_is_given_as_json_or_as_a_file(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [("客户", "号码"), ("李四", "13900139000")]
    path = csv_file(tmp_path / "m.csv", rows)
    status, doc = run_here(capsys, "import", "members", "--db", shop, path)
    assert (status, doc["error"]) == (1, "missing_column")
    mapping = '{"name": "客户", "phone": "号码"}'
    status, doc = run_here(capsys, "import", "members", "--db", shop, path, "--mapping", mapping)
    assert (status, doc["imported"], doc["mapping"]) == (0, 1, {"name": "客户", "phone": "号码"})
    saved = tmp_path / "mapping.json"
    saved.write_text(mapping, encoding="utf-8")
    status, doc = run_here(capsys, "import", "members", "--db", shop, path, "--mapping", saved)
    assert (status, doc["already_imported"]) == (0, 1)
    status, doc = run_here(capsys, "import", "members", "--db", shop, path, "--mapping", "{oops")
    assert (status, doc["error"]) == (2, "usage")


def test_a_damaged_file_is_refused_with_a_clear_message(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "members.xlsx"
    path.write_bytes(b"\x00garbage" * 50)
    status, doc = run_here(capsys, "import", "members", "--db", shop, path)
    assert (status, doc["ok"], doc["error"]) == (1, False, "corrupt_file")
    assert doc["message"] == "the file is damaged or is not a workbook: members.xlsx"


def test_the_owner_pin_shows_phones_and_a_wrong_one_is_refused(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = csv_file(tmp_path / "m.csv", [("姓名", "手机"), ("张三", "13800138000")])
    status, doc = run_here(
        capsys, "import", "members", "--db", shop, path, "--owner-pin", OWNER_PIN
    )
    assert status == 0
    assert doc["notices"][0]["value"] == "13800138000"
    status, doc = run_here(capsys, "import", "members", "--db", shop, path, "--owner-pin", "999999")
    assert (status, doc["error"]) == (1, "pin_wrong")


def test_a_database_that_is_not_set_up_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blank = tmp_path / "blank.sqlite"
    open_database(blank).close()
    path = csv_file(tmp_path / "m.csv", [("姓名", "手机"), ("张三", "13800138000")])
    status, doc = run_here(capsys, "import", "members", "--db", blank, path)
    assert (status, doc["error"]) == (1, "not_set_up")
