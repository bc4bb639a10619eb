"""Importing members or sales history from another system: file → columns → preview → run →
report. The import itself runs on a worker thread with a progress bar and can be cancelled
(nothing is written then); the report can be saved as CSV.

Not wired into a menu here: ``ImportWizard(desk, owner, parent).exec()``.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.models.importing.report import ImportPreview, ImportReport, write_report_csv
from desktop.views.import_texts import field_name, reason_text
from desktop.views.textfill import fill

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

NOT_IN_FILE = ""
PROBLEM = QColor("#fde2e1")
NOTICE = QColor("#fff4d6")


class ImportWorker(QThread):
    """Runs ``desk.run_import`` off the GUI thread; never touches a widget. ``Desk`` is safe
    to share: every call opens its own session on its own pooled connection."""

    progressed = Signal(int, int)
    finished_report = Signal(object)  # an ImportReport, or the exception raised

    def __init__(self, desk: Desk, owner: Actor, path: Path, kind: str, **options: Any) -> None:
        super().__init__()
        self._desk, self._owner, self._path, self._kind = desk, owner, path, kind
        self._options = options
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:  # worker thread
        try:
            result: object = self._desk.run_import(
                self._path, self._kind, by=self._owner, progress=self._progress, **self._options
            )
        except Exception as exc:  # handed to the GUI thread, which shows or re-raises it
            result = exc
        self.finished_report.emit(result)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("An .xlsx or .csv export from your old till or member system."))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("importKind")
        self.kind_combo.addItem(self.tr("Members"), "members")
        self.kind_combo.addItem(self.tr("Sales history"), "sales")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.error_label = QLabel()
        self.error_label.setObjectName("importFileError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("What to import"), self.kind_combo)
        form.addRow(self.tr("File"), row)
        form.addRow(self.error_label)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the export"), "", self.tr("Exports (*.xlsx *.csv *.txt)")
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        kind = self.kind_combo.currentData()
        preview = self._wizard.load_preview(Path(self.path_edit.text().strip()), kind, None)
        failure = preview.failure
        if failure is not None and failure.code not in ("missing_column", "header_only"):
            self.error_label.setText(reason_text(failure.code))
            return False
        self.error_label.clear()
        return True


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(
            self.tr(
                "Guessed from the headers; change any that are wrong. Fields marked * are required."
            )
        )
        self.combos: dict[str, QComboBox] = {}
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("importMappingError")
        self.error_label.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        for name in preview.fields:
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.addItem(self.tr("(not in the file)"), NOT_IN_FILE)
            for header in preview.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(name, NOT_IN_FILE)), 0))
            label = field_name(name) + (" *" if name in preview.required else "")
            self.form.addRow(label, combo)
            self.combos[name] = combo
        self.error_label.clear()

    def mapping(self) -> dict[str, str | None]:
        return {name: (combo.currentData() or None) for name, combo in self.combos.items()}

    def validatePage(self) -> bool:
        preview = self._wizard.load_preview(self._wizard.path, self._wizard.kind, self.mapping())
        if preview.failure is not None:
            text = reason_text(preview.failure.code)
            missing = preview.failure.params.get("field")
            if missing:
                text = fill(self.tr("%1 (%2)"), text, field_name(str(missing)))
            self.error_label.setText(text)
            return False
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check the first rows"))
        self.summary = QLabel()
        self.summary.setObjectName("importPreviewSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setObjectName("importPreview")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.stop_radio = QRadioButton(self.tr("Stop at the first bad row (import nothing then)"))
        self.skip_radio = QRadioButton(self.tr("Import the good rows and list the bad ones"))
        self.stop_radio.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.stop_radio)
        layout.addWidget(self.skip_radio)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.table.clear()
        self.table.setColumnCount(len(preview.fields) + 1)
        self.table.setHorizontalHeaderLabels(
            [field_name(n) for n in preview.fields] + [self.tr("Problems")]
        )
        self.table.setRowCount(len(preview.rows))
        self.table.setVerticalHeaderLabels([str(r.row) for r in preview.rows])
        labels = [preview.mapping.get(name) for name in preview.fields]
        bad = 0
        for index, row in enumerate(preview.rows):
            errors = [
                p for p in row.problems if p.reason not in ("already_imported", "matched_existing")
            ]
            bad += bool(errors)
            for column, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                hits = [p for p in row.problems if p.column and p.column == labels[column]]
                if hits:
                    item.setBackground(QBrush(PROBLEM if errors else NOTICE))
                    item.setToolTip("\n".join(reason_text(p.reason) for p in hits))
                self.table.setItem(index, column, item)
            note = QTableWidgetItem("; ".join(reason_text(p.reason) for p in row.problems))
            if row.problems:
                note.setBackground(QBrush(PROBLEM if errors else NOTICE))
            self.table.setItem(index, len(preview.fields), note)
        self.table.resizeColumnsToContents()
        about = preview.estimated_rows
        self.summary.setText(
            fill(
                self.tr("Showing the first %1 rows of about %2. Rows with problems: %3."),
                len(preview.rows),
                about if about is not None else "?",
                bad,
            )
        )


class RunPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Importing"))
        self.status = QLabel(self.tr("Reading and checking every row…"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(wizard.cancel_import)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.progress_bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self._wizard.start_import()

    def isComplete(self) -> bool:
        return self._wizard.report is not None

    def show_progress(self, done: int, total: int) -> None:
        if total <= 0:  # size not known yet: a busy bar
            self.progress_bar.setRange(0, 0)
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(min(done, total))
        if done * 5 >= total * 4:
            self.status.setText(self.tr("Writing…"))


class ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Report"))
        self.summary = QLabel()
        self.summary.setObjectName("importReport")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("importProblems")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem"), self.tr("Value")]
        )
        save = QPushButton(self.tr("Save the report as CSV…"))
        save.setObjectName("saveImportReport")
        save.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignLeft)

    def initializePage(self) -> None:
        report = self._wizard.report
        assert report is not None
        if report.failure is not None:
            text = reason_text(report.failure.code)
        elif not report.ok:
            text = self.tr(
                "Bad rows were found, so nothing was imported. Fix them, or go back "
                "and choose to import the good rows."
            )
        else:
            text = fill(
                self.tr(
                    "Imported %1 · matched to existing members %2 · imported before %3 · "
                    "skipped %4 · bad rows %5."
                ),
                report.imported,
                report.matched,
                report.already_imported,
                report.skipped,
                report.error_count,
            )
        self.summary.setText(text)
        problems = (*report.errors, *report.notices)
        self.table.setRowCount(len(problems))
        for index, p in enumerate(problems):
            cells = (str(p.row), p.column, reason_text(p.reason), p.value)
            for column, value in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), "import-report.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self._wizard.save_report(Path(path))


class ImportWizard(QWizard):
    """``ImportWizard(desk, owner, parent=None)``. Public for tests: the pages
    (``file_page`` … ``report_page``), ``preview``, ``report`` and ``save_report(path)``."""

    def __init__(self, desk: Desk, owner: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._owner = desk, owner
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self.path = Path()
        self.kind = "members"
        self.worker: ImportWorker | None = None
        self.setWindowTitle(self.tr("Import from another system"))
        self.setMinimumSize(760, 520)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        self.report_page = ReportPage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.preview_page,
            self.run_page,
            self.report_page,
        ):
            self.addPage(page)
        self.run_page.setCommitPage(True)

    def load_preview(
        self, path: Path, kind: str, mapping: dict[str, str | None] | None
    ) -> ImportPreview:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.preview = self._desk.preview_import(path, kind, mapping)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.path, self.kind = path, kind
        return self.preview

    def start_import(self) -> None:
        self.report = None
        self.worker = ImportWorker(
            self._desk,
            self._owner,
            self.path,
            self.kind,
            mapping=self.mapping_page.mapping(),
            skip_bad=self.preview_page.skip_radio.isChecked(),
        )
        self.worker.progressed.connect(self.run_page.show_progress)
        self.worker.finished_report.connect(self._finished)
        self.worker.start()

    def cancel_import(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.run_page.cancel_button.setEnabled(False)
            self.run_page.status.setText(self.tr("Cancelling…"))

    def _finished(self, result: object) -> None:
        if self.worker is not None:
            self.worker.wait()
        if isinstance(result, Exception):
            raise result
        assert isinstance(result, ImportReport)
        self.report = result
        self.run_page.completeChanged.emit()
        if self.isVisible() and self.currentPage() is self.run_page:
            self.next()

    def reject(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.cancel_import()
            self.worker.wait()
        super().reject()

    def save_report(self, path: Path) -> None:
        assert self.report is not None
        headers = (
            self.tr("Row"),
            self.tr("Column"),
            self.tr("Code"),
            self.tr("Value"),
            self.tr("Problem"),
        )
        write_report_csv(self.report, path, headers=headers, describe=reason_text)
