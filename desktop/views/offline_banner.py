"""The counter's OFFLINE banner (DESIGN §5): shown while the last good sync is too old.

``desktop.sync.status`` decides when that is (``SyncStatus.stale``). The banner only tells:
earning goes on as usual, and the counter's own rules decide what redeeming allows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from desktop.sync.status import SyncStatus
from desktop.views.sync_texts import age_text

STYLE = (
    "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #f0c36d;"
    " border-radius: 6px; padding: 6px 10px; font-size: 13pt; }"
)


class OfflineBanner(QLabel):
    """Hidden until ``show_status(status)`` gets a stale status; hidden again once synced."""

    def __init__(self, now: Callable[[], dt.datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self._now = now
        self.hide()

    def show_status(self, status: SyncStatus) -> None:
        if not (status.paired and status.stale):
            self.hide()
            return
        ago = age_text(status.last_ok_at, now=self._now())
        self.setText(
            self.tr(
                "OFFLINE — last sync %1. Points earned are kept and sent later; redeeming "
                "alliance points may be limited."
            ).replace("%1", ago)
        )
        self.show()
