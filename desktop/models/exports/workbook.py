"""The weekly report workbook: a summary sheet, one sheet per table, native Excel charts.

Sheets: summary (KPIs against the previous period, and the figures' charts), weekly figures,
coupons by week and campaign, campaign results, cohort retention (a colour scale) and RFM
segments. Money cells hold yuan with a ``¥#,##0.00`` format, rates a percent format; every
table has a frozen header row and fitted column widths. The charts are openpyxl charts
(Excel draws them), not pictures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop.models.analytics.campaign_results import CampaignResult, campaign_results
from desktop.models.analytics.dashboard import Dashboard, Kpi, Period, build_dashboard
from desktop.models.analytics.weeks import week_label
from desktop.models.exports import ExportResult
from desktop.models.exports.labels import labels
from desktop.models.exports.xlsx import (
    COUNT_FORMAT,
    DATE_FORMAT,
    HEADER_FILL,
    RATE_FORMAT,
    YUAN_FORMAT,
    width_for,
    yuan,
)
from desktop.models.shop import get_setting, shop_profile

Progress = Callable[[int, int], bool]
STEPS = 7

# (label key, value getter, format) of the weekly sheet's columns after week and Monday.
_WEEK_COLUMNS: list[tuple[str, Callable[[Any], Any], str]] = [
    ("visits", lambda w: w.visits, COUNT_FORMAT),
    ("visits_new", lambda w: w.visits_new, COUNT_FORMAT),
    ("visits_returning", lambda w: w.visits_returning, COUNT_FORMAT),
    ("new_members", lambda w: w.new_members, COUNT_FORMAT),
    ("active_members", lambda w: w.active_members, COUNT_FORMAT),
    ("returning_members", lambda w: w.returning_members, COUNT_FORMAT),
    ("member_sales", lambda w: yuan(w.member_sales_fen), YUAN_FORMAT),
    ("member_sale_count", lambda w: w.member_sale_count, COUNT_FORMAT),
    ("avg_ticket", lambda w: yuan(w.avg_ticket_fen), YUAN_FORMAT),
    ("all_sales", lambda w: yuan(w.sales_fen), YUAN_FORMAT),
    ("points_issued", lambda w: w.points_issued, COUNT_FORMAT),
    ("points_redeemed", lambda w: w.points_redeemed, COUNT_FORMAT),
    ("points_expired", lambda w: w.points_expired, COUNT_FORMAT),
    ("liability_points", lambda w: w.points_liability, COUNT_FORMAT),
    ("liability", lambda w: yuan(w.liability_fen), YUAN_FORMAT),
    ("coupons_issued", lambda w: w.coupons_issued, COUNT_FORMAT),
    ("coupons_redeemed", lambda w: w.coupons_redeemed, COUNT_FORMAT),
    ("repeat_30d", lambda w: w.repeat_rate_30d, RATE_FORMAT),
    ("repeat_90d", lambda w: w.repeat_rate_90d, RATE_FORMAT),
]
_KPI_LABEL = {
    "visits": "visits",
    "new_members": "new_members",
    "active_members": "active_members",
    "member_sales_fen": "member_sales",
    "avg_ticket_fen": "avg_ticket",
    "repeat_rate_30d": "repeat_30d",
    "points_liability_fen": "liability",
    "coupon_redemption_rate": "redemption_rate",
}


def _style_header(ws: Any, row: int, count: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor=HEADER_FILL)
    for col in range(1, count + 1):
        cell = ws.cell(row=row, column=col)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _table(
    ws: Any,
    headers: list[str],
    rows: list[list[Any]],
    formats: list[str | None],
    *,
    top: int = 1,
) -> None:
    """Headers at row ``top``, rows below, formats per column, frozen header, widths."""
    from openpyxl.utils import get_column_letter

    for col, header in enumerate(headers, start=1):
        ws.cell(row=top, column=col, value=header)
    _style_header(ws, top, len(headers))
    for r, values in enumerate(rows, start=top + 1):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            fmt = formats[c - 1] if c - 1 < len(formats) else None
            if fmt:
                cell.number_format = fmt
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    ws.print_title_rows = f"{top}:{top}"
    _fit_to_page(ws)
    for c, header in enumerate(headers, start=1):
        column = [header] + [row[c - 1] for row in rows if c - 1 < len(row)]
        shown = [_shown(v) for v in column]
        ws.column_dimensions[get_column_letter(c)].width = width_for(shown, maximum=24)


def _shown(value: Any) -> Any:
    """Roughly how a cell reads, for its column width."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.1%}"
    if value is None or isinstance(value, str | int):
        return value
    return f"¥{value:,.2f}"


