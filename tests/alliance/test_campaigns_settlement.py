"""Joint campaigns (operator creates, shops opt in, results per shop) and settlement."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from alliance.campaigns import service as campaigns
from alliance.errors import ApiError
from alliance.security import unb64
from alliance.settlement import service as settlement
from desktop.models.jsonutil import canonical_json
from desktop.models.qrtoken import verify_coupon
from tests.alliance.support import AllianceHelper, new_sale

SPEC = {
    "name": "联盟双十一",
    "kind": "percent_off",
    "percent": 10,
    "cap_fen": 2000,
    "valid_days": 14,
    "scope": "alliance",
    "per_member_limit": 2,
    "quota": 3,
}


def test_a_joint_campaign_travels_down_with_its_participants(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    with alliance.server.db.write() as session:
        campaign = campaigns.create_campaign(session, alliance_id=alliance.id, spec_json=SPEC)
    assert a.post(f"/v1/campaigns/{campaign}/opt-in").status_code == 200
    b.sync_down()
    data = b.state[f"campaign:{campaign}"]
    assert data["spec"]["scope"] == "alliance"
    assert data["spec"]["percent"] == 10
    assert data["shops"] == [a.shop_id]
    assert data["state"] == "active"
    listed = b.get("/v1/campaigns").json()["campaigns"]
    assert [(c["campaign"], c["opted_in"]) for c in listed] == [(campaign, False)]
    a.post(f"/v1/campaigns/{campaign}/opt-out")
    b.sync_down()
    assert b.state[f"campaign:{campaign}"]["shops"] == []
    with alliance.server.db.write() as session:
        campaigns.set_state(session, campaign_id=campaign, state="ended")
    ended = a.post(f"/v1/campaigns/{campaign}/opt-in")
    assert ended.status_code == 409
    assert ended.json()["error"] == "campaign_ended"


def test_alliance_coupons_are_signed_by_the_alliance_and_bounded(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    with alliance.server.db.write() as session:
        campaign = campaigns.create_campaign(session, alliance_id=alliance.id, spec_json=SPEC)
        coupons = campaigns.issue_coupons(session, campaign_id=campaign, count=2, member_id=member)
    keys = {
        k["key_id"]: Ed25519PublicKey.from_public_bytes(unb64(k["public_key"]) or b"")
        for k in device.enrolment["alliance_keys"]
    }
    verified = verify_coupon(coupons[0]["code"], public_keys=keys)
    assert verified.alliance_id == alliance.id
    assert verified.coupon.scope == 1
    assert verified.coupon.member_id == member
    assert verified.coupon.kind == "percent_off"
    assert verified.coupon.value == 10
    with pytest.raises(ApiError) as limit, alliance.server.db.write() as session:
        campaigns.issue_coupons(session, campaign_id=campaign, count=1, member_id=member)
    assert limit.value.code == "per_member_limit"
    private = device.enrol_member(sharing=False)
    with pytest.raises(ApiError) as private_member, alliance.server.db.write() as session:
        campaigns.issue_coupons(session, campaign_id=campaign, count=1, member_id=private)
    assert private_member.value.code == "member_not_shared"


def test_a_shop_scope_spec_is_not_an_alliance_campaign(alliance: AllianceHelper) -> None:
    with pytest.raises(ApiError) as refused, alliance.server.db.write() as session:
        campaigns.create_campaign(
            session, alliance_id=alliance.id, spec_json={**SPEC, "scope": "shop"}
        )
    assert refused.value.code == "campaign_spec_invalid"
    assert refused.value.params["problems"] == [{"field": "scope", "reason": "not_alliance"}]


def _statement(alliance: AllianceHelper, shop: int, day: dt.date) -> dict[str, Any]:
    with alliance.server.db.read() as session:
        (own,) = settlement.statements(
            session, alliance_id=alliance.id, start=day, end=day, shop_id=shop
        )
    return own


def test_settlement_nets_points_and_referral_share(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    member = a.enrol_member()
    today = dt.date.today()
    a.sale(member, earn=100, amount=10_000)
    b.sale(member, redeem=60, amount=20_000)  # paid 19,940 fen at B
    refunded = new_sale()
    b.sale(member, amount=50_000, sale=refunded)
    b.push_one("sale.refunded", {"sale": refunded, "member_id": member})
    sa, sb = _statement(alliance, a.shop_id, today), _statement(alliance, b.shop_id, today)
    assert (sa["points_issued"], sa["points_honored"], sa["points_net_fen"]) == (100, 0, -100)
    assert (sb["points_issued"], sb["points_honored"], sb["points_net_fen"]) == (0, 60, 60)
    share = 19_940 * 5 // 100
    assert sa["referral_earned_fen"] == share
    assert sb["referral_owed_fen"] == share
    assert sa["net_fen"] == -100 + share
    assert sb["net_fen"] == 60 - share
    body = {k: v for k, v in sa.items() if k not in ("signature", "signer_key_id")}
    keys = {k["key_id"]: k["public_key"] for k in a.enrolment["alliance_keys"]}
    public = Ed25519PublicKey.from_public_bytes(unb64(keys[sa["signer_key_id"]]) or b"")
    public.verify(unb64(sa["signature"]) or b"", canonical_json(body).encode("utf-8"))


def test_a_second_coupon_redemption_is_compensated_by_the_alliance(
    alliance: AllianceHelper,
) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    with alliance.server.db.write() as session:
        campaign = campaigns.create_campaign(session, alliance_id=alliance.id, spec_json=SPEC)
        (coupon,) = campaigns.issue_coupons(session, campaign_id=campaign, count=1)
    for device in (a, b):
        device.post(f"/v1/campaigns/{campaign}/opt-in")
        device.push_one(
            "coupon.redeemed", {"coupon_id": coupon["id"], "sale": new_sale(), "discount_fen": 700}
        )
    today = dt.date.today()
    assert _statement(alliance, a.shop_id, today)["coupon_compensation_fen"] == 0
    assert _statement(alliance, b.shop_id, today)["coupon_compensation_fen"] == 700
