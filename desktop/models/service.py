"""The use cases the screens and the command line call: one unit of work each.

Every method opens its own session, commits (writes) or reads, and returns frozen
dataclasses, so nothing lazy-loads after the session has closed. Methods are safe to call from
any thread; writes are serialised by :class:`Database`. Refusals raise ``DomainError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.models import (
    audit,
    cards,
    checkins,
    members,
    points,
    sales,
    shop,
    staff,
)
from desktop.models.clock import local_day, utc_now
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.keys import trusted_public_keys
from desktop.models.phones import mask_phone
from desktop.models.qrtoken import TokenError, parse_frame
from desktop.models.scaninput import normalize_scan


class Desk:
    """The shop's counter, members and settings, over one open database."""

    def __init__(self, db: Database, *, clock: Callable[[], dt.datetime] = utc_now) -> None:
        self.db = db
        self._clock = clock
        self._keys: dict[int, Ed25519PublicKey] | None = None
        self._tz: str | None = None

    # -- time -------------------------------------------------------------------------
    def now(self) -> dt.datetime:
        return self._clock()

    def today(self) -> dt.date:
        if self._tz is None:
            with self.db.read() as s:
                self._tz = shop.shop_profile(s).timezone if shop.is_set_up(s) else "Asia/Shanghai"
        return local_day(self.now(), self._tz)

    # -- set-up and sign-in -------------------------------------------------------------
    def is_set_up(self) -> bool:
        with self.db.read() as s:
            return shop.is_set_up(s)

    def set_up(
        self,
        *,
        shop_name: str,
        owner_name: str,
        owner_pin: str,
        address: str = "",
        timezone: str = "Asia/Shanghai",
        rule: shop.Rule | None = None,
    ) -> staff.Actor:
        with self.db.write() as s:
            owner = shop.set_up_shop(
                s,
                shop_name=shop_name,
                owner_name=owner_name,
                owner_pin=owner_pin,
                address=address,
                timezone=timezone,
                now=self.now(),
                rule=rule,
            )
        self._keys = None
        self._tz = None
        return owner

    def shop_profile(self) -> shop.ShopProfile:
        with self.db.read() as s:
            return shop.shop_profile(s)

    def authenticate(self, pin: str, *, owner_only: bool = False) -> staff.Actor:
        with self.db.read() as s:
            return staff.authenticate(s, pin, owner_only=owner_only)

    # -- the counter --------------------------------------------------------------------
    def _public_keys(self) -> dict[int, Ed25519PublicKey]:
        if self._keys is None:
            with self.db.read() as s:
                self._keys = trusted_public_keys(s)
        return self._keys

    def lookup_scan(self, raw: str) -> members.MemberCardView:
        """Scan → member card, or ``DomainError`` naming the failed check."""
        keys = self._public_keys()
        today = self.today()
        with self.db.read() as s:
            member_id = cards.scan_to_member_id(s, raw, today=today, public_keys=keys)
            return members.member_card(s, member_id, today=today)

    def member_card(self, member_id: int) -> members.MemberCardView:
        today = self.today()
        with self.db.read() as s:
            return members.member_card(s, member_id, today=today)

    def record_sale(
        self,
        *,
        amount_fen: int,
        member_id: int | None,
        by: staff.Actor | None,
        redeem_points: int = 0,
        owner: staff.Actor | None = None,
    ) -> sales.SaleResult:
        with self.db.write() as s:
            return sales.record_sale(
                s,
                amount_fen=amount_fen,
                member_id=member_id,
                by=by,
                now=self.now(),
                redeem_points=redeem_points,
                owner=owner,
            )

    def check_in(self, *, member_id: int, by: staff.Actor | None) -> checkins.CheckInResult:
        with self.db.write() as s:
            return checkins.check_in(s, member_id=member_id, by=by, now=self.now())

    def refund_sale(self, *, sale_id: int, by: staff.Actor, reason: str = "") -> sales.RefundResult:
        with self.db.write() as s:
            return sales.refund_sale(s, sale_id=sale_id, by=by, now=self.now(), reason=reason)

    def recent_sales(
        self, *, member_id: int | None = None, limit: int = 20
    ) -> list[sales.SaleLine]:
        with self.db.read() as s:
            return sales.recent_sales(s, member_id=member_id, limit=limit)

    def expire_due_points(self) -> int:
        today = self.today()
        with self.db.write() as s:
            return points.expire_due(s, today=today, now=self.now())

    def check_code(self, raw: str) -> str:
        """Kind of a well-formed frame: "member", "coupon" or "other"; "" if not a frame."""
        text = normalize_scan(raw, accept=_frame_ok)
        if text.digits is None:
            return ""
        try:
            token = parse_frame(text.digits)
        except TokenError:
            return ""
        return {1: "member", 2: "coupon"}.get(token.kind, "other")

    # -- members ------------------------------------------------------------------------
    def search_members(
        self, query: str, *, offset: int = 0, limit: int = members.PAGE_SIZE
    ) -> members.MemberPage:
        today = self.today()
        with self.db.read() as s:
            return members.search_members(s, query, today=today, offset=offset, limit=limit)

    def enrol_member(
        self,
        *,
        name: str,
        phone: str,
        by: staff.Actor | None,
        membership_consent: bool,
        marketing_consent: bool = False,
        sharing_consent: bool = False,
        birthday: dt.date | None = None,
    ) -> int:
        with self.db.write() as s:
            return members.enrol_member(
                s,
                name=name,
                phone=phone,
                by=by,
                now=self.now(),
                today=self.today(),
                membership_consent=membership_consent,
                marketing_consent=marketing_consent,
                sharing_consent=sharing_consent,
                birthday=birthday,
            )

    def update_member(self, *, member_id: int, by: staff.Actor | None, **fields: Any) -> None:
        with self.db.write() as s:
            members.update_member(
                s, member_id=member_id, by=by, now=self.now(), today=self.today(), **fields
            )

    def member_details(
        self, member_id: int, *, viewer: staff.Actor | None
    ) -> members.MemberDetails:
        """The profile; the full phone number only for the owner, masked for anyone else."""
        with self.db.read() as s:
            details = members.member_details(s, member_id)
        if viewer is None or not viewer.is_owner:
            details = replace(details, phone=mask_phone(details.phone))
        return details

    def set_consent(
        self, *, member_id: int, kind: str, granted: bool, by: staff.Actor | None
    ) -> None:
        with self.db.write() as s:
            members.set_consent(
                s, member_id=member_id, kind=kind, granted=granted, by=by, now=self.now()
            )

    def member_code(self, member_id: int) -> str:
        today = self.today()
        with self.db.read() as s:
            return cards.member_code(s, member_id, today=today)

    def reissue_card(self, *, member_id: int, by: staff.Actor | None) -> int:
        with self.db.write() as s:
            return cards.reissue_card(
                s, member_id=member_id, by=by, now=self.now(), today=self.today()
            )

    def points_history(self, member_id: int, *, limit: int = 100) -> list[points.LedgerLine]:
        with self.db.read() as s:
            return points.history(s, member_id, limit=limit)

    def adjust_points(
        self, *, member_id: int, points_delta: int, reason: str, by: staff.Actor
    ) -> int:
        today = self.today()
        with self.db.write() as s:
            rule = shop.current_rule(s)
            points.adjust_points(
                s,
                member_id=member_id,
                points=points_delta,
                reason=reason,
                by=by,
                now=self.now(),
                today=today,
                expiry_months=rule.expiry_months,
            )
            return points.balance_info(s, member_id, today=today).balance

    # -- settings -----------------------------------------------------------------------
    def rule(self) -> shop.Rule:
        with self.db.read() as s:
            return shop.current_rule(s)

    def update_rule(self, *, by: staff.Actor, **changes: int) -> shop.Rule:
        with self.db.write() as s:
            return shop.update_points_rule(s, by=by, now=self.now(), **changes)

    def update_shop(
        self, *, by: staff.Actor, name: str, address: str, phone: str
    ) -> shop.ShopProfile:
        with self.db.write() as s:
            profile = shop.update_shop_profile(
                s, by=by, name=name, address=address, phone=phone, now=self.now()
            )
        return profile

    def staff_list(self, *, include_inactive: bool = False) -> list[staff.StaffInfo]:
        with self.db.read() as s:
            return staff.list_staff(s, include_inactive=include_inactive)

    def add_staff(self, *, name: str, pin: str, role: str, by: staff.Actor) -> staff.Actor:
        with self.db.write() as s:
            return staff.create_staff(s, name=name, pin=pin, role=role, by=by, now=self.now())

    def change_pin(self, *, staff_id: int, new_pin: str, by: staff.Actor) -> None:
        with self.db.write() as s:
            staff.change_pin(s, staff_id=staff_id, new_pin=new_pin, by=by, now=self.now())

    def deactivate_staff(self, *, staff_id: int, by: staff.Actor) -> None:
        with self.db.write() as s:
            staff.deactivate_staff(s, staff_id=staff_id, by=by, now=self.now())

    def setting(self, key: str, default: Any = None) -> Any:
        with self.db.read() as s:
            return shop.get_setting(s, key, default)

    def set_setting(self, key: str, value: Any, *, by: staff.Actor) -> None:
        """An owner's change to a shop setting, written to the audit log."""
        staff.require_owner(by)
        with self.db.write() as s:
            old = shop.get_setting(s, key)
            shop.set_setting(s, key, value)
            audit.append_audit(
                s,
                action="setting.changed",
                staff_id=by.staff_id,
                details={"key": key, "old": old, "new": value},
                now=self.now(),
            )

    def verify_audit(self) -> audit.ChainCheck:
        with self.db.read() as s:
            return audit.verify_chain(s)

    def recent_audit(self, *, limit: int = 100) -> list[audit.AuditEntry]:
        with self.db.read() as s:
            return audit.recent_audit(s, limit=limit)


def _frame_ok(digits: str) -> bool:
    try:
        parse_frame(digits)
    except TokenError:
        return False
    return True


__all__ = ["Desk", "DomainError"]
