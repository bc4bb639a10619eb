"""Field types shared by the request schemas: bounded integers and clean text.

Every integer that reaches a 64-bit column is bounded here, and text may not hold NUL or lone
surrogates (PostgreSQL refuses both), so a bad request is a 4xx and never a database error.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field

MAX_BIGINT = 2**63 - 1


def _clean_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("text may not contain NUL")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("text is not valid Unicode") from exc
    return value


def _day_in_range(value: dt.date) -> dt.date:
    if not dt.date(2000, 1, 1) <= value <= dt.date(2199, 12, 31):
        raise ValueError("day out of range")
    return value


def _utc_naive(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        try:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        except (OverflowError, ValueError) as exc:
            raise ValueError("time out of range") from exc
    if not dt.datetime(2000, 1, 1) <= value <= dt.datetime(2199, 12, 31):
        raise ValueError("time out of range")
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
Name = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_clean_text)]
Day = Annotated[dt.date, AfterValidator(_day_in_range)]
Timestamp = Annotated[dt.datetime, AfterValidator(_utc_naive)]
Id64 = Annotated[int, Field(ge=1, le=MAX_BIGINT)]
Id32 = Annotated[int, Field(ge=1, le=2**31 - 1)]
Points = Annotated[int, Field(ge=0, le=10**9)]
Fen = Annotated[int, Field(ge=0, le=10**12)]
Seq = Annotated[int, Field(ge=1, le=2**62)]
SaleUid = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_.:-]+$")]
EventId = Annotated[
    str, Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
PhoneHash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
