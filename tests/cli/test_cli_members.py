"""``merchant-desk member export|erase`` and ``audit verify`` as support staff run them: real
processes on a real shop file, one JSON document each."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.models.db import open_database
from desktop.models.service import Desk

ROOT = Path(__file__).resolve().parents[2]
OWNER_PIN = "246810"
STAFF_PIN = "1357"
PHONE = "13800138000"
NOW = dt.datetime(2026, 3, 2, 2, 0)


def run(*args: str | Path) -> tuple[int, Any]:
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


@pytest.fixture
def shop(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    try:
        desk = Desk(db, clock=lambda: NOW)
        owner = desk.set_up(shop_name="小王咖啡", owner_name="王老板", owner_pin=OWNER_PIN)
        desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)
        member = desk.enrol_member(
            name="张三", phone=PHONE, by=None, membership_consent=True, marketing_consent=True
        )
        desk.record_sale(amount_fen=2_000, member_id=member, by=None)
    finally:
        db.close()
    return path, member


def last_audit(path: Path) -> tuple[str, int | None, dict[str, Any]]:
    with closing(sqlite3.connect(path)) as conn:
        action, staff_id, details = conn.execute(
            "SELECT action, staff_id, details FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    return action, staff_id, json.loads(details)


def test_export_writes_json_and_xlsx_the_member_can_take(
    shop: tuple[Path, int], tmp_path: Path
) -> None:
    path, member = shop
    out = tmp_path / "zhang.json"
    status, doc = run(
        "member", "export", "--db", path, "--member", member, "--out", out, "--owner-pin", OWNER_PIN
    )
    assert status == 0, doc
    assert (doc["ok"], doc["format"], doc["file"]) == (True, "json", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["profile"]["phone"] == PHONE
    assert [c["kind"] for c in data["consents"]] == ["membership", "marketing", "sharing"]
    assert all(c["at"].startswith("2026-03-02T10:00") for c in data["consents"])
    assert [e["kind"] for e in data["points"]] == ["earn"]
    assert last_audit(path)[:2] == ("member.exported", 1)

    book = tmp_path / "zhang.xlsx"
    status, doc = run(
        "member",
        "export",
        "--db",
        path,
        "--member",
        member,
        "--out",
        book,
        "--owner-pin",
        OWNER_PIN,
    )
    assert (status, doc["format"]) == (0, "xlsx")
    sheet = openpyxl.load_workbook(book)["points"]
    assert sheet.max_row == 2
    assert sheet["D2"].value == "earn"


def test_erase_then_erase_again_is_refused(shop: tuple[Path, int]) -> None:
    path, member = shop
    status, doc = run("member", "erase", "--db", path, "--member", member, "--owner-pin", OWNER_PIN)
    assert status == 0, doc
    assert doc["member_id"] == member
    assert doc["points_kept"] == 20
    assert doc["consents_withdrawn"] == ["membership", "marketing", "sharing"]
    status, doc = run("members", "list", "--db", path, "--query", PHONE[-4:])
    assert (status, doc) == (0, [])

    status, doc = run("member", "erase", "--db", path, "--member", member, "--owner-pin", OWNER_PIN)

    assert (status, doc["ok"], doc["error"]) == (1, False, "already_erased")
    assert "already erased" in doc["message"]
    assert last_audit(path)[0] == "member.erased"  # the second attempt wrote nothing


def test_a_staff_pin_is_refused_in_plain_words_and_audited(shop: tuple[Path, int]) -> None:
    path, member = shop
    status, doc = run("member", "erase", "--db", path, "--member", member, "--owner-pin", STAFF_PIN)

    assert (status, doc["error"], doc["erased_at"]) == (1, "owner_required", None)
    assert doc["message"].startswith("only the owner can do this")
    assert last_audit(path) == (
        "member.erase_refused",
        2,
        {"member": member, "reason": "owner_required"},
    )
    status, doc = run("members", "list", "--db", path, "--query", PHONE)
    assert [m["name"] for m in doc] == ["张三"]


def test_a_wrong_pin_and_a_missing_pin(shop: tuple[Path, int], tmp_path: Path) -> None:
    path, member = shop
    out = tmp_path / "x.json"
    status, doc = run(
        "member", "export", "--db", path, "--member", member, "--out", out, "--owner-pin", "999999"
    )
    assert (status, doc["error"], doc["file"]) == (1, "pin_wrong", None)
    assert not out.exists()
    status, doc = run("member", "erase", "--db", path, "--member", member)
    assert (status, doc["error"]) == (2, "usage")


def test_audit_verify_passes_then_finds_a_tampered_record(shop: tuple[Path, int]) -> None:
    path, member = shop
    run("member", "erase", "--db", path, "--member", member, "--owner-pin", OWNER_PIN)
    status, doc = run("audit", "verify", "--db", path, "--show", "2")
    assert status == 0, doc
    assert (doc["ok"], doc["first_bad"]) == (True, None)
    assert doc["entries"] == 4  # owner and shop set up, staff added, member erased
    assert [(r["action"], r["by"]) for r in doc["records"]] == [
        ("member.erased", "王老板"),
        ("staff.created", "王老板"),
    ]
    added = doc["records"][1]["id"]

    with closing(sqlite3.connect(path)) as conn, conn:  # someone hides who added the staff
        conn.execute("UPDATE audit_log SET staff_id = 2 WHERE id = ?", (added,))

    status, doc = run("audit", "verify", "--db", path)
    assert status == 1
    assert (doc["ok"], doc["error"], doc["first_bad"]) == (False, "audit_tampered", added)
    assert "altered" in doc["message"]
