"""Behaviour of signed digit tokens: framing, signing, verification order."""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.qrtoken import (
    MemberCard,
    TokenError,
    TokenErrorCode,
    TokenKind,
    VerifiedMemberCard,
    encode_member_card,
    key_id_for,
    parse_frame,
    verify_member_card,
)

# The format, restated from the specification so the tests do not trust the module's helpers.
MEMBER_TAG = b"merchant-desk/member-card/v1\x00"
EPOCH = date(2020, 1, 1)
TODAY = date(2025, 6, 1)

ISSUER = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
STRANGER = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))
CARD = MemberCard(
    member_id=0x1234_5678_9ABC_DEF0,
    card_serial=3,
    issued_on=date(2025, 1, 1),
    expires_on=date(2026, 1, 1),
    tier=1,
)


def spec_frame(kind_digit: int, payload: bytes, *, version_digit: int = 1, lead: str = "9") -> str:
    """Build a frame exactly as the specification describes, with correct check digits."""
    width = len(str(256 ** len(payload) - 1))
    number = str(int.from_bytes(payload, "big")).zfill(width)
    prefix = f"{lead}{kind_digit}{version_digit}{len(payload):03d}{number}"
    return prefix + f"{98 - int(prefix + '00') % 97:02d}"


def spec_header(kind: int, key_id: int, alliance_id: int = 0) -> bytes:
    return struct.pack(">BII", kind, key_id, alliance_id)


def spec_member_body(card: MemberCard) -> bytes:
    return struct.pack(
        ">QHHHB",
        card.member_id,
        card.card_serial,
        (card.issued_on - EPOCH).days,
        (card.expires_on - EPOCH).days,
        card.tier,
    )


