"""Render the README pictures from a demo shop (no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--lang zh_CN|en]
        [--out-dir docs]

Writes, in the chosen language (Chinese by default):

- ``screenshot-counter.png``: the counter right after a member's card was scanned;
- ``screenshot-members.png``: the Members tab with search results and the details pane;
- ``screenshot-settings.png``: the Settings tab unlocked by the owner (points rule);
- ``member-card.png``: the printed member card (300 dpi, as "Save card as PNG" writes it);
- ``screenshot-dashboard.png``: the Dashboard tab unlocked by the owner, last 12 weeks, every
  chart in view;
- ``screenshot-campaigns.png``: the Campaigns tab, a sent campaign chosen, with its results;
- ``screenshot-counter-coupon.png``: the counter with a member's coupon scanned onto the sale;
- ``screenshot-backup-settings.png``: Settings → Backups after a backup to a USB stick;
- ``screenshot-restore.png``: the restore dialog on that backup (date, counts, owner PIN);
- ``screenshot-first-run.png``: the first-run wizard of a new shop, on its points page;
- ``report-workbook.png``: the weekly report workbook of those 12 weeks as LibreOffice prints it
  (``soffice --headless`` → PDF → pages stacked in one PNG). Skipped, with a message, when
  LibreOffice (``soffice``) or a PDF renderer (``pypdfium2`` or ``pdftoppm``) is missing.

The demo shop is built in a temporary folder by ``desktop.models.demo`` with a fixed seed and a
fixed "now" (its campaigns and coupons included), so the pictures never depend on a real
shop's data and only the QR codes change from one run to the next (the shop's signing key is
new each time).
Chinese needs a CJK font (``fonts-noto-cjk`` on Debian); without one the script stops rather
than draw boxes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.models import backup_settings, backups  # noqa: E402
from desktop.models.db import open_database  # noqa: E402
from desktop.models.demo import make_demo  # noqa: E402
from desktop.models.service import Desk  # noqa: E402

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImage, QPixmap

    from desktop.models.analytics import Dashboard
    from desktop.models.members import MemberSummary

NOW = dt.datetime(2026, 3, 2, 6, 30)  # UTC: 14:30 in the shop (Asia/Shanghai)
DEMO_MEMBERS = 400
DEMO_DAYS = 365
DEMO_SEED = 7
MEMBERS_SEARCH = "王"  # a surname: a page of results, most of them with some history
COUNTER_SIZE = (1100, 760)
WIDE_SIZE = (1366, 768)
DASHBOARD_SIZE = (1400, 2250)  # tall enough for every chart without scrolling
SOFFICE_TIMEOUT_S = 240
PAGE_GAP = 24


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
    from desktop.views.main_window import (
        CAMPAIGNS,
        COUNTER,
        DASHBOARD,
        MEMBERS,
        SETTINGS,
        MainWindow,
    )
    from desktop.views.restore_dialog import RestoreDialog

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

        # The dashboard, unlocked by the owner, once its figures have been computed.
        window.resize(*DASHBOARD_SIZE)
        window.show_tab(DASHBOARD)
        dashboard = window.page(DASHBOARD)
        dashboard.unlock(owner)
        board = wait_for_dashboard(app, dashboard.view)
        save(window.grab(), out / "screenshot-dashboard.png")

        # The weekly report workbook of the same weeks, as LibreOffice prints it.
        report = Path(tmp) / "weekly-report.xlsx"
        desk.export_weekly_report(report, board.period.first, board.period.last)
        render_workbook(report, out / "report-workbook.png")

        # Campaigns: the first sent campaign chosen, its coupon and its results beside it.
        window.resize(*WIDE_SIZE)
        window.show_tab(CAMPAIGNS)
        campaigns = window.page(CAMPAIGNS)
        campaigns.reload()
        campaigns.table.selectRow(0)
        settle(app)
        save(window.grab(), out / "screenshot-campaigns.png")

        # The counter with a coupon scanned onto the member's sale, ready for F2.
        holder, coupon = coupon_holder(desk)
        window.resize(*COUNTER_SIZE)
        window.show_tab(COUNTER)
        window.route_scan(desk.member_code(holder))
        settle(app)
        window.route_scan(desk.coupon_code(coupon))
        settle(app)
        save(window.grab(), out / "screenshot-counter-coupon.png")

        # Settings → Backups after a backup to a USB stick, and the restore dialog over it.
        usb = Path(tmp) / "U盘" / "备份"
        usb.mkdir(parents=True)
        backup_settings.set_backup_folder(desk, usb, by=owner)
        backups.back_up_now(desk)
        window.resize(*WIDE_SIZE)
        window.show_tab(SETTINGS)
        settings.unlock(owner)
        settings.sections.setCurrentWidget(settings.backups)
        settings.backups.reload()
        settle(app)
        save(window.grab(), out / "screenshot-backup-settings.png")
        restore = RestoreDialog(
            desk.db.path,
            desk=desk,
            folders=[usb],
            recorded=backup_settings.recorded_checksums(desk),
            parent=window,
        )
        restore.show()
        restore.backup_list.setCurrentRow(0)
        settle(app)
        save(restore.grab(), out / "screenshot-restore.png")
        restore.close()

        window.close()
        db.close()
        first_run_shot(app, Path(tmp) / "first-run.sqlite", out / "screenshot-first-run.png")
    return 0


def first_run_shot(app: QCoreApplication, db_path: Path, target: Path) -> None:
    """The first-run wizard of a new (empty) shop, filled in up to its points page."""
    from desktop.views.first_run import FirstRunDialog

    db = open_database(db_path)
    wizard = FirstRunDialog(Desk(db, clock=Clock(NOW)))
    wizard.show()
    wizard.next()  # the language the app shows
    wizard.shop_page.shop_edit.setText("老街烘焙")
    wizard.shop_page.address_edit.setText("杭州市上城区老街 8 号")
    wizard.next()
    wizard.owner_page.owner_edit.setText("陈明")
    wizard.owner_page.pin_edit.setText("135790")
    wizard.owner_page.pin_again_edit.setText("135790")
    wizard.next()
    settle(app)
    save(wizard.grab(), target)
    wizard.reject()
    db.close()


def coupon_holder(desk: Desk) -> tuple[int, int]:
    """A member (a Chinese name first) holding a usable coupon, and that coupon."""
    held = []
    for summary in all_members(desk):
        usable = desk.member_coupons(summary.id, usable_only=True)
        if usable:
            held.append((not is_chinese(summary.name), summary.id, usable[0].id))
    if not held:
        raise SystemExit("the demo shop has no member with a usable coupon")
    _, member, coupon = min(held)
    return member, coupon


def wait_for_dashboard(app: QCoreApplication, view: object, timeout_s: float = 300) -> Dashboard:
    """Let the dashboard's worker thread compute the figures and the charts draw."""
    deadline = time.monotonic() + timeout_s
    while getattr(view, "dashboard", None) is None or getattr(view, "loading", True):
        if time.monotonic() > deadline:
            raise SystemExit("the dashboard did not load")
        app.processEvents()
        time.sleep(0.02)
    settle(app)
    board: Dashboard = view.dashboard  # type: ignore[attr-defined]
    return board


