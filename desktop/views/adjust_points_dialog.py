"""The owner's manual points correction: how many (plus or minus) and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.models.errors import DomainError
from desktop.views.messages import error_text

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

MAX_ADJUST = 1_000_000


class AdjustPointsDialog(QDialog):
    """Adds or deducts points as ``owner`` (already checked by PIN); audited by the model.

    After ``exec()`` returns Accepted, ``balance`` is the member's new balance.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        member_id: int,
        member_name: str,
        balance: int,
        owner: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._member_id = member_id
        self._owner = owner
        self.balance: int | None = None
        self.setWindowTitle(self.tr("Adjust points"))
        intro = QLabel(
            self.tr(
                "%1 has %2 points. Enter a positive number to add points or a "
                "negative number to deduct them."
            )
            .replace("%1", member_name)
            .replace("%2", f"{balance:,}")
        )
        intro.setWordWrap(True)
        self.points_spin = QSpinBox()
        self.points_spin.setObjectName("pointsSpin")
        self.points_spin.setRange(-MAX_ADJUST, MAX_ADJUST)
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reasonEdit")
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("e.g. points missed on a sale"))
        self.error_label = QLabel("")
        self.error_label.setObjectName("adjustError")
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Points"), self.points_spin)
        form.addRow(self.tr("Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.points_spin.setFocus()
        self.points_spin.selectAll()

    def submit(self) -> None:
        try:
            self.balance = self._desk.adjust_points(
                member_id=self._member_id,
                points_delta=self.points_spin.value(),
                reason=self.reason_edit.text(),
                by=self._owner,
            )
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            return
        self.accept()
