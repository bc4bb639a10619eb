"""Chinese mobile numbers: normalising what people type, validating, masking."""

from __future__ import annotations

import re

from desktop.models.errors import DomainError

_MOBILE = re.compile(r"1[3-9]\d{9}")
_FULLWIDTH = str.maketrans("０１２３４５６７８９＋－", "0123456789+-")


def normalize_phone(raw: str) -> str:
    """``+86 138-0013-8000`` → ``13800138000``; raises ``DomainError("phone_invalid")``."""
    text = raw.translate(_FULLWIDTH)
    text = re.sub(r"[\s\-()]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif len(text) == 13 and text.startswith("86"):
        text = text[2:]
    if not _MOBILE.fullmatch(text):
        raise DomainError("phone_invalid")
    return text


def mask_phone(phone: str | None) -> str:
    """138****1234 — what everyone but the owner sees."""
    if not phone:
        return ""
    if len(phone) != 11:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"
