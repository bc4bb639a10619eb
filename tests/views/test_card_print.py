"""Member cards in PDF and PNG carry a QR code a real decoder reads back to the member, and
painting QR codes over and over does not corrupt the interpreter."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from desktop.models.qrmatrix import build_qr_matrix
from desktop.models.service import Desk
from desktop.views import card_print
from desktop.views.members_view import MembersView
from desktop.views.qr_widget import QrWidget, paint_qr_in
from tests.views.members_support import (
    SHOP_NAME,
    DialogSteps,
    enrol,
    session_of,
)

pytest_plugins = ("tests.views.fixtures_members",)

MM_PER_INCH = 25.4
PT_PER_MM = 72 / MM_PER_INCH


@pytest.fixture
def member(desk: Desk) -> int:
    return enrol(desk, "张三丰🌸", "13800001234")


def decode(path: Path) -> list[zxingcpp.Barcode]:
    with Image.open(path) as image:
        return zxingcpp.read_barcodes(image.convert("L"))


def test_card_is_saved_as_a_cr80_pdf(qtbot, desk: Desk, member: int, tmp_path: Path) -> None:
    path = tmp_path / "card.pdf"
    card_print.save_card_pdf(path, card_print.card_data(desk, member))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert box is not None
    width, height = float(box.group(1)), float(box.group(2))
    assert width == pytest.approx(85.60 * PT_PER_MM, abs=1)
    assert height == pytest.approx(53.98 * PT_PER_MM, abs=1)


def test_png_qr_reads_back_to_the_member(qtbot, desk: Desk, member: int, tmp_path: Path) -> None:
    path = tmp_path / "card.png"
    card_print.save_card_png(path, card_print.card_data(desk, member))
    with Image.open(path) as image:
        assert image.size == (1012, 638)  # 85.60 × 53.98 mm at 300 dpi
        assert image.info["dpi"][0] == pytest.approx(300, abs=0.5)
    codes = decode(path)
    assert len(codes) == 1
    digits = codes[0].text
    assert digits == desk.member_code(member)
    assert desk.lookup_scan(digits).id == member


def test_printed_qr_modules_are_at_least_half_a_millimetre(
    qtbot, desk: Desk, member: int, tmp_path: Path
) -> None:
    path = tmp_path / "card.png"
    data = card_print.card_data(desk, member)
    card_print.save_card_png(path, data)
    (code,) = decode(path)
    position = code.position
    width_px = abs(position.top_right.x - position.top_left.x)
    modules = build_qr_matrix(code.text).size  # the position excludes the quiet zone
    module_mm = width_px / modules / 300 * MM_PER_INCH
    assert module_mm >= 0.5


@pytest.mark.parametrize("dpi", [150, 200, 600])
def test_card_reads_back_at_other_resolutions(
    qtbot, desk: Desk, member: int, tmp_path: Path, dpi: int
) -> None:
    path = tmp_path / f"card-{dpi}.png"
    card_print.save_card_png(path, card_print.card_data(desk, member), dpi=dpi)
    assert [c.text for c in decode(path)] == [desk.member_code(member)]


def test_save_button_writes_the_png_the_user_chose(
    qtbot, desk: Desk, member: int, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "chosen"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *args, **kwargs: (str(target), "PNG image, 300 dpi (*.png)"),
    )
    view = MembersView(desk, session_of(None))
    qtbot.addWidget(view)
    view.select_member(member)
    qtbot.mouseClick(view.details.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".png")
    assert saved.exists()
    assert [c.text for c in decode(saved)] == [desk.member_code(member)]
    assert str(saved) in view.details.status_label.text()


def test_print_preview_draws_the_card(
    qtbot, desk: Desk, member: int, dialogs: DialogSteps, monkeypatch
) -> None:
    painted: list[card_print.CardData] = []
    draw = card_print.paint_card_on_printer

    def counting(printer, data):
        painted.append(data)
        draw(printer, data)

    monkeypatch.setattr(card_print, "paint_card_on_printer", counting)
    dialogs.then(QPrintPreviewDialog, lambda dialog: dialog.reject())
    card_print.preview_card(card_print.card_data(desk, member))
    dialogs.check()
    assert painted
    assert painted[0].shop_name == SHOP_NAME


def test_card_image_shows_the_shop_and_member(qtbot, desk: Desk, member: int) -> None:
    data = card_print.card_data(desk, member)
    assert (data.shop_name, data.member_name, data.card_serial) == (SHOP_NAME, "张三丰🌸", 1)
    image = card_print.card_image(data)
    header = image.pixelColor(5, 5)
    assert (header.red(), header.green(), header.blue()) != (255, 255, 255)


# -- painting many times ---------------------------------------------------------------------
@pytest.mark.slow
def test_painting_qr_codes_thousands_of_times_keeps_none_intact(
    qtbot, desk: Desk, member: int
) -> None:
    """PySide6 6.12 on Python 3.11 dropped a reference to None on every
    ``fillRect(QRectF, QColor)``; enough paints and the process aborts with
    "deallocating None". Our painting must not touch that path."""
    widget = QrWidget(desk.member_code(member))
    qtbot.addWidget(widget)
    widget.resize(200, 200)
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    matrix = widget.matrix()
    assert matrix is not None
    before = sys.getrefcount(None)
    for _ in range(1500):
        widget.grab()
        painter = QPainter(image)
        paint_qr_in(painter, matrix, QRectF(0, 0, 300, 300))
        painter.end()
    for _ in range(20):
        card_print.card_image(card_print.card_data(desk, member), dpi=100)
    assert sys.getrefcount(None) > before - 500
