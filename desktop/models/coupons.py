"""Coupons: what the screens and printing see (``CouponInfo``), issuing one by hand, bearer
batches, and listing a member's coupons.

Segments live in ``segments.py``, codes in ``coupon_codes.py``, redemption in
``coupon_redeem.py``, voiding in ``coupon_void.py`` and automatic rules in ``coupon_rules.py``;
the value types they return are defined here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.campaigns import PAUSED, get_campaign
from desktop.models.coupon_issue import (
    EXPIRED,
    ISSUED,
    check_issuable,
    check_running,
    insert_coupons,
    member_holds,
    quota_left,
)
from desktop.models.errors import DomainError
from desktop.models.shop import shop_profile
from desktop.models.staff import Actor, require_owner
from desktop.models.tables import Campaign as CampaignRow
from desktop.models.tables import Coupon, CouponBatch, Member

MAX_BATCH = 10_000


@dataclass(frozen=True)
class CouponInfo:
    id: int  # random 63-bit, never sequential
    serial: str  # short human serial printed on the coupon, e.g. "C-7Q4M-K2XD"
    campaign_id: int
    campaign_name: str
    kind: str
    headline: str  # NOT translated; screens build their own text from the fields below
    value_fen: int
    percent: int
    cap_fen: int
    min_spend_fen: int
    gift: str
    terms: str
    valid_from: dt.date
    valid_to: dt.date  # last day it can be used (inclusive)
    member_id: int | None  # None = bearer
    batch_id: int | None
    state: str  # "issued" | "redeemed" | "void" | "expired"
    redeemed_at: dt.datetime | None  # UTC
    redeemed_sale_id: int | None
    redeemed_shop: str | None  # shop name where it was used


@dataclass(frozen=True)
class SegmentFilter:
    tiers: frozenset[int] = frozenset()  # empty = any; 0 normal, 1 silver, 2 gold
    no_visit_days: int | None = None  # last visit older than N days (or never)
    birthday_month: int | None = None  # 1..12
    enrolled_since: dt.date | None = None
    spend_min_fen: int | None = None  # spend in the last 12 months, inclusive band
    spend_max_fen: int | None = None


@dataclass(frozen=True)
class SegmentPreview:
    matched: int  # members matching the filters
    no_consent: int  # of those, without marketing consent (never targeted)
    at_limit: int  # of the rest, already at the per-member limit
    held_out: int  # of the rest, held out (holdout_pct, deterministic per campaign+member)
    will_receive: int  # coupons that issuing would create (after quota too)


@dataclass(frozen=True)
class SegmentIssueResult:
    issued: int
    held_out: int
    skipped: int  # no consent, at the limit, or beyond the quota


@dataclass(frozen=True)
class CouponCheck:
    """Result of checking a coupon for a sale, no write."""

    coupon: CouponInfo
    discount_fen: int  # what it takes off this bill (0 for gift)


def _yuan(fen: int) -> str:
    return f"¥{fen // 100}" if fen % 100 == 0 else f"¥{fen // 100}.{fen % 100:02d}"


def headline(
    kind: str, *, value_fen: int, percent: int, cap_fen: int, min_spend: int, gift: str
) -> str:
    """A plain, untranslated one-line offer (logs, exports); screens build their own."""
    if kind == "amount_off":
        text = f"{_yuan(value_fen)} off"
    elif kind == "percent_off":
        text = f"{percent}% off" + (f" up to {_yuan(cap_fen)}" if cap_fen else "")
    elif kind == "spend_save":
        return f"Spend {_yuan(min_spend)} save {_yuan(value_fen)}"
    elif kind == "gift":
        text = f"Gift: {gift}"
    else:
        text = kind
    return text + (f" on {_yuan(min_spend)} or more" if min_spend else "")


def coupon_state(state: str, valid_to: dt.date, today: dt.date) -> str:
    return EXPIRED if state == ISSUED and today > valid_to else state


def _info(c: Coupon, campaign_name: str, today: dt.date) -> CouponInfo:
    return CouponInfo(
        id=c.id,
        serial=c.serial,
        campaign_id=c.campaign_id,
        campaign_name=campaign_name,
        kind=c.kind,
        headline=headline(
            c.kind,
            value_fen=c.value_fen,
            percent=c.percent,
            cap_fen=c.cap_fen,
            min_spend=c.min_spend_fen,
            gift=c.gift,
        ),
        value_fen=c.value_fen,
        percent=c.percent,
        cap_fen=c.cap_fen,
        min_spend_fen=c.min_spend_fen,
        gift=c.gift,
        terms=c.terms,
        valid_from=c.valid_from,
        valid_to=c.valid_to,
        member_id=c.member_id,
        batch_id=c.batch_id,
        state=coupon_state(c.state, c.valid_to, today),
        redeemed_at=c.redeemed_at,
        redeemed_sale_id=c.redeemed_sale_id,
        redeemed_shop=c.redeemed_shop,
    )


def _query() -> Select[Coupon, str]:
    return select(Coupon, CampaignRow.name).join(CampaignRow, CampaignRow.id == Coupon.campaign_id)


def coupons_by_id(
    session: Session, coupon_ids: Iterable[int], *, today: dt.date
) -> list[CouponInfo]:
    """The coupons with these ids, in the order asked (unknown ids are left out)."""
    wanted = list(coupon_ids)
    found: dict[int, CouponInfo] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for c, name in session.execute(_query().where(Coupon.id.in_(chunk))).all():
            found[c.id] = _info(c, name, today)
    return [found[i] for i in wanted if i in found]


def coupon_info(session: Session, coupon_id: int, *, today: dt.date) -> CouponInfo:
    infos = coupons_by_id(session, [coupon_id], today=today)
    if not infos:
        raise DomainError("coupon_not_found")
    return infos[0]


def batch_coupons(session: Session, batch_id: int, *, today: dt.date) -> list[CouponInfo]:
    if session.get(CouponBatch, batch_id) is None:
        raise DomainError("batch_not_found")
    rows = session.execute(_query().where(Coupon.batch_id == batch_id).order_by(Coupon.serial))
    return [_info(c, name, today) for c, name in rows.all()]


def _usable_condition(today: dt.date):  # type: ignore[no-untyped-def]
    return and_(
        Coupon.state == ISSUED,
        Coupon.valid_from <= today,
        Coupon.valid_to >= today,
        CampaignRow.state != PAUSED,
    )


def member_coupons(
    session: Session, member_id: int, *, today: dt.date, usable_only: bool = False
) -> list[CouponInfo]:
    """The member's coupons: usable now first, then the rest, newest first within each."""
    usable = _usable_condition(today)
    stmt = _query().where(Coupon.member_id == member_id)
    if usable_only:
        stmt = stmt.where(usable)
    stmt = stmt.order_by(case((usable, 0), else_=1), Coupon.issued_at.desc(), Coupon.id)
    return [_info(c, name, today) for c, name in session.execute(stmt.limit(500)).all()]


