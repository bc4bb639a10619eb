"""The Settings screen: locked until the owner's PIN, locked again when the tab is left.

Sections: shop profile and language, points rule, staff, security (refund limit, auto-lock),
audit log, backups, alliance, scanner test.
GUI thread only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.views.backup_section import BackupSection
from desktop.views.pin_dialog import ask_owner
from desktop.views.scanner import ScanBurstFilter
from desktop.views.scanner_test import ScannerTestPanel
from desktop.views.settings_alliance import AllianceSection
from desktop.views.settings_audit import AuditSection
from desktop.views.settings_points import PointsRuleSection
from desktop.views.settings_security import SecuritySection
from desktop.views.settings_shop import ShopSection
from desktop.views.settings_staff import StaffSection

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor
    from desktop.views.session_state import SessionState

LOCKED, UNLOCKED = 0, 1


class SettingsView(QWidget):
    """The Settings tab: ``SettingsView(desk, session_state)``.

    ``owner`` is the owner who unlocked it (None while locked). ``lock()`` forgets them; it
    runs by itself whenever the view is hidden (another tab chosen, window minimised).
    """

    def __init__(
        self, desk: Desk, session_state: SessionState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._session = session_state
        self.owner: Actor | None = None

        self.unlock_button = QPushButton(self.tr("Unlock with owner PIN"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setMinimumSize(240, 44)
        self.unlock_button.clicked.connect(self.ask_unlock)
        self.lock_note = QLabel()
        self.lock_note.setObjectName("lockNote")
        self.lock_note.setWordWrap(True)
        self.lock_note.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.shop = ShopSection(desk)
        self.points = PointsRuleSection(desk)
        self.staff = StaffSection(desk)
        self.security = SecuritySection(desk)
        self.audit = AuditSection(desk)
        self.backups = BackupSection(desk)
        self.alliance = AllianceSection(desk)
        burst_filter = QCoreApplication.instance().findChild(ScanBurstFilter)
        self.scanner_test = ScannerTestPanel(desk.check_code, burst_filter=burst_filter)
        self.sections = QTabWidget()
        self.sections.setObjectName("settingsSections")
        self.sections.addTab(self.shop, self.tr("Shop and language"))
        self.sections.addTab(self.points, self.tr("Points rule"))
        self.sections.addTab(self.staff, self.tr("Staff"))
        self.sections.addTab(self.security, self.tr("Security"))
        self.sections.addTab(self.audit, self.tr("Audit log"))
        self.sections.addTab(self.backups, self.tr("Backups"))
        self.sections.addTab(self.alliance, self.tr("Alliance"))
        self.sections.addTab(self.scanner_test, self.tr("Scanner test"))
        self.sections.currentChanged.connect(self._section_shown)
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.clicked.connect(self.lock)
        self.owner_label = QLabel()
        self.owner_label.setObjectName("ownerLabel")

        self._stack = QStackedWidget()
        self._stack.addWidget(self._locked_page())
        self._stack.addWidget(self._unlocked_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self._stack)
        self.lock()

    def _locked_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("settingsLocked")
        title = QLabel(self.tr("Settings are locked"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        text = QLabel(
            self.tr(
                "Only the owner can change the shop, the points rule and staff "
                "accounts. They lock again when you leave this tab."
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
        for widget in (title, text):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.lock_note)
        layout.addStretch(2)
        return page

    def _unlocked_page(self) -> QWidget:
        page = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.owner_label, 1)
        top.addWidget(self.lock_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.sections, 1)
        return page

    # -- locking ------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.owner is None

    def ask_unlock(self) -> bool:
        """Ask for the owner's PIN; unlock on the right one."""
        owner = ask_owner(self._desk, self.tr("Enter the owner's PIN to open the settings."), self)
        if owner is None:
            self.lock_note.setText(self.tr("Still locked."))
            return False
        self.unlock(owner)
        return True

    def unlock(self, owner: Actor) -> None:
        """Open the settings for ``owner`` (who has entered the PIN)."""
        if not owner.is_owner:
            return
        self.owner = owner
        for section in self._owner_sections():
            section.owner = owner
        self.owner_label.setText(
            self.tr("Unlocked by %1. Settings lock again when you leave this tab.").replace(
                "%1", owner.name
            )
        )
        self.lock_note.clear()
        self._stack.setCurrentIndex(UNLOCKED)
        self._section_shown(self.sections.currentIndex())

    def lock(self) -> None:
        self.owner = None
        for section in self._owner_sections():
            section.owner = None
        self._stack.setCurrentIndex(LOCKED)

    def _owner_sections(self) -> tuple[QWidget, ...]:
        return (self.shop, self.points, self.staff, self.security, self.backups, self.alliance)

    def hideEvent(self, event: QHideEvent) -> None:
        self.lock()
        super().hideEvent(event)

    def _section_shown(self, index: int) -> None:
        if self.owner is None:
            return
        section = self.sections.widget(index)
        reload = getattr(section, "reload", None)
        if callable(reload):
            reload()

    def handle_scan(self, raw: str) -> bool:
        """Keep scans here while the scanner test is open (its panel reads the burst)."""
        return self.owner is not None and self.sections.currentWidget() is self.scanner_test
