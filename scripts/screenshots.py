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
- ``screenshot-conflicts.png``, ``screenshot-joint-campaign.png``: a shop of a street alliance
  (an alliance server started here) after a day offline: the conflicts found at its sync, and
  its joint campaign with its own results;
- ``screenshot-sync-status.png``: the counter of a shop whose last good sync was two days ago:
  the OFFLINE banner, and the status bar with what waits to be sent;
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
        alliance_shots(app, Path(tmp), out)
        sync_status_shot(app, Path(tmp) / "sync-status", out)
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


def alliance_shots(app: QCoreApplication, folder: Path, out: Path) -> None:
    """``screenshot-conflicts.png`` and ``screenshot-joint-campaign.png``: a tea house of a
    street alliance after a day offline, synced with an alliance server started here (uvicorn
    on a loopback port, SQLite in ``folder``): the conflicts found at that sync (a coupon used
    at two shops, points overspent, a coupon of a campaign it had not joined), and its joint
    campaign with its own results."""
    import socket
    import threading

    import uvicorn

    from alliance import operator
    from alliance.app import create_app
    from alliance.campaigns import service as campaigns
    from alliance.db import Database as ServerDatabase
    from desktop.models.events import emit_event
    from desktop.models.ids import uuid7
    from desktop.models.tables import Sale
    from desktop.sync.campaigns import set_taking_part
    from desktop.sync.cycle import run_cycle
    from desktop.sync.pairing import pair
    from desktop.views.conflicts_view import ConflictsDialog
    from desktop.views.main_window import CAMPAIGNS, MainWindow

    server_db = ServerDatabase(f"sqlite:///{folder / 'alliance.sqlite'}")
    server_db.migrate()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(server_db), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the alliance server did not start")
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}"
    clock = Clock(NOW - dt.timedelta(days=1))
    base = {"kind": "amount_off", "scope": "alliance", "quota": 500, "per_member_limit": 1}
    with server_db.write() as s:
        alliance_id = operator.create_alliance(s, name="东街商盟")
        codes = [
            operator.invite_shop(s, alliance_id=alliance_id, name=n, days=7)["code"]
            for n in ("茶香小铺", "麦香面包房")
        ]
        fair = campaigns.create_campaign(
            s,
            alliance_id=alliance_id,
            spec_json={
                **base,
                "name": "东街春季市集",
                "value_fen": 800,
                "min_spend_fen": 5_000,
                "valid_from": "2026-03-01",
                "valid_to": "2026-03-31",
            },
        )
        lantern = campaigns.create_campaign(
            s,
            alliance_id=alliance_id,
            spec_json={
                **base,
                "name": "元宵灯会",
                "value_fen": 500,
                "valid_from": "2026-02-20",
                "valid_to": "2026-03-08",
            },
        )
        fair_coupons = [c["id"] for c in campaigns.issue_coupons(s, campaign_id=fair, count=6)]
        lantern_coupon = campaigns.issue_coupons(s, campaign_id=lantern, count=1)[0]["id"]
    desks = []
    for name, code in zip(("茶香小铺", "麦香面包房"), codes, strict=True):
        db = open_database(folder / f"{len(desks)}.sqlite")
        desk = Desk(db, clock=clock)
        desk.set_up(shop_name=name, owner_name="老板", owner_pin="135790")
        pair(db, server_url=url, code=code, now=clock())
        run_cycle(db, clock=clock)
        desks.append(desk)
    tea, bakery = desks
    for desk, joined in ((tea, [fair]), (bakery, [fair, lantern])):
        owner = desk.authenticate("135790", owner_only=True)
        for campaign in joined:
            set_taking_part(desk.db, campaign, join=True, by=owner)

    def coupon_sale(desk: Desk, coupon: int, amount: int, off: int) -> None:
        clock.now += dt.timedelta(minutes=47)
        with desk.db.write() as s:
            sale = Sale(
                uid=uuid7(),
                member_id=None,
                amount_fen=amount,
                discount_fen=0,
                paid_fen=amount - off,
                staff_id=None,
                created_at=clock(),
                local_day=desk.today(),
                coupon_id=coupon,
                coupon_discount_fen=off,
            )
            s.add(sale)
            s.flush()
            day = sale.local_day.isoformat()
            emit_event(
                s,
                kind="sale.recorded",
                now=clock(),
                payload={
                    "sale": sale.uid,
                    "member_id": None,
                    "amount_fen": amount,
                    "discount_fen": 0,
                    "coupon_id": coupon,
                    "coupon_discount_fen": off,
                    "points_earned": 0,
                    "points_redeemed": 0,
                    "day": day,
                },
            )
            emit_event(
                s,
                kind="coupon.redeemed",
                now=clock(),
                payload={
                    "coupon_id": coupon,
                    "sale": sale.uid,
                    "member_id": None,
                    "discount_fen": off,
                    "day": day,
                },
            )

    member = tea.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True, sharing_consent=True
    )
    tea.record_sale(amount_fen=26_800, member_id=member, by=None)
    run_cycle(tea.db, clock=clock)
    clock.now = NOW - dt.timedelta(hours=5)  # the tea house's network is down from here
    for coupon, amount in zip(fair_coupons[:3], (8_800, 12_600, 6_900), strict=True):
        coupon_sale(tea, coupon, amount, 800)
    coupon_sale(tea, fair_coupons[3], 9_800, 800)
    coupon_sale(tea, lantern_coupon, 7_500, 500)
    clock.now += dt.timedelta(minutes=20)
    spend = tea.member_card(member).balance - 20
    tea.record_sale(amount_fen=15_000, member_id=member, by=None, redeem_points=spend)
    coupon_sale(bakery, fair_coupons[4], 5_600, 800)
    coupon_sale(bakery, fair_coupons[3], 7_200, 800)  # the same coupon, shown a second time
    with bakery.db.write() as s:
        emit_event(
            s,
            kind="sale.recorded",
            now=clock(),
            payload={
                "sale": uuid7(),
                "member_id": member,
                "amount_fen": 4_500,
                "discount_fen": 120,
                "points_earned": 0,
                "points_redeemed": 120,
                "day": bakery.today().isoformat(),
            },
        )
    run_cycle(bakery.db, clock=clock)
    clock.now = NOW
    run_cycle(tea.db, clock=clock)

    dialog = ConflictsDialog(tea)
    dialog.resize(1180, 560)
    dialog.show()
    settle(app)
    save(dialog.grab(), out / "screenshot-conflicts.png")
    dialog.close()

    window = MainWindow(tea)
    window.resize(*WIDE_SIZE)
    window.show()
    window.show_tab(CAMPAIGNS)
    page = window.page(CAMPAIGNS)
    page.sections.setCurrentWidget(page.joint)
    deadline = time.monotonic() + 60
    while page.joint.worker.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    page.joint.table.selectRow(0)
    settle(app)
    save(window.grab(), out / "screenshot-joint-campaign.png")
    window.close()
    for desk in desks:
        desk.db.close()
    server.should_exit = True
    server_db.dispose()


