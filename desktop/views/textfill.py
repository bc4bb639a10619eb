"""Filling ``%1``, ``%2`` … placeholders in a translated sentence, in one pass."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """``fill("Sale %1 recorded: +%2 points", "¥23.00", 23)``; like Qt's ``arg()``.

    One pass, so a value that itself contains ``%2`` (a member's name) is never expanded.
    Placeholders without a value are left as they are.
    """

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)
