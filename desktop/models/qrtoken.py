"""Signed, digits-only QR tokens: framing, signing and verification.

Tokens are decimal digits only, so a QR code can use numeric mode and a keyboard-wedge scanner
still types the right thing through a Chinese IME, Caps Lock or an odd keyboard layout.

Frame (all decimal digits)::

    "9"                 lead digit
    K                   kind digit (1 = member card, 2 = coupon)
    "1"                 format version digit
    NNN                 payload length n in bytes, zero padded to 3 digits
    P...P               the payload bytes read as ONE big-endian unsigned integer, written in
                        decimal and zero padded to exactly D(n) = len(str(256**n - 1)) digits
    CC                  ISO 7064 MOD 97-10 check digits over everything before them:
                        CC = 98 - int(prefix + "00") % 97, zero padded; a frame is intact
                        when int(frame) % 97 == 1

The check digits catch every single-digit substitution and every adjacent transposition, so a
misread is reported as ``MISREAD`` ("scan again"), never as a forgery.

Payload bytes = header + body + signature:

* header (9 bytes, big-endian): kind (1 byte, equals the kind digit), key_id (4 bytes,
  unsigned), alliance_id (4 bytes, unsigned; 0 = the shop is not in an alliance);
* body: kind specific (see below);
* signature: 64-byte Ed25519 signature over ``DOMAIN_TAG[kind] + header + body``.

key_id is the first 4 bytes (big-endian unsigned) of SHA-256 over the 32-byte raw public key.

Member card body (kind 1, 15 bytes, big-endian): member_id (8 bytes, unsigned, a random 63-bit
id), card_serial (2 bytes), issued_on and expires_on (2 bytes each, days since 2020-01-01),
tier (1 byte: 0 normal, 1 silver, 2 gold). The payload is 88 bytes, the frame 220 digits, which
fits QR version 6 at error correction level M.

Coupon body (kind 2, 34 bytes, big-endian): coupon_id (8 bytes, a random 63-bit id),
campaign_id (4 bytes), coupon kind (1 byte, ``COUPON_KINDS``), value (4 bytes: fen off for
amount_off and spend_save, percent for percent_off, 0 for a gift), scope (1 byte: 0 shop,
1 alliance), issuing shop id (4 bytes), valid_from and valid_to (2 bytes each, days since
2020-01-01, both inclusive), bound member_id (8 bytes, 0 = bearer). The payload is 107 bytes,
the frame 266 digits, which fits QR version 6 at level M (322 digits).

Verification runs in a fixed order and names the step that failed (``TokenErrorCode``).
Member cards: framing (MISREAD) -> kind (WRONG_KIND) -> key id known (UNKNOWN_KEY) -> signature
(BAD_SIGNATURE) -> expiry (EXPIRED) -> deny list (REVOKED). Coupons: framing -> key id known ->
signature (checked with the domain tag of the kind the token says it is) -> kind; expiry and
state come from the shop database afterwards, so a stale printed date never decides.

Adding a kind means: a ``TokenKind`` member, a body codec, a ``_KindSpec`` entry in ``_KINDS``
with its own domain tag, and thin ``encode_...``/``verify_...`` wrappers.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum
from functools import lru_cache
from typing import Any, Generic, TypeVar

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "FORMAT_VERSION",
    "MemberCard",
    "ParsedToken",
    "TIER_GOLD",
    "TIER_NORMAL",
    "TIER_SILVER",
    "TokenError",
    "TokenErrorCode",
    "TokenKind",
    "VerifiedMemberCard",
    "CouponToken",
    "VerifiedCoupon",
    "COUPON_KINDS",
    "encode_coupon",
    "verify_coupon",
    "encode_member_card",
    "key_id_for",
    "parse_frame",
    "verify_member_card",
]

FORMAT_VERSION = 1
TIER_NORMAL = 0
TIER_SILVER = 1
TIER_GOLD = 2

_LEAD_DIGIT = "9"
_PREFIX_DIGITS = 6  # lead, kind, version, 3-digit length
_CHECK_DIGITS = 2
_SIGNATURE_BYTES = 64
_HEADER = struct.Struct(">BII")
_MIN_PAYLOAD_BYTES = _HEADER.size + _SIGNATURE_BYTES
_MAX_PAYLOAD_BYTES = 999
_EPOCH = date(2020, 1, 1)
_MAX_DAY = 0xFFFF
_UINT32_MAX = 0xFFFFFFFF
_ASCII_DIGITS = re.compile(r"[0-9]+")


class TokenErrorCode(StrEnum):
    """Which verification step rejected a token; the view maps it to translated text."""

    MISREAD = "misread"
    UNKNOWN_KEY = "unknown_key"
    BAD_SIGNATURE = "bad_signature"
    EXPIRED = "expired"
    REVOKED = "revoked"
    WRONG_KIND = "wrong_kind"


class TokenError(Exception):
    """A token was rejected. ``code`` is for the user (via the view), ``detail`` for logs."""

    def __init__(self, code: TokenErrorCode, detail: str) -> None:
        super().__init__(f"{code.value}: {detail}")
        self.code = code
        self.detail = detail


class TokenKind(IntEnum):
    """Token kinds; the value is both the kind digit and the header kind byte."""

    MEMBER_CARD = 1
    COUPON = 2


#: Coupon kinds as they are written in the coupon body's kind byte.
COUPON_KINDS: Mapping[str, int] = {
    "amount_off": 1,
    "percent_off": 2,
    "spend_save": 3,
    "gift": 4,
}
_COUPON_KIND_NAMES = {code: name for name, code in COUPON_KINDS.items()}


@dataclass(frozen=True)
class MemberCard:
    """The signed content of a member card."""

    member_id: int
    card_serial: int
    issued_on: date
    expires_on: date
    tier: int


@dataclass(frozen=True)
class VerifiedMemberCard:
    """A member card whose framing, key, signature, expiry and deny-list checks all passed."""

    card: MemberCard
    key_id: int
    alliance_id: int


@dataclass(frozen=True)
class CouponToken:
    """The signed content of a coupon (what is printed; the database holds its state)."""

    coupon_id: int
    campaign_id: int
    kind: str  # a key of COUPON_KINDS
    value: int
    scope: int  # 0 shop, 1 alliance
    shop_id: int
    valid_from: date
    valid_to: date
    member_id: int  # 0 = bearer


@dataclass(frozen=True)
class VerifiedCoupon:
    """A coupon whose framing, key and signature checks passed."""

    coupon: CouponToken
    key_id: int
    alliance_id: int


@dataclass(frozen=True)
class ParsedToken:
    """A well-formed frame; nothing in it has been authenticated yet."""

    kind: int
    key_id: int
    alliance_id: int
    header: bytes
    body: bytes
    signature: bytes


T = TypeVar("T")


@dataclass(frozen=True)
class _KindSpec(Generic[T]):
    """How one token kind is signed and how its body maps to a value."""

    domain_tag: bytes
    body_length: int
    encode_body: Callable[[T], bytes]
    decode_body: Callable[[bytes], T]


# --- member card body -------------------------------------------------------------------------

_MEMBER_BODY = struct.Struct(">QHHHB")
_MEMBER_TIERS = frozenset({TIER_NORMAL, TIER_SILVER, TIER_GOLD})


def _day_number(day: date) -> int:
    return day.toordinal() - _EPOCH.toordinal()


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise ValueError(f"{name} must be in [{low}, {high}], got {value}")


def _validate_member_card(card: MemberCard) -> None:
    """Raise ValueError unless every field fits the member card body."""
    _check_range("member_id", card.member_id, 1, 2**63 - 1)
    _check_range("card_serial", card.card_serial, 0, 0xFFFF)
    _check_range("issued_on (days since 2020-01-01)", _day_number(card.issued_on), 0, _MAX_DAY)
    _check_range("expires_on (days since 2020-01-01)", _day_number(card.expires_on), 0, _MAX_DAY)
    if card.expires_on < card.issued_on:
        raise ValueError(f"expires_on {card.expires_on} is before issued_on {card.issued_on}")
    if card.tier not in _MEMBER_TIERS:
        raise ValueError(f"tier must be one of {sorted(_MEMBER_TIERS)}, got {card.tier}")


def _encode_member_body(card: MemberCard) -> bytes:
    return _MEMBER_BODY.pack(
        card.member_id,
        card.card_serial,
        _day_number(card.issued_on),
        _day_number(card.expires_on),
        card.tier,
    )


def _decode_member_body(body: bytes) -> MemberCard:
    member_id, serial, issued, expires, tier = _MEMBER_BODY.unpack(body)
    return MemberCard(
        member_id=member_id,
        card_serial=serial,
        issued_on=_EPOCH + timedelta(days=issued),
        expires_on=_EPOCH + timedelta(days=expires),
        tier=tier,
    )


_MEMBER_CARD = _KindSpec[MemberCard](
    domain_tag=b"merchant-desk/member-card/v1\x00",
    body_length=_MEMBER_BODY.size,
    encode_body=_encode_member_body,
    decode_body=_decode_member_body,
)

# --- coupon body -------------------------------------------------------------------------------

_COUPON_BODY = struct.Struct(">QIBIBIHHQ")


def _validate_coupon(coupon: CouponToken) -> None:
    """Raise ValueError unless every field fits the coupon body."""
    _check_range("coupon_id", coupon.coupon_id, 1, 2**63 - 1)
    _check_range("campaign_id", coupon.campaign_id, 1, _UINT32_MAX)
    if coupon.kind not in COUPON_KINDS:
        raise ValueError(f"coupon kind must be one of {sorted(COUPON_KINDS)}, got {coupon.kind}")
    _check_range("value", coupon.value, 0, _UINT32_MAX)
    _check_range("scope", coupon.scope, 0, 1)
    _check_range("shop_id", coupon.shop_id, 0, _UINT32_MAX)
    _check_range("valid_from (days since 2020-01-01)", _day_number(coupon.valid_from), 0, _MAX_DAY)
    _check_range("valid_to (days since 2020-01-01)", _day_number(coupon.valid_to), 0, _MAX_DAY)
    if coupon.valid_to < coupon.valid_from:
        raise ValueError(f"valid_to {coupon.valid_to} is before valid_from {coupon.valid_from}")
    _check_range("member_id", coupon.member_id, 0, 2**63 - 1)


def _encode_coupon_body(coupon: CouponToken) -> bytes:
    return _COUPON_BODY.pack(
        coupon.coupon_id,
        coupon.campaign_id,
        COUPON_KINDS[coupon.kind],
        coupon.value,
        coupon.scope,
        coupon.shop_id,
        _day_number(coupon.valid_from),
        _day_number(coupon.valid_to),
        coupon.member_id,
    )


def _decode_coupon_body(body: bytes) -> CouponToken:
    coupon_id, campaign_id, kind, value, scope, shop_id, start, end, member_id = (
        _COUPON_BODY.unpack(body)
    )
    return CouponToken(
        coupon_id=coupon_id,
        campaign_id=campaign_id,
        kind=_COUPON_KIND_NAMES.get(kind, f"unknown:{kind}"),
        value=value,
        scope=scope,
        shop_id=shop_id,
        valid_from=_EPOCH + timedelta(days=start),
        valid_to=_EPOCH + timedelta(days=end),
        member_id=member_id,
    )


_COUPON = _KindSpec[CouponToken](
    domain_tag=b"merchant-desk/coupon/v1\x00",
    body_length=_COUPON_BODY.size,
    encode_body=_encode_coupon_body,
    decode_body=_decode_coupon_body,
)

_KINDS: Mapping[int, _KindSpec[Any]] = {
    TokenKind.MEMBER_CARD: _MEMBER_CARD,
    TokenKind.COUPON: _COUPON,
}


# --- keys and digits --------------------------------------------------------------------------


def key_id_for(public_key: Ed25519PublicKey) -> int:
    """Return the 32-bit key id: SHA-256 of the raw public key, first 4 bytes big-endian."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return int.from_bytes(hashlib.sha256(raw).digest()[:4], "big")


