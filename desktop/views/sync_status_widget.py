"""The alliance sync in the status bar: a coloured dot, one line, and "Sync now".

"Online · synced 10:42 · 3 waiting", "Offline since 09:10 · 12 waiting", "Syncing…", or
"Not in an alliance" in grey. The tooltip says the last problem in plain words. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.sync.errors import RETRYABLE
from desktop.sync.status import WAITING_CAP, SyncStatus
from desktop.views.sync_bridge import SyncBridge
from desktop.views.sync_texts import sync_error_text, sync_time_text

SYNC_NOW_KEY = "Ctrl+Shift+S"
COLOURS = {
    "online": "#1e8e3e",
    "offline": "#d93025",
    "attention": "#e37400",
    "syncing": "#1a73e8",
    "none": "#9aa0a6",
}


def waiting_text(count: int) -> str:
    """ "12", or "10000+" past what the status counts."""
    return f"{WAITING_CAP}+" if count > WAITING_CAP else str(count)


class SyncStatusWidget(QWidget):
    """``SyncStatusWidget(bridge, now=…)``; ``state`` is "online", "offline", "attention",
    "syncing" or "none" (not in an alliance); ``text_label``, ``dot``, ``sync_button``."""

    def __init__(
        self,
        bridge: SyncBridge,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self._bridge = bridge
        self._now = now
        self.state = "none"
        self.dot = QLabel("●")
        self.dot.setObjectName("syncDot")
        self.text_label = QLabel()
        self.text_label.setObjectName("syncText")
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sync_button.setToolTip(
            self.tr("Send and fetch alliance changes now (%1)").replace("%1", SYNC_NOW_KEY)
        )
        self.sync_button.clicked.connect(lambda _checked=False: self.sync_now())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.text_label)
        layout.addWidget(self.sync_button)
        bridge.syncing.connect(self._show_syncing)
        bridge.status_changed.connect(self.show_status)
        self.show_status(bridge.status or SyncStatus(paired=False))

    def sync_now(self) -> None:
        if self._bridge.status is not None and not self._bridge.status.paired:
            return
        self._bridge.sync_now()
        self._show_syncing()

    def _show_syncing(self) -> None:
        self._paint("syncing", self.tr("Syncing…"))

    def show_status(self, status: SyncStatus) -> None:
        if self._bridge.busy:
            return  # "Syncing…" until the cycle's own report comes
        now = self._now()
        self.sync_button.setVisible(status.paired)
        if status.reenrol_required:
            self._paint("attention", self.tr("Join the alliance again (restored backup)"))
            self.setToolTip(sync_error_text("reenrol_required"))
            return
        if not status.paired:
            self._paint("none", self.tr("Not in an alliance"))
            self.setToolTip(self.tr("Join an alliance in Settings → Alliance."))
            return
        when = sync_time_text(status.last_ok_at, now=now, tz=status.timezone)
        if status.last_attempt_at is None:
            state, text = "syncing", self.tr("Connecting to the alliance…")
        elif status.last_error is None:
            state, text = "online", self.tr("Online · synced %1").replace("%1", when)
        elif status.last_error in RETRYABLE:
            state = "offline"
            text = (
                self.tr("Offline since %1").replace("%1", when)
                if status.last_ok_at is not None
                else self.tr("Offline · never synced")
            )
        else:
            state, text = "attention", self.tr("Sync stopped · see the tooltip")
        if status.waiting:
            text += self.tr(" · %1 waiting").replace("%1", waiting_text(status.waiting))
        self._paint(state, text)
        tip = [self.tr("Alliance: %1").replace("%1", status.alliance_name or "—")]
        tip.append(self.tr("Last good sync: %1").replace("%1", when))
        if status.last_error:
            tip.append(sync_error_text(status.last_error, status.last_error_message))
        if status.conflicts_unseen:
            tip.append(
                self.tr("%1 records were settled differently by the alliance.").replace(
                    "%1", str(status.conflicts_unseen)
                )
            )
        self.setToolTip("\n".join(tip))

    def _paint(self, state: str, text: str) -> None:
        self.state = state
        self.dot.setStyleSheet(f"color: {COLOURS[state]}; font-size: 14pt;")
        self.text_label.setText(text)
        grey = "color: #5f6368;" if state == "none" else ""
        self.text_label.setStyleSheet(grey)
