"""Helpers for the analytics tests: shop-local times on the fake clock, rollup snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

from desktop.models.service import Desk

SHANGHAI = dt.timedelta(hours=8)
ROLLUP_TABLES = {
    "daily_rollup": "day",
    "daily_cohort": "day, cohort_week",
    "repeat_delta": "day, ahead",
    "coupon_daily": "day, campaign_id",
}


def local(clock: Any, day: dt.date, hour: int = 10, minute: int = 0) -> None:
    """Move the clock to ``hour:minute`` of ``day`` in the shop (Asia/Shanghai)."""
    clock.now = dt.datetime(day.year, day.month, day.day, hour, minute) - SHANGHAI


def rollup_snapshot(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every rollup row (zero rows of daily_rollup left out), for comparing two builds."""
    out = {}
    with desk.db.read() as s:
        for table, order in ROLLUP_TABLES.items():
            rows = s.execute(text(f"SELECT * FROM {table} ORDER BY {order}")).all()
            out[table] = [tuple(r) for r in rows if any(v not in (0, None) for v in r[1:])]
    return out


def rebuild_from_scratch(desk: Desk) -> None:
    with desk.db.write() as s:
        s.execute(text("UPDATE rollup_state SET built_through = NULL"))
    desk.refresh_analytics(rfm=False)
