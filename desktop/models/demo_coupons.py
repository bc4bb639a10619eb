"""The demo shop's coupons: the campaigns a small café would run, replayed through the real
coupon rules, so the Campaigns tab, the counter's coupon list, stamp cards and the dashboard's
coupon charts have something to show.

At set-up: a welcome coupon (rule: on enrolment), a stamp card (rule: every 10th visit), a
double-points week a couple of months in, and an opening flyer printed as 200 bearer coupons
(its campaign ends when the flyers run out of date). Six weeks before "now" a win-back coupon
goes to members not seen for 30 days, with 20 % held out. Purchases use a usable coupon now and
then; walk-ins and brand-new members hand in flyers. Every choice comes from a random source
seeded by the purchase, so the same plan always gives the same history.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from sqlalchemy.orm import Session

from desktop.models import campaigns, coupon_redeem, coupon_void, coupons, segments
from desktop.models.campaign_spec import CampaignSpec
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.staff import Actor

FLYERS = 200
FLYER_DAYS = 60
WINBACK_DAYS_BEFORE_NOW = 42
USE_SHARE = 0.35  # a purchase by a member holding a usable coupon uses it this often
FLYER_SHARE_NEW = 0.4  # a brand-new member's first purchase hands in a flyer this often
FLYER_SHARE_WALK_IN = 0.03


def _specs(set_up: dt.date) -> dict[str, CampaignSpec]:
    double_from = set_up + dt.timedelta(days=63)
    return {
        "welcome": CampaignSpec(
            name="新会员立减10元",
            kind="amount_off",
            value_fen=1_000,
            min_spend_fen=3_000,
            valid_days=30,
            trigger="welcome",
            terms="新会员专享。",
        ),
        "stamps": CampaignSpec(
            name="集满10次送一杯",
            kind="gift",
            gift="任意一杯咖啡",
            valid_days=30,
            per_member_limit=100,
            trigger="nth_visit",
            trigger_visits=10,
        ),
        "flyer": CampaignSpec(
            name="开业传单 满50减15",
            kind="spend_save",
            value_fen=1_500,
            min_spend_fen=5_000,
            valid_days=FLYER_DAYS,
            quota=FLYERS,
            terms="每单限用一张，不找零。",
        ),
        "double": CampaignSpec(
            name="双倍积分周",
            kind="points_multiplier",
            multiplier_tenths=20,
            valid_from=double_from,
            valid_to=double_from + dt.timedelta(days=6),
        ),
    }


class DemoCoupons:
    """Sets the campaigns up and picks the coupon each demo purchase uses (if any)."""

    def __init__(self, owner: Actor, seed: int, *, now: dt.datetime) -> None:
        self.owner = owner
        self.seed = seed
        self.winback_at = now - dt.timedelta(days=WINBACK_DAYS_BEFORE_NOW)
        self.winback_done = False
        self.flyers: list[int] = []
        self.flyer_campaign = 0
        self.flyer_ends = dt.date.max
        self.campaigns = 0
        self.used = 0

    def set_up(self, session: Session, *, now: dt.datetime, today: dt.date) -> None:
        for spec in _specs(today).values():
            made = campaigns.create_campaign(session, spec=spec, by=self.owner, now=now)
            self.campaigns += 1
            if spec.quota == FLYERS:
                self.flyer_campaign = made
        _batch, printed = coupons.issue_bearer_batch(
            session,
            campaign_id=self.flyer_campaign,
            count=FLYERS,
            by=self.owner,
            now=now,
            today=today,
        )
        self.flyers = sorted(c.id for c in printed)
        self.flyer_ends = today + dt.timedelta(days=FLYER_DAYS)

    def after_day(self, session: Session, *, now: dt.datetime, today: dt.date) -> None:
        """Once the flyers are out of date: two spoiled ones voided, the campaign ended."""
        if self.flyer_campaign and today > self.flyer_ends:
            for coupon_id in self.flyers[:2]:
                try:
                    coupon_void.void_coupon(
                        session,
                        coupon_id=coupon_id,
                        by=self.owner,
                        reason="传单印刷模糊，作废",
                        now=now,
                    )
                except DomainError:
                    pass  # already used: nothing to void
            campaigns.set_campaign_state(
                session, campaign_id=self.flyer_campaign, state="ended", by=self.owner, now=now
            )
            self.flyer_campaign = 0
            self.flyers = []

    def win_back(self, db: Database, *, at: dt.datetime, today: dt.date) -> None:
        """The win-back campaign, sent in chunks like the app does (its own transactions)."""
        self.winback_done = True
        spec = CampaignSpec(
            name="老客回归券",
            kind="amount_off",
            value_fen=1_500,
            min_spend_fen=6_000,
            valid_days=30,
            holdout_pct=20,
            terms="好久不见，欢迎回来！",
        )
        with db.write() as session:
            campaign_id = campaigns.create_campaign(session, spec=spec, by=self.owner, now=at)
        self.campaigns += 1
        clock: Callable[[], dt.datetime] = lambda: at  # noqa: E731
        segments.issue_to_segment(
            db,
            campaign_id=campaign_id,
            segment=coupons.SegmentFilter(no_visit_days=30),
            by=self.owner,
            clock=clock,
            today=today,
        )

    def coupon_for(
        self,
        session: Session,
        *,
        key: int,
        member_id: int | None,
        amount_fen: int,
        today: dt.date,
        new_member: bool,
    ) -> int | None:
        """The coupon this purchase hands in, already checked against the bill; or None."""
        rng = random.Random(self.seed * 1_000_003 + key)
        if member_id is not None and rng.random() < USE_SHARE:
            for held in coupons.member_coupons(session, member_id, today=today, usable_only=True):
                if self._usable(session, held.id, amount_fen, member_id, today):
                    return held.id
        flyer_share = FLYER_SHARE_NEW if new_member else FLYER_SHARE_WALK_IN
        if self.flyers and (member_id is None or new_member) and rng.random() < flyer_share:
            flyer = self.flyers[-1]
            if self._usable(session, flyer, amount_fen, member_id, today):
                self.flyers.pop()
                return flyer
        return None

    def _usable(
        self,
        session: Session,
        coupon_id: int,
        amount_fen: int,
        member_id: int | None,
        today: dt.date,
    ) -> bool:
        try:
            coupon_redeem.check_for_sale(
                session, coupon_id, amount_fen=amount_fen, member_id=member_id, today=today
            )
        except DomainError:
            return False
        return True
