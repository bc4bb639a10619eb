"""The conflicts screen after a real sync: what happened, in the shop's terms, with the
amounts; "Mark all as read" clears the new marks for good."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desktop.sync.conflicts import REFUSED, SETTLED, Conflict
from desktop.views.conflict_texts import conflict_explanation, conflict_title
from desktop.views.conflicts_view import ConflictsDialog
from tests.alliance.support import AllianceHelper, Server
from tests.sync.alliance_support import conflicts_at_tea, street
from tests.sync.conftest import alliance, new_shop, server  # noqa: F401  (real server)
from tests.sync.support import Shop

WHAT, MEANS = 2, 3


def texts(dialog: ConflictsDialog, column: int) -> list[str]:
    return [dialog.table.item(r, column).text() for r in range(dialog.table.rowCount())]


def test_the_shop_reads_what_the_alliance_settled_and_marks_it_read(
    qtbot: QtBot,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    new_shop: Callable[[str], Shop],  # noqa: F811
) -> None:
    s = street(server, alliance, new_shop)
    facts = conflicts_at_tea(s)
    dialog = ConflictsDialog(s.tea.desk)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.table.isVisible()
    assert not dialog.empty_label.isVisible()
    assert sorted(texts(dialog, WHAT)) == ["New: Coupon used twice", "New: Points overspent"]
    assert dialog.summary_label.text() == "2 in all, 2 new"
    means = {
        c.reason: text for c, text in zip(dialog.items_shown, texts(dialog, MEANS), strict=True)
    }
    coupon = means["coupon_already_redeemed"]
    assert str(s.coupons[0]) in coupon
    assert f"sale no. {facts['tea_sale']} (¥88.00)" in coupon
    assert "The alliance pays your shop the ¥8.00 discount" in coupon
    owed = facts["spent_at_tea"] - (facts["earned"] - 50)
    overspend = means["overspend"]
    assert "Zhang San" in overspend
    assert f"used {facts['spent_at_tea']:,} points here" in overspend
    assert f"owes {owed:,} points" in overspend
    assert "cannot use points offline" in overspend

    dialog.read_button.click()

    assert sorted(texts(dialog, WHAT)) == ["Coupon used twice", "Points overspent"]
    assert dialog.summary_label.text() == "2 in all, 0 new"
    assert not dialog.read_button.isEnabled()
    again = ConflictsDialog(s.tea.desk)
    qtbot.addWidget(again)
    assert sorted(texts(again, WHAT)) == ["Coupon used twice", "Points overspent"]


def test_a_shop_outside_any_alliance_gets_a_sentence_not_an_empty_table(
    qtbot: QtBot,
    new_shop: Callable[[str], Shop],  # noqa: F811
) -> None:
    dialog = ConflictsDialog(new_shop("alone").desk)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.table.isVisible()
    assert "not in an alliance" in dialog.empty_label.text()


@pytest.mark.parametrize(
    ("reason", "outcome"),
    [(r, "applied_with_conflict") for r in SETTLED] + [(r, "rejected") for r in REFUSED],
)
def test_every_reason_the_server_gives_has_its_own_words(
    qtbot: QtBot, reason: str, outcome: str
) -> None:
    c = Conflict(
        id=1,
        reason=reason,
        outcome=outcome,
        event_kind="sale.recorded",
        settlement=None,
        found_at=dt.datetime(2026, 5, 1, 10, 0),
        happened_at=None,
        seen=False,
        member_id=42,
        coupon_id=7,
        amount_fen=500,
    )
    assert conflict_title(c) not in ("Refused by the alliance", "Settled differently")
    explanation = conflict_explanation(c)
    assert reason not in explanation
    assert "%" not in explanation
