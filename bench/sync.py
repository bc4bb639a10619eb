"""The sync benchmark of DESIGN §11: a real counter and a real alliance server on PostgreSQL.

``python -m bench.sync [--events N] [--members M] [--devices D] [--concurrent-events E]``

Starts a throwaway PostgreSQL cluster (``initdb``/``pg_ctl``, unix socket only, durable
commits: no ``fsync=off`` or ``synchronous_commit=off``), runs one ``alliance-server`` on it
with ``--workers`` set to ``--server-processes`` (every device uses its one address) and prints
one JSON object
as the last line of stdout (progress on stderr). Each figure has a floor measured in the same
run:

* ``push_100k_s``: ``desktop.sync.cycle.run_cycle`` of a real shop database holding ``--events``
  queued events (a tenth ``member.enrolled``, the rest ``sale.recorded`` with an earn), paired
  with a real code; the cycle's pull of its own members' snapshots included.
  ``push_floor_s``: the same number of event-sized rows inserted with psycopg in 1,000-row
  transactions, one connection.
* ``server_events_per_s``: ``--devices`` enrolled devices push ``--concurrent-events`` earns
  between them at once (a thread each, 1,000 events a request). ``pg_batch_floor_events_per_s``:
  the same rows, threads and transactions straight into PostgreSQL with psycopg;
  ``pg_commit_floor_per_s``: single-row INSERT + COMMIT on one connection.
* ``idle_sync_requests`` / ``idle_sync_ms``: ``run_cycle`` with nothing to do (median of 20);
  ``http_floor_ms``: one ``GET /v1/health`` round trip.
* ``pull_50k_members_s``: a fresh device's first ``pull_all`` of the alliance whose
  ``--members`` shared members the devices enrolled; ``pull_floor_s``: the same feed rows read
  with psycopg in one query; ``pull_wire_s``: the same pages fetched over HTTP and parsed,
  not stored (the server's and the wire's share of the pull).

At the end ``alliance-admin check``'s invariants are evaluated (``check_problems``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import pwd
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from bench.build_db import _epoch_ms, _ts, _uuid7, log
from desktop.models.jsonutil import canonical_json, sha256_hex

HEADERS = {"X-Alliance-Protocol": "1"}
BATCH = 1000  # events a request: the protocol's most (desktop.sync.push.BATCH)
PUSH_100K_S, SERVER_EVENTS_PER_S, IDLE_MS, PULL_50K_S = 15.0, 2000.0, 50.0, 10.0
PG_SETTINGS = ("fsync", "synchronous_commit", "full_page_writes", "wal_sync_method")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


# -- PostgreSQL ------------------------------------------------------------------------------
@contextmanager
def postgres() -> Iterator[tuple[str, dict[str, str]]]:
    """A throwaway cluster with durable commits; yields (SQLAlchemy URL, psycopg kwargs)."""
    found = shutil.which("initdb")
    candidates = [found] if found else sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not candidates:
        raise SystemExit("PostgreSQL binaries (initdb, pg_ctl) not found")
    bin_dir = Path(str(candidates[-1])).parent
    base = Path(tempfile.mkdtemp(prefix="spg"))  # short: the socket path is limited
    demote: Callable[[], None] | None = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            entry = pwd.getpwnam("nobody")
        os.chown(base, entry.pw_uid, entry.pw_gid)

        def demote() -> None:
            os.setgid(entry.pw_gid)
            os.setuid(entry.pw_uid)

    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    data, port = base / "data", free_port()

    def run(*args: str) -> None:
        done = subprocess.run(
            args, preexec_fn=demote, env=env, capture_output=True, text=True, cwd=base
        )
        if done.returncode != 0:
            raise SystemExit(f"{args[0]} failed: {done.stdout}\n{done.stderr}")

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8")
    options = f"-p {port} -k {base} -c listen_addresses='' -c max_connections=300"
    pg_ctl = str(bin_dir / "pg_ctl")
    run(pg_ctl, "-D", str(data), "-l", str(base / "log"), "-w", "-o", options, "start")
    try:
        import psycopg

        kwargs = {"host": str(base), "port": str(port), "user": "postgres"}
        with psycopg.connect(**kwargs, dbname="postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE alliance_bench")
        yield (
            f"postgresql+psycopg://postgres@/alliance_bench?host={base}&port={port}",
            {**kwargs, "dbname": "alliance_bench"},
        )
    finally:
        run(pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)


def pg_settings(pg: dict[str, str]) -> dict[str, str]:
    import psycopg

    with psycopg.connect(**pg) as conn:
        return {name: str(conn.execute(f"SHOW {name}").fetchone()[0]) for name in PG_SETTINGS}


def _floor_rows(n: int, tag: str) -> list[tuple[str, int, str, str]]:
    payload = canonical_json({"sale": "x" * 36, "member_id": 10**12, "points_earned": 12})
    return [(f"{tag}-{i:012d}", i, payload, sha256_hex(f"{tag}{i}")) for i in range(n)]


def pg_floors(pg: dict[str, str], *, events: int, threads: int, serial: int) -> dict[str, float]:
    """Bare psycopg: commits/s of a one-row transaction; event-sized rows/s in 1,000-row
    transactions from ``threads`` connections at once, and from one (``serial`` rows)."""
    import psycopg

    with psycopg.connect(**pg, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE floor_event (id text PRIMARY KEY, seq bigint NOT NULL,"
            " payload text NOT NULL, hash text NOT NULL, at timestamp DEFAULT now())"
        )
    insert = "INSERT INTO floor_event (id, seq, payload, hash) VALUES (%s, %s, %s, %s)"

    def batches(conn: Any, rows: list[tuple[str, int, str, str]]) -> None:
        for i in range(0, len(rows), BATCH):
            with conn.transaction(), conn.cursor() as cur:
                cur.executemany(insert, rows[i : i + BATCH])

    with psycopg.connect(**pg, autocommit=True) as conn:
        t0 = time.perf_counter()
        for row in _floor_rows(300, "c"):
            with conn.transaction():
                conn.execute(insert, row)
        commit_rate = 300 / (time.perf_counter() - t0)
        serial_rows = _floor_rows(serial, "s")
        t0 = time.perf_counter()
        batches(conn, serial_rows)
        serial_s = time.perf_counter() - t0
    share = _floor_rows(events, "p")
    conns = [psycopg.connect(**pg, autocommit=True) for _ in range(threads)]
    workers = [
        threading.Thread(target=batches, args=(c, share[i::threads])) for i, c in enumerate(conns)
    ]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    concurrent_rate = events / (time.perf_counter() - t0)
    for c in conns:
        c.close()
    with psycopg.connect(**pg, autocommit=True) as conn:
        conn.execute("DROP TABLE floor_event")
    return {
        "pg_commit_floor_per_s": round(commit_rate, 1),
        "pg_batch_floor_events_per_s": round(concurrent_rate, 1),
        "push_floor_s": round(serial_s, 3),
    }


# -- the server ------------------------------------------------------------------------------
@contextmanager
def servers(url: str, count: int, folder: Path, *, workers: int = 1) -> Iterator[list[str]]:
    """``alliance-server`` subprocesses on loopback ports (the schema migrated before)."""
    from alliance.db import Database

    db = Database(url)
    db.migrate()
    db.dispose()
    exe = str(Path(sys.executable).with_name("alliance-server"))
    procs: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    try:
        for i in range(count):
            port = free_port()
            cmd = [exe, "--database-url", url, "--port", str(port), "--no-migrate"]
            cmd += ["--log-level", "warning", "--enrol-per-ip", "100000"]
            cmd += ["--workers", str(workers)]
            with open(folder / f"server-{i}.log", "wb") as out:
                procs.append(subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT))
            urls.append(f"http://127.0.0.1:{port}")
        for u, p in zip(urls, procs, strict=True):
            deadline = time.monotonic() + 60
            while True:
                try:
                    if requests.get(u + "/v1/health", timeout=2).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if p.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"alliance-server did not start: see {folder}")
                time.sleep(0.1)
        yield urls
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()


# -- shops and devices -----------------------------------------------------------------------
def make_shop(folder: Path, name: str) -> Any:
    from desktop.models.db import open_database
    from desktop.models.service import Desk

    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / "shop.sqlite")
    Desk(db).set_up(shop_name=name, owner_name="老板", owner_pin="246810")
    return db


def queue_events(path: Path, count: int, rng: random.Random) -> None:
    """``count`` valid events in the shop's outbox, as the counter would have queued them: a
    tenth enrolments (shared members), the rest sales earning points for those members."""
    conn = sqlite3.connect(path)
    device, seq = conn.execute(
        "SELECT id, next_seq FROM device ORDER BY created_at DESC LIMIT 1"
    ).fetchone()
    start = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(hours=2)
    members: list[int] = []
    rows = []
    for i in range(count):
        at = start + dt.timedelta(milliseconds=i)
        day = (at + dt.timedelta(hours=8)).date().isoformat()
        if i % 10 == 0 or not members:
            members.append(10**12 + len(members) + 1)
            kind = "member.enrolled"
            payload: dict[str, Any] = {"member_id": members[-1], "enrolled_day": day}
            payload |= {"marketing": False, "sharing": True}
        else:
            amount = rng.randint(500, 50_000)
            kind = "sale.recorded"
            payload = {"sale": _uuid7(_epoch_ms(at), rng), "member_id": rng.choice(members)}
            payload |= {"amount_fen": amount, "discount_fen": 0, "points_earned": amount // 100}
            payload |= {"points_redeemed": 0, "rule_version": 1, "day": day}
        text = canonical_json(payload)
        digest = sha256_hex(canonical_json({"kind": kind, "payload": payload}))
        rows.append((_uuid7(_epoch_ms(at), rng), device, seq + i, kind, _ts(at), text, digest))
    with conn:
        conn.executemany(
            "INSERT INTO event (id, device_id, device_seq, kind, created_at, payload,"
            " content_hash) VALUES (?,?,?,?,?,?,?)",
            rows,
        )
        conn.execute("UPDATE device SET next_seq = ? WHERE id = ?", (seq + count, device))
    conn.close()


def enrol(url: str, code: str, name: str) -> dict[str, Any]:
    import base64

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    body = {"code": code, "device_name": name, "shop_public_key": base64.b64encode(public).decode()}
    answer = requests.post(url + "/v1/enrol", json=body, headers=HEADERS, timeout=60)
    answer.raise_for_status()
    result: dict[str, Any] = answer.json()
    return result


class Pusher:
    """One enrolled device pushing prepared events, 1,000 a request, on its own connection."""

    def __init__(self, url: str, enrolment: dict[str, Any], first_member: int) -> None:
        self.url = url
        self.http = requests.Session()
        self.http.headers.update(HEADERS)
        self.http.headers["Authorization"] = f"Bearer {enrolment['credential']}"
        self.seq = 1
        self.first_member = first_member
        self.members: list[int] = []
        self.outcomes: dict[str, int] = {}

    def event(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        event = {"id": _uuid7(int(time.time() * 1000), RNG), "device_seq": self.seq}
        event |= {"kind": kind, "created_at": dt.datetime.now(dt.UTC).isoformat()}
        event |= {"payload": payload}
        event["content_hash"] = sha256_hex(canonical_json({"kind": kind, "payload": payload}))
        self.seq += 1
        return event

    def enrolments(self, count: int) -> list[dict[str, Any]]:
        day = dt.date.today().isoformat()
        self.members = [self.first_member + i for i in range(count)]
        return [
            self.event(
                "member.enrolled",
                {"member_id": m, "enrolled_day": day, "marketing": False, "sharing": True},
            )
            for m in self.members
        ]

    def earns(self, count: int) -> list[dict[str, Any]]:
        day = dt.date.today().isoformat()
        out = []
        for _ in range(count):
            amount = RNG.randint(500, 50_000)
            payload = {"sale": _uuid7(int(time.time() * 1000), RNG)}
            payload |= {"member_id": RNG.choice(self.members), "amount_fen": amount}
            payload |= {"discount_fen": 0, "points_earned": amount // 100, "day": day}
            out.append(self.event("sale.recorded", payload))
        return out

    def push_all(self, events: list[dict[str, Any]]) -> None:
        for i in range(0, len(events), BATCH):
            body = {"events": events[i : i + BATCH]}
            for attempt in range(3):
                try:
                    answer = self.http.post(self.url + "/v1/sync/push", json=body, timeout=300)
                    break
                except requests.ConnectionError:
                    # A kept-alive connection the server closed (idle > 5 s) just as this
                    # request went out; a push is safe to send again (counted once).
                    if attempt == 2:
                        raise
            answer.raise_for_status()
            for r in answer.json()["results"]:
                self.outcomes[r["outcome"]] = self.outcomes.get(r["outcome"], 0) + 1


RNG = random.Random(20261201)


def in_threads(jobs: list[Callable[[], None]]) -> float:
    errors: list[BaseException] = []

    def guard(job: Callable[[], None]) -> None:
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - reported after the join
            errors.append(exc)

    threads = [threading.Thread(target=guard, args=(j,)) for j in jobs]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - t0


# -- the run -----------------------------------------------------------------------------------
def run(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from alliance import operator
    from alliance.db import Database
    from desktop.models.clock import utc_now
    from desktop.sync.cycle import client_for, run_cycle
    from desktop.sync.pairing import pair
    from desktop.sync.pull import pull_all

    result: dict[str, Any] = {"events": args.events, "members": args.members}
    result |= {"devices": args.devices, "concurrent_events": args.concurrent_events}
    result["server_processes"] = args.server_processes
    with postgres() as (url, pg):
        result["postgresql"] = pg_settings(pg)
        log(f"PostgreSQL {result['postgresql']}; floors")
        result |= pg_floors(
            pg, events=args.concurrent_events, threads=args.devices, serial=args.events
        )
        log(f"  {result}")
        with servers(url, 1, folder, workers=args.server_processes) as urls:
            server = Database(url)

            def invite(alliance_id: int, name: str) -> str:
                with server.write() as s:
                    return str(
                        operator.invite_shop(s, alliance_id=alliance_id, name=name, days=7)["code"]
                    )

            with requests.Session() as http:
                http.get(urls[0] + "/v1/health", timeout=10)
                health = []
                for _ in range(50):
                    t0 = time.perf_counter()
                    http.get(urls[0] + "/v1/health", timeout=10).raise_for_status()
                    health.append((time.perf_counter() - t0) * 1000)
            result["http_floor_ms"] = round(statistics.median(health), 2)

            # One counter with a long queue.
            with server.write() as s:
                first = operator.create_alliance(s, name="东街商盟")
            shop = make_shop(folder / "shop-queue", "茶铺")
            queue_events(shop.path, args.events, random.Random(7))
            pair(shop, server_url=urls[0], code=invite(first, "茶铺"), now=utc_now())
            log(f"pushing {args.events} queued events with run_cycle")
            t0 = time.perf_counter()
            report = run_cycle(shop, clock=utc_now)
            result["push_100k_s"] = round(time.perf_counter() - t0, 3)
            if not report.ok or report.pushed != args.events:
                raise SystemExit(f"the queued push failed: {report.as_json()}")
            result["push_cycle"] = {"pushed": report.pushed, "pulled": report.pulled}
            result["push_cycle"] |= {"requests": report.requests}
            with shop.read() as s:
                outcomes = dict(
                    s.execute(sa_text("SELECT outcome, count(*) FROM event GROUP BY outcome")).all()
                )
            result["push_outcomes"] = outcomes
            log(f"  {result['push_100k_s']} s; idle syncs")
            idle, requests_made = [], []
            for _ in range(20):
                t0 = time.perf_counter()
                report = run_cycle(shop, clock=utc_now)
                idle.append((time.perf_counter() - t0) * 1000)
                requests_made.append(report.requests)
            result["idle_sync_requests"] = max(requests_made)
            result["idle_sync_ms"] = round(statistics.median(idle), 2)
            shop.close()

            # Many counters at once.
            with server.write() as s:
                second = operator.create_alliance(s, name="西街商盟")
            log(f"enrolling {args.devices} devices, {args.members} shared members")
            pushers = [
                Pusher(
                    urls[i % len(urls)],
                    enrol(urls[i % len(urls)], invite(second, f"店{i}"), f"柜台{i}"),
                    2 * 10**12 + i * 10**6,
                )
                for i in range(args.devices)
            ]
            per = [
                args.members // args.devices + (i < args.members % args.devices)
                for i in range(args.devices)
            ]
            loads = [p.enrolments(n) for p, n in zip(pushers, per, strict=True)]
            result["enrol_members_s"] = round(
                in_threads(
                    [lambda p=p, e=e: p.push_all(e) for p, e in zip(pushers, loads, strict=True)]
                ),
                3,
            )
            share = [args.concurrent_events // args.devices] * args.devices
            loads = [p.earns(n) for p, n in zip(pushers, share, strict=True)]
            log(f"  {result['enrol_members_s']} s; {sum(share)} earns from {args.devices} devices")
            seconds = in_threads(
                [lambda p=p, e=e: p.push_all(e) for p, e in zip(pushers, loads, strict=True)]
            )
            result["server_events_per_s"] = round(sum(share) / seconds, 1)
            outcomes = {}
            for p in pushers:
                for k, v in p.outcomes.items():
                    outcomes[k] = outcomes.get(k, 0) + v
            result["concurrent_outcomes"] = outcomes
            log(f"  {result['server_events_per_s']} events/s; a fresh device pulls")

            # A new counter's first pull.
            fresh = make_shop(folder / "shop-fresh", "面馆")
            pair(fresh, server_url=urls[0], code=invite(second, "面馆"), now=utc_now())
            client = client_for(fresh)
            fresh_credential = str(client._session.headers["Authorization"])
            t0 = time.perf_counter()
            pulled = pull_all(fresh, client)
            result["pull_50k_members_s"] = round(time.perf_counter() - t0, 3)
            client.close()
            with fresh.read() as s:
                result["pull_members_stored"] = s.execute(
                    sa_text("SELECT count(*) FROM alliance_member")
                ).scalar_one()
            result["pull_changes"] = pulled.pulled
            fresh.close()
            result["pull_floor_s"] = pull_floor(pg, second)
            result["pull_wire_s"] = pull_wire(urls[0], fresh_credential)
            log(f"  {result['pull_50k_members_s']} s; checking the invariants")
            with server.read() as s:
                problems = operator.check(s)
            result["check_problems"] = len(problems)
            server.dispose()
    return result | verdict(result, args)


def sa_text(sql: str) -> Any:
    from sqlalchemy import text

    return text(sql)


def pull_floor(pg: dict[str, str], alliance_id: int) -> float:
    import psycopg

    with psycopg.connect(**pg) as conn:
        t0 = time.perf_counter()
        rows = conn.execute(
            "SELECT seq, kind, entity_key, data FROM feed WHERE alliance_id = %s"
            " AND audience = 0 ORDER BY seq",
            (alliance_id,),
        ).fetchall()
        [json.loads(r[3]) for r in rows]
        return round(time.perf_counter() - t0, 3)


def pull_wire(url: str, authorization: str) -> float:
    """The same pages over HTTP, parsed but not stored: the server's and the wire's part."""
    with requests.Session() as http:
        http.headers.update(HEADERS)
        http.headers["Authorization"] = authorization
        since, t0 = 0, time.perf_counter()
        while True:
            answer = http.get(
                url + "/v1/sync/pull", params={"since": since, "limit": 500}, timeout=60
            )
            answer.raise_for_status()
            page = answer.json()
            since = page["next_since"]
            if not page["has_more"]:
                return round(time.perf_counter() - t0, 3)


def verdict(r: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    out = {
        "server_ratio_to_floor": round(
            r["server_events_per_s"] / r["pg_batch_floor_events_per_s"], 3
        ),
        "push_ratio_to_floor": round(r["push_100k_s"] / max(r["push_floor_s"], 1e-9), 2),
        "pull_ratio_to_floor": round(r["pull_50k_members_s"] / max(r["pull_floor_s"], 1e-9), 2),
        "idle_ratio_to_floor": round(r["idle_sync_ms"] / max(r["http_floor_ms"], 1e-9), 2),
        "push_target_met": r["push_100k_s"] <= PUSH_100K_S,
        "server_target_met": r["server_events_per_s"] >= SERVER_EVENTS_PER_S,
        "idle_target_met": r["idle_sync_requests"] <= 2 and r["idle_sync_ms"] <= IDLE_MS,
        "pull_target_met": r["pull_50k_members_s"] <= PULL_50K_S,
        "invariants_hold": r["check_problems"] == 0,
        "at_target_size": args.events >= 100_000 and args.members >= 50_000 and args.devices >= 50,
    }
    out["targets_met"] = all(out[k] for k in out if k.endswith("_met"))
    return out


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.sync",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--events", type=int, default=100_000, help="queued on one counter")
    parser.add_argument("--members", type=int, default=50_000, help="shared, for the pull")
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--concurrent-events", type=int, default=50_000)
    parser.add_argument("--server-processes", type=int, default=2)
    args = parser.parse_args(argv)
    if min(args.events, args.members, args.devices, args.concurrent_events) < 1:
        parser.error("sizes must be positive")
    if args.members < args.devices or args.concurrent_events < args.devices:
        parser.error("--members and --concurrent-events must be at least --devices")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory(prefix="md-bench-sync-") as folder:
        result = run(args, Path(folder))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
