"""Expected problems: a machine-readable code, an HTTP status and parameters.

Routes and services raise :class:`ApiError`; the app turns it into ``{"error": code,
"message": text, ...params}`` with the status. Anything else that escapes is a bug (500).
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str = "", **params: Any) -> None:
        super().__init__(code, message)
        self.status = status
        self.code = code
        self.message = message or code.replace("_", " ")
        self.params = params

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, **self.params}


class Rejected(Exception):
    """An event that can never be applied (permanent): recorded with outcome ``rejected``."""

    def __init__(self, reason: str, **detail: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def not_found(what: str) -> ApiError:
    return ApiError(404, f"{what}_not_found")
