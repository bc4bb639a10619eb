"""The background sync worker: sales reach the alliance without anyone pressing a button, a
server that is down is tried again later and later (never hammered), and the worker stops at
once when the app closes."""

from __future__ import annotations

import queue
import random
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop.models.clock import utc_now
from desktop.sync.cycle import SyncReport, run_cycle
from desktop.sync.scheduler import JITTER, SyncScheduler
from desktop.sync.status import sync_status
from tests.alliance.support import AllianceHelper, Server
from tests.sync.support import LossyProxy, Shop

WAIT_S = 60  # a bound on how long a broken worker can hang a test, not a speed check


class Reports:
    """What the worker reported, in order, with the backoff it chose after each."""

    def __init__(self) -> None:
        self.items: queue.Queue[tuple[SyncReport, int, float | None]] = queue.Queue()
        self.scheduler: SyncScheduler | None = None

    def __call__(self, report: SyncReport) -> None:
        assert self.scheduler is not None
        self.items.put((report, self.scheduler.failures, self.scheduler.retry_in_s))

    def next(self) -> tuple[SyncReport, int, float | None]:
        return self.items.get(timeout=WAIT_S)

    def until(self, wanted: Callable[[SyncReport], bool]) -> SyncReport:
        for _ in range(100):
            report = self.next()[0]
            if wanted(report):
                return report
        raise AssertionError("the worker never reported what was expected")


Start = Callable[..., tuple[SyncScheduler, "Reports"]]


@pytest.fixture
def paired(server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop]) -> Shop:
    shop = new_shop("面包房")
    shop.pair(server.url, alliance.invite("面包房")["code"])
    return shop


@pytest.fixture
def start() -> Iterator[Start]:
    started: list[SyncScheduler] = []

    def make(shop: Shop, **kwargs: Any) -> tuple[SyncScheduler, Reports]:
        reports = Reports()
        scheduler = SyncScheduler(shop.db, clock=utc_now, on_report=reports, **kwargs)
        reports.scheduler = scheduler
        started.append(scheduler)
        scheduler.start()
        return scheduler, reports

    yield make
    for scheduler in started:
        assert scheduler.stop(WAIT_S)


def sell(shop: Shop) -> int:
    member = shop.desk.enrol_member(
        name="李四", phone="13900139000", by=None, membership_consent=True, sharing_consent=True
    )
    shop.desk.record_sale(amount_fen=3_000, member_id=member, by=None)
    return member


def test_a_new_sale_is_sent_without_anyone_asking(paired: Shop, start: Start) -> None:
    _scheduler, reports = start(paired, poll_s=0.05, interval_s=3600)
    first = reports.next()[0]
    assert first.ok, first.errors  # a paired shop syncs as soon as the app opens

    sell(paired)
    assert sync_status(paired.db, now=utc_now()).waiting >= 2
    report = reports.until(lambda r: r.pushed > 0)

    assert report.ok
    assert sync_status(paired.db, now=utc_now()).waiting == 0


def test_sync_now_wakes_a_worker_that_would_sleep_for_an_hour(paired: Shop, start: Start) -> None:
    scheduler, reports = start(paired, poll_s=3600, interval_s=3600)
    assert reports.next()[0].ok
    sell(paired)
    assert reports.items.empty()

    scheduler.sync_now()
    report = reports.next()[0]

    assert report.ok
    assert report.pushed >= 2
    assert sync_status(paired.db, now=utc_now()).waiting == 0


