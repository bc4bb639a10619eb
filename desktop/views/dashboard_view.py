"""The owner's dashboard: KPI tiles and weekly charts over a chosen period.

matplotlib is imported when this page is built (``DashboardView.__init__``), not when the
module is imported, so the counter never pays for it at start. Figures are computed on the
page's one worker thread (``Desk.refresh_analytics`` then ``Desk.dashboard``: the first time
on a big shop that reads the whole history, tens of seconds) and drawn on the GUI thread when
they arrive; meanwhile a busy bar says so and every other tab keeps working. Requests made
while one runs wait behind it, and only the newest is computed.

"Issue coupons to this segment…" sends the RFM segment chosen under its chart to the
issue-to-segment dialog; "Export…" writes the weekly report workbook or the record exports
(see :mod:`desktop.views.dashboard_actions`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.models.analytics import KPI_KEYS, SEGMENTS, Dashboard, Period
from desktop.views import dashboard_actions
from desktop.views.background import SerialWorker
from desktop.views.dashboard_tiles import KpiTile
from desktop.views.pin_dialog import ask_owner
from desktop.views.segment_names import segment_names

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

    from desktop.models.service import Desk
    from desktop.models.staff import Actor
    from desktop.views.chart_canvas import ChartCanvas

CHARTS = ("visits", "sales", "points", "repeat", "coupons", "cohorts", "rfm")
SLOW_LOAD_MS = 3000  # after this long, explain why the figures are still coming
STATUS_COLOURS = {"": "#5f6b7a", "ok": "#2E7D32", "info": "#5f6b7a", "error": "#b00020"}


class DashboardView(QWidget):
    """``DashboardView(desk, owner=None)``. ``owner`` (who unlocked the page) is who issues
    coupons and exports; without one the owner's PIN is asked when needed.

    Public for tests: ``tiles``, ``canvases``, the bar's widgets, ``segment`` and
    ``send_segment``, ``export_button``, ``busy_bar``, ``status``, ``dashboard``.
    """

    loaded = Signal()  # a dashboard was drawn

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, *, owner: Actor | None = None
    ) -> None:
        super().__init__(parent)
        from desktop.views import dashboard_charts
        from desktop.views.chart_canvas import ChartCanvas

        self.desk = desk
        self.owner = owner
        self._charts = dashboard_charts
        self._worker = SerialWorker("dashboard", self)
        self._generation = 0
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(SLOW_LOAD_MS)
        self._slow.timeout.connect(self._explain_wait)
        self.dashboard: Dashboard | None = None
        layout = QVBoxLayout(self)
        self.bar = self._build_bar()
        layout.addLayout(self.bar)
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
        self.canvases["rfm"].mpl_connect("button_press_event", self._rfm_clicked)
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
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip(
            self.tr("The weekly report workbook, or members, points ledger, coupons, check-ins")
        )
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: dashboard_actions.export(self))
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("dashboardBusy")
        self.busy_bar.setRange(0, 0)  # no percentage: a refresh cannot tell how far it is
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("dashboardStatus")
        self.status.setWordWrap(True)
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
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        bar.addWidget(self.busy_bar)
        bar.addWidget(self.status, 2)
        return bar

    def _panel(self, name: str, canvas: ChartCanvas) -> QFrame:
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        box = QVBoxLayout(panel)
        box.addWidget(canvas, 1)
        row = QHBoxLayout()
        if name == "rfm":
            self.segment = QComboBox()
            self.segment.setObjectName("rfmSegmentChoice")
            self.segment.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self.segment.setToolTip(self.tr("Or click a segment's bar"))
            self.send_segment = QPushButton(self.tr("Issue coupons to this segment…"))
            self.send_segment.setObjectName("issueToSegment")
            self.send_segment.setEnabled(False)
            self.send_segment.clicked.connect(lambda: dashboard_actions.issue_to_segment(self))
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
        return segment_names()

    def owner_for(self, reason: str) -> Actor | None:
        """The owner who unlocked the page, or whoever gives the owner's PIN now."""
        if self.owner is None:
            self.owner = ask_owner(self.desk, reason, parent=self)
        return self.owner

    def say(self, text: str, kind: str = "") -> None:
        """A line in the bar: what was just done (``ok``), a note (``info``), a refusal."""
        self.status.setStyleSheet(f"color: {STATUS_COLOURS.get(kind, STATUS_COLOURS[''])};")
        self.status.setText(text)

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

    @property
    def loading(self) -> bool:
        """Figures are being computed (the busy bar shows)."""
        return self._worker.busy

    def reload(self) -> None:
        """Compute the figures of the chosen period on the worker thread, then draw them.

        Asked again while a computation runs, the request waits behind it; of several
        waiting, only the newest is computed."""
        self._generation += 1
        generation = self._generation
        period = self.chosen_period()
        desk = self.desk
        self.say(self.tr("Computing the figures…"))
        self.busy_bar.setVisible(True)
        self.export_button.setEnabled(False)
        self._slow.start()

        def work() -> object:
            desk.refresh_analytics()
            return desk.dashboard(period)

        def done(result: Any) -> None:
            if generation != self._generation:
                return  # a newer request is on its way
            self._slow.stop()
            self.busy_bar.setVisible(False)
            if isinstance(result, Exception):
                self.say(
                    self.tr("Could not compute the figures: %1").replace("%1", str(result)),
                    "error",
                )
                raise result
            self.show_dashboard(result)

        self._worker.submit(work, done, wanted=lambda: generation == self._generation)

    def _explain_wait(self) -> None:
        if self.loading:
            self.say(
                self.tr(
                    "Still computing. The first time on a big shop this takes up to a "
                    "minute; the counter keeps working meanwhile."
                )
            )

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
        self.say(text.replace("%2", p.last.isoformat()).replace("%3", str(p.weeks)))
        self.export_button.setEnabled(True)
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
    def _rfm_clicked(self, event: MouseEvent) -> None:
        """A click on a segment's bar chooses that segment below the chart."""
        board = self.dashboard
        if event.inaxes is None or event.ydata is None or board is None or board.rfm is None:
            return
        index = round(float(event.ydata))
        rows = board.rfm.segments
        if 0 <= index < len(rows):
            self.segment.setCurrentIndex(max(self.segment.findData(rows[index].segment), 0))

    def _save_png(self, name: str) -> None:
        suggested = f"{name}-{dt.date.today().isoformat()}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart as PNG"), suggested, self.tr("PNG images (*.png)")
        )
        if path:
            self.canvases[name].save_png(path)
