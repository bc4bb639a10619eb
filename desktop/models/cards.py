"""Member cards: the signed QR code, re-issue (which revokes the old serial), and turning a
scan into a member with a precise reason when it cannot."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.clock import add_months
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.keys import shop_signing_key, trusted_public_keys
from desktop.models.qrtoken import (
    MemberCard,
    TokenError,
    TokenErrorCode,
    TokenKind,
    encode_member_card,
    parse_frame,
    verify_member_card,
)
from desktop.models.scaninput import normalize_scan
from desktop.models.shop import current_rule
from desktop.models.staff import Actor
from desktop.models.tables import CardRevocation, Member
from desktop.models.tiers import spend_12m, tier_for_spend

CARD_VALID_YEARS = 3
MAX_SCAN_CHARS = 4096


def member_code(session: Session, member_id: int, *, today: dt.date) -> str:
    """The digits of the member's current card (signed with the shop's key)."""
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise DomainError("member_not_found")
    if member.alliance_shop_id is not None:  # their card comes from their own shop
        raise DomainError("alliance_guest_card", shop_id=member.alliance_shop_id)
    tier = tier_for_spend(spend_12m(session, member_id, today=today), current_rule(session))
    card = MemberCard(
        member_id=member.id,
        card_serial=member.card_serial,
        issued_on=member.card_issued_on,
        expires_on=member.card_expires_on,
        tier=tier,
    )
    return encode_member_card(card, private_key=shop_signing_key(session))


def reissue_card(
    session: Session,
    *,
    member_id: int,
    by: Actor | None,
    now: dt.datetime,
    today: dt.date,
    reason: str = "reissued",
) -> int:
    """A new card serial (lost or damaged card); the old serial goes on the deny list."""
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise DomainError("member_not_found")
    if member.alliance_shop_id is not None:
        raise DomainError("alliance_guest_card", shop_id=member.alliance_shop_id)
    if member.card_serial >= 0xFFFF:
        raise DomainError("card_serial_exhausted")
    session.add(
        CardRevocation(
            member_id=member_id, card_serial=member.card_serial, revoked_at=now, reason=reason[:50]
        )
    )
    member.card_serial += 1
    member.card_issued_on = today
    member.card_expires_on = add_months(today, 12 * CARD_VALID_YEARS)
    staff_id = by.staff_id if by else None
    append_audit(
        session,
        action="card.reissued",
        staff_id=staff_id,
        now=now,
        details={"member": member_id, "serial": member.card_serial, "reason": reason},
    )
    emit_event(
        session,
        kind="card.reissued",
        now=now,
        payload={"member_id": member_id, "serial": member.card_serial},
    )
    return member.card_serial


_REVOKED_SQL = text("SELECT 1 FROM card_revocation WHERE member_id = :m AND card_serial = :s")


def is_revoked(session: Session, member_id: int, serial: int) -> bool:
    return session.execute(_REVOKED_SQL, {"m": member_id, "s": serial}).first() is not None


def _frame_ok(digits: str) -> bool:
    try:
        parse_frame(digits)
    except TokenError:
        return False
    return True


def scan_digits(raw: str) -> str:
    """The scanned code's digits, or ``DomainError("misread")`` (framing fails)."""
    if len(raw) > MAX_SCAN_CHARS:
        raise DomainError("misread", reason="too_long")
    scan = normalize_scan(raw, accept=_frame_ok)
    if scan.digits is None or not _frame_ok(scan.digits):
        mangling = scan.mangling.value if scan.mangling else None
        raise DomainError("misread", mangling=mangling)
    return scan.digits


def scan_to_member_id(
    session: Session,
    raw: str,
    *,
    today: dt.date,
    public_keys: Mapping[int, Ed25519PublicKey] | None = None,
) -> int:
    """Verify a scanned member card and return the member id.

    Raises ``DomainError`` with the first failing step: ``misread`` (framing; also for a
    layout-mangled scan that cannot be recovered, with ``mangling`` set) → ``wrong_kind``
    (``kind="coupon"`` for a coupon's code, else ``"other"``) →
    ``unknown_key`` → ``bad_signature`` → ``expired`` → ``revoked`` → ``member_not_found``.
    """
    digits = scan_digits(raw)
    keys = public_keys if public_keys is not None else trusted_public_keys(session)
    try:
        verified = verify_member_card(
            digits,
            public_keys=keys,
            today=today,
            is_revoked=lambda mid, serial: is_revoked(session, mid, serial),
        )
    except TokenError as exc:
        if exc.code is TokenErrorCode.WRONG_KIND:
            # Say what was scanned instead ("coupon"), so the counter can tell the user.
            kind = {int(TokenKind.COUPON): "coupon"}.get(parse_frame(digits).kind, "other")
            raise DomainError("wrong_kind", kind=kind) from exc
        raise DomainError(exc.code.value) from exc
    member = session.get(Member, verified.card.member_id)
    if member is None or member.erased_at is not None:
        raise DomainError("member_not_found")
    if verified.card.card_serial != member.card_serial:
        # A serial newer than ours cannot come from this shop's own cards.
        raise DomainError(
            "revoked" if verified.card.card_serial < member.card_serial else "bad_signature"
        )
    return member.id
