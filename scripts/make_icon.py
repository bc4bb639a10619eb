"""Draw the app icon: a rounded red square with a gold rim and the character 商 in gold.

    .venv/bin/python scripts/make_icon.py            # writes assets/icon.png and assets/icon.ico

``icon.png`` (256 px) is the window icon; ``icon.ico`` (16–256 px) is the executable's icon on
Windows (``build.spec``). The character is drawn with an installed CJK font; without one the
icon falls back to a counter-and-QR mark, so the script runs on any machine.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
SIZE = 256
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RED_TOP, RED_BOTTOM = QColor("#d8312c"), QColor("#a3161a")
GOLD, GOLD_LIGHT = QColor("#f2c14e"), QColor("#ffe39a")
CHARACTER = "商"
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans Mono CJK SC",  # the same Han glyphs as Noto Sans CJK
    "Noto Serif CJK SC",
    "SimHei",
)


def cjk_family() -> str | None:
    """An installed font family that has the character, bold sans preferred."""
    families = set(QFontDatabase.families())
    for name in CJK_FAMILIES:
        if name in families:
            return name
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return chinese[0] if chinese else None


def _background(painter: QPainter, side: float) -> None:
    inset = side * 0.03
    box = QRectF(inset, inset, side - 2 * inset, side - 2 * inset)
    radius = side * 0.2
    gradient = QLinearGradient(0, 0, 0, side)
    gradient.setColorAt(0, RED_TOP)
    gradient.setColorAt(1, RED_BOTTOM)
    path = QPainterPath()
    path.addRoundedRect(box, radius, radius)
    painter.fillPath(path, gradient)
    rim = side * 0.035
    painter.setPen(QPen(GOLD, rim))
    inner = box.adjusted(rim * 1.6, rim * 1.6, -rim * 1.6, -rim * 1.6)
    painter.drawRoundedRect(inner, radius * 0.8, radius * 0.8)


def _character(painter: QPainter, side: float, family: str) -> None:
    font = QFont(family)
    font.setPixelSize(round(side * 0.62))
    font.setWeight(QFont.Weight.Black)
    painter.setFont(font)
    gradient = QLinearGradient(0, side * 0.2, 0, side * 0.8)
    gradient.setColorAt(0, GOLD_LIGHT)
    gradient.setColorAt(1, GOLD)
    painter.setPen(QPen(gradient, 1))
    # Nudge up a little: CJK glyphs sit low in their em box.
    painter.drawText(QRectF(0, -side * 0.02, side, side), Qt.AlignmentFlag.AlignCenter, CHARACTER)


def _counter_mark(painter: QPainter, side: float) -> None:
    """No CJK font: a QR-like finder square above a counter top."""
    unit = side / 16
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GOLD)
    left, top = 5 * unit, 3.5 * unit
    painter.drawRect(QRectF(left, top, 6 * unit, 6 * unit))
    painter.setBrush(RED_BOTTOM)
    painter.drawRect(QRectF(left + unit, top + unit, 4 * unit, 4 * unit))
    painter.setBrush(GOLD)
    painter.drawRect(QRectF(left + 2 * unit, top + 2 * unit, 2 * unit, 2 * unit))
    painter.drawRoundedRect(QRectF(3.5 * unit, 11 * unit, 9 * unit, 1.5 * unit), unit / 2, unit / 2)


def draw_icon(side: int, family: str | None) -> QImage:
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _background(painter, side)
    if family is not None:
        _character(painter, side, family)
    else:
        _counter_mark(painter, side)
    painter.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "assets", help="folder to write to")
    args = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    family = cjk_family()
    big = to_pillow(draw_icon(SIZE, family))
    args.out.mkdir(parents=True, exist_ok=True)
    big.save(args.out / "icon.png", optimize=True)
    # Small sizes are drawn at their own size (crisper rim) rather than scaled down.
    frames = [to_pillow(draw_icon(size, family)) for size in ICO_SIZES]
    frames[-1].save(
        args.out / "icon.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=frames[:-1],
    )
    print(f"icon drawn with {family or 'the counter mark (no CJK font)'} -> {args.out}")
    del _app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
