"""``MerchantDesk --selftest`` / ``merchant-desk selftest``: prove a build can do its job.

In a temporary folder it creates a shop database through the migrations, signs a member card
code and verifies it (and refuses an altered copy), and prints a sheet of coupons to PDF in
Chinese, through the same code the app uses. It also checks that the data folder can be
written and that the files the bundle carries (translations, icon) load. The result is one JSON
document: ``ok``, and for each step its name, ``ok``, milliseconds and what it found, or a
message saying what is wrong. Nothing is written outside the temporary folder except a probe
file (removed again) in the data folder.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import config

if TYPE_CHECKING:
    from desktop.models.service import Desk

EXIT_OK, EXIT_FAILED = 0, 1
OWNER_PIN = "135790"
COUPONS = 3


class SelftestError(Exception):
    """A step found something wrong; the text says what, in plain words."""


def _use_offscreen_without_display() -> None:
    """No window is shown: on a Linux box without a display, Qt must not look for one."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _application(qt_args: list[str]) -> object:
    _use_offscreen_without_display()
    from desktop.app import create_application

    return create_application(sys.argv[0] if sys.argv else "merchant-desk", qt_args)


# -- the steps ---------------------------------------------------------------------------------
def _data_folder() -> dict[str, Any]:
    folder = config.data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".selftest-probe"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise SelftestError(f"the data folder {folder} cannot be written: {exc}") from exc
    return {"path": str(folder), "portable": config.portable_data_dir() is not None}


def _database(path: Path) -> dict[str, Any]:
    from desktop.models import migrate
    from desktop.models.db import open_database

    revisions = migrate.known_revisions()
    if not revisions:
        raise SelftestError(
            f"the database migrations are missing: no revision files in "
            f"{migrate.MIGRATIONS_DIR / 'versions'}"
        )
    open_database(path, create=True).close()
    state = migrate.check_schema(path)
    if state != "current":
        raise SelftestError(f"the new database is not at the latest schema ({state})")
    return {"revision": revisions[-1], "migrations": len(revisions)}


def _member_code(desk: Desk) -> dict[str, Any]:
    from desktop.models.errors import DomainError

    desk.set_up(shop_name="自检小店", owner_name="店主", owner_pin=OWNER_PIN)
    member_id = desk.enrol_member(
        name="张三", phone="13800138000", by=None, membership_consent=True
    )
    digits = desk.member_code(member_id)
    found = desk.lookup_scan(digits).id
    if found != member_id:
        raise SelftestError(f"the signed card of member {member_id} reads as member {found}")
    altered = digits[:-12] + ("1" if digits[-12] != "1" else "2") + digits[-11:]
    try:
        desk.lookup_scan(altered)
    except DomainError as exc:
        refused = exc.code
    else:
        raise SelftestError("an altered member code was accepted")
    return {"member_id": member_id, "digits": len(digits), "altered_code": refused}


def _coupon_pdf(desk: Desk, path: Path) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop.models.campaign_spec import CampaignSpec
    from desktop.views.coupon_sheet import DEFAULT_GRID, CouponSheet, sheet_coupon_from
    from desktop.views.i18n import CATALOGUE, translations_dir
    from desktop.views.sheet_output import write_pdf

    translator = QTranslator()
    if not translator.load(f"{CATALOGUE}_zh_CN", str(translations_dir())):
        raise SelftestError(f"the Chinese translation is missing from {translations_dir()}")
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        owner = desk.authenticate(OWNER_PIN, owner_only=True)
        campaign = desk.create_campaign(
            CampaignSpec(name="开业酬宾", kind="amount_off", value_fen=1000, valid_days=30),
            by=owner,
        )
        _, issued = desk.issue_bearer_batch(campaign, count=COUPONS, by=owner)
        shop = desk.shop_profile().name
        coupons = [sheet_coupon_from(c, shop, desk.coupon_code(c.id)) for c in issued]
        sheet = CouponSheet(coupons, DEFAULT_GRID)
        title = sheet.doc_name
        if not write_pdf(path, sheet):
            raise SelftestError("the coupon sheet was not written")
    finally:
        app.removeTranslator(translator)
    if title == "Coupons":
        raise SelftestError("the coupon sheet was not translated into Chinese")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SelftestError(f"{path.name} is not a PDF file")
    if b"/FontFile" not in data:
        raise SelftestError("no font was found to print the coupons' text")
    return {"pages": sheet.page_count, "coupons": len(coupons), "bytes": len(data)}


