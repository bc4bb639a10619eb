"""The alliance sync as the shop sees it: the status bar, "Sync now", and the counter's OFFLINE
banner — against a real alliance server on loopback, with the sync on its own thread."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop.models.shop import set_setting
from desktop.sync import state
from desktop.sync.cycle import SyncReport, run_cycle
from desktop.sync.status import sync_status
from desktop.views.main_window import MainWindow
from desktop.views.offline_banner import OfflineBanner
from desktop.views.sync_bridge import SyncBridge
from desktop.views.sync_status_widget import SyncStatusWidget
from tests.alliance.support import AllianceHelper, Server
from tests.sync.conftest import alliance, new_shop, server  # noqa: F401  (fixtures)
from tests.sync.support import LossyProxy, Shop

WAIT_MS = 30_000  # how long a broken worker may hang a test, not a speed check
WAITING = re.compile(r" · (\d+) waiting$")


def waiting(shop: Shop) -> int:
    return sync_status(shop.db, now=shop.desk.now()).waiting


@pytest.fixture
def paired(server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]) -> Shop:  # noqa: F811
    shop = new_shop("面包房")
    shop.pair(server.url, alliance.invite("面包房")["code"])
    return shop


class Screen:
    def __init__(self, bridge: SyncBridge, widget: SyncStatusWidget, banner: OfflineBanner):
        self.bridge, self.widget, self.banner = bridge, widget, banner


@pytest.fixture
def screen(qtbot, paired: Shop) -> Iterator[Callable[..., Screen]]:
    made: list[SyncBridge] = []

    def make(shop: Shop = paired, **kwargs: Any) -> Screen:
        kwargs = {"interval_s": 3600, "poll_s": 3600, "status_ms": 50, **kwargs}
        bridge = SyncBridge(shop.desk, **kwargs)
        widget = SyncStatusWidget(bridge, now=shop.desk.now)
        banner = OfflineBanner(shop.desk.now)
        bridge.status_changed.connect(banner.show_status)
        qtbot.addWidget(widget)
        qtbot.addWidget(banner)
        made.append(bridge)
        return Screen(bridge, widget, banner)

    yield make
    for bridge in made:
        assert bridge.stop(30)
        qtbot.waitUntil(lambda b=bridge: b.idle, timeout=WAIT_MS)


def sell(shop: Shop, phone: str = "13900139000") -> None:
    member = shop.desk.enrol_member(
        name="李四", phone=phone, by=None, membership_consent=True, sharing_consent=True
    )
    shop.desk.record_sale(amount_fen=3_000, member_id=member, by=None)


def test_waiting_records_show_until_sync_now_sends_them(
    qtbot, paired: Shop, screen: Callable[..., Screen]
) -> None:
    s = screen()
    s.bridge.start()
    qtbot.waitUntil(lambda: s.widget.state == "online", timeout=WAIT_MS)
    assert s.widget.text_label.text().startswith("Online · synced ")
    assert "waiting" not in s.widget.text_label.text()

    sell(paired)  # an enrolment and a sale: records to send
    qtbot.waitUntil(lambda: bool(WAITING.search(s.widget.text_label.text())), timeout=WAIT_MS)
    found = WAITING.search(s.widget.text_label.text())
    assert found is not None
    assert not s.widget.sync_button.isHidden()

    with qtbot.waitSignal(s.bridge.reported, timeout=WAIT_MS) as sent:
        s.widget.sync_button.click()
        assert s.widget.text_label.text() == "Syncing…"
    assert sent.args[0].pushed == int(found.group(1)) >= 2
    assert s.widget.state == "online"
    assert "waiting" not in s.widget.text_label.text()


def test_an_unreachable_server_shows_offline_with_what_waits(
    qtbot,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    new_shop,  # noqa: F811
    screen,  # noqa: F811
) -> None:
    proxy = LossyProxy(server.url)  # the shop's way to the server
    shop = new_shop("花店")
    shop.pair(proxy.url, alliance.invite("花店")["code"])
    s = screen(shop)
    s.bridge.start()
    qtbot.waitUntil(lambda: s.widget.state == "online", timeout=WAIT_MS)

    proxy.close()  # the network is gone
    sell(shop)
    with qtbot.waitSignal(s.bridge.reported, timeout=WAIT_MS):
        s.bridge.sync_now()

    assert s.widget.state == "offline"
    assert s.widget.text_label.text().startswith("Offline since ")
    assert WAITING.search(s.widget.text_label.text())
    assert "cannot be reached" in s.widget.toolTip()
    assert not s.banner.isVisible(), "one failed sync is not yet worth a banner"


def test_the_banner_shows_when_the_last_sync_is_old_and_goes_after_a_good_one(
    qtbot, paired: Shop, screen
) -> None:
    assert paired.sync()["ok"]
    with paired.db.write() as session:  # three days without a good sync
        old = paired.desk.now() - dt.timedelta(days=3)
        set_setting(session, state.LAST_OK, old.isoformat(timespec="seconds") + "Z")
    s = screen()
    s.banner.show()  # as on the counter screen
    s.bridge.refresh()
    qtbot.waitUntil(lambda: s.banner.isVisible() and "OFFLINE" in s.banner.text(), timeout=WAIT_MS)
    assert "3 days ago" in s.banner.text()
    assert "Points earned are kept" in s.banner.text()

    s.bridge.start()  # the first cycle is due at once
    qtbot.waitUntil(lambda: not s.banner.isVisible(), timeout=WAIT_MS)
    assert s.widget.state == "online"


def test_the_sync_runs_beside_the_gui_which_keeps_working(qtbot, paired: Shop, screen) -> None:
    release = threading.Event()
    threads: list[int] = []

    def slow_cycle(db: Any, **kwargs: Any) -> SyncReport:
        threads.append(threading.get_ident())
        release.wait(60)  # a server that takes its time
        return run_cycle(db, **kwargs)

    s = screen(run=slow_cycle)
    with qtbot.waitSignal(s.bridge.syncing, timeout=WAIT_MS):
        s.bridge.start()
    assert s.widget.text_label.text() == "Syncing…"
    sell(paired)  # the counter records a sale meanwhile, and the screen keeps up
    qtbot.waitUntil(
        lambda: s.bridge.status is not None and s.bridge.status.waiting > 0, timeout=WAIT_MS
    )
    assert s.bridge.busy
    assert s.widget.text_label.text() == "Syncing…"

    with qtbot.waitSignal(s.bridge.reported, timeout=WAIT_MS) as done:
        release.set()
    assert done.args[0].ok
    assert threads
    assert threading.get_ident() not in threads


def test_the_main_window_syncs_a_sale_by_itself_and_stops_on_close(qtbot, paired: Shop) -> None:
    window = MainWindow(paired.desk)
    qtbot.addWidget(window)
    window.show()
    bar = window.sync_status
    assert bar.parent() is not None
    qtbot.waitUntil(lambda: bar.state == "online", timeout=WAIT_MS)

    sell(paired)
    assert waiting(paired) > 0
    qtbot.waitUntil(lambda: waiting(paired) == 0, timeout=WAIT_MS)  # nobody pressed anything
    qtbot.waitUntil(lambda: bar.state == "online", timeout=WAIT_MS)
    assert paired.sync()["pushed"] == 0, "the window's worker had already sent it"
    assert not window.counter.offline_banner.isVisible()

    window.close()
    assert not window.sync.scheduler.running
    qtbot.waitUntil(lambda: window.sync.idle, timeout=WAIT_MS)


def test_a_shop_on_its_own_says_so_in_grey(qtbot, new_shop) -> None:  # noqa: F811
    shop = new_shop("独立小店")
    window = MainWindow(shop.desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync.status is not None, timeout=WAIT_MS)
    assert window.sync_status.state == "none"
    assert window.sync_status.text_label.text() == "Not in an alliance"
    assert not window.sync_status.sync_button.isVisible()
    window.close()
    qtbot.waitUntil(lambda: window.sync.idle, timeout=WAIT_MS)


def test_every_sync_problem_has_plain_words_on_screen() -> None:
    from desktop.sync.messages import MESSAGES
    from desktop.views.sync_texts import sync_error_text

    fallback = [code for code in MESSAGES if sync_error_text(code).startswith("Sync failed")]
    assert fallback == []
    assert "pair" not in " ".join(sync_error_text(code) for code in MESSAGES)
