"""``alliance-server --workers``: several processes on one port, answering without delay."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import requests

from alliance.db import Database
from alliance.server import listening_socket
from tests.alliance.conftest import free_port
from tests.alliance.support import AllianceHelper, Server, new_member_id, new_sale

ROOT = Path(__file__).resolve().parents[2]


def _nodelay_of_accepted(sock: socket.socket) -> int:
    """TCP_NODELAY of a connection asyncio accepts on ``sock`` (as uvicorn's workers do)."""

    async def main() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                accepted = transport.get_extra_info("socket")
                seen.set_result(accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        host, port = sock.getsockname()[:2]
        _, writer = await asyncio.open_connection(host, port)
        result = await asyncio.wait_for(seen, 5)
        writer.close()
        server.close()
        return result

    return asyncio.run(main())


def test_the_workers_socket_turns_nagle_off_on_every_connection() -> None:
    assert _nodelay_of_accepted(listening_socket("127.0.0.1", 0)) != 0
    # What uvicorn binds by itself (protocol 0): asyncio leaves Nagle on, and a small answer
    # then waits for the client's delayed ACK.
    plain = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    plain.bind(("127.0.0.1", 0))
    assert _nodelay_of_accepted(plain) == 0


def test_two_workers_apply_two_shops_pushes_and_stop_on_sigterm(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'alliance.sqlite'}"
    db = Database(url)
    db.migrate()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "alliance", "--database-url", url, "--port", str(port)]
        + ["--workers", "2", "--no-migrate"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(base + "/v1/health", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            assert proc.poll() is None, "the server stopped"
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)
        alliance = AllianceHelper.create(Server(base, db))
        devices = [alliance.device("茶铺"), alliance.device("面馆")]
        answers: list[Any] = []

        def push(device: Any) -> None:
            member = new_member_id()
            events = [device.event("member.enrolled", {"member_id": member, "sharing": True})]
            for _ in range(300):
                sale = {"sale": new_sale(), "member_id": member, "amount_fen": 1_000}
                events.append(device.event("sale.recorded", sale | {"points_earned": 10}))
            answers.append(device.push(events))

        threads = [threading.Thread(target=push, args=(d,)) for d in devices]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert len(answers) == 2
        for answer in answers:
            assert answer["acked_seq"] == 301
            assert {r["outcome"] for r in answer["results"]} == {"applied"}
        assert alliance.check() == []
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        db.dispose()


def test_fewer_than_one_worker_is_refused_with_a_plain_message() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "alliance", "--workers", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--workers must be at least 1" in done.stderr