@lru_cache(maxsize=64)
def _payload_digits(length: int) -> int:
    """D(n): how many decimal digits the largest n-byte number has."""
    return len(str(256**length - 1))


def _check_digits(prefix: str) -> str:
    """ISO 7064 MOD 97-10 check digits for an all-digit prefix."""
    return f"{98 - int(prefix + '00') % 97:02d}"


_MIN_FRAME_DIGITS = _PREFIX_DIGITS + _payload_digits(_MIN_PAYLOAD_BYTES) + _CHECK_DIGITS
_MAX_FRAME_DIGITS = _PREFIX_DIGITS + _payload_digits(_MAX_PAYLOAD_BYTES) + _CHECK_DIGITS


def _frame(kind: int, payload: bytes) -> str:
    """Wrap payload bytes in the digit frame described in the module docstring."""
    number = str(int.from_bytes(payload, "big")).zfill(_payload_digits(len(payload)))
    prefix = f"{_LEAD_DIGIT}{int(kind)}{FORMAT_VERSION}{len(payload):03d}{number}"
    return prefix + _check_digits(prefix)


# --- encoding ---------------------------------------------------------------------------------


def _encode_token(
    spec: _KindSpec[T],
    kind: TokenKind,
    value: T,
    *,
    private_key: Ed25519PrivateKey,
    alliance_id: int,
) -> str:
    _check_range("alliance_id", alliance_id, 0, _UINT32_MAX)
    key_id = key_id_for(private_key.public_key())
    header = _HEADER.pack(kind, key_id, alliance_id)
    body = spec.encode_body(value)
    signature = private_key.sign(spec.domain_tag + header + body)
    return _frame(kind, header + body + signature)


