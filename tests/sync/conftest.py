"""Sync tests: real shop databases (SQLite files) syncing with a real alliance server that
runs under uvicorn on a loopback port, over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from alliance.db import Database as ServerDatabase
from tests.alliance.conftest import TEST_LIMITS, start_server
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Shop, make_shop


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = ServerDatabase(f"sqlite:///{tmp_path_factory.mktemp('alliance') / 'alliance.sqlite'}")
    db.migrate()
    running, stop = start_server(db, TEST_LIMITS)
    try:
        yield running
    finally:
        stop()
        db.dispose()


@pytest.fixture
def alliance(server: Server) -> Iterator[AllianceHelper]:
    helper = AllianceHelper.create(server)
    yield helper
    assert helper.check() == [], "the alliance's ledger invariants broke"


@pytest.fixture
def new_shop(tmp_path: Path) -> Iterator[Callable[[str], Shop]]:
    shops: list[Shop] = []

    def make(name: str) -> Shop:
        shop = make_shop(tmp_path / name, name)
        shops.append(shop)
        return shop

    yield make
    for shop in shops:
        shop.db.close()