def _kpi_value(kpi: Kpi, value: float | None) -> Any:
    if value is None:
        return None
    return yuan(int(value)) if kpi.kind == "fen" else value


def _summary_sheet(
    ws: Any, board: Dashboard, t: dict[str, str], shop: str, now: dt.datetime
) -> None:
    from openpyxl.styles import Font

    ws.title = t["summary"]
    ws["A1"] = f"{shop} · {t['title']}"
    ws["A1"].font = Font(bold=True, size=14)
    period, before = board.period, board.period.previous()
    ws["A2"] = t["period"]
    ws["B2"] = (
        f"{week_label(period.first)} – {week_label(period.last)}"
        f" ({period.first.isoformat()} – {period.last.isoformat()})"
    )
    ws["A3"] = t["previous"]
    ws["B3"] = f"{before.first.isoformat()} – {before.last.isoformat()}"
    ws["A4"] = t["generated"]
    ws["B4"] = now.replace(microsecond=0)
    ws["B4"].number_format = "yyyy-mm-dd hh:mm"
    rows = []
    formats: list[str | None] = [None, None, None, RATE_FORMAT]
    for kpi in board.kpis:
        rows.append(
            [
                t[_KPI_LABEL[kpi.key]],
                _kpi_value(kpi, kpi.value),
                _kpi_value(kpi, kpi.previous),
                kpi.change,
            ]
        )
    _table(ws, [t["metric"], t["this_period"], t["previous"], t["change"]], rows, formats, top=6)
    for i, kpi in enumerate(board.kpis, start=7):
        fmt = {"fen": YUAN_FORMAT, "rate": RATE_FORMAT}.get(kpi.kind, COUNT_FORMAT)
        ws.cell(row=i, column=2).number_format = fmt
        ws.cell(row=i, column=3).number_format = fmt
    ws.column_dimensions["A"].width = 20
    for column in "BC":
        ws.column_dimensions[column].width = 16
    _fit_to_page(ws, tall=1)


def _fit_to_page(ws: Any, *, tall: int = 0) -> None:
    """Print landscape, one page wide (and ``tall`` pages high; 0 = as many as needed)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = tall


def _weekly_sheet(ws: Any, board: Dashboard, t: dict[str, str]) -> None:
    headers = [t["week"], t["monday"]] + [t[key] for key, _, _ in _WEEK_COLUMNS]
    formats: list[str | None] = [None, DATE_FORMAT] + [fmt for _, _, fmt in _WEEK_COLUMNS]
    rows = [[w.week, w.start] + [get(w) for _, get, _ in _WEEK_COLUMNS] for w in board.weeks]
    _table(ws, headers, rows, formats)


def _column_of(key: str) -> int:
    return 3 + [k for k, _, _ in _WEEK_COLUMNS].index(key)


def _weekly_charts(summary: Any, weekly: Any, board: Dashboard, t: dict[str, str]) -> None:
    """Four charts on the summary sheet, drawn from the weekly sheet's columns."""
    from openpyxl.chart import BarChart, LineChart, Reference

    n = len(board.weeks)
    if n == 0:
        return
    weeks = Reference(weekly, min_col=1, min_row=2, max_row=n + 1)

    def series(key: str) -> Any:
        col = _column_of(key)
        return Reference(weekly, min_col=col, min_row=1, max_row=n + 1)

    visits = BarChart()
    visits.type = "col"
    visits.grouping = "stacked"
    visits.overlap = 100
    visits.title = t["chart_visits"]
    visits.add_data(series("visits_new"), titles_from_data=True)
    visits.add_data(series("visits_returning"), titles_from_data=True)
    visits.set_categories(weeks)

    sales = BarChart()
    sales.type = "col"
    sales.title = t["chart_sales"]
    sales.add_data(series("member_sales"), titles_from_data=True)
    sales.set_categories(weeks)
    sales.y_axis.numFmt = YUAN_FORMAT

    points = BarChart()
    points.type = "col"
    points.title = t["chart_points"]
    points.add_data(series("points_issued"), titles_from_data=True)
    points.add_data(series("points_redeemed"), titles_from_data=True)
    points.set_categories(weeks)
    owed = LineChart()
    owed.add_data(series("liability_points"), titles_from_data=True)
    owed.y_axis.axId = 200
    owed.y_axis.crosses = "max"
    points += owed

    repeat = LineChart()
    repeat.title = t["chart_repeat"]
    repeat.add_data(series("repeat_30d"), titles_from_data=True)
    repeat.add_data(series("repeat_90d"), titles_from_data=True)
    repeat.set_categories(weeks)
    repeat.y_axis.numFmt = "0%"

    for line in (*owed.series, *repeat.series):
        line.smooth = False  # straight segments: a curve would invent values between weeks
    for chart, anchor in ((visits, "F2"), (sales, "F20"), (points, "P2"), (repeat, "P20")):
        chart.width, chart.height = 17, 8.5
        summary.add_chart(chart, anchor)


