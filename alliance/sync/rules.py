"""What each pushed event does on the server: the alliance's rules for the device's facts.

A handler either applies the event (possibly recording conflicts: an offline fact that broke
a rule is kept and settled, never undone) or raises :class:`Rejected` (permanent; the event is
recorded with that reason and the device's queue moves on). Handlers run inside a savepoint of
the push transaction, so a rejected event leaves nothing behind. With ``ctx.writes`` set (a
batch applied set-based, see :mod:`alliance.sync.writes`) entries and new sale records are
collected for one multi-row write instead of being inserted at once.

Payloads are the desktop's event payloads; fields the server does not use are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from alliance import ledger
from alliance.db import insert_ignore_returning_id
from alliance.errors import Rejected
from alliance.feed import Publisher
from alliance.ledger import Leg
from alliance.sync.writes import BatchWrites
from alliance.tables import (
    AllianceCoupon,
    Base,
    CampaignShop,
    Conflict,
    CouponRedemption,
    Member,
    SaleRecord,
)
from alliance.types import Day, Fen, Id64, PhoneHash, Points, SaleUid
from desktop.models.jsonutil import canonical_json

APPLIED = "applied"
CONFLICT = "applied_with_conflict"
REJECTED = "rejected"

# Shop-local facts: kept with their outcome, nothing for the alliance to do.
RECORDED_ONLY = frozenset(
    {
        "campaign.created",
        "campaign.updated",
        "campaign.state_changed",
        "coupon.issued",
        "sales.imported",
    }
)


@dataclass
class Context:
    session: Session
    alliance_id: int
    shop_id: int
    event_id: str
    day: dt.date
    now: dt.datetime
    policy: dict[str, Any]
    publisher: Publisher
    # Members loaded by this push, held so the session's (weak) identity map keeps them.
    loaded: dict[int, Member] = field(default_factory=dict)
    # Member ids the batch looked up and the database does not hold.
    missing: set[int] = field(default_factory=set)
    writes: BatchWrites | None = None
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ledger_batch(self) -> ledger.LedgerBatch | None:
        return self.writes.ledger if self.writes is not None else None

    def conflict(self, kind: str, *, settlement: str, amount: int = 0, **detail: Any) -> None:
        self.session.add(
            Conflict(
                alliance_id=self.alliance_id,
                event_id=self.event_id,
                shop_id=self.shop_id,
                kind=kind,
                settlement=settlement,
                amount=amount,
                detail=canonical_json(detail),
                day=self.day,
                created_at=self.now,
            )
        )
        self.conflicts.append({"kind": kind, "settlement": settlement, "amount": amount, **detail})

    def balance(self, member_id: int) -> int:
        member = self.session.get(Member, (self.alliance_id, member_id))
        assert member is not None
        return member.balance


class Payload(BaseModel):
    model_config = ConfigDict(extra="ignore")


# -- members -------------------------------------------------------------------------------


def _get_member(ctx: Context, member_id: int) -> Member | None:
    member = ctx.loaded.get(member_id)
    if member is None and member_id not in ctx.missing:
        member = ctx.session.get(Member, (ctx.alliance_id, member_id))
    if member is not None:
        ctx.loaded[member_id] = member
    return member


def _placeholder(ctx: Context, member_id: int) -> Member:
    m = Member(
        alliance_id=ctx.alliance_id,
        id=member_id,
        home_shop_id=None,
        first_shop_id=ctx.shop_id,
        sharing=False,
        marketing=False,
        card_serial=1,
        balance=0,
        audiences="",
        created_at=ctx.now,
        updated_at=ctx.now,
    )
    if ctx.writes is None:
        ctx.session.add(m)
        ctx.session.flush()
    else:  # inserted with the batch's other rows
        ctx.writes.new_members.append(m)
    ctx.loaded[member_id] = m
    ctx.missing.discard(member_id)
    return m


def _home_of(m: Member) -> int:
    return m.home_shop_id if m.home_shop_id is not None else m.first_shop_id


def member_for(ctx: Context, member_id: int) -> Member:
    """The member whose account an event at this shop moves (after merges). A member of
    another shop without sharing consent is not this shop's to touch."""
    m = _get_member(ctx, member_id) or _placeholder(ctx, member_id)
    for _ in range(8):
        if m.erased_at is not None:
            raise Rejected("member_erased", member_id=m.id)
        if _home_of(m) != ctx.shop_id and not m.sharing:
            raise Rejected("member_not_shared", member_id=m.id)
        if m.merged_into is None:
            break
        target = _get_member(ctx, m.merged_into)
        if target is None:  # pragma: no cover - merges only point at existing members
            break
        m = target
    ctx.publisher.members.add(m.id)
    return m


