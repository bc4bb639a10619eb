"""The change feed that devices pull, and the snapshots it carries.

Every writing transaction of an alliance first locks that alliance's ``feed_counter`` row
(``SELECT … FOR UPDATE``; SQLite's ``BEGIN IMMEDIATE`` serialises anyway) and takes its
``server_seq`` numbers from it. The lock is held until commit, so a lower number can never
commit after a higher one and a reader that has seen N has seen everything up to N.

The feed keeps the latest state of each entity per audience: republishing deletes the old row
and inserts a new one with a higher seq. Snapshots are rendered once per transaction, at
:meth:`Publisher.flush`, from the rows as they are then, and written set-based when the feed
closes: one DELETE per audience of the rows they replace, one multi-row INSERT.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from alliance.bulk import insert_rows, one_of, update_rows
from alliance.security import b64
from alliance.tables import (
    Alliance,
    AllianceCampaign,
    AllianceCoupon,
    AllianceKey,
    Base,
    CampaignShop,
    FeedCounter,
    Member,
    ShopKey,
)
from desktop.models.jsonutil import canonical_json

EVERYONE = 0
_FEED = Base.metadata.tables["feed"]
_COUNTER = Base.metadata.tables["feed_counter"]
_MEMBERS = Base.metadata.tables["member"]


class Feed:
    """The alliance's feed inside one writing transaction (takes the counter lock)."""

    def __init__(self, session: Session, alliance_id: int) -> None:
        self.session = session
        self.alliance_id = alliance_id
        self.head = session.execute(
            select(FeedCounter.last_seq)
            .where(FeedCounter.alliance_id == alliance_id)
            .with_for_update()
        ).scalar_one()
        self.first_new = self.head + 1
        # (entity key, audience) → the row to write at close, or None to drop it.
        self._final: dict[tuple[str, int], dict[str, Any] | None] = {}

    def put(self, *, kind: str, key: str, audience: int, data: dict[str, Any]) -> int:
        self.head += 1
        self._final[(key, audience)] = {
            "alliance_id": self.alliance_id,
            "seq": self.head,
            "entity_key": key,
            "audience": audience,
            "kind": kind,
            "data": canonical_json(data),
        }
        return self.head

    def drop(self, *, key: str, audience: int) -> None:
        """Remove a row that a newer row for everyone supersedes."""
        self._final[(key, audience)] = None

    def close(self) -> None:
        """Write what the transaction published: the rows it replaces or drops go, its
        latest row per entity and audience is inserted, and the counter moves on."""
        by_audience: dict[int, list[str]] = {}
        for key, audience in self._final:
            by_audience.setdefault(audience, []).append(key)
        for audience, keys in sorted(by_audience.items()):
            for i in range(0, len(keys), 1000):
                self.session.connection().execute(
                    delete(_FEED).where(
                        _FEED.c.alliance_id == self.alliance_id,
                        _FEED.c.audience == audience,
                        one_of(self.session, _FEED.c.entity_key, keys[i : i + 1000]),
                    )
                )
        rows = sorted((r for r in self._final.values() if r is not None), key=lambda r: r["seq"])
        if rows:
            insert_rows(self.session, _FEED, rows)
        self._final.clear()
        # On the connection: an ORM UPDATE would first look through every object the
        # session holds (thousands after a push batch) for counters to keep in step.
        self.session.connection().execute(
            update(_COUNTER)
            .where(_COUNTER.c.alliance_id == self.alliance_id)
            .values(last_seq=self.head)
        )


def member_snapshot(m: Member) -> dict[str, Any]:
    return {
        "member_id": m.id,
        "home_shop_id": m.home_shop_id,
        "phone_hash": m.phone_hash if m.sharing else None,
        "sharing": m.sharing,
        "card_serial": m.card_serial,
        "balance": m.balance,
        "debt": max(0, -m.balance),
        "merged_into": m.merged_into,
        "enrolled_day": m.enrolled_day.isoformat() if m.enrolled_day else None,
    }


def member_audiences(m: Member) -> set[int]:
    """Who may see the member: everyone with sharing consent, else its home shop only."""
    if m.erased_at is not None:
        return set()
    if m.sharing and m.home_shop_id is not None:
        return {EVERYONE}
    return {m.home_shop_id if m.home_shop_id is not None else m.first_shop_id}


def coupon_snapshot(c: AllianceCoupon) -> dict[str, Any]:
    return {
        "coupon_id": c.id,
        "campaign_id": c.campaign_id,
        "member_id": c.member_id,
        "kind": c.kind,
        "value": c.value,
        "valid_from": c.valid_from.isoformat(),
        "valid_to": c.valid_to.isoformat(),
        "state": c.state,
        "redeemed_shop_id": c.redeemed_shop_id,
    }


