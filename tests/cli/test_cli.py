"""The command line as IT staff run it: a real process, real SQLite files, one JSON document.

Starting Python costs about half a second, so the demo shops are built once per module and
each test that changes state works on its own member.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import pytest

from desktop import cli as cli_module
from desktop.models.db import open_database
from desktop.models.keys import shop_signing_key
from desktop.models.qrtoken import MemberCard, encode_member_card
from desktop.models.service import Desk

ROOT = Path(__file__).resolve().parents[2]
MASKED_PHONE = re.compile(r"1[3-9][0-9]\*{4}[0-9]{4}")


@dataclass(frozen=True)
class Run:
    status: int
    doc: Any
    stderr: str


def cli(*args: str | Path) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", *map(str, args)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    stdout = proc.stdout.decode("utf-8")
    stderr = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert stdout.count("\n") == 1, stdout  # exactly one JSON document
    return Run(proc.returncode, json.loads(stdout), stderr)


@dataclass(frozen=True)
class Shop:
    path: Path
    demo: dict[str, Any]
    members: list[dict[str, Any]]

    def member(self, index: int) -> int:
        return int(self.members[index]["id"])

    def code(self, index: int) -> str:
        """The member's current card digits (read in-process: no interpreter start)."""
        member_id = self.member(index)
        return str(_desk_action(self.path, lambda desk: desk.member_code(member_id)))


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    run = cli("demo", "--db", path, "--members", "30", "--days", "20", "--seed", "7")
    assert run.status == 0, run.doc
    listing = cli("members", "list", "--db", path, "--json", "--limit", "100")
    assert listing.status == 0, listing.doc
    return Shop(path, run.doc, listing.doc)


@pytest.fixture(scope="module")
def other_shop(tmp_path_factory: pytest.TempPathFactory) -> Shop:
    path = tmp_path_factory.mktemp("cli-other") / "other.sqlite"
    run = cli("demo", "--db", path, "--members", "1", "--days", "0", "--seed", "8")
    assert run.status == 0, run.doc
    listing = cli("members", "list", "--db", path, "--json")
    return Shop(path, run.doc, listing.doc)


def _desk_action(path: Path, action: Any) -> Any:
    db = open_database(path, create=False)
    try:
        return action(Desk(db))
    finally:
        db.close()


# -- demo ----------------------------------------------------------------------------------


def test_demo_reports_what_it_made(shop: Shop) -> None:
    doc = shop.demo
    assert doc["ok"] is True
    assert doc["db"] == str(shop.path)
    assert doc["members"] == 30
    assert doc["sales"] > 0
    assert doc["checkins"] > 0
    assert re.fullmatch(r"[0-9]{6}", doc["owner_pin"])
    assert doc["shop"]


def test_demo_refuses_a_database_that_is_already_set_up(shop: Shop) -> None:
    before = shop.path.stat().st_size
    run = cli("demo", "--db", shop.path, "--members", "5", "--days", "3")
    assert (run.status, run.doc["error"]) == (1, "already_set_up")
    assert shop.path.stat().st_size == before


# -- members list --------------------------------------------------------------------------


def test_members_list_gives_masked_phones_tiers_and_balances(shop: Shop) -> None:
    assert len(shop.members) == 30
    for row in shop.members:
        assert set(row) == {"id", "name", "phone", "tier", "balance"}
        assert isinstance(row["id"], int)
        assert row["id"] > 0
        assert MASKED_PHONE.fullmatch(row["phone"]), row["phone"]
        assert row["tier"] in {"normal", "silver", "gold"}
        assert isinstance(row["balance"], int)
    assert len({row["id"] for row in shop.members}) == 30


def test_members_list_honours_the_limit(shop: Shop) -> None:
    run = cli("members", "list", "--db", shop.path, "--json", "--limit", "7")
    assert run.status == 0
    assert len(run.doc) == 7


def test_members_list_refuses_a_limit_out_of_range(shop: Shop) -> None:
    run = cli("members", "list", "--db", shop.path, "--limit", "1001")
    assert (run.status, run.doc["ok"], run.doc["error"]) == (2, False, "usage")


# -- codes, sales, check-ins ---------------------------------------------------------------


def test_member_code_verifies_as_that_member(shop: Shop) -> None:
    code = cli("code", "member", "--db", shop.path, "--member-id", str(shop.member(0)))
    assert code.doc == {"ok": True, "member_id": shop.member(0), "digits": shop.code(0)}
    run = cli("code", "verify", "--db", shop.path, code.doc["digits"])
    assert run.status == 0
    assert run.doc == {
        "ok": True,
        "kind": "member",
        "error": None,
        "member_id": shop.member(0),
        "mangling": "none",
    }


