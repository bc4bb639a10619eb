"""The database is built by the migrations, and they match the tables in code."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from alliance.tables import Base
from tests.alliance.support import Server


def test_migrations_match_the_tables(server: Server) -> None:
    with server.db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == "0002"
