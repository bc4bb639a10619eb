"""First run: a short wizard that sets the shop up, usable with the keyboard alone.

Language → shop → owner and PIN → points rule → backups → alliance → summary. Nothing
is written until "Create the shop" on the last page; then the shop, its owner and its points
rule are created in one unit of work, and the language, backup folder and alliance server are
recorded as the owner's settings. With an invitation code, the shop then joins the alliance
(on a background job, "Joining…"); a failure keeps the shop and says how to join later.
"Quit" (or Esc) on any page leaves nothing behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFormLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from desktop.models.alliance_pending import set_pending_server
from desktop.models.backup_settings import set_backup_folder
from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.sync.errors import SyncError
from desktop.sync.pairing import PairResult
from desktop.views.background import SerialWorker
from desktop.views.backup_texts import backup_error_text
from desktop.views.first_run_pages import (
    NOTE_STYLE,
    AlliancePage,
    BackupPage,
    OwnerPage,
    PointsPage,
    ShopPage,
    WizardPage,
    short_yuan,
    text_label,
)
from desktop.views.i18n import install_translators
from desktop.views.messages import error_text
from desktop.views.settings_alliance import joined_text, start_join
from desktop.views.settings_shop import LANGUAGE_CHOICES
from desktop.views.sync_texts import sync_error_text

log = logging.getLogger(__name__)


def current_language() -> str:
    """The language the app is showing now (``install_translators`` sets the default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class LanguagePage(WizardPage):
    """中文 or English; ``language_chosen(code)`` as soon as the choice changes."""

    language_chosen = Signal(str)

    def __init__(self, language: str) -> None:
        super().__init__()
        self.buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for code, name in LANGUAGE_CHOICES:  # each named in itself
            button = QRadioButton(name)
            button.setObjectName(f"language_{code}")
            button.setChecked(code == language)
            group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        group.buttonToggled.connect(self._toggled)
        self.note = text_label(style=NOTE_STYLE)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def _toggled(self, button: QAbstractButton, on: bool) -> None:
        if on:
            self.language_chosen.emit(self.language())

    def language(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Language"))
        self.setSubTitle(self.tr("Choose the language Merchant Desk speaks."))
        self.note.setText(
            self.tr(
                "The arrow keys change the choice; Enter goes on. You can change it later "
                "in Settings."
            )
        )


class SummaryPage(WizardPage):
    """What will be created, from ``describe()`` → [(what, value)]; Finish creates it."""

    def __init__(self, describe: Callable[[], list[tuple[str, str]]]) -> None:
        super().__init__()
        self._describe = describe
        self.form = QFormLayout()
        self.form.setVerticalSpacing(8)
        self.note = text_label(style=NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addSpacing(8)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.refresh()

    def refresh(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        for what, value in self._describe():
            shown = text_label("summaryValue")
            shown.setText(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            self.form.addRow(what, shown)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check the details. Use Back to change any of them."))
        self.note.setText(
            self.tr(
                "Nothing is saved until you press Create the shop. Quit leaves without "
                "saving anything."
            )
        )
        self.message.clear()
        if self.form.rowCount():
            self.refresh()


class FirstRunDialog(QWizard):
    """Sets the shop up. After Accepted, ``owner`` is the new owner.

    Tab moves between fields, Enter goes to the next page (and creates the shop on the last),
    Alt+B goes back, Esc quits. Choosing a language switches the whole app to it at once.
    """

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.joining = False
        self._join_tried = False
        self.join_outcome: PairResult | SyncError | None = None
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(680, 520)

        self.language_page = LanguagePage(current_language())
        self.shop_page = ShopPage()
        self.owner_page = OwnerPage()
        self.points_page = PointsPage()
        self.backup_page = BackupPage(desk.db.path)
        self.alliance_page = AlliancePage()
        self.summary_page = SummaryPage(self.summary)
        self._pages = (
            self.language_page,
            self.shop_page,
            self.owner_page,
            self.points_page,
            self.backup_page,
            self.alliance_page,
            self.summary_page,
        )
        for page in self._pages:
            self.addPage(page)
        self.language_page.language_chosen.connect(self.switch_language)
        self.currentIdChanged.connect(self._page_shown)
        self.retranslate()

    def _page_shown(self, page_id: int) -> None:
        # Qt puts the cursor in a page's first field; on the language page, on the choice.
        if self.page(page_id) is self.language_page:
            self.language_page.buttons[self.language_page.language()].setFocus()

    # -- language ---------------------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        """Show the app in ``language`` from now on (saved as the setting at the end)."""
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, language)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_pages"):
            self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Merchant Desk"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create the shop"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Quit"))
        for page in self._pages:
            page.retranslate()

    # -- the summary ------------------------------------------------------------------------
    def summary(self) -> list[tuple[str, str]]:
        """(what, value) for each choice, as the last page shows them."""
        languages = dict(LANGUAGE_CHOICES)
        rule = self.points_page.rule()
        owner = self.owner_page.owner_edit.text().strip()
        server = self.alliance_page.server()
        points = (
            self.tr("1 point per %1 spent; 100 points = %2 off; points expire after %3 months.")
            .replace("%1", short_yuan(rule.fen_per_point))
            .replace("%2", short_yuan(100 * rule.point_value_fen))
            .replace("%3", str(rule.expiry_months))
        )
        return [
            (self.tr("Language"), languages[self.language_page.language()]),
            (self.tr("Shop name"), " ".join(self.shop_page.shop_edit.text().split())),
            (self.tr("Address"), self.shop_page.address_edit.text().strip() or "—"),
            (self.tr("Owner"), self.tr("%1, with the PIN you typed").replace("%1", owner)),
            (self.tr("Points"), points),
            (self.tr("Backups"), str(self.backup_page.folder())),
            (self.tr("Alliance"), self._alliance_summary(server)),
        ]

    # -- creating ---------------------------------------------------------------------------
    def accept(self) -> None:
        """Create the shop, owner and rule together; then record the owner's other choices."""
        if self.owner is None:
            try:
                self.owner = self._desk.set_up(
                    shop_name=self.shop_page.shop_edit.text(),
                    owner_name=self.owner_page.owner_edit.text(),
                    owner_pin=self.owner_page.pin_edit.text(),
                    address=self.shop_page.address_edit.text(),
                    rule=self.points_page.rule(),
                )
            except DomainError as exc:
                self.summary_page.message.setText(error_text(exc))
                return
            self._record_choices(self.owner)
        server, code = self.alliance_page.server(), self.alliance_page.code()
        if server and code and not self._join_tried:
            self._join(server, code)
            return
        super().accept()

    def _alliance_summary(self, server: str | None) -> str:
        if server and self.alliance_page.code():
            return self.tr("Join %1 right after the shop is created").replace("%1", server)
        if server:
            return self.tr("Later, from Settings (server %1 kept)").replace("%1", server)
        return self.tr("Later, from Settings")

    # -- joining the alliance -----------------------------------------------------------------
    def _join(self, server: str, code: str) -> None:
        """The shop exists; join on a background job, then say how it went and finish."""
        self._join_tried = self.joining = True
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(False)
        self.summary_page.message.setText(self.tr("The shop is created. Joining the alliance…"))
        self._join_worker = SerialWorker("first-run-join", self)
        start_join(
            self._join_worker,
            self._desk,
            server=server,
            code=code,
            ca_file=None,
            again=False,
            done=self._joined,
            by=self.owner,
        )

    def _joined(self, result: PairResult | SyncError) -> None:
        self.joining = False
        self.join_outcome = result
        title = self.tr("Welcome to Merchant Desk")
        if isinstance(result, PairResult):
            QMessageBox.information(self, title, joined_text(result))
        else:
            QMessageBox.warning(
                self,
                title,
                "\n".join(
                    [
                        self.tr("The shop is set up, but it could not join the alliance:"),
                        sync_error_text(result.code, result.message),
                        self.tr("You can join later in Settings → Alliance."),
                    ]
                ),
            )
        super().accept()

    def reject(self) -> None:
        if self.joining:  # the shop exists already; the join ends by itself
            return
        super().reject()

    def _record_choices(self, owner: Actor) -> None:
        """Language, backup folder and alliance server. The shop exists by now, so a failure
        here (a USB stick pulled out since its page) is said, and can be fixed in Settings."""
        problems: list[str] = []
        try:
            self._desk.set_setting("language", self.language_page.language(), by=owner)
        except DomainError as exc:
            problems.append(error_text(exc))
        folder = self.backup_page.chosen_folder()
        if folder is not None:
            try:
                set_backup_folder(self._desk, folder, by=owner)
            except DomainError as exc:
                problems.append(backup_error_text(exc))
        try:
            set_pending_server(self._desk, self.alliance_page.server_edit.text(), by=owner)
        except DomainError as exc:
            problems.append(error_text(exc))
        if problems:
            log.warning("first run: some choices were not saved: %s", problems)
            QMessageBox.warning(
                self,
                self.tr("Welcome to Merchant Desk"),
                "\n".join(
                    [
                        self.tr(
                            "The shop is set up, but these choices were not saved. "
                            "Set them again in Settings:"
                        ),
                        *problems,
                    ]
                ),
            )
