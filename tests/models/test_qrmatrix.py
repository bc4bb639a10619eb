"""QR matrices for digit tokens decode back to the same digits with a real decoder."""

from __future__ import annotations

from datetime import date

import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from desktop.models.qrmatrix import QrMatrix, build_qr_matrix
from desktop.models.qrtoken import MemberCard, encode_member_card

SCALE = 4
QUIET_ZONE = 4


def member_token() -> str:
    card = MemberCard(
        member_id=2**63 - 1,
        card_serial=0xFFFF,
        issued_on=date(2025, 1, 1),
        expires_on=date(2199, 6, 6),
        tier=2,
    )
    key = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    return encode_member_card(card, private_key=key, alliance_id=2**32 - 1)


def render(matrix: QrMatrix) -> Image.Image:
    """Paint dark modules black on white, SCALE pixels each, with a QUIET_ZONE border."""
    side = (matrix.size + 2 * QUIET_ZONE) * SCALE
    image = Image.new("L", (side, side), 255)
    for y, row in enumerate(matrix.modules):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + QUIET_ZONE) * SCALE, (y + QUIET_ZONE) * SCALE
                image.paste(0, (left, top, left + SCALE, top + SCALE))
    return image


def decode(matrix: QrMatrix) -> list[zxingcpp.Barcode]:
    barcodes = list(zxingcpp.read_barcodes(render(matrix)))
    assert all(b.format == zxingcpp.BarcodeFormat.QRCode for b in barcodes)
    return barcodes


def test_member_token_fits_version_6() -> None:
    token = member_token()
    assert len(token) == 220
    matrix = build_qr_matrix(token)
    assert matrix.version == 6
    assert matrix.size == 17 + 4 * 6


def test_member_token_matrix_decodes_to_the_same_digits() -> None:
    token = member_token()
    [barcode] = decode(build_qr_matrix(token))
    assert barcode.text == token
    assert barcode.ec_level == "M"


def test_matrix_is_square_of_bools_without_border() -> None:
    matrix = build_qr_matrix("1234567890")
    assert all(len(row) == matrix.size for row in matrix.modules)
    assert all(isinstance(cell, bool) for row in matrix.modules for cell in row)
    # With border 0 the top-left finder pattern starts in the very first module.
    assert matrix.modules[0][:7] == (True,) * 7
    assert matrix.modules[1][:7] == (True,) + (False,) * 5 + (True,)


@pytest.mark.parametrize(
    ("length", "version"),
    [(34, 1), (35, 2), (202, 5), (203, 6), (255, 6), (256, 7)],
)
def test_smallest_version_that_holds_the_digits_in_numeric_mode(length: int, version: int) -> None:
    assert build_qr_matrix("7" * length).version == version


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=400))
def test_any_digit_string_decodes_back(digits: str) -> None:
    [barcode] = decode(build_qr_matrix(digits))
    assert barcode.text == digits


@pytest.mark.parametrize("bad", ["", "12a4", "١٢٣", "12 34", "12\n"])
def test_non_digit_input_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError, match="digits"):
        build_qr_matrix(bad)


def test_input_beyond_version_40_is_rejected() -> None:
    assert build_qr_matrix("1" * 5596).version == 40
    with pytest.raises(ValueError, match="do not fit"):
        build_qr_matrix("1" * 5597)
