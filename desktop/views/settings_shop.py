"""Settings: the shop's profile (name, address, phone) and the interface language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.i18n import normalize_language
from desktop.views.messages import error_text
from desktop.views.settings_costs import CouponCostSection
from desktop.views.styles import ERROR_STYLE, OK_STYLE

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

# Each language is named in itself, so anyone can find their own.
LANGUAGE_CHOICES = (("zh_CN", "中文（简体）"), ("en", "English"))


def _status_label(name: str) -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class ShopSection(QWidget):
    """Shop name, address and phone, saved with ``desk.update_shop`` by the owner."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.owner: Actor | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("shopName")
        self.name_edit.setMaxLength(100)
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("shopAddress")
        self.address_edit.setMaxLength(200)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("shopPhone")
        self.phone_edit.setMaxLength(30)
        self.phone_edit.setProperty("scanExempt", True)
        self.save_button = QPushButton(self.tr("Save shop profile"))
        self.save_button.setObjectName("saveShop")
        self.save_button.clicked.connect(self.save)
        self.status = _status_label("shopStatus")

        for edit in (self.name_edit, self.address_edit, self.phone_edit):
            edit.setMaximumWidth(520)
        box = QGroupBox(self.tr("Shop profile"))
        form = QFormLayout(box)
        form.addRow(self.tr("Shop name"), self.name_edit)
        form.addRow(self.tr("Address"), self.address_edit)
        form.addRow(self.tr("Phone"), self.phone_edit)
        hint = QLabel(self.tr("The shop name is printed on member cards and coupons."))
        hint.setStyleSheet("color: #5f6368;")
        form.addRow("", hint)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        form.addRow("", row)

        self.language = LanguageSection(desk, owner=lambda: self.owner)
        self.coupon_cost = CouponCostSection(desk, owner=lambda: self.owner)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.language)
        layout.addWidget(self.coupon_cost)
        layout.addStretch(1)

    def reload(self) -> None:
        profile = self._desk.shop_profile()
        self.name_edit.setText(profile.name)
        self.address_edit.setText(profile.address)
        self.phone_edit.setText(profile.phone)
        self.status.clear()
        self.language.reload()
        self.coupon_cost.reload()

    def save(self) -> None:
        if self.owner is None:
            return
        try:
            profile = self._desk.update_shop(
                by=self.owner,
                name=self.name_edit.text(),
                address=self.address_edit.text(),
                phone=self.phone_edit.text(),
            )
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_text(exc))
            return
        self.name_edit.setText(profile.name)
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(self.tr("Saved."))


class LanguageSection(QGroupBox):
    """The interface language, saved as the ``language`` setting; used at the next start."""

    def __init__(
        self,
        desk: Desk,
        *,
        owner: Callable[[], Actor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Language"))
        self._desk = desk
        self._owner = owner
        self.combo = QComboBox()
        self.combo.setObjectName("languageCombo")
        for code, name in LANGUAGE_CHOICES:
            self.combo.addItem(name, code)
        self.save_button = QPushButton(self.tr("Save language"))
        self.save_button.setObjectName("saveLanguage")
        self.save_button.clicked.connect(self.save)
        note = QLabel(self.tr("The new language is used the next time Merchant Desk starts."))
        note.setStyleSheet("color: #5f6368;")
        self.status = _status_label("languageStatus")
        row = QHBoxLayout()
        row.addWidget(self.combo)
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(note)

    def reload(self) -> None:
        saved = normalize_language(self._desk.setting("language")) or "zh_CN"
        index = self.combo.findData(saved)
        self.combo.setCurrentIndex(max(index, 0))
        self.status.clear()

    def save(self) -> None:
        owner = self._owner()
        if owner is None:
            return
        code = self.combo.currentData()
        try:
            self._desk.set_setting("language", code, by=owner)
        except DomainError as exc:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(error_text(exc))
            return
        self.status.setStyleSheet(OK_STYLE)
        self.status.setText(
            self.tr("Saved. Restart Merchant Desk to switch to %1.").replace(
                "%1", self.combo.currentText()
            )
        )
