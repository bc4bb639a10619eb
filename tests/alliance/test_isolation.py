"""Shop A can neither read nor write shop B's data, endpoint by endpoint."""

from __future__ import annotations

import datetime as dt

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance.campaigns import service as campaigns
from alliance.certs import raw_public
from alliance.security import b64
from tests.alliance.support import AllianceHelper, Server, new_sale

SPEC = {
    "name": "联合券",
    "kind": "amount_off",
    "value_fen": 300,
    "valid_days": 10,
    "scope": "alliance",
}


def test_push_cannot_touch_another_shops_private_member(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    private = b.enrol_member(sharing=False)
    b.sale(private, earn=50)
    earn = a.sale(private, earn=10)
    assert earn["outcome"] == "rejected"
    assert earn["reason"] == "member_not_shared"
    redeem = a.sale(private, redeem=10)
    assert redeem["outcome"] == "rejected"
    consent = a.push_one(
        "member.consent", {"member_id": private, "kind": "sharing", "granted": True}
    )
    assert consent["outcome"] == "rejected"
    assert consent["reason"] == "not_home_shop"
    shared = b.enrol_member(sharing=True)
    card = a.push_one("card.reissued", {"member_id": shared, "serial": 9})
    assert card["reason"] == "not_home_shop"
    taken = a.push_one("member.enrolled", {"member_id": shared, "sharing": True})
    assert taken["reason"] == "member_id_taken"
    snapshot = b.member(private)
    assert snapshot is not None
    assert snapshot["balance"] == 50
    assert snapshot["sharing"] is False


def test_push_is_only_for_the_authenticated_device(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    event = b.event("checkin.recorded", {"member_id": 5, "points": 0})
    response = a.push_raw([event], device_id=b.id)
    assert response.status_code == 403
    assert response.json()["error"] == "wrong_device"
    # Without the field, the events are A's own: B's sequence is untouched.
    assert a.push([event])["acked_seq"] == 1
    assert b.pull_page(0)["acked_seq"] == 0
    # B later pushes an event with the same id: it is A's, so B gets 409.
    assert b.push_raw([event]).status_code == 409


def test_pull_shows_only_the_devices_audience(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    private = b.enrol_member(sharing=False)
    a.sync_down()
    assert f"member:{private}" not in a.state
    assert all(private != c["data"].get("member_id") for c in a.pull_page(0, 1000)["changes"])
    other = AllianceHelper.create(a.server).device("X")
    other.sync_down()
    assert not any(k.startswith("member:") for k in other.state)
    assert other.state["alliance"]["alliance_id"] != alliance.id


def test_campaign_endpoints_stay_inside_the_alliance_and_the_shop(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    stranger = AllianceHelper.create(a.server).device("X")
    with alliance.server.db.write() as session:
        campaign = campaigns.create_campaign(session, alliance_id=alliance.id, spec_json=SPEC)
        (coupon,) = campaigns.issue_coupons(session, campaign_id=campaign, count=1)
    assert stranger.post(f"/v1/campaigns/{campaign}/opt-in").status_code == 404
    assert stranger.post(f"/v1/campaigns/{campaign}/opt-out").status_code == 404
    assert stranger.get(f"/v1/campaigns/{campaign}/results").status_code == 404
    assert stranger.get("/v1/campaigns").json()["campaigns"] == []
    assert a.post(f"/v1/campaigns/{campaign}/opt-in").json()["opted_in"] is True
    b.post(f"/v1/campaigns/{campaign}/opt-in")
    b.push_one(
        "coupon.redeemed", {"coupon_id": coupon["id"], "sale": new_sale(), "discount_fen": 300}
    )
    own = a.get(f"/v1/campaigns/{campaign}/results").json()
    assert [p["shop"] for p in own["shops"]] == [a.shop_id]
    assert own["shops"][0]["redeemed"] == 0
    assert "issued" not in own
    theirs = b.get(f"/v1/campaigns/{campaign}/results").json()
    assert [p["shop"] for p in theirs["shops"]] == [b.shop_id]
    assert theirs["shops"][0]["redeemed"] == 1
    # Another alliance's coupon is not this alliance's: redeeming it has no alliance effect.
    foreign = stranger.push_one("coupon.redeemed", {"coupon_id": coupon["id"], "sale": new_sale()})
    assert foreign["outcome"] == "applied"
    assert foreign["conflicts"] == []


def test_settlement_shows_only_the_shops_own_statement(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    member = a.enrol_member()
    a.sale(member, earn=100)
    b.sale(member, redeem=60)
    today = dt.date.today().isoformat()
    mine = a.get("/v1/settlement", **{"from": today, "to": today})
    assert mine.status_code == 200, mine.text
    assert mine.json()["shop"] == a.shop_id
    assert mine.json()["points_issued"] == 100
    theirs = b.get("/v1/settlement", **{"from": today, "to": today}).json()
    assert theirs["shop"] == b.shop_id
    assert theirs["points_honored"] == 60


def test_a_shop_certifies_only_its_own_keys(alliance: AllianceHelper, server: Server) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    new_key = b64(raw_public(Ed25519PrivateKey.generate().public_key()))
    response = a.post("/v1/shop-keys", {"public_key": new_key, "retire_others": True})
    assert response.status_code == 200
    assert response.json()["certificate"]["shop_id"] == a.shop_id
    stolen = b64(raw_public(b.key.public_key()))
    clash = a.post("/v1/shop-keys", {"public_key": stolen})
    assert clash.status_code == 409
    assert clash.json()["error"] == "public_key_in_use"
    a.sync_down()
    b_key = [v for v in a.state.values() if v.get("owner") == "shop" and v["shop_id"] == b.shop_id]
    assert len(b_key) == 1
    assert b_key[0]["retired_at"] is None
    a_keys = [v for v in a.state.values() if v.get("owner") == "shop" and v["shop_id"] == a.shop_id]
    assert sorted(k["retired_at"] is None for k in a_keys) == [False, True]


def test_an_enrolment_code_enrols_into_its_own_shop_only(alliance: AllianceHelper) -> None:
    invite_a, invite_b = alliance.invite("A"), alliance.invite("B")
    assert alliance.enrol(invite_b["code"]).json()["shop_id"] == invite_b["shop"]
    assert alliance.enrol(invite_a["code"]).json()["shop_id"] == invite_a["shop"]
