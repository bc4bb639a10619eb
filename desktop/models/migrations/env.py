"""Alembic environment for the shop database (SQLite, batch mode for ALTERs)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from desktop.models.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
        )
        context.run_migrations()
    engine.dispose()


run_migrations()
