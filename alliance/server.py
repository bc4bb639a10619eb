"""``alliance-server``: migrate the database and serve the API with uvicorn."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Sequence
from typing import Any

from alliance.config import Limits, resolve_database_url


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="alliance-server", description="The Merchant Desk alliance server."
    )
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL (postgresql://… in production); default: $DATABASE_URL, "
        "else a SQLite file in the user data folder",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--no-migrate", action="store_true", help="do not upgrade the schema")
    parser.add_argument("--log-level", default="info")
    parser.add_argument("--enrol-per-ip", type=int, default=Limits.enrol_per_ip)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes sharing the port (each with its own database connections)",
    )
    args = parser.parse_args(argv)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    return args


_URL_VAR, _ENROL_VAR = "MERCHANT_DESK_ALLIANCE_URL", "MERCHANT_DESK_ALLIANCE_ENROL_PER_IP"


def app_from_environment() -> Any:
    """The application of one worker process (``--workers`` > 1): the parent passes its
    settings through the environment."""
    from alliance.app import create_app
    from alliance.db import Database

    limits = Limits(enrol_per_ip=int(os.environ[_ENROL_VAR]))
    return create_app(Database(os.environ[_URL_VAR]), limits)


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket the workers share, marked TCP: uvicorn's own has protocol 0, and asyncio
    turns Nagle's algorithm off only on connections of sockets marked TCP, so every answer
    waited for the client's delayed ACK (40 ms a request)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _serve_workers(args: argparse.Namespace) -> None:
    """``uvicorn --workers`` on :func:`listening_socket`."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "alliance.server:app_from_environment",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
    )
    Multiprocess(config, sockets=[listening_socket(args.host, args.port)]).run()


def main(argv: Sequence[str] | None = None) -> None:
    import uvicorn

    from alliance.app import create_app
    from alliance.db import Database

    args = parse_args(argv)
    # A push's request is parsed while another thread waits on the database: switch threads
    # sooner than Python's 5 ms, or that thread waits for the parse to give the GIL back.
    sys.setswitchinterval(0.0005)
    url = resolve_database_url(args.database_url)
    db = Database(url)
    if not args.no_migrate:
        db.migrate()
    if args.workers > 1:
        db.dispose()
        os.environ[_URL_VAR], os.environ[_ENROL_VAR] = url, str(args.enrol_per_ip)
        _serve_workers(args)
        return
    app = create_app(db, Limits(enrol_per_ip=args.enrol_per_ip))
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)


if __name__ == "__main__":
    main()
