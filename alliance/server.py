"""``alliance-server``: migrate the database and serve the API with uvicorn."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

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
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    import uvicorn

    from alliance.app import create_app
    from alliance.db import Database

    args = parse_args(argv)
    db = Database(resolve_database_url(args.database_url))
    if not args.no_migrate:
        db.migrate()
    app = create_app(db, Limits(enrol_per_ip=args.enrol_per_ip))
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)


if __name__ == "__main__":
    main()