def _own_member(ctx: Context, member_id: int) -> Member:
    """A member only its home shop may change (consents, card, profile)."""
    m = _get_member(ctx, member_id) or _placeholder(ctx, member_id)
    if _home_of(m) != ctx.shop_id:
        raise Rejected("not_home_shop", member_id=member_id)
    if m.erased_at is not None:
        raise Rejected("member_erased", member_id=member_id)
    ctx.publisher.members.add(m.id)
    m.updated_at = ctx.now
    return m


class MemberEnrolled(Payload):
    member_id: Id64
    enrolled_day: Day | None = None
    marketing: bool = False
    sharing: bool = False
    phone_hash: PhoneHash | None = None
    opening_points: Points = 0


def on_member_enrolled(ctx: Context, p: MemberEnrolled) -> None:
    m = _get_member(ctx, p.member_id)
    if m is not None and m.home_shop_id not in (None, ctx.shop_id):
        raise Rejected("member_id_taken", member_id=p.member_id)
    if m is None:
        m = _placeholder(ctx, p.member_id)
    if m.erased_at is not None:
        raise Rejected("member_erased", member_id=p.member_id)
    m.home_shop_id = ctx.shop_id
    m.enrolled_day = p.enrolled_day or ctx.day
    m.marketing, m.sharing, m.updated_at = p.marketing, p.sharing, ctx.now
    if p.phone_hash is not None:
        m.phone_hash = p.phone_hash
    ctx.publisher.members.add(m.id)
    if p.opening_points:
        ledger.post(
            ctx.session,
            alliance_id=ctx.alliance_id,
            key=f"opening:{m.id}",
            kind="opening",
            legs=[
                Leg(ledger.issued_account(ctx.shop_id), -p.opening_points),
                Leg(ledger.member_account(m.id), p.opening_points),
            ],
            points=p.opening_points,
            day=ctx.day,
            now=ctx.now,
            event_id=ctx.event_id,
            shop_id=ctx.shop_id,
            member_id=m.id,
            batch=ctx.ledger_batch,
        )
    _merge_duplicate(ctx, m)


def _merge_duplicate(ctx: Context, m: Member) -> None:
    """Two enrolments of one phone, both shared with the alliance, become one member: the
    later one points at the earlier and its points move there (DESIGN §4)."""
    if not (m.sharing and m.phone_hash and m.merged_into is None):
        return
    ctx.session.flush()
    first = ctx.session.execute(
        select(Member)
        .where(
            Member.alliance_id == ctx.alliance_id,
            Member.phone_hash == m.phone_hash,
            Member.id != m.id,
            Member.sharing.is_(True),
            Member.merged_into.is_(None),
            Member.erased_at.is_(None),
            Member.home_shop_id.is_not(None),
        )
        .order_by(Member.created_at, Member.id)
        .limit(1)
    ).scalar()
    if first is None:
        return
    m.merged_into = first.id
    moved = m.balance
    if moved:
        ledger.post(
            ctx.session,
            alliance_id=ctx.alliance_id,
            key=f"merge:{m.id}",
            kind="merge",
            legs=[
                Leg(ledger.member_account(m.id), -moved),
                Leg(ledger.member_account(first.id), moved),
            ],
            points=moved,
            day=ctx.day,
            now=ctx.now,
            event_id=ctx.event_id,
            shop_id=ctx.shop_id,
            member_id=first.id,
            batch=ctx.ledger_batch,
        )
    ctx.publisher.members.update({m.id, first.id})
    ctx.conflict(
        "duplicate_enrolment",
        settlement="merged",
        member_id=m.id,
        merged_into=first.id,
        points=moved,
    )


