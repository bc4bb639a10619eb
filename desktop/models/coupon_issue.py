"""Making coupons: ids, serials, validity, holdout, the issue checks, and the bulk insert every
way of issuing shares (by hand, to a segment, bearer batches, automatic rules).

Rows go in with one ``executemany`` per chunk (no ORM object per coupon), so a 100k-member
segment takes a couple of seconds. Ids are random 63-bit numbers; the printed serial is the
low 40 bits in Crockford base 32 and is unique in the database (a clash, rare, is retried).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Sequence

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models.campaigns import ENDED, PAUSED, Campaign
from desktop.models.errors import DomainError
from desktop.models.events import emit_event

ISSUED, REDEEMED, VOID, EXPIRED = "issued", "redeemed", "void", "expired"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SERIAL_BITS = 40
_MAX_ATTEMPTS = 8

_INSERT_SQL = (
    "INSERT INTO coupon (id, serial, campaign_id, batch_id, member_id, kind, value_fen, percent,"
    " cap_fen, min_spend_fen, gift, terms, scope, shop_id, valid_from, valid_to, state, source,"
    " issued_at, issued_by, void_reason)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, '')"
)


def serial_for(coupon_id: int) -> str:
    """The short serial printed on a coupon: ``C-7Q4M-K2XD`` (low 40 bits of the id)."""
    value = coupon_id & ((1 << _SERIAL_BITS) - 1)
    chars = "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"C-{chars[:4]}-{chars[4:]}"


def new_coupon_id() -> int:
    """A random positive 63-bit id, never sequential and long enough not to be guessed."""
    while True:
        value = secrets.randbits(63)
        if value >= 1 << 48:
            return value


def held_out(campaign_id: int, member_id: int, pct: int) -> bool:
    """Deterministic holdout: the same campaign and member always fall on the same side, so a
    preview matches the issue and a re-run holds out the same members."""
    if pct <= 0:
        return False
    return _holdout_rank(campaign_id, member_id) % 100 < pct


def _holdout_rank(campaign_id: int, member_id: int) -> int:
    digest = hashlib.sha256(f"holdout:{campaign_id}:{member_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def holdout_share(campaign_id: int, member_ids: list[int], pct: int) -> list[int]:
    """Exactly `pct` percent (rounded half up) of a segment, chosen by the same per-campaign
    hash as `held_out`: a small segment holds out its share instead of a lucky few or none,
    and the same members give the same choice every time (a preview matches its issue)."""
    if pct <= 0 or not member_ids:
        return []
    count = (len(member_ids) * pct * 2 + 100) // 200
    ranked = sorted(member_ids, key=lambda m: _holdout_rank(campaign_id, m))
    return ranked[:count]


def coupon_window(campaign: Campaign, today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day a coupon issued today can be used (both inclusive)."""
    spec = campaign.spec
    if spec.valid_days is not None:
        return today, today + dt.timedelta(days=spec.valid_days - 1)
    assert spec.valid_from is not None
    assert spec.valid_to is not None
    return spec.valid_from, spec.valid_to


