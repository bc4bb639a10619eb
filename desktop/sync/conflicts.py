"""What the alliance settled differently from what this counter did offline, as the shop sees it.

Push stores one ``sync_conflict`` row per conflict or refusal the server reported (see
``desktop.sync.push``). Here those rows become plain facts for the conflicts screen: the reason
code, what the server settled (who bears it), the amounts and points, the member, the coupon
and the local sale it concerns, and when it happened and was found. The words come from the
screen; every fact it needs is a field here.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.models.clock import DEFAULT_TZ, local_time
from desktop.models.db import Database
from desktop.models.shop import is_set_up, shop_profile
from desktop.models.tables import Event, Member, Sale, SyncConflict
from desktop.sync import state

PAGE = 50

# Every reason the alliance server gives (alliance/sync/rules.py, alliance/ledger.py).
# Applied, then settled: the counter's fact stands, the alliance booked it its own way.
SETTLED = (
    "coupon_already_redeemed",
    "coupon_void",
    "shop_not_participating",
    "coupon_out_of_dates",
    "overspend",
    "duplicate_enrolment",
    "reversal_exceeds_original",
)
# Refused for good: the alliance did not apply the event at all.
REFUSED = (
    "member_not_shared",
    "not_home_shop",
    "member_id_taken",
    "member_erased",
    "consent_kind_invalid",
    "duplicate_sale",
    "already_refunded",
    "reversal_exceeds_original",
    "adjustment_invalid",
    "duplicate_entry",
    "already_reversed",
    "server_owned",
    "unknown_kind",
    "invalid_payload",
    "constraint_violation",
)
# Conflicts whose cost lands on this shop when the settlement is not "alliance".
COUPON_REASONS = frozenset(
    {"coupon_already_redeemed", "coupon_void", "shop_not_participating", "coupon_out_of_dates"}
)


@dataclass(frozen=True)
class Conflict:
    """One thing the alliance settled differently. Amounts in fen, points in points."""

    id: int
    reason: str
    outcome: str  # applied_with_conflict | rejected
    event_kind: str
    settlement: str | None  # alliance | shop | shop_bears | member_debt | merged | as_recorded
    found_at: dt.datetime  # shop's local time
    happened_at: dt.datetime | None  # when the counter recorded it (local time)
    seen: bool
    amount_fen: int = 0  # a coupon's discount at stake
    points: int = 0  # points redeemed (overspend) or moved (merge)
    owed_points: int = 0  # overspend: what the member now owes
    balance_before: int | None = None
    balance_after: int | None = None
    member_id: int | None = None
    member_name: str | None = None  # when the member is this shop's own (and not erased)
    merged_into: int | None = None
    coupon_id: int | None = None
    other_shop_id: int | None = None  # the shop that used the coupon first
    honoured_here: bool = False  # ... and that was this very shop (another counter)
    sale: str | None = None
    sale_id: int | None = None  # the local sale (receipt) number
    sale_amount_fen: int | None = None
    day: dt.date | None = None
    entry_kind: str | None = None  # unknown_kind: the event kind the server did not know
    fields: tuple[str, ...] = ()  # invalid_payload: the fields it could not read
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def shop_bears(self) -> bool:
        """True when this shop carries the coupon's discount itself."""
        if self.reason in ("shop_not_participating", "coupon_out_of_dates"):
            return True
        if self.reason in ("coupon_already_redeemed", "coupon_void"):
            return self.settlement != "alliance"
        return False


@dataclass(frozen=True)
class ConflictPage:
    items: list[Conflict]
    total: int
    unseen: int
    offset: int
    has_more: bool


