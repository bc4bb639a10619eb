"""The demo shop's coupons: the campaigns a small café would run, replayed through the real
coupon rules, so the Campaigns tab, the counter's coupon list, stamp cards and the dashboard's
coupon charts have something to show.

The calendar is part of the plan (pure): at set-up the owner starts a welcome coupon (rule: on
enrolment), a stamp card (rule: every 10th visit) and a double-points week about two months
in, and prints an opening flyer as 200 bearer coupons (two come out smudged and are voided;
the campaign is ended once the flyers are out of date). Six weeks before "now" a win-back
coupon goes to members not seen for 30 days, with 20 % held out; some lapsed members come back
for it (a planned :class:`Comeback` happens only when the member holds the coupon, so the
held-out group shows what the coupon changed).

While the plan is replayed, purchases use a usable coupon now and then; walk-ins and brand-new
members hand in flyers. Every choice comes from a random source seeded by the purchase and is
made only after the model's own check passed, so the same plan always gives the same history.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.models import campaigns, coupon_redeem, coupon_void, coupons, members, segments
from desktop.models.campaign_spec import CampaignSpec
from desktop.models.coupon_issue import REDEEMED
from desktop.models.db import Database
from desktop.models.errors import DomainError
from desktop.models.staff import Actor
from desktop.models.tables import Coupon

FLYERS = 200
FLYER_DAYS = 60
SPOILED_FLYERS = 2
DOUBLE_POINTS_AFTER_DAYS = 63
WINBACK_DAYS_BEFORE_NOW = 42
WINBACK_IDLE_DAYS = 30
WINBACK_HOLDOUT_PCT = 20
WINBACK_MIN_SPEND_FEN = 4_000
COMEBACK_SHARE = 0.3  # of members enrolled long enough to be lapsed: tempted back by the coupon
USE_SHARE = 0.35  # a purchase by a member holding a usable coupon uses it this often
FLYER_SHARE_NEW = 0.4  # a brand-new member's first purchase hands in a flyer this often
FLYER_SHARE_WALK_IN = 0.2  # a walk-in whose bill qualifies hands in a flyer this often

WINBACK = "winback"  # issue the win-back coupon to the lapsed members (its own transactions)
END_FLYER = "end_flyer"  # end the flyer campaign once the flyers are out of date


@dataclass(frozen=True)
class OwnerStep:
    """Something the owner does in the Campaigns tab at a planned moment."""

    at: dt.datetime
    action: str  # WINBACK | END_FLYER


@dataclass(frozen=True)
class Comeback:
    """A lapsed member comes back for their win-back coupon: only if they hold a usable one."""

    at: dt.datetime
    member: int  # index into DemoPlan.people
    amount_fen: int


# -- the calendar (pure) --------------------------------------------------------------------


def double_points_from(first_day: dt.date, days: int) -> dt.date:
    """The double-points week starts about two months in (earlier in a short demo, so that it
    lies in the past whenever the demo spans a couple of weeks)."""
    return first_day + dt.timedelta(days=min(DOUBLE_POINTS_AFTER_DAYS, max(0, days - 14)))


def flyer_end_day(first_day: dt.date, today: dt.date) -> dt.date | None:
    """The day the owner ends the flyer campaign (its flyers' last day has passed), if past."""
    day = first_day + dt.timedelta(days=FLYER_DAYS)
    return day if day < today else None


def winback_day(first_day: dt.date, today: dt.date) -> dt.date | None:
    """The day the win-back coupon goes out, if the shop is old enough to have lapsed members."""
    day = today - dt.timedelta(days=WINBACK_DAYS_BEFORE_NOW)
    return day if (day - first_day).days > WINBACK_IDLE_DAYS else None


class Planner(Protocol):
    """What the calendar needs from the demo's planner."""

    first_day: dt.date
    today: dt.date
    enrolled_on: dict[int, int]  # member index → day index of enrolment

    def add(self, op: OwnerStep | Comeback) -> None: ...
    def at(self, day: dt.date, minute_of_day: int) -> dt.datetime: ...
    def time_on(self, day: dt.date, rng: random.Random | None = None) -> dt.datetime: ...
    def amount(self, segment: str, rng: random.Random | None = None) -> int: ...


def plan_calendar(planner: Planner, seed: int) -> None:
    """Add the owner's campaign steps and the comebacks the win-back coupon may bring.

    Drawn from their own random source, so the people and their visits are the same as in a
    demo without coupons.
    """
    end_flyer = flyer_end_day(planner.first_day, planner.today)
    if end_flyer is not None:
        planner.add(OwnerStep(planner.at(end_flyer, 7 * 60 + 10), END_FLYER))
    winback = winback_day(planner.first_day, planner.today)
    if winback is None:
        return
    planner.add(OwnerStep(planner.at(winback, 10 * 60), WINBACK))
    rng = random.Random(seed ^ 0x5EED_C0FFEE)
    last_enrol = (winback - planner.first_day).days - WINBACK_IDLE_DAYS
    for index, day_index in sorted(planner.enrolled_on.items()):
        if day_index >= last_enrol or rng.random() >= COMEBACK_SHARE:
            continue
        day = winback + dt.timedelta(days=rng.randint(1, 28))
        amount = planner.amount("comeback", rng)
        while amount < WINBACK_MIN_SPEND_FEN:
            amount += planner.amount("comeback", rng)
        planner.add(Comeback(planner.time_on(day, rng), index, amount))


# -- building -------------------------------------------------------------------------------

_MEMBER_ID_SOURCE = "new_member_id"  # what members.enrol_member draws a new member id from


@contextmanager
def seeded_member_ids(seed: int) -> Iterator[None]:
    """While the demo is built, member ids come from the seed (still 63-bit and random to the
    eye). A campaign's holdout is decided from the campaign and member ids, so random ids would
    split the win-back's segment differently, and change the history after it, on every build.
    Only for the demo builder, which enrols nobody else meanwhile.
    """
    rng = random.Random(seed ^ 0x1D5_4E3B_3E45)

    def draw() -> int:
        while True:
            value = rng.getrandbits(63)
            if value >= 1 << 32:  # as long as the counter's ids
                return value

    original = getattr(members, _MEMBER_ID_SOURCE)
    setattr(members, _MEMBER_ID_SOURCE, draw)
    try:
        yield
    finally:
        setattr(members, _MEMBER_ID_SOURCE, original)


def _specs(double_from: dt.date) -> tuple[CampaignSpec, ...]:
    return (
        CampaignSpec(
            name="新会员立减10元",
            kind="amount_off",
            value_fen=1_000,
            min_spend_fen=3_000,
            valid_days=30,
            trigger="welcome",
            terms="新会员专享，满30元可用。",
        ),
        CampaignSpec(
            name="集满10次送一杯",
            kind="gift",
            gift="任意一杯咖啡",
            valid_days=30,
            per_member_limit=100,
            trigger="nth_visit",
            trigger_visits=10,
            terms="每到店一天盖一个章，集满10个送一杯。",
        ),
        CampaignSpec(
            name="双倍积分周",
            kind="points_multiplier",
            multiplier_tenths=20,
            valid_from=double_from,
            valid_to=double_from + dt.timedelta(days=6),
        ),
    )


FLYER_SPEC = CampaignSpec(
    name="开业传单 满50减15",
    kind="spend_save",
    value_fen=1_500,
    min_spend_fen=5_000,
    valid_days=FLYER_DAYS,
    quota=FLYERS,
    terms="每单限用一张，不找零。",
)
WINBACK_SPEC = CampaignSpec(
    name="老客回归券",
    kind="amount_off",
    value_fen=1_500,
    min_spend_fen=WINBACK_MIN_SPEND_FEN,
    valid_days=30,
    holdout_pct=WINBACK_HOLDOUT_PCT,
    terms="好久不见，欢迎回来！满40元可用。",
)


# A member's unused coupons inside their dates, the soonest to run out first (what a customer
# would hand in). Paused campaigns, the bill and the rest are left to the model's check.
_HELD_SQL = text(
    "SELECT id, campaign_id FROM coupon WHERE member_id = :m AND state = 'issued'"
    " AND valid_from <= :d AND valid_to >= :d ORDER BY valid_to, campaign_id, serial"
)


class DemoCoupons:
    """Sets the campaigns up, runs the owner's steps and picks the coupon each demo purchase
    uses (if any)."""

    def __init__(self, owner: Actor, seed: int) -> None:
        self.owner = owner
        self.seed = seed
        self.flyers: list[int] = []
        self.flyer_campaign = 0
        self.winback_campaign = 0
        self.campaigns = 0

    def set_up(
        self, session: Session, *, now: dt.datetime, today: dt.date, double_from: dt.date
    ) -> None:
        specs = _specs(double_from)
        for spec in specs:
            campaigns.create_campaign(session, spec=spec, by=self.owner, now=now)
        self.flyer_campaign = campaigns.create_campaign(
            session, spec=FLYER_SPEC, by=self.owner, now=now
        )
        self.campaigns += len(specs) + 1
        _batch, printed = coupons.issue_bearer_batch(
            session,
            campaign_id=self.flyer_campaign,
            count=FLYERS,
            by=self.owner,
            now=now,
            today=today,
        )
        # Printed order (by serial): the first ones off the press came out smudged.
        ids = [c.id for c in printed]
        for coupon_id in ids[:SPOILED_FLYERS]:
            coupon_void.void_coupon(
                session,
                coupon_id=coupon_id,
                by=self.owner,
                reason="传单印刷模糊，作废",
                now=now + dt.timedelta(seconds=30),
            )
        self.flyers = ids[SPOILED_FLYERS:]

    def end_flyer(self, session: Session, *, now: dt.datetime) -> None:
        campaigns.set_campaign_state(
            session, campaign_id=self.flyer_campaign, state="ended", by=self.owner, now=now
        )
        self.flyers = []

    def win_back(self, db: Database, *, at: dt.datetime, today: dt.date) -> None:
        """The win-back campaign, issued in chunks like the app does (its own transactions)."""
        with db.write() as session:
            self.winback_campaign = campaigns.create_campaign(
                session, spec=WINBACK_SPEC, by=self.owner, now=at
            )
        self.campaigns += 1
        clock: Callable[[], dt.datetime] = lambda: at  # noqa: E731
        segments.issue_to_segment(
            db,
            campaign_id=self.winback_campaign,
            segment=coupons.SegmentFilter(no_visit_days=WINBACK_IDLE_DAYS),
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
            found = self._held(session, member_id, amount_fen, today, campaign_id=None)
            if found is not None:
                return found
        flyer_share = FLYER_SHARE_NEW if new_member else FLYER_SHARE_WALK_IN
        if self.flyers and (member_id is None or new_member) and rng.random() < flyer_share:
            flyer = self.flyers[-1]
            if self._usable(session, flyer, amount_fen, member_id, today):
                self.flyers.pop()
                return flyer
        return None

    def comeback_coupon(
        self, session: Session, *, member_id: int, amount_fen: int, today: dt.date
    ) -> int | None:
        """The member's usable win-back coupon for this bill, or None (then they stay away)."""
        if not self.winback_campaign:
            return None
        return self._held(session, member_id, amount_fen, today, self.winback_campaign)

    def counts(self, session: Session) -> tuple[int, int]:
        """(coupons issued, coupons redeemed now): what the Campaigns tab adds up."""
        issued = session.execute(select(func.count()).select_from(Coupon)).scalar_one()
        redeemed = session.execute(
            select(func.count()).select_from(Coupon).where(Coupon.state == REDEEMED)
        ).scalar_one()
        return int(issued), int(redeemed)

    def _held(
        self,
        session: Session,
        member_id: int,
        amount_fen: int,
        today: dt.date,
        campaign_id: int | None,
    ) -> int | None:
        """The member's coupon that runs out first and passes the model's checks for this bill
        (the candidates come from one indexed query; the checks decide)."""
        held = session.execute(_HELD_SQL, {"m": member_id, "d": today.isoformat()}).all()
        for coupon_id, held_campaign in held:
            if campaign_id is not None and held_campaign != campaign_id:
                continue
            if self._usable(session, coupon_id, amount_fen, member_id, today):
                return int(coupon_id)
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
