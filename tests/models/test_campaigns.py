"""Campaigns: the spec a shop owner fills in, who may change campaigns, the Campaigns screen's
numbers, and points-multiplier periods at the counter."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from desktop.models.campaign_spec import CampaignSpec
from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from tests.models.conftest import FakeClock
from tests.models.coupon_support import fan, spec

BASE = {"name": "十元券", "kind": "amount_off", "value_fen": 1000, "valid_days": 30}


def problems_of(data: dict[str, Any]) -> list[dict[str, str]]:
    with pytest.raises(DomainError) as err:
        CampaignSpec.from_json(data)
    assert err.value.code == "campaign_spec_invalid"
    problems: list[dict[str, str]] = err.value.params["problems"]
    return problems


# -- the spec ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field", "reason"),
    [
        ({"colour": "red"}, "colour", "unknown"),
        ({"value_fen": -100}, "value_fen", "negative"),
        ({"kind": "percent_off", "percent": 120}, "percent", "above_100"),
        ({"kind": "percent_off", "percent": 0}, "percent", "required"),
        ({"kind": "percent_off", "percent": 10, "cap_fen": -1}, "cap_fen", "negative"),
        ({"value_fen": 0}, "value_fen", "required"),
        ({"kind": "spend_save", "value_fen": 2000}, "min_spend_fen", "required"),
        (
            {"kind": "spend_save", "value_fen": 20_000, "min_spend_fen": 10_000},
            "value_fen",
            "too_large",
        ),
        ({"kind": "gift", "value_fen": 0}, "gift", "required"),
        ({"quota": 0}, "quota", "zero"),
        ({"quota": -5}, "quota", "negative"),
        ({"per_member_limit": 0}, "per_member_limit", "zero"),
        ({"holdout_pct": 51}, "holdout_pct", "out_of_range"),
        ({"holdout_pct": -1}, "holdout_pct", "negative"),
        ({"valid_days": 0}, "valid_days", "zero"),
        ({"valid_days": None}, "valid_days", "neither"),
        ({"valid_from": "2026-03-01", "valid_to": "2026-03-31"}, "valid_days", "both"),
        (
            {"valid_days": None, "valid_from": "2026-03-31", "valid_to": "2026-03-01"},
            "valid_to",
            "before_valid_from",
        ),
        ({"valid_days": None, "valid_from": "2026-03-01"}, "valid_to", "required"),
        (
            {"valid_days": None, "valid_from": "soon", "valid_to": "2026-03-31"},
            "valid_from",
            "invalid",
        ),
        ({"scope": "world"}, "scope", "invalid"),
        ({"trigger": "winback"}, "trigger_days", "required"),
        ({"trigger": "nth_visit"}, "trigger_visits", "required"),
        ({"trigger": "spend_over"}, "trigger_spend_fen", "required"),
        ({"trigger": "full_moon"}, "trigger", "invalid"),
        ({"name": "   "}, "name", "required"),
        ({"kind": "cashback"}, "kind", "invalid"),
        ({"value_fen": "10"}, "value_fen", "invalid"),
        ({"value_fen": True}, "value_fen", "invalid"),
    ],
)
def test_a_bad_field_is_named_with_its_reason(
    changes: dict[str, Any], field: str, reason: str
) -> None:
    assert {"field": field, "reason": reason} in problems_of({**BASE, **changes})


def test_every_problem_is_reported_at_once() -> None:
    found = problems_of(
        {**BASE, "kind": "percent_off", "percent": 150, "quota": 0, "holdout_pct": 80, "x": 1}
    )
    assert {(p["field"], p["reason"]) for p in found} >= {
        ("percent", "above_100"),
        ("quota", "zero"),
        ("holdout_pct", "out_of_range"),
        ("x", "unknown"),
    }


def test_missing_name_and_kind_are_required() -> None:
    found = problems_of({"value_fen": 1000, "valid_days": 3})
    assert {"field": "name", "reason": "required"} in found
    assert {"field": "kind", "reason": "required"} in found


def test_multiplier_period_needs_fixed_dates_and_a_multiplier_above_one() -> None:
    found = problems_of({"name": "双倍积分", "kind": "points_multiplier", "multiplier": 1})
    assert {"field": "multiplier_tenths", "reason": "out_of_range"} in found
    assert {"field": "valid_from", "reason": "required"} in found
    found = problems_of(
        {"name": "双倍积分", "kind": "points_multiplier", "multiplier": 2, "valid_days": 7}
    )
    assert {"field": "valid_days", "reason": "not_for_kind"} in found


def test_spec_survives_a_json_round_trip_with_the_multiplier_as_a_number() -> None:
    period = CampaignSpec.from_json(
        {
            "name": "周末1.5倍积分",
            "kind": "points_multiplier",
            "multiplier": 1.5,
            "valid_from": "2026-03-07",
            "valid_to": "2026-03-08",
        }
    )
    assert period.multiplier_tenths == 15
    data = period.to_json()
    assert data["multiplier"] == 1.5
    assert "multiplier_tenths" not in data
    assert CampaignSpec.from_json(json.loads(json.dumps(data))) == period
    double = CampaignSpec.from_json({**data, "multiplier": 2})
    assert double.to_json()["multiplier"] == 2


def test_a_form_may_pass_dates_and_tenths_directly() -> None:
    parsed = CampaignSpec.from_json(
        {
            "name": "三月满减",
            "kind": "spend_save",
            "value_fen": 2000,
            "min_spend_fen": 10_000,
            "multiplier_tenths": 10,
            "valid_from": dt.date(2026, 3, 1),
            "valid_to": dt.date(2026, 3, 31),
            "valid_days": None,
            "quota": None,
            "trigger": None,
        }
    )
    assert parsed.valid_to == dt.date(2026, 3, 31)


def test_a_spec_built_in_code_is_validated_when_saved(desk: Desk, owner: Actor) -> None:
    with pytest.raises(DomainError) as err:
        desk.create_campaign(spec(percent=101, kind="percent_off"), by=owner)
    assert err.value.code == "campaign_spec_invalid"
    assert {"field": "percent", "reason": "above_100"} in err.value.params["problems"]


# -- owner only, audited, evented ------------------------------------------------------------


def test_staff_cannot_create_or_change_campaigns(desk: Desk, owner: Actor) -> None:
    clerk = desk.add_staff(name="小李", pin="1357", role="staff", by=owner)
    with pytest.raises(DomainError, match="owner_required"):
        desk.create_campaign(spec(), by=clerk)
    cid = desk.create_campaign(spec(), by=owner)
    with pytest.raises(DomainError, match="owner_required"):
        desk.set_campaign_state(cid, "paused", by=clerk)
    with pytest.raises(DomainError, match="owner_required"):
        desk.update_campaign(cid, spec(value_fen=5000), by=clerk)
    assert desk.campaign(cid).state == "active"
    assert desk.campaign(cid).spec.value_fen == 1000


def test_campaign_changes_are_audited_and_the_chain_holds(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    desk.update_campaign(cid, spec(value_fen=1500), by=owner)
    desk.set_campaign_state(cid, "paused", by=owner)
    actions = [a.action for a in desk.recent_audit(limit=3)]
    assert actions == ["campaign.state_changed", "campaign.updated", "campaign.created"]
    assert desk.verify_audit().ok
    with desk.db.read() as s:
        kinds = [
            k
            for (k,) in s.connection().exec_driver_sql(
                "SELECT kind FROM event WHERE kind LIKE 'campaign.%' ORDER BY device_seq"
            )
        ]
    assert kinds == ["campaign.created", "campaign.updated", "campaign.state_changed"]


def test_an_ended_campaign_cannot_be_revived_or_edited(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    desk.set_campaign_state(cid, "ended", by=owner)
    with pytest.raises(DomainError, match="campaign_ended"):
        desk.set_campaign_state(cid, "active", by=owner)
    with pytest.raises(DomainError, match="campaign_ended"):
        desk.update_campaign(cid, spec(), by=owner)
    with pytest.raises(DomainError, match="campaign_state_invalid"):
        desk.set_campaign_state(desk.create_campaign(spec(), by=owner), "sleeping", by=owner)


def test_editing_a_campaign_leaves_coupons_already_issued_alone(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(value_fen=1000, terms="每桌限用一张"), by=owner)
    coupon = desk.issue_coupon(cid, member_id=fan(desk), by=owner)
    desk.update_campaign(cid, spec(value_fen=3000, terms="新条款"), by=owner)
    (again,) = desk.coupons_by_id([coupon.id])
    assert (again.value_fen, again.terms) == (1000, "每桌限用一张")
    newer = desk.issue_coupon(cid, member_id=fan(desk, "13700000002"), by=owner)
    assert newer.value_fen == 3000


# -- the Campaigns screen -------------------------------------------------------------------


def test_summary_counts_issued_redeemed_voided_and_the_rate(desk: Desk, owner: Actor) -> None:
    cid = desk.create_campaign(spec(), by=owner)
    batch_id, coupons = desk.issue_bearer_batch(cid, count=5, by=owner)
    desk.record_sale(amount_fen=5000, member_id=None, by=None, coupon_id=coupons[0].id)
    desk.void_coupon(coupons[1].id, by=owner, reason="撕坏了")
    other = desk.create_campaign(spec(name="未发放"), by=owner)
    rows = {row.id: row for row in desk.campaign_summaries()}
    row = rows[cid]
    assert (row.issued, row.redeemed, row.voided, row.held_out) == (5, 1, 1, 0)
    assert row.redemption_rate == pytest.approx(1 / 4)  # voided ones do not count
    assert rows[other].issued == 0
    assert rows[other].redemption_rate is None


def test_ended_campaigns_can_be_left_out_of_the_list(desk: Desk, owner: Actor) -> None:
    live = desk.create_campaign(spec(name="进行中"), by=owner)
    done = desk.create_campaign(spec(name="已结束"), by=owner)
    desk.set_campaign_state(done, "ended", by=owner)
    assert {r.id for r in desk.campaign_summaries()} == {live, done}
    assert [r.id for r in desk.campaign_summaries(include_ended=False)] == [live]


# -- points multiplier periods ----------------------------------------------------------------


def multiplier(tenths: int, start: dt.date, end: dt.date, name: str = "双倍积分") -> CampaignSpec:
    return CampaignSpec(
        name=name,
        kind="points_multiplier",
        multiplier_tenths=tenths,
        valid_from=start,
        valid_to=end,
    )


def test_the_highest_running_multiplier_applies_and_is_stored_with_the_sale(
    desk: Desk, owner: Actor, member_id: int
) -> None:
    today = desk.today()
    desk.create_campaign(multiplier(15, today, today, "1.5倍"), by=owner)
    double = desk.create_campaign(multiplier(20, today, today, "2倍"), by=owner)
    sale = desk.record_sale(amount_fen=10_000, member_id=member_id, by=None)
    assert sale.points_earned == 200  # ¥100 → 100 points × 2
    assert sale.multiplier_tenths == 20
    with desk.db.read() as s:
        stored = s.connection().exec_driver_sql(
            "SELECT multiplier_campaign_id, multiplier_tenths FROM sale WHERE id = ?",
            (sale.sale_id,),
        )
        assert stored.one() == (double, 20)


def test_multiplier_outside_its_dates_or_paused_gives_base_points(
    desk: Desk, owner: Actor, member_id: int, clock: FakeClock
) -> None:
    tomorrow = desk.today() + dt.timedelta(days=1)
    later = desk.create_campaign(multiplier(30, tomorrow, tomorrow), by=owner)
    assert desk.record_sale(amount_fen=10_000, member_id=member_id, by=None).points_earned == 100
    clock.advance(days=1)
    assert desk.record_sale(amount_fen=10_000, member_id=member_id, by=None).points_earned == 300
    desk.set_campaign_state(later, "paused", by=owner)
    assert desk.record_sale(amount_fen=10_000, member_id=member_id, by=None).points_earned == 100


def test_multiplier_stacks_with_the_tier_and_counts_only_what_was_paid(
    desk: Desk, owner: Actor, member_id: int
) -> None:
    today = desk.today()
    desk.create_campaign(multiplier(20, today, today), by=owner)
    desk.record_sale(amount_fen=250_000, member_id=member_id, by=None, owner=owner)  # → silver
    sale = desk.record_sale(amount_fen=10_000, member_id=member_id, by=None, redeem_points=5000)
    # ¥100 − ¥50 points discount = ¥50 paid → 50 × 1.2 (silver) × 2 = 120
    assert sale.paid_fen == 5000
    assert sale.points_earned == 120


def test_a_multiplier_period_is_not_issued_as_coupons(
    desk: Desk, owner: Actor, member_id: int
) -> None:
    today = desk.today()
    cid = desk.create_campaign(multiplier(20, today, today), by=owner)
    with pytest.raises(DomainError, match="campaign_not_issuable"):
        desk.issue_coupon(cid, member_id=member_id, by=owner)
    with pytest.raises(DomainError, match="campaign_not_issuable"):
        desk.issue_bearer_batch(cid, count=3, by=owner)
