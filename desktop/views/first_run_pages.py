"""The form pages of the first-run wizard: shop, owner, points, backups, alliance.

Each page sets its words in ``retranslate()``, so the language can change while it is open, and
checks what was typed in ``validatePage()`` before Next. Nothing here writes anything:
``FirstRunDialog`` creates the shop from the pages' values at the end. GUI thread only.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.models.alliance_pending import clean_server_address
from desktop.models.backup_settings import check_folder, default_folder
from desktop.models.errors import DomainError
from desktop.models.shop import RULE_LIMITS, Rule
from desktop.views.backup_texts import backup_error_text
from desktop.views.formatting import parse_yuan, yuan
from desktop.views.styles import ERROR_STYLE, NOTE_STYLE

WARN_STYLE = "color: #a15c00;"
EXAMPLE_SALE_FEN = 5_800
FIELD_WIDTH = 360


def text_label(name: str = "", style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if style:
        label.setStyleSheet(style)
    return label


def _line_edit(name: str, max_length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    edit.setProperty("scanExempt", True)
    edit.setMinimumWidth(FIELD_WIDTH)
    return edit


def _pin_edit(name: str) -> QLineEdit:
    edit = _line_edit(name, 8)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
    edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    return edit


def short_yuan(fen: int) -> str:
    """Whole yuan without cents: 100 → "¥1", 50 → "¥0.50"."""
    return yuan(fen)[:-3] if fen % 100 == 0 else yuan(fen)


class WizardPage(QWizardPage):
    """A page with a line for its refusals."""

    def __init__(self) -> None:
        super().__init__()
        self.message = text_label("pageMessage", ERROR_STYLE)

    def retranslate(self) -> None:
        raise NotImplementedError

    def refuse(self, text: str, field: QLineEdit) -> bool:
        """Say what is wrong and put the cursor where it can be fixed; False for validatePage."""
        self.message.setText(text)
        field.setFocus()
        field.selectAll()
        return False


class ShopPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.shop_edit = _line_edit("shopName", 100)
        self.address_edit = _line_edit("shopAddress", 200)
        self.hint = text_label(style=NOTE_STYLE)
        self.form = QFormLayout()
        _add_row(self.form, self.shop_edit)
        _add_row(self.form, self.address_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(self.tr("You can change these details later in Settings."))
        _set_row_labels(
            self.form,
            QCoreApplication.translate("FirstRunDialog", "Shop name"),
            QCoreApplication.translate("FirstRunDialog", "Address (optional)"),
        )
        self.hint.setText(
            QCoreApplication.translate(
                "ShopSection", "The shop name is printed on member cards and coupons."
            )
        )
        self.message.clear()

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if not self.shop_edit.text().strip():
            return self.refuse(
                QCoreApplication.translate("FirstRunDialog", "Please enter the shop name."),
                self.shop_edit,
            )
        self.message.clear()
        return True


class OwnerPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.owner_edit = _line_edit("ownerName", 50)
        self.pin_edit = _pin_edit("ownerPin")
        self.pin_again_edit = _pin_edit("ownerPinAgain")
        self.form = QFormLayout()
        for edit in (self.owner_edit, self.pin_edit, self.pin_again_edit):
            _add_row(self.form, edit)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The owner"))
        self.setSubTitle(
            self.tr("The owner's PIN guards refunds and settings: keep it to yourself.")
        )
        _set_row_labels(
            self.form,
            QCoreApplication.translate("FirstRunDialog", "Owner's name"),
            QCoreApplication.translate("FirstRunDialog", "Owner's PIN (4–8 digits)"),
            QCoreApplication.translate("FirstRunDialog", "PIN again"),
        )
        self.message.clear()

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        if not self.owner_edit.text().strip():
            return self.refuse(
                QCoreApplication.translate("FirstRunDialog", "Please enter the owner's name."),
                self.owner_edit,
            )
        pin = self.pin_edit.text()
        if not (pin.isdigit() and 4 <= len(pin) <= 8):
            text = QCoreApplication.translate("FirstRunDialog", "The PIN must be 4 to 8 digits.")
        elif pin != self.pin_again_edit.text():
            text = QCoreApplication.translate(
                "FirstRunDialog", "The two PINs are not the same. Type the PIN again."
            )
        else:
            self.message.clear()
            return True
        self.pin_edit.clear()
        self.pin_again_edit.clear()
        return self.refuse(text, self.pin_edit)


class PointsPage(WizardPage):
    """The points rule, prefilled with the model's defaults, and what it means for a sale."""

    def __init__(self) -> None:
        super().__init__()
        default = Rule(version=1)
        self.spend_edit = _line_edit("fen_per_point", 12)
        self.spend_edit.setText(short_yuan(default.fen_per_point).replace("¥", ""))
        self.value_spin = QSpinBox()
        self.value_spin.setObjectName("point_value_fen")
        self.value_spin.setRange(*RULE_LIMITS["point_value_fen"])  # fen per point = ¥ per 100
        self.value_spin.setValue(default.point_value_fen)
        self.expiry_spin = QSpinBox()
        self.expiry_spin.setObjectName("expiry_months")
        self.expiry_spin.setRange(*RULE_LIMITS["expiry_months"])
        self.expiry_spin.setValue(default.expiry_months)
        for spin in (self.value_spin, self.expiry_spin):
            spin.setMaximumWidth(160)
        self.spend_edit.setMaximumWidth(160)
        self.spend_edit.setMinimumWidth(0)
        self.example = text_label("pointsExample")
        self.example.setStyleSheet(
            "background: #eef6f3; border: 1px solid #cfe3dc; padding: 8px; color: #1d2733;"
        )
        self.tiers = text_label(style=NOTE_STYLE)
        self.form = QFormLayout()
        for widget in (self.spend_edit, self.value_spin, self.expiry_spin):
            _add_row(self.form, widget)
        self.spend_edit.textChanged.connect(self._explain)
        self.value_spin.valueChanged.connect(self._explain)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.example)
        layout.addWidget(self.tiers)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def rule(self) -> Rule:
        """The rule on screen (the defaults for everything the page does not show)."""
        return Rule(
            version=1,
            fen_per_point=parse_yuan(self.spend_edit.text()) or Rule(version=1).fen_per_point,
            point_value_fen=self.value_spin.value(),
            expiry_months=self.expiry_spin.value(),
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Points"))
        self.setSubTitle(
            self.tr(
                "Members earn points when they buy and spend them as money off. "
                "These are the usual numbers; you can change them later in Settings."
            )
        )
        worth = self.tr("100 points are worth (¥)")
        _set_row_labels(
            self.form,
            QCoreApplication.translate("PointsRuleSection", "Spend for 1 point (¥)"),
            worth,
            QCoreApplication.translate("PointsRuleSection", "Points expire after (months)"),
        )
        default = Rule(version=1)
        self.tiers.setText(
            QCoreApplication.translate(
                "PointsRuleSection",
                "Silver members (%1 or more in the last 12 months) earn %2%, gold members "
                "(%3 or more) earn %4%.",
            )
            .replace("%1", short_yuan(default.silver_threshold_fen))
            .replace("%2", str(default.silver_multiplier_pct))
            .replace("%3", short_yuan(default.gold_threshold_fen))
            .replace("%4", str(default.gold_multiplier_pct))
        )
        self.message.clear()
        self._explain()

    def _explain(self) -> None:
        spend = parse_yuan(self.spend_edit.text())
        if not spend:
            self.example.setText(
                QCoreApplication.translate(
                    "PointsRuleSection", "Enter amounts in yuan, such as 1 or 0.50."
                )
            )
            return
        self.example.setText(
            self.tr("Example: a %1 sale earns %2 points, and 100 points take %3 off a later sale.")
            .replace("%1", yuan(EXAMPLE_SALE_FEN))
            .replace("%2", f"{EXAMPLE_SALE_FEN // spend:,}")
            .replace("%3", short_yuan(100 * self.value_spin.value()))
        )

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        spend = parse_yuan(self.spend_edit.text())
        low, high = RULE_LIMITS["fen_per_point"]
        if spend is None or not low <= spend <= high:
            return self.refuse(
                QCoreApplication.translate("PointsRuleSection", "%1 must be between %2 and %3.")
                .replace(
                    "%1",
                    QCoreApplication.translate("PointsRuleSection", "Spend for 1 point (¥)"),
                )
                .replace("%2", yuan(low))
                .replace("%3", yuan(high)),
                self.spend_edit,
            )
        self.message.clear()
        return True


class BackupPage(WizardPage):
    """Where the daily backups go; the default is ``backups/`` beside the database."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self._db_folder = db_path.parent
        self.default = default_folder(db_path)
        self.folder_edit = _line_edit("backupFolder", 1_000)
        self.folder_edit.setText(str(self.default))
        self.folder_edit.editingFinished.connect(self._check_disk)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("backupBrowse")
        self.browse_button.clicked.connect(self._browse)
        self.disk_note = text_label("backupDiskNote")
        self.later = text_label(style=NOTE_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.disk_note)
        layout.addWidget(self.later)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser().resolve()

    def chosen_folder(self) -> Path | None:
        """The folder to record, or None for the default (which moves with the data folder)."""
        folder = self.folder()
        return None if folder == self.default.resolve() else folder

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backups"))
        self.setSubTitle(
            QCoreApplication.translate(
                "BackupSection",
                "Kept: 7 daily, 4 weekly and 12 monthly backups. A backup runs "
                "every day and when Merchant Desk closes, if the last is a day old.",
            )
        )
        self.browse_button.setText(self.tr("B&rowse…"))
        self.later.setText(
            self.tr("Backups go to this folder. You can choose another later in Settings.")
        )
        self.message.clear()
        self._check_disk()

    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self,
            QCoreApplication.translate("BackupSection", "Choose the backup folder"),
            self.folder_edit.text(),
        )
        if name:
            self.folder_edit.setText(str(Path(name)))
            self._check_disk()
        self.folder_edit.setFocus()

    def _check_disk(self) -> None:
        if self.folder_edit.text().strip() and _same_disk(self.folder(), self._db_folder):
            self.disk_note.setStyleSheet(WARN_STYLE)
            self.disk_note.setText(
                QCoreApplication.translate(
                    "BackupSection",
                    "Backups are on the same disk as the shop database, so a broken disk "
                    "loses both. Choose a USB stick or a second disk.",
                )
            )
        else:
            self.disk_note.clear()

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        self._check_disk()
        if not self.folder_edit.text().strip():
            self.folder_edit.setText(str(self.default))
        folder = self.chosen_folder()
        if folder is not None:
            try:
                check_folder(folder)
            except DomainError as exc:
                return self.refuse(backup_error_text(exc), self.folder_edit)
        self.message.clear()
        return True


def _same_disk(folder: Path, db_folder: Path) -> bool:
    """True when ``folder`` (or, before it exists, its nearest existing parent) shares the
    database's disk. Unknown → False: the warning is a hint, not a check."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return os.stat(probe).st_dev == os.stat(db_folder).st_dev
    except OSError:
        return False


class AlliancePage(WizardPage):
    """An alliance server address may be noted now; with an invitation code too, the wizard
    joins right after creating the shop (else the owner joins later, in Settings)."""

    def __init__(self) -> None:
        super().__init__()
        self.explanation = text_label("allianceExplanation")
        self.later = text_label("allianceLater")
        self.later.setStyleSheet("font-weight: 600;")
        self.server_edit = _line_edit("allianceServer", 200)
        self.server_edit.setPlaceholderText("alliance.example.cn")
        self.server_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.code_edit = _line_edit("allianceCode", 40)
        self.code_edit.setPlaceholderText("ABCDE-FGHJK-MNPQR-STVWX")
        self.code_edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.server_note = text_label(style=NOTE_STYLE)
        self.form = QFormLayout()
        _add_row(self.form, self.server_edit)
        _add_row(self.form, self.code_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.later)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.server_note)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def server(self) -> str | None:
        """The address to keep for joining later (checked by ``validatePage``), or None."""
        try:
            return clean_server_address(self.server_edit.text())
        except DomainError:
            return None

    def code(self) -> str:
        """The invitation code typed (blank: join later)."""
        return self.code_edit.text().strip()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Shop alliance (optional)"))
        self.setSubTitle(
            self.tr("In an alliance, nearby shops honour each other's member cards and coupons.")
        )
        self.explanation.setText(
            self.tr(
                "To join, you need the alliance server's address and an invitation code from "
                "the alliance's organiser. Without a code, nothing is sent anywhere."
            )
        )
        self.later.setText(
            self.tr(
                "Your shop starts on its own. With the invitation code too, it joins the "
                "alliance as soon as it is created; or the owner joins later in Settings → "
                "Alliance."
            )
        )
        _set_row_labels(self.form, self.tr("Alliance server"), self.tr("Invitation code"))
        self.server_note.setText(
            self.tr(
                "Optional: if the organiser already gave you the server address, type it "
                "here and it is kept for joining. Leave the code empty to join later."
            )
        )
        self.message.clear()

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        try:
            clean_server_address(self.server_edit.text())
        except DomainError:
            return self.refuse(
                self.tr(
                    "That is not a server address. Type it as the organiser gave it, such "
                    "as alliance.example.cn, or leave it empty."
                ),
                self.server_edit,
            )
        if self.code() and not self.server():
            return self.refuse(
                self.tr("Type the alliance server's address too, or leave the code empty."),
                self.server_edit,
            )
        self.message.clear()
        return True


def _add_row(form: QFormLayout, field: QWidget) -> None:
    """A row whose label ``_set_row_labels`` fills in (and retranslates)."""
    label = QLabel()
    label.setBuddy(field)
    form.addRow(label, field)


def _set_row_labels(form: QFormLayout, *texts: str) -> None:
    for row, text in enumerate(texts):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel):
            label.setText(text)
