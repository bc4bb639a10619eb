"""Reading a coupon from its code in any state: only the framing and the signature are
checked, with the same refusals as checking it for a sale."""

from __future__ import annotations

import struct

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.models.coupons import CouponInfo
from desktop.models.errors import DomainError
from desktop.models.keys import shop_signing_key
from desktop.models.qrtoken import CouponToken, encode_coupon, parse_frame
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import FakeClock
from tests.models.coupon_support import fan, spec
from tests.models.test_coupon_codes import frame

STRANGER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))


@pytest.fixture
def coupon(desk: Desk, owner: Actor) -> CouponInfo:
    cid = desk.create_campaign(spec(), by=owner)
    return desk.issue_bearer_batch(cid, count=1, by=owner)[1][0]


def refusal(desk: Desk, raw: str) -> DomainError:
    with pytest.raises(DomainError) as err:
        desk.coupon_for_code(raw)
    return err.value


def test_a_code_names_its_coupon(desk: Desk, coupon: CouponInfo) -> None:
    assert desk.coupon_for_code(f" {desk.coupon_code(coupon.id)}\n") == coupon


def test_a_used_coupon_is_still_named_with_where_it_was_used(
    desk: Desk, coupon: CouponInfo
) -> None:
    code = desk.coupon_code(coupon.id)
    sale = desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupon.id)
    found = desk.coupon_for_code(code)
    assert (found.id, found.state, found.redeemed_sale_id) == (coupon.id, "redeemed", sale.sale_id)
    assert found.redeemed_shop == desk.shop_profile().name


def test_void_expired_and_bound_coupons_are_named_too(
    desk: Desk, owner: Actor, coupon: CouponInfo, clock: FakeClock
) -> None:
    member = fan(desk)
    bound = desk.issue_coupon(coupon.campaign_id, member_id=member, by=owner)
    desk.void_coupon(coupon.id, by=owner, reason="lost")
    assert desk.coupon_for_code(desk.coupon_code(coupon.id)).state == "void"
    found = desk.coupon_for_code(desk.coupon_code(bound.id))
    assert (found.member_id, found.state) == (member, "issued")
    clock.advance(days=40)
    assert desk.coupon_for_code(desk.coupon_code(bound.id)).state == "expired"


def test_misreads_and_forgeries_are_refused_like_a_sale_check(
    desk: Desk, coupon: CouponInfo
) -> None:
    code = desk.coupon_code(coupon.id)
    assert refusal(desk, code[:-5]).code == "misread"
    assert refusal(desk, "").code == "misread"
    real = parse_frame(code)
    body = bytearray(real.body)
    body[12:16] = struct.pack(">I", 100_000)
    assert refusal(desk, frame(2, real.header + bytes(body) + real.signature)).code == (
        "bad_signature"
    )
    stranger = CouponToken(
        coupon_id=coupon.id,
        campaign_id=coupon.campaign_id,
        kind="amount_off",
        value=1000,
        scope=0,
        shop_id=1,
        valid_from=coupon.valid_from,
        valid_to=coupon.valid_to,
        member_id=0,
    )
    assert refusal(desk, encode_coupon(stranger, private_key=STRANGER)).code == "unknown_key"


def test_a_genuine_code_for_an_unknown_coupon_is_not_found(desk: Desk, coupon: CouponInfo) -> None:
    with desk.db.read() as s:
        key = shop_signing_key(s)
    ghost = CouponToken(
        coupon_id=coupon.id + 1,
        campaign_id=coupon.campaign_id,
        kind="amount_off",
        value=1000,
        scope=0,
        shop_id=1,
        valid_from=coupon.valid_from,
        valid_to=coupon.valid_to,
        member_id=0,
    )
    assert refusal(desk, encode_coupon(ghost, private_key=key)).code == "coupon_not_found"


def test_a_member_card_is_the_wrong_kind(desk: Desk, member_id: int) -> None:
    err = refusal(desk, desk.member_code(member_id))
    assert (err.code, err.params["kind"]) == ("wrong_kind", "member")
