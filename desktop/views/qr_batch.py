"""QR matrices for sheets of many codes: the same matrices as ``build_qr_matrix``, faster.

``desktop.models.qrmatrix.build_qr_matrix`` lets the ``qrcode`` package place the data eight
times and score each mask module by module, about 7 ms a code (3.5 s for 500 coupons). Here
the function patterns, the placement order and the eight masks are worked out once per QR
version, and a whole matrix is held in one integer: each line (a row, or a column) is a slot of
``size`` bits after one always-clear separator bit. A code then places its data bits once
(a C-level gather), and every mask is two integer operations away; ``qrcode``'s penalty rules
(runs, 2×2 blocks, finder-like patterns, dark share) become a few dozen shifts, ANDs and bit
counts over the whole matrix. The penalty is ``qrcode.util.lost_point`` of the same test-mode
matrix and ties go to the lowest mask, so every module is identical to ``build_qr_matrix``;
``tests/views/test_qr_batch.py`` compares them on many codes.

Qt-free on purpose (plain Python over ``qrcode``'s tables), so it can move next to
``build_qr_matrix``. Any thread.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from qrcode import base, util
from qrcode.constants import ERROR_CORRECT_M
from qrcode.main import QRCode

from desktop.models.qrmatrix import QrMatrix

__all__ = ["MAX_SHEET_VERSION", "QrRows", "fast_qr_matrix", "fast_qr_rows", "numeric_qr_version"]

MAX_SHEET_VERSION = 10  # largest QR version printed on coupons and slips
_ASCII_DIGITS = re.compile(r"[0-9]+")
_EXP = [base.EXP_TABLE[i % 255] for i in range(512)]
_LOG = base.LOG_TABLE
_FINDER_LIKE = ("10111010000", "00001011101")  # qrcode's two 1:1:3:1:1 patterns with margin


def numeric_qr_version(digit_count: int) -> int:
    """The smallest QR version (level M) that holds ``digit_count`` digits in numeric mode.

    Raises ValueError when no version (1-40) holds them.
    """
    if digit_count <= 0:
        raise ValueError("QR numeric mode needs at least one digit")
    for version in range(1, 41):
        if _numeric_bits(digit_count, version) <= _capacity_bits(version):
            return version
    raise ValueError(f"{digit_count} digits do not fit any QR version")


def _numeric_bits(digit_count: int, version: int) -> int:
    count_bits = util.mode_sizes_for_version(version)[util.MODE_NUMBER]
    return 4 + count_bits + 10 * (digit_count // 3) + (0, 4, 7)[digit_count % 3]


def _capacity_bits(version: int) -> int:
    return int(util.BIT_LIMIT_TABLE[ERROR_CORRECT_M][version])


# -- data codewords ------------------------------------------------------------------------------
@functools.cache
def _generator_logs(ec_count: int) -> tuple[int, ...]:
    """Logs of the Reed-Solomon generator's coefficients after the leading 1."""
    poly = [1]
    for i in range(ec_count):
        root = _EXP[i]
        nxt = poly + [0]
        for j in range(1, len(nxt)):
            if poly[j - 1]:
                nxt[j] ^= _EXP[_LOG[poly[j - 1]] + _LOG[root]]
        poly = nxt
    return tuple(_LOG[c] for c in poly[1:])


def _ec_bytes(block: list[int], ec_count: int) -> list[int]:
    logs = _generator_logs(ec_count)
    remainder = [0] * ec_count
    for byte in block:
        factor = byte ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            shift = _LOG[factor]
            remainder = [r ^ _EXP[shift + g] for r, g in zip(remainder, logs, strict=True)]
    return remainder


