"""Settings: the audit log (latest records) and checking that its hash chain is intact."""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.views.formatting import yuan
from desktop.views.record_table import RecordTable, cell

if TYPE_CHECKING:
    from desktop.models.audit import AuditEntry
    from desktop.models.service import Desk

AUDIT_LIMIT = 100


def _t(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


def action_text(action: str) -> str:
    """The audit action code in words (unknown codes are shown as they are)."""
    names = {
        "shop.created": _t("Shop set up"),
        "shop.profile_changed": _t("Shop profile changed"),
        "rule.changed": _t("Points rule changed"),
        "staff.created": _t("Staff added"),
        "staff.pin_changed": _t("PIN changed"),
        "staff.deactivated": _t("Staff deactivated"),
        "member.phone_changed": _t("Member phone changed"),
        "card.reissued": _t("Card re-issued"),
        "points.adjusted": _t("Points adjusted"),
        "points.large_earn_approved": _t("Large earn approved"),
        "sale.refunded": _t("Sale refunded"),
        "setting.changed": _t("Setting changed"),
        "backup.encryption_on": _t("Backup encryption turned on"),
        "backup.encryption_off": _t("Backup encryption turned off"),
        "backup.restored": _t("Backup restored"),
        "alliance.joined": _t("Joined an alliance"),
        "backup.restore_refused": _t("Restore refused"),
        "access.refused": _t("Refused: owner only"),
        "member.exported": _t("Member data exported"),
        "member.export_refused": _t("Member data export refused"),
        "member.erased": _t("Member erased"),
        "member.erase_refused": _t("Member erase refused"),
    }
    return names.get(action, action)


def key_text(key: str) -> str:
    """An audit detail's key in words (unknown keys are shown as they are)."""
    names = {
        "member": _t("Member"),
        "sale": _t("Sale"),
        "staff": _t("Staff"),
        "shop": _t("Shop"),
        "name": _t("Name"),
        "address": _t("Address"),
        "role": _t("Role"),
        "points": _t("Points"),
        "points_taken_back": _t("Points taken back"),
        "points_returned": _t("Points returned"),
        "amount_fen": _t("Amount"),
        "reason": _t("Reason"),
        "serial": _t("Card serial"),
        "version": _t("Rule version"),
        "changes": _t("Changes"),
        "key": _t("Setting"),
        "old": _t("Before"),
        "new": _t("After"),
        "campaign": _t("Campaign"),
        "coupon": _t("Coupon"),
        "batch": _t("Batch"),
        "count": _t("Count"),
        "state": _t("State"),
        "key_id": _t("Key"),
        "file": _t("File"),
        "points_kept": _t("Points kept"),
        "backup_at": _t("Backup made"),
        "by": _t("By"),
        "action": _t("Tried"),
        "code": _t("Why not"),
        "limit_fen": _t("Limit"),
    }
    return names.get(key, key)


def _value_text(key: str, value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{key_text(k)} {_value_text(k, v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_value_text(key, v) for v in value)
    if isinstance(value, bool):
        return _t("yes") if value else _t("no")
    if key.endswith("_fen") and isinstance(value, int):
        return yuan(value)
    if key == "role":
        return {"owner": _t("owner"), "staff": _t("staff")}.get(str(value), str(value))
    return str(value)


def details_text(details: str) -> str:
    """``{"member": 5, "amount_fen": 990}`` → ``Member: 5 · Amount: ¥9.90`` (raw if not JSON)."""
    try:
        data = json.loads(details)
    except ValueError:
        return details
    if not isinstance(data, dict):
        return details
    return " · ".join(f"{key_text(k)}: {_value_text(k, v)}" for k, v in data.items())


class AuditTable(RecordTable):
    """The latest audit records, newest first. ``update()`` reloads and rebuilds."""

    class Columns(enum.IntEnum):
        NUMBER, TIME, WHO, ACTION, DETAILS = range(5)

    def __init__(self, desk: Desk) -> None:
        headers = [self.tr("No."), self.tr("Time"), self.tr("By"), self.tr("Action")]
        super().__init__([*headers, self.tr("Details")], object_name="auditTable")
        self._desk = desk
        self._names: dict[int, str] = {}
        self._zone = ZoneInfo("UTC")

    def fetch(self) -> Sequence[AuditEntry]:
        self._names = {s.id: s.name for s in self._desk.staff_list(include_inactive=True)}
        self._zone = ZoneInfo(self._desk.shop_profile().timezone)
        return self._desk.recent_audit(limit=AUDIT_LIMIT)

    def cells(self, record: AuditEntry) -> list[QTableWidgetItem]:
        local = record.at.replace(tzinfo=dt.UTC).astimezone(self._zone)
        staff_id = record.staff_id
        who = "" if staff_id is None else self._names.get(staff_id, f"#{staff_id}")
        return [
            cell(str(record.id)),
            cell(local.strftime("%Y-%m-%d %H:%M:%S")),
            cell(who),
            cell(action_text(record.action)),
            cell(details_text(record.details)),
        ]


class AuditSection(QWidget):
    """The log and its "Verify log" check."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.table = AuditTable(desk)
        self.verify_button = QPushButton(self.tr("Verify log"))
        self.verify_button.setObjectName("verifyAudit")
        self.verify_button.clicked.connect(self.verify)
        self.result_label = QLabel()
        self.result_label.setObjectName("auditResult")
        self.result_label.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Sensitive actions are recorded here. Each record is chained to "
                "the one before, so a changed or deleted record shows up when "
                "the log is verified."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        row = QHBoxLayout()
        row.addWidget(self.verify_button)
        row.addWidget(self.result_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def reload(self) -> None:
        self.table.update()
        self.result_label.clear()

    def verify(self) -> None:
        check = self._desk.verify_audit()
        if check.ok:
            self.result_label.setStyleSheet("color: #0b6e4f; font-weight: 600;")
            self.result_label.setText(
                self.tr("The log is intact: %1 records checked.").replace("%1", str(check.records))
            )
        else:
            self.result_label.setStyleSheet("color: #b00020; font-weight: 600;")
            self.result_label.setText(
                self.tr(
                    "The log has been altered: record No. %1 does not match the chain."
                ).replace("%1", str(check.first_bad_id))
            )
