"""How numbers look on screen: money in yuan from integer fen, tiers, dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication


def yuan(fen: int) -> str:
    """12345 → "¥123.45" (integer arithmetic; never a float)."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


def parse_yuan(text: str) -> int | None:
    """ "123.4" / "¥1,234.56" / "１２" → fen, or None if it is not an amount."""
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "")
    cleaned = "".join(
        chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c == "．" else c for c in cleaned
    )
    if not cleaned or cleaned.count(".") > 1 or cleaned.startswith("-"):
        return None
    whole, _, frac = cleaned.partition(".")
    if not (whole or frac) or not (whole.isdigit() or whole == "") or (frac and not frac.isdigit()):
        return None
    if len(frac) > 2 or len(whole) > 12:
        return None
    return int(whole or "0") * 100 + int((frac + "00")[:2])


def tier_name(tier: int) -> str:
    names = {
        0: QCoreApplication.translate("Tier", "Normal"),
        1: QCoreApplication.translate("Tier", "Silver"),
        2: QCoreApplication.translate("Tier", "Gold"),
    }
    return names.get(tier, str(tier))


def day_text(day: dt.date | None) -> str:
    return day.isoformat() if day else "—"
