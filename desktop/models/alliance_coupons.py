"""Coupons of a joint campaign, redeemed at this shop's counter.

The alliance signs them (QR token kind coupon, scope alliance). The first scan of one makes
this shop's copy: a ``campaign`` row for the joint campaign (``alliance_campaign_id``) and a
``coupon`` row with the coupon's own id, so the counter checks, applies, refuses a second use
and restores on refund exactly as for its own coupons, and the ``coupon.redeemed`` event it
writes tells the alliance which coupon was used (the first redemption to arrive is honoured).

On top of the coupon's own terms: this shop must take part in the campaign, the campaign must
be running, a coupon the alliance already knows as used elsewhere is refused, and while the
counter is offline (no good sync in the last 15 minutes) only campaigns that allow offline
use, and values up to the alliance's offline cap, are accepted (DESIGN §5).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.alliance_balance import alliance_shop
from desktop.models.alliance_keys import alliance_keys
from desktop.models.cache import invalidate
from desktop.models.campaign_spec import CampaignSpec
from desktop.models.campaigns import _LIVE_KEY
from desktop.models.coupon_codes import verify_scanned_coupon
from desktop.models.coupon_issue import serial_for
from desktop.models.errors import DomainError
from desktop.models.jsonutil import canonical_json
from desktop.models.offline_policy import POLICY_SETTING, snapshot_age
from desktop.models.qrtoken import VerifiedCoupon
from desktop.models.shop import get_setting
from desktop.models.tables import AllianceEntity, AllianceMember, Campaign, Coupon, Member

ONLINE_WITHIN = dt.timedelta(minutes=15)
DEFAULT_OFFLINE_CAP_FEN = 5_000
_STATES = {"active": "active", "paused": "paused"}


def _entity(session: Session, key: str) -> dict[str, Any] | None:
    raw = session.execute(select(AllianceEntity.data).where(AllianceEntity.key == key)).scalar()
    return None if raw is None else dict(json.loads(raw))


def alliance_public_keys(session: Session) -> dict[int, Ed25519PublicKey]:
    return {
        key_id: Ed25519PublicKey.from_public_bytes(raw)
        for key_id, raw in alliance_keys(session).items()
    }


def verify_scanned(session: Session, raw: str) -> VerifiedCoupon | None:
    """A scanned coupon signed by this shop's alliance (read only); None when it is not."""
    shop = alliance_shop(session)
    keys = alliance_public_keys(session) if shop is not None else {}
    if shop is None or not keys:
        return None
    try:
        verified = verify_scanned_coupon(raw, keys)
    except DomainError as exc:
        if exc.code == "unknown_key":
            return None
        raise
    return verified if verified.alliance_id == shop.alliance_id else None


def adopt(session: Session, verified: VerifiedCoupon, *, now: dt.datetime) -> int:
    """This shop's copy of a verified alliance coupon, made on its first scan; its id."""
    token = verified.coupon
    if session.get(Coupon, token.coupon_id) is not None:
        return token.coupon_id
    campaign_id, spec = mirror_campaign(session, token.campaign_id, now=now)
    member_id = token.member_id or None
    if member_id is not None and session.get(Member, member_id) is None:
        _guest_for(session, member_id, now=now)
    session.add(
        Coupon(
            id=token.coupon_id,
            serial=serial_for(token.coupon_id),
            campaign_id=campaign_id,
            batch_id=None,
            member_id=member_id,
            # What the coupon itself carries (signed) wins over the campaign as it is now:
            # a campaign changed after printing does not change coupons already handed out.
            kind=token.kind,
            value_fen=token.value if token.kind in ("amount_off", "spend_save") else 0,
            percent=token.value if token.kind == "percent_off" else 0,
            cap_fen=spec.cap_fen,
            min_spend_fen=spec.min_spend_fen,
            gift=spec.gift,
            terms=spec.terms,
            scope="alliance",
            shop_id=0,
            valid_from=token.valid_from,
            valid_to=token.valid_to,
            state="issued",
            source="alliance",
            issued_at=now,
            issued_by=None,
        )
    )
    session.flush()
    snapshot = _entity(session, f"coupon:{token.coupon_id}")
    if snapshot is not None:
        on_coupon_snapshot(session, token.coupon_id, snapshot)
    return token.coupon_id


