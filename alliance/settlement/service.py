"""Settlement between shops (DESIGN §8), per period, netted through the alliance.

For each shop: points it issued (earns booked at it) and points it honoured (redemptions at
it); ``(honoured − issued) × point value`` is what the alliance pays it (negative: what it
pays the alliance). The referral share moves money between two shops: a member's home shop
earns a share of that member's spend at other shops for a window after enrolment. Duplicate
alliance-coupon redemptions that the policy puts on the alliance are paid to the shop that
honoured them. Each statement is signed with the alliance key (Ed25519 over its canonical
JSON without the signature fields).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from alliance.errors import ApiError
from alliance.keys import signing_key
from alliance.ledger import honored_account, issued_account
from alliance.security import b64
from alliance.tables import Alliance, Conflict, LedgerEntry, Member, Posting, SaleRecord, Shop
from desktop.models.jsonutil import canonical_json
from desktop.models.qrtoken import key_id_for


def _shop_points(
    session: Session, alliance_id: int, start: dt.date, end: dt.date
) -> dict[str, int]:
    rows = session.execute(
        select(Posting.account, func.sum(Posting.amount))
        .join(LedgerEntry, LedgerEntry.id == Posting.entry_id)
        .where(
            Posting.alliance_id == alliance_id,
            Posting.account.like("shop:%"),
            LedgerEntry.day >= start,
            LedgerEntry.day <= end,
        )
        .group_by(Posting.account)
    )
    return {account: int(total) for account, total in rows}


def _referrals(
    session: Session, alliance_id: int, start: dt.date, end: dt.date, policy: dict[str, Any]
) -> list[tuple[int, int, int]]:
    """(home shop, selling shop, share in fen) for each qualifying sale."""
    pct = int(policy.get("referral_share_pct", 5))
    window = int(policy.get("referral_window_days", 365))
    rows = session.execute(
        select(
            SaleRecord.shop_id,
            SaleRecord.paid_fen,
            SaleRecord.day,
            Member.home_shop_id,
            Member.enrolled_day,
        )
        .join(
            Member,
            and_(Member.alliance_id == SaleRecord.alliance_id, Member.id == SaleRecord.member_id),
        )
        .where(
            SaleRecord.alliance_id == alliance_id,
            SaleRecord.recorded.is_(True),
            SaleRecord.refunded.is_(False),
            SaleRecord.day >= start,
            SaleRecord.day <= end,
            Member.home_shop_id.is_not(None),
            Member.home_shop_id != SaleRecord.shop_id,
        )
    )
    out: list[tuple[int, int, int]] = []
    for seller, paid, day, home, enrolled in rows:
        if home is None or enrolled is None or day is None:
            continue
        if day <= enrolled + dt.timedelta(days=window):
            out.append((home, seller, paid * pct // 100))
    return out


def statements(
    session: Session,
    *,
    alliance_id: int,
    start: dt.date,
    end: dt.date,
    shop_id: int | None = None,
) -> list[dict[str, Any]]:
    if end < start:
        raise ApiError(400, "period_invalid", "the period ends before it starts")
    alliance = session.get(Alliance, alliance_id)
    if alliance is None:
        raise ApiError(404, "alliance_not_found")
    policy = json.loads(alliance.policy)
    value = int(policy.get("point_value_fen", 1))
    points = _shop_points(session, alliance_id, start, end)
    referrals = _referrals(session, alliance_id, start, end, policy)
    compensation = dict(
        session.execute(
            select(Conflict.shop_id, func.sum(Conflict.amount))
            .where(
                Conflict.alliance_id == alliance_id,
                Conflict.kind.in_(("coupon_already_redeemed", "coupon_void")),
                Conflict.settlement == "alliance",
                Conflict.day >= start,
                Conflict.day <= end,
            )
            .group_by(Conflict.shop_id)
        ).all()
    )
    key = signing_key(session, alliance_id)
    out = []
    shops = session.execute(
        select(Shop).where(Shop.alliance_id == alliance_id).order_by(Shop.id)
    ).scalars()
    for shop in shops:
        if shop_id is not None and shop.id != shop_id:
            continue
        issued = -points.get(issued_account(shop.id), 0)
        honored = points.get(honored_account(shop.id), 0)
        earned = sum(fen for home, _, fen in referrals if home == shop.id)
        owed = sum(fen for _, seller, fen in referrals if seller == shop.id)
        coupons = int(compensation.get(shop.id) or 0)
        body: dict[str, Any] = {
            "alliance": alliance_id,
            "shop": shop.id,
            "shop_name": shop.name,
            "period": {"from": start.isoformat(), "to": end.isoformat()},
            "point_value_fen": value,
            "points_issued": issued,
            "points_honored": honored,
            "points_net_fen": (honored - issued) * value,
            "referral_earned_fen": earned,
            "referral_owed_fen": owed,
            "coupon_compensation_fen": coupons,
            "net_fen": (honored - issued) * value + earned - owed + coupons,
        }
        signature = key.sign(canonical_json(body).encode("utf-8"))
        body["signer_key_id"] = key_id_for(key.public_key())
        body["signature"] = b64(signature)
        out.append(body)
    return out
