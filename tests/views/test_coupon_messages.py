"""Every coupon and campaign refusal reads as a plain sentence with its numbers filled in."""

from __future__ import annotations

import pytest

from desktop.models.errors import DomainError
from desktop.views.messages import error_text

CASES = [
    (DomainError("wrong_kind", kind="member"), "This is a member card, not a coupon."),
    (DomainError("wrong_kind", kind="coupon"), "This is a coupon, not a member card."),
    (DomainError("coupon_not_found"), "No such coupon"),
    (
        DomainError("already_used", used_at="2026-11-22T14:02:00", shop="和平店"),
        "This coupon was already used on 11-22 14:02 at 和平店.",
    ),
    (DomainError("void"), "voided"),
    (DomainError("expired", valid_to="2026-03-31"), "This coupon expired on 2026-03-31."),
    (DomainError("not_yet_valid", valid_from="2026-04-01"), "from 2026-04-01"),
    (DomainError("wrong_shop"), "cannot be used at this shop"),
    (DomainError("campaign_paused"), "paused"),
    (DomainError("wrong_member", member_name="张*"), "belongs to another member (张*)"),
    (DomainError("member_required", coupon=True), "scan their member card first"),
    (DomainError("min_spend", min_spend_fen=10_000), "needs a bill of ¥100.00 or more"),
    (DomainError("campaign_not_issuable"), "not handed out as coupons"),
    (DomainError("quota_reached", quota=500), "quota is used up"),
    (DomainError("member_limit", limit=2), "(2)"),
    (DomainError("no_marketing_consent"), "not agreed to marketing"),
    (DomainError("campaign_ended"), "has ended"),
    (DomainError("batch_not_found"), "No such batch"),
    (
        DomainError(
            "campaign_spec_invalid",
            problems=[
                {"field": "percent", "reason": "above_100"},
                {"field": "valid_to", "reason": "before_valid_from"},
            ],
        ),
        "Percent off: At most 100.; Valid until: Must not be before the first day.",
    ),
]


@pytest.mark.parametrize(("error", "expected"), CASES, ids=[e.code for e, _ in CASES])
def test_coupon_refusals_read_plainly(error: DomainError, expected: str) -> None:
    text = error_text(error)
    assert expected in text
    assert not text.startswith("Refused:")


def test_points_redemption_without_a_member_keeps_its_own_words() -> None:
    assert error_text(DomainError("member_required")) == "Points can only be redeemed for a member."