def raw(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def keyring(*keys: Ed25519PrivateKey) -> dict[int, Ed25519PublicKey]:
    return {key_id_for(k.public_key()): k.public_key() for k in keys}


def never_revoked(member_id: int, card_serial: int) -> bool:
    return False


def verify(
    digits: str,
    *,
    today: date = TODAY,
    keys: dict[int, Ed25519PublicKey] | None = None,
    is_revoked: Callable[[int, int], bool] = never_revoked,
) -> VerifiedMemberCard:
    return verify_member_card(
        digits,
        public_keys=keyring(ISSUER) if keys is None else keys,
        today=today,
        is_revoked=is_revoked,
    )


def error_code(
    digits: str,
    *,
    today: date = TODAY,
    keys: dict[int, Ed25519PublicKey] | None = None,
    is_revoked: Callable[[int, int], bool] = never_revoked,
) -> TokenErrorCode:
    with pytest.raises(TokenError) as info:
        verify(digits, today=today, keys=keys, is_revoked=is_revoked)
    return info.value.code


def signed_member_payload(
    card: MemberCard,
    *,
    signer: Ed25519PrivateKey = ISSUER,
    key_id: int | None = None,
    alliance_id: int = 0,
) -> bytes:
    kid = key_id_for(ISSUER.public_key()) if key_id is None else key_id
    header = spec_header(1, kid, alliance_id)
    body = spec_member_body(card)
    return header + body + signer.sign(MEMBER_TAG + header + body)


TOKEN = encode_member_card(CARD, private_key=ISSUER, alliance_id=7)

# --- round trip and layout ------------------------------------------------------------------


def test_round_trip_returns_card_key_id_and_alliance() -> None:
    result = verify(TOKEN)
    assert result == VerifiedMemberCard(
        card=CARD, key_id=key_id_for(ISSUER.public_key()), alliance_id=7
    )


@settings(max_examples=60, deadline=None)
@given(
    member_id=st.integers(1, 2**63 - 1),
    card_serial=st.integers(0, 0xFFFF),
    issued_days=st.integers(0, 0xFFFF),
    valid_days=st.integers(0, 0xFFFF),
    tier=st.sampled_from([0, 1, 2]),
    alliance_id=st.integers(0, 2**32 - 1),
)
def test_any_valid_card_round_trips(
    member_id: int,
    card_serial: int,
    issued_days: int,
    valid_days: int,
    tier: int,
    alliance_id: int,
) -> None:
    issued = EPOCH + timedelta(days=issued_days)
    expires = EPOCH + timedelta(days=min(issued_days + valid_days, 0xFFFF))
    card = MemberCard(member_id, card_serial, issued, expires, tier)
    token = encode_member_card(card, private_key=ISSUER, alliance_id=alliance_id)
    result = verify(token, today=issued)
    assert (result.card, result.alliance_id) == (card, alliance_id)
    assert len(token) == 220


def test_token_matches_the_specified_layout() -> None:
    payload = signed_member_payload(CARD, alliance_id=7)
    assert len(payload) == 88
    assert TOKEN == spec_frame(1, payload)
    assert TOKEN.startswith("911088")
    assert len(TOKEN) == 220
    assert int(TOKEN) % 97 == 1


def test_key_id_is_first_four_bytes_of_sha256_of_raw_public_key() -> None:
    digest = hashlib.sha256(raw(ISSUER.public_key())).digest()
    assert key_id_for(ISSUER.public_key()) == int.from_bytes(digest[:4], "big")


def test_parse_frame_exposes_header_fields_without_verifying() -> None:
    token = parse_frame(TOKEN)
    assert token.kind == TokenKind.MEMBER_CARD
    assert token.key_id == key_id_for(ISSUER.public_key())
    assert token.alliance_id == 7
    assert token.body == spec_member_body(CARD)
    assert len(token.signature) == 64


# --- misreads ---------------------------------------------------------------------------------


def test_every_single_digit_substitution_is_misread() -> None:
    for position, original in enumerate(TOKEN):
        for digit in "0123456789":
            if digit == original:
                continue
            changed = TOKEN[:position] + digit + TOKEN[position + 1 :]
            assert error_code(changed) is TokenErrorCode.MISREAD, (position, digit)


def test_every_adjacent_transposition_is_misread() -> None:
    swaps = 0
    for i in range(len(TOKEN) - 1):
        if TOKEN[i] == TOKEN[i + 1]:
            continue
        swapped = TOKEN[:i] + TOKEN[i + 1] + TOKEN[i] + TOKEN[i + 2 :]
        assert error_code(swapped) is TokenErrorCode.MISREAD, i
        swaps += 1
    assert swaps > 150


@settings(max_examples=40, deadline=None)
@given(
    member_id=st.integers(1, 2**63 - 1),
    position=st.integers(0, 219),
    delta=st.integers(1, 9),
)
def test_a_substitution_in_any_token_is_misread(member_id: int, position: int, delta: int) -> None:
    card = MemberCard(member_id, 0, CARD.issued_on, CARD.expires_on, 0)
    token = encode_member_card(card, private_key=ISSUER)
    digit = str((int(token[position]) + delta) % 10)
    assert error_code(token[:position] + digit + token[position + 1 :]) is TokenErrorCode.MISREAD


def test_every_truncation_is_misread() -> None:
    for keep in range(len(TOKEN)):
        assert error_code(TOKEN[:keep]) is TokenErrorCode.MISREAD, keep


@pytest.mark.parametrize(
    "garbage",
    [
        pytest.param("", id="empty"),
        pytest.param("hello world", id="text"),
        pytest.param("9" * 10_000, id="10000-nines"),
        pytest.param("x" * 10_000, id="10000-letters"),
        pytest.param((TOKEN * 46)[:10_000], id="10000-pasted-tokens"),
        pytest.param(TOKEN + "0", id="trailing-digit"),
        pytest.param(TOKEN + "\r\n", id="trailing-newline"),
        pytest.param(" " + TOKEN, id="leading-space"),
        pytest.param(TOKEN[:100] + "A" + TOKEN[101:], id="letter-inside"),
        pytest.param(
            TOKEN.translate(str.maketrans("0123456789", "０１２３４５６７８９")), id="fullwidth"
        ),
        pytest.param(TOKEN.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")), id="arabic-indic"),
        pytest.param(TOKEN[:50] + "_" + TOKEN[50:], id="underscore"),
        pytest.param("OIIOSS" * 37, id="caps-lock-letters"),
    ],
)
def test_garbage_is_misread(garbage: str) -> None:
    assert error_code(garbage) is TokenErrorCode.MISREAD


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300) | st.text(alphabet="0123456789", max_size=300))
def test_parse_frame_rejects_arbitrary_input_as_misread(text: str) -> None:
    with pytest.raises(TokenError) as info:
        parse_frame(text)
    assert info.value.code is TokenErrorCode.MISREAD


def test_wrong_lead_digit_with_valid_check_digits_is_misread() -> None:
    assert error_code(spec_frame(1, signed_member_payload(CARD), lead="8")) is (
        TokenErrorCode.MISREAD
    )


def test_unknown_format_version_is_misread() -> None:
    frame = spec_frame(1, signed_member_payload(CARD), version_digit=2)
    assert error_code(frame) is TokenErrorCode.MISREAD


def test_header_kind_differing_from_kind_digit_is_misread() -> None:
    payload = signed_member_payload(CARD)
    assert error_code(spec_frame(2, payload)) is TokenErrorCode.MISREAD


def test_member_card_with_wrong_body_length_is_misread() -> None:
    header = spec_header(1, key_id_for(ISSUER.public_key()))
    body = spec_member_body(CARD) + b"\x00"
    payload = header + body + ISSUER.sign(MEMBER_TAG + header + body)
    assert error_code(spec_frame(1, payload)) is TokenErrorCode.MISREAD


def test_payload_shorter_than_header_and_signature_is_misread() -> None:
    assert error_code(spec_frame(1, spec_header(1, 0) + bytes(63))) is TokenErrorCode.MISREAD


def test_payload_number_too_large_for_its_length_is_misread() -> None:
    n = 88
    number = str(256**n).zfill(len(str(256**n - 1)))
    assert len(number) == len(str(256**n - 1))
    prefix = f"911{n:03d}{number}"
    frame = prefix + f"{98 - int(prefix + '00') % 97:02d}"
    assert error_code(frame) is TokenErrorCode.MISREAD


