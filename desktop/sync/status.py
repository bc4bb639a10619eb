"""Where this counter stands with its alliance, as the status bar and Settings show it.

``stale`` decides the counter's OFFLINE banner. It is set when the shop is in an alliance and
its last good sync is older than the alliance's ``offline_snapshot_max_age_hours`` policy
figure (DESIGN §5: past that age the member balances this counter holds are too old to redeem
alliance points offline), capped at :data:`BANNER_AFTER` (24 h) so a counter that has been cut
off for a day says so even under a lenient policy; never synced counts as stale. Reads only
indexed or tiny things (settings, the partial index ``ix_event_waiting``), so it can run every
few seconds beside the counter, on any thread; the waiting count stops at
:data:`WAITING_CAP` + 1, so a long-unsynced outbox costs no more than a short one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop.models.clock import parse_utc
from desktop.models.db import Database
from desktop.models.shop import get_setting, is_set_up, shop_profile
from desktop.models.tables import Event, SyncConflict
from desktop.sync import state

BANNER_AFTER = dt.timedelta(hours=24)
SNAPSHOT_MAX_AGE = dt.timedelta(hours=72)  # DESIGN §5, when the policy has no figure
POLICY_HOURS = "offline_snapshot_max_age_hours"
WAITING_CAP = 10_000  # counted up to here: the status bar says "10000+" past it


@dataclass(frozen=True)
class SyncStatus:
    paired: bool
    reenrol_required: bool = False
    alliance_name: str = ""
    shop_name: str = ""
    server_url: str = ""
    device_id: str = ""
    last_ok_at: dt.datetime | None = None  # naive UTC
    last_attempt_at: dt.datetime | None = None
    last_error: str | None = None  # the code of the last attempt's failure
    last_error_message: str = ""
    waiting: int = 0
    conflicts_unseen: int = 0
    stale: bool = False
    stale_after: dt.timedelta = BANNER_AFTER
    timezone: str = "Asia/Shanghai"

    @property
    def online(self) -> bool:
        """The last attempt went through (nothing is known before the first one)."""
        return self.paired and self.last_attempt_at is not None and self.last_error is None


def stale_after(policy: Any) -> dt.timedelta:
    """The age at which the banner shows: the policy's snapshot age, at most 24 h."""
    limit = SNAPSHOT_MAX_AGE
    hours = policy.get(POLICY_HOURS) if isinstance(policy, dict) else None
    if isinstance(hours, int | float) and not isinstance(hours, bool) and hours > 0:
        limit = dt.timedelta(hours=float(hours))
    return min(limit, BANNER_AFTER)


def sync_status(db: Database, *, now: dt.datetime) -> SyncStatus:
    with db.read() as s:
        timezone = shop_profile(s).timezone if is_set_up(s) else "Asia/Shanghai"
        restored = bool(get_setting(s, state.REENROL_REQUIRED, False))
        pairing = state.pairing(s)
        if pairing is None and not restored:  # a shop on its own: nothing waits for anyone
            return SyncStatus(paired=False, timezone=timezone)
        first = select(Event.id).where(Event.acked_at.is_(None)).limit(WAITING_CAP + 1)
        waiting = s.execute(select(func.count()).select_from(first.subquery())).scalar_one()
        if pairing is None or restored:
            return SyncStatus(
                paired=False, reenrol_required=True, waiting=waiting, timezone=timezone
            )
        unseen = s.execute(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.seen_at.is_(None))
        ).scalar_one()
        last_ok = parse_utc(get_setting(s, state.LAST_OK))
        last_attempt = parse_utc(get_setting(s, state.LAST_ATTEMPT))
        error = get_setting(s, state.LAST_ERROR)
        limit = stale_after(get_setting(s, state.POLICY))
    code = str(error.get("code", "")) if isinstance(error, dict) else None
    return SyncStatus(
        paired=True,
        alliance_name=pairing.alliance_name,
        shop_name=pairing.shop_name,
        server_url=pairing.server_url,
        device_id=pairing.device_id,
        last_ok_at=last_ok,
        last_attempt_at=last_attempt,
        last_error=code or None,
        last_error_message=str(error.get("message", "")) if isinstance(error, dict) else "",
        waiting=waiting,
        conflicts_unseen=unseen,
        stale=last_ok is None or now - last_ok > limit,
        stale_after=limit,
        timezone=timezone,
    )
