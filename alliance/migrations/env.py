"""Alembic environment for the alliance database (PostgreSQL or SQLite).

The caller passes an open connection in ``config.attributes["connection"]``
(``alliance.db.Database.migrate``); a URL in ``sqlalchemy.url`` works too (for autogenerate).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from alliance.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True
        )
        context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_engine(url)
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        context.run_migrations()
    engine.dispose()


run_migrations()