def _coupon_sheet(ws: Any, board: Dashboard, t: dict[str, str]) -> None:
    rows = []
    for w in board.weeks:
        for c in w.campaigns:
            rows.append(
                [w.week, c.name, c.issued, c.issued_redeemed, c.redeemed, c.redemption_rate]
            )
    headers = [
        t["week"],
        t["campaign"],
        t["issued"],
        t["issued_redeemed"],
        t["redeemed"],
        t["redemption_rate"],
    ]
    formats: list[str | None] = [
        None,
        None,
        COUNT_FORMAT,
        COUNT_FORMAT,
        COUNT_FORMAT,
        RATE_FORMAT,
    ]
    _table(ws, headers, rows, formats)


def _campaign_sheet(ws: Any, results: list[CampaignResult], t: dict[str, str]) -> None:
    from openpyxl.chart import BarChart, Reference

    headers = [
        t["campaign"],
        t["issued"],
        t["voided"],
        t["redeemed"],
        t["redemption_rate"],
        t["redeemer_sales"],
        t["discount"],
        t["uplift"],
        t["ci_low"],
        t["ci_high"],
        t["verdict"],
        t["acquired"],
        t["acquisition_cost"],
    ]
    formats: list[str | None] = [
        None,
        COUNT_FORMAT,
        COUNT_FORMAT,
        COUNT_FORMAT,
        RATE_FORMAT,
        YUAN_FORMAT,
        YUAN_FORMAT,
        RATE_FORMAT,
        RATE_FORMAT,
        RATE_FORMAT,
        None,
        COUNT_FORMAT,
        YUAN_FORMAT,
    ]
    rows = [
        [
            r.name,
            r.issued,
            r.voided,
            r.redeemed,
            r.redemption_rate,
            yuan(r.redeemer_sales_fen),
            yuan(r.discount_fen),
            r.uplift.uplift,
            r.uplift.ci_low,
            r.uplift.ci_high,
            t[f"verdict.{r.uplift.verdict}"],
            r.acquired_members,
            yuan(r.acquisition_cost_fen),
        ]
        for r in results
    ]
    _table(ws, headers, rows, formats)
    if rows:
        chart = BarChart()
        chart.type = "bar"
        chart.title = t["chart_coupons"]
        chart.add_data(
            Reference(ws, min_col=5, min_row=1, max_row=len(rows) + 1), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(rows) + 1))
        chart.x_axis.numFmt = "0%"
        chart.legend = None
        chart.width, chart.height = 16, max(6, 1.2 * len(rows))
        ws.add_chart(chart, f"A{len(rows) + 4}")


