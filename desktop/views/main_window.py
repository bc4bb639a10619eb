"""The main window: Counter, Members, Settings, Campaigns and Dashboard tabs, and who is
signed in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.views.counter_view import CounterView
from desktop.views.idle_watch import IdleWatch
from desktop.views.lock_screen import LockScreen
from desktop.views.pin_dialog import PinDialog
from desktop.views.session_state import SessionState
from desktop.views.sync_bridge import SyncBridge
from desktop.views.sync_status_widget import SYNC_NOW_KEY, SyncStatusWidget

COUNTER, MEMBERS, SETTINGS, CAMPAIGNS, DASHBOARD = range(5)
TAB_KEYS = {
    COUNTER: ("F5", "Ctrl+1"),
    MEMBERS: ("F6", "Ctrl+2"),
    SETTINGS: ("F7", "Ctrl+3"),
    CAMPAIGNS: ("F8", "Ctrl+4"),
    DASHBOARD: ("F11", "Ctrl+5"),  # F9 is the counter's refund, F10 its coupons
}
SWITCH_STAFF_KEYS = ("F12", "Ctrl+L")


def _build_members(desk: Desk, session_state: SessionState) -> QWidget:
    from desktop.views.members_view import MembersView

    return MembersView(desk, session_state)


def _build_settings(desk: Desk, session_state: SessionState) -> QWidget:
    from desktop.views.settings_view import SettingsView

    return SettingsView(desk, session_state)


def _build_campaigns(desk: Desk, session_state: SessionState) -> QWidget:
    from desktop.views.campaigns_view import CampaignsView

    return CampaignsView(desk, session_state)


def _build_dashboard(desk: Desk, session_state: SessionState) -> QWidget:
    # Locked until the owner's PIN; matplotlib is imported when it is first unlocked.
    from desktop.views.dashboard_page import DashboardPage

    return DashboardPage(desk, session_state)


class MainWindow(QMainWindow):
    """Tabs (Counter, Members, Settings, Campaigns, Dashboard), the status bar, and scan
    routing.

    GUI thread only. The other screens are built the first time they are opened, so start-up
    only pays for the counter. ``route_scan(raw)`` is connected to the app-wide scan filter.
    After the owner's auto-lock minutes without input (``idle_ms`` to set it in ms) the window
    locks (``lock()``, ``lock_screen``) until a staff PIN is entered.
    """

    def __init__(
        self,
        desk: Desk,
        session_state: SessionState | None = None,
        parent: QWidget | None = None,
        *,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self.session_state = session_state if session_state is not None else SessionState()
        self.setWindowTitle(self.tr("Merchant Desk"))
        self.resize(1100, 760)

        self.counter = CounterView(desk, self.session_state)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setStyleSheet("QTabBar::tab { font-size: 13pt; padding: 8px 18px; }")
        self._builders: dict[int, Callable[[Desk, SessionState], QWidget]] = {
            MEMBERS: _build_members,
            SETTINGS: _build_settings,
            CAMPAIGNS: _build_campaigns,
            DASHBOARD: _build_dashboard,
        }
        names = {
            COUNTER: self.tr("Counter"),
            MEMBERS: self.tr("Members"),
            SETTINGS: self.tr("Settings"),
            CAMPAIGNS: self.tr("Campaigns"),
            DASHBOARD: self.tr("Dashboard"),
        }
        for index in (COUNTER, MEMBERS, SETTINGS, CAMPAIGNS, DASHBOARD):
            page = self.counter if index == COUNTER else QWidget()
            self.tabs.addTab(page, f"{names[index]} ({TAB_KEYS[index][0]})")
            for key in TAB_KEYS[index]:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(lambda i=index: self.show_tab(i))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.shop_label = QLabel()
        self.shop_label.setObjectName("shopLabel")
        self.actor_label = QLabel()
        self.actor_label.setObjectName("actorLabel")
        switch = QPushButton(self.tr("Switch staff (F12)"))
        switch.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        switch.clicked.connect(lambda _checked=False: self.switch_staff())
        status = self.statusBar()
        status.setStyleSheet("QStatusBar { font-size: 12pt; } QStatusBar::item { border: 0; }")
        status.addWidget(self.shop_label, 1)
        # Alliance sync: its own thread from now until the window closes or the app quits.
        self.sync = SyncBridge(desk, self)
        self.sync_status = SyncStatusWidget(self.sync, now=desk.now)
        self.sync.status_changed.connect(self.counter.offline_banner.show_status)
        QShortcut(QKeySequence(SYNC_NOW_KEY), self).activated.connect(self.sync_status.sync_now)
        QApplication.instance().aboutToQuit.connect(self.sync.stop)
        self.sync.start()
        status.addPermanentWidget(self.sync_status)
        status.addPermanentWidget(self.actor_label)
        status.addPermanentWidget(switch)
        for key in SWITCH_STAFF_KEYS:
            QShortcut(QKeySequence(key), self).activated.connect(self.switch_staff)

        self.session_state.actor_changed.connect(self._show_actor)
        self.refresh_shop()
        self._show_actor(self.session_state.actor)

        # Auto-lock: ``idle_ms`` fixes the idle time (tests); else the owner's setting.
        self._fixed_idle_ms = idle_ms
        self.lock_screen = LockScreen(desk, self)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.idle = IdleWatch(self._auto_lock_ms(), self)
        self.idle.idle.connect(self.lock)
        self.idle.install()
        self.counter.focus_scan_field()

    # -- tabs ---------------------------------------------------------------------------
    def page(self, index: int) -> QWidget:
        """The tab's screen, built on first use."""
        builder = self._builders.pop(index, None)
        if builder is not None:
            title = self.tabs.tabText(index)
            blocked = self.tabs.blockSignals(True)
            placeholder = self.tabs.widget(index)
            current = self.tabs.currentIndex()
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, builder(self._desk, self.session_state), title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(blocked)
            placeholder.deleteLater()
        return self.tabs.widget(index)

    def show_tab(self, index: int) -> None:
        self.page(index)
        self.tabs.setCurrentIndex(index)
        if index == COUNTER:
            self.counter.focus_scan_field()

    def _tab_changed(self, index: int) -> None:
        self.idle.set_interval_ms(self._auto_lock_ms())  # the owner may have changed it
        if index in self._builders:
            self.page(index)
            self.tabs.setCurrentIndex(index)
        if index == COUNTER:
            self.counter.focus_scan_field()

    # -- scans --------------------------------------------------------------------------
    def route_scan(self, raw: str) -> bool:
        """Offer a scan to the open tab (Members, Campaigns, scanner test…), else the counter
        takes it.

        While a dialog is open only that dialog may take it (the sale dialog takes a coupon,
        through its ``handle_scan``), so a scan never changes the member behind a sale.
        """
        if self.lock_screen.is_locked:
            return self.lock_screen.handle_scan(raw)
        modal = QApplication.activeModalWidget()
        if modal is not None:
            handler = getattr(modal, "handle_scan", None)
            return bool(handler(raw)) if callable(handler) else False
        current = self.tabs.currentWidget()
        index = self.tabs.currentIndex()
        # The Members screen takes every scan as a member card; a coupon is used at the counter.
        coupon_on_members = index == MEMBERS and self._desk.check_code(raw) == "coupon"
        if index != COUNTER and not coupon_on_members:
            handler = getattr(current, "handle_scan", None)
            if callable(handler) and handler(raw):
                return True
        if self.tabs.currentIndex() != COUNTER:
            self.tabs.setCurrentIndex(COUNTER)
        return self.counter.handle_scan(raw)

    # -- status bar and staff -----------------------------------------------------------
    def refresh_shop(self) -> None:
        try:
            name = self._desk.shop_profile().name
        except DomainError:
            name = ""
        self.shop_label.setText(name)
        title = self.tr("Merchant Desk")
        self.setWindowTitle(f"{name} — {title}" if name else title)

    def _show_actor(self, actor: Actor | None) -> None:
        if actor is None:
            who = self.tr("Counter")
        elif actor.is_owner:
            who = self.tr("%1 (owner)").replace("%1", actor.name)
        else:
            who = actor.name
        self.actor_label.setText(self.tr("Signed in: %1").replace("%1", who))

    def switch_staff(self) -> None:
        """Ask for any staff member's PIN and make them the one at the counter."""
        dialog = PinDialog(
            self._desk,
            owner_only=False,
            reason=self.tr("Enter your PIN to sign in at this counter."),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.actor is not None:
            self.session_state.actor = dialog.actor
        if self.tabs.currentIndex() == COUNTER:
            self.counter.focus_scan_field()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.sync.stop()
        super().closeEvent(event)

    # -- auto-lock ----------------------------------------------------------------------
    def _auto_lock_ms(self) -> int:
        if self._fixed_idle_ms is not None:
            return self._fixed_idle_ms
        try:
            return self._desk.security_settings().auto_lock_minutes * 60_000
        except DomainError:
            return 0

    def lock(self) -> None:
        """Cover the window until someone enters a PIN.

        Open dialogs are cancelled (work behind a progress dialog goes on), and the Counter
        tab is shown, which locks Settings and the Dashboard again."""
        if self.lock_screen.is_locked:
            return
        if not self.isVisible():  # nothing on screen to cover: count again
            self.idle.resume()
            return
        self.idle.pause()
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QDialog)
                and not isinstance(widget, QProgressDialog)
                and widget is not self.lock_screen
                and widget.isVisible()
            ):
                widget.reject()
        self.show_tab(COUNTER)
        self.lock_screen.lock(self.shop_label.text())

    def _unlocked(self, actor: Actor) -> None:
        self.session_state.actor = actor
        self.idle.set_interval_ms(self._auto_lock_ms())
        self.idle.resume()
        self.activateWindow()
        if self.tabs.currentIndex() == COUNTER:
            self.counter.focus_scan_field()
