"""The lock screen: covers the window after the counter has been left alone, until someone
enters their PIN (who then is the one signed in at the counter)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import MAX_PIN_LENGTH
from desktop.views.messages import error_text

MAX_TYPED = 64  # longer than any PIN, so a scanned code is seen as one and never tried


class LockScreen(QDialog):
    """Shop name, "Locked — enter your PIN", one PIN field. Keyboard only: type the PIN, Enter.

    Any active staff member's PIN unlocks (``unlocked`` carries their :class:`Actor`). Escape
    and closing the window do nothing; a wrong PIN or a scanned code is said and forgotten, so
    nothing typed here reaches the counter. ``lock(shop_name)`` shows it over its parent
    window, application-modal. GUI thread only.

    Public for tests: ``pin_edit``, ``message_label``, ``shop_label``, ``is_locked``.
    """

    unlocked = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._locked = False
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setStyleSheet("QDialog#lockScreen { background: #1d2733; } QLabel { color: white; }")

        self.shop_label = QLabel()
        self.shop_label.setObjectName("lockShop")
        self.shop_label.setStyleSheet("font-size: 22pt; font-weight: 600;")
        title = QLabel(self.tr("Locked — enter your PIN"))
        title.setObjectName("lockTitle")
        title.setStyleSheet("font-size: 16pt;")
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("lockPin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(MAX_TYPED)
        self.pin_edit.setValidator(QRegularExpressionValidator(rf"\d{{0,{MAX_TYPED}}}"))
        self.pin_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin_edit.setProperty("scanExempt", True)
        self.pin_edit.setFixedWidth(260)
        self.pin_edit.setStyleSheet("font-size: 18pt; padding: 6px; color: black;")
        self.pin_edit.returnPressed.connect(self._submit)
        hint = QLabel(self.tr("Type your PIN and press Enter."))
        hint.setStyleSheet("color: #c9d1da;")
        self.message_label = QLabel("")
        self.message_label.setObjectName("lockMessage")
        self.message_label.setStyleSheet("color: #ffb4a9; font-size: 13pt;")

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.shop_label, title, self.pin_edit, hint, self.message_label):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setFocusProxy(self.pin_edit)

    @property
    def is_locked(self) -> bool:
        return self._locked

    def lock(self, shop_name: str) -> None:
        """Cover the parent window until someone enters a PIN."""
        self.shop_label.setText(shop_name)
        self.message_label.clear()
        self.pin_edit.clear()
        self._locked = True
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.window().geometry())
        self.show()
        self.raise_()
        self.activateWindow()
        self.pin_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_scan(self, raw: str) -> bool:
        """A scan while locked is taken here and dropped: nothing is looked up or recorded."""
        self.message_label.setText(self.tr("Locked: scans are not taken. Enter your PIN first."))
        return True

    def _submit(self) -> None:
        typed = self.pin_edit.text()
        self.pin_edit.clear()
        if not typed:
            return
        if len(typed) > MAX_PIN_LENGTH:
            self.handle_scan(typed)
            return
        try:
            actor = self._desk.authenticate(typed)
        except DomainError as exc:
            self.message_label.setText(error_text(exc))
            return
        self._locked = False
        self.message_label.clear()
        self.accept()
        self.unlocked.emit(actor)

    # -- staying up ---------------------------------------------------------------------
    def reject(self) -> None:
        """Escape does not unlock."""
        if not self._locked:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._locked:
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._locked:
            event.accept()
            return
        super().keyPressEvent(event)
