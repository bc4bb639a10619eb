"""The shop database's tables (SQLAlchemy 2 typed declarative).

Money is integer fen and points are integers everywhere. Balances are never stored: they are
sums over ``points_entry``. Times are UTC; ``local_day`` columns hold the shop's calendar day
(its time zone) so day rules and weekly numbers need no time-zone maths in SQL.
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
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Shop(Base):
    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Device(Base):
    """This PC. ``next_seq`` hands out the gapless ``device_seq`` of events."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    name: Mapped[str] = mapped_column(String(100))
    next_seq: Mapped[int] = mapped_column(BigInteger, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10))  # "owner" | "staff"
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Setting(Base):
    """Small key → JSON value settings (language, scanner timing, card validity …)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PointsRule(Base):
    """One version of the earning and redeeming rules; entries record the version used."""

    __tablename__ = "points_rule"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    fen_per_point: Mapped[int] = mapped_column(Integer)  # 100 = 1 point per yuan
    silver_multiplier_pct: Mapped[int] = mapped_column(Integer)
    gold_multiplier_pct: Mapped[int] = mapped_column(Integer)
    silver_threshold_fen: Mapped[int] = mapped_column(BigInteger)
    gold_threshold_fen: Mapped[int] = mapped_column(BigInteger)
    expiry_months: Mapped[int] = mapped_column(Integer)
    point_value_fen: Mapped[int] = mapped_column(Integer)  # discount per redeemed point
    earn_pin_limit: Mapped[int] = mapped_column(Integer)  # larger single earns need the owner
    checkin_points: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class SigningKey(Base):
    """Ed25519 keys. The shop's own key has a private half; others verify only."""

    __tablename__ = "signing_key"
    key_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    owner: Mapped[str] = mapped_column(String(20))  # "shop" | "alliance"
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    private_key: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Member(Base):
    __tablename__ = "member"
    __table_args__ = (
        UniqueConstraint("home_shop_id", "phone", name="uq_member_shop_phone"),
        Index("ix_member_phone_last4", "phone_last4"),
        Index("ix_member_name", "name"),
        Index("ix_member_initials", "initials"),
        Index("ix_member_pinyin", "pinyin"),
    )
    # INTEGER on SQLite makes the random id the table's rowid: one B-tree lookup per scan.
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    home_shop_id: Mapped[int] = mapped_column(ForeignKey("shop.id"))
    name: Mapped[str] = mapped_column(String(50))
    initials: Mapped[str] = mapped_column(String(50))  # pinyin initials, lower case: 张三 → zs
    pinyin: Mapped[str] = mapped_column(String(200))  # full pinyin, lower case: zhangsan
    phone: Mapped[str | None] = mapped_column(String(11))  # None once erased
    phone_last4: Mapped[str] = mapped_column(String(4))
    birthday: Mapped[dt.date | None] = mapped_column(Date)
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime)
    enrolled_day: Mapped[dt.date] = mapped_column(Date)
    enrolled_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Current consent state; the full history with notice versions is in member_consent.
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    sharing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    card_serial: Mapped[int] = mapped_column(Integer, default=1)
    card_issued_on: Mapped[dt.date] = mapped_column(Date)
    card_expires_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")
    erased_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The campaign whose bearer coupon brought this member in (acquisition credit).
    acquired_campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"))
    # Set for a member of another alliance shop served here (a local row for the ledger):
    # that shop's alliance id. NULL for this shop's own members.
    alliance_shop_id: Mapped[int | None] = mapped_column(Integer)


class MemberConsent(Base):
    """Every consent given or withdrawn, with time and the notice version shown."""

    __tablename__ = "member_consent"
    __table_args__ = (Index("ix_member_consent_member", "member_id", "kind"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[str] = mapped_column(String(20))  # membership | marketing | sharing
    granted: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    notice_version: Mapped[str] = mapped_column(String(20))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class CardRevocation(Base):
    """Deny list of member card serials (a re-issued card revokes the old one)."""

    __tablename__ = "card_revocation"
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)
    card_serial: Mapped[int] = mapped_column(Integer, primary_key=True)
    revoked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(50))