def encode_member_card(
    card: MemberCard, *, private_key: Ed25519PrivateKey, alliance_id: int = 0
) -> str:
    """Sign ``card`` and return its digit token (220 digits).

    Raises ValueError when a field is out of range: member_id not in [1, 2**63 - 1],
    card_serial not in [0, 65535], a date outside 2020-01-01 + [0, 65535] days, expires_on
    before issued_on, tier not 0/1/2, or alliance_id not an unsigned 32-bit number.
    """
    _validate_member_card(card)
    return _encode_token(
        _MEMBER_CARD,
        TokenKind.MEMBER_CARD,
        card,
        private_key=private_key,
        alliance_id=alliance_id,
    )


def encode_coupon(
    coupon: CouponToken, *, private_key: Ed25519PrivateKey, alliance_id: int = 0
) -> str:
    """Sign ``coupon`` and return its digit token (266 digits). The same coupon and key always
    give the same digits (Ed25519 signatures are deterministic), so a reprint is identical.

    Raises ValueError when a field does not fit the body (see ``_validate_coupon``).
    """
    _validate_coupon(coupon)
    return _encode_token(
        _COUPON, TokenKind.COUPON, coupon, private_key=private_key, alliance_id=alliance_id
    )


# --- framing ----------------------------------------------------------------------------------


