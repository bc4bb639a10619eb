"""Issuing to a segment: filters, consent, holdout, limits, quota, progress and cancel, speed."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models.coupons import SegmentFilter
from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import FakeClock
from tests.models.coupon_support import bulk_members, fan, spec


def coupons_of(desk: Desk, campaign_id: int) -> dict[int, int]:
    """member id → how many coupons of the campaign they hold."""
    with desk.db.read() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT member_id, count(*) FROM coupon WHERE campaign_id = ? GROUP BY member_id",
            (campaign_id,),
        )
        return {int(m): int(n) for m, n in rows.all()}


def test_preview_counts_exactly_what_the_issue_then_does(desk: Desk, owner: Actor) -> None:
    members = bulk_members(desk, 400, consent_every=4)  # 100 agreed to marketing
    cid = desk.create_campaign(spec(holdout_pct=20), by=owner)
    preview = desk.preview_segment(cid, SegmentFilter())
    assert (preview.matched, preview.no_consent, preview.at_limit) == (400, 300, 0)
    assert preview.held_out == 20  # exactly the share asked for
    assert preview.will_receive == 100 - preview.held_out
    result = desk.issue_to_segment(cid, SegmentFilter(), by=owner)
    assert (result.issued, result.held_out) == (preview.will_receive, preview.held_out)
    assert result.skipped == 300
    got = coupons_of(desk, cid)
    consenting = set(members[::4])
    assert set(got) <= consenting  # never a member without marketing consent
    assert len(got) == preview.will_receive
    summary = {r.id: r for r in desk.campaign_summaries()}[cid]
    assert (summary.issued, summary.held_out) == (preview.will_receive, preview.held_out)


def test_holdout_is_the_same_members_every_time(desk: Desk, owner: Actor) -> None:
    bulk_members(desk, 300)
    cid = desk.create_campaign(spec(holdout_pct=30, per_member_limit=3), by=owner)
    desk.issue_to_segment(cid, SegmentFilter(), by=owner)
    first = set(coupons_of(desk, cid))
    again = desk.issue_to_segment(cid, SegmentFilter(), by=owner)
    assert set(coupons_of(desk, cid)) == first  # the held-out never get one on a re-run
    assert again.held_out == 300 - len(first)
    other = desk.create_campaign(spec(name="另一个", holdout_pct=30), by=owner)
    desk.issue_to_segment(other, SegmentFilter(), by=owner)
    assert set(coupons_of(desk, other)) != first  # assignment depends on the campaign


def test_rerunning_an_issue_does_not_give_a_second_coupon(desk: Desk, owner: Actor) -> None:
    bulk_members(desk, 50)
    cid = desk.create_campaign(spec(), by=owner)
    assert desk.issue_to_segment(cid, SegmentFilter(), by=owner).issued == 50
    second = desk.issue_to_segment(cid, SegmentFilter(), by=owner)
    assert (second.issued, second.skipped) == (0, 50)
    assert desk.preview_segment(cid, SegmentFilter()).at_limit == 50
    assert set(coupons_of(desk, cid).values()) == {1}


def test_the_quota_caps_a_segment_issue(desk: Desk, owner: Actor) -> None:
    bulk_members(desk, 60)
    cid = desk.create_campaign(spec(quota=25), by=owner)
    assert desk.preview_segment(cid, SegmentFilter()).will_receive == 25
    result = desk.issue_to_segment(cid, SegmentFilter(), by=owner)
    assert (result.issued, result.skipped) == (25, 35)
    with pytest.raises(DomainError, match="quota_reached"):
        desk.issue_to_segment(cid, SegmentFilter(), by=owner)


def test_progress_reports_and_cancel_keeps_what_was_issued(desk: Desk, owner: Actor) -> None:
    bulk_members(desk, 5000)
    cid = desk.create_campaign(spec(), by=owner)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2  # cancel after the second chunk

    result = desk.issue_to_segment(cid, SegmentFilter(), by=owner, progress=progress)
    assert calls == [(2000, 5000), (4000, 5000)]
    assert result.issued == 4000
    assert sum(coupons_of(desk, cid).values()) == 4000
    assert desk.issue_to_segment(cid, SegmentFilter(), by=owner).issued == 1000  # the rest


def test_segment_issue_is_owner_only(desk: Desk, owner: Actor) -> None:
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    cid = desk.create_campaign(spec(), by=owner)
    with pytest.raises(DomainError, match="owner_required"):
        desk.issue_to_segment(cid, SegmentFilter(), by=clerk)


def test_filters_select_by_tier_spend_visits_birthday_and_enrolment(
    desk: Desk, owner: Actor, clock: FakeClock
) -> None:
    old_timer = fan(desk, "13700000001", birthday=dt.date(1990, 5, 20))
    big = fan(desk, "13700000002", birthday=dt.date(1985, 3, 1))
    desk.record_sale(amount_fen=300_000, member_id=big, by=None, owner=owner)  # silver
    clock.advance(days=40)
    fresh = fan(desk, "13700000003")
    desk.check_in(member_id=fresh, by=None)
    cid = desk.create_campaign(spec(), by=owner)

    def matched(**f: object) -> int:
        return desk.preview_segment(cid, SegmentFilter(**f)).matched  # type: ignore[arg-type]

    assert matched() == 3
    assert matched(tiers=frozenset({1})) == 1
    assert matched(tiers=frozenset({0})) == 2
    assert matched(spend_min_fen=1, spend_max_fen=300_000) == 1
    assert matched(spend_max_fen=0) == 2
    assert matched(no_visit_days=30) == 2  # the big spender 40 days ago, and one who never came
    assert matched(no_visit_days=50) == 1
    assert matched(birthday_month=5) == 1
    assert matched(enrolled_since=desk.today()) == 1
    assert matched(tiers=frozenset({0}), no_visit_days=30) == 1
    with pytest.raises(DomainError, match="segment_invalid"):
        matched(birthday_month=13)
    assert old_timer  # enrolled on day one, never visited


def test_the_spend_filter_leaves_out_refunded_sales(desk: Desk, owner: Actor) -> None:
    member = fan(desk)
    sale = desk.record_sale(amount_fen=300_000, member_id=member, by=None, owner=owner)
    cid = desk.create_campaign(spec(), by=owner)
    assert desk.preview_segment(cid, SegmentFilter(tiers=frozenset({1}))).matched == 1
    desk.refund_sale(sale_id=sale.sale_id, by=owner)
    assert desk.preview_segment(cid, SegmentFilter(tiers=frozenset({1}))).matched == 0


@pytest.mark.slow
def test_a_100k_member_segment_is_issued_whole_with_its_exact_holdout(
    desk: Desk, owner: Actor
) -> None:
    # How fast is measured in bench/coupons.py (issue_segment_100k_s), not here.
    bulk_members(desk, 100_000)
    cid = desk.create_campaign(spec(holdout_pct=10), by=owner)
    result = desk.issue_to_segment(cid, SegmentFilter(tiers=frozenset({0})), by=owner)
    assert (result.issued, result.held_out) == (90_000, 10_000)
    assert len(coupons_of(desk, cid)) == 90_000


# -- RFM segments (the dashboard's "issue coupons to this segment") -------------------------


@pytest.fixture
def year_of_buyers(desk: Desk, clock: FakeClock) -> dict[int, bool]:
    """Twenty members with a varied year of purchases (even ones agreed to marketing), the
    shop's clock the morning after the last day. Returns member id → marketing consent."""
    import random

    from tests.models.analytics_helpers import local

    start = clock.now.date()
    rng = random.Random(5)
    consent = {}
    for i in range(20):
        mid = fan(desk, f"1370000{i:04d}", name=f"会员{i}")
        if i % 2:
            desk.set_consent(member_id=mid, kind="marketing", granted=False, by=None)
        consent[mid] = i % 2 == 0
    plan = [
        (rng.randrange(0, 400), mid, rng.randrange(500, 30_000))
        for n, mid in enumerate(consent)
        for _ in range(1 + n % 7)
    ]
    for day, mid, fen in sorted(plan):
        local(clock, start + dt.timedelta(days=day), 11)
        desk.record_sale(amount_fen=fen, member_id=mid, by=None)
    local(clock, start + dt.timedelta(days=401), 9)
    return consent


