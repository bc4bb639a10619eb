"""Members: enrolment, edits, consents, search, and what the counter card shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.models.alliance_balance import standing
from desktop.models.alliance_identity import alliance_phone_key, phone_hash, shared_phone_hash
from desktop.models.audit import append_audit
from desktop.models.clock import add_months
from desktop.models.coupon_rules import StampCard, on_enrol, stamps
from desktop.models.coupons import usable_count
from desktop.models.errors import DomainError
from desktop.models.events import emit_event
from desktop.models.ids import new_member_id
from desktop.models.names import clean_name, name_keys
from desktop.models.phones import mask_phone, normalize_phone
from desktop.models.points import balance_info, balances
from desktop.models.shop import current_rule, shop_profile
from desktop.models.staff import Actor
from desktop.models.tables import Member, MemberConsent
from desktop.models.tiers import spend_12m, spends_12m, tier_for_spend

NOTICE_VERSION = "2026-01"
CONSENT_KINDS = ("membership", "marketing", "sharing")
CARD_VALID_YEARS = 3
PAGE_SIZE = 20
MAX_PAGE = 200


@dataclass(frozen=True)
class Visit:
    day: dt.date
    kind: str  # "sale" | "checkin"
    amount_fen: int


@dataclass(frozen=True)
class MemberCardView:
    """Everything the counter card shows, as plain values (safe to pass to the GUI)."""

    id: int
    name: str
    phone_masked: str
    tier: int
    balance: int
    expiring_points: int
    expiring_on: dt.date | None
    spend_12m_fen: int
    last_visits: tuple[Visit, ...]
    enrolled_day: dt.date
    birthday: dt.date | None
    marketing_consent: bool
    sharing_consent: bool
    card_serial: int
    card_expires_on: dt.date
    stamps: list[StampCard] = field(default_factory=list)  # running stamp-card campaigns
    usable_coupons: int = 0  # coupons the member can use today
    # A member of another alliance shop (its alliance shop id): no name or phone here.
    alliance_shop_id: int | None = None
    alliance_balance: bool = False  # the balance is the alliance's (snapshot + unsynced)


@dataclass(frozen=True)
class MemberSummary:
    id: int
    name: str
    phone_masked: str
    tier: int
    balance: int


@dataclass(frozen=True)
class MemberPage:
    items: tuple[MemberSummary, ...]
    offset: int
    has_more: bool


@dataclass(frozen=True)
class MemberDetails:
    """The editable profile (the owner sees the full phone)."""

    id: int
    name: str
    phone: str
    birthday: dt.date | None
    note: str
    marketing_consent: bool
    sharing_consent: bool


def _check_birthday(birthday: dt.date | None, today: dt.date) -> None:
    if birthday is not None and not (dt.date(1900, 1, 1) <= birthday <= today):
        raise DomainError("birthday_invalid")


def _record_consent(
    session: Session,
    *,
    member_id: int,
    kind: str,
    granted: bool,
    now: dt.datetime,
    staff_id: int | None,
) -> None:
    session.add(
        MemberConsent(
            member_id=member_id,
            kind=kind,
            granted=granted,
            at=now,
            notice_version=NOTICE_VERSION,
            staff_id=staff_id,
        )
    )


def enrol_member(
    session: Session,
    *,
    name: str,
    phone: str,
    by: Actor | None,
    now: dt.datetime,
    today: dt.date,
    membership_consent: bool,
    marketing_consent: bool = False,
    sharing_consent: bool = False,
    birthday: dt.date | None = None,
    enrolled_day: dt.date | None = None,
) -> int:
    """Create a member with a first card; return the new member id. Welcome campaigns
    running today give the new member their coupon in the same transaction.

    Membership consent is required; marketing and alliance sharing are separate choices that
    default to no. The phone must be a valid Chinese mobile number, unique in this shop.
    """
    if not membership_consent:
        raise DomainError("consent_membership_required")
    clean = clean_name(name)
    number = normalize_phone(phone)
    _check_birthday(birthday, today)
    shop = shop_profile(session)
    taken = session.execute(
        select(Member.id).where(Member.home_shop_id == shop.id, Member.phone == number)
    ).scalar()
    if taken is not None:
        raise DomainError("phone_duplicate", member_id=taken)
    keys = name_keys(clean)
    member_id = new_member_id()
    day = enrolled_day or today
    session.add(
        Member(
            id=member_id,
            home_shop_id=shop.id,
            name=clean,
            initials=keys.initials,
            pinyin=keys.pinyin,
            phone=number,
            phone_last4=number[-4:],
            birthday=birthday,
            enrolled_at=now,
            enrolled_day=day,
            enrolled_by=by.staff_id if by else None,
            marketing_consent=marketing_consent,
            sharing_consent=sharing_consent,
            card_serial=1,
            card_issued_on=today,
            card_expires_on=add_months(today, 12 * CARD_VALID_YEARS),
            note="",
        )
    )
    try:
        session.flush()
    except IntegrityError as exc:  # a concurrent enrolment with the same phone
        raise DomainError("phone_duplicate") from exc
    staff_id = by.staff_id if by else None
    for kind, granted in (
        ("membership", True),
        ("marketing", marketing_consent),
        ("sharing", sharing_consent),
    ):
        _record_consent(
            session, member_id=member_id, kind=kind, granted=granted, now=now, staff_id=staff_id
        )
    emit_event(
        session,
        kind="member.enrolled",
        now=now,
        payload=_with_phone_hash(
            session,
            {
                "member_id": member_id,
                "enrolled_day": day,
                "marketing": marketing_consent,
                "sharing": sharing_consent,
            },
            phone=number,
            sharing=sharing_consent,
        ),
    )
    on_enrol(session, member_id=member_id, now=now, today=today)
    return member_id


def _live_member(session: Session, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.erased_at is not None:
        raise DomainError("member_not_found")
    return member


def _own_member(session: Session, member_id: int) -> Member:
    """A member whose details this shop keeps (not a member of another alliance shop)."""
    member = _live_member(session, member_id)
    if member.alliance_shop_id is not None:
        raise DomainError("member_of_another_shop")
    return member


def update_member(
    session: Session,
    *,
    member_id: int,
    by: Actor | None,
    now: dt.datetime,
    today: dt.date,
    name: str | None = None,
    phone: str | None = None,
    birthday: dt.date | None = None,
    clear_birthday: bool = False,
    note: str | None = None,
) -> None:
    """Change profile fields; a phone change is audited (it is how members are found)."""
    member = _own_member(session, member_id)
    if name is not None:
        member.name = clean_name(name)
        keys = name_keys(member.name)
        member.initials, member.pinyin = keys.initials, keys.pinyin
    if phone is not None:
        number = normalize_phone(phone)
        if number != member.phone:
            taken = session.execute(
                select(Member.id).where(
                    Member.home_shop_id == member.home_shop_id, Member.phone == number
                )
            ).scalar()
            if taken is not None:
                raise DomainError("phone_duplicate", member_id=taken)
            append_audit(
                session,
                action="member.phone_changed",
                staff_id=by.staff_id if by else None,
                details={
                    "member": member_id,
                    "old": mask_phone(member.phone),
                    "new": mask_phone(number),
                },
                now=now,
            )
            member.phone, member.phone_last4 = number, number[-4:]
    if clear_birthday:
        member.birthday = None
    elif birthday is not None:
        _check_birthday(birthday, today)
        member.birthday = birthday
    if note is not None:
        member.note = " ".join(note.split())[:200]
    session.flush()
    emit_event(
        session,
        kind="member.updated",
        payload=_with_phone_hash(
            session, {"member_id": member_id}, phone=member.phone, sharing=member.sharing_consent
        ),
        now=now,
    )


def _with_phone_hash(
    session: Session, payload: dict[str, Any], *, phone: str | None, sharing: bool
) -> dict[str, Any]:
    """Add the alliance's keyed phone hash for a sharing member once the shop has joined."""
    hashed = shared_phone_hash(session, phone, sharing=sharing)
    return payload if hashed is None else {**payload, "phone_hash": hashed}


