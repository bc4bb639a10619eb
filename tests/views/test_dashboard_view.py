"""The dashboard page: tiles, periods, charts with hover values, PNG export, segments."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.models.analytics import SegmentMembers
from desktop.models.service import Desk
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


def test_sending_a_segment_asks_for_coupons_with_its_members(
    qtbot, history: Desk, members: Members
) -> None:
    view = open_view(qtbot, history)
    rfm = view.dashboard.rfm if view.dashboard else None
    assert rfm is not None
    assert rfm.members == 3
    assert view.send_segment.isEnabled()
    chosen = next(row.segment for row in rfm.segments if row.members)
    view.segment.setCurrentIndex(view.segment.findData(chosen))
    with qtbot.waitSignal(view.issue_to_segment_requested, timeout=20000) as signal:
        qtbot.mouseClick(view.send_segment, Qt.MouseButton.LeftButton)
    sent = signal.args[0]
    assert isinstance(sent, SegmentMembers)
    assert sent.segment == chosen
    assert set(sent.member_ids) <= {members.zhang, members.li, members.wang}
    assert sent.member_ids


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
