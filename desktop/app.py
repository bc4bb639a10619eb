"""The one place that wires the desktop app: settings, database, Qt, translator, main window.

Qt and the database layer are imported inside functions, so ``desktop.cli`` can import this
module cheaply and only the GUI path pays for them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import config

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.models.service import Desk

log = logging.getLogger("desktop")

EXPIRY_CHECK_MS = 60 * 60 * 1000  # hourly; expiry itself runs once per shop day
EXIT_OK, EXIT_NO_DATABASE = 0, 2
INLINE_CHECK_BYTES = 64 * 1024 * 1024
# Timing a cold start of the bundle (bench/bundle.py): print "SHOWN <epoch>" and quit as soon
# as the main window is on screen.
EXIT_WHEN_SHOWN_ENV = "MERCHANT_DESK_EXIT_WHEN_SHOWN"


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options; anything else (``-platform offscreen``…) is left for Qt."""
    parser = argparse.ArgumentParser(prog="merchant-desk", description="Merchant Desk")
    parser.add_argument(
        "--db", type=Path, default=None, help="shop database file (default: the user data folder)"
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=None,
        help="language of the interface (default: saved setting, then system)",
    )
    parser.add_argument(
        "--selftest", action="store_true", help="check this installation, print JSON and exit"
    )
    parser.add_argument(
        "--selftest-out", type=Path, default=None, help="also write the self-test JSON here"
    )
    return parser.parse_known_args(argv)


def app_icon_path() -> Path:
    return config.assets_dir() / "icon.png"


def configure_logging(path: Path | None = None) -> Path | None:
    """Log to a rotating file in the data folder; return its path (None if not writable)."""
    path = path if path is not None else config.log_file_path()
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler, path = logging.StreamHandler(), None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    from desktop.models.log_privacy import PhoneMaskFilter

    handler.addFilter(PhoneMaskFilter())  # no full phone number ever reaches the log
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def open_desk(
    path: Path,
    *,
    report: Callable[[str, str], None],
    offer_restore: Callable[[Path], bool] | None = None,
) -> Desk | None:
    """Open the shop database, or tell the person why not (via ``report(title, text)``).

    A restore staged before a restart (or cut short by a crash) is finished first. A file
    that cannot be used is never created over, migrated or otherwise written; when it is
    damaged, ``offer_restore(path)`` may put the latest good backup in its place (True), and
    the app never starts on an empty database instead.
    """
    from desktop.models.backup_restore import apply_pending_restore
    from desktop.models.db import open_database
    from desktop.models.errors import DatabaseOpenError, DomainError
    from desktop.models.service import Desk
    from desktop.views.startup import database_error_message

    try:
        restored = apply_pending_restore(path)
    except (DomainError, OSError) as exc:
        log.warning("a staged restore could not be finished yet: %s", exc)
        report(*database_error_message(DatabaseOpenError("locked", str(path), str(exc))))
        return None
    if restored is not None:
        log.info(
            "restored %s from %s (kept aside: %s)", path, restored.backup_file, restored.kept_aside
        )
    for attempt in range(2):
        try:
            # PRAGMA quick_check reads the whole file: inline on a small shop, in the
            # background (see check_integrity_later) on a big one, so the counter is up in
            # about a second.
            database = open_database(path, quick_check=_small_file(path))
        except DatabaseOpenError as exc:
            log.warning("cannot open the database: %s", exc)
            if exc.code == "corrupt" and offer_restore is not None and attempt == 0:
                if offer_restore(path):
                    continue
            report(*database_error_message(exc))
            return None
        except OSError as exc:
            log.exception("cannot open the database %s", path)
            report(*database_error_message(DatabaseOpenError("unusable", str(path), str(exc))))
            return None
        return Desk(database)
    return None


def _small_file(path: Path) -> bool:
    try:
        return path.stat().st_size <= INLINE_CHECK_BYTES
    except OSError:
        return True


def check_integrity_later(
    path: Path, *, report: Callable[[str, str], None], parent: object
) -> object | None:
    """On a big file, run the quick check in a thread once the window is up; warn if it fails.

    Returns the Qt object that carries the result back (kept alive by ``parent``), or None
    when the check already ran at open.
    """
    if _small_file(path):
        return None
    import threading

    from PySide6.QtCore import QObject, Signal

    from desktop.models.db import integrity_ok
    from desktop.models.errors import DatabaseOpenError
    from desktop.views.startup import database_error_message

    class _Result(QObject):
        failed = Signal()

    result = _Result(parent)  # type: ignore[arg-type]
    result.failed.connect(
        lambda: report(*database_error_message(DatabaseOpenError("corrupt", str(path))))
    )

    def run() -> None:
        ok = integrity_ok(path)
        log.info("background integrity check of %s: %s", path, "ok" if ok else "FAILED")
        if not ok:
            result.failed.emit()

    threading.Thread(target=run, name="integrity-check", daemon=True).start()
    return result


def create_application(argv0: str, qt_args: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([argv0, *qt_args])
    app.setApplicationName(config.APP_NAME)
    app.setOrganizationName(config.ORG_NAME)
    app.setApplicationDisplayName("Merchant Desk")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(app_icon_path())))
    return app


def expire_points(desk: Desk) -> None:
    """Write off points past their expiry; a failure is logged, never fatal at start-up."""
    from desktop.models.errors import DomainError

    try:
        count = desk.expire_due_points()
    except DomainError as exc:
        log.warning("points expiry skipped: %s", exc)
        return
    if count:
        log.info("expired %s point lots", count)