class MemberConsent(Payload):
    member_id: Id64
    kind: str = Field(max_length=20)
    granted: bool


def on_member_consent(ctx: Context, p: MemberConsent) -> None:
    m = _own_member(ctx, p.member_id)
    if p.kind == "sharing":
        m.sharing = p.granted
    elif p.kind == "marketing":
        m.marketing = p.granted
    else:
        raise Rejected("consent_kind_invalid", kind=p.kind)


class MemberUpdated(Payload):
    member_id: Id64
    phone_hash: PhoneHash | None = None


def on_member_updated(ctx: Context, p: MemberUpdated) -> None:
    m = _own_member(ctx, p.member_id)
    if p.phone_hash is not None:
        m.phone_hash = p.phone_hash


class MemberRef(Payload):
    member_id: Id64


def on_member_erased(ctx: Context, p: MemberRef) -> None:
    """Erased at the server too (PIPL): the hash goes, the ledger sums stay."""
    m = _own_member(ctx, p.member_id)
    m.erased_at, m.phone_hash, m.sharing, m.marketing = ctx.now, None, False, False


class CardReissued(Payload):
    member_id: Id64
    serial: int = Field(ge=1, le=65535)


def on_card_reissued(ctx: Context, p: CardReissued) -> None:
    """Cards with a lower serial are deny-listed everywhere the member is visible."""
    m = _own_member(ctx, p.member_id)
    m.card_serial = max(m.card_serial, p.serial)


# -- points --------------------------------------------------------------------------------


class SaleRecorded(Payload):
    sale: SaleUid
    member_id: Id64 | None = None
    amount_fen: Fen = 0
    discount_fen: Fen = 0
    coupon_id: Id64 | None = None
    coupon_discount_fen: Fen = 0
    points_earned: Points = 0
    points_redeemed: Points = 0
    day: Day | None = None


_SALES = Base.metadata.tables["sale_record"]


def _sale_record(ctx: Context, uid: str) -> SaleRecord | None:
    return ctx.session.execute(
        select(SaleRecord).where(SaleRecord.alliance_id == ctx.alliance_id, SaleRecord.uid == uid)
    ).scalar()


def on_sale_recorded(ctx: Context, p: SaleRecorded) -> None:
    ctx.day = p.day or ctx.day
    paid = max(0, p.amount_fen - p.discount_fen - p.coupon_discount_fen)
    facts = {
        "shop_id": ctx.shop_id,
        "member_id": p.member_id,
        "amount_fen": p.amount_fen,
        "paid_fen": paid,
        "coupon_id": p.coupon_id,
        "day": ctx.day,
        "recorded": True,
    }
    values = {"alliance_id": ctx.alliance_id, "uid": p.sale, "refunded": False, **facts}
    if ctx.writes is not None:
        ctx.writes.new_sale(values)
        inserted: int | None = 0
    else:
        inserted = (
            ctx.session.connection()
            .execute(insert_ignore_returning_id(ctx.session, _SALES), values)
            .scalar()
        )
    refund_first = False
    if inserted is None:  # known: a duplicate, or a refund that arrived before the sale
        record = _sale_record(ctx, p.sale)
        if record is None or record.recorded:
            raise Rejected("duplicate_sale", sale=p.sale)
        for name, value in facts.items():
            setattr(record, name, value)
        refund_first = True
    if p.member_id is None:
        return
    m = member_for(ctx, p.member_id)
    if p.points_redeemed:
        _redeem(ctx, m, key=f"sale:{p.sale}:redeem", points=p.points_redeemed)
        if refund_first:
            _check_early_reversal(ctx, f"sale:{p.sale}:redeem", p.points_redeemed)
    if p.points_earned:
        _earn(ctx, m, key=f"sale:{p.sale}:earn", kind="earn", points=p.points_earned)
        if refund_first:
            _check_early_reversal(ctx, f"sale:{p.sale}:earn", p.points_earned)


