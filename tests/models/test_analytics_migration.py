"""Migration 0004: the rollup tables, indexes and change-noting triggers."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop.models.db import open_database
from desktop.models.migrate import alembic_config, upgrade
from desktop.models.service import Desk
from desktop.models.tables import Base
from tests.models.conftest import OWNER_PIN, FakeClock

ROLLUP_TABLES = {
    "rollup_state",
    "daily_rollup",
    "daily_cohort",
    "repeat_delta",
    "coupon_daily",
    "rfm_segment",
}


def _names(path: Path, kind: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
        }
    finally:
        conn.close()


def test_schema_matches_the_tables_module(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    open_database(path).close()
    assert ROLLUP_TABLES <= _names(path, "table")
    assert {"ix_member_enrolled_day", "ix_checkin_day", "ix_coupon_issued_at"} <= _names(
        path, "index"
    )
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_and_upgrade_again_keep_the_shop(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db, clock=FakeClock())
    desk.set_up(shop_name="小店", owner_name="王", owner_pin=OWNER_PIN)
    member = desk.enrol_member(name="张三", phone="13800138000", by=None, membership_consent=True)
    desk.record_sale(amount_fen=1000, member_id=member, by=None)
    db.close()
    from alembic import command

    command.downgrade(alembic_config(path), "0003")  # type: ignore[arg-type]
    assert not ROLLUP_TABLES & _names(path, "table")
    assert not _names(path, "trigger")
    upgrade(path, "head")
    db = open_database(path)
    desk = Desk(db, clock=FakeClock())
    week = desk.weekly_figures(dt.date(2026, 3, 2), dt.date(2026, 3, 2))[0]
    assert (week.new_members, week.member_sales_fen) == (1, 1000)
    db.close()


def test_triggers_note_backdated_members(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db, clock=FakeClock())
    desk.set_up(shop_name="小店", owner_name="王", owner_pin=OWNER_PIN)
    desk.refresh_analytics()
    desk.enrol_member(name="张三", phone="13800138000", by=None, membership_consent=True)
    with db.write() as s:
        s.execute(sa.text("UPDATE member SET enrolled_day = '2025-12-01'"))
    with db.read() as s:
        row = s.execute(sa.text("SELECT member_dirty_from, member_version FROM rollup_state")).one()
    assert (row[0], row[1]) == ("2025-12-01", 2)
    desk.refresh_analytics()
    with db.read() as s:
        assert s.execute(sa.text("SELECT member_dirty_from FROM rollup_state")).scalar() is None
    week = desk.weekly_figures(dt.date(2025, 12, 1), dt.date(2025, 12, 1))[0]
    assert week.new_members == 1
    db.close()