def list_conflicts(db: Database, *, offset: int = 0, limit: int = PAGE) -> ConflictPage:
    """Newest first, one page."""
    with db.read() as s:
        tz = shop_profile(s).timezone if is_set_up(s) else DEFAULT_TZ
        pairing = state.pairing(s)
        own_shop = pairing.shop_id if pairing is not None else None
        total = s.execute(select(func.count()).select_from(SyncConflict)).scalar_one()
        rows = list(
            s.execute(
                select(SyncConflict, Event)
                .outerjoin(Event, Event.id == SyncConflict.event_id)
                .order_by(SyncConflict.found_at.desc(), SyncConflict.id.desc())
                .offset(max(offset, 0))
                .limit(max(limit, 1))
            ).all()
        )
        items = [_conflict(s, row, event, tz=tz, own_shop=own_shop) for row, event in rows]
        return ConflictPage(
            items=items,
            total=total,
            unseen=_unseen(s),
            offset=offset,
            has_more=offset + len(items) < total,
        )


def unseen_count(db: Database) -> int:
    with db.read() as s:
        return _unseen(s)


def mark_seen(db: Database, *, now: dt.datetime, ids: list[int] | None = None) -> int:
    """Mark these conflicts (all when ``ids`` is None) as read; returns how many changed."""
    with db.write() as s:
        query = update(SyncConflict).where(SyncConflict.seen_at.is_(None))
        if ids is not None:
            query = query.where(SyncConflict.id.in_(ids))
        changed: int = s.execute(query.values(seen_at=now)).rowcount  # type: ignore[attr-defined]
        return changed


def _unseen(session: Session) -> int:
    return session.execute(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.seen_at.is_(None))
    ).scalar_one()


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _conflict(
    session: Session, row: SyncConflict, event: Event | None, *, tz: str, own_shop: int | None
) -> Conflict:
    try:
        stored = json.loads(row.detail)
    except ValueError:
        stored = {}
    stored = stored if isinstance(stored, dict) else {}
    # A refusal keeps the server's detail under "detail"; a conflict is the detail itself.
    detail = stored.get("detail") if row.outcome == "rejected" else stored
    detail = detail if isinstance(detail, dict) else {}
    payload: dict[str, Any] = {}
    if event is not None:
        try:
            loaded = json.loads(event.payload)
            payload = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            payload = {}
    member_id = _int(detail.get("member_id")) or _int(payload.get("member_id"))
    coupon_id = _int(detail.get("coupon_id")) or _int(payload.get("coupon_id"))
    sale_uid = payload.get("sale") if isinstance(payload.get("sale"), str) else None
    sale = (
        session.execute(select(Sale).where(Sale.uid == sale_uid)).scalar()
        if sale_uid is not None
        else None
    )
    other = _int(detail.get("honoured_at_shop"))
    amount = _int(detail.get("amount")) or 0
    overspend = row.reason == "overspend"
    day = _day(payload.get("day"))
    fields = detail.get("fields")
    return Conflict(
        id=row.id,
        reason=row.reason,
        outcome=row.outcome,
        event_kind=row.event_kind,
        settlement=str(detail["settlement"]) if detail.get("settlement") else None,
        found_at=local_time(row.found_at, tz),
        happened_at=local_time(event.created_at, tz) if event is not None else None,
        seen=row.seen_at is not None,
        amount_fen=0
        if overspend or row.reason == "duplicate_enrolment"
        else amount or (_int(payload.get("discount_fen")) or 0),
        points=_int(detail.get("points")) or 0,
        owed_points=amount if overspend else 0,
        balance_before=_int(detail.get("balance_before")),
        balance_after=_int(detail.get("balance_after")),
        member_id=member_id,
        member_name=_member_name(session, member_id),
        merged_into=_int(detail.get("merged_into")),
        coupon_id=coupon_id,
        other_shop_id=other,
        honoured_here=other is not None and other == own_shop,
        sale=sale_uid,
        sale_id=sale.id if sale is not None else None,
        sale_amount_fen=sale.amount_fen if sale is not None else _int(payload.get("amount_fen")),
        day=day or (sale.local_day if sale is not None else None),
        entry_kind=str(detail["kind"])
        if row.reason == "unknown_kind" and "kind" in detail
        else None,
        fields=tuple(str(f) for f in fields) if isinstance(fields, list) else (),
        detail=detail,
    )


def _member_name(session: Session, member_id: int | None) -> str | None:
    if member_id is None:
        return None
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        return None
    return member.name


def _day(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