def _redeem(ctx: Context, m: Member, *, key: str, points: int) -> None:
    before = m.balance
    ledger.post(
        ctx.session,
        alliance_id=ctx.alliance_id,
        key=key,
        kind="redeem",
        legs=[
            Leg(ledger.member_account(m.id), -points),
            Leg(ledger.honored_account(ctx.shop_id), points),
        ],
        points=-points,
        day=ctx.day,
        now=ctx.now,
        event_id=ctx.event_id,
        shop_id=ctx.shop_id,
        member_id=m.id,
        batch=ctx.ledger_batch,
    )
    if before < points:
        # An offline redemption the balance did not cover: settled, not undone. The member
        # goes negative, later earns repay it first (DESIGN §5).
        ctx.conflict(
            "overspend",
            settlement="member_debt",
            amount=points - max(before, 0),
            member_id=m.id,
            balance_before=before,
            points=points,
            balance_after=before - points,
        )


def _earn(ctx: Context, m: Member, *, key: str, kind: str, points: int) -> None:
    ledger.post(
        ctx.session,
        alliance_id=ctx.alliance_id,
        key=key,
        kind=kind,
        legs=[
            Leg(ledger.issued_account(ctx.shop_id), -points),
            Leg(ledger.member_account(m.id), points),
        ],
        points=points,
        day=ctx.day,
        now=ctx.now,
        event_id=ctx.event_id,
        shop_id=ctx.shop_id,
        member_id=m.id,
        batch=ctx.ledger_batch,
    )


def _check_early_reversal(ctx: Context, key: str, points: int) -> None:
    """The reversal arrived first: note it if it took back more than this entry gave."""
    reversal = ledger.reversal_of(ctx.session, ctx.alliance_id, key)
    if reversal is not None and abs(reversal.points) > points:
        ctx.conflict(
            "reversal_exceeds_original",
            settlement="as_recorded",
            amount=abs(reversal.points) - points,
            entry=key,
        )


class SaleRefunded(Payload):
    sale: SaleUid
    member_id: Id64 | None = None
    points_taken_back: Points = 0
    points_returned: Points = 0


def on_sale_refunded(ctx: Context, p: SaleRefunded) -> None:
    record = _sale_record(ctx, p.sale)
    if record is not None and record.refunded:
        raise Rejected("already_refunded", sale=p.sale)
    if record is None:  # the refund arrived before its sale (another device)
        record = SaleRecord(
            alliance_id=ctx.alliance_id, uid=p.sale, shop_id=ctx.shop_id, recorded=False
        )
        ctx.session.add(record)
    record.refunded = True
    if p.member_id is None or not (p.points_taken_back or p.points_returned):
        return
    m = member_for(ctx, p.member_id)
    for what, points in (("earn", -p.points_taken_back), ("redeem", p.points_returned)):
        if points:
            _reverse(
                ctx,
                m,
                original=f"sale:{p.sale}:{what}",
                key=f"refund:{p.sale}:{what}",
                points=points,
            )


def _reverse(ctx: Context, m: Member, *, original: str, key: str, points: int) -> None:
    """Book a reversal of ``original`` (known or not yet): at most once, never more than it."""
    entry = ledger.find_entry(ctx.session, ctx.alliance_id, original)
    if entry is not None and (
        abs(points) > abs(entry.points) or (points > 0) == (entry.points > 0)
    ):
        raise Rejected("reversal_exceeds_original", entry=original)
    shop = entry.shop_id if entry is not None and entry.shop_id is not None else ctx.shop_id
    other = (
        ledger.honored_account(shop)
        if original.endswith(":redeem")
        else ledger.issued_account(shop)
    )
    ledger.post(
        ctx.session,
        alliance_id=ctx.alliance_id,
        key=key,
        kind="reversal",
        legs=[Leg(ledger.member_account(m.id), points), Leg(other, -points)],
        points=points,
        day=ctx.day,
        now=ctx.now,
        event_id=ctx.event_id,
        shop_id=shop,
        member_id=m.id,
        reverses_key=original,
    )


class CheckinRecorded(Payload):
    member_id: Id64
    points: Points = 0
    day: Day | None = None


