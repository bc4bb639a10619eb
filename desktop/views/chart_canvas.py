"""A matplotlib figure in a Qt widget, with hover values and "save as PNG".

Importing this module imports matplotlib (about a second), so only the dashboard page imports
it, when it is built. Never ``pyplot``: each chart is a ``Figure`` on the QtAgg canvas.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("QtAgg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backend_bases import MouseEvent  # noqa: E402
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from PySide6.QtWidgets import QSizePolicy, QWidget  # noqa: E402

# (x, y) in data coordinates → (text, anchor x, anchor y), or None when nothing is there.
HoverLookup = Callable[[float, float], tuple[str, float, float] | None]

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "SimHei",
)
CJK_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)
_configured: list[str | None] = []


def configure_fonts() -> str | None:
    """Let matplotlib draw Chinese: put an installed CJK font first in the sans-serif list
    (registering Debian's Noto Sans CJK file if matplotlib has not found it). Returns the
    family, or None when there is none (text then falls back to DejaVu Sans, never an error).
    """
    if _configured:
        return _configured[0]
    known = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in CJK_FAMILIES if f in known), None)
    if family is None:
        for path in CJK_FILES:
            if Path(path).exists():
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue
                known = {f.name for f in font_manager.fontManager.ttflist}
                family = next((f for f in CJK_FAMILIES if f in known), None)
                if family is not None:
                    break
    if family is not None:
        matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts lack U+2212
    # Missing glyphs (no CJK font) are drawn as boxes; do not flood the log about each one.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    _configured.append(family)
    return family


class ChartCanvas(FigureCanvasQTAgg):
    """One chart. ``hover[ax]`` maps a mouse position to the value shown under it."""

    def __init__(self, parent: QWidget | None = None, *, height: float = 3.0) -> None:
        configure_fonts()
        self.figure = Figure(figsize=(6.0, height), dpi=100, layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(int(height * 80))
        self.hover: dict[Axes, HoverLookup] = {}
        self._tip = None
        self.mpl_connect("motion_notify_event", self._on_motion)

    def reset(self) -> Figure:
        """Clear the figure for a redraw; returns it."""
        self.figure.clear()
        self.hover.clear()
        self._tip = None
        return self.figure

    def finish(self) -> None:
        self.draw_idle()

    def hover_text_at(self, ax: Axes, x: float, y: float) -> str | None:
        """What hovering at data point (x, y) of ``ax`` shows (None: nothing)."""
        lookup = self.hover.get(ax)
        found = lookup(x, y) if lookup is not None else None
        return None if found is None else found[0]

    def _on_motion(self, event: MouseEvent) -> None:
        ax = event.inaxes
        found = None
        if ax is not None and event.xdata is not None and event.ydata is not None:
            lookup = self.hover.get(ax)
            if lookup is not None:
                found = lookup(float(event.xdata), float(event.ydata))
        if found is None:
            if self._tip is not None and self._tip.get_visible():
                self._tip.set_visible(False)
                self.draw_idle()
            return
        text, x, y = found
        assert ax is not None
        if self._tip is None or self._tip.axes is not ax:
            if self._tip is not None:
                self._tip.remove()
            self._tip = ax.annotate(
                "",
                xy=(0, 0),
                xytext=(10, 10),
                textcoords="offset points",
                bbox={"boxstyle": "round,pad=0.3", "fc": "#fffbe6", "ec": "#999999"},
                fontsize=9,
                zorder=10,
            )
        self._tip.xy = (x, y)
        self._tip.set_text(text)
        self._tip.set_visible(True)
        self.draw_idle()

    def save_png(self, path: str | Path, *, dpi: int = 150) -> Path:
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_suffix(".png")
        tip_visible = self._tip is not None and self._tip.get_visible()
        if self._tip is not None:
            self._tip.set_visible(False)
        self.figure.savefig(target, dpi=dpi, facecolor="white")
        if self._tip is not None:
            self._tip.set_visible(tip_visible)
        return target
