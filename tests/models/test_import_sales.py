"""Importing sales history: members by phone, walk-ins, no points, one transaction."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models.importing import bulk
from desktop.models.importing import sales_import as si
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.models.tables import Event, ImportRow, Sale
from desktop.models.tiers import SILVER
from tests.models.import_support import SALE_HEADER, csv_file, table_counts, xlsx

PHONE = "13800138000"  # the member_id fixture's phone


def sales(desk: Desk) -> list[tuple[int | None, int, dt.date, dt.datetime]]:
    with desk.db.read() as session:
        rows = session.execute(
            select(Sale.member_id, Sale.amount_fen, Sale.local_day, Sale.created_at).order_by(
                Sale.created_at
            )
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def test_sales_go_to_members_by_phone_and_walk_ins_have_none(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [
        ("手机", "消费金额", "消费时间"),
        ("138 0013 8000", "¥1,234.50", dt.datetime(2025, 12, 1, 14, 30)),
        ("", "12", "2025/12/2"),
    ]
    report = desk.run_import(xlsx(tmp_path / "s.xlsx", rows), "sales", by=owner)
    assert (report.ok, report.imported) == (True, 2)
    assert sales(desk) == [
        (member_id, 123450, dt.date(2025, 12, 1), dt.datetime(2025, 12, 1, 6, 30)),
        (None, 1200, dt.date(2025, 12, 2), dt.datetime(2025, 12, 2, 4, 0)),  # noon, local
    ]


def test_historic_sales_earn_no_points_but_count_toward_the_tier(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [SALE_HEADER, (PHONE, "2,500", "2025-12-01")]
    desk.run_import(csv_file(tmp_path / "s.csv", rows), "sales", by=owner)
    card = desk.member_card(member_id)
    assert (card.balance, card.spend_12m_fen, card.tier) == (0, 250000, SILVER)
    assert desk.points_history(member_id) == []
    assert card.last_visits[0].day == dt.date(2025, 12, 1)
    refund = desk.refund_sale(sale_id=desk.recent_sales()[0].id, by=owner)
    assert refund.points_taken_back == 0


def test_an_unknown_phone_stops_the_import_or_is_skipped(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [SALE_HEADER, (PHONE, "10", "2026-01-05"), ("13900000000", "20", "2026-01-05")]
    path = csv_file(tmp_path / "s.csv", rows)
    before = table_counts(desk)
    stopped = desk.run_import(path, "sales", by=owner)
    assert not stopped.ok
    assert [(e.row, e.column, e.reason, e.value) for e in stopped.errors] == [
        (3, "手机", "unknown_member", "13900000000")
    ]
    assert table_counts(desk) == before
    report = desk.run_import(path, "sales", by=owner, skip_bad=True)
    assert (report.ok, report.imported, report.skipped, report.error_count) == (True, 1, 1, 1)


def test_the_first_error_in_file_order_is_the_one_reported(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [SALE_HEADER, ("13900000000", "20", "2026-01-05"), (PHONE, "-1", "2026-01-05")]
    report = desk.run_import(csv_file(tmp_path / "s.csv", rows), "sales", by=owner)
    assert [(e.row, e.reason) for e in report.errors] == [(2, "unknown_member")]


def test_bad_values_are_reported_per_row_and_column(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [
        SALE_HEADER,
        (PHONE, "-5", "2026-01-05"),
        (PHONE, "10", "前天"),
        ("1380013800", "10", "2026-01-05"),
        (PHONE, "10", "2026-04-01"),
        (PHONE, "", "2026-01-05"),
        (PHONE, "2000000", "2026-01-05"),
    ]
    report = desk.run_import(csv_file(tmp_path / "s.csv", rows), "sales", by=owner, skip_bad=True)
    assert [(e.row, e.column, e.reason) for e in report.errors] == [
        (2, "消费金额", "negative_amount"),
        (3, "消费日期", "unreadable_date"),
        (4, "手机", "bad_phone"),
        (5, "消费日期", "future_date"),
        (6, "消费金额", "missing_value"),
        (7, "消费金额", "amount_too_large"),
    ]
    assert report.imported == 0


def test_reimporting_or_overlapping_files_duplicates_nothing(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    first = [
        ("手机", "金额", "日期"),
        (PHONE, 10.5, dt.datetime(2026, 1, 5, 9, 0)),
        ("", 3, dt.date(2026, 1, 6)),
    ]
    desk.run_import(xlsx(tmp_path / "a.xlsx", first), "sales", by=owner)
    again = desk.run_import(xlsx(tmp_path / "a.xlsx", first), "sales", by=owner)
    assert (again.imported, again.already_imported) == (0, 2)
    # The next export repeats those rows, written differently, and adds one.
    second = [
        ("消费时间", "会员手机", "实收金额"),
        ("2026/1/5 09:00", "+86 138-0013-8000", "￥10.50"),
        ("2026年1月6日", "", "3.00"),
        ("2026/1/7 10:00", PHONE, "8"),
    ]
    report = desk.run_import(
        csv_file(tmp_path / "b.csv", second, encoding="gbk"), "sales", by=owner
    )
    assert (report.ok, report.imported, report.already_imported) == (True, 1, 2)
    assert len(sales(desk)) == 3


def test_identical_rows_in_one_file_are_duplicates_unless_a_receipt_number_tells_them_apart(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [SALE_HEADER, (PHONE, "18", "2026-01-05"), (PHONE, "18", "2026-01-05")]
    report = desk.run_import(csv_file(tmp_path / "s.csv", rows), "sales", by=owner, skip_bad=True)
    assert [(e.row, e.reason) for e in report.errors] == [(3, "duplicate_in_file")]
    numbered = [
        ("小票号", *SALE_HEADER),
        ("A1", PHONE, "18", "2026-01-07"),
        ("A2", PHONE, "18", "2026-01-07"),
    ]
    report = desk.run_import(csv_file(tmp_path / "n.csv", numbered), "sales", by=owner)
    assert (report.ok, report.imported) == (True, 2)


def test_sales_events_are_written_in_bulk(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(si, "SALES_PER_EVENT", 2)
    rows = [SALE_HEADER] + [(PHONE, str(10 + i), "2026-01-05") for i in range(5)]
    report = desk.run_import(csv_file(tmp_path / "s.csv", rows), "sales", by=owner)
    with desk.db.read() as session:
        events = session.execute(
            select(Event.kind, Event.payload).where(Event.kind == "sales.imported")
        ).all()
        links = (
            session.execute(select(ImportRow.sale_id).where(ImportRow.batch_id == report.batch_id))
            .scalars()
            .all()
        )
    listed = [s for e in events for s in json.loads(e.payload)["sales"]]
    assert [len(json.loads(e.payload)["sales"]) for e in events] == [2, 2, 1]
    assert [s["amount_fen"] for s in listed] == [1000, 1100, 1200, 1300, 1400]
    assert {json.loads(e.payload)["points_earned"] for e in events} == {0}
    assert len(set(links)) == 5


def test_cancelling_rolls_back_everything(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [SALE_HEADER] + [(PHONE, str(10 + i), "2026-01-05") for i in range(3000)]
    path = csv_file(tmp_path / "s.csv", rows)
    before = table_counts(desk)
    calls: list[tuple[int, int]] = []

    def stop_while_writing(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 4 * 3000 + 1  # reading is 4 units a row; stop after a written chunk

    report = desk.run_import(path, "sales", by=owner, progress=stop_while_writing)
    assert (report.ok, report.cancelled, report.imported) == (False, True, 0)
    assert report.failure is not None
    assert report.failure.code == "cancelled"
    assert table_counts(desk) == before
    assert calls[-1][0] > 4 * 3000, "it was writing when it stopped"
    reading = desk.run_import(path, "sales", by=owner, progress=lambda d, t: d < 2000)
    assert reading.cancelled
    assert table_counts(desk) == before


def test_progress_climbs_to_its_total(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [SALE_HEADER] + [(PHONE, str(10 + i), "2026-01-05") for i in range(2500)]
    calls: list[tuple[int, int]] = []
    desk.run_import(
        csv_file(tmp_path / "s.csv", rows),
        "sales",
        by=owner,
        progress=lambda d, t: calls.append((d, t)) is None,
    )
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]
    assert all(d <= t for d, t in calls)


def test_a_failure_while_writing_leaves_nothing(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [SALE_HEADER] + [(PHONE, str(10 + i), "2026-01-05") for i in range(12000)]
    path = csv_file(tmp_path / "s.csv", rows)
    before = table_counts(desk)
    real = bulk.BulkWriter.emit_events
    calls = []

    def crash_on_the_third_chunk(self: bulk.BulkWriter, kind: str, payloads: list) -> None:  # type: ignore[type-arg]
        calls.append(kind)
        if len(calls) == 3:
            raise OSError("disk full")
        real(self, kind, payloads)

    monkeypatch.setattr(bulk.BulkWriter, "emit_events", crash_on_the_third_chunk)
    with pytest.raises(OSError, match="disk full"):
        desk.run_import(path, "sales", by=owner)
    assert table_counts(desk) == before


def test_rows_imported_meanwhile_by_someone_else_fail_the_import_whole(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = csv_file(tmp_path / "s.csv", [SALE_HEADER, (PHONE, "10", "2026-01-05")])
    desk.run_import(path, "sales", by=owner)
    before = table_counts(desk)
    # A stale snapshot: the check before the write does not see the rows already imported.
    monkeypatch.setattr(si, "imported_fingerprints", lambda _session, _prints: set())
    report = desk.run_import(path, "sales", by=owner)
    assert report.failure is not None
    assert (report.ok, report.failure.code) == (False, "concurrent_change")
    assert table_counts(desk) == before


def test_a_separate_time_column_gives_the_time_of_day(
    desk: Desk, owner: Actor, member_id: int, tmp_path: Path
) -> None:
    rows = [("手机", "金额", "日期", "时间"), (PHONE, "10", "2026-01-05", "21:15")]
    desk.run_import(csv_file(tmp_path / "s.csv", rows), "sales", by=owner)
    assert sales(desk)[0][2:] == (dt.date(2026, 1, 5), dt.datetime(2026, 1, 5, 13, 15))


def test_good_rows_wait_for_the_write_in_compact_form() -> None:
    staged = si.StagedSales()
    at = dt.datetime(2026, 1, 5, 9, 30, 15)
    record = si.SaleRecord(7, "0123456789abcdef0123456789abcdef", PHONE, 1250, at)
    tracemalloc.start()
    for _ in range(100_000):
        staged.append(record, 42)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 7 * 2**20, f"{peak / 2**20:.1f} MiB for 100k rows"
    staged.append(record._replace(row=8), None)
    [*_, last] = [row for part in staged.chunks(5000) for row in part]
    assert last == (8, record.fingerprint, None, 1250, at)
    assert len(staged) == 100_001
