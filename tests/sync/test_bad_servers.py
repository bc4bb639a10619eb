"""A server that answers nonsense, an HTML page, another protocol, or too slowly: the shop is
told plainly and loses nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from desktop.models.clock import utc_now
from desktop.models.tables import Event
from desktop.sync import state
from desktop.sync.cycle import run_cycle
from desktop.sync.http import AllianceClient
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import Misbehaving, Shop

HTML = b"<html><body><h1>502 Bad Gateway</h1></body></html>"


def waiting(shop: Shop) -> int:
    with shop.db.read() as s:
        return s.execute(
            select(func.count()).select_from(Event).where(Event.acked_at.is_(None))
        ).scalar_one()


@pytest.fixture
def paired(server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]) -> Shop:
    shop = new_shop("茶铺")
    shop.pair(server.url, alliance.invite("茶铺")["code"])
    member = shop.desk.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True, sharing_consent=True
    )
    shop.desk.record_sale(amount_fen=5_800, member_id=member, by=None)
    return shop


def credential(shop: Shop) -> str:
    with shop.db.read() as s:
        pairing = state.pairing(s)
    assert pairing is not None
    return state.open_credential(shop.path, pairing.credential_sealed)


@pytest.mark.parametrize(
    ("status", "body", "kind", "code", "words"),
    [
        (502, HTML, "text/html", "server_error", "failed"),
        (200, HTML, "text/html", "bad_answer", "not understood"),
        (
            200,
            b'{"epoch": "e", "acked_seq": 1, "results": "yes"}',
            "application/json",
            "bad_answer",
            "not understood",
        ),
        (200, b"[1, 2, 3]", "application/json", "bad_answer", "not understood"),
        (200, b'{"epoch": "e", "acked_', "application/json", "bad_answer", "not understood"),
        (
            400,
            b'{"error": "protocol_version_unsupported", "supported": [2]}',
            "application/json",
            "protocol",
            "protocol version",
        ),
        (503, b'{"error": "database_unavailable"}', "application/json", "server_busy", "busy"),
    ],
)
def test_a_bad_answer_is_reported_and_nothing_is_lost(
    paired: Shop, status: int, body: bytes, kind: str, code: str, words: str
) -> None:
    before = waiting(paired)
    fake = Misbehaving(status, body, kind)
    try:
        with paired.db.write() as s:  # the shop's server address now leads somewhere else
            pairing = state.pairing(s)
            assert pairing is not None
            from desktop.models.shop import set_setting

            set_setting(s, state.PAIRING, {**pairing.__dict__, "server_url": fake.url})
        status_code, report = paired.cli("sync")
    finally:
        fake.close()
    assert status_code == 1
    assert report["ok"] is False
    assert report["errors"][0]["code"] == code
    assert words in report["errors"][0]["message"]
    assert waiting(paired) == before


def test_a_server_too_slow_to_answer_times_out_and_keeps_the_events(paired: Shop) -> None:
    before = waiting(paired)
    slow = Misbehaving(200, b"{}", "application/json", delay_s=2)
    try:
        client = AllianceClient(slow.url, credential=credential(paired), timeout=(1, 0.3))
        report = run_cycle(paired.db, clock=utc_now, client=client)
    finally:
        slow.close()
    assert not report.ok
    assert report.errors[0]["code"] == "timeout"
    assert report.retryable
    assert waiting(paired) == before


def test_no_server_at_all_means_offline_and_the_counter_goes_on(paired: Shop) -> None:
    client = AllianceClient("http://127.0.0.1:9", credential=credential(paired))
    report = run_cycle(paired.db, clock=utc_now, client=client)
    assert report.errors[0]["code"] == "offline"
    paired.desk.record_sale(amount_fen=100, member_id=None, by=None)  # still works
    with paired.db.read() as s:
        from desktop.models.shop import get_setting

        assert get_setting(s, state.LAST_ERROR)["code"] == "offline"
        assert get_setting(s, state.LAST_OK) is None