def _assets() -> dict[str, Any]:
    from PySide6.QtGui import QImage

    from desktop.app import app_icon_path

    icon = app_icon_path()
    image = QImage(str(icon))
    if image.isNull():
        raise SelftestError(f"the app icon is missing or unreadable: {icon}")
    return {"icon_px": image.width()}


# -- running -----------------------------------------------------------------------------------
def _step(name: str, action: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        found = action()
    except SelftestError as exc:
        result: dict[str, Any] = {"ok": False, "message": str(exc)}
    except Exception as exc:  # a broken bundle shows up here: say what, never a traceback
        lines = str(exc).strip().splitlines()
        detail = f": {lines[0]}" if lines else ""
        result = {"ok": False, "message": f"{type(exc).__name__}{detail}"}
    else:
        result = {"ok": True, **found}
    return {"step": name, **result, "ms": round((time.perf_counter() - started) * 1000, 1)}


def run_selftest(qt_args: list[str] | None = None) -> dict[str, Any]:
    """Run every step (stopping at the first failure); the JSON-ready result."""
    started = time.perf_counter()
    steps: list[dict[str, Any]] = []
    _application(qt_args or [])
    with tempfile.TemporaryDirectory(prefix="merchant-desk-selftest-") as folder:
        work = Path(folder)
        database = work / "selftest.sqlite"
        desks: list[Desk] = []

        def open_desk() -> Desk:
            if not desks:
                from desktop.models.db import open_database
                from desktop.models.service import Desk

                desks.append(Desk(open_database(database, create=False)))
            return desks[0]

        plan: list[tuple[str, Callable[[], dict[str, Any]]]] = [
            ("data_folder", _data_folder),
            ("database", lambda: _database(database)),
            ("member_code", lambda: _member_code(open_desk())),
            ("coupon_pdf", lambda: _coupon_pdf(open_desk(), work / "coupons.pdf")),
            ("assets", _assets),
        ]
        try:
            for name, action in plan:
                steps.append(_step(name, action))
                if not steps[-1]["ok"]:
                    break
        finally:
            for desk in desks:
                desk.db.close()
    ok = len(steps) == len(plan) and all(step["ok"] for step in steps)
    document: dict[str, Any] = {
        "ok": ok,
        "frozen": config.is_frozen(),
        "steps": steps,
        "total_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    if not ok:
        failed = steps[-1]
        document["error"] = "selftest_failed"
        document["message"] = f"self-test failed at {failed['step']}: {failed['message']}"
    return document


def write_result(document: dict[str, Any], out: Path | None) -> None:
    """Also keep the result in a file (the windowed executable has no console to print to)."""
    if out is None:
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")


def main(out: Path | None = None, qt_args: list[str] | None = None) -> int:
    """``MerchantDesk --selftest [--selftest-out PATH]``: print one JSON line; 0 when all passed."""
    import logging

    document = run_selftest(qt_args)
    logging.getLogger("desktop").log(
        logging.INFO if document["ok"] else logging.ERROR, "selftest: %s", json.dumps(document)
    )
    if sys.stdout is not None:
        sys.stdout.write(json.dumps(document) + "\n")
        sys.stdout.flush()
    write_result(document, out)
    return EXIT_OK if document["ok"] else EXIT_FAILED
