"""The dashboard's charts, drawn on a :class:`ChartCanvas` from the model's dataclasses.

Each ``draw_*`` function takes the canvas, the data and the already translated texts, draws,
and registers what hovering shows. Money is fen in the data and yuan on the axes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from desktop.models.analytics import (
    CampaignRedemption,
    CohortTable,
    RfmSummary,
    WeekFigures,
)
from desktop.views.chart_canvas import ChartCanvas
from desktop.views.formatting import yuan

NEW = "#4C78A8"
RETURNING = "#9ECAE9"
SALES = "#54A24B"
ISSUED = "#F58518"
REDEEMED = "#72B7B2"
LIABILITY = "#B279A2"
REPEAT_30 = "#E45756"
REPEAT_90 = "#FF9DA6"
COUPON = "#4C78A8"
SEGMENT_COLOURS = {
    "champions": "#2F6DB5",
    "loyal": "#4C9BE8",
    "potential": "#54A24B",
    "new": "#88D27A",
    "need_attention": "#EECA3B",
    "at_risk": "#F58518",
    "hibernating": "#BAB0AC",
}


@dataclass(frozen=True)
class Texts:
    """Translated texts the charts need (the view builds them with ``self.tr``)."""

    title: str
    series: tuple[str, ...] = ()
    empty: str = ""
    extra: tuple[str, ...] = ()


def _lines(*parts: str) -> str:
    return "\n".join(parts)


def _week_ticks(ax: Axes, weeks: Sequence[WeekFigures]) -> None:
    labels = [w.week[5:] for w in weeks]  # "W07"
    step = max(1, len(labels) // 12)
    ax.set_xticks(range(0, len(labels), step), [labels[i] for i in range(0, len(labels), step)])
    ax.tick_params(axis="x", labelsize=8, rotation=0)
    ax.set_xlim(-0.6, len(labels) - 0.4)


def _index(x: float, count: int) -> int | None:
    i = round(x)
    return i if 0 <= i < count else None


def _empty(canvas: ChartCanvas, texts: Texts) -> Axes:
    ax = canvas.reset().add_subplot()
    ax.set_title(texts.title, fontsize=11, loc="left")
    ax.set_axis_off()
    ax.text(
        0.5, 0.5, texts.empty, ha="center", va="center", color="#777777", transform=ax.transAxes
    )
    canvas.finish()
    return ax


def _yuan_axis(ax: Axes) -> None:
    ax.yaxis.set_major_formatter(
        FuncFormatter(lambda v, _: yuan(int(v * 100)).split(".")[0] if v else "0")
    )


def draw_visits(canvas: ChartCanvas, weeks: Sequence[WeekFigures], texts: Texts) -> None:
    """Stacked bars: visits by new members (enrolled that week) and by returning members."""
    if not weeks:
        _empty(canvas, texts)
        return
    ax = canvas.reset().add_subplot()
    x = range(len(weeks))
    new = [w.visits_new for w in weeks]
    back = [w.visits_returning for w in weeks]
    ax.bar(x, new, color=NEW, label=texts.series[0])
    ax.bar(x, back, bottom=new, color=RETURNING, label=texts.series[1])
    ax.set_title(texts.title, fontsize=11, loc="left")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(fontsize=8, loc="upper left", frameon=False)
    _week_ticks(ax, weeks)

    def lookup(xv: float, _y: float) -> tuple[str, float, float] | None:
        i = _index(xv, len(weeks))
        if i is None:
            return None
        w = weeks[i]
        text = _lines(
            w.week,
            f"{texts.series[0]}: {w.visits_new:,}",
            f"{texts.series[1]}: {w.visits_returning:,}",
        )
        return text, i, w.visits

    canvas.hover[ax] = lookup
    canvas.finish()


def draw_sales(canvas: ChartCanvas, weeks: Sequence[WeekFigures], texts: Texts) -> None:
    """Member sales per week (bars, yuan) with the average ticket in the hover text."""
    if not weeks:
        _empty(canvas, texts)
        return
    ax = canvas.reset().add_subplot()
    values = [w.member_sales_fen / 100 for w in weeks]
    ax.bar(range(len(weeks)), values, color=SALES)
    ax.set_title(texts.title, fontsize=11, loc="left")
    _yuan_axis(ax)
    _week_ticks(ax, weeks)

    def lookup(xv: float, _y: float) -> tuple[str, float, float] | None:
        i = _index(xv, len(weeks))
        if i is None:
            return None
        w = weeks[i]
        ticket = yuan(w.avg_ticket_fen) if w.avg_ticket_fen is not None else "—"
        text = _lines(
            w.week,
            yuan(w.member_sales_fen),
            f"{texts.series[0]}: {w.member_sale_count:,}",
            f"{texts.series[1]}: {ticket}",
        )
        return text, i, values[i]

    canvas.hover[ax] = lookup
    canvas.finish()


def draw_points(canvas: ChartCanvas, weeks: Sequence[WeekFigures], texts: Texts) -> None:
    """Points issued and redeemed (paired bars), the outstanding balance (line, right axis)."""
    if not weeks:
        _empty(canvas, texts)
        return
    ax = canvas.reset().add_subplot()
    x = list(range(len(weeks)))
    ax.bar(
        [i - 0.2 for i in x],
        [w.points_issued for w in weeks],
        0.4,
        color=ISSUED,
        label=texts.series[0],
    )
    ax.bar(
        [i + 0.2 for i in x],
        [w.points_redeemed for w in weeks],
        0.4,
        color=REDEEMED,
        label=texts.series[1],
    )
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    right = ax.twinx()
    right.plot(
        x,
        [w.points_liability for w in weeks],
        color=LIABILITY,
        marker="o",
        markersize=3,
        label=texts.series[2],
    )
    right.yaxis.set_major_locator(MaxNLocator(integer=True))
    right.tick_params(axis="y", labelsize=8, colors=LIABILITY)
    ax.set_title(texts.title, fontsize=11, loc="left")
    handles = ax.get_legend_handles_labels()
    lines = right.get_legend_handles_labels()
    ax.legend(
        handles[0] + lines[0], handles[1] + lines[1], fontsize=8, loc="upper left", frameon=False
    )
    _week_ticks(ax, weeks)

    def lookup(xv: float, _y: float) -> tuple[str, float, float] | None:
        i = _index(xv, len(weeks))
        if i is None:
            return None
        w = weeks[i]
        text = _lines(
            w.week,
            f"{texts.series[0]}: {w.points_issued:,}",
            f"{texts.series[1]}: {w.points_redeemed:,}",
            f"{texts.series[2]}: {w.points_liability:,} ({yuan(w.liability_fen)})",
        )
        return text, i, max(w.points_issued, w.points_redeemed)

    canvas.hover[ax] = lookup
    canvas.hover[right] = lambda xv, yv: (
        None if (r := lookup(xv, yv)) is None else (r[0], r[1], weeks[round(xv)].points_liability)
    )
    canvas.finish()


def draw_repeat(canvas: ChartCanvas, weeks: Sequence[WeekFigures], texts: Texts) -> None:
    """Repeat-purchase rate of the 30 and 90 days to each week's Sunday."""
    if not weeks:
        _empty(canvas, texts)
        return
    ax = canvas.reset().add_subplot()
    x = range(len(weeks))
    r30 = [w.repeat_rate_30d if w.repeat_rate_30d is not None else float("nan") for w in weeks]
    r90 = [w.repeat_rate_90d if w.repeat_rate_90d is not None else float("nan") for w in weeks]
    ax.plot(x, r30, color=REPEAT_30, marker="o", markersize=3, label=texts.series[0])
    ax.plot(x, r90, color=REPEAT_90, marker="o", markersize=3, label=texts.series[1])
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, max([v for v in r30 + r90 if v == v] + [0.1]) * 1.2)
    ax.set_title(texts.title, fontsize=11, loc="left")
    ax.legend(fontsize=8, loc="upper left", frameon=False)
    _week_ticks(ax, weeks)

    def pct(v: float | None) -> str:
        return "—" if v is None else f"{v:.1%}"

    def lookup(xv: float, _y: float) -> tuple[str, float, float] | None:
        i = _index(xv, len(weeks))
        if i is None:
            return None
        w = weeks[i]
        text = _lines(
            w.week,
            f"{texts.series[0]}: {pct(w.repeat_rate_30d)} ({w.repeaters_30d:,}/{w.buyers_30d:,})",
            f"{texts.series[1]}: {pct(w.repeat_rate_90d)} ({w.repeaters_90d:,}/{w.buyers_90d:,})",
        )
        return text, i, w.repeat_rate_30d or 0.0

    canvas.hover[ax] = lookup
    canvas.finish()


