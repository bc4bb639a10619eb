"""A demo shop: realistic members, sales, check-ins, redemptions, refunds and coupons.

Two steps. :func:`plan_demo` is pure: from a seed, a member count, a number of days and the
moment "now" it decides every person, every visit and the owner's campaign calendar (the
same inputs give the same plan). :func:`build_demo` replays the plan through the real domain
functions (enrolment, sales, check-ins, refunds, the expiry sweep, campaigns and coupons) with
explicit past times, so the ledger, lots, tiers, coupons and events are exactly what the
counter would have written. Only coupon ids, uuids and signing keys are random; member ids are
drawn from the seed while the demo is built, because a campaign's holdout is decided from the
member id, so the same seed gives the same numbers.

Writes run in batches of many operations per transaction; call from a worker thread or the
command line, never on a GUI thread.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.models import checkins, demo_coupons, members, points, sales, shop
from desktop.models.clock import add_months, local_day, utc_now
from desktop.models.db import Database
from desktop.models.demo_coupons import Comeback, DemoCoupons, OwnerStep
from desktop.models.staff import Actor

TIMEZONE = "Asia/Shanghai"
_UTC_OFFSET = dt.timedelta(hours=8)  # Asia/Shanghai has no daylight saving time
DEMO_RULE = shop.Rule(version=1, checkin_points=5)
OPS_PER_TRANSACTION = 1500
REDEEM_MIN_BALANCE = 500

SHOP_NAMES = (
    "街角咖啡",
    "麦香烘焙坊",
    "晨光咖啡馆",
    "小满面包店",
    "拾光咖啡",
    "禾田烘焙",
    "半糖咖啡工作室",
    "老街面包房",
)
SHOP_ADDRESSES = (
    "上海市徐汇区天钥桥路 88 号",
    "杭州市西湖区文三路 120 号",
    "成都市锦江区春熙路 35 号",
    "广州市天河区体育西路 66 号",
    "南京市鼓楼区中山路 201 号",
)
OWNER_NAMES = ("王老板", "李姐", "张师傅", "陈老板", "刘店长")

# The most common surnames, most frequent first (weights fall off with rank).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红建文辉力林兰婷雪琳晶颖鑫宇浩然子轩"
    "欣怡梓涵晨博思雨佳嘉俊凯鹏飞峰志海波斌宁丹慧倩璐瑶琪萱悦彤诗梦晓国春燕秋云亮健毅航睿泽"
    "昊一诺可安晴阳帆哲琦淑珍凤桂芬莉"
)
ENGLISH_FIRST = tuple(
    "Tom Emily Jason Lucy Kevin Anna David Grace Michael Sophie Ryan Eric Amy".split()
)
ENGLISH_SURNAMES = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhou", "Lin", "Xu")
MOBILE_PREFIXES = tuple(
    (
        "130 131 132 133 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 173 "
        "175 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199"
    ).split()
)
REFUND_REASONS = ("点错单", "顾客退单", "商品质量问题", "重复收款")

# A café-bakery's menu in fen, grouped with how often a basket line picks from each group.
MENU: tuple[tuple[float, tuple[int, ...]], ...] = (
    (0.40, (1500, 1800, 2200, 2500, 2800, 3200, 3500, 3800)),  # coffee
    (0.15, (1200, 1600, 1900, 2200)),  # tea and other drinks
    (0.30, (800, 1000, 1200, 1500, 1800, 2200)),  # bread and pastries
    (0.10, (2800, 3200, 3800, 4200)),  # sandwiches, cake slices
    (0.04, (12800, 16800, 19800, 26800)),  # whole cakes
    (0.01, (8800, 13800)),  # gift boxes
)
BASKET_SIZES = ((1, 0.52), (2, 0.30), (3, 0.12), (4, 0.04), (5, 0.02))

# Local opening hours 07:30-21:00; how busy each hour is.
HOUR_WEIGHTS = tuple(zip(range(7, 21), (5, 14, 12, 7, 7, 11, 9, 6, 8, 8, 8, 6, 4, 2), strict=True))

# Member habits: (name, share, days between visits (low, high) or None for one visit).
SEGMENTS: tuple[tuple[str, float, tuple[float, float] | None], ...] = (
    ("regular", 0.10, (4.0, 10.0)),
    ("office", 0.02, (6.0, 9.0)),
    ("occasional", 0.48, (21.0, 60.0)),
    ("lapsed", 0.27, (5.0, 20.0)),
    ("once", 0.13, None),
)


@dataclass(frozen=True)
class DemoPerson:
    name: str
    phone: str
    birthday: dt.date | None
    marketing: bool
    sharing: bool
    segment: str


@dataclass(frozen=True)
class Enrol:
    at: dt.datetime
    member: int  # index into DemoPlan.people


@dataclass(frozen=True)
class Purchase:
    at: dt.datetime
    member: int | None  # None: a walk-in customer who is not a member
    amount_fen: int
    redeem_share: float  # > 0: pay up to this share of the ticket with points, if enough
    key: int  # refunds name the purchase they undo by this key


@dataclass(frozen=True)
class Visit:
    at: dt.datetime
    member: int


@dataclass(frozen=True)
class RefundOp:
    at: dt.datetime
    purchase: int  # Purchase.key
    reason: str


Op = Enrol | Purchase | Visit | RefundOp | OwnerStep | Comeback


@dataclass(frozen=True)
class DemoPlan:
    seed: int
    shop_name: str
    address: str
    owner_name: str
    owner_pin: str
    set_up_at: dt.datetime
    now: dt.datetime
    people: tuple[DemoPerson, ...]
    ops: tuple[Op, ...]  # in time order
    double_points_from: dt.date  # the double-points week (7 days from this day)


@dataclass(frozen=True)
class DemoResult:
    shop_name: str
    owner_pin: str
    members: int
    sales: int
    checkins: int
    redemptions: int
    refunds: int
    expired_lots: int
    campaigns: int = 0
    coupons_issued: int = 0  # every coupon made (bearer, rules, segment), voided ones included
    coupons_redeemed: int = 0  # used on a sale and not given back by a refund

    @property
    def coupons_used(self) -> int:
        """The same as ``coupons_redeemed`` (the name the command line reports it under)."""
        return self.coupons_redeemed


# -- planning (pure) ------------------------------------------------------------------------


def _to_utc(day: dt.date, minute_of_day: int) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute_of_day)
    return local - _UTC_OFFSET


def _weighted(rng: random.Random, pairs: Sequence[tuple[int, float]]) -> int:
    values = [v for v, _ in pairs]
    weights = [w for _, w in pairs]
    return rng.choices(values, weights=weights)[0]


class _Planner:
    def __init__(self, *, seed: int, days: int, now: dt.datetime) -> None:
        self.rng = random.Random(seed)
        self.days = days
        self.now = now
        self.today = local_day(now, TIMEZONE)
        self.first_day = self.today - dt.timedelta(days=days)
        self.ops: list[tuple[dt.datetime, int, Op]] = []
        self.phones: set[str] = set()
        self.enrolled_on: dict[int, int] = {}  # member index → day index of enrolment
        self._purchase_key = 0
        self._surname_weights = [1.0 / (rank + 4) for rank in range(len(SURNAMES))]

    def add(self, op: Op) -> None:
        self.ops.append((op.at, len(self.ops), op))

    # people
    def name(self) -> str:
        rng = self.rng
        if rng.random() < 0.03:
            return f"{rng.choice(ENGLISH_FIRST)} {rng.choice(ENGLISH_SURNAMES)}"
        surname = rng.choices(SURNAMES, weights=self._surname_weights)[0]
        given_length = 1 if rng.random() < 0.3 else 2
        return surname + "".join(rng.choice(GIVEN_CHARS) for _ in range(given_length))

    def phone(self) -> str:
        while True:
            number = self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.phones:
                self.phones.add(number)
                return number

    def birthday(self) -> dt.date | None:
        rng = self.rng
        if rng.random() >= 0.7:
            return None
        age = int(rng.triangular(16, 70, 30))
        born = self.today.replace(month=1, day=1) - dt.timedelta(days=365 * age)
        return born + dt.timedelta(days=rng.randrange(365))

    def person(self) -> DemoPerson:
        segment = self.rng.choices([s[0] for s in SEGMENTS], weights=[s[1] for s in SEGMENTS])[0]
        return DemoPerson(
            name=self.name(),
            phone=self.phone(),
            birthday=self.birthday(),
            marketing=self.rng.random() < 0.6,
            sharing=self.rng.random() < 0.3,
            segment=segment,
        )

    # times and tickets
    def time_on(self, day: dt.date, rng: random.Random | None = None) -> dt.datetime:
        rng = rng or self.rng
        hour = _weighted(rng, HOUR_WEIGHTS)
        low = 30 if hour == 7 else 0
        return _to_utc(day, hour * 60 + rng.randrange(low, 60)) + dt.timedelta(
            seconds=rng.randrange(60)
        )

    def amount(self, segment: str, rng: random.Random | None = None) -> int:
        rng = rng or self.rng
        if segment == "office":  # team orders: coffee and pastries for the office
            return rng.randrange(24, 121) * 500
        size = _weighted(rng, BASKET_SIZES)
        total = 0
        for _ in range(size):
            group = rng.choices([g for _, g in MENU], weights=[w for w, _ in MENU])[0]
            total += rng.choice(group)
        return total

    def next_key(self) -> int:
        self._purchase_key += 1
        return self._purchase_key

    # visits
    def first_day_for(self, segment: str) -> int:
        rng = self.rng
        if segment == "lapsed":
            return int(rng.random() * self.days * 0.6)
        if rng.random() < 0.35:  # the launch: many existing customers sign up early
            return int(rng.random() * max(1.0, self.days * 0.1))
        return int(rng.random() * self.days)

    def visit_days(self, segment: str, gap: tuple[float, float] | None) -> list[int]:
        rng = self.rng
        day = self.first_day_for(segment)
        found = [day]
        if gap is None:
            return found
        mean_gap = rng.uniform(*gap)
        limit = rng.randint(1, 3) if segment == "lapsed" else 10**9
        while len(found) <= limit:
            if segment in ("regular", "office"):
                step = max(1, round(rng.gauss(mean_gap, mean_gap / 4)))
            else:
                step = max(1, round(rng.expovariate(1.0 / mean_gap)))
            day += step
            if day >= self.days:
                break
            found.append(day)
        return found

    def purchase(self, at: dt.datetime, member: int | None, segment: str) -> None:
        rng = self.rng
        redeem = 0.0
        if member is not None and rng.random() < 0.12:
            redeem = rng.choice((0.3, 0.5, 1.0))
        key = self.next_key()
        self.add(Purchase(at, member, self.amount(segment), redeem, key))
        if rng.random() < 0.006:
            later = at + dt.timedelta(minutes=rng.randrange(3, 90))
            self.add(RefundOp(later, key, rng.choice(REFUND_REASONS)))

    def member_visits(self, index: int, person: DemoPerson) -> None:
        rng = self.rng
        gap = next(s[2] for s in SEGMENTS if s[0] == person.segment)
        for n, day_index in enumerate(self.visit_days(person.segment, gap)):
            day = self.first_day + dt.timedelta(days=day_index)
            at = self.time_on(day)
            if n == 0:
                self.add(Enrol(at - dt.timedelta(minutes=rng.randrange(1, 4)), index))
                self.enrolled_on[index] = day_index
            buys = n == 0 or rng.random() < 0.85
            if buys:
                self.purchase(at, index, person.segment)
            if not buys or rng.random() < 0.12:
                checkin_at = at + dt.timedelta(seconds=rng.randrange(5, 90))
                self.add(Visit(checkin_at, index))
                if rng.random() < 0.03:  # scanned twice: recorded, not rewarded
                    self.add(Visit(checkin_at + dt.timedelta(seconds=20), index))
            if rng.random() < 0.12:  # a walk-in who is not a member, the same day
                self.purchase(self.time_on(day), None, "walk_in")

    def enrol_today(self, index: int, first: dt.datetime) -> None:
        span = max(1, int((self.now - first).total_seconds()))
        self.add(Enrol(first + dt.timedelta(seconds=self.rng.randrange(span)), index))

    def at(self, day: dt.date, minute_of_day: int) -> dt.datetime:
        return _to_utc(day, minute_of_day)


def plan_demo(*, seed: int, members: int, days: int, now: dt.datetime) -> DemoPlan:
    """Decide the whole demo from ``seed`` (pure: the same arguments give the same plan).

    Visits fall on the ``days`` calendar days before today (shop time), so every operation is
    in the past; with ``days == 0`` members are only enrolled, today.
    """
    if members < 0 or days < 0:
        raise ValueError("members and days must not be negative")
    planner = _Planner(seed=seed, days=days, now=now)
    rng = planner.rng
    shop_name = rng.choice(SHOP_NAMES)
    address = rng.choice(SHOP_ADDRESSES)
    owner_name = rng.choice(OWNER_NAMES)
    owner_pin = f"{rng.randrange(10**6):06d}"
    if days > 0:
        set_up_at = _to_utc(planner.first_day, 7 * 60)
    else:
        set_up_at = now - dt.timedelta(minutes=30)
    people = tuple(planner.person() for _ in range(members))
    for index, person in enumerate(people):
        if days > 0:
            planner.member_visits(index, person)
        else:
            planner.enrol_today(index, set_up_at + dt.timedelta(minutes=1))
    if days > 0 and members > 0:
        demo_coupons.plan_calendar(planner, seed)
    ordered = tuple(op for _, _, op in sorted(planner.ops, key=lambda item: item[:2]))
    return DemoPlan(
        seed=seed,
        shop_name=shop_name,
        address=address,
        owner_name=owner_name,
        owner_pin=owner_pin,
        set_up_at=set_up_at,
        now=now,
        people=people,
        ops=ordered,
        double_points_from=demo_coupons.double_points_from(planner.first_day, days),
    )


# -- building (through the domain) --------------------------------------------------------


class _Builder:
    def __init__(self, plan: DemoPlan, owner: Actor) -> None:
        self.plan = plan
        self.owner = owner
        self.coupons = DemoCoupons(owner, plan.seed)
        self.enrol_days: dict[int, dt.date] = {}
        self.buyers: set[int] = set()
        self.member_ids: dict[int, int] = {}
        self.sale_ids: dict[int, int] = {}
        self.sales = self.checkins = self.redemptions = self.refunds = self.expired = 0
        self.swept_day = local_day(plan.set_up_at, TIMEZONE)
        self.first_expiry = add_months(self.swept_day, DEMO_RULE.expiry_months)

    def run(self, session: Session, op: Op) -> None:
        today = local_day(op.at, TIMEZONE)
        if today > self.swept_day:
            self.swept_day = today
            if today > self.first_expiry:  # the app's daily sweep, once lots can expire
                self.expired += points.expire_due(session, today=today, now=op.at)
        if isinstance(op, Enrol):
            self.enrol(session, op, today)
        elif isinstance(op, Purchase):
            self.purchase(session, op, today)
        elif isinstance(op, Visit):
            checkins.check_in(session, member_id=self.member_ids[op.member], by=None, now=op.at)
            self.checkins += 1
        elif isinstance(op, RefundOp):
            sales.refund_sale(
                session,
                sale_id=self.sale_ids[op.purchase],
                by=self.owner,
                now=op.at,
                reason=op.reason,
            )
            self.refunds += 1
        elif isinstance(op, Comeback):
            self.comeback(session, op, today)
        elif op.action == demo_coupons.END_FLYER:
            self.coupons.end_flyer(session, now=op.at)
        else:  # pragma: no cover - the win-back runs in its own transactions (build_demo)
            raise ValueError(f"unexpected owner step {op.action}")

    def enrol(self, session: Session, op: Enrol, today: dt.date) -> None:
        person = self.plan.people[op.member]
        self.enrol_days[op.member] = today
        self.member_ids[op.member] = members.enrol_member(
            session,
            name=person.name,
            phone=person.phone,
            by=self.owner,
            now=op.at,
            today=today,
            membership_consent=True,
            marketing_consent=person.marketing,
            sharing_consent=person.sharing,
            birthday=person.birthday,
        )

    def purchase(self, session: Session, op: Purchase, today: dt.date) -> None:
        member_id = None if op.member is None else self.member_ids[op.member]
        new_member = op.member is not None and (
            op.member not in self.buyers and self.enrol_days.get(op.member) == today
        )
        coupon_id = self.coupons.coupon_for(
            session,
            key=op.key,
            member_id=member_id,
            amount_fen=op.amount_fen,
            today=today,
            new_member=new_member,
        )
        redeem = 0
        # One discount a bill keeps the demo's sums simple: points only without a coupon.
        if member_id is not None and op.redeem_share > 0 and coupon_id is None:
            balance = points.balance_info(session, member_id, today=today).balance
            if balance >= REDEEM_MIN_BALANCE:
                cap = int(op.amount_fen * op.redeem_share) // DEMO_RULE.point_value_fen
                redeem = min(balance, cap) // 100 * 100
        if op.member is not None:
            self.buyers.add(op.member)
        result = sales.record_sale(
            session,
            amount_fen=op.amount_fen,
            member_id=member_id,
            by=self.owner,
            now=op.at,
            redeem_points=redeem,
            owner=self.owner,
            coupon_id=coupon_id,
        )
        self.sale_ids[op.key] = result.sale_id
        self.sales += 1
        self.redemptions += 1 if redeem else 0

    def comeback(self, session: Session, op: Comeback, today: dt.date) -> None:
        member_id = self.member_ids[op.member]
        coupon_id = self.coupons.comeback_coupon(
            session, member_id=member_id, amount_fen=op.amount_fen, today=today
        )
        if coupon_id is None:
            return  # no win-back coupon (held out, no consent, not lapsed, used): stays away
        sales.record_sale(
            session,
            amount_fen=op.amount_fen,
            member_id=member_id,
            by=self.owner,
            now=op.at,
            owner=self.owner,
            coupon_id=coupon_id,
        )
        self.sales += 1


def _is_winback(op: Op) -> bool:
    return isinstance(op, OwnerStep) and op.action == demo_coupons.WINBACK


def build_demo(
    db: Database,
    plan: DemoPlan,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> DemoResult:
    """Set up the shop and its campaigns and replay ``plan`` into ``db``; then sweep expired
    points for today.

    Raises ``DomainError("already_set_up")`` when the database already holds a shop (and
    writes nothing). ``progress(done, total)`` is called after each committed batch.
    """
    with db.write() as session:
        owner = shop.set_up_shop(
            session,
            shop_name=plan.shop_name,
            owner_name=plan.owner_name,
            owner_pin=plan.owner_pin,
            address=plan.address,
            timezone=TIMEZONE,
            now=plan.set_up_at,
            rule=DEMO_RULE,
        )
        builder = _Builder(plan, owner)
        if plan.people:  # no members: an empty shop, just set up
            builder.coupons.set_up(
                session,
                now=plan.set_up_at,
                today=local_day(plan.set_up_at, TIMEZONE),
                double_from=plan.double_points_from,
            )
    ops = plan.ops
    total = len(ops)
    start = 0
    with demo_coupons.seeded_member_ids(plan.seed):
        while start < total:
            end = min(start + OPS_PER_TRANSACTION, total)
            if _is_winback(ops[start]):  # issued in chunks, each its own transaction
                at = ops[start].at
                builder.coupons.win_back(db, at=at, today=local_day(at, TIMEZONE))
                end = start + 1
            else:
                end = next((i for i in range(start, end) if _is_winback(ops[i])), end)
                with db.write() as session:
                    for op in ops[start:end]:
                        builder.run(session, op)
            if progress is not None:
                progress(end, total)
            start = end
    with db.write() as session:
        builder.expired += points.expire_due(
            session, today=local_day(plan.now, TIMEZONE), now=plan.now
        )
        issued, redeemed = builder.coupons.counts(session)
    return DemoResult(
        shop_name=plan.shop_name,
        owner_pin=plan.owner_pin,
        members=len(builder.member_ids),
        sales=builder.sales,
        checkins=builder.checkins,
        redemptions=builder.redemptions,
        refunds=builder.refunds,
        expired_lots=builder.expired,
        campaigns=builder.coupons.campaigns,
        coupons_issued=issued,
        coupons_redeemed=redeemed,
    )


def make_demo(
    db: Database,
    *,
    members: int,
    days: int = 365,
    seed: int = 0,
    now: dt.datetime | None = None,
) -> DemoResult:
    """Plan and build a demo shop in one go (``now`` defaults to the current time)."""
    plan = plan_demo(seed=seed, members=members, days=days, now=now or utc_now())
    return build_demo(db, plan)
