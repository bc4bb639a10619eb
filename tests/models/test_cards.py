"""Member card codes: from scan to member, and every way a scan can be wrong."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.models.errors import DomainError
from desktop.models.keys import shop_signing_key
from desktop.models.qrtoken import MemberCard, encode_member_card
from desktop.models.service import Desk
from tests.models.conftest import FakeClock

AZERTY = str.maketrans("1234567890", "&é\"'(-è_çà")
SHIFTED_US = str.maketrans("1234567890", "!@#$%^&*()")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def refusal(desk: Desk, raw: str) -> str:
    with pytest.raises(DomainError) as err:
        desk.lookup_scan(raw)
    return err.value.code


def test_scanned_card_shows_its_member(desk: Desk, member_id: int) -> None:
    digits = desk.member_code(member_id)
    assert digits.isdigit()
    assert digits.startswith("91")
    assert desk.lookup_scan(digits).id == member_id
    assert desk.lookup_scan(f"  {digits}\r\n").id == member_id


@pytest.mark.parametrize("mangle", [AZERTY, SHIFTED_US, FULLWIDTH])
def test_scans_mangled_by_layout_caps_lock_or_ime_are_recovered(
    desk: Desk, member_id: int, mangle: dict[int, str]
) -> None:
    digits = desk.member_code(member_id)
    assert desk.lookup_scan(digits.translate(mangle)).id == member_id


@pytest.mark.parametrize("raw", ["", "hello", "12345", "9" * 220, "中文扫描", "1" * 10_000])
def test_garbage_is_a_misread(desk: Desk, raw: str) -> None:
    assert refusal(desk, raw) == "misread"


def test_truncated_scan_and_tampered_digit_are_misreads(desk: Desk, member_id: int) -> None:
    digits = desk.member_code(member_id)
    assert refusal(desk, digits[:-5]) == "misread"
    tampered = digits[:50] + str((int(digits[50]) + 1) % 10) + digits[51:]
    assert refusal(desk, tampered) == "misread"


def test_code_from_another_shop_is_unknown_key(desk: Desk, member_id: int) -> None:
    stranger = encode_member_card(
        MemberCard(
            member_id=member_id,
            card_serial=1,
            issued_on=dt.date(2026, 1, 1),
            expires_on=dt.date(2029, 1, 1),
            tier=0,
        ),
        private_key=Ed25519PrivateKey.generate(),
    )
    assert refusal(desk, stranger) == "unknown_key"


def test_expired_card_is_refused(desk: Desk, member_id: int, clock: FakeClock) -> None:
    digits = desk.member_code(member_id)
    clock.advance(days=3 * 366 + 2)
    assert refusal(desk, digits) == "expired"


def test_card_signed_by_our_key_for_a_past_day_is_expired(desk: Desk, member_id: int) -> None:
    with desk.db.read() as s:
        key = shop_signing_key(s)
    old = encode_member_card(
        MemberCard(
            member_id=member_id,
            card_serial=1,
            issued_on=dt.date(2021, 1, 1),
            expires_on=dt.date(2024, 1, 1),
            tier=0,
        ),
        private_key=key,
    )
    assert refusal(desk, old) == "expired"


def test_reissued_card_revokes_the_old_one(desk: Desk, member_id: int) -> None:
    old = desk.member_code(member_id)
    assert desk.reissue_card(member_id=member_id, by=None) == 2
    assert refusal(desk, old) == "revoked"
    assert desk.lookup_scan(desk.member_code(member_id)).id == member_id
    assert desk.recent_audit(limit=1)[0].action == "card.reissued"


def test_check_code_tells_the_scanner_test_what_it_saw(desk: Desk, member_id: int) -> None:
    assert desk.check_code(desk.member_code(member_id)) == "member"
    assert desk.check_code("12345") == ""