def test_a_server_that_is_down_is_tried_later_and_later_then_caught_up_with(
    server: Server, alliance: AllianceHelper, new_shop: Callable[[str], Shop], start: Start
) -> None:
    switch = LossyProxy(server.url)
    try:
        shop = new_shop("花店")
        shop.pair(switch.url, alliance.invite("花店")["code"])
        switch.up = False
        sell(shop)
        base, cap = 0.02, 0.16
        _scheduler, reports = start(
            shop,
            poll_s=0.01,
            interval_s=3600,
            backoff_base_s=base,
            backoff_cap_s=cap,
            rng=random.Random(7),
        )
        seen = [reports.next() for _ in range(6)]
        for n, (report, failures, delay) in enumerate(seen, start=1):
            assert not report.ok
            assert report.errors[0]["code"] == "offline"
            assert failures == n
            nominal = min(cap, base * 2 ** (n - 1))
            assert delay is not None
            assert JITTER[0] * nominal <= delay <= JITTER[1] * nominal
        assert len({delay for _r, _n, delay in seen}) == len(seen), "the waits are jittered"
        status = sync_status(shop.db, now=utc_now())
        assert status.last_error == "offline"
        assert status.waiting >= 2

        switch.up = True
        report = reports.until(lambda r: r.ok)
        assert report.pushed >= 2
        status = sync_status(shop.db, now=utc_now())
        assert (status.last_error, status.waiting, status.stale) == (None, 0, False)
    finally:
        switch.close()


def test_a_refusal_that_will_not_pass_by_itself_waits_for_the_interval(
    paired: Shop, start: Start
) -> None:
    paired.path.with_name(paired.path.name + ".sync-key").unlink()  # the key file was lost
    scheduler, reports = start(paired, poll_s=0.01, interval_s=3600)
    report, failures, delay = reports.next()
    assert report.errors[0]["code"] == "credential_lost"
    assert (failures, delay) == (0, None)
    sell(paired)  # new events do not make it try again and again
    assert scheduler.stop(WAIT_S)
    assert reports.items.empty()


def test_stop_ends_a_waiting_worker_at_once(paired: Shop, start: Start) -> None:
    scheduler, reports = start(paired, poll_s=3600, interval_s=3600)
    assert reports.next()[0].ok
    assert scheduler.running

    assert scheduler.stop(timeout=WAIT_S)
    assert not scheduler.running


def test_an_unpaired_shop_is_left_alone(new_shop: Callable[[str], Shop], start: Start) -> None:
    shop = new_shop("独立小店")
    calls: list[int] = []

    def run(db: Any, **kwargs: Any) -> SyncReport:
        calls.append(1)
        return run_cycle(db, **kwargs)

    scheduler, reports = start(shop, poll_s=0.01, interval_s=0, run=run)
    sell(shop)
    scheduler.sync_now()  # asked by hand: it says why it cannot
    assert reports.next()[0].errors[0]["code"] == "not_paired"
    assert scheduler.stop(WAIT_S)
    assert len(calls) == 1


def test_cycles_and_reports_never_overlap(paired: Shop, start: Start) -> None:
    inside = threading.Lock()
    overlaps: list[str] = []
    done = threading.Event()
    count = [0]

    def run(db: Any, **kwargs: Any) -> SyncReport:
        if not inside.acquire(blocking=False):
            overlaps.append("cycle")
            return SyncReport()
        try:
            return run_cycle(db, **kwargs)
        finally:
            inside.release()

    def on_report(report: SyncReport) -> None:
        if not inside.acquire(blocking=False):
            overlaps.append("report")
            return
        try:
            count[0] += 1
            if count[0] >= 8:
                done.set()
        finally:
            inside.release()

    scheduler = SyncScheduler(
        paired.db, clock=utc_now, on_report=on_report, poll_s=0.01, interval_s=3600, run=run
    )
    scheduler.start()
    try:
        askers = [
            threading.Thread(target=lambda: [scheduler.sync_now() for _ in range(50)])
            for _ in range(4)
        ]
        for asker in askers:
            asker.start()
        sell(paired)
        for asker in askers:
            asker.join()
        while not done.is_set():
            scheduler.sync_now()
            done.wait(0.05)
    finally:
        assert scheduler.stop(WAIT_S)
    assert overlaps == []
    assert sync_status(paired.db, now=utc_now()).waiting == 0
