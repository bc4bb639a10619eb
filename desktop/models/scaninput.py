"""What a keyboard-emulating barcode scanner typed, turned back into the digits it read.

Our codes are digits only (QR numeric mode), so the scanner's keystrokes can be repaired when
the shop PC's keyboard settings mangle them:

- a Chinese input method in full-width mode commits ``０１２…`` (U+FF10–FF19);
- a French or Belgian AZERTY layout turns the unshifted number row into ``&é"'(-è_çà``;
- Caps Lock on some scanners sends shifted US digits ``!@#$%^&*()``.

``&`` and ``(`` mean different digits on AZERTY and under US shift, so a mangled string may
have more than one reading; the caller's ``accept`` check (the frame's check digits) picks one.

This module also holds the pure parts of the scanner input path: recognising a scanner *burst*
from timed keystrokes (``BurstTracker``) and the diagnosis shown on the scanner test screen
(``diagnose_scan``). It never imports Qt and keeps no global state, so any thread may call it;
a ``BurstTracker`` instance belongs to the one thread that feeds it.

Every function here is linear in the length of its input: scanners that misread can send
thousands of characters, and the counter must not freeze on them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Burst",
    "BurstTracker",
    "Mangling",
    "ScanDiagnosis",
    "ScanText",
    "Verdict",
    "diagnose_scan",
    "has_fullwidth",
    "looks_like_caps_lock",
    "normalize_scan",
]


class Mangling(StrEnum):
    """How the keyboard path changed the digits on their way in."""

    NONE = "none"
    FULLWIDTH = "fullwidth"
    AZERTY = "azerty"
    SHIFTED_US = "shifted_us"


@dataclass(frozen=True)
class ScanText:
    """A scan after normalisation: ``digits`` is None when no reading gives digits only."""

    digits: str | None
    mangling: Mangling | None


_DIGITS = "1234567890"
_AZERTY_FR = "&é\"'(-è_çà"
_AZERTY_BE = "&é\"'(§è!çà"
_SHIFTED_US = "!@#$%^&*()"

# Tried in this order; the first all-digit reading is the fallback when none is accepted.
_LAYOUTS: tuple[tuple[Mangling, dict[int, int]], ...] = (
    (Mangling.AZERTY, str.maketrans(_AZERTY_FR, _DIGITS)),
    (Mangling.AZERTY, str.maketrans(_AZERTY_BE, _DIGITS)),
    (Mangling.SHIFTED_US, str.maketrans(_SHIFTED_US, _DIGITS)),
)

# Full-width ASCII (U+FF01–FF5E) and the ideographic space, as Chinese IMEs commit them, plus
# the yuan sign a Chinese IME's punctuation mode types for Shift+4.
_FULLWIDTH_FOLD: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH_FOLD[0x3000] = 0x20
_FULLWIDTH_FOLD[0xFFE5] = ord("$")
# A Chinese IME's punctuation mode types Shift+6 as a two-character ellipsis.
_IME_CARET = "\u2026\u2026"

# Shifted US digits that no AZERTY number row produces: their presence means Caps Lock/Shift.
_CAPS_ONLY = frozenset(_SHIFTED_US) - frozenset(_AZERTY_FR) - frozenset(_AZERTY_BE)


def _accept_any(digits: str) -> bool:
    return True


def _is_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _fold_fullwidth(text: str) -> str:
    return text.translate(_FULLWIDTH_FOLD).replace(_IME_CARET, "^")


def has_fullwidth(raw: str) -> bool:
    """True when ``raw`` holds characters a Chinese IME commits in full-width mode."""
    return _fold_fullwidth(raw) != raw


def looks_like_caps_lock(raw: str) -> bool:
    """True when ``raw`` holds shifted US digits (``@#$%^*)``) that no AZERTY row types.

    ``!``, ``&`` and ``(`` are left out: AZERTY layouts type them for digits too.
    """
    return any(ch in _CAPS_ONLY for ch in _fold_fullwidth(raw))


def normalize_scan(raw: str, *, accept: Callable[[str], bool] = _accept_any) -> ScanText:
    """Recover the digits a scanner read from the text the keyboard path delivered.

    Strips surrounding whitespace (CR, LF, tabs, spaces), folds full-width characters to
    ASCII, and returns the text unchanged when it is then digits only. Otherwise each layout
    reading (French AZERTY, Belgian AZERTY, US with Shift) is tried in turn: the first reading
    that is all digits and that ``accept`` approves is returned with its mangling. When none is
    approved, the first all-digit reading is returned (so the caller can still say which
    keyboard setting looks wrong); when no reading is all digits, ``ScanText(None, None)``.

    ``accept`` must return a bool and should be a cheap framing check (check digits); it is
    called at most once per distinct reading.
    """
    text = raw.strip()
    folded = _fold_fullwidth(text)
    if _is_digits(folded):
        return ScanText(folded, Mangling.FULLWIDTH if folded != text else Mangling.NONE)
    fallback: ScanText | None = None
    tried: list[str] = []
    for mangling, table in _LAYOUTS:
        digits = folded.translate(table)
        if not _is_digits(digits) or digits in tried:
            continue
        tried.append(digits)
        if accept(digits):
            return ScanText(digits, mangling)
        if fallback is None:
            fallback = ScanText(digits, mangling)
    return fallback if fallback is not None else ScanText(None, None)


# --- bursts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Burst:
    """A completed scanner burst: the text typed and how long it took.

    ``chars`` counts every character received; ``text`` keeps at most the tracker's
    ``max_chars`` of them. ``duration_ms`` runs from the first character to the terminator.
    """

    text: str
    chars: int
    duration_ms: float

    @property
    def chars_per_second(self) -> float:
        """Typing speed; ``math.inf`` when everything arrived at once (an IME commit)."""
        if self.duration_ms <= 0:
            return math.inf
        return self.chars * 1000.0 / self.duration_ms


class BurstTracker:
    """Recognises a scanner burst in timed text: fast characters, then a terminator key.

    A burst is at least ``min_chars`` printable characters, each arriving within
    ``max_gap_ms`` of the previous one, followed within ``max_gap_ms`` by the terminator
    (Enter). A longer gap starts a new run, so a person typing never builds one up. The
    tracker has no clock: callers pass the time of each event in milliseconds.

    Not thread-safe; feed it from one thread (the GUI thread, for the Qt event filter).
    """

    def __init__(
        self, *, max_gap_ms: float = 50.0, min_chars: int = 8, max_chars: int = 65536
    ) -> None:
        self.max_gap_ms = max_gap_ms
        self.min_chars = min_chars
        self.max_chars = max_chars
        self._parts: list[str] = []
        self._kept = 0
        self._count = 0
        self._first_ms = 0.0
        self._last_ms = 0.0

    def could_complete(self, now_ms: float) -> bool:
        """True when a terminator arriving at ``now_ms`` would complete a burst."""
        return self._count >= self.min_chars and now_ms - self._last_ms <= self.max_gap_ms

    def reset(self) -> None:
        """Forget the current run (a non-text key, a focus change, an exempt field)."""
        self._parts.clear()
        self._kept = 0
        self._count = 0

    def add_text(self, text: str, now_ms: float) -> bool:
        """Record ``text`` typed at ``now_ms``; True when it starts a new run."""
        started = self._count == 0 or now_ms - self._last_ms > self.max_gap_ms
        if started:
            self.reset()
            self._first_ms = now_ms
        self._last_ms = now_ms
        self._count += len(text)
        room = self.max_chars - self._kept
        if room > 0:
            kept = text[:room]
            self._parts.append(kept)
            self._kept += len(kept)
        return started

    def end(self, now_ms: float) -> Burst | None:
        """A terminator arrived at ``now_ms``: the burst if the run qualifies, else None.

        The run is forgotten either way.
        """
        burst = None
        if self.could_complete(now_ms):
            burst = Burst("".join(self._parts), self._count, now_ms - self._first_ms)
        self.reset()
        return burst


# --- diagnosis for the scanner test screen ----------------------------------------------------


class Verdict(StrEnum):
    """What the scanner test screen concludes about one scan."""

    VALID = "valid"
    NOT_OURS = "not_ours"
    CAPS_LOCK = "caps_lock"
    LAYOUT_AZERTY = "layout_azerty"
    LAYOUT_OTHER = "layout_other"
    FULLWIDTH = "fullwidth"
    SLOW = "slow"


@dataclass(frozen=True)
class ScanDiagnosis:
    """A verdict, the kind word of a valid code and the digits recovered (if any)."""

    verdict: Verdict
    kind: str = ""
    digits: str | None = None


def diagnose_scan(raw: str, *, fast: bool, kind_of: Callable[[str], str]) -> ScanDiagnosis:
    """Say what is wrong with the scanner set-up, judging by one scan.

    ``fast`` tells whether the characters arrived as a scanner burst. ``kind_of(digits)``
    returns the code's kind (``"member"``, ``"coupon"``) or ``""`` when it is not ours; it
    must not raise. The first problem found wins, in the order the person must fix them:
    slow input, full-width IME, Caps Lock, keyboard layout; then valid or not ours.
    """
    text = raw.strip()
    if not fast:
        return ScanDiagnosis(Verdict.SLOW)
    scan = normalize_scan(text, accept=lambda digits: bool(kind_of(digits)))
    if has_fullwidth(text):
        return ScanDiagnosis(Verdict.FULLWIDTH, digits=scan.digits)
    if scan.mangling is Mangling.SHIFTED_US or (scan.digits is None and looks_like_caps_lock(text)):
        return ScanDiagnosis(Verdict.CAPS_LOCK, digits=scan.digits)
    if scan.mangling is Mangling.AZERTY:
        return ScanDiagnosis(Verdict.LAYOUT_AZERTY, digits=scan.digits)
    if scan.digits is None:
        # Letters mean a real text code (a web link, someone else's QR); symbols alone mean
        # digits that a layout we do not know turned into other characters.
        has_letters = any(ch.isascii() and ch.isalpha() for ch in text)
        verdict = Verdict.NOT_OURS if has_letters or not text else Verdict.LAYOUT_OTHER
        return ScanDiagnosis(verdict)
    kind = kind_of(scan.digits)
    if kind:
        return ScanDiagnosis(Verdict.VALID, kind=kind, digits=scan.digits)
    return ScanDiagnosis(Verdict.NOT_OURS, digits=scan.digits)
