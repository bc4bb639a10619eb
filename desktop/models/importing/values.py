"""Cell values from other systems' exports → clean domain values, or a reason code.

Pure functions, no database. Each parser takes what a cell held (text from a CSV, or a number,
date or datetime from Excel) and returns the value, or raises :class:`CellProblem` with a
reason code from :mod:`desktop.models.importing.report`. Money is parsed with ``Decimal``,
never with float arithmetic: an Excel number arrives as a float, whose shortest repr is the
decimal the spreadsheet shows ("12.35"), and that text is what gets parsed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Final

from desktop.models.errors import DomainError
from desktop.models.names import clean_name
from desktop.models.phones import normalize_phone


class CellProblem(Exception):
    """A cell that cannot be used; ``reason`` is a code, not text."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FormulaWithoutValue:
    """Marks a cell holding a formula whose result the file does not store."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<formula without value>"


FORMULA_WITHOUT_VALUE: Final = FormulaWithoutValue()

Cell = (
    str
    | int
    | float
    | Decimal
    | bool
    | dt.datetime
    | dt.date
    | dt.time
    | None
    | FormulaWithoutValue
)

_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
_FULLWIDTH[0x3002] = 0x2E  # 。 typed for a decimal point
_EXCEL_ERRORS = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")
)
MAX_POINTS = 1_000_000
MIN_DAY = dt.date(1900, 1, 1)


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and signs (１２３，．) → ASCII."""
    return text.translate(_FULLWIDTH)


def cell_text(value: Cell) -> str:
    """What a cell shows, as one line of text (for reports and fingerprints)."""
    if value is None:
        return ""
    if type(value) is str:
        return " ".join(value.split())
    if isinstance(value, FormulaWithoutValue):
        return "=?"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


def _float_text(value: float) -> str:
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_cell(value: Cell) -> None:
    """Problems any cell can have, whatever its column: a formula with no stored result, an
    Excel error value, or text that was decoded with the wrong encoding."""
    if isinstance(value, FormulaWithoutValue):
        raise CellProblem("formula_without_value")
    if isinstance(value, str):
        stripped = value.strip()
        if stripped in _EXCEL_ERRORS:
            raise CellProblem("cell_error")
        if looks_garbled(stripped):
            raise CellProblem("garbled_text")


# -- text ------------------------------------------------------------------------------------


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _high_byte(ch: str) -> bool:
    """A character that Latin-1 / Windows-1252 decoding makes out of one byte ≥ 0x80."""
    if "\u0080" <= ch <= "\u00ff":
        return True
    try:
        return ch.encode("cp1252")[0] >= 0x80
    except UnicodeEncodeError:
        return False


def looks_garbled(text: str) -> bool:
    """True for text that went through the wrong encoding (mojibake).

    Two kinds: U+FFFD (bytes that were replaced on decoding), and Chinese that was decoded
    as Latin-1 / Windows-1252 (``张三`` in GBK read as ``ÕÅÈý``, in UTF-8 as ``å¼ ä¸‰``):
    mostly such characters, no Chinese, and read back as bytes they decode to Chinese.
    """
    if text.isascii():
        return False
    if "\ufffd" in text:
        return True
    letters = [ch for ch in text if not ch.isspace()]
    high = sum(1 for ch in letters if _high_byte(ch))
    if high < 2 or high * 5 < len(letters) * 3 or any(_is_han(ch) for ch in letters):
        return False
    for codec in ("cp1252", "latin-1"):
        try:
            raw = text.encode(codec)
        except UnicodeEncodeError:
            continue
        for source in ("utf-8", "gb18030"):
            try:
                decoded = raw.decode(source)
            except UnicodeDecodeError:
                continue
            if sum(1 for ch in decoded if _is_han(ch)) * 4 >= high:
                return True
    return False


def parse_name(value: Cell) -> str:
    if is_blank(value):
        raise CellProblem("missing_value")
    try:
        return clean_name(cell_text(value))
    except DomainError as exc:
        reason = "name_too_long" if exc.code == "name_too_long" else "missing_value"
        raise CellProblem(reason) from None


# -- phones ----------------------------------------------------------------------------------

_MOBILE_FAST = re.compile(r"1[3-9][0-9]{9}")