def _guest_for(session: Session, member_id: int, *, now: dt.datetime) -> None:
    from desktop.models.alliance_guests import ensure_guest
    from desktop.models.clock import local_day
    from desktop.models.shop import shop_profile

    snap = session.get(AllianceMember, member_id)
    if snap is None:
        raise DomainError("coupon_member_unknown")
    today = local_day(now, shop_profile(session).timezone)
    ensure_guest(session, snap, today=today, now=now, card=None)


def mirror_campaign(
    session: Session, alliance_campaign_id: int, *, now: dt.datetime
) -> tuple[int, CampaignSpec]:
    """This shop's copy of a joint campaign, made or brought up to date from its snapshot."""
    data = _entity(session, f"campaign:{alliance_campaign_id}")
    if data is None or not isinstance(data.get("spec"), dict):
        raise DomainError("alliance_campaign_unknown")
    spec = CampaignSpec.from_json(data["spec"])
    if not spec.is_coupon:
        raise DomainError("alliance_campaign_unknown")
    row = session.execute(
        select(Campaign).where(Campaign.alliance_campaign_id == alliance_campaign_id)
    ).scalar_one_or_none()
    if row is None:
        row = Campaign(alliance_campaign_id=alliance_campaign_id, created_at=now, created_by=None)
        session.add(row)
    row.name = str(data.get("name") or spec.name)[:100]
    row.kind = spec.kind
    row.trigger = None
    row.state = _STATES.get(str(data.get("state")), "ended")
    row.spec = canonical_json(spec.to_json())
    row.valid_from, row.valid_to = spec.valid_from, spec.valid_to
    row.updated_at = now
    session.flush()
    invalidate(session, _LIVE_KEY)
    return row.id, spec


def check_terms(session: Session, coupon: Coupon, *, now: dt.datetime) -> None:
    """The alliance's rules for using one of its coupons here, now (after the coupon's own)."""
    shop = alliance_shop(session)
    campaign = session.get(Campaign, coupon.campaign_id)
    if shop is None or campaign is None or campaign.alliance_campaign_id is None:
        raise DomainError("alliance_coupon_not_here")
    data = _entity(session, f"campaign:{campaign.alliance_campaign_id}") or {}
    if shop.shop_id not in [int(s) for s in data.get("shops") or []]:
        raise DomainError("alliance_campaign_not_joined", campaign=campaign.name)
    if data.get("state") != "active":
        raise DomainError("campaign_not_running", campaign=campaign.name)
    age = snapshot_age(session, now=now)
    if age is not None and age <= ONLINE_WITHIN:
        return
    spec = CampaignSpec.from_json(json.loads(campaign.spec))
    if not spec.offline_redeemable:
        raise DomainError("alliance_coupon_online_only")
    policy = get_setting(session, POLICY_SETTING) or {}
    cap = int(policy.get("alliance_coupon_offline_cap_fen", DEFAULT_OFFLINE_CAP_FEN))
    if coupon.value_fen > cap:
        raise DomainError("alliance_coupon_over_offline_cap", cap_fen=cap)


def on_coupon_snapshot(session: Session, coupon_id: int, data: dict[str, Any]) -> None:
    """A pulled coupon state: one used at another shop is no longer usable here."""
    coupon = session.get(Coupon, coupon_id)
    if coupon is None or coupon.scope != "alliance" or coupon.state != "issued":
        return
    shop = alliance_shop(session)
    elsewhere = data.get("redeemed_shop_id")
    if data.get("state") == "redeemed" and (shop is None or elsewhere != shop.shop_id):
        coupon.state = "redeemed"
        coupon.redeemed_shop = f"#{elsewhere}" if elsewhere is not None else "?"
    elif data.get("state") == "void":
        coupon.state = "void"
