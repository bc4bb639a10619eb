"""The shop itself: first-run set-up, profile, settings and the versioned points rule."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.audit import append_audit
from desktop.models.cache import cached, invalidate
from desktop.models.errors import DomainError
from desktop.models.ids import uuid7
from desktop.models.keys import create_shop_key
from desktop.models.staff import OWNER, Actor, create_staff, require_owner
from desktop.models.tables import Device, PointsRule, Setting, Shop


@dataclass(frozen=True)
class Rule:
    """The earning/redeeming rule in force. Amounts in fen, multipliers in percent."""

    version: int
    fen_per_point: int = 100  # spend ¥1 → 1 point
    silver_multiplier_pct: int = 120
    gold_multiplier_pct: int = 150
    silver_threshold_fen: int = 200_000  # ¥2,000 in the last 12 months
    gold_threshold_fen: int = 1_000_000  # ¥10,000
    expiry_months: int = 12
    point_value_fen: int = 1  # 100 points = ¥1 off
    earn_pin_limit: int = 2_000  # a single earn above this needs the owner's PIN
    checkin_points: int = 0


RULE_LIMITS: dict[str, tuple[int, int]] = {
    "fen_per_point": (1, 1_000_000),
    "silver_multiplier_pct": (100, 1_000),
    "gold_multiplier_pct": (100, 1_000),
    "silver_threshold_fen": (0, 10**10),
    "gold_threshold_fen": (0, 10**10),
    "expiry_months": (1, 120),
    "point_value_fen": (1, 10_000),
    "earn_pin_limit": (1, 10**7),
    "checkin_points": (0, 10_000),
}


@dataclass(frozen=True)
class ShopProfile:
    id: int
    name: str
    address: str
    phone: str
    timezone: str


def is_set_up(session: Session) -> bool:
    return session.execute(select(Shop.id).limit(1)).scalar() is not None


def shop_profile(session: Session) -> ShopProfile:
    def load() -> ShopProfile:
        shop = session.execute(select(Shop).order_by(Shop.id).limit(1)).scalar()
        if shop is None:
            raise DomainError("not_set_up")
        return ShopProfile(shop.id, shop.name, shop.address, shop.phone, shop.timezone)

    return cached(session, "shop_profile", load)


def _clean_shop_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise DomainError("shop_name_required")
    if len(name) > 100:
        raise DomainError("name_too_long", max=100)
    return name


def _check_timezone(tz: str) -> None:
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise DomainError("timezone_invalid", timezone=tz) from exc


def set_up_shop(
    session: Session,
    *,
    shop_name: str,
    owner_name: str,
    owner_pin: str,
    now: dt.datetime,
    address: str = "",
    timezone: str = "Asia/Shanghai",
    device_name: str = "Counter 1",
    rule: Rule | None = None,
) -> Actor:
    """First run: the shop, this device, the owner account, rule v1 and the shop's key pair."""
    if is_set_up(session):
        raise DomainError("already_set_up")
    _check_timezone(timezone)
    shop = Shop(
        name=_clean_shop_name(shop_name),
        address=address.strip()[:200],
        phone="",
        timezone=timezone,
        created_at=now,
    )
    session.add(shop)
    session.flush()
    invalidate(session, "shop_profile", "device_id")
    session.add(Device(id=uuid7(), shop_id=shop.id, name=device_name, next_seq=1, created_at=now))
    owner = create_staff(session, name=owner_name, pin=owner_pin, role=OWNER, by=None, now=now)
    _insert_rule(session, replace(rule or Rule(version=1), version=1), by=owner.staff_id, now=now)
    create_shop_key(session, now=now)
    append_audit(
        session,
        action="shop.created",
        staff_id=owner.staff_id,
        details={"shop": shop.id, "name": shop.name},
        now=now,
    )
    return owner


def update_shop_profile(
    session: Session, *, by: Actor, name: str, address: str, phone: str, now: dt.datetime
) -> ShopProfile:
    require_owner(by)
    shop = session.execute(select(Shop).order_by(Shop.id).limit(1)).scalar_one()
    shop.name = _clean_shop_name(name)
    shop.address = address.strip()[:200]
    shop.phone = phone.strip()[:30]
    invalidate(session, "shop_profile")
    append_audit(
        session,
        action="shop.profile_changed",
        staff_id=by.staff_id,
        details={"name": shop.name, "address": shop.address},
        now=now,
    )
    return shop_profile(session)


def current_rule(session: Session) -> Rule:
    def load() -> Rule:
        row = session.execute(
            select(PointsRule).order_by(PointsRule.version.desc()).limit(1)
        ).scalar()
        if row is None:
            raise DomainError("not_set_up")
        return Rule(**{f.name: getattr(row, f.name) for f in fields(Rule)})

    return cached(session, "rule", load)


def _validate_rule(rule: Rule) -> None:
    for name, (low, high) in RULE_LIMITS.items():
        value = getattr(rule, name)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise DomainError("rule_value_invalid", field=name, min=low, max=high)
    if rule.gold_threshold_fen < rule.silver_threshold_fen:
        raise DomainError("rule_tiers_order")


def _insert_rule(session: Session, rule: Rule, *, by: int | None, now: dt.datetime) -> None:
    _validate_rule(rule)
    session.add(PointsRule(**asdict(rule), created_at=now, created_by=by))
    session.flush()
    invalidate(session, "rule")


def update_points_rule(session: Session, *, by: Actor, now: dt.datetime, **changes: int) -> Rule:
    """Put a new rule version in force (earlier entries keep the version they used)."""
    require_owner(by)
    unknown = set(changes) - set(RULE_LIMITS)
    if unknown:
        raise DomainError("rule_field_unknown", fields=sorted(unknown))
    old = current_rule(session)
    new = replace(old, version=old.version + 1, **changes)
    if new == replace(old, version=new.version):
        return old
    _insert_rule(session, new, by=by.staff_id, now=now)
    append_audit(
        session,
        action="rule.changed",
        staff_id=by.staff_id,
        details={"version": new.version, "changes": changes},
        now=now,
    )
    return new


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    raw = session.get(Setting, key)
    return default if raw is None else json.loads(raw.value)


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
