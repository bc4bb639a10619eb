"""Fixtures for view tests: a real shop database, members, and a driver for modal dialogs."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.models.db import Database, open_database
from desktop.models.service import Desk
from desktop.models.shop import Rule

# Before pytest-qt creates the QApplication: no display needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OWNER_PIN = "123456"
STAFF_PIN = "2468"
CHECKIN_POINTS = 5
VIEW_START = dt.datetime(2026, 3, 2, 2, 0)  # 10:00 in Shanghai, a Monday


class ViewClock:
    """A clock the test moves by hand (naive UTC, like the model's)."""

    def __init__(self, start: dt.datetime = VIEW_START) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass(frozen=True)
class Members:
    """Enrolled members: Zhang and Li share the last four phone digits 1234."""

    zhang: int
    li: int
    wang: int


@pytest.fixture
def view_clock() -> ViewClock:
    return ViewClock()


@pytest.fixture
def shop_db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "shop.sqlite")
    yield database
    database.close()


@pytest.fixture
def blank_desk(shop_db: Database, view_clock: ViewClock) -> Desk:
    """A database that has not been set up yet (first run)."""
    return Desk(shop_db, clock=view_clock)


@pytest.fixture
def shop_desk(blank_desk: Desk) -> Desk:
    """A set-up shop whose rule rewards a check-in with a few points."""
    blank_desk.set_up(
        shop_name="小王便利店",
        owner_name="王老板",
        owner_pin=OWNER_PIN,
        address="人民路 1 号",
        rule=Rule(version=1, checkin_points=CHECKIN_POINTS),
    )
    return blank_desk


@pytest.fixture
def members(shop_desk: Desk) -> Members:
    def enrol(name: str, phone: str) -> int:
        return shop_desk.enrol_member(name=name, phone=phone, by=None, membership_consent=True)

    return Members(
        zhang=enrol("张三", "13800001234"),
        li=enrol("李四", "13900001234"),
        wang=enrol("王五", "13700005678"),
    )


class ModalDriver:
    """Answers modal dialogs as they open, in order, the way a person would.

    ``expect(DialogClass, action)`` queues one step: when a dialog of that class becomes the
    active modal widget, ``action(dialog)`` runs (it types and presses keys). A failing step,
    an unexpected dialog, or a step that leaves its dialog open is recorded and the dialog
    rejected, so a broken test fails instead of hanging.
    """

    def __init__(self) -> None:
        self.steps: list[tuple[type[QWidget], Callable[[QDialog], None]]] = []
        self.errors: list[str] = []
        self.seen: list[str] = []
        self._handled: list[QDialog] = []
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def expect(self, kind: type[QWidget], action: Callable[[QDialog], None]) -> ModalDriver:
        self.steps.append((kind, action))
        return self

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or any(d is dialog for d in self._handled):
            return
        self._handled.append(dialog)
        self.seen.append(type(dialog).__name__)
        if not self.steps:
            self.errors.append(f"unexpected dialog {type(dialog).__name__}")
            dialog.reject()
            return
        kind, action = self.steps.pop(0)
        try:
            assert isinstance(dialog, kind), f"expected {kind.__name__}, got {type(dialog)}"
            action(dialog)
        except BaseException as exc:  # reported by check()
            self.errors.append(f"{type(dialog).__name__}: {exc!r}")
            dialog.reject()
            return
        if dialog.isVisible():
            self.errors.append(f"{type(dialog).__name__} still open after its step")
            dialog.reject()

    def check(self) -> None:
        self._timer.stop()
        assert not self.errors, self.errors
        assert not self.steps, f"dialogs never shown: {[k.__name__ for k, _ in self.steps]}"


@pytest.fixture
def modal() -> Iterator[ModalDriver]:
    driver = ModalDriver()
    yield driver
    driver._timer.stop()


# -- coupons and campaigns ------------------------------------------------------------------
@pytest.fixture
def shop_owner(shop_desk: Desk):  # type: ignore[no-untyped-def]
    """The shop's owner, signed in by PIN (for setting up campaigns in tests)."""
    return shop_desk.authenticate(OWNER_PIN, owner_only=True)


def make_campaign(desk: Desk, owner, **fields) -> int:  # type: ignore[no-untyped-def]
    """A campaign from ``CampaignSpec`` fields; by default ¥20 off, valid 30 days from issue."""
    from desktop.models.campaigns import CampaignSpec

    spec = {"name": "立减20元", "kind": "amount_off", "value_fen": 2_000, "valid_days": 30}
    spec.update(fields)
    return desk.create_campaign(CampaignSpec(**spec), by=owner)


@pytest.fixture
def fans(shop_desk: Desk) -> list[int]:
    """Six members who agreed to marketing messages (coupons can be sent to them)."""
    names = ["赵一", "钱二", "孙三", "周四", "吴五", "郑六"]
    return [
        shop_desk.enrol_member(
            name=name,
            phone=f"1360000{index:04d}",
            by=None,
            membership_consent=True,
            marketing_consent=True,
        )
        for index, name in enumerate(names)
    ]