def _misread(detail: str) -> TokenError:
    return TokenError(TokenErrorCode.MISREAD, detail)


def _check_frame_digits(digits: str) -> None:
    """Everything about the frame that can be checked on the digit string itself."""
    if not _MIN_FRAME_DIGITS <= len(digits) <= _MAX_FRAME_DIGITS:
        raise _misread(f"frame has {len(digits)} characters")
    if not _ASCII_DIGITS.fullmatch(digits):
        raise _misread("frame contains characters other than 0-9")
    if digits[0] != _LEAD_DIGIT:
        raise _misread(f"lead digit is {digits[0]!r}")
    if int(digits[2]) != FORMAT_VERSION:
        raise _misread(f"unknown format version {digits[2]}")
    length = int(digits[3:6])
    if not _MIN_PAYLOAD_BYTES <= length <= _MAX_PAYLOAD_BYTES:
        raise _misread(f"payload length {length} out of range")
    expected = _PREFIX_DIGITS + _payload_digits(length) + _CHECK_DIGITS
    if len(digits) != expected:
        raise _misread(f"frame has {len(digits)} digits, length field implies {expected}")
    if int(digits) % 97 != 1:
        raise _misread("check digits do not match")


def _frame_payload(digits: str) -> bytes:
    length = int(digits[3:6])
    number = int(digits[_PREFIX_DIGITS:-_CHECK_DIGITS])
    if number >= 256**length:
        raise _misread(f"payload number does not fit in {length} bytes")
    return number.to_bytes(length, "big")


def parse_frame(digits: str) -> ParsedToken:
    """Check the framing of ``digits`` and split the payload; authenticate nothing.

    Raises TokenError(MISREAD) for anything that is not a well-formed frame: wrong length,
    characters other than ASCII 0-9, a lead digit other than 9, an unknown format version, a
    payload length out of range or disagreeing with the digit count, bad check digits, a payload
    number too large for its length, a header kind byte unlike the kind digit, or a body length
    wrong for a known kind. Kinds this version does not know are framed but not rejected here.
    """
    _check_frame_digits(digits)
    payload = _frame_payload(digits)
    kind, key_id, alliance_id = _HEADER.unpack_from(payload)
    if kind != int(digits[1]):
        raise _misread(f"header kind {kind} differs from kind digit {digits[1]}")
    header = payload[: _HEADER.size]
    body = payload[_HEADER.size : -_SIGNATURE_BYTES]
    spec = _KINDS.get(kind)
    if spec is not None and len(body) != spec.body_length:
        raise _misread(f"kind {kind} body has {len(body)} bytes, expected {spec.body_length}")
    return ParsedToken(
        kind=kind,
        key_id=key_id,
        alliance_id=alliance_id,
        header=header,
        body=body,
        signature=payload[-_SIGNATURE_BYTES:],
    )


