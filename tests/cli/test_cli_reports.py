"""``merchant-desk report weekly`` and ``export weekly`` as IT staff run them: a real process,
a real shop file, one JSON document on stdout."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.cli_reports import WEEK_KEYS
from desktop.models.db import open_database
from desktop.models.service import Desk

ROOT = Path(__file__).resolve().parents[2]
SHANGHAI = dt.timedelta(hours=8)


@dataclass(frozen=True)
class Run:
    status: int
    doc: Any


def cli(*args: str | Path) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    stdout = proc.stdout.decode("utf-8")
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    assert stdout.count("\n") == 1, stdout  # exactly one JSON document
    return Run(proc.returncode, json.loads(stdout))


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """W07 (9–15 Feb 2026): A buys twice (¥10, ¥30), B checks in; W08: B buys ¥50."""
    path = tmp_path_factory.mktemp("reports") / "shop.sqlite"
    now = [dt.datetime(2026, 2, 9, 10) - SHANGHAI]
    db = open_database(path)
    desk = Desk(db, clock=lambda: now[0])
    desk.set_up(shop_name="街角咖啡", owner_name="王老板", owner_pin="246810")
    a = desk.enrol_member(name="张三", phone="13800000001", by=None, membership_consent=True)
    b = desk.enrol_member(name="李四", phone="13800000002", by=None, membership_consent=True)
    desk.record_sale(amount_fen=1000, member_id=a, by=None)
    desk.check_in(member_id=b, by=None)
    now[0] += dt.timedelta(days=2)
    desk.record_sale(amount_fen=3000, member_id=a, by=None)
    now[0] += dt.timedelta(days=7)
    desk.record_sale(amount_fen=5000, member_id=b, by=None)
    db.close()
    return path


def test_report_weekly_prints_one_object_per_iso_week(shop: Path) -> None:
    run = cli(
        "report", "weekly", "--db", shop, "--from", "2026-02-10", "--to", "2026-02-20", "--json"
    )
    assert run.status == 0
    assert [tuple(week) for week in run.doc] == [WEEK_KEYS, WEEK_KEYS]
    w07, w08 = run.doc
    assert w07 == {
        "week": "2026-W07",
        "visits": 3,
        "new_members": 2,
        "active_members": 2,
        "member_sales_fen": 4000,
        "member_sale_count": 2,
        "avg_ticket_fen": 2000,
        "points_issued": 40,
        "points_redeemed": 0,
        "repeat_rate_30d": 1.0,
    }
    assert (w08["week"], w08["visits"], w08["member_sales_fen"]) == ("2026-W08", 1, 5000)
    assert w08["repeat_rate_30d"] == 0.5


def test_an_empty_week_has_null_averages(shop: Path) -> None:
    run = cli("--db", shop, "report", "weekly", "--from", "2027-01-04", "--to", "2027-01-04")
    assert run.status == 0
    (week,) = run.doc
    assert (week["week"], week["visits"], week["avg_ticket_fen"]) == ("2027-W01", 0, None)
    assert week["repeat_rate_30d"] is None


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "2026-02-20", "--to", "2026-02-10"),
        ("--from", "2026-2-30", "--to", "2026-03-01"),
        (
            "--from",
            "2026-02-10",
        ),
    ],
)
def test_bad_ranges_are_usage_errors(shop: Path, args: tuple[str, ...]) -> None:
    run = cli("report", "weekly", "--db", shop, *args)
    assert (run.status, run.doc["ok"], run.doc["error"]) == (2, False, "usage")


def test_a_missing_database_is_refused(tmp_path: Path) -> None:
    run = cli(
        "report",
        "weekly",
        "--db",
        tmp_path / "nope.sqlite",
        "--from",
        "2026-02-10",
        "--to",
        "2026-02-10",
    )
    assert (run.status, run.doc["error"]) == (1, "not_found")


def test_export_weekly_writes_a_workbook(shop: Path, tmp_path: Path) -> None:
    out = tmp_path / "周报.xlsx"
    run = cli(
        "export",
        "weekly",
        "--db",
        shop,
        "--from",
        "2026-02-09",
        "--to",
        "2026-02-22",
        "--xlsx",
        out,
    )
    assert run.status == 0
    assert run.doc["ok"] is True
    assert run.doc["path"] == str(out)
    assert run.doc["sheets"][0] == "汇总"
    with zipfile.ZipFile(out) as book:
        assert any(name.startswith("xl/charts/chart") for name in book.namelist())
    bad = cli(
        "export",
        "weekly",
        "--db",
        shop,
        "--from",
        "2026-02-09",
        "--to",
        "2026-02-22",
        "--xlsx",
        tmp_path / "x.csv",
    )
    assert (bad.status, bad.doc["error"]) == (2, "usage")
