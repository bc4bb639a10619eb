"""The owner reads what a campaign did beside its coupon, and sets what a printed coupon costs."""

from __future__ import annotations

import pytest

from desktop.models.service import Desk
from desktop.views.campaign_details import CampaignDetails
from desktop.views.campaigns_view import CampaignsView
from desktop.views.session_state import SessionState
from desktop.views.settings_costs import CouponCostSection
from tests.views.conftest import make_campaign


@pytest.fixture
def view(qtbot, shop_desk: Desk) -> CampaignsView:
    screen = CampaignsView(shop_desk, SessionState())
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    return screen


def choose(view: CampaignsView, name: str) -> CampaignDetails:
    view.reload()
    rows = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    view.table.selectRow(rows.index(name))
    return view.details


def test_a_flyer_campaign_shows_redemption_and_the_cost_of_each_new_member(
    view: CampaignsView, shop_desk: Desk, shop_owner
) -> None:
    shop_desk.set_setting("coupon_print_cost_fen", 50, by=shop_owner)
    flyer = make_campaign(shop_desk, shop_owner, name="街头传单", value_fen=1_000)
    _batch, coupons = shop_desk.issue_bearer_batch(flyer, count=10, by=shop_owner)
    newcomer = shop_desk.enrol_member(
        name="新客", phone="13912345678", by=None, membership_consent=True
    )
    shop_desk.record_sale(amount_fen=3_000, member_id=newcomer, by=None, coupon_id=coupons[0].id)

    details = choose(view, "街头传单")

    assert details.results_label.isVisible()
    text = details.results_label.text()
    assert "Issued 10 · used 1 · redemption rate 10.0%" in text
    assert "¥30.00 in 1 sales" in text
    # 10 printed × ¥0.50 + ¥10 taken off = ¥15 for the one member it brought in.
    assert "New members through its printed coupons: 1, each cost ¥15.00" in text
    assert "nobody was held out" in text


def test_a_small_holdout_says_it_is_too_early_to_tell(
    view: CampaignsView, shop_desk: Desk, shop_owner, fans: list[int]
) -> None:
    campaign = make_campaign(shop_desk, shop_owner, name="老客回馈", holdout_pct=50)
    from desktop.models.coupons import SegmentFilter

    shop_desk.issue_to_segment(campaign, SegmentFilter(), by=shop_owner)

    text = choose(view, "老客回馈").results_label.text()

    assert "too few members so far to tell" in text
    assert "Set the cost of a printed coupon" not in text  # no printed coupons here


def test_a_points_multiplier_has_no_coupon_results(
    view: CampaignsView, shop_desk: Desk, shop_owner
) -> None:
    import datetime as dt

    make_campaign(
        shop_desk,
        shop_owner,
        name="双倍积分",
        kind="points_multiplier",
        value_fen=0,
        valid_days=None,
        valid_from=dt.date(2026, 3, 1),
        valid_to=dt.date(2026, 3, 8),
        multiplier_tenths=20,
    )

    assert not choose(view, "双倍积分").results_label.isVisible()


def test_the_owner_saves_the_cost_of_a_printed_coupon(qtbot, shop_desk: Desk, shop_owner) -> None:
    section = CouponCostSection(shop_desk, owner=lambda: shop_owner)
    qtbot.addWidget(section)
    section.reload()
    assert section.cost_spin.value() == 0

    section.cost_spin.setValue(0.35)
    section.save_button.click()

    assert shop_desk.setting("coupon_print_cost_fen") == 35
    assert section.status.text() == "Saved."
    assert shop_desk.recent_audit(limit=1)[0].action == "setting.changed"


def test_without_the_owner_nothing_is_saved(qtbot, shop_desk: Desk) -> None:
    section = CouponCostSection(shop_desk, owner=lambda: None)
    qtbot.addWidget(section)
    section.cost_spin.setValue(1.0)
    section.save_button.click()
    assert shop_desk.setting("coupon_print_cost_fen") is None