# --- verification -----------------------------------------------------------------------------


def _authenticate(
    digits: str, kind: TokenKind, *, public_keys: Mapping[int, Ed25519PublicKey]
) -> ParsedToken:
    """Framing, kind, key and signature checks shared by every kind, in that order."""
    token = parse_frame(digits)
    if token.kind != kind:
        raise TokenError(TokenErrorCode.WRONG_KIND, f"expected kind {kind}, got {token.kind}")
    public_key = public_keys.get(token.key_id)
    if public_key is None:
        raise TokenError(TokenErrorCode.UNKNOWN_KEY, f"no public key with id {token.key_id:#010x}")
    message = _KINDS[kind].domain_tag + token.header + token.body
    try:
        public_key.verify(token.signature, message)
    except InvalidSignature:
        raise TokenError(
            TokenErrorCode.BAD_SIGNATURE, f"signature fails for key {token.key_id:#010x}"
        ) from None
    return token


def verify_member_card(
    digits: str,
    *,
    public_keys: Mapping[int, Ed25519PublicKey],
    today: date,
    is_revoked: Callable[[int, int], bool],
) -> VerifiedMemberCard:
    """Verify a scanned member card token and return its content.

    ``public_keys`` maps key id (see ``key_id_for``) to trusted keys. ``is_revoked(member_id,
    card_serial)`` consults the deny list; it is called only for authentic, unexpired cards.
    A card is valid through its ``expires_on`` day. Raises TokenError with, in check order:
    MISREAD, WRONG_KIND, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED, REVOKED.
    """
    token = _authenticate(digits, TokenKind.MEMBER_CARD, public_keys=public_keys)
    card = _MEMBER_CARD.decode_body(token.body)
    if today > card.expires_on:
        raise TokenError(TokenErrorCode.EXPIRED, f"card expired on {card.expires_on}")
    if is_revoked(card.member_id, card.card_serial):
        raise TokenError(
            TokenErrorCode.REVOKED,
            f"member {card.member_id} card serial {card.card_serial} is deny-listed",
        )
    return VerifiedMemberCard(card=card, key_id=token.key_id, alliance_id=token.alliance_id)


def _check_signature(token: ParsedToken, public_key: Ed25519PublicKey, tag: bytes) -> None:
    try:
        public_key.verify(token.signature, tag + token.header + token.body)
    except InvalidSignature:
        raise TokenError(
            TokenErrorCode.BAD_SIGNATURE, f"signature fails for key {token.key_id:#010x}"
        ) from None


def verify_coupon(digits: str, *, public_keys: Mapping[int, Ed25519PublicKey]) -> VerifiedCoupon:
    """Verify a scanned coupon token and return its content.

    Check order: MISREAD (framing) -> UNKNOWN_KEY -> BAD_SIGNATURE -> WRONG_KIND. The signature
    is checked with the domain tag of the kind the token claims, so a genuine member card is
    reported as the wrong kind (``detail`` starts with ``"kind=<n>"``) while a forged one is a bad
    signature. Validity dates and state are the database's business, checked by the caller.
    """
    token = parse_frame(digits)
    public_key = public_keys.get(token.key_id)
    if public_key is None:
        raise TokenError(TokenErrorCode.UNKNOWN_KEY, f"no public key with id {token.key_id:#010x}")
    spec = _KINDS.get(token.kind)
    if spec is None:
        raise TokenError(TokenErrorCode.WRONG_KIND, f"kind={token.kind} is not known")
    _check_signature(token, public_key, spec.domain_tag)
    if token.kind != TokenKind.COUPON:
        raise TokenError(TokenErrorCode.WRONG_KIND, f"kind={token.kind}, expected a coupon")
    coupon = _COUPON.decode_body(token.body)
    return VerifiedCoupon(coupon=coupon, key_id=token.key_id, alliance_id=token.alliance_id)
