"""Redeeming alliance points at a counter that cannot ask the server (DESIGN §5).

The counter never waits for the network, so every redemption of a member who shares with the
alliance is made against the last pulled snapshot: it is an offline redemption until a sync
brings it into the snapshot. The risk is bounded by the alliance's policy (setting
``sync.policy``, DESIGN §5 defaults):

* the snapshot must be at most ``offline_snapshot_max_age_hours`` old (the last successful
  sync, ``sync.last_ok_at``; never synced = too old);
* no redemption while the last snapshot says the member owes points;
* the effective balance (snapshot + what this counter did since) must cover it;
* per member at this counter per day, at most ``offline_redeem_points_per_member_shop_day``
  points in at most ``offline_redemptions_per_member_shop_day`` redemptions not yet synced;
* per counter, at most ``offline_unsynced_redeemed_points_per_device`` points redeemed and
  not yet synced, over all alliance members.

"Connect to redeem" means a sync: it takes this counter's redemptions into the snapshot, so
they stop counting, and refreshes the balance and the debt. A shop outside an alliance, and a
member who does not share, keep the local ledger and none of these limits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from desktop.models.alliance_balance import pending_points, standing
from desktop.models.clock import parse_utc
from desktop.models.errors import DomainError
from desktop.models.points import balance_info
from desktop.models.shop import get_setting
from desktop.models.tables import Member

POLICY_SETTING = "sync.policy"
LAST_OK_SETTING = "sync.last_ok_at"


@dataclass(frozen=True)
class Policy:
    snapshot_max_age_hours: int = 72
    points_per_member_day: int = 300
    redemptions_per_member_day: int = 2
    unsynced_points_per_device: int = 3000


_KEYS = {
    "offline_snapshot_max_age_hours": "snapshot_max_age_hours",
    "offline_redeem_points_per_member_shop_day": "points_per_member_day",
    "offline_redemptions_per_member_shop_day": "redemptions_per_member_day",
    "offline_unsynced_redeemed_points_per_device": "unsynced_points_per_device",
}


def policy_from(raw: Any) -> Policy:
    """The alliance's numbers; a missing or malformed one keeps its default."""
    values: dict[str, int] = {}
    if isinstance(raw, dict):
        for key, field in _KEYS.items():
            value = raw.get(key)
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                values[field] = value
    return Policy(**values)


@dataclass(frozen=True)
class RedeemFacts:
    """What the counter knows when a member asks to redeem ``points``."""

    points: int
    effective_balance: int
    debt: int
    snapshot_age: dt.timedelta | None  # since the last successful sync; None: never
    member_day_points: int  # unsynced points this member redeemed here today
    member_day_count: int  # and in how many redemptions
    device_points: int  # unsynced points this counter redeemed, all alliance members


def refusal(policy: Policy, f: RedeemFacts) -> DomainError | None:
    """The first limit the redemption breaks, or None. Pure."""
    max_age = dt.timedelta(hours=policy.snapshot_max_age_hours)
    if f.snapshot_age is None or f.snapshot_age > max_age:
        return DomainError(
            "offline_snapshot_stale",
            hours=policy.snapshot_max_age_hours,
            never=f.snapshot_age is None,
        )
    if f.debt > 0:
        return DomainError("offline_member_debt", debt=f.debt)
    if f.points > f.effective_balance:
        return DomainError(
            "insufficient_points", balance=max(f.effective_balance, 0), needed=f.points
        )
    if f.member_day_count + 1 > policy.redemptions_per_member_day:
        return DomainError("offline_member_day_count", limit=policy.redemptions_per_member_day)
    if f.member_day_points + f.points > policy.points_per_member_day:
        return DomainError(
            "offline_member_day_points",
            limit=policy.points_per_member_day,
            left=max(policy.points_per_member_day - f.member_day_points, 0),
        )
    if f.device_points + f.points > policy.unsynced_points_per_device:
        return DomainError(
            "offline_device_points",
            limit=policy.unsynced_points_per_device,
            left=max(policy.unsynced_points_per_device - f.device_points, 0),
        )
    return None


def snapshot_age(session: Session, *, now: dt.datetime) -> dt.timedelta | None:
    at = parse_utc(get_setting(session, LAST_OK_SETTING))
    return None if at is None else now - at


def _alliance_members(session: Session, ids: set[int]) -> set[int]:
    if not ids:
        return set()
    rows = session.execute(
        select(Member.id).where(
            Member.id.in_(bindparam("ids", expanding=True)),
            (Member.alliance_shop_id.is_not(None)) | (Member.sharing_consent.is_(True)),
        ),
        {"ids": sorted(ids)},
    )
    return set(rows.scalars())


def redeem_facts(
    session: Session, member: Member, *, points: int, now: dt.datetime, today: dt.date
) -> RedeemFacts | None:
    """None when the policy does not apply (no alliance, or a member who does not share)."""
    local = balance_info(session, member.id, today=today).balance
    status = standing(session, member, local_balance=local)
    if status is None:
        return None
    redeemed = [p for p in pending_points(session) if p.redeemed > 0]
    alliance = _alliance_members(session, {p.member_id for p in redeemed})
    mine_today = [p for p in redeemed if p.member_id == member.id and p.day == today.isoformat()]
    return RedeemFacts(
        points=points,
        effective_balance=status.effective_balance,
        debt=status.debt,
        snapshot_age=snapshot_age(session, now=now),
        member_day_points=sum(p.redeemed for p in mine_today),
        member_day_count=len(mine_today),
        device_points=sum(p.redeemed for p in redeemed if p.member_id in alliance),
    )


def check_redemption(
    session: Session, member: Member, *, points: int, now: dt.datetime, today: dt.date
) -> int | None:
    """Refuse (``DomainError``) a redemption the policy does not allow. Returns the balance
    it was checked against, or None when the policy does not apply (use the local ledger)."""
    facts = redeem_facts(session, member, points=points, now=now, today=today)
    if facts is None:
        return None
    refused = refusal(policy_from(get_setting(session, POLICY_SETTING)), facts)
    if refused is not None:
        raise refused
    return facts.effective_balance
