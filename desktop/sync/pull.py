"""Taking in the alliance's change feed, one page at a time.

Each page and the cursor after it are stored in one local transaction, so a pull cut short
anywhere either kept a whole page or none of it; a page fetched twice only rewrites the same
snapshots. A new server epoch (the server was restored from a backup) starts the feed again
from 0, and the events it no longer has are pushed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from desktop.models import alliance_coupons
from desktop.models.clock import utc_now
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.jsonutil import canonical_json
from desktop.models.shop import set_setting
from desktop.models.tables import AllianceEntity, AllianceMember, Campaign
from desktop.sync import state
from desktop.sync.errors import SyncError
from desktop.sync.http import AllianceClient
from desktop.sync.push import send_again_from

PAGE = 500
ENTITY_KINDS = ("alliance", "key", "campaign", "coupon")


@dataclass
class PullReport:
    pulled: int = 0
    pages: int = 0
    new_epoch: bool = False


def pull_all(db: Database, client: AllianceClient, *, page: int = PAGE) -> PullReport:
    report = PullReport()
    while True:
        with db.read() as s:
            since = state.pull_since(s)
            known_epoch = state.epoch(s)
        answer = client.pull(since, page)
        report.pages += 1
        epoch = str(answer["epoch"])
        if known_epoch is not None and epoch != known_epoch:
            with db.write() as s:
                _start_again(s, epoch=epoch, acked=int(answer.get("acked_seq", 0)))
            report.new_epoch = True
            continue
        changes = answer["changes"]
        next_since = int(answer["next_since"])
        if next_since < since:
            raise SyncError("bad_answer", f"feed went back from {since} to {next_since}")
        with db.write() as s:
            _apply_page(s, changes)
            set_setting(s, state.PULL_SINCE, next_since)
            if known_epoch is None:
                set_setting(s, state.EPOCH, epoch)
        report.pulled += len(changes)
        if not answer["has_more"]:
            return report
        if not changes:
            raise SyncError("bad_answer", "the server said there is more but sent nothing")


def _apply_page(session: Session, changes: list[Any]) -> None:
    """A page in a few statements: members and other snapshots upserted (or deleted) in bulk,
    the last change of a key winning (a page is in feed order)."""
    members: dict[int, dict[str, Any] | None] = {}
    entities: dict[str, dict[str, Any] | None] = {}
    follow: list[tuple[str, str, dict[str, Any]]] = []
    for change in changes:
        kind, key, seq, data = _parse(change)
        if kind == "member":
            member_id = _member_id(key)
            members[member_id] = None if data.get("deleted") else _member_values(key, seq, data)
        elif kind in ENTITY_KINDS:
            deleted = bool(data.get("deleted"))
            entities[key] = (
                None
                if deleted
                else {"key": key, "kind": kind, "server_seq": seq, "data": canonical_json(data)}
            )
            if not deleted:
                follow.append((kind, key, data))
    _bulk(session, AllianceMember, "member_id", members)
    _bulk(session, AllianceEntity, "key", entities)
    for kind, key, data in follow:
        _after_entity(session, kind, key, data)


def _bulk(session: Session, table: Any, pk: str, rows: dict[Any, dict[str, Any] | None]) -> None:
    gone = [k for k, v in rows.items() if v is None]
    kept = [v for v in rows.values() if v is not None]
    column = getattr(table, pk)
    for start in range(0, len(gone), 500):
        session.execute(delete(table).where(column.in_(gone[start : start + 500])))
    if kept:
        stmt = insert(table)
        names = [c for c in kept[0] if c != pk]
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=[pk], set_={n: getattr(stmt.excluded, n) for n in names}
            ),
            kept,
        )


def _parse(change: Any) -> tuple[str, str, int, dict[str, Any]]:
    if not isinstance(change, dict):
        raise SyncError("bad_answer", "a feed change is not an object")
    try:
        kind, key, seq, data = (
            str(change["kind"]),
            str(change["key"]),
            int(change["seq"]),
            change["data"],
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("bad_answer", f"feed change not understood: {exc}") from exc
    if not isinstance(data, dict):
        raise SyncError("bad_answer", f"feed change {key} has no data")
    return kind, key, seq, data


def _member_id(key: str) -> int:
    try:
        return int(key.split(":", 1)[1])
    except (IndexError, ValueError) as exc:
        raise SyncError("bad_answer", f"member key {key!r}") from exc


def _member_values(key: str, seq: int, data: dict[str, Any]) -> dict[str, Any]:
    try:
        return {
            "member_id": _member_id(key),
            "home_shop_id": int(data["home_shop_id"]),
            "phone_hash": data["phone_hash"] if isinstance(data.get("phone_hash"), str) else None,
            "sharing": bool(data.get("sharing")),
            "card_serial": int(data.get("card_serial") or 1),
            "balance": int(data.get("balance") or 0),
            "debt": int(data.get("debt") or 0),
            "merged_into": int(data["merged_into"]) if data.get("merged_into") else None,
            "enrolled_day": str(data["enrolled_day"])[:10] if data.get("enrolled_day") else None,
            "server_seq": seq,
        }
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError("bad_answer", f"member snapshot {key} not understood: {exc}") from exc


def _after_entity(session: Session, kind: str, key: str, data: dict[str, Any]) -> None:
    if kind in ("coupon", "campaign"):
        _follow_alliance_coupons(session, kind, key, data)
    if kind == "alliance":
        if isinstance(data.get("policy"), dict):
            set_setting(session, state.POLICY, data["policy"])
        if isinstance(data.get("phone_hash_key"), str):
            set_setting(session, state.PHONE_HASH_KEY, data["phone_hash_key"])


def _follow_alliance_coupons(session: Session, kind: str, key: str, data: dict[str, Any]) -> None:
    """Keep this shop's copies of joint campaigns and their coupons in step."""
    try:
        entity_id = int(key.split(":", 1)[1])
    except (IndexError, ValueError):
        return
    if kind == "coupon":
        alliance_coupons.on_coupon_snapshot(session, entity_id, data)
    elif (
        session.execute(
            select(Campaign.id).where(Campaign.alliance_campaign_id == entity_id)
        ).first()
        is not None
    ):
        try:
            alliance_coupons.mirror_campaign(session, entity_id, now=utc_now())
        except DomainError:
            pass  # no longer a coupon campaign: the copy keeps what it had


def _start_again(session: Session, *, epoch: str, acked: int) -> None:
    """The server was restored: forget its feed, pull from 0, re-push what it lost."""
    session.execute(delete(AllianceMember))
    session.execute(delete(AllianceEntity))
    set_setting(session, state.EPOCH, epoch)
    set_setting(session, state.PULL_SINCE, 0)
    send_again_from(session, acked + 1)
