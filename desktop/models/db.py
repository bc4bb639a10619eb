"""The shop database: opening it safely, pragmas, and units of work.

One writer at a time: every write runs in ``BEGIN IMMEDIATE`` on the single write connection,
so a second writer waits (``busy_timeout``) instead of failing half way. Readers use their own
connections with deferred transactions, so a long report never blocks the counter (WAL).

Opening checks the file before anything is written to it: a locked, read-only, corrupt or
newer-version database raises :class:`DatabaseOpenError` and is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from desktop.models.errors import DatabaseOpenError
from desktop.models.migrate import check_schema, upgrade

BUSY_TIMEOUT_MS = 5000
# After a checkpoint has emptied the WAL, the next writer cuts the file back to this size; a
# big batch (issuing coupons to a whole segment) would otherwise leave a WAL of gigabytes.
WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024


def _set_pragmas(dbapi_conn: sqlite3.Connection, *, write: bool) -> None:
    # Python's sqlite3 would otherwise open transactions on its own; we issue BEGIN ourselves.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = FULL")
    if write:
        cur.execute("PRAGMA journal_mode = WAL")
        # Checkpoints run on a background thread (Checkpointer), not inside a sale's commit.
        cur.execute("PRAGMA wal_autocheckpoint = 0")
        cur.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT_BYTES}")
    cur.close()


def _make_engine(path: Path, *, write: bool) -> Engine:
    uri = f"file:{path}?mode=rw" if write else f"file:{path}?mode=ro"
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=QueuePool,
        pool_size=1 if write else 4,
        max_overflow=0 if write else 4,
        pool_timeout=30,
    )
    begin_sql = "BEGIN IMMEDIATE" if write else "BEGIN"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        _set_pragmas(dbapi_conn, write=write)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql(begin_sql)

    return engine


class Checkpointer:
    """Copies the WAL back into the database file on its own thread and connection.

    SQLite would otherwise do this inside whichever commit crosses 1,000 WAL pages, making
    one sale in ~60 several milliseconds slower. ``nudge()`` after commits; the thread runs a
    PASSIVE checkpoint (never blocks the writer) once enough commits have piled up, or every
    ``interval_s`` seconds.
    """

    def __init__(self, path: Path, *, every_commits: int = 50, interval_s: float = 30.0) -> None:
        self._path = path
        self._every = every_commits
        self._interval = interval_s
        self._commits = 0
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        self._commits += 1
        if self._commits >= self._every:
            self._commits = 0
            self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self._interval)
            self._wake.clear()
            if not self._stop.is_set():
                self.checkpoint("PASSIVE")

    def checkpoint(self, mode: str = "PASSIVE") -> None:
        try:
            conn = sqlite3.connect(f"file:{self._path}?mode=rw", uri=True, timeout=1.0)
            try:
                conn.execute(f"PRAGMA wal_checkpoint({mode})")
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # a busy or vanished file: the next round (or the next start) catches up

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)


class Database:
    """An open shop database. Thread-safe: sessions are per use, writes are serialised."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._write_engine = _make_engine(path, write=True)
        self._read_engine = _make_engine(path, write=False)
        self._write_lock = threading.Lock()
        self.cache: dict[str, Any] = {}
        self._checkpointer = Checkpointer(path)
        with self._write_engine.connect():
            pass  # the first write connection switches the file to WAL

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends normally, rolls back otherwise."""
        with (
            self._write_lock,
            Session(
                self._write_engine, expire_on_commit=False, info={"cache": self.cache}
            ) as session,
        ):
            try:
                yield session
                session.commit()
                self._checkpointer.nudge()
            except BaseException:
                session.rollback()
                raise
            finally:
                # A value changed in this unit of work is reloaded next time, committed or not.
                for key in session.info.pop("invalidate_on_end", ()):
                    self.cache.pop(key, None)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session on its own connection (a consistent snapshot)."""
        with Session(self._read_engine, info={"cache": self.cache}) as session:
            try:
                yield session
            finally:
                session.rollback()

    def close(self) -> None:
        self._checkpointer.stop()
        self._write_engine.dispose()
        self._read_engine.dispose()
        self._checkpointer.checkpoint("TRUNCATE")


def _classify(exc: sqlite3.Error) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "locked"
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "read_only"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return "corrupt"
    return "unusable"


def _probe(path: Path, *, quick_check: bool) -> None:
    """Open the file raw, without writing anything, and look at it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(_classify(exc), str(path), str(exc)) from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if quick_check:
            result = conn.execute("PRAGMA quick_check(1)").fetchone()
            if result is None or result[0] != "ok":
                raise DatabaseOpenError("corrupt", str(path), str(result and result[0]))
    except sqlite3.Error as exc:
        raise DatabaseOpenError(_classify(exc), str(path), str(exc)) from exc
    except UnicodeDecodeError as exc:  # schema text mangled by damaged pages
        raise DatabaseOpenError("corrupt", str(path), str(exc)) from exc
    finally:
        conn.close()


def _check_writable(path: Path) -> None:
    folder = path.parent
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise DatabaseOpenError("read_only", str(path), "no write permission")


def _check_not_locked(path: Path) -> None:
    """Fail fast when another program holds the write lock, instead of hanging later."""
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=2.0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.Error as exc:
        raise DatabaseOpenError(_classify(exc), str(path), str(exc)) from exc
    finally:
        conn.close()


def open_database(path: Path, *, create: bool = True, quick_check: bool = True) -> Database:
    """Open (and if allowed, create) the shop database and bring its schema up to date.

    Raises :class:`DatabaseOpenError` for a file that cannot be used; such a file is left
    untouched (no migration, no journal switch, no write). ``quick_check`` runs SQLite's
    ``PRAGMA quick_check`` first; the app runs it in the background on large files instead.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise DatabaseOpenError("not_found", str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseOpenError("read_only", str(path), str(exc)) from exc
        _check_writable(path)
        try:
            sqlite3.connect(path).close()
        except sqlite3.Error as exc:
            raise DatabaseOpenError(_classify(exc), str(path), str(exc)) from exc
    else:
        _probe(path, quick_check=quick_check)
        _check_writable(path)
    _check_not_locked(path)
    state = check_schema(path)
    if state == "too_new":
        raise DatabaseOpenError("too_new", str(path))
    if state == "foreign":
        raise DatabaseOpenError("unusable", str(path), "not a Merchant Desk database")
    if state != "current":
        upgrade(path)
    return Database(path)


def integrity_ok(path: Path) -> bool:
    """Run ``PRAGMA quick_check`` on a read-only connection (safe on a live database)."""
    try:
        _probe(path, quick_check=True)
    except DatabaseOpenError:
        return False
    return True
