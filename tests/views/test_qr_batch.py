"""The fast QR builder for sheets gives exactly the matrices the model's builder gives, and its
painted path covers exactly the dark modules."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter

from desktop.models.qrmatrix import build_qr_matrix
from desktop.views.paper_draw import draw_qr_rows
from desktop.views.qr_batch import fast_qr_matrix, fast_qr_rows, numeric_qr_version
from desktop.views.qr_widget import QUIET_ZONE


def sample_digits() -> list[str]:
    rng = random.Random(20260301)
    lengths = list(range(1, 60)) + [219, 220, 221, 263, 264, 265, 511, 512, 513]
    lengths += [rng.randrange(1, 700) for _ in range(120)]
    return ["".join(rng.choice("0123456789") for _ in range(n)) for n in lengths] + [
        "0" * 40,
        "9" * 300,
        "1" * 5,
    ]


def test_fast_matrices_equal_the_model_builder() -> None:
    for digits in sample_digits():
        assert fast_qr_matrix(digits) == build_qr_matrix(digits), len(digits)


def test_numeric_version_is_the_smallest_that_holds_the_digits() -> None:
    for length in (1, 34, 35, 63, 64, 220, 264, 450, 451, 513, 514):
        assert numeric_qr_version(length) == build_qr_matrix("7" * length).version, length


@pytest.mark.parametrize("digits", ["", "12a4", "１２３", "12 34", "9" * 6000])
def test_what_the_model_refuses_is_refused(digits: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the model raises a bare ValueError too
        build_qr_matrix(digits)
    with pytest.raises(ValueError):  # noqa: PT011
        fast_qr_rows(digits)


def test_painted_rows_cover_exactly_the_dark_modules(qtbot) -> None:
    code = fast_qr_rows("9110880051100439509588083692229295829224655355377842534711")
    side = len(code.rows) + 2 * QUIET_ZONE
    image = QImage(side + 6, side + 6, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    painter = QPainter(image)
    assert draw_qr_rows(painter, code.rows, QPointF(3, 3), 1) == side
    painter.end()
    for y in range(side):
        for x in range(side):
            inside = QUIET_ZONE <= x < side - QUIET_ZONE and QUIET_ZONE <= y < side - QUIET_ZONE
            dark = inside and code.rows[y - QUIET_ZONE][x - QUIET_ZONE] == "1"
            colour = image.pixelColor(x + 3, y + 3)
            assert (colour.red(), colour.green(), colour.blue()) == (
                (0, 0, 0) if dark else (255, 255, 255)
            ), (x, y)
    assert image.pixelColor(1, 1).red() == 255  # nothing painted outside the quiet zone
    assert image.pixelColor(1, 1).green() == 0
