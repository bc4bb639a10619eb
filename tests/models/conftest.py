"""Fixtures for model tests: a real SQLite file built by the migrations, a set-up shop,
and a clock the test moves by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models.db import Database, open_database
from desktop.models.service import Desk
from desktop.models.staff import Actor

OWNER_PIN = "246810"
START = dt.datetime(2026, 3, 2, 2, 0)  # 10:00 in Shanghai, a Monday


class FakeClock:
    def __init__(self, start: dt.datetime = START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()


@pytest.fixture
def desk(db: Database, clock: FakeClock) -> Desk:
    d = Desk(db, clock=clock)
    d.set_up(shop_name="小王咖啡", owner_name="王老板", owner_pin=OWNER_PIN)
    return d


@pytest.fixture
def owner(desk: Desk) -> Actor:
    return desk.authenticate(OWNER_PIN, owner_only=True)


@pytest.fixture
def member_id(desk: Desk) -> int:
    return desk.enrol_member(name="张三", phone="13800138000", by=None, membership_consent=True)
