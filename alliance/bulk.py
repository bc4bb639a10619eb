"""Many rows in few statements, for the push path.

On PostgreSQL plain inserts go as one ``COPY … FROM STDIN`` (rows encoded by the driver in C,
no statement per row, no per-row parameter handling in Python — SQLAlchemy's was the largest
cost of a push batch); rows that need ``ON CONFLICT`` or ``RETURNING`` go to the driver's
pipelined ``executemany`` with a statement built once; updates go as one
``UPDATE … FROM unnest(arrays)``. A unique key that refuses a row raises SQLAlchemy's
``IntegrityError`` either way. Elsewhere (the SQLite default) the same calls are SQLAlchemy
``executemany``, which SQLite runs in-process.

Values go to the driver as they are: the tables have no type that converts on the way in.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Table, any_, bindparam, update
from sqlalchemy.exc import IntegrityError
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
    pick = itemgetter(*columns)
    params = [pick(row) if len(columns) > 1 else (pick(row),) for row in rows]
    if not returning and not skip_conflicts:
        _copy(session, table, columns, params)
        return []
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


def insert_with_ids(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` and return their new ``id`` values in row order; ``IntegrityError`` when
    a unique key refuses one. On PostgreSQL the ids are drawn from the table's sequence first,
    so the rows can go by ``COPY``."""
    if not rows:
        return []
    connection = session.connection()
    if not _is_postgres(session):
        stmt = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        return [int(r[0]) for r in connection.execute(stmt, list(rows))]
    ids = [
        int(r[0])
        for r in connection.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (table.name, len(rows)),
        )
    ]
    columns = ("id", *rows[0])
    _copy(session, table, columns, [(i, *row.values()) for i, row in zip(ids, rows, strict=True)])
    return ids


def _copy(
    session: Session, table: Table, columns: tuple[str, ...], params: list[tuple[Any, ...]]
) -> None:
    import psycopg

    names = ", ".join(_names(session, columns))
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in params:
                copy.write_row(row)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(f"COPY {table.name}", None, exc) from exc
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


def one_of(session: Session, column: Any, values: Sequence[Any]) -> ColumnElement[bool]:
    """``column IN values`` for a long list. On PostgreSQL as ``= ANY(array)``: one parameter
    however many values, so the statement is not rebuilt, re-parsed and planned for each
    length (with a thousand values that cost more than the lookup itself)."""
    if _is_postgres(session):
        from sqlalchemy.dialects.postgresql import ARRAY

        array: ColumnElement[bool] = column == any_(
            bindparam(None, list(values), type_=ARRAY(column.type))
        )
        return array
    result: ColumnElement[bool] = column.in_(list(values))
    return result
