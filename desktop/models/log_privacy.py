"""Log files never hold a full phone number: a logging filter that masks Chinese mobiles.

``13800138000``, ``138 0013 8000``, ``138-0013-8000``, ``+86 13800138000``, ``0086…`` and
``86…`` all become ``138****8000``, in the message, its arguments, the exception text and the
stack.
Digits that are part of a longer number (a card code, an amount) are left alone.
"""

from __future__ import annotations

import logging
import re

from desktop.models.phones import mask_phone

_PHONE = re.compile(
    r"(?<![\d+])"  # not inside a longer number
    r"(?:(?:\+|00)?86[\s-]?)?"  # an optional country code
    r"(1[3-9]\d(?:[\s-]?\d){8})"  # 11 digits, maybe grouped 3-4-4 by spaces or dashes
    r"(?!\d)"
)


def mask_phones(text: str) -> str:
    """``text`` with every Chinese mobile number in it masked as ``138****8000``."""

    def masked(match: re.Match[str]) -> str:
        digits = re.sub(r"[\s-]", "", match.group(1))
        return mask_phone(digits)

    return _PHONE.sub(masked, text)


class PhoneMaskFilter(logging.Filter):
    """Masks phone numbers in each record before any handler formats it (never drops one).

    The record is rewritten in place: the message is formatted once with its arguments,
    and the exception and stack texts are formatted and masked, so a formatter writes only
    the masked forms.
    """

    def __init__(self) -> None:
        super().__init__()
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep what was logged, masked
            message = f"{record.msg} {record.args}"
        record.msg = mask_phones(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_phones(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_phones(record.stack_info)
        return True
