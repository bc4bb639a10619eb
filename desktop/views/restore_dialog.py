"""Restoring a backup: pick one, see when it was made and what it holds, confirm with the
owner's PIN. The same dialog is the start-up offer when the shop database is damaged.

Everything slow (checking the file, decrypting, ``integrity_check``) runs on a worker thread;
the counter keeps working meanwhile. With a live database the restore is *staged* and the app
restarts to swap it in; at start-up (damaged database) it is swapped in at once. GUI thread
only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import backup_restore
from desktop.models.backup_catalog import BackupInfo, inspect_backup, list_backups
from desktop.models.backup_file import Cancelled, verify_file
from desktop.models.errors import DomainError
from desktop.views.backup_texts import (
    backup_error_text,
    counts_text,
    phase_text,
    size_text,
    when_text,
)
from desktop.views.backup_worker import TaskWorker, request_app_restart
from desktop.views.styles import ERROR_STYLE

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor


class RestoreDialog(QDialog):
    """``RestoreDialog(db_path, desk=…, folders=[…])``. After Accepted, ``outcome`` says what
    happened: a ``PreparedRestore`` waiting for the restart (live database), or a
    ``RestoreOutcome`` (damaged database, already swapped in)."""

    def __init__(
        self,
        db_path: Path,
        *,
        desk: Desk | None,
        folders: list[Path],
        recorded: dict[str, str] | None = None,
        damaged: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db_path = db_path
        self._desk = desk
        self._recorded = recorded or {}
        self._damaged = damaged
        self._worker: TaskWorker | None = None
        self._owner: Actor | None = None
        self.outcome: object | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(
            self.tr("The shop database is damaged") if damaged else self.tr("Restore a backup")
        )
        self.resize(760, 560)

        self.intro = QLabel(self._intro_text())
        self.intro.setWordWrap(True)
        self.backup_list = QListWidget()
        self.backup_list.setObjectName("restoreList")
        self.backup_list.setMinimumWidth(330)
        self.backup_list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.choose_button = QPushButton(self.tr("Choose a backup file…"))
        self.choose_button.setObjectName("restoreChooseFile")
        self.choose_button.clicked.connect(self._choose_file)
        self.details = QLabel()
        self.details.setObjectName("restoreDetails")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setObjectName("restorePassphrase")
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setProperty("scanExempt", True)
        self.pin_edit = QLineEdit()
        self.pin_edit.setObjectName("restorePin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(8)
        self.pin_edit.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
        self.pin_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin_edit.setProperty("scanExempt", True)
        self.confirm_note = QLabel()
        self.confirm_note.setObjectName("restoreConfirmNote")
        self.confirm_note.setWordWrap(True)
        self.confirm_check = QCheckBox(self.tr("Yes, replace the shop's data with this backup"))
        self.confirm_check.setObjectName("restoreConfirm")
        self.error_label = QLabel()
        self.error_label.setObjectName("restoreError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.progress = QProgressBar()
        self.progress.setObjectName("restoreProgress")
        self.progress.setVisible(False)
        self.restore_button = QPushButton(self.tr("Restore this backup"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore)
        self.cancel_button = QPushButton(self.tr("Quit") if damaged else self.tr("Cancel"))
        self.cancel_button.setObjectName("restoreCancel")
        self.cancel_button.clicked.connect(self.reject)
        for widget in (self.pin_edit, self.passphrase_edit):
            widget.textChanged.connect(self._update_button)
        self.confirm_check.toggled.connect(self._update_button)
        self._layout()
        self._fill(folders)

    # -- layout and contents ------------------------------------------------------------------
    def _intro_text(self) -> str:
        if self._damaged:
            return self.tr(
                "The shop database failed its check and was not changed. Restore the latest "
                "good backup to go on working; the damaged file is kept beside it. Anything "
                "recorded after the backup was made is not in it."
            )
        return self.tr(
            "Choose the backup to go back to. The current database is kept as a copy "
            "beside it, and Merchant Desk restarts with the backup."
        )

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Backups")))
        left.addWidget(self.backup_list, 1)
        left.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase_edit)
        form.addRow(
            self.tr("Owner PIN of the backup") if self._damaged else self.tr("Owner PIN"),
            self.pin_edit,
        )
        right = QVBoxLayout()
        right.addWidget(self.details, 1)
        right.addLayout(form)
        right.addWidget(self.confirm_note)
        right.addWidget(self.confirm_check)
        right.addWidget(self.error_label)
        right.addWidget(self.progress)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def _fill(self, folders: list[Path]) -> None:
        infos: list[BackupInfo] = []
        for folder in folders:
            infos += list_backups(folder, recorded=self._recorded)
        infos.sort(key=lambda i: (i.created_at is not None, i.created_at), reverse=True)
        for info in infos:
            self._add(info)
        if self.backup_list.count():
            first_usable = next(
                (i for i in range(self.backup_list.count()) if self._info_at(i).usable), 0
            )
            self.backup_list.setCurrentRow(first_usable)
        else:
            self._show_selected()

    def _item_text(self, info: BackupInfo) -> str:
        parts = [when_text(info.local_time), size_text(info.bytes)]
        if info.encrypted:
            parts.append(self.tr("encrypted"))
        if info.problem is not None:
            parts.append(self.tr("damaged"))
        elif info.too_new:
            parts.append(self.tr("newer version"))
        return " · ".join(parts)

    def _add(self, info: BackupInfo) -> QListWidgetItem:
        item = QListWidgetItem(self._item_text(info))
        item.setData(Qt.ItemDataRole.UserRole, info)
        item.setToolTip(str(info.path))
        self.backup_list.addItem(item)
        return item

    def _info_at(self, row: int) -> BackupInfo:
        info = self.backup_list.item(row).data(Qt.ItemDataRole.UserRole)
        assert isinstance(info, BackupInfo)
        return info

    def selected(self) -> BackupInfo | None:
        item = self.backup_list.currentItem()
        if item is None:
            return None
        info = item.data(Qt.ItemDataRole.UserRole)
        return info if isinstance(info, BackupInfo) else None

    def select_file(self, path: Path) -> None:
        """Show a backup file that is not in the listed folders (also used by tests)."""
        for row in range(self.backup_list.count()):
            if self._info_at(row).path == path:
                self.backup_list.setCurrentRow(row)
                return
        item = self._add(inspect_backup(path, recorded=self._recorded))
        self.backup_list.setCurrentItem(item)

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup file"), "", self.tr("Merchant Desk backups (*.mdbk)")
        )
        if name:
            self.select_file(Path(name))

    def _show_selected(self) -> None:
        info = self.selected()
        self.error_label.clear()
        if info is None:
            self.details.setText(self.tr("No backup found. Choose a backup file."))
        else:
            self.details.setText(self._details_text(info))
            if info.problem is not None or info.too_new:
                self.error_label.setText(self._problem_text(info))
        encrypted = info is not None and info.encrypted
        self.passphrase_edit.setEnabled(encrypted)
        self.passphrase_edit.setPlaceholderText("" if encrypted else self.tr("not encrypted"))
        when = when_text(info.local_time) if info else "—"
        self.confirm_note.setText(
            self.tr(
                "What was recorded after %1 will no longer be at the counter; it stays in "
                "the copy of the current database kept beside it."
            ).replace("%1", when)
        )
        self.confirm_check.setChecked(False)
        self._update_button()

    def _details_text(self, info: BackupInfo) -> str:
        rows = [
            (self.tr("Made"), when_text(info.local_time)),
            (self.tr("Shop"), info.shop or "—"),
            (self.tr("Holds"), counts_text(info.counts)),
            (self.tr("Last sale in it"), when_text(info.last_sale_at)),
            (self.tr("Size"), size_text(info.bytes)),
            (
                self.tr("Encrypted"),
                self.tr("yes (key %1)").replace("%1", info.key_id or "?")
                if info.encrypted
                else self.tr("no"),
            ),
            (
                self.tr("Checked"),
                self.tr("yes, when it was written") if info.verified else self.tr("not yet"),
            ),
            (self.tr("File"), str(info.path)),
        ]
        return "\n".join(f"{label}: {value}" for label, value in rows)

    def _problem_text(self, info: BackupInfo) -> str:
        if info.problem is not None:
            return backup_error_text(info.problem)
        return backup_error_text(
            DomainError("backup_too_new", schema=info.schema, newest=_newest_schema())
        )

    def _update_button(self) -> None:
        info = self.selected()
        ready = (
            info is not None
            and info.usable
            and self._worker is None
            and len(self.pin_edit.text()) >= 4
            and self.confirm_check.isChecked()
            and (not info.encrypted or bool(self.passphrase_edit.text()))
        )
        self.restore_button.setEnabled(ready)

    # -- restoring ----------------------------------------------------------------------------
    def restore(self) -> None:
        info = self.selected()
        if info is None or not self.restore_button.isEnabled():
            return
        pin = self.pin_edit.text()
        if self._desk is not None:
            try:
                self._owner = backup_restore.authorize_restore(self._desk, pin)
            except DomainError as exc:
                self.pin_edit.clear()
                self.error_label.setText(backup_error_text(exc))
                return
        passphrase = self.passphrase_edit.text() or None
        owner_name = self._owner.name if self._owner else ""
        pin_of_backup = pin if self._desk is None else None
        now = self._desk.now() if self._desk is not None else None
        self.error_label.clear()
        self._set_busy(True)
        self._worker = TaskWorker(
            lambda progress: backup_restore.prepare_restore(
                info.path,
                db_path=self._db_path,
                passphrase=passphrase,
                by_name=owner_name,
                owner_pin_of_backup=pin_of_backup,
                now=now,
                progress=progress,
            ),
            self,
        )
        self._worker.progressed.connect(self._progressed)
        self._worker.finished_with.connect(self._prepared)
        self._worker.start()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.backup_list, self.choose_button, self.pin_edit, self.confirm_check):
            widget.setEnabled(not busy)
        info = self.selected()
        self.passphrase_edit.setEnabled(not busy and info is not None and info.encrypted)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.restore_button.setEnabled(False)

    def _progressed(self, phase: str, done: int, total: int) -> None:
        self.progress.setFormat(phase_text(phase))
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
        else:
            self.progress.setRange(0, 0)

    def _prepared(self, result: object) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
        self._set_busy(False)
        if isinstance(result, backup_restore.PreparedRestore):
            try:
                self.outcome = self._finish(result)
            except DomainError as exc:
                backup_restore.discard(result.staged)
                self.error_label.setText(backup_error_text(exc))
                self._update_button()
                return
            self.accept()
            return
        if isinstance(result, DomainError):
            if result.code in ("pin_wrong", "owner_required"):
                self.pin_edit.clear()
            self.error_label.setText(backup_error_text(result))
        elif isinstance(result, BaseException) and not isinstance(result, Cancelled):
            raise result
        self._update_button()

    def _finish(self, prepared: backup_restore.PreparedRestore) -> object:
        now = self._desk.now() if self._desk is not None else None
        backup_restore.stage_restore(
            prepared, self._db_path, now=now, live=self._desk, by=self._owner
        )
        if self._desk is None:  # nothing has the damaged file open: swap it in now
            return backup_restore.apply_pending_restore(self._db_path)
        return prepared

    def reject(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker.wait()
            self._worker = None
        super().reject()

    # -- the start-up offer: which backup is good ----------------------------------------------
    def find_latest_good(self) -> None:
        """Check the listed backups newest first (whole file against its checksum) on a
        worker thread and select the first good one."""
        infos = [self._info_at(row) for row in range(self.backup_list.count())]
        paths = [info.path for info in infos if info.usable]
        if not paths:
            return

        def find(progress):  # type: ignore[no-untyped-def]
            for path in paths:
                try:
                    verify_file(path, progress=lambda d, t: progress("find", d, t))
                except DomainError:
                    continue
                return path
            return None

        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self._worker = TaskWorker(find, self)
        self._worker.progressed.connect(self._progressed)
        self._worker.finished_with.connect(self._found)
        self._update_button()
        self._worker.start()

    def _found(self, result: object) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()
        self.progress.setVisible(False)
        if isinstance(result, Path):
            self.select_file(result)
        else:
            self.error_label.setText(self.tr("None of the backups found passed its check."))
        self._update_button()


def _newest_schema() -> str:
    from desktop.models.migrate import head_revision

    return head_revision()


def restore_from_settings(
    desk: Desk, *, folders: list[Path], recorded: dict[str, str], parent: QWidget | None = None
) -> bool:
    """The Settings path: the dialog, then the restart that swaps the backup in."""
    dialog = RestoreDialog(
        desk.db.path, desk=desk, folders=folders, recorded=recorded, parent=parent
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    QMessageBox.information(
        parent,
        dialog.tr("Restore ready"),
        dialog.tr(
            "The backup has been checked. Merchant Desk now restarts with it; the current "
            "database is kept as a copy beside it."
        ),
    )
    request_app_restart()
    return True


def offer_restore_at_start(db_path: Path, parent: QWidget | None = None) -> bool:
    """At start-up, when the database fails its check: offer the latest good backup (never
    start empty). True when a backup was put in place."""
    from desktop.models.backup_settings import backup_folders_for

    dialog = RestoreDialog(
        db_path, desk=None, folders=backup_folders_for(db_path), damaged=True, parent=parent
    )
    dialog.find_latest_good()
    return dialog.exec() == QDialog.DialogCode.Accepted
