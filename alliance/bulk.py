"""Many rows in few statements, for the push path.

On PostgreSQL the rows go straight to the driver's ``executemany`` with a statement built
once per table and column set: psycopg sends them pipelined, prepared after the first few
batches, so the rows cost the server little and the Python side does no per-row parameter
handling (SQLAlchemy's, which was the largest cost of a push batch). Updates go as one
``UPDATE … FROM unnest(arrays)``. Elsewhere (the SQLite default) the same calls are
SQLAlchemy ``executemany``, which SQLite runs in-process.

Values go to the driver as they are: the tables have no type that converts on the way in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, bindparam, update
from sqlalchemy.orm import Session

_SQL: dict[tuple[Any, ...], str] = {}


def _is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _names(session: Session, columns: tuple[str, ...]) -> list[str]:
    quote = session.get_bind().dialect.identifier_preparer.quote
    return [quote(c) for c in columns]


def insert_rows(
    session: Session,
    table: Table,
    rows: Sequence[dict[str, Any]],
    *,
    returning: tuple[str, ...] = (),
    skip_conflicts: bool = False,
) -> list[tuple[Any, ...]]:
    """Insert ``rows`` (dicts with the same keys); the ``returning`` columns of the rows
    inserted. ``skip_conflicts``: a row a unique key refuses is left out (``ON CONFLICT DO
    NOTHING``) instead of failing the statement."""
    if not rows:
        return []
    columns = tuple(rows[0])
    connection = session.connection()
    if not _is_postgres(session):
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt: Any = sqlite_insert(table)
        if skip_conflicts:
            stmt = stmt.on_conflict_do_nothing()
        if returning:
            stmt = stmt.returning(*(table.c[c] for c in returning))
            return [tuple(r) for r in connection.execute(stmt, list(rows))]
        connection.execute(stmt, list(rows))
        return []
    key = ("insert", table.name, columns, returning, skip_conflicts)
    sql = _SQL.get(key)
    if sql is None:
        names = ", ".join(_names(session, columns))
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"
        if skip_conflicts:
            sql += " ON CONFLICT DO NOTHING"
        if returning:
            sql += f" RETURNING {', '.join(_names(session, returning))}"
        _SQL[key] = sql
    params = [tuple(row[c] for c in columns) for row in rows]
    if not returning:
        connection.exec_driver_sql(sql, params)
        return []
    # psycopg returns what each row's statement returned, one result set a row.
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, params, returning=True)
        out: list[tuple[Any, ...]] = []
        while True:
            out.extend(tuple(r) for r in cursor.fetchall())
            if not cursor.nextset():
                return out
    finally:
        cursor.close()


def update_rows(
    session: Session,
    table: Table,
    keys: tuple[str, ...],
    rows: Sequence[dict[str, Any]],
) -> None:
    """Set the other columns of ``rows`` on the rows their ``keys`` columns name."""
    if not rows:
        return
    columns = tuple(rows[0])
    values = tuple(c for c in columns if c not in keys)
    connection = session.connection()
    if not _is_postgres(session):
        stmt = update(table)
        for k in keys:
            stmt = stmt.where(table.c[k] == bindparam(f"k_{k}"))
        stmt = stmt.values({c: bindparam(f"v_{c}") for c in values})
        params = [
            {**{f"k_{k}": r[k] for k in keys}, **{f"v_{c}": r[c] for c in values}} for r in rows
        ]
        connection.execute(stmt, params)
        return
    key = ("update", table.name, columns, keys)
    sql = _SQL.get(key)
    if sql is None:
        dialect = session.get_bind().dialect
        arrays = ", ".join(f"%s::{table.c[c].type.compile(dialect=dialect)}[]" for c in columns)
        q = dict(zip(columns, _names(session, columns), strict=True))
        sets = ", ".join(f"{q[c]} = v.{q[c]}" for c in values)
        match = " AND ".join(f"{table.name}.{q[k]} = v.{q[k]}" for k in keys)
        sql = (
            f"UPDATE {table.name} SET {sets} FROM unnest({arrays}) AS v({', '.join(q.values())})"
            f" WHERE {match}"
        )
        _SQL[key] = sql
    connection.exec_driver_sql(sql, tuple([row[c] for row in rows] for c in columns))
