"""Points that expire at the counter expire in the alliance's books too (to breakage)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy import select

from desktop.models.clock import utc_now
from desktop.models.service import Desk
from desktop.models.tables import Event
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Shop
from tests.sync.test_sync_cycle import server_balance


def test_expired_points_leave_the_alliance_balance_once(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]
) -> None:
    tea = new_shop("茶铺")
    tea.pair(server.url, alliance.invite("茶铺")["code"])
    member = tea.desk.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True, sharing_consent=True
    )
    earned = tea.desk.record_sale(amount_fen=5_800, member_id=member, by=None).points_earned
    assert tea.sync()["ok"]
    assert server_balance(server, alliance, member) == earned

    later = utc_now() + dt.timedelta(days=800)  # past any expiry the rule allows
    future = Desk(tea.db, clock=lambda: later)
    assert future.expire_due_points() == 1
    assert future.expire_due_points() == 0  # the daily sweep runs once a day
    with tea.db.read() as s:
        payloads = [
            json.loads(p)
            for p in s.execute(select(Event.payload).where(Event.kind == "points.expired"))
            .scalars()
            .all()
        ]
    assert [p["members"] for p in payloads] == [[[member, earned]]]

    assert tea.sync()["ok"]
    assert server_balance(server, alliance, member) == 0 == future.member_card(member).balance