def draw_coupons(
    canvas: ChartCanvas, campaigns: Sequence[CampaignRedemption], texts: Texts
) -> None:
    """Redemption rate by campaign (horizontal bars), of the coupons issued in the period."""
    shown = [c for c in campaigns if c.issued > 0][:12]
    if not shown:
        _empty(canvas, texts)
        return
    ax = canvas.reset().add_subplot()
    y = range(len(shown))
    rates = [c.redemption_rate or 0.0 for c in shown]
    ax.barh(y, rates, color=COUPON)
    ax.set_yticks(list(y), [c.name for c in shown], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlim(0, max(rates + [0.1]) * 1.25)
    for i, rate in enumerate(rates):
        ax.text(rate, i, f" {rate:.0%}", va="center", fontsize=8)
    ax.set_title(texts.title, fontsize=11, loc="left")

    def lookup(_x: float, yv: float) -> tuple[str, float, float] | None:
        i = _index(yv, len(shown))
        if i is None:
            return None
        c = shown[i]
        text = _lines(
            c.name,
            f"{texts.series[0]}: {c.issued:,}",
            f"{texts.series[1]}: {c.issued_redeemed:,}",
            f"{texts.series[2]}: {rates[i]:.1%}",
        )
        return text, rates[i], i

    canvas.hover[ax] = lookup
    canvas.finish()


def draw_cohorts(canvas: ChartCanvas, table: CohortTable, texts: Texts) -> None:
    """Heatmap: enrolment week (rows) × weeks since (columns), share still visiting."""
    rows = [c for c in table.cohorts if c.members > 0]
    if not rows:
        _empty(canvas, texts)
        return
    width = max(len(c.retention) for c in rows)
    grid = [
        [
            c.retention[k] if k < len(c.retention) and c.retention[k] is not None else float("nan")
            for k in range(width)
        ]
        for c in rows
    ]
    ax = canvas.reset().add_subplot()
    image = ax.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=1, interpolation="nearest")
    ax.set_title(texts.title, fontsize=11, loc="left")
    step = max(1, len(rows) // 10)
    ax.set_yticks(
        range(0, len(rows), step), [rows[i].week[5:] for i in range(0, len(rows), step)], fontsize=8
    )
    cstep = max(1, width // 12)
    ax.set_xticks(range(0, width, cstep), [str(k) for k in range(0, width, cstep)], fontsize=8)
    ax.set_xlabel(texts.series[0], fontsize=8)
    ax.set_ylabel(texts.series[1], fontsize=8)
    bar = canvas.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    bar.ax.tick_params(labelsize=7)

    def lookup(xv: float, yv: float) -> tuple[str, float, float] | None:
        r, k = round(yv), round(xv)
        if not (0 <= r < len(rows) and 0 <= k < width) or k >= len(rows[r].retention):
            return None
        c = rows[r]
        share = c.retention[k]
        shown = "—" if share is None else f"{share:.1%}"
        text = f"{c.week} (+{k})\n{shown}  ({c.active[k]:,}/{c.members:,})"
        return text, k, r

    canvas.hover[ax] = lookup
    canvas.finish()


def draw_rfm(
    canvas: ChartCanvas, summary: RfmSummary | None, names: dict[str, str], texts: Texts
) -> None:
    """Members per RFM segment (bars) with each segment's share of sales."""
    if summary is None or summary.members == 0:
        _empty(canvas, texts)
        return
    ax = canvas.reset().add_subplot()
    segs = list(summary.segments)
    y = range(len(segs))
    counts = [s.members for s in segs]
    ax.barh(y, counts, color=[SEGMENT_COLOURS.get(s.segment, "#888888") for s in segs])
    ax.set_yticks(list(y), [names.get(s.segment, s.segment) for s in segs], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    top = max(counts + [1])
    ax.set_xlim(0, top * 1.35)
    for i, s in enumerate(segs):
        share = "—" if s.sales_share is None else f"{s.sales_share:.0%}"
        ax.text(counts[i], i, f" {counts[i]:,} · {share}", va="center", fontsize=8)
    ax.set_title(texts.title, fontsize=11, loc="left")

    def lookup(_x: float, yv: float) -> tuple[str, float, float] | None:
        i = _index(yv, len(segs))
        if i is None:
            return None
        s = segs[i]
        share = "—" if s.sales_share is None else f"{s.sales_share:.1%}"
        text = _lines(
            names.get(s.segment, s.segment),
            f"{texts.series[0]}: {s.members:,}",
            f"{texts.series[1]}: {yuan(s.monetary_fen)} ({share})",
        )
        return text, counts[i], i

    canvas.hover[ax] = lookup
    canvas.finish()
