"""Scanner text: recovering digits from mangled keyboard input, bursts, and the diagnosis."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.models.scaninput import (
    Burst,
    BurstTracker,
    Mangling,
    ScanText,
    Verdict,
    diagnose_scan,
    has_fullwidth,
    looks_like_caps_lock,
    normalize_scan,
)

# The keyboard rows, restated here so the tests do not trust the module's tables.
DIGITS = "1234567890"
AZERTY_FR = "&é\"'(-è_çà"
AZERTY_BE = "&é\"'(§è!çà"
SHIFTED_US = "!@#$%^&*()"
# Characters that more than one layout types, for different digits.
AMBIGUOUS = set("&(!")

payloads = st.text(alphabet=DIGITS, min_size=1, max_size=300)


def mangle(digits: str, row: str) -> str:
    return digits.translate(str.maketrans(DIGITS, row))


def full_width(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) for ch in text)


def mod97(digits: str) -> int:
    """The remainder mod 97, in chunks (int() refuses strings over 4,300 digits)."""
    remainder = 0
    for start in range(0, len(digits), 9):
        chunk = digits[start : start + 9]
        remainder = (remainder * 10 ** len(chunk) + int(chunk)) % 97
    return remainder


def with_check(payload: str) -> str:
    """ISO 7064 mod 97-10 check digits appended, as the QR framing does."""
    return payload + f"{98 - mod97(payload + '00'):02d}"


def check_ok(digits: str) -> bool:
    return len(digits) >= 3 and mod97(digits) == 1


# --- normalize_scan -------------------------------------------------------------------------


def test_plain_digits_come_back_unchanged() -> None:
    assert normalize_scan("9123456789") == ScanText("9123456789", Mangling.NONE)


def test_surrounding_whitespace_and_line_ends_are_stripped() -> None:
    assert normalize_scan("\r\n 9123456789 \t\r\n") == ScanText("9123456789", Mangling.NONE)


def test_full_width_digits_fold_to_ascii() -> None:
    assert normalize_scan("９１２３") == ScanText("9123", Mangling.FULLWIDTH)


def test_empty_and_blank_text_is_not_recoverable() -> None:
    assert normalize_scan("") == ScanText(None, None)
    assert normalize_scan(" \r\n") == ScanText(None, None)


@pytest.mark.parametrize("text", ["https://u.wechat.com/abc", "12a34", "12 34", "١٢٣٤"])
def test_text_with_other_characters_is_not_recoverable(text: str) -> None:
    assert normalize_scan(text) == ScanText(None, None)


@pytest.mark.parametrize(
    ("row", "mangling"),
    [
        (AZERTY_FR, Mangling.AZERTY),
        (AZERTY_BE, Mangling.AZERTY),
        (SHIFTED_US, Mangling.SHIFTED_US),
    ],
)
@given(payload=payloads)
def test_layout_mangled_code_round_trips(payload: str, row: str, mangling: Mangling) -> None:
    code = with_check(payload)
    mangled = mangle(code, row)
    assume(not set(mangled) <= AMBIGUOUS)
    assert normalize_scan(mangled, accept=check_ok) == ScanText(code, mangling)


@given(payload=payloads)
def test_full_width_code_round_trips(payload: str) -> None:
    code = with_check(payload)
    assert normalize_scan(full_width(code), accept=check_ok) == ScanText(code, Mangling.FULLWIDTH)


@given(payload=payloads)
def test_full_width_shifted_code_round_trips(payload: str) -> None:
    code = with_check(payload)
    mangled = full_width(mangle(code, SHIFTED_US))
    assume(not set(mangle(code, SHIFTED_US)) <= AMBIGUOUS)
    assert normalize_scan(mangled, accept=check_ok) == ScanText(code, Mangling.SHIFTED_US)


@pytest.mark.parametrize(
    ("alphabet", "row", "mangling"),
    [("15", AZERTY_FR, Mangling.AZERTY), ("79", SHIFTED_US, Mangling.SHIFTED_US)],
)
@given(data=st.data())
def test_accept_decides_between_layouts_for_ambiguous_characters(
    data: st.DataObject, alphabet: str, row: str, mangling: Mangling
) -> None:
    code = data.draw(st.text(alphabet=alphabet, min_size=1, max_size=50))
    mangled = mangle(code, row)
    assert set(mangled) <= AMBIGUOUS
    assert normalize_scan(mangled, accept=lambda d: d == code) == ScanText(code, mangling)


def test_ambiguous_text_uses_the_accepted_reading() -> None:
    assert normalize_scan("&(&(", accept=lambda d: d == "7979") == ScanText(
        "7979", Mangling.SHIFTED_US
    )
    assert normalize_scan("&(&(", accept=lambda d: d == "1515") == ScanText("1515", Mangling.AZERTY)


def test_first_all_digit_reading_is_returned_when_none_is_accepted() -> None:
    mangled = mangle("912345", AZERTY_FR)
    assert normalize_scan(mangled, accept=lambda d: False) == ScanText("912345", Mangling.AZERTY)


def test_accept_is_called_once_per_distinct_reading() -> None:
    calls: list[str] = []

    def accept(digits: str) -> bool:
        calls.append(digits)
        return False

    normalize_scan(mangle("1234579", AZERTY_FR), accept=accept)  # French and Belgian agree
    assert calls == ["1234579"]


def test_chinese_punctuation_mode_yuan_and_ellipsis_read_as_shifted_digits() -> None:
    assert normalize_scan("￥……！", accept=lambda d: True) == ScanText("461", Mangling.SHIFTED_US)


def test_very_long_input_is_handled_in_linear_time() -> None:
    unit = mangle("1234567890", SHIFTED_US)
    small, large = unit * 2_000, unit * 20_000
    started = time.perf_counter()
    normalize_scan(small, accept=check_ok)
    small_seconds = time.perf_counter() - started
    started = time.perf_counter()
    result = normalize_scan(large, accept=check_ok)
    large_seconds = time.perf_counter() - started
    assert result.digits == "1234567890" * 20_000
    assert large_seconds < max(small_seconds * 40, 0.5)


# --- character classes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (mangle("9123456789", SHIFTED_US), True),
        ("＠＃＄", True),
        (mangle("9123456789", AZERTY_FR), False),
        (mangle("9123456789", AZERTY_BE), False),
        ("9123456789", False),
        ("&(&(", False),
    ],
)
def test_caps_lock_is_seen_in_shifted_digits_only_us_shift_types(raw: str, expected: bool) -> None:
    assert looks_like_caps_lock(raw) is expected


def test_full_width_is_detected() -> None:
    assert has_fullwidth("91２3")
    assert has_fullwidth("9\u3000")
    assert not has_fullwidth("9123&é")


# --- BurstTracker ---------------------------------------------------------------------------


def feed(tracker: BurstTracker, text: str, *, start_ms: float, step_ms: float) -> float:
    now = start_ms
    for ch in text:
        now += step_ms
        tracker.add_text(ch, now)
    return now


def test_fast_characters_then_a_terminator_make_a_burst() -> None:
    tracker = BurstTracker()
    now = feed(tracker, "91234567", start_ms=0, step_ms=5)
    assert tracker.end(now + 5) == Burst("91234567", 8, 40)


def test_too_few_characters_are_not_a_burst() -> None:
    tracker = BurstTracker()
    now = feed(tracker, "9123456", start_ms=0, step_ms=5)
    assert tracker.end(now + 5) is None


def test_slow_characters_are_not_a_burst() -> None:
    tracker = BurstTracker()
    now = feed(tracker, "9123456789", start_ms=0, step_ms=200)
    assert tracker.end(now + 200) is None


def test_a_late_terminator_ends_no_burst() -> None:
    tracker = BurstTracker()
    now = feed(tracker, "9123456789", start_ms=0, step_ms=5)
    assert tracker.end(now + 51) is None


def test_a_pause_starts_a_new_run() -> None:
    tracker = BurstTracker()
    now = feed(tracker, "abc", start_ms=0, step_ms=200)
    now = feed(tracker, "9123456789", start_ms=now + 200, step_ms=5)
    burst = tracker.end(now + 5)
    assert burst is not None
    assert burst.text == "9123456789"


def test_add_text_reports_when_a_run_starts() -> None:
    tracker = BurstTracker()
    assert tracker.add_text("9", 0)
    assert not tracker.add_text("1", 5)
    assert tracker.add_text("2", 100)


def test_an_overlong_burst_keeps_its_count_but_caps_its_text() -> None:
    tracker = BurstTracker(max_chars=100)
    now = feed(tracker, "7" * 1000, start_ms=0, step_ms=1)
    burst = tracker.end(now + 1)
    assert burst is not None
    assert (len(burst.text), burst.chars) == (100, 1000)


def test_burst_speed_is_characters_per_second() -> None:
    assert Burst("9" * 220, 220, 1100).chars_per_second == pytest.approx(200)
    assert Burst("９１２３４５６７", 8, 0).chars_per_second == math.inf


# --- diagnose_scan --------------------------------------------------------------------------

VALID = with_check("91" + "0" * 30)


def kind_of(digits: str) -> str:
    return "member" if check_ok(digits) and digits.startswith("91") else ""


@pytest.mark.parametrize(
    ("raw", "fast", "verdict"),
    [
        (VALID, True, Verdict.VALID),
        (VALID, False, Verdict.SLOW),
        (VALID[:-1], True, Verdict.NOT_OURS),
        ("https://example.com/x", True, Verdict.NOT_OURS),
        (full_width(VALID), True, Verdict.FULLWIDTH),
        (mangle(VALID, SHIFTED_US), True, Verdict.CAPS_LOCK),
        (mangle(VALID, SHIFTED_US)[:-1] + "x", True, Verdict.CAPS_LOCK),
        (mangle(VALID, AZERTY_FR), True, Verdict.LAYOUT_AZERTY),
        (mangle(VALID, AZERTY_BE), True, Verdict.LAYOUT_AZERTY),
        (mangle(VALID, "+ěščřžýáíé"), True, Verdict.LAYOUT_OTHER),
    ],
)
def test_diagnosis_names_the_first_problem(raw: str, fast: bool, verdict: Verdict) -> None:
    assert diagnose_scan(raw, fast=fast, kind_of=kind_of).verdict is verdict


def test_a_valid_diagnosis_carries_the_kind_and_digits() -> None:
    diagnosis = diagnose_scan(VALID + "\r\n", fast=True, kind_of=kind_of)
    assert (diagnosis.kind, diagnosis.digits) == ("member", VALID)