def parse_phone(value: Cell) -> str:
    """A Chinese mobile number from ``138 0013 8000``, ``+86-138…``, ``0086…`` or a number
    cell. Excel's scientific form (``1.38001E+10``) has lost digits and is refused."""
    if type(value) is str and len(value) == 11 and _MOBILE_FAST.fullmatch(value):
        return value  # the common case, already clean
    if is_blank(value):
        raise CellProblem("missing_value")
    if isinstance(value, bool) or isinstance(value, dt.date | dt.time):
        raise CellProblem("bad_phone")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellProblem("bad_phone")
        text = str(int(value))
    elif isinstance(value, int | Decimal):
        text = str(value)
    else:
        text = str(value).strip()
        if text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]  # a number cell that went through text once
    try:
        return normalize_phone(text)
    except DomainError:
        raise CellProblem("bad_phone") from None


# -- money -----------------------------------------------------------------------------------

_CURRENCY = re.compile(r"^(?:rmb|cny|人民币)|(?:元|rmb|cny)$", re.IGNORECASE)
_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_FEN = Decimal("0.01")
_NOISE = Decimal("0.000001")


def parse_amount_fen(value: Cell, *, max_fen: int) -> int:
    """Yuan (``¥1,234.50``, ``１２．５``, ``12元``, 12.5) → whole fen (123450).

    Negative amounts (``-12``, ``(12.00)``) are ``negative_amount``; zero is ``zero_amount``;
    more than two decimals is ``fractional_amount`` (except a float's binary noise).
    """
    if type(value) is float:
        if value != value or value in (float("inf"), float("-inf")):
            raise CellProblem("unreadable_amount")
        amount = Decimal(repr(value))
    elif type(value) is int:
        amount = Decimal(value)
    elif is_blank(value):
        raise CellProblem("missing_value")
    elif isinstance(value, bool) or isinstance(value, dt.date | dt.time):
        raise CellProblem("unreadable_amount")
    elif isinstance(value, Decimal):
        amount = value
    else:
        amount = _parse_amount_text(str(value))
    if amount < 0:
        raise CellProblem("negative_amount")
    fen = amount.quantize(_FEN, rounding=ROUND_HALF_UP)
    if abs(fen - amount) > _NOISE:
        raise CellProblem("fractional_amount")
    result = int(fen * 100)
    if result == 0:
        raise CellProblem("zero_amount")
    if result > max_fen:
        raise CellProblem("amount_too_large")
    return result


def _parse_amount_text(raw: str) -> Decimal:
    text = to_halfwidth(raw).strip().replace("，", ",")
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    for sign in ("¥", "￥", "$"):
        text = text.replace(sign, "")
    text = _CURRENCY.sub("", text.strip()).strip()
    if text.startswith("-"):
        negative, text = True, text[1:].strip()
    elif text.startswith("+"):
        text = text[1:].strip()
    text = text.replace(" ", "").replace("\u00a0", "")
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    elif not _PLAIN.fullmatch(text):
        raise CellProblem("unreadable_amount")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise CellProblem("unreadable_amount") from None
    return -amount if negative else amount


# -- points and yes/no ---------------------------------------------------------------------


def parse_points(value: Cell) -> int:
    """An opening points balance: a whole number, 0 or more (blank = 0)."""
    if is_blank(value):
        return 0
    if isinstance(value, bool) or isinstance(value, dt.date | dt.time):
        raise CellProblem("unreadable_points")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellProblem("unreadable_points")
        points = int(value)
    elif isinstance(value, int):
        points = value
    else:
        text = to_halfwidth(str(value)).strip().replace(",", "").replace(" ", "")
        if text.endswith(".0"):
            text = text[:-2]
        negative = text.startswith("-")
        digits = text[1:] if negative else text
        if not (digits.isascii() and digits.isdigit()):
            raise CellProblem("unreadable_points")
        points = -int(digits) if negative else int(digits)
    if points < 0:
        raise CellProblem("negative_points")
    if points > MAX_POINTS:
        raise CellProblem("points_too_large")
    return points


_YES = frozenset("1 y yes true t 是 有 同意 已同意 接收 允许 订阅 √ ✓ ✔ 对 ok".split())
_NO = frozenset("0 n no false f 否 无 不同意 未同意 不接收 拒绝 不允许 退订 × ✗ ✘ x 不".split())


def parse_yes_no(value: Cell) -> bool:
    """A consent cell: yes / 是 / 同意 / 1 / TRUE → True; no / 否 / blank → False."""
    if is_blank(value):
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = to_halfwidth(cell_text(value)).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise CellProblem("unreadable_value")


def plain_text(value: Cell, *, limit: int = 64) -> str:
    """A reference such as a receipt number, as one normalised line of text."""
    text = cell_text(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).strip()
    return text[:limit]
