"""Settings → Scanner test: scan a code and read, in plain words, what is wrong with the set-up."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.models.scaninput import ScanDiagnosis, Verdict, diagnose_scan
from desktop.views.scanner import ScanBurstFilter, monotonic_ms

__all__ = ["ScannerTestPanel"]

_log = logging.getLogger(__name__)
_DEFAULT_GAP_MS = 50.0


class _TestBox(QLineEdit):
    """A line edit that reports Enter itself and keeps it from a dialog's default button.

    Unlike the counter's scan field it keeps the input method on: the test must see what an
    IME does to the scanner's digits.
    """

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.entered.emit()
            return
        super().keyPressEvent(event)


@dataclass
class _Typing:
    """Timing of characters typed into the box since the last verdict."""

    first_ms: float
    last_ms: float
    max_gap_ms: float = 0.0


class ScannerTestPanel(QWidget):
    """The "Scanner test" settings panel.

    A scan reaches it two ways: as a burst recognised by ``burst_filter`` (its ``scanned``
    signal, while the panel is visible) or typed into the box and ended with Enter, timed
    with ``clock`` (milliseconds, monotonic). ``check_code(digits)`` returns the code's kind
    (``"member"``, ``"coupon"``), or ``""`` or raises when the code is not ours.

    GUI thread only.
    """

    def __init__(
        self,
        check_code: Callable[[str], str],
        *,
        burst_filter: ScanBurstFilter | None = None,
        clock: Callable[[], float] = monotonic_ms,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check_code = check_code
        self._filter = burst_filter
        self._clock = clock
        self._typing: _Typing | None = None
        self._build()
        if burst_filter is not None:
            burst_filter.scanned.connect(self._on_burst)

    def _build(self) -> None:
        title = QLabel(self.tr("Scanner test"))
        title.setStyleSheet("font-weight: bold;")
        instructions = QLabel(self.tr("Scan any member card or coupon into this box."))
        instructions.setWordWrap(True)
        self.box = _TestBox()
        self.box.setObjectName("scannerTestBox")
        self.box.setPlaceholderText(self.tr("Scan here"))
        self.result_label = QLabel(self.tr("No scan yet."))
        self.result_label.setObjectName("scannerTestResult")
        self.result_label.setWordWrap(True)
        self.speed_label = QLabel(self.tr("Speed of the last scan: not measured yet."))
        self.speed_label.setObjectName("scannerTestSpeed")
        layout = QVBoxLayout(self)
        for widget in (title, instructions, self.box, self.result_label, self.speed_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.box.textEdited.connect(self._on_edited)
        self.box.entered.connect(self._on_entered)

    # -- input -------------------------------------------------------------------------------

    def _on_burst(self, raw: str) -> None:
        if not self.isVisible():
            return
        self._typing = None
        self.box.setText(raw)
        self.box.selectAll()
        burst = self._filter.last_burst if self._filter is not None else None
        self._show(diagnose_scan(raw, fast=True, kind_of=self._kind_of))
        if burst is not None:
            self._show_speed(burst.chars_per_second)

    def _on_edited(self, _text: str) -> None:
        now = self._clock()
        typing = self._typing
        if typing is None:
            self._typing = _Typing(first_ms=now, last_ms=now)
            return
        typing.max_gap_ms = max(typing.max_gap_ms, now - typing.last_ms)
        typing.last_ms = now

    def _on_entered(self) -> None:
        typing, self._typing = self._typing, None
        raw = self.box.text()
        if typing is None or not raw.strip():
            return  # nothing new typed since the last verdict
        now = self._clock()
        limit = self._filter.max_gap_ms if self._filter is not None else _DEFAULT_GAP_MS
        fast = typing.max_gap_ms <= limit and now - typing.last_ms <= limit
        self.box.selectAll()
        self._show(diagnose_scan(raw, fast=fast, kind_of=self._kind_of))
        duration = now - typing.first_ms
        self._show_speed(len(raw) * 1000.0 / duration if duration > 0 else math.inf)

    def _kind_of(self, digits: str) -> str:
        try:
            kind = self._check_code(digits)
        except Exception:  # any failure to read the code means "not ours" on this screen
            _log.debug("scanner test: code not accepted", exc_info=True)
            return ""
        return kind or ""

    # -- output ------------------------------------------------------------------------------

    def _show(self, diagnosis: ScanDiagnosis) -> None:
        self.result_label.setProperty("verdict", diagnosis.verdict.value)
        self.result_label.setText(self._verdict_text(diagnosis))

    def _show_speed(self, chars_per_second: float) -> None:
        if math.isinf(chars_per_second):
            text = self.tr(
                "Speed of the last scan: everything arrived at once "
                "(pasted, or sent by an input method)."
            )
        else:
            text = self.tr("Speed of the last scan: {speed} characters per second.").format(
                speed=f"{chars_per_second:.0f}"
            )
        self.speed_label.setText(text)

    def _kind_name(self, kind: str) -> str:
        names = {"member": self.tr("member card"), "coupon": self.tr("coupon")}
        return names.get(kind, kind)

    def _verdict_text(self, diagnosis: ScanDiagnosis) -> str:
        verdict = diagnosis.verdict
        if verdict is Verdict.VALID:
            return self.tr("Valid code: {kind}. The scanner is set up correctly.").format(
                kind=self._kind_name(diagnosis.kind)
            )
        texts = {
            Verdict.NOT_OURS: self.tr(
                "The code was read, but it is not one of ours, or it was misread. Scan it again."
            ),
            Verdict.CAPS_LOCK: self.tr(
                "Caps Lock appears to be on: the scanner sent shifted characters such as "
                "!@#$ instead of digits. Turn Caps Lock off, or switch the scanner's "
                "Caps Lock setting, and scan again."
            ),
            Verdict.LAYOUT_AZERTY: self.tr(
                "The keyboard layout appears to be French (AZERTY): the digits arrived as "
                "other characters. Switch the keyboard layout to English (US), or set the "
                "scanner's keyboard language to match, and scan again."
            ),
            Verdict.LAYOUT_OTHER: self.tr(
                "The keyboard layout appears to be an unusual one: the digits arrived as "
                "other characters. Switch the keyboard layout to English (US), or set the "
                "scanner's keyboard language to match, and scan again."
            ),
            Verdict.FULLWIDTH: self.tr(
                "Full-width characters arrived from a Chinese input method. Switch the "
                "input method to half-width or to English, and scan again."
            ),
            Verdict.SLOW: self.tr(
                "The characters arrived slowly, so this was not a scanner burst. Check "
                "that the scanner is set to USB keyboard emulation without a delay "
                "between characters."
            ),
        }
        return texts[verdict]