def on_checkin(ctx: Context, p: CheckinRecorded) -> None:
    ctx.day = p.day or ctx.day
    if p.points:
        m = member_for(ctx, p.member_id)
        _earn(ctx, m, key=f"checkin:{ctx.event_id}", kind="checkin", points=p.points)


class PointsAdjusted(Payload):
    member_id: Id64
    points: int = Field(ge=-10_000_000, le=10_000_000)


def on_points_adjusted(ctx: Context, p: PointsAdjusted) -> None:
    if p.points == 0:
        raise Rejected("adjustment_invalid")
    m = member_for(ctx, p.member_id)
    ledger.post(
        ctx.session,
        alliance_id=ctx.alliance_id,
        key=f"adjust:{ctx.event_id}",
        kind="adjust",
        legs=[
            Leg(ledger.issued_account(ctx.shop_id), -p.points),
            Leg(ledger.member_account(m.id), p.points),
        ],
        points=p.points,
        day=ctx.day,
        now=ctx.now,
        event_id=ctx.event_id,
        shop_id=ctx.shop_id,
        member_id=m.id,
        batch=ctx.ledger_batch,
    )


class PointsExpired(Payload):
    day: Day | None = None
    members: list[tuple[Id64, Points]] = Field(default_factory=list, max_length=100_000)


def on_points_expired(ctx: Context, p: PointsExpired) -> None:
    """Expiry moves what was left to breakage. Without per-member figures (older devices)
    the event is recorded only."""
    ctx.day = p.day or ctx.day
    for member_id, points in p.members:
        if not points:
            continue
        m = member_for(ctx, member_id)
        ledger.post(
            ctx.session,
            alliance_id=ctx.alliance_id,
            key=f"expire:{ctx.event_id}:{member_id}",
            kind="expire",
            legs=[Leg(ledger.member_account(m.id), -points), Leg(ledger.BREAKAGE, points)],
            points=-points,
            day=ctx.day,
            now=ctx.now,
            event_id=ctx.event_id,
            shop_id=ctx.shop_id,
            member_id=m.id,
            batch=ctx.ledger_batch,
        )


# -- alliance coupons ----------------------------------------------------------------------


def _alliance_coupon(ctx: Context, coupon_id: int) -> AllianceCoupon | None:
    c = ctx.session.get(AllianceCoupon, coupon_id)
    return c if c is not None and c.alliance_id == ctx.alliance_id else None


class CouponRedeemed(Payload):
    coupon_id: Id64
    sale: SaleUid
    member_id: Id64 | None = None
    discount_fen: Fen = 0
    day: Day | None = None


