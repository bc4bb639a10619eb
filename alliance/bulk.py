"""Many rows in few statements, for the push path.

On PostgreSQL inserts go as one ``COPY … FROM STDIN`` (rows encoded by the driver in C, no
statement per row, no per-row parameter handling in Python — SQLAlchemy's was the largest
cost of a push batch); updates go as one ``UPDATE … FROM unnest(arrays)``, built once per
table and column set. A unique key that refuses a row raises SQLAlchemy's ``IntegrityError``
either way. Elsewhere (the SQLite default) the same calls are SQLAlchemy
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


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys); ``IntegrityError`` when a unique key refuses
    one."""
    if not rows:
        return
    if not _is_postgres(session):
        session.connection().execute(table.insert(), list(rows))
        return
    columns = tuple(rows[0])
    pick = itemgetter(*columns)
    _copy(
        session, table, columns, [pick(row) if len(columns) > 1 else (pick(row),) for row in rows]
    )


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
    insert_rows(session, table, [{"id": i, **row} for i, row in zip(ids, rows, strict=True)])
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
