"""Pull: commit-ordered pages, repeats, concurrent writers, audiences, epoch."""

from __future__ import annotations

import threading
from typing import Any

from alliance import operator
from tests.alliance.support import AllianceHelper, Device


def test_pages_follow_the_cursor_and_a_repeated_page_is_harmless(alliance: AllianceHelper) -> None:
    device = alliance.device()
    members = [device.enrol_member() for _ in range(7)]
    first = device.pull_page(0, limit=3)
    assert first["has_more"] is True
    assert len(first["changes"]) == 3
    seqs = [c["seq"] for c in first["changes"]]
    assert seqs == sorted(seqs)
    assert first["next_since"] == seqs[-1]
    # The device crashed before storing the cursor: it asks for the same page again.
    assert device.pull_page(0, limit=3) == first
    device.sync_down(limit=3)
    device.sync_down(limit=3)  # nothing new: an idle pull is one small request
    for member in members:
        assert f"member:{member}" in device.state
    assert {"alliance"} <= device.state.keys()
    assert device.state["alliance"]["policy"]["point_value_fen"] == 1
    keys = [k for k in device.state if k.startswith("key:")]
    assert len(keys) == 2  # the alliance key and this shop's certified key
    idle = device.pull_page(device.cursor)
    assert idle["changes"] == []
    assert idle["has_more"] is False


def test_concurrent_pushes_from_two_shops_never_make_a_puller_skip(
    alliance: AllianceHelper,
) -> None:
    a, b, c = alliance.device("A"), alliance.device("B"), alliance.device("C")
    members = {d.id: d.enrol_member() for d in (a, b)}
    stop = threading.Event()
    seen: list[int] = []

    def writer(device: Device) -> None:
        member = members[device.id]
        for _ in range(15):
            device.push(
                [
                    device.event("checkin.recorded", {"member_id": member, "points": 1})
                    for _ in range(3)
                ]
            )

    def puller() -> None:
        while not stop.is_set():
            page = c.pull_page(c.cursor, limit=2)
            for change in page["changes"]:
                seen.append(change["seq"])
                c.state[change["key"]] = change["data"]
            c.cursor = page["next_since"]

    threads = [threading.Thread(target=writer, args=(d,)) for d in (a, b)]
    reader = threading.Thread(target=puller)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    reader.join()
    c.sync_down()
    assert seen == sorted(seen)
    assert len(seen) == len(set(seen))
    for member in members.values():
        assert c.state[f"member:{member}"]["balance"] == 45
    fresh = Device(c.server, c.enrolment, c.key)
    fresh.sync_down()
    assert fresh.state == c.state


def test_a_member_without_sharing_consent_stays_at_home(alliance: AllianceHelper) -> None:
    home, other = alliance.device("A"), alliance.device("B")
    private = home.enrol_member(sharing=False)
    shared = home.enrol_member(sharing=True)
    assert home.member(private) is not None
    assert other.member(private) is None
    assert other.member(shared) is not None
    home.push_one("member.consent", {"member_id": shared, "kind": "sharing", "granted": False})
    assert other.member(shared) is None
    snapshot = home.member(shared)
    assert snapshot is not None
    assert snapshot["sharing"] is False
    home.push_one("member.consent", {"member_id": private, "kind": "sharing", "granted": True})
    assert other.member(private) is not None
    fresh = Device(home.server, home.enrolment, home.key)
    fresh.sync_down()
    assert f"member:{shared}" in fresh.state
    assert f"member:{private}" in fresh.state


def test_phone_hash_travels_only_with_sharing_consent(alliance: AllianceHelper) -> None:
    home, other = alliance.device("A"), alliance.device("B")
    shared = home.enrol_member(phone_hash="cd" * 32)
    snapshot = other.member(shared)
    assert snapshot is not None
    assert snapshot["phone_hash"] == "cd" * 32
    private = home.enrol_member(sharing=False, phone_hash="ef" * 32)
    mine = home.member(private)
    assert mine is not None
    assert mine["phone_hash"] is None


def test_a_reissued_card_deny_lists_the_old_serial(alliance: AllianceHelper) -> None:
    home, other = alliance.device("A"), alliance.device("B")
    member = home.enrol_member()
    home.push_one("card.reissued", {"member_id": member, "serial": 2})
    snapshot = other.member(member)
    assert snapshot is not None
    assert snapshot["card_serial"] == 2


def test_a_new_epoch_tells_devices_to_resync(alliance: AllianceHelper) -> None:
    device = alliance.device()
    before = device.pull_page(0)["epoch"]
    with alliance.server.db.write() as session:
        after = operator.new_epoch(session)
    page: dict[str, Any] = device.pull_page(0)
    assert page["epoch"] == after != before
    push = device.push([])
    assert push["epoch"] == after