class Publisher:
    """Collects what a transaction changed and publishes each entity once, at the end."""

    def __init__(self, session: Session, alliance_id: int) -> None:
        self.session = session
        self.alliance_id = alliance_id
        self.feed = Feed(session, alliance_id)
        self.members: set[int] = set()
        self.coupons: set[int] = set()
        self.campaigns: set[int] = set()
        self.keys = False
        self.alliance = False
        # Member rows the writer already holds (a push batch's): not read again.
        self.known: dict[int, Member] = {}

    def flush(self) -> int:
        """Write the snapshots and the counter; return the first seq of this transaction
        (every snapshot at or above it reflects what the transaction did)."""
        self.session.flush()
        if self.alliance:
            self._alliance()
        if self.keys:
            self._keys()
        for campaign_id in sorted(self.campaigns):
            self._campaign(campaign_id)
        members = self._load_members()
        moved: list[dict[str, Any]] = []  # members whose audiences change
        for member_id in sorted(self.members):
            self._member(members.get(member_id), moved)
        # Written together (the session is flushed, so every member here is in the database)
        # rather than one UPDATE per member at the next flush.
        update_rows(self.session, _MEMBERS, ("alliance_id", "id"), moved)
        for row in moved:
            set_committed_value(members[row["id"]], "audiences", row["audiences"])
        for coupon_id in sorted(self.coupons):
            self._coupon(coupon_id)
        self.feed.close()
        return self.feed.first_new

    def _load_members(self) -> dict[int, Member]:
        """The members to publish, in one query per thousand (rows the session already
        holds are taken as they are, unflushed changes included)."""
        found = {i: self.known[i] for i in self.members if i in self.known}
        ids = sorted(self.members - found.keys())
        for i in range(0, len(ids), 1000):
            for m in self.session.execute(
                select(Member).where(
                    Member.alliance_id == self.alliance_id,
                    one_of(self.session, Member.id, ids[i : i + 1000]),
                )
            ).scalars():
                found[m.id] = m
        return found

    def _member(self, m: Member | None, moved: list[dict[str, Any]]) -> None:
        if m is None:
            return
        key = f"member:{m.id}"
        want = member_audiences(m)
        had = {int(a) for a in m.audiences.split(",") if a}
        if EVERYONE in want:
            for audience in had - {EVERYONE}:
                self.feed.drop(key=key, audience=audience)
        else:
            # Hide first, then publish to the home shop: it gets both, in that order.
            for audience in sorted(had - want):
                self.feed.put(
                    kind="member",
                    key=key,
                    audience=audience,
                    data={"member_id": m.id, "deleted": True},
                )
        for audience in sorted(want):
            self.feed.put(kind="member", key=key, audience=audience, data=member_snapshot(m))
        audiences = ",".join(str(a) for a in sorted(want))
        if audiences != m.audiences:
            moved.append({"alliance_id": m.alliance_id, "id": m.id, "audiences": audiences})
            m.audiences = audiences

    def _coupon(self, coupon_id: int) -> None:
        c = self.session.get(AllianceCoupon, coupon_id)
        if c is not None:
            self.feed.put(
                kind="coupon", key=f"coupon:{c.id}", audience=EVERYONE, data=coupon_snapshot(c)
            )

    def _campaign(self, campaign_id: int) -> None:
        c = self.session.get(AllianceCampaign, campaign_id)
        if c is None:
            return
        shops = self.session.execute(
            select(CampaignShop.shop_id)
            .where(CampaignShop.campaign_id == c.id, CampaignShop.opted_in.is_(True))
            .order_by(CampaignShop.shop_id)
        ).scalars()
        data = {
            "campaign_id": c.id,
            "name": c.name,
            "state": c.state,
            "spec": json.loads(c.spec),
            "shops": list(shops),
        }
        self.feed.put(kind="campaign", key=f"campaign:{c.id}", audience=EVERYONE, data=data)

    def _keys(self) -> None:
        for a in self.session.execute(
            select(AllianceKey).where(AllianceKey.alliance_id == self.alliance_id)
        ).scalars():
            self.feed.put(
                kind="key", key=f"key:{a.key_id}", audience=EVERYONE, data=alliance_key_info(a)
            )
        for s in self.session.execute(
            select(ShopKey).where(ShopKey.alliance_id == self.alliance_id)
        ).scalars():
            self.feed.put(
                kind="key", key=f"key:{s.key_id}", audience=EVERYONE, data=shop_key_info(s)
            )

    def _alliance(self) -> None:
        a = self.session.get(Alliance, self.alliance_id)
        assert a is not None
        self.feed.put(kind="alliance", key="alliance", audience=EVERYONE, data=alliance_info(a))


def alliance_info(a: Alliance) -> dict[str, Any]:
    return {
        "alliance_id": a.id,
        "name": a.name,
        "phone_hash_key": b64(a.phone_hash_key),
        "policy": json.loads(a.policy),
    }


def alliance_key_info(a: AllianceKey) -> dict[str, Any]:
    return {
        "key_id": a.key_id,
        "owner": "alliance",
        "shop_id": None,
        "public_key": b64(a.public_key),
        "certificate": None,
        "created_at": a.created_at.isoformat(),
        "retired_at": a.retired_at.isoformat() if a.retired_at else None,
    }


def shop_key_info(s: ShopKey) -> dict[str, Any]:
    return {
        "key_id": s.key_id,
        "owner": "shop",
        "shop_id": s.shop_id,
        "public_key": b64(s.public_key),
        "certificate": json.loads(s.certificate),
        "created_at": s.created_at.isoformat(),
        "retired_at": s.retired_at.isoformat() if s.retired_at else None,
    }
