"""Members of other alliance shops at this counter: by their signed card or a typed phone.

Such a member is recognised offline: the card is verified with its shop's certified key
(``alliance_keys``) and its serial against the alliance's deny list (a serial below the
snapshot's is revoked); a typed phone is matched through the alliance's keyed phone hash.
The first time, a local *guest* row is written (``member.alliance_shop_id`` set; no name,
no phone: those stay with the member's own shop) so that sales and the ledger have their
member. Its sales go to the alliance as this shop's, with that member id; the server accepts
points for members who share with the alliance. No event is written for the row itself.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.alliance_balance import alliance_shop, snapshot_of
from desktop.models.alliance_identity import alliance_phone_key, phone_hash
from desktop.models.alliance_keys import certified_shop_key
from desktop.models.cards import scan_digits
from desktop.models.clock import add_months
from desktop.models.errors import DomainError
from desktop.models.phones import normalize_phone
from desktop.models.qrtoken import (
    MemberCard,
    TokenError,
    parse_frame,
    verify_member_card,
)
from desktop.models.shop import shop_profile
from desktop.models.tables import AllianceMember, Member

GUEST_CARD_YEARS = 3


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _usable(snap: AllianceMember | None, shop_id: int) -> AllianceMember | None:
    if snap is None or not snap.sharing or snap.home_shop_id == shop_id:
        return None
    return snap


def scan_alliance_card(session: Session, raw: str, *, today: dt.date, now: dt.datetime) -> int:
    """Verify a card signed by another alliance shop; return the (guest) member id.

    Refusals, in the order of DESIGN §6: ``misread`` → ``unknown_key`` (no certified key of
    this alliance) → ``bad_signature`` → ``expired`` → ``revoked`` (a serial the alliance
    replaced) → ``alliance_member_unknown`` (the member does not share with the alliance, or
    this counter has not synced since they were enrolled).
    """
    digits = scan_digits(raw)
    ours = alliance_shop(session)
    if ours is None:
        raise DomainError("unknown_key")
    token = parse_frame(digits)
    key = certified_shop_key(session, token.key_id, alliance_id=ours.alliance_id)
    if key is None or key.shop_id == ours.shop_id or token.alliance_id not in (0, ours.alliance_id):
        raise DomainError("unknown_key")

    def revoked(member_id: int, serial: int) -> bool:
        snap = session.get(AllianceMember, member_id)
        return snap is not None and serial < snap.card_serial

    try:
        verified = verify_member_card(
            digits, public_keys={key.key_id: key.public_key}, today=today, is_revoked=revoked
        )
    except TokenError as exc:
        raise DomainError(exc.code.value) from exc
    snap = _usable(snapshot_of(session, verified.card.member_id), ours.shop_id)
    if snap is None:
        raise DomainError("alliance_member_unknown", shop_id=key.shop_id)
    return ensure_guest(session, snap, today=today, now=now, card=verified.card)


def find_by_phone(session: Session, phone: str, *, today: dt.date, now: dt.datetime) -> int | None:
    """A member of another alliance shop with this phone (through the keyed hash), or None.
    Only members who share with the alliance can be found; the phone is not stored here."""
    ours = alliance_shop(session)
    key = alliance_phone_key(session)
    if ours is None or key is None:
        return None
    try:
        number = normalize_phone(phone)
    except DomainError:
        return None
    rows = session.execute(
        select(AllianceMember).where(AllianceMember.phone_hash == phone_hash(key, number))
    ).scalars()
    for row in rows:
        snap = _usable(snapshot_of(session, row.member_id), ours.shop_id)
        if snap is not None:
            return ensure_guest(session, snap, today=today, now=now, card=None)
    return None


def ensure_guest(
    session: Session,
    snap: AllianceMember,
    *,
    today: dt.date,
    now: dt.datetime,
    card: MemberCard | None,
) -> int:
    """The local row of an alliance member of another shop, written the first time."""
    member = session.get(Member, snap.member_id)
    if member is not None:
        if member.erased_at is not None:
            raise DomainError("member_not_found")
        if member.alliance_shop_id is not None:
            member.alliance_shop_id = snap.home_shop_id
            if card is not None and card.card_serial > member.card_serial:
                member.card_serial = card.card_serial
                member.card_issued_on, member.card_expires_on = card.issued_on, card.expires_on
        return member.id
    session.add(
        Member(
            id=snap.member_id,
            home_shop_id=shop_profile(session).id,
            alliance_shop_id=snap.home_shop_id,
            name="",
            initials="",
            pinyin="",
            phone=None,
            phone_last4="",
            birthday=None,
            enrolled_at=now,
            enrolled_day=_day(snap.enrolled_day) or today,  # joined at their own shop
            marketing_consent=False,
            sharing_consent=True,
            card_serial=card.card_serial if card else snap.card_serial,
            card_issued_on=card.issued_on if card else today,
            card_expires_on=card.expires_on if card else add_months(today, 12 * GUEST_CARD_YEARS),
            note="",
        )
    )
    session.flush()
    return snap.member_id
