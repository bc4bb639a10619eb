"""What the row parsers of both kinds share: the mapped columns, problems, fingerprints."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.importing.report import RowProblem
from desktop.models.importing.sources import Row
from desktop.models.importing.values import (
    Cell,
    CellProblem,
    FormulaWithoutValue,
    cell_text,
    check_cell,
)
from desktop.models.tables import ImportRow

T = TypeVar("T")
LOOKUP_CHUNK = 900  # values per IN (…) query


@dataclass(frozen=True)
class RowContext:
    """How to read one data row: field → column index, field → header, and the day."""

    columns: dict[str, int]
    labels: dict[str, str]
    today: dt.date
    timezone: str
    epoch_1904: bool = False


class RowReader:
    """Reads the mapped fields of one row, collecting every problem instead of stopping."""

    __slots__ = ("cells", "columns", "ctx", "number", "problems")

    def __init__(self, number: int, cells: Row, ctx: RowContext) -> None:
        self.number = number
        self.cells = cells
        self.ctx = ctx
        self.columns = ctx.columns
        self.problems: list[RowProblem] = []

    def raw(self, name: str) -> Cell:
        index = self.columns.get(name)
        if index is None or index >= len(self.cells):
            return None
        return self.cells[index]

    def mapped(self, name: str) -> bool:
        return name in self.columns

    def read(self, name: str, parse: Callable[[Cell], T]) -> T | None:
        index = self.columns.get(name)
        value = None if index is None or index >= len(self.cells) else self.cells[index]
        try:
            if isinstance(value, str | FormulaWithoutValue):
                check_cell(value)
            return parse(value)
        except CellProblem as problem:
            self.fail(name, problem.reason, value)
            return None

    def fail(self, name: str, reason: str, value: Cell) -> None:
        self.problems.append(
            RowProblem(self.number, self.ctx.labels.get(name, name), reason, cell_text(value))
        )

    def text(self, name: str) -> str:
        return cell_text(self.raw(name))


def fingerprint(*parts: str) -> str:
    """A stable 128-bit fingerprint of a row's meaning (not its formatting)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def chunks(items: list[T], size: int = LOOKUP_CHUNK) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def imported_fingerprints(session: Session, prints: list[str]) -> set[str]:
    """Which of these fingerprints an earlier import already stored."""
    found: set[str] = set()
    for part in chunks(prints):
        found.update(
            session.execute(select(ImportRow.fingerprint).where(ImportRow.fingerprint.in_(part)))
            .scalars()
            .all()
        )
    return found
