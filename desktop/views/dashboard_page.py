"""The Dashboard tab: the owner's numbers, locked until the owner's PIN and locked again when
the tab is left (like Settings). The charts, and matplotlib with them, are built the first
time it is unlocked, so neither start-up nor the counter ever pays for them.

GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.pin_dialog import ask_owner

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor
    from desktop.views.dashboard_view import DashboardView
    from desktop.views.session_state import SessionState

LOCKED, UNLOCKED = 0, 1


class DashboardPage(QWidget):
    """``DashboardPage(desk, session_state)``. ``view`` is the :class:`DashboardView` once
    built (None before the first unlock); ``owner`` who unlocked it (None while locked).

    The owner signed in at the counter (Switch staff) finds it open without a PIN.
    """

    def __init__(
        self, desk: Desk, session_state: SessionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session = session_state
        self.owner: Actor | None = None
        self.view: DashboardView | None = None

        self.unlock_button = QPushButton(self.tr("Unlock with owner PIN"))
        self.unlock_button.setObjectName("dashboardUnlock")
        self.unlock_button.setMinimumSize(240, 44)
        self.unlock_button.clicked.connect(self.ask_unlock)
        self.lock_note = QLabel()
        self.lock_note.setObjectName("dashboardLockNote")
        self.lock_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.owner_label = QLabel()
        self.owner_label.setObjectName("dashboardOwner")
        self.owner_label.setStyleSheet("color: #6b7684;")
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("dashboardLock")
        self.lock_button.clicked.connect(self.lock)

        self._content = QVBoxLayout()
        self._content.setContentsMargins(0, 0, 0, 0)
        unlocked = QWidget()
        unlocked.setLayout(self._content)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._locked_page())
        self._stack.addWidget(unlocked)
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)

    def _locked_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("dashboardLocked")
        title = QLabel(self.tr("The owner's numbers"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        text = QLabel(
            self.tr(
                "Visits, sales, points, coupons and customer segments, week by week. Only "
                "the owner can see them; they lock again when you leave this tab."
            )
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addWidget(self.lock_note)
        layout.addStretch(2)
        return page

    # -- locking ----------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.owner is None

    def ask_unlock(self) -> bool:
        owner = ask_owner(
            self._desk, self.tr("Enter the owner's PIN to see the shop's numbers."), self
        )
        if owner is None:
            self.lock_note.setText(self.tr("Still locked."))
            return False
        self.unlock(owner)
        return True

    def unlock(self, owner: Actor) -> None:
        """Show the dashboard to ``owner``: built the first time, brought up to date after."""
        self.owner = owner
        self.lock_note.clear()
        self.owner_label.setText(self.tr("Owner: %1").replace("%1", owner.name))
        self._stack.setCurrentIndex(UNLOCKED)
        if self.view is None:
            from desktop.views.dashboard_view import DashboardView  # imports matplotlib

            self.view = DashboardView(self._desk, owner=owner)
            self.view.bar.addWidget(self.owner_label)
            self.view.bar.addWidget(self.lock_button)
            self._content.addWidget(self.view, 1)
        else:
            self.view.owner = owner
            self.view.reload()

    def lock(self) -> None:
        self.owner = None
        if self.view is not None:
            self.view.owner = None
        self.owner_label.clear()
        self._stack.setCurrentIndex(LOCKED)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.is_locked() and self._session.is_owner and self._session.actor is not None:
            self.unlock(self._session.actor)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.lock()