class Sale(Base):
    __tablename__ = "sale"
    __table_args__ = (
        Index("ix_sale_member_day", "member_id", "local_day"),
        Index("ix_sale_day", "local_day"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    amount_fen: Mapped[int] = mapped_column(BigInteger)  # before the points discount
    discount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    paid_fen: Mapped[int] = mapped_column(BigInteger)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    local_day: Mapped[dt.date] = mapped_column(Date)
    # The coupon used (kept after a refund restores it); no foreign key, which would make a
    # cycle with coupon.redeemed_sale_id.
    coupon_id: Mapped[int | None] = mapped_column(BigInteger)
    coupon_discount_fen: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # The points multiplier campaign in force for this sale's earn (None = none was).
    multiplier_campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id"))
    multiplier_tenths: Mapped[int | None] = mapped_column(Integer)


class Refund(Base):
    """At most one refund per sale: the unique sale_id makes a second one impossible."""

    __tablename__ = "refund"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sale.id"), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")


class CheckIn(Base):
    __tablename__ = "checkin"
    __table_args__ = (
        Index("ix_checkin_member_day", "member_id", "local_day"),
        # One rewarded check-in per member per day, enforced by the database itself.
        Index(
            "uq_checkin_rewarded_day",
            "member_id",
            "local_day",
            unique=True,
            sqlite_where=text("rewarded = 1"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    local_day: Mapped[dt.date] = mapped_column(Date)
    rewarded: Mapped[bool] = mapped_column(Boolean)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class PointsEntry(Base):
    """The append-only points ledger. Positive entries with ``expires_on`` are lots."""

    __tablename__ = "points_entry"
    __table_args__ = (
        Index("ix_points_entry_member", "member_id", "id"),
        Index("ix_points_entry_expiry", "expires_on"),
        Index("ix_points_entry_sale", "sale_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[str] = mapped_column(String(12))  # earn redeem expire reversal adjustment checkin
    points: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    local_day: Mapped[dt.date] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)  # last valid day of a lot
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"))
    checkin_id: Mapped[int | None] = mapped_column(ForeignKey("checkin.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("points_entry.id"), unique=True)
    rule_version: Mapped[int | None] = mapped_column(ForeignKey("points_rule.version"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(String(200), default="")


class PointsAllocation(Base):
    """Which lot a negative entry consumed (or, with negative points, gave back)."""

    __tablename__ = "points_allocation"
    __table_args__ = (
        Index("ix_points_allocation_lot", "lot_id"),
        Index("ix_points_allocation_entry", "entry_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("points_entry.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("points_entry.id"))
    points: Mapped[int] = mapped_column(BigInteger)


class Event(Base):
    """Every state change, written with its effect: the sync outbox."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("device_id", "device_seq", name="uq_event_device_seq"),
        Index(
            "ix_event_waiting",
            "device_id",
            "device_seq",
            sqlite_where=text("acked_at IS NULL"),
        ),
        Index("ix_event_server_seq", "server_seq"),
        # One member's unsent point events, and the unsent expiries, without the backlog.
        Index(
            "ix_event_waiting_member",
            text("json_extract(payload, '$.member_id')"),
            sqlite_where=text("acked_at IS NULL"),
        ),
        Index("ix_event_waiting_kind", "kind", sqlite_where=text("acked_at IS NULL")),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    content_hash: Mapped[str] = mapped_column(String(64))
    acked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # What the alliance server did with it: applied, applied_with_conflict or rejected, and
    # the feed position from which every snapshot includes its effect.
    outcome: Mapped[str | None] = mapped_column(String(30))
    server_seq: Mapped[int | None] = mapped_column(BigInteger)


class AuditRecord(Base):
    """Sensitive actions, each chained to the one before by a SHA-256 hash."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Campaign(Base):
    """A coupon template or an automatic rule. ``spec`` is the canonical JSON of the
    ``CampaignSpec``; the columns beside it are what queries filter on."""

    __tablename__ = "campaign"
    __table_args__ = (
        Index(
            "uq_campaign_alliance_campaign_id",
            "alliance_campaign_id",
            unique=True,
            sqlite_where=text("alliance_campaign_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    trigger: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(10))  # active | paused | ended
    spec: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # This shop's copy of a joint campaign of its alliance (its coupons are the alliance's).
    alliance_campaign_id: Mapped[int | None] = mapped_column(BigInteger)


class CouponBatch(Base):
    """A run of bearer coupons printed together (street promotion)."""

    __tablename__ = "coupon_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Coupon(Base):
    """One coupon. It keeps its own terms (a campaign edit does not change issued coupons).
    ``state`` is issued, redeemed or void; "expired" is derived from ``valid_to``."""

    __tablename__ = "coupon"
    __table_args__ = (
        Index("ix_coupon_member", "member_id", "campaign_id"),
        Index("ix_coupon_campaign", "campaign_id", "state"),
        Index("ix_coupon_batch", "batch_id"),
    )
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False
    )
    serial: Mapped[str] = mapped_column(String(12), unique=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("coupon_batch.id"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[str] = mapped_column(String(20))
    value_fen: Mapped[int] = mapped_column(BigInteger)
    percent: Mapped[int] = mapped_column(Integer)
    cap_fen: Mapped[int] = mapped_column(BigInteger)
    min_spend_fen: Mapped[int] = mapped_column(BigInteger)
    gift: Mapped[str] = mapped_column(String(100))
    terms: Mapped[str] = mapped_column(Text)
    scope: Mapped[str] = mapped_column(String(10))  # shop | alliance
    shop_id: Mapped[int] = mapped_column(Integer)  # the issuing shop
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date)  # last day it can be used
    state: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(String(20))  # hand | segment | bearer | rule:<trigger>
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    redeemed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    redeemed_sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"))
    redeemed_shop: Mapped[str | None] = mapped_column(String(100))
    voided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class CouponHoldout(Base):
    """Members deliberately left out of a campaign, to measure its uplift against them."""

    __tablename__ = "coupon_holdout"
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), primary_key=True)
    held_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RuleFiring(Base):
    """An automatic rule fired for a member in a period (at most once: the unique key)."""

    __tablename__ = "rule_firing"
    __table_args__ = (
        UniqueConstraint("campaign_id", "member_id", "period_key", name="uq_rule_firing_period"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    period_key: Mapped[str] = mapped_column(String(40))
    coupon_id: Mapped[int | None] = mapped_column(ForeignKey("coupon.id"))  # None = held out
    fired_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ImportBatch(Base):
    """One import of a file from another POS or member system (who, when, what came in)."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # members | sales
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(10))  # stop | skip_bad
    mapping: Mapped[str] = mapped_column(Text)  # canonical JSON: field → header
    rows_total: Mapped[int] = mapped_column(Integer)
    imported: Mapped[int] = mapped_column(Integer)
    matched: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ImportRow(Base):
    """A row that an import took in. The unique fingerprint (of the row's meaning: phone,
    amount, time …) makes importing the same row twice impossible, whatever the file."""

    __tablename__ = "import_row"
    __table_args__ = (Index("ix_import_row_batch", "batch_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"))
    row_number: Mapped[int] = mapped_column(Integer)
    fingerprint: Mapped[str] = mapped_column(String(32), unique=True)
    outcome: Mapped[str] = mapped_column(String(10))  # created | matched
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sale.id"))


# -- analytics rollups -----------------------------------------------------------------------
# Derived data only: every row below can be rebuilt from the tables above at any time
# (desktop.models.analytics.rollup). Days are the shop's calendar days.


class RollupState(Base):
    """One row (id 1): how far the rollups have read. ``*_mark`` are the highest ids of the
    append-only tables already folded in; members and coupons (random ids, rows updated in
    place) are tracked by triggers that lower ``*_dirty_from`` and bump ``*_version``."""

    __tablename__ = "rollup_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    built_through: Mapped[dt.date | None] = mapped_column(Date)  # None: never built
    sale_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    checkin_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    refund_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    points_mark: Mapped[int] = mapped_column(BigInteger, default=0)
    member_dirty_from: Mapped[dt.date | None] = mapped_column(Date)
    member_version: Mapped[int] = mapped_column(BigInteger, default=0)
    coupon_dirty_from: Mapped[dt.date | None] = mapped_column(Date)
    coupon_version: Mapped[int] = mapped_column(BigInteger, default=0)
    refreshed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    rfm_as_of: Mapped[dt.date | None] = mapped_column(Date)  # rfm_segment's last day
    rfm_sale_mark: Mapped[int] = mapped_column(BigInteger, default=0)  # ids it had seen
    rfm_refund_mark: Mapped[int] = mapped_column(BigInteger, default=0)


class DailyRollup(Base):
    """Additive figures of one day (a week is the sum of its days)."""

    __tablename__ = "daily_rollup"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    new_members: Mapped[int] = mapped_column(Integer, default=0)
    visits: Mapped[int] = mapped_column(Integer, default=0)  # distinct members that day
    visits_new: Mapped[int] = mapped_column(Integer, default=0)  # by members enrolled that week
    member_sales_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # refunds left out
    member_sale_count: Mapped[int] = mapped_column(Integer, default=0)
    sales_fen: Mapped[int] = mapped_column(BigInteger, default=0)  # members and walk-ins
    sale_count: Mapped[int] = mapped_column(Integer, default=0)
    points_issued: Mapped[int] = mapped_column(BigInteger, default=0)
    points_redeemed: Mapped[int] = mapped_column(BigInteger, default=0)
    points_expired: Mapped[int] = mapped_column(BigInteger, default=0)
    points_net: Mapped[int] = mapped_column(BigInteger, default=0)  # every entry's points


class DailyCohort(Base):
    """Visits of one day by enrolment week. ``actives`` counts members whose first visit of
    that ISO week was this day, so a week's active members are the sum over its days."""

    __tablename__ = "daily_cohort"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    cohort_week: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # enrolment Monday
    visits: Mapped[int] = mapped_column(Integer, default=0)
    actives: Mapped[int] = mapped_column(Integer, default=0)


class RepeatDelta(Base):
    """Purchase days of ``day`` as steps of the trailing-window counts: the number of buyers
    (``b``) and of repeat buyers (``r``) in the 30 / 90 days ending on ``day + ahead`` change
    by these amounts there. A window's counts are the running sum of the steps up to its end."""

    __tablename__ = "repeat_delta"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    ahead: Mapped[int] = mapped_column(Integer, primary_key=True)
    b30: Mapped[int] = mapped_column(Integer, default=0)
    r30: Mapped[int] = mapped_column(Integer, default=0)
    b90: Mapped[int] = mapped_column(Integer, default=0)
    r90: Mapped[int] = mapped_column(Integer, default=0)


class CouponDaily(Base):
    """Coupons of a campaign by the shop day they were issued (``issued`` leaves out voided
    ones, counted in ``voided``; ``issued_redeemed`` are those of them redeemed by now) and
    by the day they were redeemed (``redeemed``)."""

    __tablename__ = "coupon_daily"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issued: Mapped[int] = mapped_column(Integer, default=0)
    voided: Mapped[int] = mapped_column(Integer, default=0)
    issued_redeemed: Mapped[int] = mapped_column(Integer, default=0)
    redeemed: Mapped[int] = mapped_column(Integer, default=0)


class RfmSegment(Base):
    """Members and their 365-day sales per RFM segment, as of ``rollup_state.rfm_as_of``."""

    __tablename__ = "rfm_segment"
    segment: Mapped[str] = mapped_column(String(20), primary_key=True)
    members: Mapped[int] = mapped_column(Integer)
    monetary_fen: Mapped[int] = mapped_column(BigInteger)


# Indexes the weekly figures and campaign results read by (analytics, migration 0004).
Index("ix_member_enrolled_day", Member.enrolled_day)
Index(
    "ix_member_acquired_campaign",
    Member.acquired_campaign_id,
    sqlite_where=text("acquired_campaign_id IS NOT NULL"),
)
Index("ix_checkin_day", CheckIn.local_day)
Index("ix_coupon_issued_at", Coupon.issued_at)
Index("ix_coupon_redeemed_at", Coupon.redeemed_at)


class AllianceMember(Base):
    """The alliance's latest snapshot of a member this shop may see (pulled, never edited)."""

    __tablename__ = "alliance_member"
    __table_args__ = (
        Index(
            "ix_alliance_member_phone_hash",
            "phone_hash",
            sqlite_where=text("phone_hash IS NOT NULL"),
        ),
    )
    member_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=False
    )
    home_shop_id: Mapped[int] = mapped_column(Integer)
    phone_hash: Mapped[str | None] = mapped_column(String(64))
    sharing: Mapped[bool] = mapped_column(Boolean)
    card_serial: Mapped[int] = mapped_column(Integer)
    balance: Mapped[int] = mapped_column(BigInteger)
    debt: Mapped[int] = mapped_column(BigInteger)
    merged_into: Mapped[int | None] = mapped_column(BigInteger)
    enrolled_day: Mapped[str | None] = mapped_column(String(10))
    server_seq: Mapped[int] = mapped_column(BigInteger)


class AllianceEntity(Base):
    """Any other pulled snapshot (alliance, key, campaign, coupon) by its feed key."""

    __tablename__ = "alliance_entity"
    __table_args__ = (Index("ix_alliance_entity_kind", "kind"),)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    server_seq: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[str] = mapped_column(Text)  # canonical JSON


class SyncConflict(Base):
    """Something the server settled differently from what this counter did offline."""

    __tablename__ = "sync_conflict"
    __table_args__ = (UniqueConstraint("event_id", "reason", name="uq_sync_conflict_event_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(36))
    event_kind: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(String(60))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    found_at: Mapped[dt.datetime] = mapped_column(DateTime)
    seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
