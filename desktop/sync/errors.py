"""Why a sync could not finish, in codes the counter turns into plain words.

Every failure is one of these; nothing the network or the server does reaches the counter as
a traceback. ``retryable`` says whether the background worker should simply try again later.
"""

from __future__ import annotations

RETRYABLE = frozenset(
    {"offline", "timeout", "server_busy", "server_error", "bad_answer", "rate_limited"}
)


class SyncError(Exception):
    """A sync step failed; ``code`` is stable, ``message`` is for the log and the details."""

    def __init__(self, code: str, message: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(f"{code}: {message}" if message else code)
        self.code = code
        self.message = message
        self.retry_after = retry_after

    @property
    def retryable(self) -> bool:
        return self.code in RETRYABLE
