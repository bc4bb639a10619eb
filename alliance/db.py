"""The server database: engine, transactions, migrations.

SQLite (the embedded default) serialises writers itself: every write transaction starts with
``BEGIN IMMEDIATE`` so two writers queue on the lock (``busy_timeout``) instead of failing when
a read transaction tries to become a write one. Reads use a deferred ``BEGIN`` and, in WAL
mode, never block. On PostgreSQL (READ COMMITTED) per-device and per-alliance ordering come
from row locks (``SELECT … FOR UPDATE``) taken inside the writing transaction.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, select
from sqlalchemy.orm import Session

from alliance.tables import ServerState

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_READ_OPTION = "alliance_read"


def utcnow() -> dt.datetime:
    """Naive UTC, as every time column stores it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8,
        max_overflow=16,
        pool_timeout=60,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read = conn.get_execution_options().get(_READ_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read else "BEGIN IMMEDIATE")

    return engine


class Database:
    """Engine plus units of work. Thread-safe: each unit of work takes a pooled connection."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.engine = _sqlite_engine(url)
        else:
            # No server-side prepared statements: a generic plan made while a table was
            # small (a sequential scan) would stay after it grew, long before autovacuum's
            # ANALYZE; planning each statement keeps key lookups on their index (a push of
            # 100k events from a new alliance ran 10× slower per member update without this).
            self.engine = create_engine(
                url,
                pool_size=10,
                max_overflow=20,
                pool_pre_ping=True,
                pool_timeout=60,
                connect_args={"prepare_threshold": None},
            )
        self._reader = self.engine.execution_options(**{_READ_OPTION: True})

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on an exception."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read transaction (a consistent snapshot on SQLite)."""
        with Session(self._reader, expire_on_commit=False) as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest revision and make sure the epoch row exists."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
        with self.write() as session:
            if session.get(ServerState, 1) is None:
                session.add(ServerState(id=1, epoch=str(uuid.uuid4()), renewed_at=utcnow()))

    def dispose(self) -> None:
        self.engine.dispose()


_INSERT_IGNORE: dict[tuple[str, str], Any] = {}


def insert_ignore_returning_id(session: Session, table: Table) -> Any:
    """``INSERT … ON CONFLICT DO NOTHING RETURNING id`` for the session's database, built once
    (a conflict returns no row). Execute it on ``session.connection()`` with a dict of values."""
    dialect = session.get_bind().dialect.name
    stmt = _INSERT_IGNORE.get((dialect, table.name))
    if stmt is None:
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            stmt = pg_insert(table).on_conflict_do_nothing().returning(table.c.id)
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            stmt = sqlite_insert(table).on_conflict_do_nothing().returning(table.c.id)
        _INSERT_IGNORE[(dialect, table.name)] = stmt
    return stmt


def current_epoch(session: Session) -> str:
    epoch = session.execute(select(ServerState.epoch).where(ServerState.id == 1)).scalar()
    if epoch is None:
        raise RuntimeError("the database has not been migrated")
    return epoch


def renew_epoch(session: Session) -> str:
    """After a restore from backup: devices seeing a new epoch re-push what the server lost."""
    state = session.get(ServerState, 1)
    if state is None:
        raise RuntimeError("the database has not been migrated")
    state.epoch, state.renewed_at = str(uuid.uuid4()), utcnow()
    return state.epoch
