"""Joining an alliance: enrol this PC with a one-time code and keep what the server gives.

A PC whose database was restored from a backup (``sync.reenrol_required``) becomes a new
device: a new local device row takes over, and the events the server never acknowledged are
renumbered 1, 2, 3 … under it (their ids stay, so the server still recognises each fact once).
"""

from __future__ import annotations

import base64
import datetime as dt
import platform
from dataclasses import dataclass

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.cache import invalidate
from desktop.models.db import Database
from desktop.models.events import this_device_id
from desktop.models.ids import uuid7
from desktop.models.keys import shop_signing_key
from desktop.models.members import share_phone_hashes
from desktop.models.shop import get_setting, shop_profile
from desktop.models.tables import Device, Event
from desktop.sync import state
from desktop.sync.errors import SyncError
from desktop.sync.http import AllianceClient, normalise_url


@dataclass(frozen=True)
class PairResult:
    alliance_id: int
    alliance_name: str
    shop_id: int
    shop_name: str
    device_id: str
    new_local_device: bool
    members_announced: int


def pair(
    db: Database,
    *,
    server_url: str,
    code: str,
    device_name: str | None = None,
    ca_file: str | None = None,
    again: bool = False,
    by_staff_id: int | None = None,
    now: dt.datetime,
) -> PairResult:
    url = normalise_url(server_url)
    with db.read() as s:
        current = state.pairing(s)
        restored = bool(get_setting(s, state.REENROL_REQUIRED, False))
        public = shop_signing_key(s).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        name = device_name or f"{shop_profile(s).name} · {platform.node() or 'PC'}"
    if current is not None and not again:
        raise SyncError("already_paired", f"already in {current.alliance_name}")
    with AllianceClient(url, ca_file=ca_file) as client:
        answer = client.enrol(
            code=code.strip(),
            device_name=name[:100],
            shop_public_key=base64.b64encode(public).decode(),
        )
    value = state.Pairing(
        server_url=url,
        device_id=str(answer["device_id"]),
        credential_sealed=state.seal_credential(db.path, str(answer["credential"])),
        alliance_id=int(answer["alliance_id"]),
        alliance_name=str(answer.get("alliance_name", "")),
        shop_id=int(answer["shop_id"]),
        shop_name=str(answer.get("shop_name", "")),
        ca_file=ca_file,
    )
    with db.write() as s:
        new_device = restored or current is not None
        if new_device:
            _take_over_with_new_device(s, now=now)
        state.save_pairing(s, value, answer=answer)
        announced = share_phone_hashes(s, now=now)
        append_audit(
            s,
            action="alliance.joined",
            staff_id=by_staff_id,
            details={
                "alliance": value.alliance_name,
                "alliance_id": value.alliance_id,
                "shop_id": value.shop_id,
                "server": url,
                "device": value.device_id,
                "new_device": new_device,
            },
            now=now,
        )
    return PairResult(
        value.alliance_id,
        value.alliance_name,
        value.shop_id,
        value.shop_name,
        value.device_id,
        new_device,
        announced,
    )


def _take_over_with_new_device(session: Session, *, now: dt.datetime) -> None:
    """A new local device row; unacknowledged events move to it, numbered from 1."""
    old = this_device_id(session)
    shop_id = session.execute(select(Device.shop_id).where(Device.id == old)).scalar_one()
    new = uuid7(int(now.replace(tzinfo=dt.UTC).timestamp() * 1000))
    waiting = (
        session.execute(
            select(Event.id)
            .where(Event.acked_at.is_(None))
            .order_by(Event.device_id, Event.device_seq)
        )
        .scalars()
        .all()
    )
    count = session.execute(select(func.count()).select_from(Device)).scalar_one()
    latest = session.execute(select(func.max(Device.created_at))).scalar_one()
    session.add(
        Device(
            id=new,
            shop_id=shop_id,
            name=f"PC {count + 1}",
            next_seq=len(waiting) + 1,
            created_at=max(now, latest) + dt.timedelta(microseconds=1),
        )
    )
    session.flush()
    for seq, event_id in enumerate(waiting, start=1):
        session.execute(
            update(Event).where(Event.id == event_id).values(device_id=new, device_seq=seq)
        )
    invalidate(session, "device_id")
