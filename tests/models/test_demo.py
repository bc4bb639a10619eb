"""The demo generator: the same seed gives the same shop, and everything goes through the
domain (so the ledger and events are real)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import demo
from desktop.models.db import open_database
from desktop.models.demo_coupons import Comeback
from desktop.models.phones import normalize_phone
from desktop.models.service import Desk
from desktop.models.tables import CheckIn, Event, PointsEntry, Refund, Sale

NOW = dt.datetime(2026, 3, 2, 6, 30)  # 14:30 in Shanghai


def _plan(seed: int = 3, members: int = 40, days: int = 30) -> demo.DemoPlan:
    return demo.plan_demo(seed=seed, members=members, days=days, now=NOW)


def test_same_seed_gives_the_same_plan() -> None:
    assert _plan() == _plan()
    assert _plan(seed=4) != _plan()


def test_plan_people_look_real() -> None:
    plan = _plan(members=300)
    phones = [p.phone for p in plan.people]
    assert len(set(phones)) == len(phones)
    assert all(normalize_phone(phone) == phone for phone in phones)
    for person in plan.people:
        if person.name.isascii():
            assert len(person.name.split()) == 2
        else:
            assert 2 <= len(person.name) <= 3
    with_birthday = sum(p.birthday is not None for p in plan.people)
    assert 0.55 < with_birthday / 300 < 0.85
    assert 0.45 < sum(p.marketing for p in plan.people) / 300 < 0.75


@pytest.mark.parametrize("days", [30, 120])
def test_plan_happens_in_the_past_and_enrols_before_visits(days: int) -> None:
    plan = _plan(days=days)
    enrolled: set[int] = set()
    assert all(plan.set_up_at < op.at < NOW for op in plan.ops)
    assert [op.at for op in plan.ops] == sorted(op.at for op in plan.ops)
    for op in plan.ops:
        if isinstance(op, demo.Enrol):
            enrolled.add(op.member)
        elif isinstance(op, demo.Purchase | demo.Visit | Comeback) and op.member is not None:
            assert op.member in enrolled


def _summary(path: Path, seed: int) -> tuple[object, ...]:
    db = open_database(path)
    try:
        result = demo.build_demo(db, _plan(seed=seed))
        with db.read() as s:
            totals = select(PointsEntry.kind, func.sum(PointsEntry.points))
            kinds = {
                kind: int(points)
                for kind, points in s.execute(totals.group_by(PointsEntry.kind)).all()
            }
            counts = tuple(
                s.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (Sale, CheckIn, Refund, Event)
            )
            spend = s.execute(select(func.sum(Sale.paid_fen))).scalar_one()
        assert Desk(db).verify_audit().ok
    finally:
        db.close()
    return result, kinds, counts, spend


def test_same_seed_builds_the_same_shop(tmp_path: Path) -> None:
    first = _summary(tmp_path / "a.sqlite", seed=5)
    second = _summary(tmp_path / "b.sqlite", seed=5)
    assert first == second
    result = first[0]
    assert isinstance(result, demo.DemoResult)
    assert result.members == 40
    assert result.sales > 40
    assert result.checkins > 0


def test_no_members_and_no_days_gives_an_empty_set_up_shop(tmp_path: Path) -> None:
    db = open_database(tmp_path / "empty.sqlite")
    try:
        result = demo.build_demo(db, demo.plan_demo(seed=1, members=0, days=0, now=NOW))
        desk = Desk(db)
        assert desk.is_set_up()
        assert desk.search_members("").items == ()
        assert desk.campaign_summaries() == []
        assert desk.authenticate(result.owner_pin, owner_only=True).is_owner
    finally:
        db.close()
    assert (result.members, result.sales, result.checkins) == (0, 0, 0)
