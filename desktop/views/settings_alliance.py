"""Settings → Alliance: join an alliance with an invitation code, or see where the shop stands.

Joining (``desktop.sync.pairing.pair``) talks to the server, so it runs on a background job;
the section shows "Joining…" meanwhile and the result in plain words. Owner only: the
Settings screen sets ``owner`` once the owner's PIN was entered. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.alliance_pending import clean_server_address, pending_server
from desktop.models.errors import DomainError
from desktop.sync.cycle import run_cycle
from desktop.sync.errors import SyncError
from desktop.sync.pairing import PairResult, pair
from desktop.sync.status import SyncStatus, sync_status
from desktop.views.background import SerialWorker
from desktop.views.styles import ERROR_STYLE, NOTE_STYLE, OK_STYLE
from desktop.views.sync_bridge import SyncBridge
from desktop.views.sync_status_widget import waiting_text
from desktop.views.sync_texts import age_text, sync_error_text, sync_time_text

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

FIELD_WIDTH = 420


def start_join(
    worker: SerialWorker,
    desk: Desk,
    *,
    server: str,
    code: str,
    ca_file: str | None,
    again: bool,
    done: Callable[[PairResult | SyncError], None],
    by: Actor | None = None,
) -> None:
    """Pair this shop on ``worker``'s thread; ``done`` gets the result or the SyncError. The
    joining is written to the audit log with ``by``."""
    db, now = desk.db, desk.now
    staff_id = by.staff_id if by is not None else None

    def work() -> PairResult:
        return pair(
            db,
            server_url=server,
            code=code,
            ca_file=ca_file,
            again=again,
            by_staff_id=staff_id,
            now=now(),
        )

    def finished(result: object) -> None:
        if isinstance(result, PairResult | SyncError):
            done(result)
        elif isinstance(result, BaseException):
            raise result

    worker.submit(work, finished)


def joined_text(result: PairResult) -> str:
    return (
        QCoreApplication.translate("AllianceSection", "Joined %1 as %2.")
        .replace("%1", result.alliance_name or "—")
        .replace("%2", result.shop_name or "—")
    )


class AllianceSection(QWidget):
    """Public for tests: ``server_edit``, ``code_edit``, ``ca_edit``, ``join_button``,
    ``message``, ``join_box``, ``paired_box``, ``values`` (name → QLabel), ``sync_button``,
    ``again_button``, ``busy``, ``status``."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.status: SyncStatus | None = None
        self.busy = False
        self._again = False
        self._bridge: SyncBridge | None = None
        self._worker = SerialWorker("alliance-join", self)

        self.server_edit = self._edit("allianceServerEdit", 200, "alliance.example.cn")
        self.code_edit = self._edit("allianceCodeEdit", 40, "ABCDE-FGHJK-MNPQR-STVWX")
        self.code_edit.returnPressed.connect(self.join)
        self.ca_edit = self._edit("allianceCaEdit", 500, self.tr("only for a private server"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit)
        ca_row.addWidget(browse)
        ca_row.addStretch(1)
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.setObjectName("allianceJoin")
        self.join_button.setMinimumWidth(160)
        self.join_button.clicked.connect(self.join)
        self.join_note = QLabel()
        self.join_note.setWordWrap(True)
        self.join_box = QGroupBox(self.tr("Join an alliance"))
        form = QFormLayout(self.join_box)
        form.addRow(self.join_note)
        form.addRow(self.tr("Alliance server"), self.server_edit)
        form.addRow(self.tr("Invitation code"), self.code_edit)
        form.addRow(self.tr("Certificate file (optional)"), ca_row)
        join_row = QHBoxLayout()
        join_row.addWidget(self.join_button)
        join_row.addStretch(1)
        form.addRow("", join_row)

        self.values: dict[str, QLabel] = {}
        self.paired_box = QGroupBox(self.tr("This shop's alliance"))
        pform = QFormLayout(self.paired_box)
        for key, label in (
            ("alliance", self.tr("Alliance")),
            ("shop", self.tr("Shop name in the alliance")),
            ("server", self.tr("Server")),
            ("device", self.tr("This PC's device id")),
            ("last_ok", self.tr("Last good sync")),
            ("waiting", self.tr("Waiting to be sent")),
            ("problem", self.tr("Last problem")),
        ):
            value = QLabel()
            value.setObjectName(f"alliance_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            pform.addRow(label, value)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("allianceSyncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.again_button = QPushButton(self.tr("Join again with a new code"))
        self.again_button.setObjectName("allianceAgain")
        self.again_button.clicked.connect(self.join_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        pform.addRow(buttons)

        self.message = QLabel()
        self.message.setObjectName("allianceMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paired_box)
        layout.addWidget(self.join_box)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.paired_box.hide()

    def _edit(self, name: str, length: int, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(length)
        edit.setPlaceholderText(placeholder)
        edit.setProperty("scanExempt", True)
        edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        edit.setFixedWidth(FIELD_WIDTH)
        return edit

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read where the shop stands (a few indexed reads, no network) and show it."""
        self._connect_bridge()
        self._show(sync_status(self._desk.db, now=self._desk.now()))

    def _connect_bridge(self) -> None:
        if self._bridge is None:
            found = self.window().findChild(SyncBridge)
            if isinstance(found, SyncBridge):
                self._bridge = found
                found.status_changed.connect(self._show)

    def _show(self, status: object) -> None:
        if not isinstance(status, SyncStatus):
            return
        self.status = status
        joining = not status.paired or self._again
        self.paired_box.setVisible(status.paired)
        self.join_box.setVisible(joining)
        if not self.server_edit.text():
            self.server_edit.setText(status.server_url or pending_server(self._desk) or "")
        if status.reenrol_required:
            self.join_note.setText(sync_error_text("reenrol_required"))
        elif self._again:
            self.join_note.setText(
                self.tr(
                    "Joining again makes this PC a new device of the alliance (for a PC restored "
                    "from a backup, or after the organiser removed it). Records not yet sent "
                    "are kept and sent under the new device."
                )
            )
        else:
            self.join_note.setText(
                self.tr(
                    "Type the server address and the invitation code the organiser gave you. "
                    "Members who agreed to share with the alliance are then shared."
                )
            )
        self.join_note.setStyleSheet(ERROR_STYLE if status.reenrol_required else NOTE_STYLE)
        if not status.paired:
            return
        now = self._desk.now()
        self.values["alliance"].setText(status.alliance_name or "—")
        self.values["shop"].setText(status.shop_name or "—")
        self.values["server"].setText(status.server_url)
        self.values["device"].setText(status.device_id)
        self.values["last_ok"].setText(
            f"{sync_time_text(status.last_ok_at, now=now, tz=status.timezone)}"
            f" ({age_text(status.last_ok_at, now=now)})"
            if status.last_ok_at
            else self.tr("never")
        )
        self.values["waiting"].setText(waiting_text(status.waiting))
        problem = sync_error_text(status.last_error, status.last_error_message)
        self.values["problem"].setText(problem or self.tr("none"))

    # -- actions -----------------------------------------------------------------------------
    def join_again(self) -> None:
        self._again = True
        self.code_edit.clear()
        if self.status is not None:
            self._show(self.status)
        self.code_edit.setFocus()

    def join(self) -> None:
        if self.busy:
            return
        if self.owner is None:
            self._say(sync_error_text("owner_required"), ERROR_STYLE)
            return
        try:
            server = clean_server_address(self.server_edit.text())
        except DomainError:
            server = None
        if server is None:
            self._say(
                self.tr("Type the server address the organiser gave you, such as %1.").replace(
                    "%1", "alliance.example.cn"
                ),
                ERROR_STYLE,
            )
            self.server_edit.setFocus()
            return
        code = self.code_edit.text().strip()
        if not code:
            self._say(self.tr("Type the invitation code."), ERROR_STYLE)
            self.code_edit.setFocus()
            return
        self._set_busy(True)
        self._say(self.tr("Joining…"), NOTE_STYLE)
        start_join(
            self._worker,
            self._desk,
            server=server,
            code=code,
            ca_file=self.ca_edit.text().strip() or None,
            again=bool(self.status and self.status.paired),
            done=self._joined,
            by=self.owner,
        )

    def _joined(self, result: PairResult | SyncError) -> None:
        self._set_busy(False)
        if isinstance(result, SyncError):
            self._say(sync_error_text(result.code, result.message), ERROR_STYLE)
            self.code_edit.setFocus()
            self.code_edit.selectAll()
            return
        self._again = False
        self.code_edit.clear()
        self._say(joined_text(result), OK_STYLE)
        self.sync_now()

    def sync_now(self) -> None:
        """Through the app's sync worker when there is one; else one cycle on a job here."""
        self._connect_bridge()
        if self._bridge is not None:
            self._bridge.sync_now()
            self.reload()
            return
        db, clock = self._desk.db, self._desk.now
        self._worker.submit(lambda: run_cycle(db, clock=clock), lambda _report: self.reload())

    @property
    def idle(self) -> bool:
        """No background job (joining, or a sync when there is no app worker) is running."""
        return not self._worker.busy

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.server_edit, self.code_edit, self.ca_edit, self.join_button):
            widget.setEnabled(not busy)
        self.again_button.setEnabled(not busy)

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def _choose_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Certificate file"), "", self.tr("Certificates (*.pem *.crt *.cer)")
        )
        if path:
            self.ca_edit.setText(path)
