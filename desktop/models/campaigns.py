"""Campaigns: creating, editing and pausing them (owner only, audited), the Campaigns screen's
numbers, and the points-multiplier periods that record_sale applies.

A campaign is a coupon template (amount off, percent off, spend X save Y, gift), optionally
with an automatic trigger, or a points-multiplier *period* that is never issued as coupons.
Coupons copy their terms when issued, so editing a campaign never changes coupons already out.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.cache import cached, invalidate
from desktop.models.campaign_spec import (
    COUPON_KINDS,
    KINDS,
    TRIGGERS,
    CampaignKind,
    CampaignSpec,
    Trigger,
)
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.jsonutil import canonical_json
from desktop.models.staff import Actor, require_owner
from desktop.models.tables import Campaign as CampaignRow

__all__ = [
    "COUPON_KINDS",
    "KINDS",
    "STATES",
    "TRIGGERS",
    "Campaign",
    "CampaignKind",
    "CampaignSpec",
    "CampaignSummary",
    "Trigger",
    "active_multiplier",
    "campaign_summaries",
    "create_campaign",
    "get_campaign",
    "live_campaigns",
    "set_campaign_state",
    "update_campaign",
]

ACTIVE, PAUSED, ENDED = "active", "paused", "ended"
STATES = (ACTIVE, PAUSED, ENDED)
_LIVE_KEY = "live_campaigns"


@dataclass(frozen=True)
class Campaign:
    id: int
    spec: CampaignSpec
    state: str
    created_at: dt.datetime
    # Set on this shop's copy of a joint campaign: the alliance owns it, the shop only redeems.
    alliance_campaign_id: int | None = None

    def in_window(self, today: dt.date) -> bool:
        """Inside its fixed dates (a campaign valid N days from issue is always inside)."""
        spec = self.spec
        if spec.valid_from is None or spec.valid_to is None:
            return True
        return spec.valid_from <= today <= spec.valid_to

    def running(self, today: dt.date) -> bool:
        return self.state == ACTIVE and self.in_window(today)


@dataclass(frozen=True)
class CampaignSummary:
    """One row of the Campaigns screen."""

    id: int
    name: str
    kind: str
    state: str  # "active" | "paused" | "ended"
    trigger: str | None
    issued: int  # coupons issued (bearer + bound), voided ones included
    redeemed: int
    voided: int
    held_out: int  # members held out (segment issues and automatic rules)
    quota: int | None
    redemption_rate: float | None  # redeemed / (issued - voided); None when that is 0


def _to_campaign(row: CampaignRow) -> Campaign:
    spec = CampaignSpec.from_json(json.loads(row.spec))
    return Campaign(row.id, spec, row.state, row.created_at, row.alliance_campaign_id)


def _store_spec(row: CampaignRow, spec: CampaignSpec) -> None:
    row.name = " ".join(spec.name.split())
    row.kind = spec.kind
    row.trigger = spec.trigger
    row.spec = canonical_json(spec.to_json())
    row.valid_from = spec.valid_from
    row.valid_to = spec.valid_to


def _row(session: Session, campaign_id: int) -> CampaignRow:
    row = session.get(CampaignRow, campaign_id)
    if row is None:
        raise DomainError("campaign_not_found")
    return row


def _own_row(session: Session, campaign_id: int) -> CampaignRow:
    """A campaign this shop may change (not its copy of a joint campaign)."""
    row = _row(session, campaign_id)
    if row.alliance_campaign_id is not None:
        raise DomainError("alliance_campaign_server_owned")
    return row


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    return _to_campaign(_row(session, campaign_id))


def live_campaigns(session: Session) -> tuple[Campaign, ...]:
    """Campaigns not ended (active or paused), cached: the counter asks on every sale."""

    def load() -> tuple[Campaign, ...]:
        rows = session.execute(
            select(CampaignRow).where(CampaignRow.state != ENDED).order_by(CampaignRow.id)
        ).scalars()
        return tuple(_to_campaign(row) for row in rows)

    return cached(session, _LIVE_KEY, load)


def create_campaign(session: Session, *, spec: CampaignSpec, by: Actor, now: dt.datetime) -> int:
    """A new active campaign (owner only). Raises ``campaign_spec_invalid`` with every problem."""
    require_owner(by)
    spec.validate()
    row = CampaignRow(state=ACTIVE, created_at=now, created_by=by.staff_id, updated_at=now)
    _store_spec(row, spec)
    session.add(row)
    session.flush()
    invalidate(session, _LIVE_KEY)
    append_audit(
        session,
        action="campaign.created",
        staff_id=by.staff_id,
        details={"campaign": row.id, "spec": spec.to_json()},
        now=now,
    )
    emit_event(
        session,
        kind="campaign.created",
        payload={"campaign_id": row.id, "spec": spec.to_json()},
        now=now,
    )
    return row.id


def update_campaign(
    session: Session, *, campaign_id: int, spec: CampaignSpec, by: Actor, now: dt.datetime
) -> None:
    """Change a campaign's spec (owner only). Coupons already issued keep their own terms."""
    require_owner(by)
    row = _own_row(session, campaign_id)
    if row.state == ENDED:
        raise DomainError("campaign_ended")
    spec.validate()
    old = json.loads(row.spec)
    _store_spec(row, spec)
    row.updated_at = now
    invalidate(session, _LIVE_KEY)
    append_audit(
        session,
        action="campaign.updated",
        staff_id=by.staff_id,
        details={"campaign": campaign_id, "old": old, "new": spec.to_json()},
        now=now,
    )
    emit_event(
        session,
        kind="campaign.updated",
        payload={"campaign_id": campaign_id, "spec": spec.to_json()},
        now=now,
    )