def on_coupon_redeemed(ctx: Context, p: CouponRedeemed) -> None:
    """The first redemption of an alliance coupon to arrive is honoured; a later one (another
    counter was offline) is kept as a conflict and settled by the alliance's policy."""
    ctx.day = p.day or ctx.day
    c = _alliance_coupon(ctx, p.coupon_id)
    if c is None:
        return  # a shop's own coupon: the shop's business
    state_before = c.state
    done = ctx.session.execute(
        update(AllianceCoupon)
        .where(AllianceCoupon.id == c.id, AllianceCoupon.state == "issued")
        .values(state="redeemed", redeemed_shop_id=ctx.shop_id, redeemed_sale=p.sale)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    honoured = done == 1
    ctx.session.add(
        CouponRedemption(
            alliance_id=ctx.alliance_id,
            coupon_id=c.id,
            campaign_id=c.campaign_id,
            shop_id=ctx.shop_id,
            event_id=ctx.event_id,
            sale=p.sale,
            discount_fen=p.discount_fen,
            honoured=honoured,
            day=ctx.day,
            restored=False,
        )
    )
    ctx.publisher.coupons.add(c.id)
    if not honoured:
        ctx.conflict(
            "coupon_already_redeemed" if state_before == "redeemed" else "coupon_void",
            settlement=str(ctx.policy.get("duplicate_coupon_bearer", "alliance")),
            amount=p.discount_fen,
            coupon_id=c.id,
            honoured_at_shop=c.redeemed_shop_id,
        )
        return
    opted = ctx.session.execute(
        select(CampaignShop.opted_in).where(
            CampaignShop.campaign_id == c.campaign_id, CampaignShop.shop_id == ctx.shop_id
        )
    ).scalar()
    if not opted:
        ctx.conflict(
            "shop_not_participating", settlement="shop_bears", amount=p.discount_fen, coupon_id=c.id
        )
    if not c.valid_from <= ctx.day <= c.valid_to:
        ctx.conflict(
            "coupon_out_of_dates", settlement="shop_bears", amount=p.discount_fen, coupon_id=c.id
        )


class CouponRestored(Payload):
    coupon_id: Id64
    sale: SaleUid


def on_coupon_restored(ctx: Context, p: CouponRestored) -> None:
    """A refund gives the coupon back, if this shop's sale is the one that used it."""
    c = _alliance_coupon(ctx, p.coupon_id)
    if c is None or c.state != "redeemed" or c.redeemed_shop_id != ctx.shop_id:
        return
    if c.redeemed_sale != p.sale:
        return
    c.state, c.redeemed_shop_id, c.redeemed_sale = "issued", None, None
    ctx.session.execute(
        update(CouponRedemption)
        .where(
            CouponRedemption.coupon_id == c.id,
            CouponRedemption.sale == p.sale,
            CouponRedemption.honoured.is_(True),
        )
        .values(restored=True)
        .execution_options(synchronize_session=False)
    )
    ctx.publisher.coupons.add(c.id)


class CouponVoided(Payload):
    coupons: list[Id64] = Field(default_factory=list, max_length=100_000)


def on_coupon_voided(ctx: Context, p: CouponVoided) -> None:
    if not p.coupons:
        return
    ours = ctx.session.execute(
        select(AllianceCoupon.id).where(
            AllianceCoupon.alliance_id == ctx.alliance_id, AllianceCoupon.id.in_(p.coupons[:1000])
        )
    ).first()
    if ours is not None:
        raise Rejected("server_owned", coupon_id=ours[0])


# -- dispatch ------------------------------------------------------------------------------

Handler = Callable[[Context, Any], None]
HANDLERS: dict[str, tuple[type[Payload], Handler]] = {
    "member.enrolled": (MemberEnrolled, on_member_enrolled),
    "member.imported": (MemberEnrolled, on_member_enrolled),
    "member.consent": (MemberConsent, on_member_consent),
    "member.updated": (MemberUpdated, on_member_updated),
    "member.erased": (MemberRef, on_member_erased),
    "card.reissued": (CardReissued, on_card_reissued),
    "sale.recorded": (SaleRecorded, on_sale_recorded),
    "sale.refunded": (SaleRefunded, on_sale_refunded),
    "checkin.recorded": (CheckinRecorded, on_checkin),
    "points.adjusted": (PointsAdjusted, on_points_adjusted),
    "points.expired": (PointsExpired, on_points_expired),
    "coupon.redeemed": (CouponRedeemed, on_coupon_redeemed),
    "coupon.restored": (CouponRestored, on_coupon_restored),
    "coupon.voided": (CouponVoided, on_coupon_voided),
}


Parsed = Payload | Rejected | None


def parse(kind: str, payload: dict[str, Any]) -> Parsed:
    """The payload checked against its kind: its model, the refusal it earns, or None for a
    kind the alliance only records. Depends on nothing else, so a push does it for the whole
    batch before taking any lock."""
    if kind in RECORDED_ONLY:
        return None
    handler = HANDLERS.get(kind)
    if handler is None:
        return Rejected("unknown_kind", kind=kind)
    try:
        return handler[0].model_validate(payload)
    except ValidationError as exc:
        fields = sorted({".".join(str(x) for x in e["loc"]) for e in exc.errors()})
        return Rejected("invalid_payload", fields=fields[:20])


def apply_event(ctx: Context, kind: str, parsed: Parsed) -> None:
    """Apply one event (its payload as :func:`parse` made it); raises :class:`Rejected` when
    it can never be applied."""
    if parsed is None:
        return
    if isinstance(parsed, Rejected):
        raise Rejected(parsed.reason, **parsed.detail)
    HANDLERS[kind][1](ctx, parsed)