def sync_status_shot(app: QCoreApplication, folder: Path, out: Path) -> None:
    """``screenshot-sync-status.png``: a shop that joined an alliance (a server started here on
    a loopback port), synced once, then lost the network two days ago with sales waiting."""
    import socket
    import threading

    import uvicorn

    from alliance import operator
    from alliance.app import create_app
    from alliance.db import Database as ServerDatabase
    from desktop.models.shop import set_setting
    from desktop.sync import state
    from desktop.sync.pairing import pair
    from desktop.views.main_window import MainWindow

    folder.mkdir(parents=True, exist_ok=True)
    server_db = ServerDatabase(f"sqlite:///{folder / 'alliance.sqlite'}")
    server_db.migrate()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(server_db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("the alliance server did not start")
        time.sleep(0.05)
    with server_db.write() as s:
        alliance_id = operator.create_alliance(s, name="东街商盟")
        code = operator.invite_shop(s, alliance_id=alliance_id, name="茶香小铺", days=7)["code"]
    clock = Clock(NOW)
    db = open_database(folder / "shop.sqlite")
    desk = Desk(db, clock=clock)
    desk.set_up(shop_name="茶香小铺", owner_name="老板", owner_pin="135790")
    pair(db, server_url=f"http://127.0.0.1:{port}", code=code, now=clock())
    window = MainWindow(desk)
    window.resize(*COUNTER_SIZE)
    window.show()
    while window.sync_status.state != "online" and time.monotonic() < deadline + 30:
        settle(app)
        time.sleep(0.05)
    window.sync.stop(30)  # the network goes: what is sold from now on waits
    for i in range(3):
        member = desk.enrol_member(
            name=f"顾客{i + 1}", phone=f"1380013800{i}", by=None, membership_consent=True
        )
        desk.record_sale(amount_fen=2_800 + 600 * i, member_id=member, by=None)
    with db.write() as s:
        last_ok = NOW - dt.timedelta(days=2, hours=3)
        set_setting(s, state.LAST_OK, last_ok.isoformat(timespec="seconds") + "Z")
        set_setting(s, state.LAST_ERROR, {"code": "offline", "message": ""})
    window.sync.refresh()
    settle(app)
    save(window.grab(), out / "screenshot-sync-status.png")
    window.close()
    db.close()
    server.should_exit = True
    server_db.dispose()


def save(picture: QImage | QPixmap, path: Path) -> None:
    if not picture.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    sys.exit(main())
