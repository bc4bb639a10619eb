"""A shop PC restored from an older backup joins again as a new device; nothing counts twice."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.models.tables import Event
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import OWNER_PIN, LossyProxy, Shop
from tests.sync.test_kills import local_balances
from tests.sync.test_sync_cycle import server_balance, waiting


def test_a_restored_pc_must_pair_again_and_then_counts_once(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop], tmp_path
) -> None:
    tea = new_shop("茶铺")
    invite = alliance.invite("茶铺")
    tea.pair(server.url, invite["code"])
    member = tea.desk.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True, sharing_consent=True
    )
    tea.desk.record_sale(amount_fen=10_000, member_id=member, by=None)
    assert tea.sync()["ok"]
    (tmp_path / "backups").mkdir()
    status, backup = tea.cli("backup", "--to", str(tmp_path / "backups"))
    assert status == 0, backup
    lost = tea.desk.record_sale(amount_fen=3_000, member_id=member, by=None)  # after the backup
    assert tea.sync()["ok"]

    tea.db.close()  # the PC's disk died; yesterday's backup goes back in
    status, restored = tea.cli("restore", backup["file"], "--owner-pin", OWNER_PIN)
    assert status == 0, restored
    tea.db = open_database(tea.path)
    tea.desk = Desk(tea.db)
    after = tea.desk.record_sale(amount_fen=2_000, member_id=member, by=None)

    refused = tea.sync()
    assert refused["errors"][0]["code"] == "reenrol_required"
    assert "restored" in refused["errors"][0]["message"]

    again = tea.pair(server.url, alliance.new_code(invite["shop"]))
    assert again["new_device"] is True
    report = tea.sync()
    assert report["ok"] is True, report
    assert waiting(tea) == 0
    # The server kept the sale the restored PC forgot, and took the new one once; the
    # counter shows the member's alliance balance, which includes the forgotten sale.
    ledger_here = local_balances(tea)[member]
    assert after.points_earned > 0
    assert server_balance(server, alliance, member) == ledger_here + lost.points_earned
    assert tea.desk.member_card(member).balance == ledger_here + lost.points_earned


def test_events_the_lost_pc_sent_after_the_backup_count_once_from_the_restored_one(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop], tmp_path
) -> None:
    tea = new_shop("茶铺")
    invite = alliance.invite("茶铺")
    tea.pair(server.url, invite["code"])
    member = tea.desk.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True, sharing_consent=True
    )
    tea.desk.record_sale(amount_fen=10_000, member_id=member, by=None)
    assert tea.sync()["ok"]
    tea.desk.record_sale(amount_fen=4_000, member_id=member, by=None)  # not yet sent…
    (tmp_path / "backups").mkdir()
    status, backup = tea.cli("backup", "--to", str(tmp_path / "backups"))
    assert status == 0, backup
    assert tea.sync()["ok"]  # …but the lost PC sent it after the backup was made
    later = tea.desk.record_sale(amount_fen=3_000, member_id=member, by=None)
    assert tea.sync()["ok"]

    tea.db.close()
    status, restored = tea.cli("restore", backup["file"], "--owner-pin", OWNER_PIN)
    assert status == 0, restored
    tea.db = open_database(tea.path)
    tea.desk = Desk(tea.db)
    carried_over = waiting(tea)
    tea.desk.record_sale(amount_fen=2_000, member_id=member, by=None)
    proxy = LossyProxy(server.url)
    try:
        tea.pair(proxy.url, alliance.new_code(invite["shop"]))
        proxy.drop = 1  # and the first answer to the restored PC is lost on the way
        assert tea.sync()["ok"] is False
        report = tea.sync()
    finally:
        proxy.close()

    assert report["ok"] is True, report
    assert carried_over == 1  # the ¥40 sale: sent by the lost PC, sent again by this one
    assert waiting(tea) == 0
    ledger_here = local_balances(tea)[member]  # 100 + 40 + 20: the backup's and the new sale
    assert server_balance(server, alliance, member) == ledger_here + later.points_earned
    with tea.db.read() as s:
        outcomes = {o for (o,) in s.execute(select(Event.outcome)).all()}
    assert outcomes == {"applied"}
