"""The owner's dashboard: KPI tiles and weekly charts over a chosen period.

matplotlib is imported when this page is built (``DashboardView.__init__``), not when the
module is imported, so the counter never pays for it at start. Figures are computed on a
worker thread (``Desk.refresh_analytics`` then ``Desk.dashboard``) and drawn on the GUI
thread when they arrive. "Send segment to coupons" emits ``issue_to_segment_requested`` with
the chosen RFM segment's :class:`~desktop.models.analytics.SegmentMembers`.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.analytics import KPI_KEYS, SEGMENTS, Dashboard, Period
from desktop.views.dashboard_tiles import KpiTile

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.views.chart_canvas import ChartCanvas

CHARTS = ("visits", "sales", "points", "repeat", "coupons", "cohorts", "rfm")


class _Task(QObject):
    """Runs ``work()`` on a thread; ``done(result or exception)`` arrives on the GUI thread."""

    done = Signal(object)

    def __init__(self, work: Callable[[], object]) -> None:
        super().__init__()
        self._work = work

    def start(self) -> None:
        threading.Thread(target=self._run, name="dashboard", daemon=True).start()

    def _run(self) -> None:  # worker thread: no widgets here
        try:
            result: object = self._work()
        except Exception as exc:  # shown in the status line, on the GUI thread
            result = exc
        self.done.emit(result)


class DashboardView(QWidget):
    issue_to_segment_requested = Signal(object)  # SegmentMembers
    loaded = Signal()  # a dashboard was drawn

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.views import dashboard_charts
        from desktop.views.chart_canvas import ChartCanvas

        self._desk = desk
        self._charts = dashboard_charts
        self._tasks: list[_Task] = []
        self._generation = 0
        self.dashboard: Dashboard | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        tiles = QGridLayout()
        self.tiles: dict[str, KpiTile] = {}
        for i, key in enumerate(KPI_KEYS):
            tile = KpiTile(key, self._kpi_title(key))
            self.tiles[key] = tile
            tiles.addWidget(tile, i // 4, i % 4)
        layout.addLayout(tiles)
        self.canvases: dict[str, ChartCanvas] = {}
        grid = QGridLayout()
        body = QWidget()
        body.setLayout(grid)
        for i, name in enumerate(CHARTS):
            canvas = ChartCanvas(body, height=3.0)
            self.canvases[name] = canvas
            grid.addWidget(self._panel(name, canvas), i // 2, i % 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.period = QComboBox()
        for text, key in (
            (self.tr("Last 4 weeks"), "4w"),
            (self.tr("Last 12 weeks"), "12w"),
            (self.tr("Last 52 weeks"), "52w"),
            (self.tr("Custom…"), "custom"),
        ):
            self.period.addItem(text, key)
        self.period.setCurrentIndex(1)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.first = QDateEdit(calendarPopup=True)
        self.last = QDateEdit(calendarPopup=True)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setVisible(False)
        self.apply = QPushButton(self.tr("Show"))
        self.apply.setVisible(False)
        self.apply.clicked.connect(self.reload)
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.clicked.connect(self.reload)
        self.status = QLabel("")
        self.status.setStyleSheet("color: #5f6b7a;")
        bar.addWidget(QLabel(self.tr("Period:")))
        bar.addWidget(self.period)
        self.dash = QLabel("–")
        self.dash.setVisible(False)
        bar.addWidget(self.first)
        bar.addWidget(self.dash)
        bar.addWidget(self.last)
        bar.addWidget(self.apply)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        bar.addWidget(self.status)
        return bar

    def _panel(self, name: str, canvas: ChartCanvas) -> QFrame:
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(panel)
        box.addWidget(canvas, 1)
        row = QHBoxLayout()
        if name == "rfm":
            self.segment = QComboBox()
            self.send_segment = QPushButton(self.tr("Send segment to coupons…"))
            self.send_segment.setEnabled(False)
            self.send_segment.clicked.connect(self._send_segment)
            row.addWidget(self.segment, 1)
            row.addWidget(self.send_segment)
        row.addStretch(1)
        save = QPushButton(self.tr("Save as PNG…"))
        save.setObjectName(f"save_{name}")
        save.clicked.connect(lambda: self._save_png(name))
        row.addWidget(save)
        box.addLayout(row)
        return panel

    def _kpi_title(self, key: str) -> str:
        return {
            "visits": self.tr("Visits"),
            "new_members": self.tr("New members"),
            "active_members": self.tr("Active members / week"),
            "member_sales_fen": self.tr("Member sales"),
            "avg_ticket_fen": self.tr("Average ticket"),
            "repeat_rate_30d": self.tr("Repeat rate (30 days)"),
            "points_liability_fen": self.tr("Points liability"),
            "coupon_redemption_rate": self.tr("Coupon redemption"),
        }[key]

    def segment_names(self) -> dict[str, str]:
        return {
            "champions": self.tr("Champions"),
            "loyal": self.tr("Loyal"),
            "potential": self.tr("Potential loyalists"),
            "new": self.tr("New customers"),
            "need_attention": self.tr("Need attention"),
            "at_risk": self.tr("At risk"),
            "hibernating": self.tr("Hibernating"),
        }

    # -- loading ----------------------------------------------------------------------------
    def chosen_period(self) -> Period | str:
        key = self.period.currentData()
        if key != "custom":
            return str(key)
        return Period.covering(self.first.date().toPython(), self.last.date().toPython())

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        for widget in (self.first, self.dash, self.last, self.apply):
            widget.setVisible(custom)
        if custom:
            if self.dashboard is not None:
                self.first.setDate(QDate(self.dashboard.period.first))
                self.last.setDate(QDate(self.dashboard.period.last))
            return
        self.reload()

    def _run(self, work: Callable[[], object], done: Callable[[Any], None]) -> None:
        task = _Task(work)
        self._tasks.append(task)

        def finished(result: object) -> None:
            self._tasks.remove(task)
            done(result)

        task.done.connect(finished)
        task.start()

    def reload(self) -> None:
        """Compute the figures of the chosen period on a worker thread, then draw them."""
        self._generation += 1
        generation = self._generation
        period = self.chosen_period()
        desk = self._desk
        self.status.setText(self.tr("Loading…"))
        self.refresh.setEnabled(False)

        def work() -> object:
            desk.refresh_analytics()
            return desk.dashboard(period)

        def done(result: Any) -> None:
            if generation != self._generation:
                return  # a newer request is on its way
            self.refresh.setEnabled(True)
            if isinstance(result, Exception):
                self.status.setText(
                    self.tr("Could not compute the figures: %1").replace("%1", str(result))
                )
                raise result
            self.show_dashboard(result)

        self._run(work, done)

    # -- drawing ----------------------------------------------------------------------------
    def show_dashboard(self, board: Dashboard) -> None:
        self.dashboard = board
        previous = self.tr("Previous period: %1")
        for kpi in board.kpis:
            self.tiles[kpi.key].show_kpi(kpi, previous)
        self._draw(board)
        self._fill_segments(board)
        p = board.period
        text = self.tr("%1 to %2 · %3 weeks").replace("%1", p.first.isoformat())
        self.status.setText(text.replace("%2", p.last.isoformat()).replace("%3", str(p.weeks)))
        self.loaded.emit()

    def _draw(self, board: Dashboard) -> None:
        c, T = self._charts, self._charts.Texts
        empty = self.tr("No data in this period")
        weeks = board.weeks
        c.draw_visits(
            self.canvases["visits"],
            weeks,
            T(self.tr("Visits per week"), (self.tr("New members"), self.tr("Returning")), empty),
        )
        c.draw_sales(
            self.canvases["sales"],
            weeks,
            T(self.tr("Member sales"), (self.tr("Sales"), self.tr("Average ticket")), empty),
        )
        c.draw_points(
            self.canvases["points"],
            weeks,
            T(
                self.tr("Points issued and redeemed"),
                (self.tr("Issued"), self.tr("Redeemed"), self.tr("Outstanding")),
                empty,
            ),
        )
        c.draw_repeat(
            self.canvases["repeat"],
            weeks,
            T(self.tr("Repeat-purchase rate"), (self.tr("30 days"), self.tr("90 days")), empty),
        )
        c.draw_coupons(
            self.canvases["coupons"],
            board.campaigns,
            T(
                self.tr("Coupon redemption by campaign"),
                (self.tr("Issued"), self.tr("Redeemed"), self.tr("Redemption rate")),
                self.tr("No coupons issued in this period"),
            ),
        )
        c.draw_cohorts(
            self.canvases["cohorts"],
            board.cohorts,
            T(
                self.tr("Cohort retention"),
                (self.tr("Weeks since enrolment"), self.tr("Enrolment week")),
                empty,
            ),
        )
        as_of = board.rfm.as_of.isoformat() if board.rfm is not None else "—"
        c.draw_rfm(
            self.canvases["rfm"],
            board.rfm,
            self.segment_names(),
            T(
                self.tr("RFM segments (365 days to %1)").replace("%1", as_of),
                (self.tr("Members"), self.tr("Sales")),
                self.tr("No purchases in the last 365 days"),
            ),
        )

    def _fill_segments(self, board: Dashboard) -> None:
        names = self.segment_names()
        current = self.segment.currentData()
        self.segment.clear()
        counts = {row.segment: row.members for row in board.rfm.segments} if board.rfm else {}
        for key in SEGMENTS:
            self.segment.addItem(f"{names[key]} ({counts.get(key, 0):,})", key)
        index = self.segment.findData(current) if current else -1
        if index < 0 and counts:
            index = self.segment.findData(max(counts, key=lambda k: counts[k]))
        self.segment.setCurrentIndex(max(index, 0))
        self.send_segment.setEnabled(board.rfm is not None and board.rfm.members > 0)

    # -- actions ----------------------------------------------------------------------------
    def _send_segment(self) -> None:
        """Work out who is in the chosen segment (off the GUI thread), then ask for coupons."""
        name = str(self.segment.currentData())
        desk = self._desk
        self.send_segment.setEnabled(False)
        self.status.setText(self.tr("Finding the members of the segment…"))

        def done(result: Any) -> None:
            self.send_segment.setEnabled(True)
            if isinstance(result, Exception):
                raise result
            self.status.setText(
                self.tr("%1 members in the segment").replace("%1", f"{len(result.member_ids):,}")
            )
            self.issue_to_segment_requested.emit(result)

        self._run(lambda: desk.segment_members(name), done)

    def _save_png(self, name: str) -> None:
        suggested = f"{name}-{dt.date.today().isoformat()}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if path:
            self.canvases[name].save_png(path)
