"""Helpers for the coupon and campaign tests: specs with sensible defaults, members made fast."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from desktop.models.campaign_spec import CampaignSpec
from desktop.models.service import Desk


def spec(**changes: Any) -> CampaignSpec:
    """¥10 off, valid 30 days from issue, unless told otherwise."""
    values: dict[str, Any] = {"name": "十元券", "kind": "amount_off", "value_fen": 1000}
    values.update(changes)
    if "valid_from" not in changes and "valid_days" not in changes:
        values["valid_days"] = 30
    return CampaignSpec(**values)


def fan(desk: Desk, phone: str = "13700000001", name: str = "李四", **kw: Any) -> int:
    """A member who agreed to marketing."""
    return desk.enrol_member(
        name=name, phone=phone, by=None, membership_consent=True, marketing_consent=True, **kw
    )


def bulk_members(
    desk: Desk,
    count: int,
    *,
    consent_every: int = 1,
    birthday: dt.date | None = None,
    seed: int = 7,
) -> list[int]:
    """Insert ``count`` members with raw SQL (fast); every ``consent_every``-th agreed to
    marketing. Returns their ids in insertion order."""
    rng = random.Random(seed)
    ids = rng.sample(range(1 << 40, 1 << 62), count)
    today = desk.today().isoformat()
    at = desk.now().strftime("%Y-%m-%d %H:%M:%S.%f")
    rows = [
        (
            mid,
            f"会员{i}",
            f"hy{i}",
            f"huiyuan{i}",
            f"139{i:08d}",
            f"{i % 10000:04d}",
            birthday.isoformat() if birthday else None,
            at,
            today,
            1 if i % consent_every == 0 else 0,
            today,
            today,
        )
        for i, mid in enumerate(ids)
    ]
    with desk.db.write() as s:
        shop_id = desk.shop_profile().id
        s.connection().exec_driver_sql(
            "INSERT INTO member (id, home_shop_id, name, initials, pinyin, phone, phone_last4,"
            " birthday, enrolled_at, enrolled_day, marketing_consent, sharing_consent,"
            " card_serial, card_issued_on, card_expires_on, note)"
            f" VALUES (?, {shop_id}, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, '')",
            rows,  # type: ignore[arg-type]
        )
    return ids