def sql_datetime(value: dt.datetime) -> str:
    """A naive UTC time as SQLAlchemy's SQLite DateTime stores it (raw inserts match ORM rows)."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


# -- checks ---------------------------------------------------------------------------------


def check_issuable(campaign: Campaign) -> None:
    if campaign.alliance_campaign_id is not None:
        raise DomainError("alliance_campaign_server_owned")  # the alliance issues its coupons
    if not campaign.spec.is_coupon:
        raise DomainError("campaign_not_issuable")


def check_running(campaign: Campaign, today: dt.date) -> None:
    """A paused campaign issues nothing for now; an ended one (or past its last day) never."""
    if campaign.state == PAUSED:
        raise DomainError("campaign_paused")
    spec = campaign.spec
    if campaign.state == ENDED or (spec.valid_to is not None and spec.valid_to < today):
        raise DomainError("campaign_ended")


def issued_count(session: Session, campaign_id: int) -> int:
    return int(
        session.execute(
            text("SELECT count(*) FROM coupon WHERE campaign_id = :c"), {"c": campaign_id}
        ).scalar_one()
    )


def quota_left(session: Session, campaign: Campaign) -> int | None:
    """Coupons the quota still allows (None = no quota). Voided coupons still count."""
    if campaign.spec.quota is None:
        return None
    return max(0, campaign.spec.quota - issued_count(session, campaign.id))


def member_holds(session: Session, campaign_id: int, member_id: int) -> int:
    """Coupons of the campaign this member has been given, voided ones not counted."""
    return int(
        session.execute(
            text(
                "SELECT count(*) FROM coupon WHERE member_id = :m AND campaign_id = :c"
                " AND state != 'void'"
            ),
            {"m": member_id, "c": campaign_id},
        ).scalar_one()
    )


# -- inserting ------------------------------------------------------------------------------


def _rows(
    campaign: Campaign,
    ids: list[int],
    member_ids: Sequence[int | None],
    *,
    batch_id: int | None,
    shop_id: int,
    window: tuple[dt.date, dt.date],
    source: str,
    issued_at: str,
    staff_id: int | None,
) -> list[tuple[object, ...]]:
    s = campaign.spec
    start, end = window[0].isoformat(), window[1].isoformat()
    common = (s.kind, s.value_fen, s.percent, s.cap_fen, s.min_spend_fen, s.gift, s.terms, s.scope)
    return [
        (cid, serial_for(cid), campaign.id, batch_id, mid, *common, shop_id, start, end)
        + (source, issued_at, staff_id)
        for cid, mid in zip(ids, member_ids, strict=True)
    ]


def insert_coupons(
    session: Session,
    *,
    campaign: Campaign,
    member_ids: Sequence[int | None],
    source: str,
    shop_id: int,
    now: dt.datetime,
    today: dt.date,
    staff_id: int | None,
    batch_id: int | None = None,
) -> list[int]:
    """Insert one coupon per entry of ``member_ids`` (None = bearer) and emit one event for
    them; return the new ids in the same order. The caller has done the checks."""
    if not member_ids:
        return []
    window = coupon_window(campaign, today)
    conn = session.connection()
    for _ in range(_MAX_ATTEMPTS):
        ids = [new_coupon_id() for _ in member_ids]
        if len({serial_for(i) for i in ids}) != len(ids):
            continue
        rows = _rows(
            campaign,
            ids,
            member_ids,
            batch_id=batch_id,
            shop_id=shop_id,
            window=window,
            source=source,
            issued_at=sql_datetime(now),
            staff_id=staff_id,
        )
        try:
            with session.begin_nested():
                conn.exec_driver_sql(_INSERT_SQL, rows)  # type: ignore[arg-type]
        except IntegrityError:
            continue  # a serial (or id) already in the database: draw new ones
        break
    else:  # pragma: no cover - 8 clashes in a row means the generator is broken
        raise RuntimeError("could not draw unique coupon serials")
    emit_event(
        session,
        kind="coupon.issued",
        now=now,
        payload={
            "campaign_id": campaign.id,
            "source": source,
            "batch_id": batch_id,
            "valid_from": window[0],
            "valid_to": window[1],
            "coupons": [[cid, mid] for cid, mid in zip(ids, member_ids, strict=True)],
        },
    )
    return ids


def record_holdouts(
    session: Session, *, campaign_id: int, member_ids: Sequence[int], now: dt.datetime
) -> None:
    """Remember who was held out (kept once per campaign and member)."""
    if not member_ids:
        return
    session.connection().exec_driver_sql(
        "INSERT OR IGNORE INTO coupon_holdout (campaign_id, member_id, held_at) VALUES (?, ?, ?)",
        [(campaign_id, mid, sql_datetime(now)) for mid in member_ids],  # type: ignore[arg-type]
    )
