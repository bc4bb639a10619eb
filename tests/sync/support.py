"""A shop for sync tests: its own folder and database, set up, with helpers to pair it."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable
from contextlib import redirect_stdout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from desktop.cli import main as cli_main
from desktop.models.db import Database, open_database
from desktop.models.service import Desk
from desktop.models.staff import Actor

OWNER_PIN = "246810"


@dataclass
class Shop:
    name: str
    path: Path
    db: Database
    desk: Desk
    owner: Actor

    def cli(self, *args: str) -> tuple[int, dict[str, Any]]:
        """Run ``merchant-desk`` on this shop's database (another connection, like a
        scheduled task beside the running app)."""
        out = io.StringIO()
        with redirect_stdout(out):
            status = cli_main([args[0], "--db", str(self.path), *args[1:]])
        return status, json.loads(out.getvalue())

    def pair(self, url: str, code: str) -> dict[str, Any]:
        status, answer = self.cli("pair", "--server", url, "--code", code, "--owner-pin", OWNER_PIN)
        assert status == 0, answer
        return answer

    def sync(self) -> dict[str, Any]:
        return self.cli("sync")[1]


def make_shop(folder: Path, name: str) -> Shop:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "shop.sqlite"
    db = open_database(path)
    desk = Desk(db)
    desk.set_up(shop_name=name, owner_name="老板", owner_pin=OWNER_PIN)
    return Shop(name, path, db, desk, desk.authenticate(OWNER_PIN, owner_only=True))


class Misbehaving:
    """An HTTP server on loopback that answers every request with one canned reply, as a
    captive portal, a proxy's error page or a wrong server would."""

    def __init__(self, status: int, body: bytes, content_type: str, delay_s: float = 0) -> None:
        reply = (status, body, content_type, delay_s)

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                if reply[3]:
                    threading.Event().wait(reply[3])
                self.send_response(reply[0])
                self.send_header("Content-Type", reply[2])
                self.send_header("Content-Length", str(len(reply[1])))
                self.end_headers()
                try:
                    self.wfile.write(reply[1])
                except OSError:
                    pass

            do_GET = do_POST = _answer

            def log_message(self, *_args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class LossyProxy:
    """Forwards to the real server; for the next ``drop`` pushes the server's answer is lost
    (the connection closes after the server committed), as on a flaky shop network."""

    def __init__(self, upstream: str) -> None:
        import requests

        self.up = True  # while False, every request is hung up on before the server sees it
        self.drop = 0
        self.pushes_seen = 0
        # Called with the path once the server has answered, before the shop hears it;
        # returning True loses the answer (the hook may also kill the shop's process).
        self.hook: Callable[[str], bool] | None = None
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if not proxy.up:  # the shop's network dropped out
                    self.close_connection = True
                    return
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("host", "content-length", "connection")
                }
                answer = requests.request(
                    self.command, upstream + self.path, data=body, headers=headers, timeout=30
                )
                if self.path.startswith("/v1/sync/push"):
                    proxy.pushes_seen += 1
                    if proxy.drop > 0:
                        proxy.drop -= 1
                        self.close_connection = True
                        return  # the server applied it; the shop never hears back
                if proxy.hook is not None and proxy.hook(self.path):
                    self.close_connection = True
                    return
                self.send_response(answer.status_code)
                for key in ("Content-Type", "Retry-After"):
                    if key in answer.headers:
                        self.send_header(key, answer.headers[key])
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = _forward

            def log_message(self, *_args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