def set_consent(
    session: Session,
    *,
    member_id: int,
    kind: str,
    granted: bool,
    by: Actor | None,
    now: dt.datetime,
) -> None:
    """Give or withdraw marketing or sharing consent; takes effect at once."""
    if kind not in ("marketing", "sharing"):
        raise DomainError("consent_kind_invalid")
    member = _own_member(session, member_id)
    if kind == "marketing":
        member.marketing_consent = granted
    else:
        member.sharing_consent = granted
    _record_consent(
        session,
        member_id=member_id,
        kind=kind,
        granted=granted,
        now=now,
        staff_id=by.staff_id if by else None,
    )
    emit_event(
        session,
        kind="member.consent",
        now=now,
        payload={"member_id": member_id, "kind": kind, "granted": granted},
    )
    if kind == "sharing" and granted:
        hashed = shared_phone_hash(session, member.phone, sharing=True)
        if hashed is not None:  # the alliance can now recognise this member elsewhere
            emit_event(
                session,
                kind="member.updated",
                payload={"member_id": member_id, "phone_hash": hashed},
                now=now,
            )


def member_details(session: Session, member_id: int) -> MemberDetails:
    m = _live_member(session, member_id)
    return MemberDetails(
        m.id, m.name, m.phone or "", m.birthday, m.note, m.marketing_consent, m.sharing_consent
    )


_LAST_VISITS_SQL = text(
    "SELECT day, kind, amount FROM ("
    " SELECT local_day AS day, 'sale' AS kind, amount_fen AS amount, id FROM sale"
    "  WHERE member_id = :m ORDER BY id DESC LIMIT :n)"
    " UNION ALL SELECT day, kind, amount FROM ("
    " SELECT local_day AS day, 'checkin' AS kind, 0 AS amount, id FROM checkin"
    "  WHERE member_id = :m ORDER BY id DESC LIMIT :n)"
)