def usable_count(session: Session, member_id: int, *, today: dt.date) -> int:
    """How many coupons the member can use today (for the counter card)."""
    stmt = (
        select(func.count())
        .select_from(Coupon)
        .join(CampaignRow, CampaignRow.id == Coupon.campaign_id)
        .where(Coupon.member_id == member_id, _usable_condition(today))
    )
    return int(session.execute(stmt).scalar_one())


# -- issuing --------------------------------------------------------------------------------


def issue_coupon(
    session: Session,
    *,
    campaign_id: int,
    member_id: int,
    by: Actor | None,
    now: dt.datetime,
    today: dt.date,
) -> CouponInfo:
    """Give one member a coupon by hand. Refusals in order: ``campaign_not_issuable``,
    ``quota_reached``, ``member_limit``, ``no_marketing_consent``, ``campaign_paused``,
    ``campaign_ended`` (and ``member_not_found``)."""
    campaign = get_campaign(session, campaign_id)
    check_issuable(campaign)
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise DomainError("member_not_found")
    if quota_left(session, campaign) == 0:
        raise DomainError("quota_reached", quota=campaign.spec.quota)
    limit = campaign.spec.per_member_limit
    if member_holds(session, campaign_id, member_id) >= limit:
        raise DomainError("member_limit", limit=limit)
    if not member.marketing_consent:
        raise DomainError("no_marketing_consent")
    check_running(campaign, today)
    (coupon_id,) = insert_coupons(
        session,
        campaign=campaign,
        member_ids=[member_id],
        source="hand",
        shop_id=shop_profile(session).id,
        now=now,
        today=today,
        staff_id=by.staff_id if by else None,
    )
    return coupon_info(session, coupon_id, today=today)


def issue_bearer_batch(
    session: Session,
    *,
    campaign_id: int,
    count: int,
    by: Actor,
    now: dt.datetime,
    today: dt.date,
) -> tuple[int, list[CouponInfo]]:
    """Print-ready bearer coupons (owner only), all unique; returns (batch id, coupons)."""
    require_owner(by)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_BATCH:
        raise DomainError("count_invalid", max=MAX_BATCH)
    campaign = get_campaign(session, campaign_id)
    check_issuable(campaign)
    left = quota_left(session, campaign)
    if left is not None and left < count:
        raise DomainError("quota_reached", quota=campaign.spec.quota, left=left)
    check_running(campaign, today)
    batch = CouponBatch(
        campaign_id=campaign_id, count=count, created_at=now, created_by=by.staff_id
    )
    session.add(batch)
    session.flush()
    insert_coupons(
        session,
        campaign=campaign,
        member_ids=[None] * count,
        source="bearer",
        shop_id=shop_profile(session).id,
        now=now,
        today=today,
        staff_id=by.staff_id,
        batch_id=batch.id,
    )
    append_audit(
        session,
        action="coupon.batch_issued",
        staff_id=by.staff_id,
        details={"campaign": campaign_id, "batch": batch.id, "count": count},
        now=now,
    )
    return batch.id, batch_coupons(session, batch.id, today=today)