def _cohort_sheet(ws: Any, board: Dashboard, t: dict[str, str]) -> None:
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.utils import get_column_letter

    width = board.cohorts.max_weeks
    headers = [t["cohort"], t["members"]] + [t["weeks_later"].format(k=k) for k in range(width)]
    rows: list[list[Any]] = []
    for cohort in board.cohorts.cohorts:
        rows.append([cohort.week, cohort.members, *cohort.retention])
    formats: list[str | None] = [None, COUNT_FORMAT] + [RATE_FORMAT] * width
    _table(ws, headers, rows, formats)
    if rows and width:
        last = f"{get_column_letter(2 + width)}{len(rows) + 1}"
        ws.conditional_formatting.add(
            f"C2:{last}",
            ColorScaleRule(
                start_type="num",
                start_value=0,
                start_color="FFFFFF",
                end_type="num",
                end_value=1,
                end_color="2F6DB5",
            ),
        )


def _rfm_sheet(ws: Any, board: Dashboard, t: dict[str, str]) -> None:
    from openpyxl.chart import BarChart, Reference

    rfm = board.rfm
    if rfm is None:
        ws["A1"] = t["no_data"]
        return
    rows = [
        [
            t[f"segment.{row.segment}"],
            row.members,
            row.member_share,
            yuan(row.monetary_fen),
            row.sales_share,
        ]
        for row in rfm.segments
    ]
    headers = [t["segment"], t["members"], t["member_share"], t["sales_365"], t["sales_share"]]
    _table(ws, headers, rows, [None, COUNT_FORMAT, RATE_FORMAT, YUAN_FORMAT, RATE_FORMAT], top=2)
    ws["A1"] = f"{t['as_of']} {rfm.as_of.isoformat()}"
    chart = BarChart()
    chart.type = "bar"
    chart.title = t["chart_rfm"]
    chart.add_data(
        Reference(ws, min_col=2, min_row=2, max_row=len(rows) + 2), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=3, max_row=len(rows) + 2))
    chart.legend = None
    chart.width, chart.height = 16, 8
    ws.add_chart(chart, "G2")


def write_weekly_report(
    session: Session,
    path: Path,
    first: dt.date,
    last: dt.date,
    *,
    today: dt.date,
    tz: str,
    now: dt.datetime | None = None,
    language: str | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the report of the ISO weeks overlapping ``first`` … ``last`` to ``path``
    (rollups must be fresh). ``progress(step, steps)`` returning False cancels (no file)."""
    from openpyxl import Workbook

    from desktop.models.clock import local_time

    def step(done: int) -> bool:
        return progress is None or progress(done, STEPS) is not False

    t = labels(language if language is not None else get_setting(session, "language", "zh_CN"))
    board = build_dashboard(session, Period.covering(first, last), today=today)
    if not step(1):
        return ExportResult(path, 0, (), cancelled=True)
    results = campaign_results(session, today=today, tz=tz)
    if not step(2):
        return ExportResult(path, 0, (), cancelled=True)
    wb = Workbook()
    summary = wb.active
    moment = local_time(now, tz).replace(tzinfo=None) if now is not None else dt.datetime.now()
    _summary_sheet(summary, board, t, shop_profile(session).name, moment)
    weekly = wb.create_sheet(t["weekly"])
    _weekly_sheet(weekly, board, t)
    _weekly_charts(summary, weekly, board, t)
    if not step(3):
        return ExportResult(path, 0, (), cancelled=True)
    _coupon_sheet(wb.create_sheet(t["coupons"]), board, t)
    _campaign_sheet(wb.create_sheet(t["campaigns"]), results, t)
    if not step(4):
        return ExportResult(path, 0, (), cancelled=True)
    _cohort_sheet(wb.create_sheet(t["cohorts"]), board, t)
    _rfm_sheet(wb.create_sheet(t["rfm"]), board, t)
    if not step(5):
        return ExportResult(path, 0, (), cancelled=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    step(STEPS)
    rows = len(board.weeks) + len(results) + len(board.cohorts.cohorts)
    return ExportResult(path, rows, tuple(wb.sheetnames))
