"""Fixtures for the Members, Settings and card tests (load with ``pytest_plugins``): a real
shop database with its owner, a staff account, and the modal-dialog driver."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.views.members_support import OWNER_PIN, SHOP_NAME, STAFF_PIN, DialogSteps


@pytest.fixture
def desk_and_owner(tmp_path: Path) -> Iterator[tuple[Desk, Actor]]:
    db = open_database(tmp_path / "shop.sqlite")
    desk = Desk(db)
    owner = desk.set_up(shop_name=SHOP_NAME, owner_name="王老板", owner_pin=OWNER_PIN)
    yield desk, owner
    db.close()


@pytest.fixture
def desk(desk_and_owner: tuple[Desk, Actor]) -> Desk:
    return desk_and_owner[0]


@pytest.fixture
def owner(desk_and_owner: tuple[Desk, Actor]) -> Actor:
    return desk_and_owner[1]


@pytest.fixture
def staff(desk: Desk, owner: Actor) -> Actor:
    return desk.add_staff(name="小李", pin=STAFF_PIN, role="staff", by=owner)


@pytest.fixture
def dialogs() -> Iterator[DialogSteps]:
    steps = DialogSteps()
    yield steps
    steps._timer.stop()
