"""A full batch of 200 is applied with the same outcomes, balances and snapshots whether it
goes through set-based or has to be applied one event at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tests.alliance.support import AllianceHelper, Device, new_member_id, new_sale

DAY = dt.date.today().isoformat()


def _enrol(device: Device, member: int) -> dict[str, Any]:
    payload = {"member_id": member, "enrolled_day": DAY, "marketing": False, "sharing": True}
    return device.event("member.enrolled", payload)


def _sale(device: Device, member: int, *, earn: int = 0, redeem: int = 0, sale: str = "") -> Any:
    payload = {
        "sale": sale or new_sale(),
        "member_id": member,
        "amount_fen": 10_000,
        "discount_fen": redeem,
        "points_earned": earn,
        "points_redeemed": redeem,
        "day": DAY,
    }
    return device.event("sale.recorded", payload)


def _full_batch(
    device: Device, members: list[int], extra: Callable[[], list[dict[str, Any]]]
) -> Any:
    """Enrolments, then ``extra()``, then earns of 1 point up to 200 events."""
    batch = [_enrol(device, m) for m in members]
    batch += extra()
    while len(batch) < 200:
        batch.append(_sale(device, members[len(batch) % len(members)], earn=1))
    body = device.push(batch)
    assert body["acked_seq"] == device.next_seq - 1
    return batch, body


def test_a_clean_batch_applies_every_event_and_publishes_each_member_once(
    alliance: AllianceHelper,
) -> None:
    device = alliance.device()
    members = [new_member_id() for _ in range(20)]
    batch, body = _full_batch(device, members, lambda: [_sale(device, members[0], redeem=500)])
    overspend = batch[len(members)]
    outcomes = [r["outcome"] for r in body["results"]]
    assert outcomes.count("applied_with_conflict") == 1
    assert outcomes.count("applied") == 199
    conflict = body["results"][batch.index(overspend)]["conflicts"][0]
    assert (conflict["kind"], conflict["amount"]) == ("overspend", 500)
    earns = {m: 0 for m in members}
    for i in range(len(members) + 1, 200):
        earns[members[i % len(members)]] += 1
    earns[members[0]] -= 500
    device.sync_down()
    for m in members:
        assert device.state[f"member:{m}"]["balance"] == earns[m]
    pulled = device.pull_page(0, 1000)["changes"]
    keys = [c["key"] for c in pulled if c["kind"] == "member"]
    assert sorted(keys) == sorted(f"member:{m}" for m in members)  # one snapshot each
    assert alliance.check() == []


def test_a_batch_with_facts_the_server_must_decide_one_by_one_gets_the_same_results(
    alliance: AllianceHelper,
) -> None:
    device = alliance.device()
    members = [new_member_id() for _ in range(10)]
    known = new_sale()
    device.push([_enrol(device, members[0]), _sale(device, members[0], earn=7, sale=known)])
    early = new_sale()
    refund = {"sale": early, "member_id": members[1], "points_taken_back": 4}
    batch, body = _full_batch(
        device,
        members[1:],
        lambda: [
            _sale(device, members[0], earn=9, sale=known),  # already on the server
            device.event("sale.refunded", refund),  # its sale comes later in this batch
            _sale(device, members[1], earn=4, sale=early),
            device.event("points.adjusted", {"member_id": members[2], "points": 0}),
        ],
    )
    extra = batch[len(members) - 1 : len(members) + 3]
    by_id = {r["id"]: r for r in body["results"]}
    assert (by_id[extra[0]["id"]]["outcome"], by_id[extra[0]["id"]]["reason"]) == (
        "rejected",
        "duplicate_sale",
    )
    assert by_id[extra[1]["id"]]["outcome"] == "applied"
    assert by_id[extra[2]["id"]]["outcome"] == "applied"
    assert by_id[extra[3]["id"]]["reason"] == "adjustment_invalid"
    assert sum(1 for r in body["results"] if r["outcome"] == "applied") == 198
    device.sync_down()
    assert device.state[f"member:{members[0]}"]["balance"] == 7  # the repeat counted nothing
    tail = batch[len(members) - 1 + len(extra) :]
    ones = sum(1 for e in tail if e["payload"]["member_id"] == members[1])
    assert device.state[f"member:{members[1]}"]["balance"] == ones  # earn 4, taken back 4
    assert alliance.check() == []


def test_a_sale_the_server_already_holds_is_refused_and_the_rest_of_its_batch_applies(
    alliance: AllianceHelper,
) -> None:
    """The batch does not look sale uids up: the unique key refuses the repeat, and the batch
    is applied again one by one with that one event rejected."""
    device = alliance.device()
    members = [new_member_id() for _ in range(5)]
    known = new_sale()
    device.push([_enrol(device, members[0]), _sale(device, members[0], earn=7, sale=known)])
    batch, body = _full_batch(
        device, members[1:], lambda: [_sale(device, members[0], earn=9, sale=known)]
    )
    repeat = body["results"][len(members) - 1]
    assert (repeat["outcome"], repeat["reason"]) == ("rejected", "duplicate_sale")
    assert [r["outcome"] for r in body["results"]].count("applied") == 199
    device.sync_down()
    assert device.state[f"member:{members[0]}"]["balance"] == 7
    for m in members[1:]:
        ones = sum(1 for e in batch[len(members) :] if e["payload"]["member_id"] == m)
        assert device.state[f"member:{m}"]["balance"] == ones
    assert alliance.check() == []