def test_code_typed_through_an_azerty_layout_is_recovered(shop: Shop) -> None:
    mangled = shop.code(0).translate(str.maketrans("1234567890", "&é\"'(-è_çà"))
    run = cli("code", "verify", "--db", shop.path, mangled)
    assert run.status == 0
    assert (run.doc["member_id"], run.doc["mangling"]) == (shop.member(0), "azerty")


def test_sale_by_code_raises_the_balance_by_exactly_the_points_earned(shop: Shop) -> None:
    code = shop.code(1)
    before = shop.members[1]["balance"]
    first = cli("sale", "--db", shop.path, "--code", code, "--amount", "2350")
    assert first.status == 0, first.doc
    assert first.doc["ok"] is True
    assert first.doc["error"] is None
    assert first.doc["points_earned"] >= 23
    assert first.doc["balance"] == before + first.doc["points_earned"]
    second = cli("sale", "--db", shop.path, "--code", code, "--amount", "1000")
    assert second.doc["balance"] == first.doc["balance"] + second.doc["points_earned"]
    assert second.doc["sale"] > first.doc["sale"]


def test_second_check_in_the_same_day_is_not_rewarded(shop: Shop) -> None:
    code = shop.code(2)
    first = cli("checkin", "--db", shop.path, "--code", code)
    second = cli("checkin", "--db", shop.path, "--code", code)
    assert (first.status, first.doc["ok"], first.doc["rewarded"]) == (0, True, True)
    assert (second.status, second.doc["ok"], second.doc["rewarded"]) == (0, True, False)


def test_large_earn_needs_the_owner_pin(shop: Shop) -> None:
    member = str(shop.member(3))
    refused = cli("sale", "--db", shop.path, "--member-id", member, "--amount", "500000")
    assert (refused.status, refused.doc["error"]) == (1, "owner_pin_required")
    wrong = cli(
        "sale",
        "--db",
        shop.path,
        "--member-id",
        member,
        "--amount",
        "500000",
        "--owner-pin",
        "00000000",
    )
    assert (wrong.status, wrong.doc["error"]) == (1, "pin_wrong")
    approved = cli(
        "sale",
        "--db",
        shop.path,
        "--member-id",
        member,
        "--amount",
        "500000",
        "--owner-pin",
        shop.demo["owner_pin"],
    )
    assert approved.status == 0, approved.doc
    assert approved.doc["points_earned"] >= 5000


def test_redeeming_more_points_than_the_balance_is_refused(shop: Shop) -> None:
    balance = shop.members[4]["balance"]
    run = cli(
        "sale",
        "--db",
        shop.path,
        "--member-id",
        str(shop.member(4)),
        "--amount",
        "100000",
        "--redeem-points",
        str(balance + 1),
    )
    assert (run.status, run.doc["error"]) == (1, "insufficient_points")


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        ("12.5", "amount_invalid"),
        ("-3", "amount_invalid"),
        ("0", "amount_invalid"),
        ("1e9", "amount_invalid"),
        ("1000000000", "amount_too_large"),
    ],
)
def test_sale_refuses_bad_amounts(shop: Shop, amount: str, error: str) -> None:
    run = cli("sale", "--db", shop.path, "--member-id", str(shop.member(5)), "--amount", amount)
    assert run.status == 1
    assert run.doc["ok"] is False
    assert run.doc["error"] == error
    assert run.doc["message"]
    assert run.doc["sale"] is None


# -- verification failures -----------------------------------------------------------------


def _tamper_one_digit(digits: str) -> str:
    position = len(digits) // 2
    changed = "1" if digits[position] != "1" else "2"
    return digits[:position] + changed + digits[position + 1 :]


def _forge_signature(digits: str) -> str:
    """Change a signature digit and fix the check digits, so only the signature is wrong."""
    position = len(digits) - 10
    changed = "1" if digits[position] != "1" else "2"
    prefix = digits[:position] + changed + digits[position + 1 : -2]
    return prefix + f"{98 - int(prefix + '00') % 97:02d}"


