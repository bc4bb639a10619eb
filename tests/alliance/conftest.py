"""Alliance server tests: a real uvicorn on a loopback port, over a real database.

Every test that takes ``server`` (directly or through ``alliance``) runs twice: on a SQLite
file and on a PostgreSQL cluster the suite starts itself (``initdb`` in a temporary folder,
unix socket only, stopped at the end). Missing PostgreSQL binaries fail the run.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn

from alliance import operator
from alliance.app import create_app
from alliance.config import Limits
from alliance.db import Database
from tests.alliance.support import AllianceHelper, Server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _pg_bin() -> Path:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not candidates:
        pytest.fail("PostgreSQL binaries (initdb, pg_ctl) not found on PATH or /usr/lib/postgresql")
    return Path(candidates[0]).parent


def _as_user() -> tuple[Callable[[], None] | None, int | None, int | None]:
    """PostgreSQL refuses to run as root: drop to the postgres (or nobody) user then."""
    if os.geteuid() != 0:
        return None, None, None
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError:
        entry = pwd.getpwnam("nobody")
    uid, gid = entry.pw_uid, entry.pw_gid

    def demote() -> None:
        os.setgid(gid)
        os.setuid(uid)

    return demote, uid, gid


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    bin_dir = _pg_bin()
    base = Path(tempfile.mkdtemp(prefix="apg"))  # short: the socket path is limited
    demote, uid, gid = _as_user()
    if uid is not None and gid is not None:
        os.chown(base, uid, gid)
    data, port = base / "data", free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}

    def run(*args: str) -> None:
        done = subprocess.run(
            args, preexec_fn=demote, env=env, capture_output=True, text=True, cwd=base
        )
        if done.returncode != 0:
            pytest.fail(f"{args[0]} failed: {done.stdout}\n{done.stderr}")

    run(
        str(bin_dir / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-sync",
    )
    options = (
        f"-p {port} -k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=200"
    )
    run(
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(base / "log"),
        "-w",
        "-o",
        options,
        "start",
    )
    try:
        import psycopg

        with psycopg.connect(
            host=str(base), port=port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE alliance_test")
        yield f"postgresql+psycopg://postgres@/alliance_test?host={base}&port={port}"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def start_server(db: Database, limits: Limits) -> tuple[Server, Callable[[], None]]:
    port = free_port()
    config = uvicorn.Config(
        create_app(db, limits), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)

    def stop() -> None:
        server.should_exit = True
        thread.join(10)

    return Server(url=f"http://127.0.0.1:{port}", db=db), stop


TEST_LIMITS = Limits(enrol_per_ip=100_000, enrol_code_failures=5)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('alliance') / 'alliance.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    db = Database(url)
    db.migrate()
    running, stop = start_server(db, TEST_LIMITS)
    try:
        yield running
        with db.read() as session:
            problems = operator.check(session)
        assert problems == [], f"invariants broken after the tests: {problems}"
    finally:
        stop()
        db.dispose()


@pytest.fixture
def alliance(server: Server) -> AllianceHelper:
    """A fresh alliance on the running server (tests never share one)."""
    return AllianceHelper.create(server)
