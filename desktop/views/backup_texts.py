"""Words for backups and restores: refusal codes, progress steps, sizes, dates, counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.models.errors import DomainError
from desktop.views.textfill import fill


def _t(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def backup_error_text(error: DomainError | str, params: Mapping[str, Any] | None = None) -> str:
    """The sentence for a backup or restore refusal (a ``DomainError`` or its code)."""
    if isinstance(error, DomainError):
        code, p = error.code, dict(error.params)
    else:
        code, p = error, dict(params or {})
    texts = {
        "folder_missing": _t(
            "The backup folder is not there: %1. Is the USB stick or disk plugged in?"
        ),
        "folder_read_only": _t("Merchant Desk may not write to the backup folder: %1."),
        "disk_full": _t("The disk is full: %1. Make room or choose another folder."),
        "write_failed": _t("Writing the backup failed: %1"),
        "database_damaged": _t(
            "The shop database failed its check, so no backup was made and the earlier "
            "backups were kept. Restore the latest good backup or ask for help."
        ),
        "database_missing": _t("The shop database file was not found."),
        "snapshot_failed": _t("The shop database could not be copied: %1"),
        "backup_running": _t("A backup is already running. Try again in a moment."),
        "backup_not_found": _t("The backup file is not there any more."),
        "not_a_backup": _t("This is not a Merchant Desk backup file."),
        "backup_damaged": _t(
            "This backup file is damaged or has been changed. It cannot be restored; "
            "choose an earlier one."
        ),
        "backup_unreadable": _t("The backup file cannot be read: %1"),
        "backup_format_too_new": _t(
            "This backup file was written by a newer Merchant Desk. Install that version."
        ),
        "backup_too_new": _t(
            "This backup was made by a newer version of Merchant Desk (database version "
            "%1; this version knows up to %2). Install the newer version to restore it."
        ),
        "passphrase_required": _t("This backup is encrypted: enter its passphrase."),
        "passphrase_wrong": _t("The passphrase is wrong for this backup."),
        "passphrase_too_short": _t("The passphrase must be at least %1 characters long."),
        "passphrases_differ": _t("The two passphrases are not the same."),
        "database_in_use": _t("The shop database is still in use. Close other programs."),
        "owner_required": _t("Only the owner can do this. The attempt was recorded."),
        "pin_wrong": _t("Wrong PIN. The attempt was recorded."),
    }
    text = texts.get(code)
    if text is None:
        return _t("Something went wrong (%1).").replace("%1", code)
    values = {
        "folder_missing": [p.get("folder", "")],
        "folder_read_only": [p.get("folder", "")],
        "disk_full": [p.get("folder", "")],
        "write_failed": [p.get("detail", "")],
        "snapshot_failed": [p.get("detail", "")],
        "backup_unreadable": [p.get("detail", "")],
        "backup_too_new": [p.get("schema", "?"), p.get("newest", "?")],
        "passphrase_too_short": [p.get("min", 8)],
    }.get(code, [])
    return fill(text, *values)


def phase_text(phase: str) -> str:
    return {
        "snapshot": _t("Copying the database…"),
        "check": _t("Checking the copy…"),
        "write": _t("Writing the backup file…"),
        "verify": _t("Reading the backup back to check it…"),
        "extract": _t("Reading and checking the backup…"),
        "find": _t("Looking for the latest good backup…"),
    }.get(phase, _t("Working…"))


def size_text(size: int) -> str:
    if size >= 1024**3:
        return _t("%1 GB").replace("%1", f"{size / 1024**3:.1f}")
    if size >= 1024**2:
        return _t("%1 MB").replace("%1", f"{size / 1024**2:.1f}")
    return _t("%1 KB").replace("%1", f"{max(1, size // 1024)}")


def when_text(at: dt.datetime | None) -> str:
    """A shop wall-clock time, to the minute."""
    return at.strftime("%Y-%m-%d %H:%M") if at else "—"


def counts_text(counts: Mapping[str, int]) -> str:
    """“1,234 members · 5,678 sales · …” for the counts a backup holds."""
    names = [
        ("member", _t("%1 members")),
        ("sale", _t("%1 sales")),
        ("checkin", _t("%1 check-ins")),
        ("coupon", _t("%1 coupons")),
        ("points_entry", _t("%1 points entries")),
        ("staff", _t("%1 staff")),
    ]
    parts = [text.replace("%1", f"{counts[key]:,}") for key, text in names if key in counts]
    return " · ".join(parts) if parts else "—"
