"""Joint campaigns: the operator creates them (the desktop's ``CampaignSpec``, scope
``alliance``) and issues their coupons, signed with the alliance key; shops opt in; results
are kept per shop, each shop seeing its own part."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alliance.db import utcnow
from alliance.errors import ApiError, not_found
from alliance.feed import Publisher
from alliance.keys import signing_key
from alliance.tables import (
    AllianceCampaign,
    AllianceCoupon,
    CampaignShop,
    Conflict,
    CouponRedemption,
    Member,
    SaleRecord,
    Shop,
)
from desktop.models.campaign_spec import CampaignSpec
from desktop.models.errors import DomainError
from desktop.models.jsonutil import canonical_json
from desktop.models.qrtoken import COUPON_KINDS, CouponToken, encode_coupon

STATES = ("active", "paused", "ended")
MAX_ISSUE = 10_000


def parse_spec(data: Any) -> CampaignSpec:
    try:
        spec = CampaignSpec.from_json(data)
    except DomainError as exc:
        raise ApiError(400, exc.code, **exc.params) from None
    if spec.scope != "alliance":
        raise ApiError(
            400, "campaign_spec_invalid", problems=[{"field": "scope", "reason": "not_alliance"}]
        )
    return spec


def create_campaign(session: Session, *, alliance_id: int, spec_json: Any) -> int:
    spec = parse_spec(spec_json)
    now = utcnow()
    publisher = Publisher(session, alliance_id)
    row = AllianceCampaign(
        alliance_id=alliance_id,
        name=" ".join(spec.name.split()),
        spec=canonical_json(spec.to_json()),
        state="active",
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    publisher.campaigns.add(row.id)
    publisher.flush()
    return row.id


def campaign_of(
    session: Session, campaign_id: int, alliance_id: int | None = None
) -> AllianceCampaign:
    row = session.get(AllianceCampaign, campaign_id)
    if row is None or (alliance_id is not None and row.alliance_id != alliance_id):
        raise not_found("campaign")
    return row


def set_state(session: Session, *, campaign_id: int, state: str) -> dict[str, Any]:
    if state not in STATES:
        raise ApiError(400, "campaign_state_invalid", state=state)
    row = campaign_of(session, campaign_id)
    publisher = Publisher(session, row.alliance_id)
    if row.state == "ended" and state != "ended":
        raise ApiError(409, "campaign_ended")
    row.state, row.updated_at = state, utcnow()
    publisher.campaigns.add(row.id)
    publisher.flush()
    return {"campaign": row.id, "state": row.state}


def set_participation(
    session: Session, *, alliance_id: int, shop_id: int, campaign_id: int, opted_in: bool
) -> dict[str, Any]:
    publisher = Publisher(session, alliance_id)
    row = campaign_of(session, campaign_id, alliance_id)
    if row.state == "ended":
        raise ApiError(409, "campaign_ended")
    link = session.get(CampaignShop, (campaign_id, shop_id))
    if link is None:
        session.add(
            CampaignShop(
                campaign_id=campaign_id, shop_id=shop_id, opted_in=opted_in, changed_at=utcnow()
            )
        )
    elif link.opted_in != opted_in:
        link.opted_in, link.changed_at = opted_in, utcnow()
    publisher.campaigns.add(campaign_id)
    publisher.flush()
    return {"campaign": campaign_id, "shop": shop_id, "opted_in": opted_in}


def list_campaigns(session: Session, *, alliance_id: int, shop_id: int) -> list[dict[str, Any]]:
    opted = {
        cid
        for (cid,) in session.execute(
            select(CampaignShop.campaign_id).where(
                CampaignShop.shop_id == shop_id, CampaignShop.opted_in.is_(True)
            )
        )
    }
    return [
        {
            "campaign": c.id,
            "name": c.name,
            "state": c.state,
            "spec": json.loads(c.spec),
            "opted_in": c.id in opted,
        }
        for c in session.execute(
            select(AllianceCampaign)
            .where(AllianceCampaign.alliance_id == alliance_id)
            .order_by(AllianceCampaign.id)
        ).scalars()
    ]


def _window(spec: CampaignSpec, today: dt.date) -> tuple[dt.date, dt.date]:
    if spec.valid_days is not None:
        return today, today + dt.timedelta(days=spec.valid_days - 1)
    assert spec.valid_from is not None
    assert spec.valid_to is not None
    return spec.valid_from, spec.valid_to


def _offer_value(spec: CampaignSpec) -> int:
    if spec.kind == "percent_off":
        return spec.percent
    if spec.kind == "gift":
        return 0
    return spec.value_fen


def issue_coupons(
    session: Session, *, campaign_id: int, count: int, member_id: int | None = None
) -> list[dict[str, Any]]:
    """Issue ``count`` alliance coupons (bearer, or bound to a member who shares with the
    alliance); returns their ids and signed digit codes."""
    row = campaign_of(session, campaign_id)
    spec = CampaignSpec.from_json(json.loads(row.spec))
    if row.state != "active":
        raise ApiError(409, "campaign_not_active", state=row.state)
    if not spec.is_coupon or spec.kind not in COUPON_KINDS:
        raise ApiError(409, "campaign_not_issuable")
    if not 1 <= count <= MAX_ISSUE:
        raise ApiError(400, "count_invalid", max=MAX_ISSUE)
    publisher = Publisher(session, row.alliance_id)
    if member_id is not None:
        member = session.get(Member, (row.alliance_id, member_id))
        if member is None or not member.sharing or member.erased_at is not None:
            raise ApiError(409, "member_not_shared")
        held = session.execute(
            select(func.count()).where(
                AllianceCoupon.campaign_id == campaign_id, AllianceCoupon.member_id == member_id
            )
        ).scalar_one()
        if held + count > spec.per_member_limit:
            raise ApiError(409, "per_member_limit", limit=spec.per_member_limit)
    if spec.quota is not None:
        issued = session.execute(
            select(func.count()).where(AllianceCoupon.campaign_id == campaign_id)
        ).scalar_one()
        if issued + count > spec.quota:
            raise ApiError(409, "quota_exhausted", quota=spec.quota, issued=issued)
    now = utcnow()
    valid_from, valid_to = _window(spec, now.date())
    key = signing_key(session, row.alliance_id)
    out = []
    for _ in range(count):
        coupon_id = secrets.randbits(63) | (1 << 40)
        token = CouponToken(
            coupon_id=coupon_id,
            campaign_id=campaign_id,
            kind=spec.kind,
            value=_offer_value(spec),
            scope=1,
            shop_id=0,
            valid_from=valid_from,
            valid_to=valid_to,
            member_id=member_id or 0,
        )
        session.add(
            AllianceCoupon(
                id=coupon_id,
                alliance_id=row.alliance_id,
                campaign_id=campaign_id,
                member_id=member_id,
                kind=spec.kind,
                value=_offer_value(spec),
                valid_from=valid_from,
                valid_to=valid_to,
                state="issued",
                issued_at=now,
            )
        )
        publisher.coupons.add(coupon_id)
        out.append(
            {
                "id": coupon_id,
                "code": encode_coupon(token, private_key=key, alliance_id=row.alliance_id),
            }
        )
    session.flush()
    publisher.flush()
    return out


def results(
    session: Session,
    *,
    campaign_id: int,
    alliance_id: int | None = None,
    shop_id: int | None = None,
) -> dict[str, Any]:
    """Per shop: participation, redemptions honoured, conflicts, discount given and the sales
    the coupons came with. ``shop_id`` limits it to that shop's own part."""
    row = campaign_of(session, campaign_id, alliance_id)
    shops = [
        sid
        for (sid,) in session.execute(
            select(Shop.id).where(Shop.alliance_id == row.alliance_id).order_by(Shop.id)
        )
        if shop_id is None or sid == shop_id
    ]
    opted = dict(
        session.execute(
            select(CampaignShop.shop_id, CampaignShop.opted_in).where(
                CampaignShop.campaign_id == campaign_id
            )
        ).all()
    )
    redemptions: dict[int, dict[str, int]] = {}
    for r in session.execute(
        select(CouponRedemption).where(CouponRedemption.campaign_id == campaign_id)
    ).scalars():
        part = redemptions.setdefault(r.shop_id, {"redeemed": 0, "conflicts": 0, "discount_fen": 0})
        if r.honoured and not r.restored:
            part["redeemed"] += 1
            part["discount_fen"] += r.discount_fen
        elif not r.honoured:
            part["conflicts"] += 1
    coupon_ids = select(AllianceCoupon.id).where(AllianceCoupon.campaign_id == campaign_id)
    sales = dict(
        session.execute(
            select(SaleRecord.shop_id, func.sum(SaleRecord.amount_fen))
            .where(
                SaleRecord.alliance_id == row.alliance_id,
                SaleRecord.coupon_id.in_(coupon_ids),
                SaleRecord.recorded.is_(True),
                SaleRecord.refunded.is_(False),
            )
            .group_by(SaleRecord.shop_id)
        ).all()
    )
    out: dict[str, Any] = {
        "campaign": campaign_id,
        "name": row.name,
        "state": row.state,
        "shops": [
            {
                "shop": sid,
                "opted_in": bool(opted.get(sid, False)),
                **redemptions.get(sid, {"redeemed": 0, "conflicts": 0, "discount_fen": 0}),
                "sales_fen": int(sales.get(sid) or 0),
            }
            for sid in shops
        ],
    }
    if shop_id is None:
        out["issued"] = session.execute(
            select(func.count()).where(AllianceCoupon.campaign_id == campaign_id)
        ).scalar_one()
        out["conflicts_recorded"] = session.execute(
            select(func.count()).where(
                Conflict.alliance_id == row.alliance_id,
                Conflict.event_id.in_(
                    select(CouponRedemption.event_id).where(
                        CouponRedemption.campaign_id == campaign_id
                    )
                ),
            )
        ).scalar_one()
    return out
