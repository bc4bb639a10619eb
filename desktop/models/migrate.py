"""Schema versions: a cheap check at start, Alembic only when an upgrade is due.

Importing Alembic costs start-up time, so the current revision is read with plain sqlite3 and
compared with the revision files shipped in ``migrations/versions`` (file names start with the
revision id). A database stamped with a revision we do not ship is from a newer Merchant Desk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def known_revisions() -> list[str]:
    """Revision ids shipped with this build, oldest first (file names ``NNNN_name.py``)."""
    names = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return [name.split("_", 1)[0] for name in names]


def head_revision() -> str:
    return known_revisions()[-1]


def check_schema(path: Path) -> str:
    """``empty``, ``current``, ``old``, ``too_new`` or ``foreign`` (tables but no version)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "alembic_version" not in tables:
            return "foreign" if tables else "empty"
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        conn.close()
    known = known_revisions()
    if row is None:
        return "old"
    if row[0] == known[-1]:
        return "current"
    return "old" if row[0] in known else "too_new"


def alembic_config(path: Path) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return cfg


def upgrade(path: Path, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` on the database file at ``path``."""
    from alembic import command

    command.upgrade(alembic_config(path), revision)  # type: ignore[arg-type]
