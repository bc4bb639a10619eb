"""The dashboard page: tiles, periods, charts with hover values, PNG export, segments."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.models.service import Desk
from desktop.views import dashboard_view
from desktop.views.dashboard_view import DashboardView
from desktop.views.i18n import install_translators
from tests.views.conftest import Members, ViewClock

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def history(shop_desk: Desk, members: Members, view_clock: ViewClock) -> Desk:
    """Three weeks of sales: Zhang every few days, Li twice, Wang once; today is day 20."""
    start = view_clock.now
    for day, who, fen in [
        (0, members.zhang, 3000),
        (3, members.zhang, 2000),
        (3, members.li, 5000),
        (8, members.zhang, 1000),
        (10, members.wang, 800),
        (15, members.li, 4000),
        (16, members.zhang, 2500),
    ]:
        view_clock.now = start + dt.timedelta(days=day)
        shop_desk.record_sale(amount_fen=fen, member_id=who, by=None)
    view_clock.now = start + dt.timedelta(days=20)
    return shop_desk


def open_view(qtbot, desk: Desk) -> DashboardView:
    view = DashboardView(desk)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    qtbot.waitUntil(lambda: view.dashboard is not None, timeout=20000)
    return view


def test_importing_the_main_window_does_not_import_matplotlib() -> None:
    code = (
        "import sys; import desktop.views.main_window, desktop.views.dashboard_view;"
        " print('matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_tiles_show_the_period_against_the_previous_one(qtbot, history: Desk) -> None:
    view = open_view(qtbot, history)
    board = view.dashboard
    assert board is not None
    assert board.period.weeks == 12
    assert view.tiles["visits"].value.text() == "7"
    assert view.tiles["member_sales_fen"].value.text() == "¥183.00"
    assert view.tiles["avg_ticket_fen"].value.text() == "¥26.14"  # 18300 / 7
    assert view.tiles["visits"].change.text() == "—"  # nothing in the period before


def test_choosing_four_weeks_reloads_the_charts(qtbot, history: Desk) -> None:
    view = open_view(qtbot, history)
    with qtbot.waitSignal(view.loaded, timeout=20000):
        view.period.setCurrentIndex(view.period.findData("4w"))
    assert view.dashboard is not None
    assert view.dashboard.period.weeks == 4
    assert len(view.dashboard.weeks) == 4


def test_a_custom_period_covers_whole_weeks(qtbot, history: Desk) -> None:
    view = open_view(qtbot, history)
    view.period.setCurrentIndex(view.period.findData("custom"))
    assert view.first.isVisible()
    view.first.setDate(dt.date(2026, 3, 4))
    view.last.setDate(dt.date(2026, 3, 10))
    with qtbot.waitSignal(view.loaded, timeout=20000):
        qtbot.mouseClick(view.apply, Qt.MouseButton.LeftButton)
    assert view.dashboard is not None
    assert (view.dashboard.period.first, view.dashboard.period.last) == (
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 15),
    )
    assert [w.week for w in view.dashboard.weeks] == ["2026-W10", "2026-W11"]


def test_hovering_a_bar_shows_its_values(qtbot, history: Desk) -> None:
    view = open_view(qtbot, history)
    canvas = view.canvases["sales"]
    canvas.draw()
    ax = canvas.figure.axes[0]
    weeks = view.dashboard.weeks if view.dashboard else ()
    index = next(i for i, w in enumerate(weeks) if w.week == "2026-W10")
    x_px, y_px = ax.transData.transform((index, 10.0))  # 10 yuan up the bar, in pixels
    ratio = canvas.devicePixelRatioF()
    point = QPoint(int(x_px / ratio), int(canvas.height() - y_px / ratio))
    qtbot.mouseMove(canvas, point)
    qtbot.waitUntil(lambda: canvas._tip is not None and canvas._tip.get_visible(), timeout=5000)
    assert canvas._tip is not None
    text = canvas._tip.get_text()
    assert "2026-W10" in text
    assert "¥100.00" in text  # 3000 + 2000 + 5000 fen


def test_every_chart_answers_hover_lookups(qtbot, history: Desk) -> None:
    view = open_view(qtbot, history)
    for name in ("visits", "points", "repeat", "cohorts"):
        canvas = view.canvases[name]
        ax = canvas.figure.axes[0]
        assert canvas.hover_text_at(ax, 0.0, 0.0), name
        assert canvas.hover_text_at(ax, 500.0, 500.0) is None, name


def test_a_chart_is_saved_as_png(qtbot, history: Desk, tmp_path: Path, monkeypatch) -> None:
    view = open_view(qtbot, history)
    target = tmp_path / "visits.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(view.findChild(QPushButton, "save_visits"), Qt.MouseButton.LeftButton)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_clicking_a_segment_bar_chooses_that_segment(qtbot, history: Desk) -> None:
    view = open_view(qtbot, history)
    rfm = view.dashboard.rfm if view.dashboard else None
    assert rfm is not None
    assert rfm.members == 3
    assert view.send_segment.isEnabled()
    canvas = view.canvases["rfm"]
    canvas.draw()
    ax = canvas.figure.axes[0]
    index = next(i for i, row in enumerate(rfm.segments) if row.members)
    x_px, y_px = ax.transData.transform((0.5, index))
    ratio = canvas.devicePixelRatioF()
    point = QPoint(int(x_px / ratio), int(canvas.height() - y_px / ratio))

    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)

    assert view.segment.currentData() == rfm.segments[index].segment
    assert view.segment.currentText().endswith(f"({rfm.segments[index].members})")


def test_the_page_says_it_is_computing_and_the_counter_keeps_working(
    qtbot, history: Desk, members: Members, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first build that takes a minute: the bar says so, a sale goes through meanwhile,
    and the requests made while it runs are not each computed again."""
    release = threading.Event()
    calls: list[str] = []
    refresh = Desk.refresh_analytics

    def slow_refresh(desk: Desk, **kwargs: bool) -> object:
        if kwargs.get("rfm", True):  # a page load (``Desk.dashboard`` refreshes without RFM)
            calls.append(threading.current_thread().name)
            release.wait(timeout=20)
        return refresh(desk, **kwargs)

    monkeypatch.setattr(Desk, "refresh_analytics", slow_refresh)
    monkeypatch.setattr(dashboard_view, "SLOW_LOAD_MS", 50)
    view = DashboardView(history)
    qtbot.addWidget(view)
    view.resize(1200, 900)
    view.show()
    assert view.busy_bar.isVisible()
    assert view.status.text() == "Computing the figures…"
    assert not view.export_button.isEnabled()
    qtbot.waitUntil(lambda: "Still computing" in view.status.text(), timeout=2000)

    sale = history.record_sale(amount_fen=1200, member_id=members.li, by=None)  # the counter
    assert sale.sale_id
    for key in ("4w", "52w", "12w"):  # the owner clicks around meanwhile
        view.period.setCurrentIndex(view.period.findData(key))
    with qtbot.waitSignal(view.loaded, timeout=20000):
        release.set()

    assert not view.busy_bar.isVisible()
    assert view.dashboard is not None
    assert view.dashboard.period.weeks == 12
    assert view.tiles["visits"].value.text() == "8"  # the sale rung up meanwhile counts
    assert calls == ["dashboard", "dashboard"]  # the first, then only the newest request
    assert view.export_button.isEnabled()


def test_chinese_labels_and_a_cjk_chart_font(qtbot, qapp, history: Desk) -> None:
    from matplotlib import font_manager

    from desktop.views.chart_canvas import configure_fonts

    install_translators(qapp, "zh_CN")
    try:
        view = open_view(qtbot, history)
        assert view.tiles["visits"].title.text() == "到店人次"
        assert view.period.itemText(0) == "最近 4 周"
    finally:
        install_translators(qapp, "en")
    family = configure_fonts()
    if family is None:
        pytest.skip("no CJK font installed")
    path = font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))
    assert "CJK" in path or "wqy" in path.lower() or family in path