def _codewords(digits: str, version: int) -> bytes:
    """Numeric-mode data, terminator, padding, Reed-Solomon blocks, interleaved."""
    count_bits = util.mode_sizes_for_version(version)[util.MODE_NUMBER]
    widths = {1: "04b", 2: "07b", 3: "010b"}
    parts = ["0001", format(len(digits), f"0{count_bits}b")]
    parts += [
        format(int(digits[i : i + 3]), widths[len(digits[i : i + 3])])
        for i in range(0, len(digits), 3)
    ]
    bits = "".join(parts)
    capacity = _capacity_bits(version)
    bits += "0" * min(4, capacity - len(bits))
    bits += "0" * (-len(bits) % 8)
    data = list(int(bits, 2).to_bytes(len(bits) // 8, "big"))
    data += [0xEC, 0x11] * ((capacity // 8 - len(data)) // 2 + 1)
    data = data[: capacity // 8]
    blocks = base.rs_blocks(version, ERROR_CORRECT_M)
    data_blocks: list[list[int]] = []
    ec_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        chunk = data[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(chunk)
        ec_blocks.append(_ec_bytes(chunk, block.total_count - block.data_count))
    out: list[int] = []
    for group in (data_blocks, ec_blocks):
        for i in range(max(len(b) for b in group)):
            out.extend(b[i] for b in group if i < len(b))
    return bytes(out)


# -- one version's layout ------------------------------------------------------------------------
@dataclass(frozen=True)
class _Plan:
    """What every code of one version shares. ``*_rows`` / ``*_cols``: the matrix as one int,
    line by line (rows, or columns), each line a separator bit then ``size`` module bits."""

    size: int
    positions: int  # data modules
    gather_rows: Callable[[str], tuple[str, ...]]  # data bit string → row-major module chars
    gather_cols: Callable[[str], tuple[str, ...]]
    test_rows: int  # function modules as qrcode scores them (format information light)
    test_cols: int
    mask_rows: tuple[int, ...]  # per mask: the data modules it inverts
    mask_cols: tuple[int, ...]
    final_rows: tuple[int, ...]  # per mask: function modules with that mask's format info
    modules: int  # every module bit (no separators)
    pairs: int  # bits whose left and upper neighbours are in the matrix


def _function_modules(version: int, *, mask: int, test: bool) -> list[list[bool | None]]:
    """qrcode's ``makeImpl`` up to (not including) data placement; None marks data modules."""
    qr = QRCode(version=version, error_correction=ERROR_CORRECT_M, border=0)
    size = version * 4 + 17
    qr.modules_count = size
    qr.modules = [[None] * size for _ in range(size)]
    qr.setup_position_probe_pattern(0, 0)
    qr.setup_position_probe_pattern(size - 7, 0)
    qr.setup_position_probe_pattern(0, size - 7)
    qr.setup_position_adjust_pattern()
    qr.setup_timing_pattern()
    qr.setup_type_info(test, mask)
    if version >= 7:
        qr.setup_type_number(test)
    return qr.modules


def _placement_order(modules: list[list[bool | None]]) -> list[tuple[int, int]]:
    """Data module positions in the order ``QRCode.map_data`` fills them."""
    size = len(modules)
    order: list[tuple[int, int]] = []
    step = -1
    row = size - 1
    for right in range(size - 1, 0, -2):
        col = right - 1 if right <= 6 else right
        while True:
            for c in (col, col - 1):
                if modules[row][c] is None:
                    order.append((row, c))
            row += step
            if row < 0 or row >= size:
                row -= step
                step = -step
                break
    return order


def _packed(size: int, dark: Callable[[int, int], bool]) -> tuple[int, int]:
    """(rows int, columns int) of the modules for which ``dark(row, col)`` holds."""
    rows = "".join(
        "0" + "".join("1" if dark(r, c) else "0" for c in range(size)) for r in range(size)
    )
    cols = "".join(
        "0" + "".join("1" if dark(r, c) else "0" for r in range(size)) for c in range(size)
    )
    return int(rows, 2), int(cols, 2)


@functools.cache
def _plan(version: int) -> _Plan:
    blank = _function_modules(version, mask=0, test=True)
    size = len(blank)
    order = _placement_order(blank)
    index = {pos: i for i, pos in enumerate(order)}
    clear = len(order)  # the gathered string ends in one "0" for every other module
    stride = size + 1

    def gather(by_line: Callable[[int, int], tuple[int, int]]) -> Callable[[str], tuple[str, ...]]:
        picks = []
        for line in range(size):
            picks.append(clear)
            picks.extend(index.get(by_line(line, k), clear) for k in range(size))
        return operator.itemgetter(*picks)

    test_rows, test_cols = _packed(size, lambda r, c: bool(blank[r][c]))
    mask_rows, mask_cols, final_rows = [], [], []
    for mask in range(8):
        inverts = util.mask_func(mask)
        rows, cols = _packed(size, lambda r, c, f=inverts: (r, c) in index and bool(f(r, c)))
        mask_rows.append(rows)
        mask_cols.append(cols)
        final = _function_modules(version, mask=mask, test=False)
        final_rows.append(_packed(size, lambda r, c, m=final: bool(m[r][c]))[0])
    modules = int(("0" + "1" * size) * size, 2)
    pairs = int("0" * stride + ("00" + "1" * (size - 1)) * (size - 1), 2)
    return _Plan(
        size=size,
        positions=len(order),
        gather_rows=gather(lambda line, k: (line, k)),
        gather_cols=gather(lambda line, k: (k, line)),
        test_rows=test_rows,
        test_cols=test_cols,
        mask_rows=tuple(mask_rows),
        mask_cols=tuple(mask_cols),
        final_rows=tuple(final_rows),
        modules=modules,
        pairs=pairs,
    )


# -- scoring ------------------------------------------------------------------------------------
def _runs_penalty(dark: int, light: int) -> int:
    """N1: each run of 5 or more like modules in a line scores its length minus 2."""
    total = 0
    for v in (dark, light):
        five = v & (v >> 1) & (v >> 2) & (v >> 3) & (v >> 4)  # a run of ≥5 ends here
        total += five.bit_count() + 2 * (five & ~(five >> 1)).bit_count()
    return total


def _finder_like_count(dark: int, light: int) -> int:
    count = 0
    for pattern in _FINDER_LIKE:
        hits = -1
        for k, bit in enumerate(pattern):
            hits &= (dark if bit == "1" else light) >> (10 - k)
        count += hits.bit_count()
    return count


def _penalty(rows: int, cols: int, plan: _Plan, stride: int) -> int:
    """``qrcode.util.lost_point`` of the matrix held in ``rows`` (and, transposed, ``cols``)."""
    light_rows = rows ^ plan.modules
    light_cols = cols ^ plan.modules
    runs = _runs_penalty(rows, light_rows) + _runs_penalty(cols, light_cols)
    same_down = ~(rows ^ (rows >> stride))
    same_across = ~(rows ^ (rows >> 1))
    blocks = (same_down & (same_down >> 1) & same_across & plan.pairs).bit_count()
    finder_like = _finder_like_count(rows, light_rows) + _finder_like_count(cols, light_cols)
    rating = int(abs(float(rows.bit_count()) / (plan.size**2) * 100 - 50) / 5)
    return runs + 3 * blocks + 40 * finder_like + 10 * rating


# -- building -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class QrRows:
    """A QR matrix as one string of "0"/"1" per row (no quiet zone), and its version."""

    rows: tuple[str, ...]
    version: int

    def matrix(self) -> QrMatrix:
        dark = "1".__eq__
        return QrMatrix(
            modules=tuple(tuple(map(dark, row)) for row in self.rows), version=self.version
        )


def fast_qr_rows(digits: str) -> QrRows:
    """``build_qr_matrix(digits)`` as row strings (numeric mode, level M, smallest version).

    Raises ValueError when ``digits`` is empty, holds anything but ASCII 0-9, or is too long
    for QR version 40.
    """
    if not _ASCII_DIGITS.fullmatch(digits):
        raise ValueError("QR numeric mode needs a non-empty string of ASCII digits")
    version = numeric_qr_version(len(digits))
    plan = _plan(version)
    size = plan.size
    stride = size + 1
    codewords = _codewords(digits, version)
    bits = format(int.from_bytes(codewords, "big"), f"0{len(codewords) * 8}b")
    bits = (bits + "0" * plan.positions)[: plan.positions] + "0"
    data_rows = int("".join(plan.gather_rows(bits)), 2)
    data_cols = int("".join(plan.gather_cols(bits)), 2)
    best_mask, best_score = 0, -1
    for mask in range(8):
        rows = plan.test_rows | (data_rows ^ plan.mask_rows[mask])
        cols = plan.test_cols | (data_cols ^ plan.mask_cols[mask])
        score = _penalty(rows, cols, plan, stride)
        if best_score < 0 or score < best_score:
            best_mask, best_score = mask, score
    final = plan.final_rows[best_mask] | (data_rows ^ plan.mask_rows[best_mask])
    text = format(final, f"0{size * stride}b")
    return QrRows(
        rows=tuple(text[r * stride + 1 : (r + 1) * stride] for r in range(size)), version=version
    )


def fast_qr_matrix(digits: str) -> QrMatrix:
    """The matrix ``build_qr_matrix(digits)`` returns, built several times faster."""
    return fast_qr_rows(digits).matrix()
