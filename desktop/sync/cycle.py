"""One sync: push what waits, then pull what changed. What the CLI and the worker run."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from desktop.models.db import Database
from desktop.models.shop import get_setting
from desktop.models.tables import SyncConflict
from desktop.sync import state
from desktop.sync.errors import SyncError
from desktop.sync.http import AllianceClient
from desktop.sync.pull import pull_all
from desktop.sync.push import push_pending

log = logging.getLogger(__name__)


@dataclass
class SyncReport:
    ok: bool = False
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    requests: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "pushed": self.pushed,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "errors": self.errors,
        }

    @property
    def retryable(self) -> bool:
        return bool(self.errors) and all(e.get("retryable") for e in self.errors)


def client_for(db: Database, **kwargs: Any) -> AllianceClient:
    """A client authenticated as this device; SyncError when not paired."""
    with db.read() as s:
        if get_setting(s, state.REENROL_REQUIRED, False):
            raise SyncError("reenrol_required", "this database was restored; pair it again")
        pairing = state.pairing(s)
    if pairing is None:
        raise SyncError("not_paired", "this shop has not joined an alliance")
    credential = state.open_credential(db.path, pairing.credential_sealed)
    return AllianceClient(
        pairing.server_url, credential=credential, ca_file=pairing.ca_file, **kwargs
    )


def run_cycle(
    db: Database,
    *,
    clock: Callable[[], dt.datetime],
    client: AllianceClient | None = None,
) -> SyncReport:
    report = SyncReport()
    error: SyncError | None = None
    try:
        own = client is None
        client = client or client_for(db)
        try:
            before = _conflict_count(db)
            pushed = push_pending(db, client, clock=clock)
            report.pushed = pushed.pushed
            pulled = pull_all(db, client)
            report.pulled = pulled.pulled
            if pulled.new_epoch:  # what the restored server lost goes up again
                report.pushed += push_pending(db, client, clock=clock).pushed
            report.conflicts = _conflict_count(db) - before
        finally:
            report.requests = client.requests_made
            if own:
                client.close()
    except SyncError as exc:
        error = exc
        found: dict[str, Any] = {"code": exc.code, "message": exc.message}
        found["retryable"] = exc.retryable
        if exc.retry_after is not None:  # the server said when to come back
            found["retry_after"] = exc.retry_after
        report.errors.append(found)
        log.warning("sync failed: %s", exc)
    report.ok = error is None
    if error is None or error.code not in ("not_paired", "reenrol_required"):
        with db.write() as s:
            state.record_attempt(s, now=clock(), error=error)
    return report


def _conflict_count(db: Database) -> int:
    with db.read() as s:
        return s.execute(select(func.count()).select_from(SyncConflict)).scalar_one()
