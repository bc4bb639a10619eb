"""What a member who shares with the alliance has, as this counter can know it offline.

The alliance's snapshot of the member (``alliance_member``, pulled) already holds every shop's
points up to its ``server_seq``. This counter adds its own events the snapshot cannot include
yet: those not acknowledged by the server, and those the server numbered above the feed
position this counter has pulled to (``sync.pull_since``). A snapshot is stored together with
the cursor after it, so an event at or below the cursor is in the member's snapshot — except
for the moment between another shop rewriting that member and this counter's next pull.

The delta of an event is what the server does with it (docs/sync.md), read from the payload.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from desktop.models.points import balance_info
from desktop.models.shop import get_setting
from desktop.models.tables import AllianceMember, Member

PAIRING_SETTING = "sync.pairing"
PULL_SINCE_SETTING = "sync.pull_since"
POINT_KINDS = (
    "sale.recorded",
    "sale.refunded",
    "checkin.recorded",
    "points.adjusted",
    "member.enrolled",
    "member.imported",
    "points.expired",
)

# Not yet acknowledged (the partial index), or numbered above the pulled cursor; a rejected
# event changed nothing on the server.
_PENDING_SQL = text(
    "SELECT kind, payload FROM event WHERE acked_at IS NULL AND kind IN :kinds"
    " UNION ALL SELECT kind, payload FROM event"
    " WHERE server_seq > :since AND kind IN :kinds"
    " AND (outcome IS NULL OR outcome != 'rejected')"
).bindparams(bindparam("kinds", expanding=True))
# The same for one member, in parts each index can answer (ix_event_waiting_member,
# ix_event_waiting_kind, ix_event_server_seq): a scan never reads the whole unsent backlog.
_PENDING_MEMBER_SQL = text(
    "SELECT kind, payload FROM event WHERE acked_at IS NULL"
    " AND json_extract(payload, '$.member_id') = :m AND kind IN :kinds"
    " UNION ALL SELECT kind, payload FROM event"
    " WHERE acked_at IS NULL AND kind = 'points.expired'"
    " UNION ALL SELECT kind, payload FROM event"
    " WHERE server_seq > :since AND kind IN :kinds"
    " AND (outcome IS NULL OR outcome != 'rejected')"
    " AND (json_extract(payload, '$.member_id') = :m OR kind = 'points.expired')"
).bindparams(bindparam("kinds", expanding=True))


@dataclass(frozen=True)
class AllianceShop:
    """This shop's place in its alliance (from the pairing)."""

    alliance_id: int
    shop_id: int


@dataclass(frozen=True)
class PendingPoints:
    """One member's movement in one event this counter made that the snapshot lacks."""

    member_id: int
    delta: int
    redeemed: int  # points redeemed at a sale (0 otherwise)
    day: str  # the sale's shop day (ISO), "" when not a sale


@dataclass(frozen=True)
class Standing:
    """The alliance balance of a member who shares with the alliance."""

    member_id: int
    snapshot: bool  # False: the alliance has not sent this member yet (local ledger only)
    effective_balance: int
    debt: int  # what the last snapshot says the member owes (repaid only once synced)
    home_shop_id: int | None


def alliance_shop(session: Session) -> AllianceShop | None:
    """None while the shop is not in an alliance."""
    raw = get_setting(session, PAIRING_SETTING)
    if not isinstance(raw, dict):
        return None
    try:
        return AllianceShop(int(raw["alliance_id"]), int(raw["shop_id"]))
    except (KeyError, TypeError, ValueError):
        return None


def is_alliance_member(member: Member) -> bool:
    """A member of another alliance shop served here, or one of ours who shares."""
    return member.alliance_shop_id is not None or bool(member.sharing_consent)


def _movements(kind: str, payload: dict[str, Any]) -> Iterator[PendingPoints]:
    def num(name: str) -> int:
        value = payload.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    if kind == "points.expired":
        for pair in payload.get("members") or []:
            if isinstance(pair, list) and len(pair) == 2:
                yield PendingPoints(int(pair[0]), -int(pair[1]), 0, "")
        return
    member_id = payload.get("member_id")
    if not isinstance(member_id, int):
        return
    if kind == "sale.recorded":
        redeemed = num("points_redeemed")
        day = str(payload.get("day") or "")
        yield PendingPoints(member_id, num("points_earned") - redeemed, redeemed, day)
    elif kind == "sale.refunded":
        yield PendingPoints(member_id, num("points_returned") - num("points_taken_back"), 0, "")
    elif kind in ("checkin.recorded", "points.adjusted"):
        yield PendingPoints(member_id, num("points"), 0, "")
    elif kind in ("member.enrolled", "member.imported"):
        yield PendingPoints(member_id, num("opening_points"), 0, "")


def pending_points(session: Session, member_id: int | None = None) -> list[PendingPoints]:
    """This counter's point movements the pulled snapshots do not include (of one member)."""
    since = int(get_setting(session, PULL_SINCE_SETTING, 0) or 0)
    params: dict[str, Any] = {"since": since, "kinds": list(POINT_KINDS)}
    sql = _PENDING_SQL
    if member_id is not None:
        sql, params["m"] = _PENDING_MEMBER_SQL, member_id
    found: list[PendingPoints] = []
    for kind, payload in session.execute(sql, params).all():
        data = json.loads(payload)
        if isinstance(data, dict):
            found.extend(_movements(str(kind), data))
    return [p for p in found if member_id is None or p.member_id == member_id]


def snapshot_of(session: Session, member_id: int) -> AllianceMember | None:
    """The member's latest snapshot, following a merge into another member once."""
    snap = session.get(AllianceMember, member_id)
    if snap is not None and snap.merged_into is not None:
        return session.get(AllianceMember, snap.merged_into) or snap
    return snap


def standing(session: Session, member: Member, *, local_balance: int) -> Standing | None:
    """The member's alliance balance; None when the alliance does not apply (the shop is
    not in one, or the member does not share with it): the local ledger is the balance."""
    if alliance_shop(session) is None or not is_alliance_member(member):
        return None
    snap = snapshot_of(session, member.id)
    if snap is None:
        # Not sent down yet: one of ours (the local ledger holds all there is) or a member of
        # another shop whose snapshot was withdrawn (only what happened here counts).
        own = member.alliance_shop_id is None
        pending = sum(p.delta for p in pending_points(session, member.id))
        balance = local_balance if own else pending
        return Standing(member.id, False, balance, 0, member.alliance_shop_id)
    pending = sum(p.delta for p in pending_points(session, member.id))
    return Standing(member.id, True, snap.balance + pending, max(snap.debt, 0), snap.home_shop_id)


def shown_balance(session: Session, member_id: int, *, today: dt.date) -> int:
    """The balance the counter shows: the alliance's for a member who shares, else local."""
    local = balance_info(session, member_id, today=today).balance
    member = session.get(Member, member_id)
    status = None if member is None else standing(session, member, local_balance=local)
    return local if status is None else status.effective_balance