def last_visits(session: Session, member_id: int, *, limit: int = 5) -> tuple[Visit, ...]:
    """The latest sales and check-ins, newest day first (sales before check-ins that day)."""
    rows = session.execute(_LAST_VISITS_SQL, {"m": member_id, "n": limit}).all()
    visits = [Visit(dt.date.fromisoformat(str(r.day)), r.kind, int(r.amount)) for r in rows]
    visits.sort(key=lambda v: (v.day, v.kind == "sale"), reverse=True)
    return tuple(visits[:limit])


def member_card(session: Session, member_id: int, *, today: dt.date) -> MemberCardView:
    """The counter card. Runs on the scan path: a handful of indexed queries, no scans."""
    m = _live_member(session, member_id)
    info = balance_info(session, member_id, today=today)
    alliance = standing(session, m, local_balance=info.balance)
    spend = spend_12m(session, member_id, today=today)
    return MemberCardView(
        id=m.id,
        name=m.name,
        phone_masked=mask_phone(m.phone),
        tier=tier_for_spend(spend, current_rule(session)),
        balance=info.balance if alliance is None else alliance.effective_balance,
        expiring_points=info.expiring_points,
        expiring_on=info.expiring_on,
        spend_12m_fen=spend,
        last_visits=last_visits(session, member_id),
        enrolled_day=m.enrolled_day,
        birthday=m.birthday,
        marketing_consent=m.marketing_consent,
        sharing_consent=m.sharing_consent,
        card_serial=m.card_serial,
        card_expires_on=m.card_expires_on,
        stamps=stamps(session, member_id, today=today),
        usable_coupons=usable_count(session, member_id, today=today),
        alliance_shop_id=m.alliance_shop_id,
        alliance_balance=alliance is not None,
    )


def _fullwidth_to_ascii(text: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in text)


def _prefix(column, text: str):  # type: ignore[no-untyped-def]
    """An index-friendly prefix match: text <= column < text + U+10FFFF."""
    return and_(column >= text, column < text + "\U0010ffff")


def _search_condition(query: str):  # type: ignore[no-untyped-def]
    text = _fullwidth_to_ascii(" ".join(query.split()))
    compact = text.replace(" ", "").replace("-", "")
    if compact.isdigit() and compact.isascii():
        if len(compact) == 4:
            return Member.phone_last4 == compact, Member.phone_last4
        if len(compact) == 11:
            return Member.phone == compact, Member.phone
        if len(compact) > 11:
            return None, None
        return _prefix(Member.phone, compact), Member.phone
    lowered = compact.lower()
    if lowered.isascii() and lowered.isalpha():
        return or_(
            _prefix(Member.initials, lowered),
            _prefix(Member.pinyin, lowered),
            _prefix(Member.name, text),
        ), Member.initials
    return _prefix(Member.name, text), Member.name


def search_members(
    session: Session, query: str, *, today: dt.date, offset: int = 0, limit: int = PAGE_SIZE
) -> MemberPage:
    """Find members by full phone, last 4 digits, phone prefix, name prefix or pinyin
    (initials ``zs`` or spelled ``zhang``). Always paged; an empty query lists recent
    enrolments. Never loads more than one page of rows."""
    limit = max(1, min(limit, MAX_PAGE))
    offset = max(0, offset)
    stmt = select(Member.id, Member.name, Member.phone).where(Member.erased_at.is_(None))
    if query.strip():
        condition, order = _search_condition(query)
        if condition is None:
            return MemberPage((), offset, False)
        stmt = stmt.where(condition).order_by(order, Member.id)
    else:  # recent enrolments: this shop's own members, not other shops' served here
        stmt = stmt.where(Member.alliance_shop_id.is_(None))
        stmt = stmt.order_by(Member.enrolled_at.desc(), Member.id)
    rows = session.execute(stmt.offset(offset).limit(limit + 1)).all()
    page = rows[:limit]
    ids = [r.id for r in page]
    points = balances(session, ids, today=today)
    spends = spends_12m(session, ids, today=today)
    rule = current_rule(session)
    items = tuple(
        MemberSummary(
            r.id, r.name, mask_phone(r.phone), tier_for_spend(spends[r.id], rule), points[r.id]
        )
        for r in page
    )
    return MemberPage(items, offset, len(rows) > limit)


def share_phone_hashes(session: Session, *, now: dt.datetime) -> int:
    """Once the shop has joined an alliance: tell it how to recognise every member who agreed
    to alliance sharing (one ``member.updated`` with the keyed phone hash each)."""
    key = alliance_phone_key(session)
    if key is None:
        return 0
    rows = session.execute(
        select(Member.id, Member.phone).where(
            Member.sharing_consent.is_(True), Member.erased_at.is_(None), Member.phone.is_not(None)
        )
    ).all()
    for member_id, phone in rows:
        emit_event(
            session,
            kind="member.updated",
            payload={"member_id": member_id, "phone_hash": phone_hash(key, str(phone))},
            now=now,
        )
    return len(rows)
