"""Settings: backups — the folder, encryption, the last result, "Back up now", the list of
backups and the way to restore one. GUI thread only; the work runs on a worker thread."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import backup_settings, backups
from desktop.models.backup_catalog import BackupInfo, list_backups
from desktop.models.backup_crypto import MIN_PASSPHRASE
from desktop.models.clock import local_time
from desktop.models.errors import DomainError
from desktop.views.backup_texts import backup_error_text, phase_text, size_text, when_text
from desktop.views.backup_worker import TaskWorker, outcome_text
from desktop.views.styles import ERROR_STYLE, NOTE_STYLE, OK_STYLE

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

WARN_STYLE = "color: #a15c00;"


class Columns(enum.IntEnum):
    MADE = 0
    SIZE = 1
    MEMBERS = 2
    SALES = 3
    ENCRYPTED = 4
    VERIFIED = 5


def _label(name: str, style: str = "") -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    if style:
        label.setStyleSheet(style)
    return label


class BackupSection(QWidget):
    """``owner`` is set by the Settings screen while it is unlocked. ``backup_finished(ok,
    text)`` after a "Back up now"."""

    backup_finished = Signal(bool, str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.worker: TaskWorker | None = None
        self._infos: list[BackupInfo] = []

        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("backupFolder")
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton(self.tr("Choose folder…"))
        self.folder_button.setObjectName("backupChooseFolder")
        self.folder_button.clicked.connect(self._ask_folder)
        self.folder_note = _label("backupFolderNote", NOTE_STYLE)

        self.encrypt_check = QCheckBox(self.tr("Encrypt backups with a passphrase"))
        self.encrypt_check.setObjectName("backupEncrypt")
        self.encrypt_check.toggled.connect(self._encrypt_toggled)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("backupPassphrase")
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("backupPassphraseRepeat")
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setProperty("scanExempt", True)
            edit.setMaximumWidth(360)
        self.encryption_button = QPushButton(self.tr("Save encryption"))
        self.encryption_button.setObjectName("backupSaveEncryption")
        self.encryption_button.clicked.connect(self.save_encryption)
        self.encryption_status = _label("backupEncryptionStatus")

        self.last_label = _label("backupLast")
        self.now_button = QPushButton(self.tr("Back up now"))
        self.now_button.setObjectName("backupNow")
        self.now_button.setMinimumHeight(36)
        self.now_button.clicked.connect(self.back_up_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("backupCancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setVisible(False)

        self.table = QTableWidget(0, len(Columns))
        self.table.setObjectName("backupList")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made"),
                self.tr("Size"),
                self.tr("Members"),
                self.tr("Sales"),
                self.tr("Encrypted"),
                self.tr("Checked"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.restore_button = QPushButton(self.tr("Restore a backup…"))
        self.restore_button.setObjectName("backupRestore")
        self.restore_button.clicked.connect(self.open_restore)
        self._layout()

    def _layout(self) -> None:
        where = QGroupBox(self.tr("Where backups go"))
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.folder_button)
        box = QVBoxLayout(where)
        box.addLayout(row)
        box.addWidget(self.folder_note)

        secret = QGroupBox(self.tr("Encryption"))
        form = QFormLayout(secret)
        form.addRow(self.encrypt_check)
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        form.addRow(self.tr("Passphrase again"), self.repeat_edit)
        note = QLabel(
            self.tr(
                "Write the passphrase down and keep it somewhere safe: without it nobody, "
                "not even support, can restore an encrypted backup. Merchant Desk does not "
                "keep it; daily backups still run on their own."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(NOTE_STYLE)
        form.addRow(note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.encryption_button)
        buttons.addWidget(self.encryption_status, 1)
        form.addRow(buttons)

        status = QGroupBox(self.tr("Backups"))
        top = QHBoxLayout()
        top.addWidget(self.last_label, 1)
        top.addWidget(self.now_button)
        top.addWidget(self.cancel_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.restore_button)
        inner = QVBoxLayout(status)
        inner.addLayout(top)
        inner.addWidget(self.progress)
        inner.addWidget(self.table, 1)
        inner.addLayout(bottom)

        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(secret)
        layout.addWidget(status, 1)

    # -- showing ------------------------------------------------------------------------------
    def reload(self) -> None:
        config = backup_settings.backup_config(self._desk)
        self.folder_edit.setText(str(config.folder))
        if not config.chosen or config.same_disk:
            self.folder_note.setStyleSheet(WARN_STYLE)
            self.folder_note.setText(
                self.tr(
                    "Backups are on the same disk as the shop database, so a broken disk "
                    "loses both. Choose a USB stick or a second disk."
                )
            )
        else:
            self.folder_note.setStyleSheet(NOTE_STYLE)
            self.folder_note.setText(
                self.tr(
                    "Kept: 7 daily, 4 weekly and 12 monthly backups. A backup runs "
                    "every day and when Merchant Desk closes, if the last is a day old."
                )
            )
        blocked = self.encrypt_check.blockSignals(True)
        self.encrypt_check.setChecked(config.encrypted)
        self.encrypt_check.blockSignals(blocked)
        self._encrypt_toggled(config.encrypted)
        if config.encrypted:
            self.passphrase_edit.setPlaceholderText(self.tr("type a new one to change it"))
        self.passphrase_edit.clear()
        self.repeat_edit.clear()
        self.encryption_status.setStyleSheet(NOTE_STYLE)
        self.encryption_status.setText(
            self.tr("Encryption is on (key %1).").replace("%1", config.key_id or "")
            if config.encrypted
            else self.tr("Backups are not encrypted.")
        )
        self._show_last(config)
        self._infos = list_backups(
            config.folder, recorded=backup_settings.recorded_checksums(self._desk)
        )
        self._fill_table()

    def _show_last(self, config: backup_settings.BackupConfig) -> None:
        last = config.last
        tz = self._tz()
        if last is None:
            self.last_label.setStyleSheet(WARN_STYLE)
            self.last_label.setText(self.tr("No backup has been made yet."))
            return
        when = when_text(local_time(last.at, tz))
        if last.ok:
            self.last_label.setStyleSheet(OK_STYLE)
            self.last_label.setText(
                self.tr("Last backup: %1, checked and good (%2).")
                .replace("%1", when)
                .replace("%2", size_text(last.bytes))
            )
            return
        ok_when = when_text(local_time(config.last_ok_at, tz)) if config.last_ok_at else "—"
        self.last_label.setStyleSheet(ERROR_STYLE)
        self.last_label.setText(
            self.tr("The backup of %1 failed: %2 Last good backup: %3.")
            .replace("%1", when)
            .replace("%2", backup_error_text(last.error or "", last.params))
            .replace("%3", ok_when)
        )

    def _tz(self) -> str:
        try:
            return self._desk.shop_profile().timezone
        except DomainError:
            return "Asia/Shanghai"

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self._infos))
        for row, info in enumerate(self._infos):
            damaged = info.problem is not None
            values = {
                Columns.MADE: when_text(info.local_time) if not damaged else info.name,
                Columns.SIZE: size_text(info.bytes),
                Columns.MEMBERS: f"{info.counts.get('member', 0):,}" if not damaged else "—",
                Columns.SALES: f"{info.counts.get('sale', 0):,}" if not damaged else "—",
                Columns.ENCRYPTED: self.tr("yes") if info.encrypted else self.tr("no"),
                Columns.VERIFIED: self.tr("damaged")
                if damaged
                else (self.tr("yes") if info.verified else self.tr("not recorded")),
            }
            for column, text in values.items():
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)

    # -- changing settings --------------------------------------------------------------------
    def _ask_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup folder"), self.folder_edit.text()
        )
        if name:
            self.choose_folder(Path(name))

    def choose_folder(self, folder: Path) -> bool:
        if self.owner is None:
            return False
        try:
            backup_settings.set_backup_folder(self._desk, folder, by=self.owner)
        except DomainError as exc:
            self.folder_note.setStyleSheet(ERROR_STYLE)
            self.folder_note.setText(backup_error_text(exc))
            return False
        self.reload()
        return True

    def _encrypt_toggled(self, on: bool) -> None:
        for edit in (self.passphrase_edit, self.repeat_edit):
            edit.setEnabled(on)
        self.passphrase_edit.setPlaceholderText(
            self.tr("at least %1 characters").replace("%1", str(MIN_PASSPHRASE)) if on else ""
        )

    def save_encryption(self) -> bool:
        if self.owner is None:
            return False
        on = self.encrypt_check.isChecked()
        passphrase = self.passphrase_edit.text() if on else None
        if on and passphrase != self.repeat_edit.text():
            self._encryption_error("passphrases_differ")
            return False
        try:
            backup_settings.set_encryption(self._desk, passphrase, by=self.owner)
        except DomainError as exc:
            self._encryption_error(exc)
            return False
        self.reload()
        self.encryption_status.setStyleSheet(OK_STYLE)
        self.encryption_status.setText(
            self.tr("Saved. The next backups are encrypted.")
            if on
            else self.tr("Saved. The next backups are not encrypted.")
        )
        return True

    def _encryption_error(self, error: DomainError | str) -> None:
        self.repeat_edit.clear()
        self.encryption_status.setStyleSheet(ERROR_STYLE)
        self.encryption_status.setText(backup_error_text(error))

    # -- backing up ---------------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self.worker is not None:
            return
        desk = self._desk
        self.worker = TaskWorker(lambda progress: backups.back_up_now(desk, progress=progress))
        self.worker.progressed.connect(self._progressed)
        self.worker.finished_with.connect(self._finished)
        self.now_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.last_label.setStyleSheet(NOTE_STYLE)
        self.last_label.setText(self.tr("Backing up… the counter keeps working."))
        self.worker.start()

    def _progressed(self, phase: str, done: int, total: int) -> None:
        self.progress.setFormat(phase_text(phase))
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
        else:
            self.progress.setRange(0, 0)

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _finished(self, result: object) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.wait()
            worker.deleteLater()
        self.now_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        ok, text = outcome_text(result)
        if isinstance(result, BaseException) and not isinstance(
            result, DomainError | backups.Cancelled
        ):
            raise result
        self.reload()
        last = backup_settings.backup_config(self._desk).last
        if not ok and (last is None or last.ok):  # a recorded failure is shown by reload()
            self.last_label.setStyleSheet(ERROR_STYLE)
            self.last_label.setText(text)
        self.backup_finished.emit(ok, text)

    def wait_for_backup(self) -> None:
        """Cancel a running backup and wait for it (the screen is going away)."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()

    # -- restoring ----------------------------------------------------------------------------
    def open_restore(self) -> bool:
        from desktop.views.restore_dialog import restore_from_settings

        config = backup_settings.backup_config(self._desk)
        return restore_from_settings(
            self._desk,
            folders=[config.folder],
            recorded=backup_settings.recorded_checksums(self._desk),
            parent=self,
        )
