"""Upgrading a shop database made by the first release, and the schema matching tables.py.

``data/shop_0001.sqlite`` was written by the 0001 release: a shop, two members (张三 agreed to
marketing), sales with and without a member, a check-in and a refund.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from desktop.models.db import open_database
from desktop.models.migrate import check_schema, head_revision
from desktop.models.service import Desk
from desktop.models.tables import Base
from tests.models.conftest import OWNER_PIN
from tests.models.coupon_support import spec

RELEASED_0001 = Path(__file__).parent / "data" / "shop_0001.sqlite"


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            "members": conn.execute("SELECT id, name, phone FROM member ORDER BY id").fetchall(),
            "sales": conn.execute(
                "SELECT id, uid, amount_fen, discount_fen, paid_fen FROM sale ORDER BY id"
            ).fetchall(),
            "points": conn.execute(
                "SELECT member_id, sum(points) FROM points_entry GROUP BY member_id ORDER BY 1"
            ).fetchall(),
            "events": conn.execute("SELECT count(*) FROM event").fetchall(),
        }
    finally:
        conn.close()


def test_a_0001_database_upgrades_and_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "shop.sqlite"
    shutil.copy(RELEASED_0001, path)
    before = snapshot(path)
    assert check_schema(path) == "old"
    db = open_database(path)
    try:
        assert check_schema(path) == "current"
        assert snapshot(path) == before
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                head_revision(),
            )
            old_sales = conn.execute(
                "SELECT coupon_id, coupon_discount_fen, multiplier_tenths FROM sale"
            ).fetchall()
            assert set(old_sales) == {(None, 0, None)}
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        desk = Desk(db, clock=lambda: dt.datetime(2026, 3, 10, 2, 0))
        assert desk.verify_audit().ok
        owner = desk.authenticate(OWNER_PIN, owner_only=True)
        zhang = desk.search_members("13800138000").items[0].id
        balance = desk.member_card(zhang).balance
        cid = desk.create_campaign(spec(), by=owner)
        coupon = desk.issue_coupon(cid, member_id=zhang, by=owner)
        sale = desk.record_sale(amount_fen=5000, member_id=zhang, by=None, coupon_id=coupon.id)
        assert (sale.coupon_discount_fen, sale.points_earned) == (1000, 40)
        assert desk.member_card(zhang).balance == balance + 40
        assert desk.coupons_by_id([coupon.id])[0].state == "redeemed"
    finally:
        db.close()


def test_the_migrations_build_exactly_the_tables_the_code_declares(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


def test_an_upgraded_database_has_the_same_schema_as_a_new_one(tmp_path: Path) -> None:
    upgraded = tmp_path / "old.sqlite"
    shutil.copy(RELEASED_0001, upgraded)
    open_database(upgraded).close()
    engine = create_engine(f"sqlite:///{upgraded}")
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


def test_the_expression_index_the_comparison_cannot_see_is_built_new_and_on_upgrade(
    tmp_path: Path,
) -> None:
    # compare_metadata skips expression indexes; the counter's alliance balance needs this one.
    fresh, upgraded = tmp_path / "fresh.sqlite", tmp_path / "old.sqlite"
    shutil.copy(RELEASED_0001, upgraded)
    for path in (fresh, upgraded):
        open_database(path).close()
        with closing(sqlite3.connect(path)) as conn:
            sql = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = 'ix_event_waiting_member'"
            ).fetchone()
        assert sql is not None
        assert "json_extract(payload, '$.member_id')" in sql[0]
        assert "WHERE acked_at IS NULL" in sql[0]
