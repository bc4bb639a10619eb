"""The use cases the screens and the command line call: one unit of work each.

Every method opens its own session, commits (writes) or reads, and returns frozen
dataclasses, so nothing lazy-loads after the session has closed. Methods are safe to call from
any thread; writes are serialised by :class:`Database`. Refusals raise ``DomainError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from desktop.models import (
    alliance_coupons,
    alliance_guests,
    analytics,
    audit,
    campaigns,
    cards,
    checkins,
    coupon_codes,
    coupon_redeem,
    coupon_rules,
    coupon_void,
    coupons,
    exports,
    importing,
    member_rights,
    members,
    points,
    sales,
    segments,
    shop,
    staff,
)
from desktop.models import security_settings as security
from desktop.models.alliance_balance import alliance_shop
from desktop.models.clock import local_day, utc_now
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.keys import trusted_public_keys
from desktop.models.phones import mask_phone
from desktop.models.qrtoken import TokenError, parse_frame
from desktop.models.refusals import audited_refusals
from desktop.models.scaninput import normalize_scan
from desktop.models.tables import Coupon


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

    def _guarded(self, action: str, **details: Any) -> AbstractContextManager[None]:
        """Run an owner-only use case: a refusal of who asked is written to the audit log."""
        return audited_refusals(self.db, action=action, now=self.now, **details)

    def require_owner(self, by: staff.Actor | None, *, action: str, **details: Any) -> staff.Actor:
        """``by`` if the owner; else ``Refused("owner_required")``, written to the audit log."""
        with self._guarded(action, **details):
            return staff.require_owner(by)

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
            try:
                member_id = cards.scan_to_member_id(s, raw, today=today, public_keys=keys)
            except DomainError as exc:
                if exc.code != "unknown_key" or alliance_shop(s) is None:
                    raise
            else:
                return members.member_card(s, member_id, today=today)
        # Another alliance shop's card: verified with its certified key; a guest row the
        # first time, so the sale and the ledger have their member.
        with self.db.write() as s:
            member_id = alliance_guests.scan_alliance_card(s, raw, today=today, now=self.now())
            return members.member_card(s, member_id, today=today)

    def find_alliance_member(self, phone: str) -> members.MemberCardView | None:
        """A member of another alliance shop by the full phone number (keyed hash), when no
        member of this shop has it; None when the alliance does not know it either."""
        today = self.today()
        with self.db.read() as s:
            if alliance_shop(s) is None:
                return None
        with self.db.write() as s:
            member_id = alliance_guests.find_by_phone(s, phone, today=today, now=self.now())
            return None if member_id is None else members.member_card(s, member_id, today=today)

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
        coupon_id: int | None = None,
    ) -> sales.SaleResult:
        """A sale; with ``coupon_id`` the coupon is checked again and used in the same
        transaction (exactly once, even with two counters on one database)."""
        with self.db.write() as s:
            return sales.record_sale(
                s,
                amount_fen=amount_fen,
                member_id=member_id,
                by=by,
                now=self.now(),
                redeem_points=redeem_points,
                owner=owner,
                coupon_id=coupon_id,
            )

    def check_in(self, *, member_id: int, by: staff.Actor | None) -> checkins.CheckInResult:
        with self.db.write() as s:
            return checkins.check_in(s, member_id=member_id, by=by, now=self.now())

    def refund_sale(self, *, sale_id: int, by: staff.Actor, reason: str = "") -> sales.RefundResult:
        """The owner refunds any sale; staff up to the refund limit (refusals are audited)."""
        with self._guarded("sale.refund", sale_id=sale_id), self.db.write() as s:
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

    # -- campaigns ----------------------------------------------------------------------
    def create_campaign(self, spec: campaigns.CampaignSpec, *, by: staff.Actor) -> int:
        with self.db.write() as s:
            return campaigns.create_campaign(s, spec=spec, by=by, now=self.now())

    def update_campaign(
        self, campaign_id: int, spec: campaigns.CampaignSpec, *, by: staff.Actor
    ) -> None:
        """Change a campaign; coupons already issued keep their own terms."""
        with self.db.write() as s:
            campaigns.update_campaign(s, campaign_id=campaign_id, spec=spec, by=by, now=self.now())

    def set_campaign_state(self, campaign_id: int, state: str, *, by: staff.Actor) -> None:
        """``active`` | ``paused`` | ``ended`` (ended is final)."""
        with self.db.write() as s:
            campaigns.set_campaign_state(
                s, campaign_id=campaign_id, state=state, by=by, now=self.now()
            )

    def campaign(self, campaign_id: int) -> campaigns.Campaign:
        with self.db.read() as s:
            return campaigns.get_campaign(s, campaign_id)

    def campaign_summaries(self, *, include_ended: bool = True) -> list[campaigns.CampaignSummary]:
        with self.db.read() as s:
            return campaigns.campaign_summaries(s, include_ended=include_ended)

    # -- issuing coupons ----------------------------------------------------------------
    def issue_coupon(
        self, campaign_id: int, *, member_id: int, by: staff.Actor | None
    ) -> coupons.CouponInfo:
        today = self.today()
        with self.db.write() as s:
            return coupons.issue_coupon(
                s, campaign_id=campaign_id, member_id=member_id, by=by, now=self.now(), today=today
            )

    def preview_segment(
        self, campaign_id: int, segment: coupons.SegmentFilter
    ) -> coupons.SegmentPreview:
        """What ``issue_to_segment`` would do now. ``segment`` may be a
        :class:`desktop.models.segments.SegmentFilter` naming an RFM segment; that one scores
        every buyer of the year (seconds on a big shop): call it off the GUI thread."""
        today = self.today()
        with self.db.read() as s:
            return segments.preview_segment(
                s, campaign_id=campaign_id, segment=segment, today=today
            )

    def issue_to_segment(
        self,
        campaign_id: int,
        segment: coupons.SegmentFilter,
        *,
        by: staff.Actor,
        progress: Callable[[int, int], bool] | None = None,
    ) -> coupons.SegmentIssueResult:
        """Issue in chunks (one transaction each); ``progress(done, total)`` returning False
        stops between chunks, keeping what was issued. Call off the GUI thread."""
        return segments.issue_to_segment(
            self.db,
            campaign_id=campaign_id,
            segment=segment,
            by=by,
            clock=self.now,
            today=self.today(),
            progress=progress,
        )

    def issue_bearer_batch(
        self, campaign_id: int, *, count: int, by: staff.Actor
    ) -> tuple[int, list[coupons.CouponInfo]]:
        today = self.today()
        with self.db.write() as s:
            return coupons.issue_bearer_batch(
                s, campaign_id=campaign_id, count=count, by=by, now=self.now(), today=today
            )

    def coupon_code(self, coupon_id: int) -> str:
        """The signed digits for the coupon's QR code (a reprint gives the same code)."""
        with self.db.read() as s:
            return coupon_codes.coupon_code(s, coupon_id)

    def coupons_by_id(self, coupon_ids: list[int]) -> list[coupons.CouponInfo]:
        today = self.today()
        with self.db.read() as s:
            return coupons.coupons_by_id(s, coupon_ids, today=today)

    def batch_coupons(self, batch_id: int) -> list[coupons.CouponInfo]:
        today = self.today()
        with self.db.read() as s:
            return coupons.batch_coupons(s, batch_id, today=today)

    # -- coupons at the counter ---------------------------------------------------------
    def member_coupons(
        self, member_id: int, *, usable_only: bool = False
    ) -> list[coupons.CouponInfo]:
        """Usable coupons first, then the rest, newest first."""
        today = self.today()
        with self.db.read() as s:
            return coupons.member_coupons(s, member_id, today=today, usable_only=usable_only)

    def check_coupon(
        self, raw: str, *, amount_fen: int, member_id: int | None
    ) -> coupons.CouponCheck:
        """Scan text or digits → the coupon and its discount on this bill, without writing;
        ``DomainError`` naming the first failed check otherwise."""
        coupon_id = self._scanned_coupon_id(raw)
        today, now = self.today(), self.now()
        with self.db.read() as s:
            return coupon_redeem.check_for_sale(
                s, coupon_id, amount_fen=amount_fen, member_id=member_id, today=today, now=now
            )

    def _scanned_coupon_id(self, raw: str) -> int:
        """The coupon a scan names: this shop's own, or one of its alliance's (whose local
        copy is made on its first scan)."""
        keys = self._public_keys()
        with self.db.read() as s:
            try:
                return coupon_codes.scan_to_coupon_id(s, raw, public_keys=keys)
            except DomainError as exc:
                if exc.code != "unknown_key":
                    raise
            verified = alliance_coupons.verify_scanned(s, raw)
            if verified is None:
                raise DomainError("unknown_key")
            if s.get(Coupon, verified.coupon.coupon_id) is not None:
                return verified.coupon.coupon_id  # copied at an earlier scan: no write
        with self.db.write() as s:
            return alliance_coupons.adopt(s, verified, now=self.now())

    def coupon_for_code(self, raw: str) -> coupons.CouponInfo:
        """Scan text or digits → the coupon it names, whatever its state (used, void,
        expired…). Only the framing and the signature are checked: ``DomainError`` with
        ``misread``, ``unknown_key``, ``bad_signature``, ``wrong_kind`` or ``coupon_not_found``,
        as ``check_coupon`` reports them."""
        coupon_id = self._scanned_coupon_id(raw)
        today = self.today()
        with self.db.read() as s:
            return coupons.coupon_info(s, coupon_id, today=today)

    def void_coupon(self, coupon_id: int, *, by: staff.Actor, reason: str) -> None:
        with self.db.write() as s:
            coupon_void.void_coupon(s, coupon_id=coupon_id, by=by, reason=reason, now=self.now())

    def void_batch(self, batch_id: int, *, by: staff.Actor, reason: str) -> int:
        """Void a batch's unused coupons (used ones stay used); returns how many."""
        with self.db.write() as s:
            return coupon_void.void_batch(
                s, batch_id=batch_id, by=by, reason=reason, now=self.now()
            )

    def run_daily_rules(self) -> int:
        """Birthday-month and win-back coupons due today; idempotent. Returns coupons issued."""
        today = self.today()
        with self.db.write() as s:
            return coupon_rules.run_daily_rules(s, now=self.now(), today=today)

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

    def export_member_data(
        self, member_id: int, path: str | Path, fmt: str = "json", *, by: staff.Actor | None
    ) -> member_rights.MemberExport:
        """Everything held about one member to a JSON or xlsx file (owner only, audited; a
        refused attempt is audited too)."""
        return member_rights.run_export(self.db, member_id, Path(path), fmt, by=by, now=self.now())

    def erase_member(self, member_id: int, *, by: staff.Actor | None) -> member_rights.Erased:
        """Anonymise a member, keeping the ledger and sales (owner only, audited)."""
        return member_rights.run_erase(self.db, member_id, by=by, now=self.now())

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
        with self._guarded("points.adjust", member=member_id), self.db.write() as s:
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
        with self._guarded("rule.change"), self.db.write() as s:
            return shop.update_points_rule(s, by=by, now=self.now(), **changes)

    def update_shop(
        self, *, by: staff.Actor, name: str, address: str, phone: str
    ) -> shop.ShopProfile:
        with self._guarded("shop.profile_change"), self.db.write() as s:
            profile = shop.update_shop_profile(
                s, by=by, name=name, address=address, phone=phone, now=self.now()
            )
        return profile

    def staff_list(self, *, include_inactive: bool = False) -> list[staff.StaffInfo]:
        with self.db.read() as s:
            return staff.list_staff(s, include_inactive=include_inactive)

    def add_staff(self, *, name: str, pin: str, role: str, by: staff.Actor) -> staff.Actor:
        with self._guarded("staff.add"), self.db.write() as s:
            return staff.create_staff(s, name=name, pin=pin, role=role, by=by, now=self.now())

    def change_pin(self, *, staff_id: int, new_pin: str, by: staff.Actor) -> None:
        with self._guarded("staff.change_pin", staff=staff_id), self.db.write() as s:
            staff.change_pin(s, staff_id=staff_id, new_pin=new_pin, by=by, now=self.now())

    def deactivate_staff(self, *, staff_id: int, by: staff.Actor) -> None:
        with self._guarded("staff.deactivate", staff=staff_id), self.db.write() as s:
            staff.deactivate_staff(s, staff_id=staff_id, by=by, now=self.now())

    def setting(self, key: str, default: Any = None) -> Any:
        with self.db.read() as s:
            return shop.get_setting(s, key, default)

    def set_setting(self, key: str, value: Any, *, by: staff.Actor) -> None:
        """An owner's change to a shop setting, written to the audit log."""
        self.require_owner(by, action=f"setting.change:{key}")
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

    def security_settings(self) -> security.SecuritySettings:
        with self.db.read() as s:
            return security.security_settings(s)

    def update_security(
        self, *, by: staff.Actor, staff_refund_limit_fen: int, auto_lock_minutes: int
    ) -> security.SecuritySettings:
        """The owner's refund limit for staff and auto-lock minutes; each change audited."""
        self.require_owner(by, action="setting.change:security")
        wanted = {
            security.REFUND_LIMIT_KEY: staff_refund_limit_fen,
            security.AUTO_LOCK_KEY: auto_lock_minutes,
        }
        for key, value in wanted.items():
            security.check_value(key, value)
        with self.db.write() as s:
            for key, value in wanted.items():
                old = security.read_value(s, key)
                if old == value:
                    continue
                shop.set_setting(s, key, value)
                audit.append_audit(
                    s,
                    action="setting.changed",
                    staff_id=by.staff_id,
                    details={"key": key, "old": old, "new": value},
                    now=self.now(),
                )
            return security.security_settings(s)

    def verify_audit(self) -> audit.ChainCheck:
        with self.db.read() as s:
            return audit.verify_chain(s)

    def recent_audit(self, *, limit: int = 100) -> list[audit.AuditEntry]:
        with self.db.read() as s:
            return audit.recent_audit(s, limit=limit)

    # -- importing from other systems -----------------------------------------------------
    def preview_import(
        self, path: Path, kind: str, mapping: Mapping[str, str | None] | None = None
    ) -> importing.ImportPreview:
        """The first rows of an xlsx/CSV export as they would be imported, with problems."""
        return importing.preview_import(self.db, Path(path), kind, mapping, today=self.today())

    def run_import(
        self,
        path: Path,
        kind: str,
        *,
        by: staff.Actor,
        mapping: Mapping[str, str | None] | None = None,
        skip_bad: bool = False,
        progress: importing.Progress | None = None,
    ) -> importing.ImportReport:
        """Import members or sales history (owner only) in one transaction; see
        :func:`desktop.models.importing.run_import`. Takes seconds on a big file: call it
        from a worker thread."""
        return importing.run_import(
            self.db,
            Path(path),
            kind,
            by=by,
            now=self.now(),
            today=self.today(),
            mapping=mapping,
            skip_bad=skip_bad,
            progress=progress,
        )

    # -- analytics and reports ----------------------------------------------------------------
    def refresh_analytics(self, *, rfm: bool = True) -> analytics.RefreshResult:
        """Bring the analytics rollups up to date (and, with ``rfm``, the daily RFM summary).

        Reads on a snapshot and writes only the results in a short transaction, so the
        counter is never held up. Cheap when little has changed; the first run on a big shop
        reads the whole history (tens of seconds at a million members): call it from a
        worker thread."""
        from desktop.models.analytics import rfm as rfm_mod
        from desktop.models.analytics import rollup

        today = self.today()
        tz = self._shop_tz()
        result = None
        for _ in range(3):  # another refresh may have written first: plan again
            with self.db.read() as s:
                plan = rollup.plan_refresh(s, today=today, tz=tz)
            result = rollup.result_of(plan)
            if not plan.changed:
                break
            with self.db.write() as s:
                if rollup.apply_refresh(s, plan, now=self.now()):
                    break
        if rfm:
            as_of = today - dt.timedelta(days=1)
            with self.db.read() as s:
                fresh = rfm_mod.summary_is_fresh(s, as_of)
                rfm_plan = None if fresh else rfm_mod.plan_rfm(s, as_of)
            if rfm_plan is not None:
                with self.db.write() as s:
                    rfm_mod.apply_rfm(s, rfm_plan)
        assert result is not None
        return result

    def _shop_tz(self) -> str:
        if self._tz is None:
            self.today()
        return self._tz or "Asia/Shanghai"

    def weekly_figures(
        self, first_week_day: dt.date, last_week_day: dt.date
    ) -> list[analytics.WeekFigures]:
        """Figures of the ISO weeks overlapping the two days (DESIGN §10), oldest first."""
        self.refresh_analytics(rfm=False)
        with self.db.read() as s:
            return analytics.weekly_figures(s, first_week_day, last_week_day)

    def dashboard(self, period: analytics.Period | str = "12w") -> analytics.Dashboard:
        """The dashboard of a period (``"4w"``, ``"12w"``, ``"52w"`` or a ``Period``). The RFM
        part is the stored daily summary; ``refresh_analytics()`` first to renew it."""
        today = self.today()
        chosen = analytics.Period.parse(period, today)
        self.refresh_analytics(rfm=False)
        with self.db.read() as s:
            return analytics.build_dashboard(s, chosen, today=today)

    def cohorts(self, first_week_day: dt.date, last_week_day: dt.date) -> analytics.CohortTable:
        """Retention of the members enrolled in each ISO week of the range."""
        self.refresh_analytics(rfm=False)
        with self.db.read() as s:
            return analytics.cohort_table(s, first_week_day, last_week_day)

    def rfm_segments(self, *, as_of: dt.date | None = None) -> analytics.RfmSummary:
        """RFM segment counts and sales shares over the 365 days ending ``as_of`` (default:
        yesterday, from the stored daily summary, renewed first if it is stale)."""
        from desktop.models.analytics import rfm as rfm_mod

        if as_of is None:
            self.refresh_analytics(rfm=True)
            with self.db.read() as s:
                summary = rfm_mod.stored_summary(s)
            assert summary is not None
            return summary
        with self.db.read() as s:
            return rfm_mod.compute_rfm(s, as_of)

    def segment_members(
        self, segment_name: str, *, as_of: dt.date | None = None
    ) -> analytics.SegmentMembers:
        """The members of an RFM segment (default: as of yesterday), e.g. to issue coupons to.
        Scores every buyer of the year: seconds on a big shop, so call it off the GUI thread."""
        day = as_of if as_of is not None else self.today() - dt.timedelta(days=1)
        with self.db.read() as s:
            ids = analytics.segment_member_ids(s, day, segment_name)
        return analytics.SegmentMembers(segment_name, day, tuple(ids))

    def campaign_results(
        self, campaign_id: int | None = None, *, print_cost_fen: int | None = None
    ) -> list[analytics.CampaignResult]:
        """Redemption, redeemers' sales, uplift against the holdout and acquisition cost of
        every coupon campaign (or one)."""
        today = self.today()
        with self.db.read() as s:
            return analytics.campaign_results(
                s,
                today=today,
                tz=self._shop_tz(),
                campaign_id=campaign_id,
                print_cost_fen=print_cost_fen,
            )

    def export_weekly_report(
        self,
        path: str | Path,
        first_week_day: dt.date,
        last_week_day: dt.date,
        *,
        progress: Callable[[int, int], bool] | None = None,
        by: staff.Actor | None = None,
    ) -> exports.ExportResult:
        """Write the weekly report workbook (.xlsx): a summary, a sheet per table, charts.

        Owner only: a staff member (``by``) is refused, and that is audited. The command line,
        which has the data file in hand, passes no one."""
        from desktop.models.exports import workbook

        if by is not None:
            self.require_owner(by, action="export.weekly")
        today = self.today()
        self.refresh_analytics(rfm=True)
        with self.db.read() as s:
            return workbook.write_weekly_report(
                s,
                Path(path),
                first_week_day,
                last_week_day,
                today=today,
                tz=self._shop_tz(),
                now=self.now(),
                progress=progress,
            )

    def export_records(
        self,
        kind: str,
        path: str | Path,
        *,
        by: staff.Actor | None,
        unmask: bool = False,
        progress: Callable[[int, int], bool] | None = None,
    ) -> exports.ExportResult:
        """Export members, ledger, coupons or check-ins (``kind``) to .xlsx, streamed.

        Owner only: a staff member (``by``) is refused, and that is audited; the command line
        passes no one. Phone numbers are masked unless ``unmask`` and ``by`` is the owner (who
        entered the PIN; anyone else gets ``owner_required``). Every export is written to the
        audit log, saying whether it was unmasked."""
        from desktop.models.exports import records

        if unmask or by is not None:
            self.require_owner(by, action=f"export.{kind}", unmasked=unmask)
        with self.db.read() as s:
            result = records.write_records(
                s, kind, Path(path), unmask=unmask, tz=self._shop_tz(), progress=progress
            )
        with self.db.write() as s:
            audit.append_audit(
                s,
                action="data.exported",
                staff_id=by.staff_id if by else None,
                details={
                    "kind": kind,
                    "rows": result.rows,
                    "unmasked": unmask,
                    "file": Path(path).name,
                },
                now=self.now(),
            )
        return result


def _frame_ok(digits: str) -> bool:
    try:
        parse_frame(digits)
    except TokenError:
        return False
    return True


__all__ = ["Desk", "DomainError"]
