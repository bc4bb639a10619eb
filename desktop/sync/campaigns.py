"""Joint campaigns as this shop sees them: the pulled snapshots, plus the live calls.

The list comes from the ``campaign`` snapshots the pull keeps (``alliance_entity``), so it shows
without a network. ``refresh`` asks the server for the current list, ``set_taking_part`` opts
this shop in or out (the owner only) and ``own_results`` fetches this shop's part of the
results; those three are network calls and must run off the GUI thread. A successful call
updates the local snapshot at once, so the screen agrees with the server before the next pull.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.models.campaign_spec import CampaignSpec
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.jsonutil import canonical_json
from desktop.models.staff import Actor, require_owner
from desktop.models.tables import AllianceEntity
from desktop.sync import state
from desktop.sync.cycle import client_for
from desktop.sync.errors import SyncError
from desktop.sync.http import AllianceClient


@dataclass(frozen=True)
class Membership:
    """The alliance this shop belongs to (None from ``membership`` when it is in none)."""

    alliance_id: int
    alliance_name: str
    shop_id: int
    shop_name: str


@dataclass(frozen=True)
class JointCampaign:
    id: int
    name: str
    state: str  # active | paused | ended
    spec: CampaignSpec | None  # None when this app cannot read the operator's spec
    shops: tuple[int, ...]  # the shops taking part
    taking_part: bool  # this shop is one of them


@dataclass(frozen=True)
class ShopResults:
    """This shop's own part of a joint campaign's results (the server's figures)."""

    campaign_id: int
    taking_part: bool
    redeemed: int
    conflicts: int
    discount_fen: int
    sales_fen: int


def membership(db: Database) -> Membership | None:
    with db.read() as s:
        pairing = state.pairing(s)
    if pairing is None:
        return None
    return Membership(
        pairing.alliance_id, pairing.alliance_name, pairing.shop_id, pairing.shop_name
    )


def joint_campaigns(db: Database) -> list[JointCampaign]:
    """From the pulled snapshots (no network): running ones first, then by id."""
    with db.read() as s:
        pairing = state.pairing(s)
        if pairing is None:
            return []
        rows = s.execute(select(AllianceEntity).where(AllianceEntity.kind == "campaign"))
        found = [_campaign(json.loads(r.data), own=pairing.shop_id) for r in rows.scalars()]
    campaigns = [c for c in found if c is not None]
    return sorted(campaigns, key=lambda c: (c.state == "ended", c.id))


def refresh(db: Database, client: AllianceClient | None = None) -> list[JointCampaign]:
    """Ask the server for the current list and keep it as the snapshots. Network."""
    with _client(db, client) as live:
        items = live.campaigns()
    with db.write() as s:
        own = _own_shop(s)
        for item in items:
            campaign_id = item.get("campaign")
            if not isinstance(campaign_id, int):
                continue
            _store(s, campaign_id, own=own, join=bool(item.get("opted_in")), live=item)
    return joint_campaigns(db)


def set_taking_part(
    db: Database,
    campaign_id: int,
    *,
    join: bool,
    by: Actor | None,
    client: AllianceClient | None = None,
) -> JointCampaign | None:
    """Opt this shop in (``join``) or out: the owner only. Network.

    A campaign that has ended raises ``SyncError("campaign_ended")``; nothing changes then."""
    require_owner(by)
    with _client(db, client) as live:
        live.opt_in(campaign_id, join=join)
    with db.write() as s:
        _store(s, campaign_id, own=_own_shop(s), join=join)
    return next((c for c in joint_campaigns(db) if c.id == campaign_id), None)


def own_results(
    db: Database, campaign_id: int, client: AllianceClient | None = None
) -> ShopResults:
    """This shop's part of the campaign's results, from the server. Network."""
    with _client(db, client) as live:
        answer = live.campaign_results(campaign_id)
    with db.read() as s:
        own = _own_shop(s)
    shops = answer.get("shops")
    mine = (
        next(
            (p for p in shops if isinstance(p, dict) and p.get("shop") == own),
            None,
        )
        if isinstance(shops, list)
        else None
    )
    if mine is None:
        raise SyncError("bad_answer", "the results do not include this shop")

    def number(key: str) -> int:
        value = mine.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    return ShopResults(
        campaign_id=campaign_id,
        taking_part=bool(mine.get("opted_in")),
        redeemed=number("redeemed"),
        conflicts=number("conflicts"),
        discount_fen=number("discount_fen"),
        sales_fen=number("sales_fen"),
    )


# -- snapshots -----------------------------------------------------------------------------


def _campaign(data: Any, *, own: int) -> JointCampaign | None:
    if not isinstance(data, dict) or not isinstance(data.get("campaign_id"), int):
        return None
    try:
        spec: CampaignSpec | None = CampaignSpec.from_json(data.get("spec"))  # type: ignore[arg-type]
    except DomainError:
        spec = None
    shops = tuple(s for s in data.get("shops") or [] if isinstance(s, int))
    return JointCampaign(
        id=data["campaign_id"],
        name=str(data.get("name") or (spec.name if spec else "")),
        state=str(data.get("state") or "active"),
        spec=spec,
        shops=shops,
        taking_part=own in shops,
    )


def _store(
    session: Session,
    campaign_id: int,
    *,
    own: int,
    join: bool,
    live: dict[str, Any] | None = None,
) -> None:
    """Write this shop's participation (and the live fields) into the snapshot. A snapshot
    the feed has not brought yet is created with seq 0: the next pull replaces it."""
    key = f"campaign:{campaign_id}"
    row = session.get(AllianceEntity, key)
    data: dict[str, Any] = json.loads(row.data) if row is not None else {}
    if row is None and live is None:
        return  # not known here at all: the next pull brings it
    data["campaign_id"] = campaign_id
    if live is not None:
        for name in ("name", "state", "spec"):
            if name in live:
                data[name] = live[name]
    shops = {s for s in data.get("shops") or [] if isinstance(s, int)}
    shops = shops | {own} if join else shops - {own}
    data["shops"] = sorted(shops)
    values = {"kind": "campaign", "data": canonical_json(data)}
    session.execute(
        insert(AllianceEntity)
        .values(key=key, server_seq=row.server_seq if row is not None else 0, **values)
        .on_conflict_do_update(index_elements=["key"], set_=values)
    )


def _own_shop(session: Session) -> int:
    pairing = state.pairing(session)
    if pairing is None:
        raise SyncError("not_paired", "this shop has not joined an alliance")
    return pairing.shop_id


class _client:
    """The given client (left open) or one of this device's own (closed after use)."""

    def __init__(self, db: Database, client: AllianceClient | None) -> None:
        self._given = client
        self._db = db
        self._own: AllianceClient | None = None

    def __enter__(self) -> AllianceClient:
        if self._given is not None:
            return self._given
        self._own = client_for(self._db)
        return self._own

    def __exit__(self, *_exc: object) -> None:
        if self._own is not None:
            self._own.close()
