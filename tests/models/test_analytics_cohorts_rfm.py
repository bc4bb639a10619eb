"""Cohort retention and RFM scores against hand-computed numbers (DESIGN §10)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.analytics_helpers import local, rebuild_from_scratch, rollup_snapshot
from tests.models.conftest import FakeClock

MON = dt.date(2026, 3, 2)  # 2026-W10


def enrol(desk: Desk, n: int) -> int:
    return desk.enrol_member(
        name=f"会员{n}", phone=f"1390000{n:04d}", by=None, membership_consent=True
    )


def test_cohort_retention_is_the_share_with_a_visit_k_weeks_later(
    desk: Desk, clock: FakeClock
) -> None:
    local(clock, MON)
    a, b = enrol(desk, 1), enrol(desk, 2)  # W10 cohort: 2 members
    desk.check_in(member_id=a, by=None)  # W10: only A visits
    local(clock, MON + dt.timedelta(days=8))
    c = enrol(desk, 3)  # W11 cohort: 1 member, no visit in W11
    desk.record_sale(amount_fen=500, member_id=a, by=None)
    desk.check_in(member_id=b, by=None)
    local(clock, MON + dt.timedelta(days=15))
    desk.check_in(member_id=b, by=None)
    desk.check_in(member_id=c, by=None)
    table = desk.cohorts(MON, MON + dt.timedelta(days=20))
    w10, w11, w12 = table.cohorts
    assert (w10.week, w10.members, w10.active) == ("2026-W10", 2, (1, 2, 1))
    assert w10.retention == (0.5, 1.0, 0.5)
    assert (w11.members, w11.active, w11.retention) == (1, (0, 1), (0.0, 1.0))
    assert (w12.members, w12.retention) == (0, (None,))
    assert table.max_weeks == 3


@pytest.fixture
def buyers(desk: Desk, owner: Actor, clock: FakeClock) -> tuple[dt.date, dict[str, int]]:
    """Five buyers with distinct histories over the year to ``as_of``:

    ======  ==========================  =======  =========  ==========
    member  purchase days before as_of  recency  frequency  monetary
    ======  ==========================  =======  =========  ==========
    m1      0                           0        1          1 000
    m2      10, 5 (and a refunded 1)    5        2          4 000
    m3      100, 50, 20                 20       3          9 000
    m4      300 (and 365: outside)      300      1          500
    m5      200, 150, 100, 60           60       4          20 000
    ======  ==========================  =======  =========  ==========
    """
    as_of = dt.date(2027, 3, 1)
    local(clock, as_of - dt.timedelta(days=400))
    ids = {f"m{i}": enrol(desk, i) for i in range(1, 6)}
    plan = [
        (365, "m4", 700),
        (300, "m4", 500),
        (200, "m5", 5000),
        (150, "m5", 5000),
        (100, "m3", 3000),
        (100, "m5", 5000),
        (60, "m5", 5000),
        (50, "m3", 3000),
        (20, "m3", 3000),
        (10, "m2", 2000),
        (5, "m2", 2000),
        (1, "m2", 9900),
        (0, "m1", 1000),
    ]
    for days_before, who, fen in plan:
        local(clock, as_of - dt.timedelta(days=days_before), 11)
        sale = desk.record_sale(amount_fen=fen, member_id=ids[who], by=None)
        if days_before == 1:
            desk.refund_sale(sale_id=sale.sale_id, by=owner)
    local(clock, as_of + dt.timedelta(days=1), 9)
    return as_of, ids


def test_rfm_scores_are_quintiles_of_position_with_ties_sharing_the_lower(
    desk: Desk, buyers: tuple[dt.date, dict[str, int]]
) -> None:
    from desktop.models.analytics import member_scores

    as_of, ids = buyers
    with desk.db.read() as s:
        scores = {sc.member_id: sc for sc in member_scores(s, as_of, list(ids.values()))}
    got = {
        name: (
            scores[mid].recency_days,
            scores[mid].frequency,
            scores[mid].monetary_fen,
            scores[mid].r,
            scores[mid].f,
            scores[mid].m,
            scores[mid].segment,
        )
        for name, mid in ids.items()
    }
    assert got == {
        "m1": (0, 1, 1000, 5, 1, 2, "new"),
        "m2": (5, 2, 4000, 4, 3, 3, "potential"),
        "m3": (20, 3, 9000, 3, 4, 4, "loyal"),
        "m4": (300, 1, 500, 1, 1, 1, "hibernating"),
        "m5": (60, 4, 20000, 2, 5, 5, "at_risk"),
    }


def test_rfm_summary_counts_segments_and_sales_share(
    desk: Desk, buyers: tuple[dt.date, dict[str, int]]
) -> None:
    as_of, _ = buyers
    summary = desk.rfm_segments()  # the stored daily summary: as of yesterday
    assert summary.as_of == as_of
    assert (summary.members, summary.monetary_fen) == (5, 34500)
    by_name = {row.segment: row for row in summary.segments}
    assert by_name["at_risk"].members == 1
    assert by_name["at_risk"].sales_share == pytest.approx(20000 / 34500)
    assert by_name["champions"].members == 0
    assert sum(row.members for row in summary.segments) == 5
    assert desk.rfm_segments(as_of=as_of) == summary


def test_segment_members_lists_the_ids_to_send_coupons_to(
    desk: Desk, buyers: tuple[dt.date, dict[str, int]]
) -> None:
    as_of, ids = buyers
    chosen = desk.segment_members("at_risk")
    assert (chosen.segment, chosen.as_of, chosen.member_ids) == ("at_risk", as_of, (ids["m5"],))
    with pytest.raises(ValueError, match="unknown RFM segment"):
        desk.segment_members("whales")


def test_stored_rfm_summary_is_renewed_when_an_older_sale_is_refunded(
    desk: Desk, owner: Actor, buyers: tuple[dt.date, dict[str, int]]
) -> None:
    _, ids = buyers
    assert desk.rfm_segments().members == 5
    last = desk.recent_sales(member_id=ids["m1"], limit=1)[0]
    desk.refund_sale(sale_id=last.id, by=owner)
    assert desk.rfm_segments().members == 4


def test_random_history_incremental_rollups_equal_a_rebuild(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    rng = random.Random(5)
    local(clock, MON)
    people = [enrol(desk, i) for i in range(12)]
    sales: list[int] = []
    for d in range(70):
        local(clock, MON + dt.timedelta(days=d), 9)
        if rng.random() < 0.2:
            people.append(enrol(desk, 100 + d))
        for _ in range(rng.randrange(4)):
            local(clock, MON + dt.timedelta(days=d), rng.randrange(9, 24), rng.randrange(60))
            who = rng.choice(people)
            if rng.random() < 0.3:
                desk.check_in(member_id=who, by=None)
            else:
                sales.append(
                    desk.record_sale(
                        amount_fen=rng.randrange(100, 9000), member_id=who, by=None
                    ).sale_id
                )
        if sales and rng.random() < 0.1:
            desk.refund_sale(sale_id=sales.pop(rng.randrange(len(sales))), by=owner)
        if d % rng.randrange(1, 9) == 0:
            desk.refresh_analytics(rfm=False)
    desk.refresh_analytics(rfm=False)
    incremental = rollup_snapshot(desk)
    assert incremental["repeat_delta"]
    assert incremental["daily_cohort"]
    rebuild_from_scratch(desk)
    assert rollup_snapshot(desk) == incremental
