"""The server ledger: double entry, overspend and repayment, reversals, coupons, merges."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import insert, select, update

from alliance import ledger, operator
from alliance.campaigns import service as campaigns
from alliance.tables import Event, LedgerEntry, Posting
from tests.alliance.support import AllianceHelper, Device, new_sale

AMOUNT_OFF = {
    "name": "周末满减",
    "kind": "amount_off",
    "value_fen": 500,
    "valid_days": 30,
    "scope": "alliance",
}


def _balance(device: Device, member_id: int) -> int:
    snapshot = device.member(member_id)
    assert snapshot is not None
    return int(snapshot["balance"])


def _postings(alliance: AllianceHelper, key: str) -> dict[str, int]:
    with alliance.server.db.read() as session:
        entry = ledger.find_entry(session, alliance.id, key)
        assert entry is not None, key
        rows = session.execute(select(Posting).where(Posting.entry_id == entry.id)).scalars()
        return {p.account: p.amount for p in rows}


def test_earn_and_redeem_post_double_entry(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    member = a.enrol_member()
    earn_sale, redeem_sale = new_sale(), new_sale()
    assert a.sale(member, earn=100, sale=earn_sale)["outcome"] == "applied"
    assert b.sale(member, redeem=40, sale=redeem_sale)["outcome"] == "applied"
    assert _postings(alliance, f"sale:{earn_sale}:earn") == {
        f"shop:{a.shop_id}:issued": -100,
        f"member:{member}": 100,
    }
    assert _postings(alliance, f"sale:{redeem_sale}:redeem") == {
        f"member:{member}": -40,
        f"shop:{b.shop_id}:honored": 40,
    }
    assert _balance(a, member) == 60
    assert _balance(b, member) == 60
    assert alliance.check() == []


def test_offline_overspend_goes_negative_and_earns_repay_it(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    member = a.enrol_member()
    a.sale(member, earn=200)
    # B's counter was offline with a stale snapshot and let the member redeem 300.
    result = b.sale(member, redeem=300)
    assert result["outcome"] == "applied_with_conflict"
    (conflict,) = result["conflicts"]
    assert conflict["kind"] == "overspend"
    assert conflict["settlement"] == "member_debt"
    assert conflict["balance_after"] == -100
    assert conflict["amount"] == 100
    snapshot = b.member(member)
    assert snapshot is not None
    assert snapshot["balance"] == -100
    assert snapshot["debt"] == 100
    # A second redemption while in debt is again a conflict (the counter should have refused).
    assert b.sale(member, redeem=10)["outcome"] == "applied_with_conflict"
    assert a.sale(member, earn=150)["outcome"] == "applied"
    snapshot = a.member(member)
    assert snapshot is not None
    assert snapshot["balance"] == 40
    assert snapshot["debt"] == 0
    assert alliance.check() == []


def test_a_reversal_synced_before_its_original_counts_once(alliance: AllianceHelper) -> None:
    shop = alliance.device("A")
    other_counter = alliance.device(shop_id=shop.shop_id)
    member = shop.enrol_member()
    sale = new_sale()
    refund = {"sale": sale, "member_id": member, "points_taken_back": 50, "points_returned": 0}
    assert other_counter.push_one("sale.refunded", refund)["outcome"] == "applied"
    assert _balance(shop, member) == -50
    assert shop.sale(member, earn=50, sale=sale)["outcome"] == "applied"
    assert _balance(shop, member) == 0
    # A second refund of the same sale (another event id) is refused.
    again = shop.push_one("sale.refunded", refund)
    assert again["outcome"] == "rejected"
    assert again["reason"] == "already_refunded"
    with alliance.server.db.read() as session:
        reversals = (
            session.execute(
                select(LedgerEntry).where(
                    LedgerEntry.alliance_id == alliance.id,
                    LedgerEntry.reverses_key == f"sale:{sale}:earn",
                )
            )
            .scalars()
            .all()
        )
    assert len(reversals) == 1
    assert _balance(shop, member) == 0
    assert alliance.check() == []


def test_a_refund_reverses_earn_and_redeem_once(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    device.sale(member, earn=80)
    sale = new_sale()
    device.sale(member, earn=20, redeem=30, sale=sale)
    assert _balance(device, member) == 70
    refund = {"sale": sale, "member_id": member, "points_taken_back": 20, "points_returned": 30}
    assert device.push_one("sale.refunded", refund)["outcome"] == "applied"
    assert _balance(device, member) == 80
    too_much = {"sale": new_sale(), "member_id": member, "points_taken_back": 5}
    device.sale(member, earn=3, sale=too_much["sale"])
    result = device.push_one("sale.refunded", too_much)
    assert result["outcome"] == "rejected"
    assert result["reason"] == "reversal_exceeds_original"
    assert alliance.check() == []


def _campaign(alliance: AllianceHelper, spec: dict[str, Any] | None = None) -> int:
    with alliance.server.db.write() as session:
        return campaigns.create_campaign(
            session, alliance_id=alliance.id, spec_json=spec or AMOUNT_OFF
        )


def _coupon(alliance: AllianceHelper, campaign_id: int) -> int:
    with alliance.server.db.write() as session:
        (coupon,) = campaigns.issue_coupons(session, campaign_id=campaign_id, count=1)
    return int(coupon["id"])


def test_an_alliance_coupon_redeemed_in_two_shops_is_honoured_once(
    alliance: AllianceHelper,
) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    campaign = _campaign(alliance)
    for device in (a, b):
        assert device.post(f"/v1/campaigns/{campaign}/opt-in").status_code == 200
    coupon = _coupon(alliance, campaign)
    payload: dict[str, Any] = {
        "coupon_id": coupon,
        "discount_fen": 500,
        "day": dt.date.today().isoformat(),
    }
    first = a.push_one("coupon.redeemed", {**payload, "sale": new_sale()})
    second = b.push_one("coupon.redeemed", {**payload, "sale": new_sale()})
    assert first["outcome"] == "applied"
    assert second["outcome"] == "applied_with_conflict"
    (conflict,) = second["conflicts"]
    assert conflict["kind"] == "coupon_already_redeemed"
    assert conflict["settlement"] == "alliance"
    assert conflict["honoured_at_shop"] == a.shop_id
    b.sync_down()
    state = b.state[f"coupon:{coupon}"]
    assert state["state"] == "redeemed"
    assert state["redeemed_shop_id"] == a.shop_id
    with alliance.server.db.read() as session:
        result = campaigns.results(session, campaign_id=campaign)
    parts = {p["shop"]: p for p in result["shops"]}
    assert parts[a.shop_id]["redeemed"] == 1
    assert parts[b.shop_id]["conflicts"] == 1
    assert alliance.check() == []


def test_a_refund_gives_an_alliance_coupon_back(alliance: AllianceHelper) -> None:
    a = alliance.device("A")
    campaign = _campaign(alliance)
    a.post(f"/v1/campaigns/{campaign}/opt-in")
    coupon = _coupon(alliance, campaign)
    sale = new_sale()
    a.push_one("coupon.redeemed", {"coupon_id": coupon, "sale": sale, "discount_fen": 500})
    assert (
        a.push_one("coupon.restored", {"coupon_id": coupon, "sale": sale})["outcome"] == "applied"
    )
    a.sync_down()
    assert a.state[f"coupon:{coupon}"]["state"] == "issued"
    voided = a.push_one("coupon.voided", {"coupons": [coupon], "reason": "x"})
    assert voided["outcome"] == "rejected"
    assert voided["reason"] == "server_owned"
    assert alliance.check() == []


def test_duplicate_enrolments_of_one_phone_merge(alliance: AllianceHelper) -> None:
    a, b = alliance.device("A"), alliance.device("B")
    phone = "ab" * 32
    first = a.enrol_member(phone_hash=phone)
    a.sale(first, earn=10)
    second_id = b.enrol_member(phone_hash=phone, opening_points=25)
    alias = b.member(second_id)
    assert alias is not None
    assert alias["merged_into"] == first
    assert _balance(b, first) == 35
    assert alias["balance"] == 0
    b.sale(second_id, earn=5)  # points for the alias land on the merged member
    assert _balance(a, first) == 40
    assert alliance.check() == []


def test_expiry_moves_points_to_breakage(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    device.sale(member, earn=70)
    result = device.push_one(
        "points.expired", {"day": "2026-01-01", "lots": 1, "members": [[member, 30]]}
    )
    assert result["outcome"] == "applied"
    assert _balance(device, member) == 40
    with alliance.server.db.read() as session:
        assert ledger.account_sum(session, alliance.id, ledger.BREAKAGE) == 30
    assert alliance.check() == []


def test_an_event_rejected_half_way_leaves_no_trace(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    device.sale(member, earn=50)
    twice = {"day": "2026-01-01", "lots": 2, "members": [[member, 10], [member, 10]]}
    result = device.push_one("points.expired", twice)
    assert result["outcome"] == "rejected"
    assert result["reason"] == "duplicate_entry"
    assert device.sale(member, earn=1)["outcome"] == "applied"
    assert _balance(device, member) == 51
    with alliance.server.db.read() as session:
        assert ledger.account_sum(session, alliance.id, ledger.BREAKAGE) == 0
    assert alliance.check() == []


def test_check_finds_a_posting_without_its_entry_and_an_event_without_its_device(
    alliance: AllianceHelper,
) -> None:
    """No foreign key guards these rows (a push writes them by the thousand): the check does."""
    device = alliance.device()
    device.enrol_member()
    with alliance.server.db.write() as session:
        assert operator.check(session, alliance_id=alliance.id) == []
        trial = session.begin_nested()
        session.execute(
            insert(Posting).values(
                alliance_id=alliance.id, entry_id=10**12, account="member:1", amount=0
            )
        )
        session.execute(update(Event).where(Event.device_id == device.id).values(device_id="x"))
        found = {p["check"] for p in operator.check(session, alliance_id=alliance.id)}
        trial.rollback()
    assert {"posting_without_entry", "event_without_device"} <= found
