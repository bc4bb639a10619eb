"""Using a coupon on a sale: the checks in their fixed order, the discount, marking it used
exactly once, acquisition credit, and giving it back on a refund.

Exactly once by construction: the sale marks the coupon with a conditional
``UPDATE … WHERE state = 'issued'`` inside the sale's own ``BEGIN IMMEDIATE`` transaction. Two
counters (threads or processes) on one database file are serialised by SQLite's write lock;
the second one finds the coupon used and its whole sale rolls back.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from desktop.models.campaigns import PAUSED
from desktop.models.clock import local_time
from desktop.models.coupon_issue import ISSUED, REDEEMED, VOID, sql_datetime
from desktop.models.coupons import CouponCheck, coupon_info
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.shop import shop_profile
from desktop.models.tables import Campaign as CampaignRow
from desktop.models.tables import Coupon, Member, Sale


def discount_for(coupon: Coupon, amount_fen: int) -> int:
    """What the coupon takes off a bill of ``amount_fen`` (never more than the bill)."""
    if coupon.kind == "amount_off" or coupon.kind == "spend_save":
        return min(coupon.value_fen, amount_fen)
    if coupon.kind == "percent_off":
        off = amount_fen * coupon.percent // 100  # floor: the shop never gives a part fen
        return min(off, coupon.cap_fen) if coupon.cap_fen else off
    return 0  # a gift is handed over, not taken off the bill


def mask_name(name: str) -> str:
    """张三 → 张*, 陈小明 → 陈** (enough to tell whose coupon it is, not more)."""
    name = name.strip()
    return name[:1] + "*" * max(1, len(name) - 1) if name else "*"


def _local_iso(at_utc: dt.datetime | None, tz: str) -> str | None:
    if at_utc is None:
        return None
    return local_time(at_utc, tz).isoformat(timespec="seconds")


def _forget(session: Session, coupon_id: int) -> None:
    """Drop the ORM's copy of a coupon changed by SQL (it is reloaded when next read)."""
    obj = session.identity_map.get(identity_key(Coupon, coupon_id))
    if obj is not None:
        session.expire(obj)


def _check_state(coupon: Coupon, *, today: dt.date, tz: str) -> None:
    if coupon.state == REDEEMED:
        raise DomainError(
            "already_used",
            used_at=_local_iso(coupon.redeemed_at, tz),
            shop=coupon.redeemed_shop,
        )
    if coupon.state == VOID:
        raise DomainError("void")
    if today > coupon.valid_to:
        raise DomainError("expired", valid_to=coupon.valid_to.isoformat())
    if today < coupon.valid_from:
        raise DomainError("not_yet_valid", valid_from=coupon.valid_from.isoformat())


def _check_holder(session: Session, coupon: Coupon, member_id: int | None) -> None:
    if coupon.member_id is None or coupon.member_id == member_id:
        return
    if member_id is None:
        raise DomainError("member_required", coupon=True)
    owner = session.get(Member, coupon.member_id)
    raise DomainError("wrong_member", member_name=mask_name(owner.name if owner else ""))


def check_for_sale(
    session: Session,
    coupon_id: int,
    *,
    amount_fen: int,
    member_id: int | None,
    today: dt.date,
    now: dt.datetime | None = None,
) -> CouponCheck:
    """Check a coupon against a bill without writing. Refusals in order: ``coupon_not_found``,
    ``already_used``, ``void``, ``expired``, ``not_yet_valid``, ``wrong_shop``,
    ``campaign_paused``, the alliance's terms for an alliance coupon (see
    ``alliance_coupons.check_terms``), ``wrong_member``, ``member_required``, ``min_spend``."""
    coupon = session.get(Coupon, coupon_id)
    if coupon is None:
        raise DomainError("coupon_not_found")
    shop = shop_profile(session)
    _check_state(coupon, today=today, tz=shop.timezone)
    if coupon.scope == "shop" and coupon.shop_id != shop.id:
        raise DomainError("wrong_shop")
    campaign = session.get(CampaignRow, coupon.campaign_id)
    if campaign is not None and campaign.state == PAUSED:
        raise DomainError("campaign_paused")
    if campaign is not None and campaign.alliance_campaign_id is not None:
        from desktop.models.alliance_coupons import check_terms

        check_terms(session, coupon, now=now if now is not None else dt.datetime.now(dt.UTC))
    _check_holder(session, coupon, member_id)
    if amount_fen < coupon.min_spend_fen:
        raise DomainError("min_spend", min_spend_fen=coupon.min_spend_fen)
    return CouponCheck(
        coupon_info(session, coupon_id, today=today), discount_for(coupon, amount_fen)
    )


