"""Render the README pictures from a demo shop (no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang zh_CN|en]
        [--out-dir docs]

Writes, in the chosen language (Chinese by default):

- ``screenshot-counter.png``: the counter right after a member's card was scanned;
- ``screenshot-members.png``: the Members tab with search results and the details pane;
- ``screenshot-settings.png``: the Settings tab unlocked by the owner (points rule);
- ``member-card.png``: the printed member card (300 dpi, as "Save card as PNG" writes it).

The demo shop is built in a temporary folder by ``desktop.models.demo`` with a fixed seed and a
fixed "now", so the pictures never depend on a real shop's data and only the QR codes change
from one run to the next (the shop's signing key is new each time).
Chinese needs a CJK font (``fonts-noto-cjk`` on Debian); without one the script stops rather
than draw boxes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.models.db import open_database  # noqa: E402
from desktop.models.demo import make_demo  # noqa: E402
from desktop.models.service import Desk  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage, QPixmap

    from desktop.models.members import MemberSummary

NOW = dt.datetime(2026, 3, 2, 6, 30)  # UTC: 14:30 in the shop (Asia/Shanghai)
DEMO_MEMBERS = 400
DEMO_DAYS = 365
DEMO_SEED = 7
MEMBERS_SEARCH = "王"  # a surname: a page of results, most of them with some history
COUNTER_SIZE = (1100, 760)
WIDE_SIZE = (1366, 768)


class Clock:
    """The shop's "now": fixed, but can be moved back to write a bit of older history."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def is_chinese(name: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in name)


def pick_member(desk: Desk, summaries: Iterable[MemberSummary]) -> int:
    """The member who shows the most: a Chinese name, the highest tier, several recent
    visits, then the highest balance."""
    best: tuple[tuple[int, ...], int] | None = None
    for summary in summaries:
        if not is_chinese(summary.name):
            continue
        card = desk.member_card(summary.id)
        score = (card.tier, min(len(card.last_visits), 4), card.balance)
        if best is None or score > best[0]:
            best = (score, summary.id)
    if best is None:
        raise SystemExit("no member with a Chinese name in the demo shop")
    return best[1]


def all_members(desk: Desk) -> Iterator[MemberSummary]:
    offset = 0
    while True:
        page = desk.search_members("", offset=offset, limit=200)
        yield from page.items
        if not page.has_more:
            return
        offset += len(page.items)


def add_expiring_points(desk: Desk, clock: Clock, member_id: int) -> None:
    """A sale eleven months ago, so the card shows points expiring this month (the demo's
    members have usually spent those already)."""
    clock.now = NOW - dt.timedelta(days=340)
    try:
        desk.record_sale(amount_fen=38_600, member_id=member_id, by=None)
    finally:
        clock.now = NOW


def settle(app: QCoreApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out-dir", type=Path, default=ROOT / "docs")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desktop.views import card_print
    from desktop.views.i18n import apply_cjk_font, install_translators
    from desktop.views.main_window import MEMBERS, SETTINGS, MainWindow

    app = QApplication([sys.argv[0]])
    install_translators(app, args.lang)
    family = apply_cjk_font(app)
    if args.lang == "zh_CN" and family is None:
        raise SystemExit("no CJK font installed (Debian: apt-get install fonts-noto-cjk)")
    out = args.out_dir
    out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        demo = make_demo(db, members=DEMO_MEMBERS, days=DEMO_DAYS, seed=DEMO_SEED, now=NOW)
        clock = Clock(NOW)
        desk = Desk(db, clock=clock)
        owner = desk.authenticate(demo.owner_pin, owner_only=True)
        star = pick_member(desk, all_members(desk))
        add_expiring_points(desk, clock, star)
        window = MainWindow(desk)

        # The counter, right after the member's card was scanned and the visit checked in.
        window.resize(*COUNTER_SIZE)
        window.show()
        settle(app)
        window.route_scan(desk.member_code(star))
        window.counter.check_in()
        settle(app)
        save(window.grab(), out / "screenshot-counter.png")

        # Members: a search, its first page of results, one member in the details pane.
        window.resize(*WIDE_SIZE)
        window.show_tab(MEMBERS)
        members = window.page(MEMBERS)
        members.search_edit.setText(MEMBERS_SEARCH)
        members.run_search(offset=0)
        members.select_member(pick_member(desk, members.table.items_shown))
        settle(app)
        save(window.grab(), out / "screenshot-members.png")

        # Settings, unlocked by the owner, on the points rule.
        window.show_tab(SETTINGS)
        settings = window.page(SETTINGS)
        settings.unlock(owner)
        settings.sections.setCurrentWidget(settings.points)
        settle(app)
        save(window.grab(), out / "screenshot-settings.png")

        # The printed card, as "Save card as PNG" writes it.
        image = card_print.card_image(card_print.card_data(desk, star))
        save(image, out / "member-card.png")

        window.close()
        db.close()
    return 0


def save(picture: QImage | QPixmap, path: Path) -> None:
    if not picture.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    sys.exit(main())