@pytest.mark.parametrize(
    ("make", "error"),
    [
        (lambda digits: "hello, not a card", "misread"),
        (lambda digits: digits[:-10], "misread"),
        (_tamper_one_digit, "misread"),
        (_forge_signature, "bad_signature"),
    ],
    ids=["garbage", "truncated", "one-digit-changed", "forged"],
)
def test_verify_names_the_failed_check(shop: Shop, make: Any, error: str) -> None:
    run = cli("code", "verify", "--db", shop.path, make(shop.code(6)))
    assert run.status == 1
    assert run.doc["ok"] is False
    assert run.doc["error"] == error
    assert run.doc["member_id"] is None
    assert run.doc["message"]


def test_verify_refuses_a_code_from_another_shop(shop: Shop, other_shop: Shop) -> None:
    run = cli("code", "verify", "--db", shop.path, other_shop.code(0))
    assert (run.status, run.doc["error"], run.doc["kind"]) == (1, "unknown_key", "member")


def test_verify_refuses_a_card_replaced_by_a_new_one(shop: Shop) -> None:
    old = shop.code(7)
    _desk_action(shop.path, lambda desk: desk.reissue_card(member_id=shop.member(7), by=None))
    run = cli("code", "verify", "--db", shop.path, old)
    assert (run.status, run.doc["error"]) == (1, "revoked")
    assert cli("code", "verify", "--db", shop.path, shop.code(7)).status == 0


def test_verify_refuses_an_expired_card(shop: Shop) -> None:
    member_id = shop.member(8)

    def expired_code(desk: Desk) -> str:
        serial = desk.member_card(member_id).card_serial
        with desk.db.read() as session:
            key = shop_signing_key(session)
        card = MemberCard(
            member_id=member_id,
            card_serial=serial,
            issued_on=dt.date(2021, 1, 1),
            expires_on=dt.date(2024, 1, 1),
            tier=0,
        )
        return encode_member_card(card, private_key=key)

    run = cli("code", "verify", "--db", shop.path, _desk_action(shop.path, expired_code))
    assert (run.status, run.doc["error"]) == (1, "expired")


# -- databases that cannot be used ---------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("members", "list"), ("sale", "--member-id", "1", "--amount", "100")],
    ids=["members", "sale"],
)
def test_missing_database_is_not_found_and_not_created(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = tmp_path / "missing.sqlite"
    run = cli(*args, "--db", path)
    assert (run.status, run.doc["ok"], run.doc["error"]) == (1, False, "not_found")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_corrupt_file_is_reported_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite"
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    run = cli("members", "list", "--db", path)
    assert (run.status, run.doc["error"]) == (1, "corrupt")
    assert path.read_bytes() == garbage
    assert run.doc["message"]


def test_shop_not_set_up_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    open_database(path).close()
    run = cli("code", "member", "--db", path, "--member-id", "123")
    assert (run.status, run.doc["error"]) == (1, "not_set_up")


# -- the command line itself ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("frobnicate",), ("sale", "--db", "x.sqlite"), ("code", "member", "--member-id", "abc")],
    ids=["unknown-command", "missing-amount", "bad-member-id"],
)
def test_usage_errors_are_json_with_status_2(args: tuple[str, ...]) -> None:
    run = cli(*args)
    assert run.status == 2
    assert run.doc["ok"] is False
    assert run.doc["error"] == "usage"
    assert run.doc["message"]
    assert run.stderr == ""


@pytest.mark.parametrize(
    ("argv", "gui"),
    [
        ([], True),
        (["--db", "shop.sqlite"], True),
        (["--lang", "en", "--db=shop.sqlite"], True),
        (["-platform", "offscreen"], True),
        (["demo", "--db", "x.sqlite", "--members", "1"], False),
        (["--db", "x.sqlite", "members", "list"], False),
        (["frobnicate"], False),
        (["--help"], False),
    ],
)
def test_only_a_command_word_keeps_the_gui_from_starting(argv: list[str], gui: bool) -> None:
    assert cli_module._wants_gui(argv) is gui


def test_every_command_word_is_known_after_a_qt_option() -> None:
    import argparse

    parser = cli_module.build_parser()
    words = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    assert words == set(cli_module.SUBCOMMANDS)
    for word in words:
        assert not cli_module._wants_gui(["-reverse", word])


def test_a_bug_is_one_json_line_with_status_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> NoReturn:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli_module, "_run_checkin", broken)
    status = cli_module.main(["checkin", "--db", "x.sqlite", "--code", "1"])
    out, err = capsys.readouterr()
    assert status == 3
    assert json.loads(out) == {"ok": False, "error": "internal", "message": "RuntimeError: boom"}
    assert err == ""
