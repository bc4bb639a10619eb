"""Cold start child: run the real app entry point on a database, say when the counter is ready.

``python -m bench.cold_start DB [SCAN_DIGITS]`` runs ``desktop.app.main`` (offscreen unless
``QT_QPA_PLATFORM`` says otherwise). As soon as the event loop runs, the main window is shown
and the counter's scan field has keyboard focus, it prints ``READY <epoch seconds>``. With
``SCAN_DIGITS`` it then scans that code into the field (Enter), waits until the member card is
painted, prints ``SCANNED <member id> <ms>`` and ``RSS <peak MB>`` and quits.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time


def main(argv: list[str]) -> int:
    db_path = argv[0]
    scan = argv[1] if len(argv) > 1 else ""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not os.environ.get("MERCHANT_DESK_DATA"):
        os.environ["MERCHANT_DESK_DATA"] = tempfile.mkdtemp(prefix="md-cold-")

    from PySide6.QtCore import QTimer

    import desktop.views.main_window as main_window_module
    import desktop.views.startup as startup_module
    from desktop import app as app_module

    keep_hook = startup_module.install_excepthook

    def fail_fast(report: startup_module.CrashReport) -> None:
        """An error box would wait for a click forever: report and stop instead."""
        sys.stdout.write(f"APP-ERROR {report.title}: {report.summary}\n")
        sys.stdout.flush()
        os._exit(3)

    startup_module.install_excepthook = lambda log_path, show=fail_fast: keep_hook(  # type: ignore[misc]
        log_path, fail_fast
    )

    base = main_window_module.MainWindow

    class WatchedWindow(base):  # type: ignore[misc, valid-type]
        """The real main window, plus a probe that reports when the counter can take a scan."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._probe = QTimer(self)
            self._probe.setInterval(0)
            self._probe.timeout.connect(self._check_ready)
            self._probe.start()
            self._scan_started = 0.0

        def _check_ready(self) -> None:
            field = self.counter.scan_field
            if not (self.isVisible() and field.hasFocus()):
                return
            self._probe.stop()
            print(f"READY {time.time():.6f}", flush=True)
            if not scan:
                QTimer.singleShot(0, self.close)
                return
            QTimer.singleShot(0, self._scan)

        def _scan(self) -> None:
            from PySide6.QtCore import Qt
            from PySide6.QtTest import QTest

            field = self.counter.scan_field
            field.setText(scan)
            self._scan_started = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            self._wait = QTimer(self)
            self._wait.setInterval(0)
            self._wait.timeout.connect(self._check_painted)
            self._wait.start()

        def _check_painted(self) -> None:
            card = self.counter.card_widget
            if card.painted_member_id is None:
                if time.perf_counter() - self._scan_started > 10:
                    print("SCAN-TIMEOUT", flush=True)
                    self.close()
                return
            self._wait.stop()
            ms = (time.perf_counter() - self._scan_started) * 1000
            print(f"SCANNED {card.painted_member_id} {ms:.3f}", flush=True)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"RSS {peak:.1f}", flush=True)
            self.close()

    main_window_module.MainWindow = WatchedWindow  # type: ignore[misc]
    return app_module.main(["--db", db_path])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