def test_an_rfm_segment_previews_and_issues_to_its_consenting_members(
    desk: Desk, owner: Actor, year_of_buyers: dict[int, bool]
) -> None:
    from desktop.models.analytics import SEGMENTS
    from desktop.models.segments import SegmentFilter as RfmFilter

    counts = {row.segment: row.members for row in desk.rfm_segments().segments}
    cid = desk.create_campaign(spec(holdout_pct=20), by=owner)
    for name in SEGMENTS:
        in_segment = set(desk.segment_members(name).member_ids)
        preview = desk.preview_segment(cid, RfmFilter(rfm_segment=name))
        assert preview.matched == len(in_segment) == counts[name], name
        assert preview.no_consent == sum(not year_of_buyers[m] for m in in_segment), name
    name = max(counts, key=lambda k: counts[k])  # the biggest segment
    preview = desk.preview_segment(cid, RfmFilter(rfm_segment=name))
    assert preview.will_receive > 0
    result = desk.issue_to_segment(cid, RfmFilter(rfm_segment=name), by=owner)
    assert (result.issued, result.held_out) == (preview.will_receive, preview.held_out)
    got = set(coupons_of(desk, cid))
    assert got <= set(desk.segment_members(name).member_ids)
    assert all(year_of_buyers[m] for m in got)  # never a member without marketing consent


def test_an_rfm_segment_combines_with_the_other_filters(
    desk: Desk, owner: Actor, year_of_buyers: dict[int, bool]
) -> None:
    from desktop.models.segments import SegmentFilter as RfmFilter

    cid = desk.create_campaign(spec(), by=owner)
    everyone = desk.preview_segment(cid, RfmFilter()).matched
    assert everyone == desk.preview_segment(cid, SegmentFilter()).matched == 20
    lapsed = desk.preview_segment(cid, RfmFilter(rfm_segment="hibernating")).matched
    recent = desk.preview_segment(
        cid, RfmFilter(rfm_segment="hibernating", no_visit_days=30)
    ).matched
    assert recent <= lapsed
    with pytest.raises(DomainError, match="segment_invalid"):
        desk.preview_segment(cid, RfmFilter(rfm_segment="whales"))


def test_working_out_a_segment_never_holds_up_the_counter(
    desk: Desk, owner: Actor, year_of_buyers: dict[int, bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan (seconds for an RFM segment on a big shop) is made on a read snapshot: the
    write lock a sale needs is free meanwhile."""
    from desktop.models import segments
    from desktop.models.segments import SegmentFilter as RfmFilter

    lock_held: list[bool] = []
    plan = segments.plan_segment

    def watched(*args: object, **kwargs: object) -> segments.SegmentPlan:
        lock_held.append(desk.db._write_lock.locked())
        return plan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(segments, "plan_segment", watched)
    cid = desk.create_campaign(spec(), by=owner)
    desk.issue_to_segment(cid, RfmFilter(rfm_segment="champions"), by=owner)
    assert lock_held == [False]
