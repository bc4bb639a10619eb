"""Coupon QR codes: the signed digits printed on a coupon, and turning a scan back into a
coupon id with the precise reason when it cannot.

Codes are qrtoken kind 2 signed with the shop's key, like member cards. A scan is checked in
the order framing (``misread``) → key known (``unknown_key``) → signature (``bad_signature``)
→ kind (``wrong_kind`` with ``kind="member"`` for a member card); the coupon's state is then
the database's business (``coupon_redeem``). ``coupon_for_code`` stops after the signature:
it names the coupon in whatever state it is (used, void, expired), for showing or voiding it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.orm import Session

from desktop.models.coupons import CouponInfo, coupon_info
from desktop.models.errors import DomainError
from desktop.models.keys import shop_signing_key, trusted_public_keys
from desktop.models.qrtoken import (
    CouponToken,
    TokenError,
    TokenErrorCode,
    TokenKind,
    VerifiedCoupon,
    encode_coupon,
    parse_frame,
    verify_coupon,
)
from desktop.models.scaninput import normalize_scan
from desktop.models.tables import Coupon

MAX_SCAN_CHARS = 4096
KIND_NAMES = {int(TokenKind.MEMBER_CARD): "member", int(TokenKind.COUPON): "coupon"}


def token_value(kind: str, *, value_fen: int, percent: int) -> int:
    """The number a coupon code carries: fen off, percent off, or 0 for a gift."""
    if kind == "percent_off":
        return percent
    if kind in ("amount_off", "spend_save"):
        return value_fen
    return 0


def coupon_code(session: Session, coupon_id: int) -> str:
    """The digits for the coupon's QR code. A reprint gives the same digits."""
    coupon = session.get(Coupon, coupon_id)
    if coupon is None:
        raise DomainError("coupon_not_found")
    token = CouponToken(
        coupon_id=coupon.id,
        campaign_id=coupon.campaign_id,
        kind=coupon.kind,
        value=token_value(coupon.kind, value_fen=coupon.value_fen, percent=coupon.percent),
        scope=1 if coupon.scope == "alliance" else 0,
        shop_id=coupon.shop_id,
        valid_from=coupon.valid_from,
        valid_to=coupon.valid_to,
        member_id=coupon.member_id or 0,
    )
    return encode_coupon(token, private_key=shop_signing_key(session))


def _frame_ok(digits: str) -> bool:
    try:
        parse_frame(digits)
    except TokenError:
        return False
    return True


def kind_of_frame(digits: str) -> str:
    """ "member", "coupon" or "other" for a well-formed frame."""
    return KIND_NAMES.get(parse_frame(digits).kind, "other")


def scan_to_coupon_id(
    session: Session,
    raw: str,
    *,
    public_keys: Mapping[int, Ed25519PublicKey] | None = None,
) -> int:
    """Verify a scanned coupon code and return the coupon id it names (not yet looked up)."""
    keys = public_keys if public_keys is not None else trusted_public_keys(session)
    return verify_scanned_coupon(raw, keys).coupon.coupon_id


def verify_scanned_coupon(raw: str, keys: Mapping[int, Ed25519PublicKey]) -> VerifiedCoupon:
    """A scanned coupon's framing, key and signature checked (``DomainError`` otherwise)."""
    if len(raw) > MAX_SCAN_CHARS:
        raise DomainError("misread", reason="too_long")
    scan = normalize_scan(raw, accept=_frame_ok)
    if scan.digits is None or not _frame_ok(scan.digits):
        mangling = scan.mangling.value if scan.mangling else None
        raise DomainError("misread", mangling=mangling)
    try:
        return verify_coupon(scan.digits, public_keys=keys)
    except TokenError as exc:
        if exc.code is TokenErrorCode.WRONG_KIND:
            raise DomainError("wrong_kind", kind=kind_of_frame(scan.digits)) from exc
        raise DomainError(exc.code.value) from exc


def coupon_for_code(
    session: Session,
    raw: str,
    *,
    today: dt.date,
    public_keys: Mapping[int, Ed25519PublicKey] | None = None,
) -> CouponInfo:
    """The coupon a scanned code names, in any state, once its framing and signature check.

    Refusals, in the order ``check_coupon`` makes them: ``misread``, ``unknown_key``,
    ``bad_signature``, ``wrong_kind`` and ``coupon_not_found``. No business rule is applied.
    """
    coupon_id = scan_to_coupon_id(session, raw, public_keys=public_keys)
    return coupon_info(session, coupon_id, today=today)
