"""Errors a user must read, as codes with parameters (the view translates them).

Bugs are ordinary exceptions; these are the refusals and problems a person can act on.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal the counter explains in plain words.

    ``code`` is a stable machine word (``"insufficient_points"``); ``params`` carry the
    numbers the message needs. No English or Chinese text lives here.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        if not self.params:
            return self.code
        inner = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        return f"{self.code} ({inner})"


class DatabaseOpenError(Exception):
    """The database file cannot be used; nothing was changed in it.

    ``code`` is one of ``locked``, ``read_only``, ``corrupt``, ``too_new``, ``not_found``,
    ``unusable``.
    """

    def __init__(self, code: str, path: str, detail: str = "") -> None:
        super().__init__(code, path, detail)
        self.code = code
        self.path = path
        self.detail = detail

    def __str__(self) -> str:
        return f"{self.code}: {self.path}" + (f" ({self.detail})" if self.detail else "")
