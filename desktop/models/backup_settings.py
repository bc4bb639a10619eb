"""Backup settings: the folder, encryption, and what the last backups did.

Kept in the shop database: ``backup.folder`` (the folder the owner chose; unset means
``backups/`` beside the database, on the same disk), ``backup.encryption`` (the public key and
the passphrase-wrapped private key, see ``backup_crypto``), ``backup.last`` (the last attempt
and its result), ``backup.last_ok`` (the last success) and ``backup.history`` (recent backups
with their checksums). Beside the database, ``<db>.backup.json`` names the folder too, so
backups can be found when the database itself is too damaged to read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.models import audit, shop, staff
from desktop.models.backup_crypto import BackupKey, TamperedError, create_key
from desktop.models.clock import parse_utc
from desktop.models.errors import DomainError
from desktop.models.service import Desk

KEY_FOLDER = "backup.folder"
KEY_ENCRYPTION = "backup.encryption"
KEY_LAST = "backup.last"
KEY_LAST_OK = "backup.last_ok"
KEY_HISTORY = "backup.history"
DUE_AFTER = dt.timedelta(days=1)
HISTORY_LIMIT = 60


@dataclass(frozen=True)
class LastBackup:
    """The last attempt: when, whether it worked, and the file or the refusal code."""

    at: dt.datetime
    ok: bool
    file: str | None = None
    bytes: int = 0
    seconds: float = 0.0
    verified: bool = False
    error: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class BackupConfig:
    folder: Path
    chosen: bool  # False: the default folder beside the database (same disk)
    key: BackupKey | None
    last: LastBackup | None
    last_ok_at: dt.datetime | None
    same_disk: bool

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def key_id(self) -> str | None:
        return self.key.key_id if self.key is not None else None


def default_folder(db_path: Path) -> Path:
    """``backups/`` beside the database (the app's data folder for the default database)."""
    return db_path.parent / "backups"


def hint_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backup.json")


def write_hint(db_path: Path, folder: Path) -> None:
    try:
        hint_path(db_path).write_text(
            json.dumps({"folder": str(folder)}, ensure_ascii=False), encoding="utf-8"
        )
    except OSError:
        pass  # only a hint for the damaged-database case; the setting is the truth


def backup_folders_for(db_path: Path) -> list[Path]:
    """Where this database's backups may be, without reading the database (it may be
    damaged): the folder named beside it, then the default folder."""
    folders: list[Path] = []
    try:
        data = json.loads(hint_path(db_path).read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("folder"), str):
            folders.append(Path(data["folder"]))
    except (OSError, ValueError):
        pass
    folders.append(default_folder(db_path))
    unique: list[Path] = []
    for folder in folders:
        if folder not in unique:
            unique.append(folder)
    return unique


parse_time = parse_utc  # the name the backup catalogue uses


def _last_from(data: Any) -> LastBackup | None:
    if not isinstance(data, dict):
        return None
    at = parse_time(data.get("at"))
    if at is None:
        return None
    return LastBackup(
        at=at,
        ok=bool(data.get("ok")),
        file=data.get("file"),
        bytes=int(data.get("bytes") or 0),
        seconds=float(data.get("seconds") or 0.0),
        verified=bool(data.get("verified")),
        error=data.get("error"),
        params=dict(data.get("params") or {}),
    )


def _same_disk(a: Path, b: Path) -> bool:
    try:
        return os.stat(a).st_dev == os.stat(b).st_dev
    except OSError:
        return False


def backup_config(desk: Desk) -> BackupConfig:
    db_path = desk.db.path
    chosen_text = desk.setting(KEY_FOLDER)
    folder = Path(chosen_text) if chosen_text else default_folder(db_path)
    key_data = desk.setting(KEY_ENCRYPTION)
    key = None
    if key_data:
        try:
            key = BackupKey.from_json(key_data)
        except TamperedError:
            key = None
    last_ok = desk.setting(KEY_LAST_OK) or {}
    return BackupConfig(
        folder=folder,
        chosen=bool(chosen_text),
        key=key,
        last=_last_from(desk.setting(KEY_LAST)),
        last_ok_at=parse_time(last_ok.get("at")) if isinstance(last_ok, dict) else None,
        same_disk=_same_disk(folder if folder.exists() else folder.parent, db_path.parent),
    )


def check_folder(folder: Path) -> None:
    """``folder_missing`` / ``folder_read_only`` before any work starts."""
    if not folder.is_dir():
        raise DomainError("folder_missing", folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DomainError("folder_read_only", folder=str(folder))


def set_backup_folder(desk: Desk, folder: Path, *, by: staff.Actor) -> BackupConfig:
    """The owner's choice of backup folder (a second disk, a USB stick). Audited."""
    desk.require_owner(by, action="backup.folder")
    folder = Path(folder).expanduser().resolve()
    check_folder(folder)
    desk.set_setting(KEY_FOLDER, str(folder), by=by)
    write_hint(desk.db.path, folder)
    return backup_config(desk)


def set_encryption(desk: Desk, passphrase: str | None, *, by: staff.Actor) -> BackupConfig:
    """Turn encryption on with a new passphrase (a new key: older backups keep needing the
    passphrase they were made with), or off with ``None``. Owner only, audited. Slow on
    purpose (scrypt, about half a second)."""
    desk.require_owner(by, action="backup.encryption")
    key = create_key(passphrase) if passphrase is not None else None
    with desk.db.write() as s:
        shop.set_setting(s, KEY_ENCRYPTION, key.to_json() if key else None)
        audit.append_audit(
            s,
            action="backup.encryption_on" if key else "backup.encryption_off",
            staff_id=by.staff_id,
            details={"key_id": key.key_id} if key else {},
            now=desk.now(),
        )
    return backup_config(desk)


def backup_due(desk: Desk) -> bool:
    """True when no backup has succeeded in the last day."""
    last_ok_at = backup_config(desk).last_ok_at
    return last_ok_at is None or desk.now() - last_ok_at >= DUE_AFTER


def record_failure(desk: Desk, *, at: dt.datetime, error: DomainError) -> None:
    """Remember a failed attempt (the settings page and the app show it)."""
    params = {
        k: v if isinstance(v, str | int | float | bool) or v is None else str(v)
        for k, v in error.params.items()
    }
    last = {"at": at.isoformat(timespec="seconds"), "ok": False, "error": error.code}
    with desk.db.write() as s:
        shop.set_setting(s, KEY_LAST, {**last, "params": params})


def record_success(
    desk: Desk,
    *,
    at: dt.datetime,
    file: str,
    size: int,
    seconds: float,
    sha256: str,
    encrypted: bool,
) -> None:
    """Remember a backup that was written and verified, with its checksum."""
    when = at.isoformat(timespec="seconds")
    last = {"at": when, "ok": True, "file": file, "bytes": size, "seconds": round(seconds, 2)}
    entry = {"file": file, "sha256": sha256, "bytes": size, "at": when, "encrypted": encrypted}
    with desk.db.write() as s:
        shop.set_setting(s, KEY_LAST, {**last, "verified": True})
        shop.set_setting(s, KEY_LAST_OK, {"at": when, "file": file})
        history = [h for h in shop.get_setting(s, KEY_HISTORY) or [] if isinstance(h, dict)]
        shop.set_setting(s, KEY_HISTORY, [*history[-(HISTORY_LIMIT - 1) :], entry])


def recorded_checksums(desk: Desk) -> dict[str, str]:
    history = desk.setting(KEY_HISTORY) or []
    return {
        str(h["file"]): str(h["sha256"])
        for h in history
        if isinstance(h, dict) and "file" in h and "sha256" in h
    }