# --- authenticity -----------------------------------------------------------------------------


def test_wrong_kind_is_reported_before_the_key_is_looked_up() -> None:
    header = spec_header(2, 0xDEADBEEF)
    coupon = spec_frame(2, header + bytes(34) + bytes(64))
    assert error_code(coupon) is TokenErrorCode.WRONG_KIND


def test_unknown_key_id() -> None:
    assert error_code(TOKEN, keys=keyring(STRANGER)) is TokenErrorCode.UNKNOWN_KEY


def test_signature_by_another_key_with_same_key_id_is_bad_signature() -> None:
    forged = spec_frame(1, signed_member_payload(CARD, signer=STRANGER))
    assert parse_frame(forged).key_id == key_id_for(ISSUER.public_key())
    assert error_code(forged) is TokenErrorCode.BAD_SIGNATURE


def test_key_registered_under_a_colliding_id_is_bad_signature() -> None:
    keys = {key_id_for(ISSUER.public_key()): STRANGER.public_key()}
    assert error_code(TOKEN, keys=keys) is TokenErrorCode.BAD_SIGNATURE


def test_tampered_body_with_recomputed_check_digits_is_bad_signature() -> None:
    payload = bytearray(signed_member_payload(CARD))
    payload[9 + 14] = 2  # tier byte: silver -> gold
    assert error_code(spec_frame(1, bytes(payload))) is TokenErrorCode.BAD_SIGNATURE


def test_tampered_alliance_id_with_recomputed_check_digits_is_bad_signature() -> None:
    payload = bytearray(signed_member_payload(CARD, alliance_id=7))
    payload[8] = 8
    assert error_code(spec_frame(1, bytes(payload))) is TokenErrorCode.BAD_SIGNATURE


def test_signature_without_domain_tag_is_bad_signature() -> None:
    header = spec_header(1, key_id_for(ISSUER.public_key()))
    body = spec_member_body(CARD)
    payload = header + body + ISSUER.sign(header + body)
    assert error_code(spec_frame(1, payload)) is TokenErrorCode.BAD_SIGNATURE


def test_bad_signature_is_reported_before_expiry() -> None:
    forged = spec_frame(1, signed_member_payload(CARD, signer=STRANGER))
    assert error_code(forged, today=date(2030, 1, 1)) is TokenErrorCode.BAD_SIGNATURE


# --- expiry and deny list ---------------------------------------------------------------------


def test_card_is_valid_on_its_expiry_day() -> None:
    assert verify(TOKEN, today=CARD.expires_on).card == CARD


def test_card_is_expired_the_day_after() -> None:
    assert error_code(TOKEN, today=CARD.expires_on + timedelta(days=1)) is TokenErrorCode.EXPIRED


def test_revoked_card_serial_is_rejected() -> None:
    calls: list[tuple[int, int]] = []

    def is_revoked(member_id: int, card_serial: int) -> bool:
        calls.append((member_id, card_serial))
        return True

    assert error_code(TOKEN, is_revoked=is_revoked) is TokenErrorCode.REVOKED
    assert calls == [(CARD.member_id, CARD.card_serial)]


def test_expiry_is_reported_before_the_deny_list_is_consulted() -> None:
    calls: list[tuple[int, int]] = []

    def is_revoked(member_id: int, card_serial: int) -> bool:
        calls.append((member_id, card_serial))
        return True

    late = CARD.expires_on + timedelta(days=1)
    assert error_code(TOKEN, today=late, is_revoked=is_revoked) is TokenErrorCode.EXPIRED
    assert calls == []


def test_token_error_carries_code_and_english_detail() -> None:
    with pytest.raises(TokenError) as info:
        parse_frame("123")
    assert info.value.code is TokenErrorCode.MISREAD
    assert str(info.value.code) == "misread"
    assert isinstance(info.value.detail, str)
    assert info.value.detail


# --- encoding validation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"member_id": 0}, id="member-id-zero"),
        pytest.param({"member_id": 2**63}, id="member-id-64-bit"),
        pytest.param({"card_serial": -1}, id="serial-negative"),
        pytest.param({"card_serial": 0x10000}, id="serial-too-big"),
        pytest.param({"issued_on": date(2019, 12, 31)}, id="issued-before-epoch"),
        pytest.param({"expires_on": EPOCH + timedelta(days=0x10000)}, id="expires-too-late"),
        pytest.param({"expires_on": date(2024, 12, 31)}, id="expires-before-issued"),
        pytest.param({"tier": 3}, id="tier-unknown"),
        pytest.param({"tier": -1}, id="tier-negative"),
    ],
)
def test_encode_rejects_out_of_range_fields(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {**CARD.__dict__, **changes}
    card = MemberCard(**fields)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"\w"):
        encode_member_card(card, private_key=ISSUER)


@pytest.mark.parametrize("alliance_id", [-1, 2**32])
def test_encode_rejects_out_of_range_alliance_id(alliance_id: int) -> None:
    with pytest.raises(ValueError, match="alliance_id"):
        encode_member_card(CARD, private_key=ISSUER, alliance_id=alliance_id)
