"""Push: exactly once, per device serialised, 409s, gaps, rejections, 503."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from alliance.sync import rules
from tests.alliance.support import AllianceHelper, Device, new_sale


def _balance(device: Device, member_id: int) -> int:
    snapshot = device.member(member_id)
    assert snapshot is not None
    return int(snapshot["balance"])


def test_events_are_applied_and_acknowledged(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    body = device.push([device.event("checkin.recorded", {"member_id": member, "points": 5})])
    assert body["acked_seq"] == 2
    assert body["expected_seq"] == 3
    assert body["gap"] is False
    (result,) = body["results"]
    assert result["outcome"] == "applied"
    assert result["device_seq"] == 2
    assert _balance(device, member) == 5


def test_a_retry_after_a_lost_response_has_one_effect(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    batch = [
        device.event(
            "sale.recorded", {"sale": new_sale(), "member_id": member, "points_earned": 30}
        )
    ]
    first = device.push(batch)
    # The response was lost: the device sends the very same batch again.
    again = device.push(batch)
    assert again["results"] == first["results"]
    assert again["acked_seq"] == first["acked_seq"]
    assert _balance(device, member) == 30


def test_two_pushers_at_once_apply_a_batch_once(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    batch = [
        device.event("checkin.recorded", {"member_id": member, "points": 1}) for _ in range(40)
    ]
    answers: list[dict[str, Any]] = []
    lock = threading.Lock()

    def run() -> None:
        body = device.push(batch)
        with lock:
            answers.append(body)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 3
    assert all(a["results"] == answers[0]["results"] for a in answers)
    assert _balance(device, member) == 40
    assert alliance.check() == []


def test_same_id_with_other_content_is_409(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    event = device.event("checkin.recorded", {"member_id": member, "points": 1})
    device.push([event])
    changed = {**event, "payload": {"member_id": member, "points": 2}, "content_hash": None}
    response = device.push_raw([changed])
    assert response.status_code == 409
    assert response.json()["error"] == "event_id_reused"
    assert response.json()["acked_seq"] == 2


def test_same_seq_with_another_id_is_409_and_applies_nothing(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    taken = device.event("checkin.recorded", {"member_id": member, "points": 1}, seq=1)
    fresh = device.event("checkin.recorded", {"member_id": member, "points": 1})
    response = device.push_raw([taken, fresh])
    assert response.status_code == 409
    assert response.json()["error"] == "device_seq_taken"
    # The good event after it was not applied either: the batch is refused whole.
    assert device.pull_page(0)["acked_seq"] == 1


def test_a_gap_stops_the_batch_and_names_the_expected_seq(alliance: AllianceHelper) -> None:
    device = alliance.device()
    member = device.enrol_member()
    ok = device.event("checkin.recorded", {"member_id": member, "points": 1})  # seq 2
    device.next_seq += 1  # seq 3 is lost on the device side
    after = device.event("checkin.recorded", {"member_id": member, "points": 1})  # seq 4
    body = device.push([ok, after])
    assert body["gap"] is True
    assert body["expected_seq"] == 3
    assert body["acked_seq"] == 2
    assert [r["device_seq"] for r in body["results"]] == [2]
    alone = device.push([after])
    assert alone["gap"] is True
    assert alone["results"] == []
    assert alone["expected_seq"] == 3


def test_a_batch_that_arrives_before_the_one_in_front_waits_for_it_with_wait_ms(
    alliance: AllianceHelper,
) -> None:
    """A device keeps two pushes in flight; should the second get there first, it asks the
    server to wait for the first (``wait_ms``) rather than answer with a gap."""
    device = alliance.device()
    member = device.enrol_member()
    first = [device.event("checkin.recorded", {"member_id": member, "points": 1})]  # seq 2
    second = [device.event("checkin.recorded", {"member_id": member, "points": 1})]  # seq 3
    assert device.push(second)["gap"] is True  # without wait_ms: the gap, at once
    answers: dict[str, Any] = {}
    waiting = threading.Thread(
        target=lambda: answers.update(second=device.push_raw(second, wait_ms=1000).json())
    )
    waiting.start()
    threading.Event().wait(0.2)  # the second is being held while the first travels
    assert device.push(first)["acked_seq"] == 2
    waiting.join(10)
    late = answers["second"]
    assert (late["gap"], late["acked_seq"]) == (False, 3)
    assert [r["outcome"] for r in late["results"]] == ["applied"]
    assert _balance(device, member) == 2
    # A real gap is still answered, once the wait is over.
    device.next_seq += 1
    lost = device.push_raw([device.event("checkin.recorded", {"member_id": member})], wait_ms=50)
    assert (lost.json()["gap"], lost.json()["expected_seq"]) == (True, 4)


def test_a_permanently_invalid_event_is_rejected_and_the_rest_move_on(
    alliance: AllianceHelper,
) -> None:
    device = alliance.device()
    member = device.enrol_member()
    batch = [
        device.event("checkin.recorded", {"member_id": member, "points": 2}),
        device.event("checkin.recorded", {"member_id": "not a number", "points": 2}),
        device.event("no.such_kind", {}),
        device.event("checkin.recorded", {"member_id": member, "points": 3}),
    ]
    body = device.push(batch)
    outcomes = [(r["outcome"], r["reason"]) for r in body["results"]]
    assert outcomes == [
        ("applied", None),
        ("rejected", "invalid_payload"),
        ("rejected", "unknown_kind"),
        ("applied", None),
    ]
    assert body["acked_seq"] == 5
    assert _balance(device, member) == 5


def test_shop_local_events_are_recorded(alliance: AllianceHelper) -> None:
    device = alliance.device()
    result = device.push_one("campaign.created", {"campaign_id": 1, "spec": {"name": "x"}})
    assert result["outcome"] == "applied"


def test_content_hash_must_match(alliance: AllianceHelper) -> None:
    device = alliance.device()
    event = device.event("checkin.recorded", {"member_id": 5, "points": 0})
    event["content_hash"] = "0" * 64
    response = device.push_raw([event])
    assert response.status_code == 400
    assert response.json()["error"] == "content_hash_mismatch"


def test_events_out_of_order_are_a_bad_request(alliance: AllianceHelper) -> None:
    device = alliance.device()
    a = device.event("checkin.recorded", {"member_id": 5, "points": 0})
    b = device.event("checkin.recorded", {"member_id": 5, "points": 0})
    assert device.push_raw([b, a]).status_code == 422


def test_a_database_failure_is_503_and_advances_nothing(
    alliance: AllianceHelper, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = alliance.device()
    member = device.enrol_member()

    def failing(_ctx: rules.Context, _payload: Any) -> None:
        raise OperationalError("SELECT 1", {}, Exception("connection lost"))

    first = device.event("checkin.recorded", {"member_id": member, "points": 4})
    second = device.event("card.reissued", {"member_id": member, "serial": 2})
    monkeypatch.setitem(rules.HANDLERS, "card.reissued", (rules.CardReissued, failing))
    response = device.push_raw([first, second])
    assert response.status_code == 503
    assert response.headers["Retry-After"]
    monkeypatch.undo()
    assert device.pull_page(0)["acked_seq"] == 1
    assert _balance(device, member) == 0
    body = device.push([first, second])
    assert [r["outcome"] for r in body["results"]] == ["applied", "applied"]
    assert _balance(device, member) == 4


def test_server_seq_of_an_event_marks_the_snapshots_that_include_it(
    alliance: AllianceHelper,
) -> None:
    device = alliance.device()
    member = device.enrol_member()
    result = device.push_one("checkin.recorded", {"member_id": member, "points": 7})
    changes = [c for c in device.pull_page(0)["changes"] if c["key"] == f"member:{member}"]
    (latest,) = changes
    assert latest["seq"] >= result["server_seq"]
    assert latest["data"]["balance"] == 7


def test_a_wait_beyond_a_second_is_refused_and_nothing_is_applied(
    alliance: AllianceHelper,
) -> None:
    device = alliance.device()
    member = device.enrol_member()
    event = device.event("checkin.recorded", {"member_id": member, "points": 1})
    refused = device.push_raw([event], wait_ms=5_000)
    assert refused.status_code == 422
    assert "wait_ms" in refused.text
    assert device.pull_page(0)["acked_seq"] == 1
    assert device.push([event])["acked_seq"] == 2  # the same event, asked properly
