"""After a real sync, the conflicts screen's data: what the alliance settled differently, with
the amounts, the member, the coupon and the sale, newest first, and read or not."""

from __future__ import annotations

from collections.abc import Callable

from desktop.models.clock import utc_now
from desktop.sync.campaigns import membership
from desktop.sync.conflicts import list_conflicts, mark_seen, unseen_count
from tests.alliance.support import AllianceHelper, Server
from tests.sync.alliance_support import conflicts_at_tea, points_sale_elsewhere, street
from tests.sync.support import Shop


def test_a_coupon_used_twice_and_an_overspend_are_listed_with_their_figures(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    s = street(server, alliance, new_shop)
    facts = conflicts_at_tea(s)

    page = list_conflicts(s.tea.db)

    assert page.total == 2
    assert page.unseen == 2
    assert not page.has_more
    by_reason = {c.reason: c for c in page.items}
    assert set(by_reason) == {"coupon_already_redeemed", "overspend"}
    twice = by_reason["coupon_already_redeemed"]
    assert twice.outcome == "applied_with_conflict"
    assert twice.coupon_id == s.coupons[0]
    assert twice.amount_fen == 800
    assert twice.settlement == "alliance"
    assert not twice.shop_bears
    bakery = membership(s.bakery.db)
    assert bakery is not None
    assert twice.other_shop_id == bakery.shop_id
    assert not twice.honoured_here
    assert twice.sale_id == facts["tea_sale"]
    assert twice.sale_amount_fen == 8_800
    assert twice.happened_at is not None
    assert twice.happened_at <= twice.found_at

    over = by_reason["overspend"]
    assert over.member_id == facts["member"]
    assert over.member_name == "Zhang San"
    assert over.points == facts["spent_at_tea"]
    assert over.balance_before == facts["earned"] - 50
    assert over.owed_points == facts["spent_at_tea"] - (facts["earned"] - 50)
    assert over.balance_after == over.balance_before - over.points
    assert over.settlement == "member_debt"
    assert over.amount_fen == 0

    # The bakery's own sync found nothing: it was first both times.
    assert list_conflicts(s.bakery.db).total == 0


def test_a_refusal_is_listed_and_reading_them_clears_the_new_mark(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    s = street(server, alliance, new_shop)
    private = s.tea.desk.enrol_member(
        name="Li Si", phone="13900139000", by=None, membership_consent=True, sharing_consent=False
    )
    s.tea.desk.record_sale(amount_fen=10_000, member_id=private, by=None)
    assert s.tea.sync()["ok"]
    points_sale_elsewhere(s.bakery, private, redeem=30, amount_fen=5_000)
    points_sale_elsewhere(s.bakery, private, redeem=20, amount_fen=2_000)
    assert s.bakery.sync()["conflicts"] == 2

    first = list_conflicts(s.bakery.db, limit=1)
    assert (first.total, first.unseen, first.has_more, len(first.items)) == (2, 2, True, 1)
    refused = first.items[0]
    assert refused.reason == "member_not_shared"
    assert refused.outcome == "rejected"
    assert refused.member_id == private
    assert refused.member_name is None  # not the bakery's own member
    second = list_conflicts(s.bakery.db, offset=1, limit=1)
    assert not second.has_more
    assert second.items[0].id < refused.id  # newest first

    assert mark_seen(s.bakery.db, now=utc_now(), ids=[refused.id]) == 1
    assert unseen_count(s.bakery.db) == 1
    assert mark_seen(s.bakery.db, now=utc_now()) == 1
    assert unseen_count(s.bakery.db) == 0
    assert all(c.seen for c in list_conflicts(s.bakery.db).items)
    assert mark_seen(s.bakery.db, now=utc_now()) == 0
