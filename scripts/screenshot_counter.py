"""Render the counter after a scan into docs/screenshot-counter.png (no display needed).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_counter.py [--lang zh_CN|en]
        [--out docs/screenshot-counter.png]

Builds a small demo shop in a temporary folder through the ``Desk`` API, so the picture
never depends on a real shop's data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.models.db import open_database  # noqa: E402
from desktop.models.service import Desk  # noqa: E402
from desktop.models.shop import Rule  # noqa: E402

DEMO_PIN = "123456"


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


def demo_desk(folder: Path, clock: Clock) -> tuple[Desk, int]:
    start = clock.now
    clock.now = start - dt.timedelta(days=400)  # the shop and its members are older
    desk = Desk(open_database(folder / "demo.sqlite"), clock=clock)
    desk.set_up(
        shop_name="小王便利店",
        owner_name="王老板",
        owner_pin=DEMO_PIN,
        address="人民路 18 号",
        rule=Rule(version=1, checkin_points=5, expiry_months=12),
    )
    star = desk.enrol_member(name="张晓梅", phone="13812345678", by=None, membership_consent=True)
    for name, phone in (("李伟", "13900001234"), ("王芳", "13700005678")):
        desk.enrol_member(name=name, phone=phone, by=None, membership_consent=True)
    for days, fen in ((-340, 268_000), (-40, 125_050), (-9, 3_850), (-2, 12_800)):
        clock.now = start + dt.timedelta(days=days)
        desk.record_sale(
            amount_fen=fen,
            member_id=star,
            by=None,
            owner=desk.authenticate(DEMO_PIN, owner_only=True),
        )
    clock.now = start + dt.timedelta(days=-1)
    desk.check_in(member_id=star, by=None)
    clock.now = start
    return desk, star


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot-counter.png")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from desktop.views.i18n import apply_cjk_font, install_translators
    from desktop.views.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    install_translators(app, args.lang)
    apply_cjk_font(app)
    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock(dt.datetime(2026, 3, 2, 6, 30))
        desk, member = demo_desk(Path(tmp), clock)
        window = MainWindow(desk)
        window.resize(1100, 760)
        window.show()
        app.processEvents()
        window.route_scan(desk.member_code(member))
        window.counter.check_in()
        for _ in range(3):
            app.processEvents()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        print(f"saved {args.out} (painted member {window.counter.card_widget.painted_member_id})")
        window.close()
        desk.db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
