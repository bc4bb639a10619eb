"""``merchant-desk backup`` and ``merchant-desk restore``: the shop database's backups from a
terminal (support sessions, scheduled tasks, moving to a new PC).

    merchant-desk backup --db PATH [--to DIR] [--passphrase-file FILE]
    merchant-desk restore --db PATH BACKUP_FILE [--passphrase-file FILE] [--owner-pin PIN]

``backup`` writes a checked backup file to ``--to`` (default: the folder chosen in the app's
settings, else ``backups/`` beside the database), encrypted when encryption is on in the app
or when a passphrase is given, and applies the 7 daily / 4 weekly / 12 monthly rotation there.
It works while the app is running.

``restore`` needs the owner's PIN (``--owner-pin`` or ``MERCHANT_DESK_OWNER_PIN``); a wrong
one or a staff member's is refused and written to the audit log. When the database is too
damaged to open, the PIN is checked against the owners in the backup. The app must be closed.
The current database is kept as ``<db>.before-restore-<time>``. An encrypted backup's
passphrase comes from ``--passphrase-file`` (its first line) or
``MERCHANT_DESK_BACKUP_PASSPHRASE``.

Each prints one JSON document; a refusal is ``{"ok": false, "error": code, "message": …}``
with exit status 1.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models.backups import BackupResult

ENV_PASSPHRASE = "MERCHANT_DESK_BACKUP_PASSPHRASE"
ENV_OWNER_PIN = "MERCHANT_DESK_OWNER_PIN"

MESSAGES = {
    "folder_missing": "the backup folder does not exist (is the USB stick plugged in?): {folder}",
    "folder_read_only": "the backup folder cannot be written: {folder}",
    "disk_full": "the disk is full: {folder}",
    "write_failed": "writing the backup failed: {detail}",
    "database_damaged": "the shop database failed its integrity check; nothing was backed up"
    " and the earlier backups were kept: {detail}",
    "database_missing": "database file not found: {path}",
    "snapshot_failed": "the database could not be copied: {detail}",
    "backup_running": "another backup is running",
    "backup_not_found": "backup file not found: {file}",
    "not_a_backup": "not a Merchant Desk backup file: {file}",
    "backup_damaged": "the backup file is damaged or was changed ({reason}); it cannot be"
    " restored: {file}",
    "backup_unreadable": "the backup file cannot be read: {detail}",
    "backup_format_too_new": "the backup file was written by a newer Merchant Desk: {file}",
    "backup_too_new": "the backup was made by a newer version of Merchant Desk (schema"
    " {schema}; this version knows up to {newest}); install that version to restore it",
    "passphrase_required": "the backup is encrypted: give --passphrase-file or set "
    + ENV_PASSPHRASE,
    "passphrase_wrong": "the passphrase is wrong for this backup",
    "passphrase_too_short": "the passphrase must be at least {min} characters",
    "database_in_use": "the database is open in Merchant Desk or another program; close it"
    " first: {path}",
    "owner_required": "only the owner can restore a backup (a staff PIN was given)",
    "pin_wrong": "the owner PIN is wrong",
    "not_set_up": "the shop in this database has not been set up yet",
}


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="shop database file (default: the app's data folder)",
    )


def register(subparsers: Any) -> None:
    """Add the ``backup`` and ``restore`` commands to the ``merchant-desk`` parser."""
    backup = subparsers.add_parser("backup", help="back up the shop database (checked file)")
    _db_option(backup)
    backup.add_argument("--to", type=Path, help="backup folder (default: the app's setting)")
    backup.add_argument(
        "--passphrase-file", type=Path, help="encrypt with the passphrase in this file"
    )
    backup.set_defaults(handler=run_backup_command)

    restore = subparsers.add_parser("restore", help="restore the shop database from a backup")
    _db_option(restore)
    restore.add_argument("backup_file", type=Path, help="the .mdbk backup file")
    restore.add_argument("--passphrase-file", type=Path, help="file holding the passphrase")
    restore.add_argument("--owner-pin", help=f"the owner's PIN (or set {ENV_OWNER_PIN})")
    restore.set_defaults(handler=run_restore_command)


def _message(code: str, params: dict[str, Any]) -> str:
    template = MESSAGES.get(code, code)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _refusal(code: str, params: dict[str, Any], **shape: Any) -> tuple[int, dict[str, Any]]:
    from desktop.cli import EXIT_REFUSED

    return EXIT_REFUSED, {"ok": False, **shape, "error": code, "message": _message(code, params)}


def _passphrase(args: argparse.Namespace) -> str | None:
    from desktop.cli import UsageError

    if args.passphrase_file is not None:
        try:
            text = args.passphrase_file.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise UsageError(f"merchant-desk: cannot read --passphrase-file: {exc}") from None
        lines = text.splitlines()
        return lines[0] if lines else ""
    return os.environ.get(ENV_PASSPHRASE) or None


def _db_path(args: argparse.Namespace) -> Path:
    from desktop import config

    return Path(args.db) if getattr(args, "db", None) is not None else config.default_db_path()


def backup_json(result: BackupResult) -> dict[str, Any]:
    return {
        "ok": True,
        "file": str(result.path),
        "bytes": result.bytes,
        "database_bytes": result.database_bytes,
        "sha256": result.sha256,
        "encrypted": result.encrypted,
        "verified": True,
        "created_at": result.created_at.isoformat(timespec="seconds") + "Z",
        "counts": result.counts,
        "removed": list(result.removed),
        "seconds": round(result.seconds, 2),
        "error": None,
    }


def run_backup_command(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, _open_desk
    from desktop.models import backups
    from desktop.models.backup_crypto import create_key
    from desktop.models.errors import DomainError

    shape = {"file": None}
    passphrase = _passphrase(args)
    db, desk = _open_desk(args)
    try:
        key = create_key(passphrase) if passphrase is not None else None
        result = backups.back_up_now(desk, folder=args.to, key=key)
    except DomainError as exc:
        return _refusal(exc.code, exc.params, **shape)
    finally:
        db.close()
    return EXIT_OK, backup_json(result)


def run_restore_command(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, UsageError
    from desktop.models import backup_restore
    from desktop.models.errors import DomainError

    shape: dict[str, Any] = {"restored_from": None, "kept_aside": None}
    pin = args.owner_pin or os.environ.get(ENV_OWNER_PIN)
    if not pin:
        raise UsageError(f"merchant-desk restore: give --owner-pin or set {ENV_OWNER_PIN}")
    passphrase = _passphrase(args)
    path = _db_path(args)
    try:
        if backup_restore.database_in_use(path):
            raise DomainError("database_in_use", path=str(path))
        prepared, outcome = _restore(path, args.backup_file, pin=pin, passphrase=passphrase)
    except DomainError as exc:
        return _refusal(exc.code, exc.params, **shape)
    info = prepared.backup
    return EXIT_OK, {
        "ok": True,
        "db": str(outcome.db_path),
        "restored_from": str(info.path),
        "backup_created_at": info.created_at.isoformat() + "Z" if info.created_at else None,
        "shop": info.shop,
        "counts": info.counts,
        "schema": info.schema,
        "migrated_from": prepared.migrated_from,
        "encrypted": info.encrypted,
        "kept_aside": str(outcome.kept_aside) if outcome.kept_aside else None,
        "error": None,
    }


def _restore(path: Path, backup: Path, *, pin: str, passphrase: str | None) -> tuple[Any, Any]:
    """Authorize against the current database when it opens, else against the backup."""
    from desktop.models import backup_restore
    from desktop.models.db import open_database
    from desktop.models.errors import DatabaseOpenError, DomainError
    from desktop.models.service import Desk

    try:
        db = open_database(path, create=False) if path.exists() else None
    except DatabaseOpenError as exc:
        if exc.code == "locked":
            raise DomainError("database_in_use", path=str(path)) from exc
        db = None  # damaged, foreign or from a newer version: the backup's owner decides
    if db is None:
        return backup_restore.restore_backup(
            backup, db_path=path, passphrase=passphrase, owner_pin_of_backup=pin
        )
    closed = [False]

    def close() -> None:
        if not closed[0]:
            closed[0] = True
            db.close()

    try:
        desk = Desk(db)
        if not desk.is_set_up():
            close()
            return backup_restore.restore_backup(
                backup, db_path=path, passphrase=passphrase, owner_pin_of_backup=pin
            )
        by = backup_restore.authorize_restore(desk, pin)
        return backup_restore.restore_backup(
            backup, db_path=path, passphrase=passphrase, live=desk, by=by, before_swap=close
        )
    finally:
        close()
