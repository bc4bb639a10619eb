"""A shop joins an alliance with a one-time code, from the command line."""

from __future__ import annotations

from collections.abc import Callable

from desktop.sync import state
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import OWNER_PIN, Shop


def test_pairing_stores_the_device_and_never_the_credential_in_clear(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea = new_shop("茶铺")
    invite = alliance.invite("茶铺")

    answer = tea.pair(server.url, invite["code"])

    assert answer["ok"] is True
    assert (answer["alliance"], answer["shop"]) == (alliance.id, invite["shop"])
    with tea.db.read() as s:
        pairing = state.pairing(s)
    assert pairing is not None
    assert pairing.server_url == server.url
    joined = [e for e in tea.desk.recent_audit() if e.action == "alliance.joined"]
    assert [e.staff_id for e in joined] == [tea.owner.staff_id]  # who joined, in the log
    credential = state.open_credential(tea.path, pairing.credential_sealed)
    assert credential.startswith(pairing.device_id + ".")
    tea.db.close()  # everything on disk now
    assert credential.encode() not in tea.path.read_bytes()
    assert credential.split(".", 1)[1].encode() not in tea.path.read_bytes()


def test_a_used_or_wrong_code_and_a_staff_pin_are_refused_plainly(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea = new_shop("茶铺")
    code = alliance.invite("茶铺")["code"]
    tea.desk.add_staff(name="小李", pin="1357", role="staff", by=tea.owner)

    status, staff = tea.cli("pair", "--server", server.url, "--code", code, "--owner-pin", "1357")
    assert (status, staff["error"]) == (1, "owner_required")

    status, wrong = tea.cli(
        "pair",
        "--server",
        server.url,
        "--code",
        "AAAAA-AAAAA-AAAAA-AAAAA",
        "--owner-pin",
        OWNER_PIN,
    )
    assert (status, wrong["error"]) == (1, "enrolment_code_invalid")
    assert "not valid" in wrong["message"]

    tea.pair(server.url, code)
    bakery = new_shop("面包房")
    status, used = bakery.cli(
        "pair", "--server", server.url, "--code", code, "--owner-pin", OWNER_PIN
    )
    assert (status, used["error"]) == (1, "enrolment_code_used")

    status, again = tea.cli(
        "pair", "--server", server.url, "--code", code, "--owner-pin", OWNER_PIN
    )
    assert (status, again["error"]) == (1, "already_paired")


def test_an_unpaired_shop_is_told_to_pair_first(new_shop: Callable[[str], Shop]) -> None:
    status, answer = new_shop("茶铺").cli("sync")
    assert status == 1
    assert answer["ok"] is False
    assert answer["errors"][0]["code"] == "not_paired"
    assert "merchant-desk pair" in answer["errors"][0]["message"]
