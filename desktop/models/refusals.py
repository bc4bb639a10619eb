"""Refusing a person and writing the refusal to the audit log: who tried what, and why not.

A use case refuses by raising :class:`desktop.models.staff.Refused` (``require_owner`` does).
The unit of work it happened in is rolled back, so the record is written afterwards in a unit
of its own by :func:`audited_refusals`, which every owner-only use case of the Desk runs in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.db import Database
from desktop.models.staff import Refused
from desktop.models.tables import Staff

REFUSED = "access.refused"


def record_refusal(
    session: Session, refusal: Refused, *, action: str, now: dt.datetime, **details: Any
) -> None:
    """Append ``access.refused``: the use case tried, the refusal code and its numbers."""
    actor = refusal.actor
    known = actor is not None and session.get(Staff, actor.staff_id) is not None
    body: dict[str, Any] = {
        "action": action,
        "code": refusal.code,
        "name": actor.name if actor else None,
        "role": actor.role if actor else None,
        **details,
        **{k: v for k, v in refusal.params.items() if isinstance(v, str | int | bool)},
    }
    if actor is not None and not known:
        body["staff"] = actor.staff_id  # not an account here: kept in the details only
    append_audit(
        session,
        action=REFUSED,
        staff_id=actor.staff_id if actor is not None and known else None,
        details=body,
        now=now,
    )
    refusal.audited = True


@contextmanager
def audited_refusals(
    db: Database, *, action: str, now: Callable[[], dt.datetime], **details: Any
) -> Iterator[None]:
    """Run an owner-only use case; a :class:`Refused` raised inside is written to the audit
    log (once, however deeply use cases nest) and raised again for the caller to show."""
    try:
        yield
    except Refused as refusal:
        if not refusal.audited:
            with db.write() as session:
                record_refusal(session, refusal, action=action, now=now(), **details)
        raise
