"""QR module matrices for digit tokens, ready for a view to paint.

The matrix is built in numeric mode at error correction level M, with no quiet zone, in the
smallest QR version that holds the digits. The painter adds the quiet zone (4 modules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qrcode.constants import ERROR_CORRECT_M
from qrcode.exceptions import DataOverflowError
from qrcode.main import QRCode
from qrcode.util import MODE_NUMBER, QRData

__all__ = ["QrMatrix", "build_qr_matrix"]

_ASCII_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class QrMatrix:
    """Dark (True) and light (False) modules, row by row, and the QR version used."""

    modules: tuple[tuple[bool, ...], ...]
    version: int

    @property
    def size(self) -> int:
        """Modules per side (17 + 4 * version)."""
        return len(self.modules)


def build_qr_matrix(digits: str) -> QrMatrix:
    """Encode ``digits`` as a QR code: numeric mode, level M, border 0, smallest version.

    Raises ValueError when ``digits`` is empty, holds anything but ASCII 0-9, or is too long
    for QR version 40.
    """
    if not _ASCII_DIGITS.fullmatch(digits):
        raise ValueError("QR numeric mode needs a non-empty string of ASCII digits")
    qr = QRCode(version=None, error_correction=ERROR_CORRECT_M, border=0)
    qr.add_data(QRData(digits, mode=MODE_NUMBER))
    try:
        qr.make(fit=True)
    except (DataOverflowError, ValueError) as exc:  # qrcode reports overflow as either
        raise ValueError(f"{len(digits)} digits do not fit any QR version") from exc
    modules = tuple(tuple(bool(cell) for cell in row) for row in qr.get_matrix())
    return QrMatrix(modules=modules, version=int(qr.version))