def start_expiry_timer(desk: Desk, parent: object) -> object:
    """Run the expiry again whenever the shop's day changes while the app stays open."""
    from PySide6.QtCore import QTimer

    last_day = [desk.today()]

    def tick() -> None:
        today = desk.today()
        if today != last_day[0]:
            last_day[0] = today
            expire_points(desk)

    timer = QTimer(parent)  # type: ignore[arg-type]
    timer.setInterval(EXPIRY_CHECK_MS)
    timer.timeout.connect(tick)
    timer.start()
    return timer


def start_backups(desk: Desk, window: object) -> object:
    """The daily backup (checked every few minutes, run off the GUI thread); a failure is
    shown in the status bar, where the person at the counter sees it."""
    from desktop.views.backup_worker import BackupScheduler

    scheduler = BackupScheduler(desk, window)  # type: ignore[arg-type]
    status_bar = getattr(window, "statusBar", None)

    def tell(ok: bool, text: str) -> None:
        if not ok and callable(status_bar):
            status_bar().showMessage(text, 0)

    scheduler.finished.connect(tell)
    scheduler.start()
    return scheduler


def damaged_while_open(desk: Desk, window: object) -> Callable[[str, str], None]:
    """What the background integrity check does on failure: say so, and offer a restore."""

    def report(title: str, text: str) -> None:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        from desktop.models.backup_settings import backup_config, recorded_checksums
        from desktop.views.restore_dialog import restore_from_settings

        box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=window)  # type: ignore[call-overload]
        restore = box.addButton(
            QCoreApplication.translate("Startup", "Restore a backup…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is restore:
            restore_from_settings(
                desk,
                folders=[backup_config(desk).folder],
                recorded=recorded_checksums(desk),
                parent=window,  # type: ignore[arg-type]
            )

    return report


def main(argv: list[str] | None = None) -> int:
    """Start the desktop app; returns the process exit code.

    The app reopens its database without quitting when a restore has been staged
    (``RESTART_EXIT_CODE``): the window is closed, the database closed, the restored file
    swapped in and the window built again."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    log_path = configure_logging()
    if args.selftest:
        from desktop import selftest

        return selftest.main(args.selftest_out, qt_args)
    app = create_application(sys.argv[0] if sys.argv else "merchant-desk", qt_args)

    from PySide6.QtWidgets import QDialog

    from desktop.views.backup_worker import MAIN_LOOP_PROPERTY, RESTART_EXIT_CODE
    from desktop.views.i18n import apply_cjk_font, choose_language, install_translators
    from desktop.views.restore_dialog import offer_restore_at_start
    from desktop.views.startup import install_excepthook, show_error_box

    install_excepthook(log_path)
    language = choose_language(args.lang, None)
    install_translators(app, language)
    apply_cjk_font(app)
    db_path = args.db or config.default_db_path()

    while True:
        desk = open_desk(db_path, report=show_error_box, offer_restore=offer_restore_at_start)
        if desk is None:
            return EXIT_NO_DATABASE
        if args.lang is None:
            saved = choose_language(None, desk.setting("language"), language)
            if saved != language:
                install_translators(app, saved)

        if not desk.is_set_up():
            from desktop.views.first_run import FirstRunDialog

            if FirstRunDialog(desk).exec() != QDialog.DialogCode.Accepted:
                desk.db.close()
                return EXIT_OK
        code = _run_window(app, desk, db_path)
        if code != RESTART_EXIT_CODE:
            return code
        log.info("reopening the database to finish a restore")
        app.setProperty(MAIN_LOOP_PROPERTY, False)


def _exit_when_shown(app: QApplication, window: object) -> None:
    from PySide6.QtCore import QTimer

    probe = QTimer(window)  # type: ignore[call-overload]
    probe.setInterval(0)

    def check() -> None:
        handle = window.windowHandle()  # type: ignore[attr-defined]
        if window.isVisible() and handle is not None and handle.isExposed():  # type: ignore[attr-defined]
            probe.stop()
            if sys.stdout is not None:
                sys.stdout.write(f"SHOWN {time.time():.6f}\n")
                sys.stdout.flush()
            app.quit()

    probe.timeout.connect(check)
    probe.start()


def _run_window(app: QApplication, desk: Desk, db_path: Path) -> int:
    """Show the main window until the app quits; back up on the way out when due."""
    from PySide6.QtCore import QTimer

    from desktop.views.backup_worker import MAIN_LOOP_PROPERTY, RESTART_EXIT_CODE, backup_on_exit
    from desktop.views.main_window import MainWindow
    from desktop.views.scanner import ScanBurstFilter

    window = MainWindow(desk)
    scan_filter = ScanBurstFilter(app)
    scan_filter.scanned.connect(window.route_scan)
    scan_filter.install()
    timer = start_expiry_timer(desk, window)
    backups = start_backups(desk, window)
    window.show()
    if os.environ.get(EXIT_WHEN_SHOWN_ENV):
        _exit_when_shown(app, window)
    # After the first paint: expiry (usually a no-op sweep) and, on a big file, the check.
    QTimer.singleShot(0, lambda: expire_points(desk))
    checker = check_integrity_later(db_path, report=damaged_while_open(desk, window), parent=window)
    app.setProperty(MAIN_LOOP_PROPERTY, True)
    code = int(app.exec())
    backups.stop()  # type: ignore[attr-defined]
    if code != RESTART_EXIT_CODE:
        backup_on_exit(desk)
    scan_filter.uninstall()
    window.close()
    window.deleteLater()
    scan_filter.deleteLater()
    del timer, checker
    desk.db.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
