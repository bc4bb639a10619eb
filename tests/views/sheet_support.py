"""Helpers for the sheet, slip and print dialog tests: stand-in coupons, codes, and reading
QR codes back from a PDF with a real renderer and a real decoder."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from desktop.views.coupon_sheet import SheetCoupon, sheet_coupon_from
from tests.views.members_support import SHOP_NAME

MM_PER_INCH = 25.4
PT_PER_MM = 72 / MM_PER_INCH
DECODE_DPI = 200
SERIAL_CHARS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class FakeCouponInfo:
    """The CouponInfo fields a printed coupon reads (the model's class has more)."""

    serial: str
    campaign_name: str = "新客见面礼"
    kind: str = "amount_off"
    headline: str = ""
    value_fen: int = 1000
    percent: int = 0
    cap_fen: int = 0
    min_spend_fen: int = 5000
    gift: str = ""
    terms: str = "每单限用一张，不找零。"
    valid_from: dt.date = dt.date(2026, 3, 1)
    valid_to: dt.date = dt.date(2026, 5, 31)


def serial_of(index: int) -> str:
    rng = random.Random(index)
    chars = [rng.choice(SERIAL_CHARS) for _ in range(8)]
    return f"C-{''.join(chars[:4])}-{''.join(chars[4:])}"


def coupons_for(codes: list[str]) -> list[SheetCoupon]:
    return [
        sheet_coupon_from(FakeCouponInfo(serial=serial_of(i)), SHOP_NAME, code)
        for i, code in enumerate(codes)
    ]


def fake_codes(count: int, *, length: int = 220, seed: int = 1) -> list[str]:
    """Digit strings as long as a signed code (for timing and layout, not for checking)."""
    rng = random.Random(seed)
    return [str(rng.randrange(10 ** (length - 1), 10**length)) for _ in range(count)]


def page_images(path: Path, *, dpi: int = DECODE_DPI) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()


def decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)


def decoded_pages(path: Path) -> list[list[str]]:
    return [sorted(code.text for code in decode(image)) for image in page_images(path)]
