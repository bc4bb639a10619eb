"""Coupon QR codes: signed digits, reprints, forgeries, misreads, and a member card and a
coupon scanned in each other's place."""

from __future__ import annotations

import datetime as dt
import struct

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.models.coupons import CouponInfo
from desktop.models.errors import DomainError
from desktop.models.keys import create_shop_key, shop_signing_key
from desktop.models.qrtoken import (
    CouponToken,
    encode_coupon,
    key_id_for,
    parse_frame,
    verify_coupon,
)
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.coupon_support import fan, spec

COUPON_TAG = b"merchant-desk/coupon/v1\x00"
STRANGER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))


def frame(kind_digit: int, payload: bytes) -> str:
    """A frame built as the qrtoken docstring describes it, with correct check digits."""
    width = len(str(256 ** len(payload) - 1))
    prefix = f"9{kind_digit}1{len(payload):03d}{str(int.from_bytes(payload, 'big')).zfill(width)}"
    return prefix + f"{98 - int(prefix + '00') % 97:02d}"


def code_error(desk: Desk, raw: str, *, member_id: int | None = None) -> DomainError:
    with pytest.raises(DomainError) as err:
        desk.check_coupon(raw, amount_fen=5000, member_id=member_id)
    return err.value


@pytest.fixture
def coupon(desk: Desk, owner: Actor) -> CouponInfo:
    cid = desk.create_campaign(spec(), by=owner)
    return desk.issue_bearer_batch(cid, count=1, by=owner)[1][0]


def test_a_printed_code_scans_back_to_its_coupon_and_a_reprint_is_identical(
    desk: Desk, coupon: CouponInfo
) -> None:
    code = desk.coupon_code(coupon.id)
    assert code.isdigit()
    assert len(code) == 266
    assert desk.coupon_code(coupon.id) == code
    assert desk.check_code(code) == "coupon"
    check = desk.check_coupon(f"  {code}\n", amount_fen=5000, member_id=None)
    assert (check.coupon.id, check.discount_fen) == (coupon.id, 1000)


def test_the_code_carries_the_coupons_terms(desk: Desk, owner: Actor) -> None:
    member = fan(desk)
    cid = desk.create_campaign(spec(kind="percent_off", value_fen=0, percent=15), by=owner)
    info = desk.issue_coupon(cid, member_id=member, by=owner)
    with desk.db.read() as s:
        keys = {key_id_for(shop_signing_key(s).public_key()): shop_signing_key(s).public_key()}
    token = verify_coupon(desk.coupon_code(info.id), public_keys=keys).coupon
    assert (token.coupon_id, token.campaign_id, token.kind, token.value) == (
        info.id,
        cid,
        "percent_off",
        15,
    )
    assert (token.valid_from, token.valid_to, token.member_id) == (
        info.valid_from,
        info.valid_to,
        member,
    )
    assert token.shop_id == desk.shop_profile().id


def test_a_changed_digit_is_a_misread_not_a_forgery(desk: Desk, coupon: CouponInfo) -> None:
    code = desk.coupon_code(coupon.id)
    for at in (7, 100, 200, len(code) - 1):
        bad = code[:at] + str((int(code[at]) + 1) % 10) + code[at + 1 :]
        assert code_error(desk, bad).code == "misread"


def test_a_truncated_or_empty_scan_is_a_misread(desk: Desk, coupon: CouponInfo) -> None:
    code = desk.coupon_code(coupon.id)
    assert code_error(desk, code[:-10]).code == "misread"
    assert code_error(desk, code[:40]).code == "misread"
    assert code_error(desk, "").code == "misread"
    assert code_error(desk, "C-7Q4M-K2XD").code == "misread"


def test_a_changed_payload_with_fixed_check_digits_is_a_bad_signature(
    desk: Desk, coupon: CouponInfo
) -> None:
    token = parse_frame(desk.coupon_code(coupon.id))
    body = bytearray(token.body)
    body[12:16] = struct.pack(">I", 100_000)  # the value: ¥10 → ¥1,000
    forged = frame(2, token.header + bytes(body) + token.signature)
    assert code_error(desk, forged).code == "bad_signature"


def test_a_code_signed_by_an_unknown_key_is_refused(desk: Desk, coupon: CouponInfo) -> None:
    token = CouponToken(
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
    assert code_error(desk, encode_coupon(token, private_key=STRANGER)).code == "unknown_key"


def test_a_forgery_claiming_the_shops_key_id_is_a_bad_signature(
    desk: Desk, coupon: CouponInfo
) -> None:
    real = parse_frame(desk.coupon_code(coupon.id))
    signature = STRANGER.sign(COUPON_TAG + real.header + real.body)
    assert code_error(desk, frame(2, real.header + real.body + signature)).code == "bad_signature"


def test_a_genuine_code_for_a_coupon_this_shop_does_not_have_is_not_found(
    desk: Desk, coupon: CouponInfo
) -> None:
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
    assert code_error(desk, encode_coupon(ghost, private_key=key)).code == "coupon_not_found"


def test_codes_signed_before_a_key_change_still_scan(desk: Desk, coupon: CouponInfo) -> None:
    code = desk.coupon_code(coupon.id)
    with desk.db.write() as s:
        create_shop_key(s, now=desk.now())
    fresh = Desk(desk.db, clock=desk.now)
    assert fresh.check_coupon(code, amount_fen=5000, member_id=None).coupon.id == coupon.id
    assert fresh.coupon_code(coupon.id) != code  # a reprint is signed with the new key


def test_a_member_card_scanned_as_a_coupon_says_it_is_a_member_card(
    desk: Desk, member_id: int
) -> None:
    err = code_error(desk, desk.member_code(member_id))
    assert (err.code, err.params["kind"]) == ("wrong_kind", "member")


def test_a_forged_member_card_scanned_as_a_coupon_is_a_bad_signature(
    desk: Desk, member_id: int
) -> None:
    real = parse_frame(desk.member_code(member_id))
    signature = STRANGER.sign(b"merchant-desk/member-card/v1\x00" + real.header + real.body)
    assert code_error(desk, frame(1, real.header + real.body + signature)).code == "bad_signature"


def test_a_coupon_scanned_at_member_lookup_says_it_is_a_coupon(
    desk: Desk, coupon: CouponInfo
) -> None:
    with pytest.raises(DomainError) as err:
        desk.lookup_scan(desk.coupon_code(coupon.id))
    assert (err.value.code, err.value.params["kind"]) == ("wrong_kind", "coupon")


def test_a_coupon_code_typed_through_an_azerty_layout_is_recovered(
    desk: Desk, coupon: CouponInfo
) -> None:
    azerty = dict(zip("1234567890", "&é\"'(-è_çà", strict=True))
    typed = "".join(azerty[d] for d in desk.coupon_code(coupon.id))
    assert desk.check_coupon(typed, amount_fen=5000, member_id=None).coupon.id == coupon.id


def test_encoding_refuses_fields_that_do_not_fit() -> None:
    base = CouponToken(1, 1, "amount_off", 1, 0, 1, dt.date(2026, 1, 1), dt.date(2026, 1, 2), 0)
    for bad in (
        {"coupon_id": 0},
        {"kind": "points_multiplier"},
        {"valid_to": dt.date(2025, 12, 31)},
        {"valid_from": dt.date(2019, 1, 1)},
        {"value": -1},
    ):
        with pytest.raises(ValueError, match=r"."):
            encode_coupon(base.__class__(**{**base.__dict__, **bad}), private_key=STRANGER)