def render_workbook(workbook: Path, target: Path) -> None:
    """xlsx → PDF with LibreOffice headless → every page as an image, stacked in one PNG."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print(f"skipped {target.name}: LibreOffice (soffice) is not installed")
        return
    folder = workbook.parent
    profile = folder / "lo-profile"  # its own profile: never collides with an open LibreOffice
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(folder),
        str(workbook),
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"skipped {target.name}: LibreOffice could not convert the workbook ({exc})")
        return
    pdf = workbook.with_suffix(".pdf")
    pages = pdf_pages(pdf, folder)
    if not pages:
        print(f"skipped {target.name}: no PDF renderer (pip install pypdfium2, or poppler-utils)")
        return
    stack_pages(pages).save(target)
    print(f"saved {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")


def pdf_pages(pdf: Path, folder: Path, dpi: int = 110) -> list[PilImage]:
    """The PDF's pages as images: with pypdfium2 if installed, else poppler's pdftoppm."""
    from PIL import Image

    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    if pdfium is not None:
        document = pdfium.PdfDocument(str(pdf))
        pages = [document[i].render(scale=dpi / 72).to_pil() for i in range(len(document))]
        document.close()
        return pages
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return []
    subprocess.run(
        [pdftoppm, "-png", "-r", str(dpi), str(pdf), str(folder / "page")],
        check=True,
        timeout=SOFFICE_TIMEOUT_S,
    )
    return [Image.open(p) for p in sorted(folder.glob("page-*.png"))]


def stack_pages(pages: list[PilImage], margin: int = 28) -> PilImage:
    """Each page cut to what is printed on it (plus a margin), one under the other on grey."""
    from PIL import Image, ImageOps

    cut = []
    for page in pages:
        page = page.convert("RGB")
        box = ImageOps.invert(page.convert("L")).getbbox() or (0, 0, *page.size)
        left, top = max(0, box[0] - margin), max(0, box[1] - margin)
        right, bottom = min(page.width, box[2] + margin), min(page.height, box[3] + margin)
        cut.append(page.crop((left, top, right, bottom)))
    width = max(p.width for p in cut) + 2 * PAGE_GAP
    height = sum(p.height for p in cut) + PAGE_GAP * (len(cut) + 1)
    sheet = Image.new("RGB", (width, height), "#d9dde3")
    y = PAGE_GAP
    for page in cut:
        sheet.paste(page, (PAGE_GAP, y))
        y += page.height + PAGE_GAP
    return sheet


def save(picture: QImage | QPixmap, path: Path) -> None:
    if not picture.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    sys.exit(main())
