"""Build a large shop database fast, with data the model itself could have written.

The schema comes from the migrations and the shop from ``Desk.set_up``; members, sales,
ledger entries, allocations, check-ins, refunds, audit records and the last 90 days of
events are then bulk-inserted with raw ``sqlite3`` in big transactions, secondary indexes
dropped during the load and rebuilt after it.

The history is simulated day by day over ``SPAN_DAYS`` days ending yesterday (shop time), in
time order, so ids grow with time as they would at a real counter:

* a sale earns ``paid × tier multiplier // (fen_per_point × 100)`` points (rule version 1,
  tier from the member's unrefunded 12-month spend) as a lot expiring 12 months later;
* some sales redeem points as a discount: a ``redeem`` entry allocated to the member's lots,
  oldest-expiring first;
* the daily sweep writes an ``expire`` entry (with its allocation) for what is left of every
  lot that expired the day before — also today, so no expired lot is left unswept;
* a few sales are refunded right away: a ``reversal`` entry allocated to the sale's own lot,
  a refund row and a chained audit record;
* a few visits are check-ins (rule v1 gives no points for them).

So for every member ``SUM(points)`` equals lots remaining minus debt (there is no debt) and the
balance the model computes equals the raw sum.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.models.clock import add_months, local_day, utc_now
from desktop.models.jsonutil import canonical_json, sha256_hex

FORMAT = 2  # bump when the generated data changes, so cached files are rebuilt
SEED = 20261122
SPAN_DAYS = 540
EVENT_DAYS = 90  # devices keep acknowledged events this long
OWNER_PIN = "246810"
SHOP_TZ = "Asia/Shanghai"
UTC_OFFSET = dt.timedelta(hours=8)  # Asia/Shanghai, no daylight saving time
EPOCH = dt.datetime(1970, 1, 1)

P_CHECKIN = 0.05
P_REDEEM = 0.12
P_REFUND = 0.005
WALK_IN_SHARE = 0.10  # non-member sales per member visit
P_FIRST_VISIT_ON_ENROL = 0.7

# Rule version 1 (the defaults of desktop.models.shop.Rule).
FEN_PER_POINT = 100
SILVER_PCT, GOLD_PCT = 120, 150
SILVER_FEN, GOLD_FEN = 200_000, 1_000_000
EXPIRY_MONTHS = 12
MAX_AMOUNT_FEN = 130_000  # keeps every earn under the owner-PIN limit (2,000 points)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤欧阳"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞宇浩然子涵欣怡梓轩晨雨思佳"
    "嘉琪俊博雪梅海燕志国春晓东亮琳婷颖倩慧瑶诗琴云峰宁斌凯鑫磊瑞雅婉清泽楠昊天乐安宏伟家豪"
)
PHONE_PREFIXES = (
    "130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 166 176 177 178 180 "
    "181 182 183 185 186 187 188 189 199"
).split()

BULK_TABLES = (
    "member",
    "member_consent",
    "sale",
    "refund",
    "checkin",
    "points_entry",
    "points_allocation",
    "event",
    "audit_log",
)

INSERTS = {
    "member": "INSERT INTO member (id, home_shop_id, name, initials, pinyin, phone, phone_last4,"
    " birthday, enrolled_at, enrolled_day, enrolled_by, marketing_consent, sharing_consent,"
    " card_serial, card_issued_on, card_expires_on, note, erased_at)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,NULL,?,?,1,?,?,'',NULL)",
    "member_consent": "INSERT INTO member_consent (member_id, kind, granted, at, notice_version,"
    " staff_id) VALUES (?,?,?,?,'2026-01',NULL)",
    "sale": "INSERT INTO sale (id, uid, member_id, amount_fen, discount_fen, paid_fen, staff_id,"
    " created_at, local_day) VALUES (?,?,?,?,?,?,NULL,?,?)",
    "refund": "INSERT INTO refund (sale_id, created_at, staff_id, reason) VALUES (?,?,?,'')",
    "checkin": "INSERT INTO checkin (id, member_id, created_at, local_day, rewarded, staff_id)"
    " VALUES (?,?,?,?,1,NULL)",
    "points_entry": "INSERT INTO points_entry (id, member_id, kind, points, created_at,"
    " local_day, expires_on, sale_id, checkin_id, reverses_id, rule_version, staff_id, note)"
    " VALUES (?,?,?,?,?,?,?,?,NULL,?,?,?,?)",
    "points_allocation": "INSERT INTO points_allocation (entry_id, lot_id, points) VALUES (?,?,?)",
    "event": "INSERT INTO event (id, device_id, device_seq, kind, created_at, payload,"
    " content_hash, acked_at) VALUES (?,?,?,?,?,?,?,?)",
    "audit_log": "INSERT INTO audit_log (at, staff_id, action, details, prev_hash, hash)"
    " VALUES (?,?,?,?,?,?)",
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def shop_today() -> dt.date:
    return local_day(utc_now(), SHOP_TZ)


def _ts(at: dt.datetime) -> str:
    """How SQLAlchemy stores a naive DateTime in SQLite."""
    return at.isoformat(" ", "microseconds")


def _uuid7(ms: int, rng: random.Random) -> str:
    """An RFC 9562 UUIDv7 (as desktop.models.ids.uuid7), from a seeded generator."""
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62)
    h = f"{value | rng.getrandbits(62):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _epoch_ms(at: dt.datetime) -> int:
    return (at - EPOCH) // dt.timedelta(milliseconds=1)


@dataclass
class NameTable:
    """Pinyin keys of single characters, computed once (per-character, as the model does)."""

    surnames: list[tuple[str, str, str]]
    given: list[tuple[str, str, str]]

    @classmethod
    def load(cls) -> NameTable:
        from desktop.models.names import name_keys

        def keys(chars: str) -> list[tuple[str, str, str]]:
            out = []
            for ch in dict.fromkeys(chars):
                k = name_keys(ch)
                out.append((ch, k.initials, k.pinyin))
            return out

        return cls(keys(SURNAMES), keys(GIVEN))

    def make(self, rng: random.Random) -> tuple[str, str, str]:
        s = self.surnames[int(len(self.surnames) * rng.random() ** 2)]
        parts = [s] + [rng.choice(self.given) for _ in range(1 if rng.random() < 0.3 else 2)]
        return (
            "".join(p[0] for p in parts),
            "".join(p[1] for p in parts),
            "".join(p[2] for p in parts),
        )


def phone_for(index: int) -> str:
    """Unique per index below 10**8 (7919 is coprime with 10**8)."""
    return PHONE_PREFIXES[index % len(PHONE_PREFIXES)] + f"{(index * 7919 + 1234567) % 10**8:08d}"


@dataclass
class Sink:
    """Collects rows and writes them in big batches (or only counts, for a dry run)."""

    conn: sqlite3.Connection | None
    rows: dict[str, list[tuple[Any, ...]]] = field(
        default_factory=lambda: {t: [] for t in BULK_TABLES}
    )
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BULK_TABLES, 0))

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        self.counts[table] += 1
        if self.conn is not None:
            buf = self.rows[table]
            buf.append(row)
            if len(buf) >= 100_000:
                self.conn.executemany(INSERTS[table], buf)
                buf.clear()

    def flush(self) -> None:
        if self.conn is None:
            return
        for table, buf in self.rows.items():
            if buf:
                self.conn.executemany(INSERTS[table], buf)
                buf.clear()


@dataclass
class Setup:
    shop_id: int
    device_id: str
    owner_id: int
    audit_hash: str


def simulate(
    sink: Sink,
    *,
    members: int,
    visit_rate: float,
    today: dt.date,
    setup: Setup,
    names: NameTable,
    seed: int = SEED,
    progress: bool = False,
) -> int:
    """Write the whole history into ``sink``; return the next ``device_seq``."""
    rng = random.Random(seed)
    start = today.toordinal() - SPAN_DAYS
    end = today.toordinal() - 1  # last day with visits
    event_from = today.toordinal() - EVENT_DAYS
    owner = setup.owner_id
    device = setup.device_id
    audit_hash = setup.audit_hash

    # Who enrols when, and on which days each member comes back.
    ids: list[int] = []
    seen: set[int] = set()
    enrol_by_day: list[list[int]] = [[] for _ in range(SPAN_DAYS)]
    visits_by_day: list[list[int]] = [[] for _ in range(SPAN_DAYS)]
    for mi in range(members):
        while True:
            mid = rng.getrandbits(63)
            if mid >= 1 << 32 and mid not in seen:
                break
        seen.add(mid)
        ids.append(mid)
        # More members joined early on; each comes back at their own rate.
        e = start + int(SPAN_DAYS * rng.random() ** 1.5)
        enrol_by_day[e - start].append(mi)
        avail = end - e + 1
        k = min(avail, int(rng.expovariate(1.0) * visit_rate * avail + rng.random()))
        if k <= 0:
            continue
        days: list[int] = []
        if rng.random() < P_FIRST_VISIT_ON_ENROL:
            days.append(e)
            k -= 1
        if k > 0:
            rest = range(e + 1, end + 1) if days else range(e, end + 1)
            days.extend(rng.sample(rest, min(k, len(rest))))
        for d in days:
            visits_by_day[d - start].append(mi)
    del seen

    lots: list[list[list[int]]] = [[] for _ in range(members)]  # [entry id, expiry, remaining]
    spend_hist: list[list[tuple[int, int]]] = [[] for _ in range(members)]  # (day, fen)
    expiry_bucket: dict[int, list[tuple[int, list[int]]]] = {}
    exp_of_day: dict[int, tuple[int, str]] = {}
    entry_id = sale_id = checkin_id = 0
    seq = 1

    def expiry(d: int) -> tuple[int, str]:
        got = exp_of_day.get(d)
        if got is None:
            day = add_months(dt.date.fromordinal(d), EXPIRY_MONTHS)
            got = exp_of_day[d] = (day.toordinal(), day.isoformat())
        return got

    def event(kind: str, payload: dict[str, Any], at: dt.datetime, d: int) -> None:
        """Dates in ``payload`` are given as ISO text, as canonical JSON would write them."""
        nonlocal seq
        if d >= event_from:
            text = canonical_json(payload)
            body = f'{{"kind":"{kind}","payload":{text}}}'  # == canonical_json of the pair
            sink.add(
                "event",
                (
                    _uuid7(_epoch_ms(at), rng),
                    device,
                    seq,
                    kind,
                    _ts(at),
                    text,
                    sha256_hex(body),
                    _ts(at + dt.timedelta(minutes=5)),
                ),
            )
        seq += 1

    def audit(action: str, details: dict[str, Any], at: dt.datetime) -> None:
        nonlocal audit_hash
        text = canonical_json(details)
        digest = sha256_hex(
            canonical_json(
                {"prev": audit_hash, "at": at, "staff": owner, "action": action, "details": text}
            )
        )
        sink.add("audit_log", (_ts(at), owner, action, text, audit_hash, digest))
        audit_hash = digest

    t0 = time.perf_counter()
    for d in range(start, today.toordinal() + 1):
        day = dt.date.fromordinal(d)
        day_text = day.isoformat()
        midnight_utc = dt.datetime(day.year, day.month, day.day) - UTC_OFFSET

        # The daily sweep: what is left in lots that expired yesterday is written off.
        swept = 0
        at = midnight_utc + dt.timedelta(minutes=5)
        at_text = _ts(at)
        for mi, lot in expiry_bucket.pop(d - 1, ()):
            if lot[2] <= 0:
                continue
            entry_id += 1
            sink.add(
                "points_entry",
                (
                    entry_id,
                    ids[mi],
                    "expire",
                    -lot[2],
                    at_text,
                    day_text,
                    None,
                    None,
                    None,
                    None,
                    None,
                    "",
                ),
            )
            sink.add("points_allocation", (entry_id, lot[0], lot[2]))
            lot[2] = 0
            lots[mi].remove(lot)
            swept += 1
        if swept:
            event("points.expired", {"day": day_text, "lots": swept}, at, d)
        if d > end:
            break

        # Enrolments (09:00-10:00), member visits and walk-ins (10:00-21:00), in time order.
        actions: list[tuple[int, int, int]] = []  # (second of the day, kind, member index)
        for mi in enrol_by_day[d - start]:
            actions.append((9 * 3600 + rng.randrange(3600), 0, mi))
        for mi in visits_by_day[d - start]:
            actions.append((10 * 3600 + rng.randrange(11 * 3600), 1, mi))
        for _ in range(int(len(visits_by_day[d - start]) * WALK_IN_SHARE + rng.random())):
            actions.append((10 * 3600 + rng.randrange(11 * 3600), 2, -1))
        actions.sort()
        since = d - 364
        for second, kind, mi in actions:
            at = midnight_utc + dt.timedelta(seconds=second, microseconds=rng.randrange(10**6))
            at_text = _ts(at)
            if kind == 0:
                name, initials, pinyin = names.make(rng)
                phone = phone_for(mi)
                birthday = (
                    dt.date.fromordinal(rng.randrange(712_000, 733_000)).isoformat()
                    if rng.random() < 0.7
                    else None
                )
                marketing = rng.random() < 0.3
                sharing = rng.random() < 0.2
                mid = ids[mi]
                sink.add(
                    "member",
                    (
                        mid,
                        setup.shop_id,
                        name,
                        initials,
                        pinyin,
                        phone,
                        phone[-4:],
                        birthday,
                        at_text,
                        day_text,
                        marketing,
                        sharing,
                        day_text,
                        add_months(day, 36).isoformat(),
                    ),
                )
                for consent, granted in (
                    ("membership", True),
                    ("marketing", marketing),
                    ("sharing", sharing),
                ):
                    sink.add("member_consent", (mid, consent, granted, at_text))
                event(
                    "member.enrolled",
                    {
                        "member_id": mid,
                        "enrolled_day": day_text,
                        "marketing": marketing,
                        "sharing": sharing,
                    },
                    at,
                    d,
                )
                continue
            if kind == 2:
                amount = min(MAX_AMOUNT_FEN, max(100, int(rng.lognormvariate(8.3, 0.7))))
                sale_id += 1
                uid = _uuid7(_epoch_ms(at), rng)
                sink.add("sale", (sale_id, uid, None, amount, 0, amount, at_text, day_text))
                event(
                    "sale.recorded",
                    {
                        "sale": uid,
                        "member_id": None,
                        "amount_fen": amount,
                        "discount_fen": 0,
                        "points_earned": 0,
                        "points_redeemed": 0,
                        "rule_version": 1,
                        "day": day_text,
                    },
                    at,
                    d,
                )
                continue
            mid = ids[mi]
            if rng.random() < P_CHECKIN:
                checkin_id += 1
                sink.add("checkin", (checkin_id, mid, at_text, day_text))
                event(
                    "checkin.recorded",
                    {"member_id": mid, "day": day_text, "rewarded": True, "points": 0},
                    at,
                    d,
                )
                continue
            amount = min(MAX_AMOUNT_FEN, max(100, int(rng.lognormvariate(8.7, 0.8))))
            hist = spend_hist[mi]
            while hist and hist[0][0] < since:
                hist.pop(0)
            spent = sum(fen for _, fen in hist)
            pct = GOLD_PCT if spent >= GOLD_FEN else SILVER_PCT if spent >= SILVER_FEN else 100
            member_lots = lots[mi]
            redeem = 0
            if member_lots and rng.random() < P_REDEEM:
                most = min(sum(lot[2] for lot in member_lots), amount)
                if most >= 100:
                    redeem = rng.randint(1, most // 100) * 100
            earned = (amount - redeem) * pct // (FEN_PER_POINT * 100)
            sale_id += 1
            uid = _uuid7(_epoch_ms(at), rng)
            sink.add(
                "sale", (sale_id, uid, mid, amount, redeem, amount - redeem, at_text, day_text)
            )
            if redeem:
                entry_id += 1
                sink.add(
                    "points_entry",
                    (
                        entry_id,
                        mid,
                        "redeem",
                        -redeem,
                        at_text,
                        day_text,
                        None,
                        sale_id,
                        None,
                        1,
                        None,
                        "",
                    ),
                )
                left = redeem
                while left:
                    lot = member_lots[0]
                    take = min(left, lot[2])
                    sink.add("points_allocation", (entry_id, lot[0], take))
                    lot[2] -= take
                    left -= take
                    if lot[2] == 0:
                        member_lots.pop(0)
            lot_id = 0
            if earned > 0:
                entry_id += 1
                lot_id = entry_id
                exp_ord, exp_text = expiry(d)
                sink.add(
                    "points_entry",
                    (
                        entry_id,
                        mid,
                        "earn",
                        earned,
                        at_text,
                        day_text,
                        exp_text,
                        sale_id,
                        None,
                        1,
                        None,
                        "",
                    ),
                )
                lot = [entry_id, exp_ord, earned]
                member_lots.append(lot)
                expiry_bucket.setdefault(exp_ord, []).append((mi, lot))
            event(
                "sale.recorded",
                {
                    "sale": uid,
                    "member_id": mid,
                    "amount_fen": amount,
                    "discount_fen": redeem,
                    "points_earned": earned,
                    "points_redeemed": redeem,
                    "rule_version": 1,
                    "day": day_text,
                },
                at,
                d,
            )
            if lot_id and not redeem and rng.random() < P_REFUND:
                at = at + dt.timedelta(seconds=90)
                at_text = _ts(at)
                sink.add("refund", (sale_id, at_text, owner))
                entry_id += 1
                sink.add(
                    "points_entry",
                    (
                        entry_id,
                        mid,
                        "reversal",
                        -earned,
                        at_text,
                        day_text,
                        None,
                        sale_id,
                        lot_id,
                        None,
                        owner,
                        f"refund of sale {uid}",
                    ),
                )
                sink.add("points_allocation", (entry_id, lot_id, earned))
                lot = member_lots.pop()
                lot[2] = 0
                audit(
                    "sale.refunded",
                    {
                        "sale": uid,
                        "amount_fen": amount,
                        "points_taken_back": earned,
                        "points_returned": 0,
                        "reason": "",
                    },
                    at,
                )
                event(
                    "sale.refunded",
                    {
                        "sale": uid,
                        "member_id": mid,
                        "points_taken_back": earned,
                        "points_returned": 0,
                    },
                    at,
                    d,
                )
            else:
                hist.append((d, amount))
        if progress and (d - start) % 30 == 0:
            log(
                f"  day {d - start + 1}/{SPAN_DAYS}: {sink.counts['points_entry']:,} entries,"
                f" {sink.counts['sale']:,} sales, {time.perf_counter() - t0:.0f} s"
            )
    return seq


def calibrate(members: int, entries: int, today: dt.date, names: NameTable) -> float:
    """A member's mean visits per day that give about ``entries`` ledger entries (dry pilot
    runs on a smaller shop)."""
    target = entries / members
    pilot = min(members, 20_000)
    setup = Setup(1, "pilot", 1, "0" * 64)
    rate = target / 1.3 / (SPAN_DAYS * 0.6)
    for _ in range(3):
        sink = Sink(None)
        simulate(
            sink,
            members=pilot,
            visit_rate=rate,
            today=today,
            setup=setup,
            names=names,
            seed=SEED + 1,
        )
        got = sink.counts["points_entry"] / pilot
        if got <= 0:
            break
        rate *= target / got
    return rate


def build(path: Path, *, members: int, entries: int) -> dict[str, Any]:
    """Create ``path`` (which must not exist) and return what was built."""
    from desktop.models.db import open_database
    from desktop.models.service import Desk

    t_start = time.perf_counter()
    today = shop_today()
    first_day = dt.date.fromordinal(today.toordinal() - SPAN_DAYS)
    set_up_at = dt.datetime(first_day.year, first_day.month, first_day.day, 8) - UTC_OFFSET
    log(f"building {path}: {members:,} members, about {entries:,} ledger entries")
    db = open_database(path)
    Desk(db, clock=lambda: set_up_at).set_up(
        shop_name="商盟咖啡 (bench)", owner_name="王老板", owner_pin=OWNER_PIN
    )
    db.close()

    names = NameTable.load()
    rate = calibrate(members, entries, today, names)
    log(f"  a member visits every {1 / rate:.0f} days on average")

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    conn.execute("PRAGMA temp_store = MEMORY")
    setup = Setup(
        shop_id=conn.execute("SELECT id FROM shop").fetchone()[0],
        device_id=conn.execute("SELECT id FROM device").fetchone()[0],
        owner_id=conn.execute("SELECT id FROM staff WHERE role = 'owner'").fetchone()[0],
        audit_hash=conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[
            0
        ],
    )
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({','.join('?' * len(BULK_TABLES))})",
        BULK_TABLES,
    ).fetchall()
    conn.execute("BEGIN")
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    sink = Sink(conn)
    next_seq = simulate(
        sink, members=members, visit_rate=rate, today=today, setup=setup, names=names, progress=True
    )
    sink.flush()
    conn.execute("UPDATE device SET next_seq = ?", (next_seq,))
    conn.execute("COMMIT")
    t_load = time.perf_counter()
    log(f"  rows in {t_load - t_start:.0f} s; rebuilding {len(indexes)} indexes")
    conn.execute("BEGIN")
    for _, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    log(f"  indexes in {time.perf_counter() - t_load:.0f} s")
    counts = dict(sink.counts)
    info = {
        "format": FORMAT,
        "members": members,
        "entries_requested": entries,
        "entries": counts["points_entry"],
        "counts": counts,
        "today": today.isoformat(),
        "build_s": round(time.perf_counter() - t_start, 1),
    }
    verify(path, samples=200)
    info["db_mb"] = round(path.stat().st_size / 2**20, 1)
    log(f"  built in {info['build_s']} s, {info['db_mb']} MB")
    return info


def random_member(conn: sqlite3.Connection, rng: random.Random) -> int:
    """A uniformly placed pick among the random 63-bit member ids (an index seek, not a scan)."""
    row = conn.execute(
        "SELECT id FROM member WHERE id >= ? AND erased_at IS NULL ORDER BY id LIMIT 1",
        (rng.randrange(1 << 63),),
    ).fetchone()
    if row is None:
        row = conn.execute("SELECT min(id) FROM member WHERE erased_at IS NULL").fetchone()
    return int(row[0])


def verify(path: Path, *, samples: int) -> None:
    """The model's balance equals the raw sum and the ledger identity holds (a sample)."""
    from desktop.models.db import open_database
    from desktop.models.service import Desk

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rng = random.Random(SEED + 2)
    picks = [random_member(conn, rng) for _ in range(samples)]
    db = open_database(path, quick_check=False)
    desk = Desk(db)
    bad = []
    for mid in picks:
        raw = conn.execute(
            "SELECT coalesce(sum(points), 0) FROM points_entry WHERE member_id = ?", (mid,)
        ).fetchone()[0]
        lots = conn.execute(
            "SELECT coalesce(sum(e.points - coalesce((SELECT sum(a.points) FROM"
            " points_allocation a WHERE a.lot_id = e.id), 0)), 0) FROM points_entry e"
            " WHERE e.member_id = ? AND e.points > 0 AND e.expires_on IS NOT NULL",
            (mid,),
        ).fetchone()[0]
        debt = conn.execute(
            "SELECT coalesce(sum(-e.points - coalesce((SELECT sum(a.points) FROM"
            " points_allocation a WHERE a.entry_id = e.id), 0)), 0) FROM points_entry e"
            " WHERE e.member_id = ? AND e.points < 0",
            (mid,),
        ).fetchone()[0]
        card = desk.member_card(mid).balance
        if not raw == card == lots - debt:
            bad.append((mid, raw, card, lots - debt))
    chain = desk.verify_audit()
    conn.close()
    db.close()
    tidy = sqlite3.connect(path)  # the last connection out removes the -wal and -shm files
    tidy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tidy.close()
    if bad or not chain.ok:
        raise SystemExit(f"built database is inconsistent: {bad[:5]} audit={chain}")
    log(f"  verified {samples} members: model balance = raw sum = lots - debt; audit chain ok")


def load_info(path: Path) -> dict[str, Any] | None:
    sidecar = path.with_suffix(".json")
    if not path.exists() or not sidecar.exists():
        return None
    try:
        info: dict[str, Any] = json.loads(sidecar.read_text())
    except ValueError:
        return None
    return info


def save_info(path: Path, info: dict[str, Any]) -> None:
    path.with_suffix(".json").write_text(json.dumps(info, indent=1))


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.with_suffix(".json").unlink(missing_ok=True)
