"""Every refusal of an alliance coupon reads as a sentence, with its figures."""

from __future__ import annotations

import pytest

from desktop.views.messages import coupon_error_text


@pytest.mark.parametrize(
    "code",
    [
        "alliance_campaign_not_joined",
        "campaign_not_running",
        "alliance_coupon_over_offline_cap",
        "alliance_campaign_unknown",
        "alliance_coupon_online_only",
        "alliance_coupon_not_here",
        "coupon_member_unknown",
        "alliance_campaign_server_owned",
    ],
)
def test_each_alliance_refusal_has_words(qapp, code: str) -> None:
    text = coupon_error_text(code, {"campaign": "春季街市", "cap_fen": 5_000})
    assert text
    assert code not in text


def test_the_offline_cap_and_the_campaign_are_named(qapp) -> None:
    assert "¥50.00" in (
        coupon_error_text("alliance_coupon_over_offline_cap", {"cap_fen": 5_000}) or ""
    )
    assert "春季街市" in (
        coupon_error_text("alliance_campaign_not_joined", {"campaign": "春季街市"}) or ""
    )


def test_a_coupon_used_at_another_alliance_shop_names_it(qapp) -> None:
    text = coupon_error_text("already_used", {"used_at": None, "shop": "#2"}) or ""
    assert "alliance shop no. 2" in text