def set_campaign_state(
    session: Session, *, campaign_id: int, state: str, by: Actor, now: dt.datetime
) -> None:
    """Pause, resume or end a campaign (owner only). Ended is final."""
    require_owner(by)
    if state not in STATES:
        raise DomainError("campaign_state_invalid", state=state)
    row = _own_row(session, campaign_id)
    if row.state == state:
        return
    if row.state == ENDED:
        raise DomainError("campaign_ended")
    old, row.state, row.updated_at = row.state, state, now
    invalidate(session, _LIVE_KEY)
    append_audit(
        session,
        action="campaign.state_changed",
        staff_id=by.staff_id,
        details={"campaign": campaign_id, "old": old, "new": state},
        now=now,
    )
    emit_event(
        session,
        kind="campaign.state_changed",
        payload={"campaign_id": campaign_id, "state": state},
        now=now,
    )


_SUMMARY_SQL = text(
    "SELECT c.id, c.name, c.kind, c.state, c.trigger, c.spec,"
    " COALESCE(k.issued, 0) AS issued, COALESCE(k.redeemed, 0) AS redeemed,"
    " COALESCE(k.voided, 0) AS voided,"
    " (SELECT count(*) FROM coupon_holdout h WHERE h.campaign_id = c.id) AS held_out"
    " FROM campaign c LEFT JOIN ("
    "  SELECT campaign_id, count(*) AS issued,"
    "   SUM(CASE WHEN state = 'redeemed' THEN 1 ELSE 0 END) AS redeemed,"
    "   SUM(CASE WHEN state = 'void' THEN 1 ELSE 0 END) AS voided"
    "  FROM coupon GROUP BY campaign_id) k ON k.campaign_id = c.id"
    " WHERE (c.state != 'ended' OR :ended)"
    " AND c.alliance_campaign_id IS NULL"  # this shop's copies of joint campaigns are not its own
    " ORDER BY CASE c.state WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, c.id DESC"
)


def campaign_summaries(session: Session, *, include_ended: bool = True) -> list[CampaignSummary]:
    """Every campaign of this shop with its counts, by SQL aggregates (coupons are never
    loaded). Joint campaigns are listed from the alliance (desktop.sync.campaigns)."""
    rows = session.execute(_SUMMARY_SQL, {"ended": include_ended}).all()
    out = []
    for r in rows:
        usable = int(r.issued) - int(r.voided)
        out.append(
            CampaignSummary(
                id=r.id,
                name=r.name,
                kind=r.kind,
                state=r.state,
                trigger=r.trigger,
                issued=int(r.issued),
                redeemed=int(r.redeemed),
                voided=int(r.voided),
                held_out=int(r.held_out),
                quota=json.loads(r.spec).get("quota"),
                redemption_rate=int(r.redeemed) / usable if usable > 0 else None,
            )
        )
    return out


def active_multiplier(session: Session, *, today: dt.date) -> Campaign | None:
    """The points-multiplier period in force today with the highest multiplier, if any."""
    running = [
        c
        for c in live_campaigns(session)
        if c.spec.kind == "points_multiplier" and c.running(today)
    ]
    return max(running, key=lambda c: (c.spec.multiplier_tenths, -c.id), default=None)