_REDEEM_SQL = text(
    "UPDATE coupon SET state = 'redeemed', redeemed_at = :at, redeemed_sale_id = :sale,"
    " redeemed_shop = :shop WHERE id = :id AND state = 'issued'"
)
_EARLIER_SALE_SQL = text("SELECT 1 FROM sale WHERE member_id = :m AND id != :sale LIMIT 1")


def redeem(
    session: Session, *, check: CouponCheck, sale: Sale, now: dt.datetime, today: dt.date
) -> None:
    """Mark the checked coupon used by ``sale`` (in the sale's transaction), exactly once."""
    shop = shop_profile(session)
    coupon_id = check.coupon.id
    done = session.execute(
        _REDEEM_SQL, {"at": sql_datetime(now), "sale": sale.id, "shop": shop.name, "id": coupon_id}
    )
    _forget(session, coupon_id)
    if done.rowcount != 1:  # type: ignore[attr-defined]
        coupon = session.get(Coupon, coupon_id)
        raise DomainError(
            "already_used",
            used_at=_local_iso(coupon.redeemed_at if coupon else None, shop.timezone),
            shop=coupon.redeemed_shop if coupon else None,
        )
    emit_event(
        session,
        kind="coupon.redeemed",
        now=now,
        payload={
            "coupon_id": coupon_id,
            "sale": sale.uid,
            "member_id": sale.member_id,
            "discount_fen": check.discount_fen,
            "day": today,
        },
    )
    if check.coupon.member_id is None and sale.member_id is not None:
        _credit_acquisition(session, check.coupon.campaign_id, sale, today=today)


def _credit_acquisition(session: Session, campaign_id: int, sale: Sale, *, today: dt.date) -> None:
    """A bearer coupon used on the first sale of a member enrolled today brought them in."""
    member = session.get(Member, sale.member_id)
    if member is None or member.acquired_campaign_id is not None or member.enrolled_day != today:
        return
    earlier = session.execute(_EARLIER_SALE_SQL, {"m": member.id, "sale": sale.id}).first()
    if earlier is None:
        member.acquired_campaign_id = campaign_id


_RESTORE_SQL = text(
    "UPDATE coupon SET state = 'issued', redeemed_at = NULL, redeemed_sale_id = NULL,"
    " redeemed_shop = NULL"
    " WHERE id = :id AND state = 'redeemed' AND redeemed_sale_id = :sale AND valid_to >= :today"
)


def restore_on_refund(session: Session, *, sale: Sale, now: dt.datetime, today: dt.date) -> bool:
    """Give the sale's coupon back, once, if it can still be used; True when it was."""
    if sale.coupon_id is None:
        return False
    done = session.execute(
        _RESTORE_SQL, {"id": sale.coupon_id, "sale": sale.id, "today": today.isoformat()}
    )
    _forget(session, sale.coupon_id)
    if done.rowcount != 1:  # type: ignore[attr-defined]
        return False
    emit_event(
        session,
        kind="coupon.restored",
        now=now,
        payload={"coupon_id": sale.coupon_id, "sale": sale.uid, "state": ISSUED},
    )
    return True
