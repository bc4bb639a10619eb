"""The alliance server's tables (SQLAlchemy 2 typed declarative), in one place.

Points and money are integers (points, fen). Times are naive UTC. Balances are derived: the
truth is ``posting``; ``member.balance`` is a cache kept in the same transaction and checked
against the postings by ``alliance-admin check``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# A 64-bit surrogate key that still autoincrements on SQLite (only INTEGER is the rowid there).
BigId = BigInteger().with_variant(Integer, "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ServerState(Base):
    """One row (id 1). ``epoch`` is renewed when the database is restored from a backup."""

    __tablename__ = "server_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    epoch: Mapped[str] = mapped_column(String(36))
    renewed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Alliance(Base):
    __tablename__ = "alliance"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Key of the HMAC that turns a phone number into the hash shops match members by.
    phone_hash_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    policy: Mapped[str] = mapped_column(Text)  # canonical JSON of the policy numbers
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FeedCounter(Base):
    """The alliance's change-feed counter, bumped under a row lock inside each writing
    transaction, so ``server_seq`` values commit in order and without gaps."""

    __tablename__ = "feed_counter"
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class FeedEntry(Base):
    """The latest state of one entity for one audience (0 = every shop of the alliance).

    Writing an entity again deletes its row and inserts one with a new ``seq``, so the feed
    holds one row per entity and audience and a reader that starts at 0 gets each entity once.
    """

    __tablename__ = "feed"
    __table_args__ = (
        UniqueConstraint("alliance_id", "entity_key", "audience", name="uq_feed_entity"),
    )
    alliance_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity_key: Mapped[str] = mapped_column(String(80))
    audience: Mapped[int] = mapped_column(Integer)  # shop id, or 0 for all
    kind: Mapped[str] = mapped_column(String(20))
    data: Mapped[str] = mapped_column(Text)  # canonical JSON; {"deleted": true} hides


class AllianceKey(Base):
    """The alliance's Ed25519 keys: it signs alliance coupons and shop key certificates."""

    __tablename__ = "alliance_key"
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), primary_key=True)
    key_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Shop(Base):
    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ShopKey(Base):
    """A shop's public signing key and the alliance's certificate for it."""

    __tablename__ = "shop_key"
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), primary_key=True)
    key_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"), index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    certificate: Mapped[str] = mapped_column(Text)  # canonical JSON (alliance.certs)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class EnrolmentCode(Base):
    """A one-time code that enrols one device for a shop. Only a hash of the secret part is
    kept; ``lookup`` (the first group) finds the row so failures can be counted per code."""

    __tablename__ = "enrolment_code"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lookup: Mapped[str] = mapped_column(String(8), unique=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    device_id: Mapped[str | None] = mapped_column(String(36))


class RateLimit(Base):
    """Fixed-window attempt counters (enrolment per IP address)."""

    __tablename__ = "rate_limit"
    bucket: Mapped[str] = mapped_column(String(120), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime)
    count: Mapped[int] = mapped_column(Integer, default=0)


class Device(Base):
    """One enrolled counter PC. ``credential_hash`` is SHA-256 of its 256-bit secret;
    ``acked_seq`` is the highest ``device_seq`` taken (every event up to it has an outcome)."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"), index=True)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"))
    name: Mapped[str] = mapped_column(String(100))
    credential_hash: Mapped[str] = mapped_column(String(64))
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Event(Base):
    """Every event a device pushed, with the outcome it got (returned again on a retry)."""

    __tablename__ = "event"
    __table_args__ = (UniqueConstraint("device_id", "device_seq", name="uq_event_device_seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7 made on the device
    device_id: Mapped[str] = mapped_column(String(36))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    alliance_id: Mapped[int] = mapped_column(Integer)
    shop_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)  # the device's clock
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    content_hash: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(24))  # applied | applied_with_conflict | rejected
    reason: Mapped[str | None] = mapped_column(String(60))
    detail: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    server_seq: Mapped[int] = mapped_column(BigInteger)


class Member(Base):
    """What the alliance knows of a member: no name, no phone, only a keyed hash of it.

    ``home_shop_id`` is None until the enrolment arrives (an earn can come first). A member is
    visible beyond its home shop only with sharing consent. ``audiences`` lists where its live
    snapshot is published ("0" = the whole alliance), so a withdrawal can hide it again.
    """

    __tablename__ = "member"
    __table_args__ = (Index("ix_member_phone_hash", "alliance_id", "phone_hash"),)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), primary_key=True)
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    home_shop_id: Mapped[int | None] = mapped_column(ForeignKey("shop.id"))
    first_shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    phone_hash: Mapped[str | None] = mapped_column(String(64))
    sharing: Mapped[bool] = mapped_column(Boolean, default=False)
    marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    enrolled_day: Mapped[dt.date | None] = mapped_column(Date)
    card_serial: Mapped[int] = mapped_column(Integer, default=1)
    balance: Mapped[int] = mapped_column(BigInteger, default=0)  # cache of Σ postings
    merged_into: Mapped[int | None] = mapped_column(BigInteger)
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    audiences: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LedgerEntry(Base):
    """One points movement. ``entry_key`` is made from the device's facts (``sale:<uid>:earn``)
    so the same fact can never be booked twice; ``reverses_key`` is unique, so an entry is
    reversed at most once, whichever of the two arrives first."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        UniqueConstraint("alliance_id", "entry_key", name="uq_ledger_entry_key"),
        UniqueConstraint("alliance_id", "reverses_key", name="uq_ledger_entry_reverses"),
        Index("ix_ledger_entry_day", "alliance_id", "day"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(Integer)
    entry_key: Mapped[str] = mapped_column(String(120))
    reverses_key: Mapped[str | None] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(12))  # earn redeem expire reversal adjust merge …
    event_id: Mapped[str | None] = mapped_column(String(36))
    shop_id: Mapped[int | None] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(BigInteger)
    points: Mapped[int] = mapped_column(BigInteger)  # the member's side
    day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Posting(Base):
    """Double entry: the postings of an entry sum to zero. Accounts: ``member:<id>``,
    ``shop:<id>:issued``, ``shop:<id>:honored``, ``alliance:breakage``."""

    __tablename__ = "posting"
    __table_args__ = (Index("ix_posting_account", "alliance_id", "account"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(Integer)
    entry_id: Mapped[int] = mapped_column(BigId, index=True)
    account: Mapped[str] = mapped_column(String(60))
    amount: Mapped[int] = mapped_column(BigInteger)


class SaleRecord(Base):
    """A member sale as a fact for settlement (referral share) and campaign results."""

    __tablename__ = "sale_record"
    __table_args__ = (UniqueConstraint("alliance_id", "uid", name="uq_sale_record_uid"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(Integer)
    uid: Mapped[str] = mapped_column(String(64))
    shop_id: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int | None] = mapped_column(BigInteger)
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    coupon_id: Mapped[int | None] = mapped_column(BigInteger)
    day: Mapped[dt.date | None] = mapped_column(Date)
    recorded: Mapped[bool] = mapped_column(Boolean, default=True)  # False: only a refund seen
    refunded: Mapped[bool] = mapped_column(Boolean, default=False)


class AllianceCampaign(Base):
    """A joint campaign; ``spec`` is the canonical JSON of a ``CampaignSpec`` (scope alliance)."""

    __tablename__ = "alliance_campaign"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    spec: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(10))  # active | paused | ended
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CampaignShop(Base):
    """A shop's participation in a joint campaign."""

    __tablename__ = "campaign_shop"
    campaign_id: Mapped[int] = mapped_column(ForeignKey("alliance_campaign.id"), primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"), primary_key=True)
    opted_in: Mapped[bool] = mapped_column(Boolean)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AllianceCoupon(Base):
    """A coupon the alliance issued and signed. The first redemption to arrive wins."""

    __tablename__ = "alliance_coupon"
    __table_args__ = (Index("ix_alliance_coupon_campaign", "campaign_id", "state"),)
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("alliance_campaign.id"))
    member_id: Mapped[int | None] = mapped_column(BigInteger)  # None = bearer
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[int] = mapped_column(BigInteger)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(10))  # issued | redeemed | void
    redeemed_shop_id: Mapped[int | None] = mapped_column(Integer)
    redeemed_sale: Mapped[str | None] = mapped_column(String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CouponRedemption(Base):
    """Every redemption of an alliance coupon a device reported; ``honoured`` marks the one
    that counts, later ones are conflicts settled by the alliance's policy."""

    __tablename__ = "coupon_redemption"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"))
    coupon_id: Mapped[int] = mapped_column(ForeignKey("alliance_coupon.id"), index=True)
    campaign_id: Mapped[int] = mapped_column(Integer)
    shop_id: Mapped[int] = mapped_column(Integer)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    sale: Mapped[str] = mapped_column(String(64))
    discount_fen: Mapped[int] = mapped_column(BigInteger)
    honoured: Mapped[bool] = mapped_column(Boolean)
    day: Mapped[dt.date] = mapped_column(Date)
    restored: Mapped[bool] = mapped_column(Boolean, default=False)


class Conflict(Base):
    """An offline fact that broke a rule: recorded, and settled as ``settlement`` says."""

    __tablename__ = "conflict"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), index=True)
    event_id: Mapped[str] = mapped_column(String(36))
    shop_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    settlement: Mapped[str] = mapped_column(String(40))
    amount: Mapped[int] = mapped_column(BigInteger, default=0)  # points or fen, by kind
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
