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
    __table_args__ = (UniqueConstraint("device_id", "device_seq", name="uq_event_device_seq"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUIDv7
    device_id: Mapped[str] = mapped_column(ForeignKey("device.id"))
    device_seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    content_hash: Mapped[str] = mapped_column(String(64))
    acked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


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
