"""The serial worker behind the dashboard and the coupon count: one job at a time off the GUI
thread, stale requests skipped, results on the GUI thread, and no thread left behind."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from desktop.views.background import SerialWorker


def test_jobs_run_in_order_off_the_gui_thread_and_stale_ones_are_skipped(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    worker = SerialWorker("test-worker", owner)
    gate = threading.Event()
    ran: list[str] = []
    delivered: list[tuple[object, str]] = []
    newest = [1]

    def job(name: str, number: int):  # type: ignore[no-untyped-def]
        def work() -> str:
            if number == 1:
                gate.wait(timeout=5)
            ran.append(f"{name} on {threading.current_thread().name}")
            return name

        worker.submit(
            work,
            lambda result: delivered.append((result, threading.current_thread().name)),
            wanted=lambda: number in (1, newest[0]),
        )

    job("first", 1)
    for number in (2, 3, 4):  # asked for while the first runs: only the newest is wanted
        newest[0] = number
        job(f"request {number}", number)
    assert worker.busy
    gate.set()
    qtbot.waitUntil(lambda: not worker.busy, timeout=5000)

    assert ran == ["first on test-worker", "request 4 on test-worker"]
    gui = threading.current_thread().name
    assert delivered == [("first", gui), ("request 4", gui)]


def test_the_thread_ends_with_its_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    worker = SerialWorker("short-lived", owner)
    worker.submit(lambda: 1, lambda _result: None)
    qtbot.waitUntil(lambda: not worker.busy, timeout=5000)
    thread = worker._thread
    assert thread is not None
    assert thread.is_alive()

    owner.deleteLater()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)


def test_a_job_ending_after_its_screen_is_gone_tells_nobody_and_crashes_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    worker = SerialWorker("outlived", owner)
    release = threading.Event()
    finished = threading.Event()
    told: list[object] = []

    def slow() -> str:
        release.wait(timeout=5)
        finished.set()
        return "late"

    worker.submit(slow, told.append)
    owner.deleteLater()  # the screen closes while its job still runs
    qtbot.wait(50)
    release.set()
    assert finished.wait(timeout=5)
    qtbot.wait(100)  # the late result reaches the GUI thread, finds nobody, is dropped
    assert told == []
