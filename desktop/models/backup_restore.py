"""Restoring a backup: everything is checked before the current database is touched.

1. *authorize* — the owner's PIN (a staff PIN or a wrong one is refused and written to the
   audit log of the current database). When the current database is too damaged to read, the
   PIN is checked against the owners in the backup instead.
2. *prepare* — the backup is read and checked against its checksum (decrypted, every chunk
   authenticated, when encrypted) into a new file beside the database; ``integrity_check``
   runs on it; a backup from a newer version is refused; an older one is brought up to this
   version's schema; then it is *marked as restored* (below). The counter keeps working all
   this time.
3. *swap* — a small journal (``<db>.restore.json``) is written, the current database (with
   its ``-wal``/``-shm``) is renamed to ``<db>.before-restore-<time>`` and the prepared file
   renamed into place. The database must be closed for this; the app does it while
   restarting, :func:`apply_pending_restore` at every start finishes a swap a crash
   interrupted. The set-aside database is never deleted by the app.

The restored database is marked for the sync side: settings ``restored_from_backup_at`` (UTC
ISO time) and ``restored_from_backup`` (file, when it was made, checksum), every ``sync.*``
setting (where the device credential and sync state live) deleted, and
``sync.reenrol_required`` set to true. Its events may repeat ``device_seq`` numbers the server
has already seen from this device, so it must register as a new device before pushing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from desktop.models import audit, shop, staff
from desktop.models.backup_catalog import BackupInfo, inspect_backup
from desktop.models.backup_file import extract_database, sync_folder
from desktop.models.backups import Progress, check_copy
from desktop.models.clock import utc_now
from desktop.models.db import open_database
from desktop.models.errors import DatabaseOpenError, DomainError
from desktop.models.migrate import check_schema, head_revision, known_revisions
from desktop.models.service import Desk
from desktop.models.tables import Setting

RESTORED_AT = "restored_from_backup_at"
RESTORED_FROM = "restored_from_backup"
SYNC_PREFIX = "sync."
REENROL_REQUIRED = "sync.reenrol_required"
SIDE_FILES = ("-wal", "-shm", "-journal")


def _go_on(_phase: str, _done: int, _total: int) -> bool:
    return True


@dataclass(frozen=True)
class PreparedRestore:
    """A checked, marked copy of the backup beside the database, ready to be swapped in."""

    staged: Path
    backup: BackupInfo
    migrated_from: str | None  # the backup's schema revision when it needed an upgrade


@dataclass(frozen=True)
class RestoreOutcome:
    db_path: Path
    kept_aside: Path | None  # the database that was replaced (None: there was none)
    backup_file: str


# -- who may ------------------------------------------------------------------------------------
def _audit_refusal(desk: Desk, *, staff_id: int | None, reason: str) -> None:
    with desk.db.write() as s:
        audit.append_audit(
            s,
            action="backup.restore_refused",
            staff_id=staff_id,
            details={"reason": reason},
            now=desk.now(),
        )


def authorize_restore(desk: Desk, pin: str) -> staff.Actor:
    """The owner whose PIN this is. A wrong PIN (``pin_wrong``) or a staff member's
    (``owner_required``) is refused and written to the audit log."""
    try:
        actor = desk.authenticate(pin)
    except DomainError as exc:
        _audit_refusal(desk, staff_id=None, reason=exc.code)
        raise
    if not actor.is_owner:
        _audit_refusal(desk, staff_id=actor.staff_id, reason="owner_required")
        raise DomainError("owner_required")
    return actor


# -- preparing --------------------------------------------------------------------------------
def check_restorable(info: BackupInfo) -> None:
    """Refuse, before reading the body, a backup that cannot be restored here."""
    if info.problem is not None:
        raise DomainError(info.problem, file=info.name)
    if info.too_new:
        raise DomainError(
            "backup_too_new", file=info.name, schema=info.schema, newest=head_revision()
        )


def _tidy_side_files(path: Path) -> None:
    """After closing a database we opened: fold any WAL back in, drop the side files."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    for suffix in SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _mark_restored(
    desk: Desk, info: BackupInfo, *, checksum: str, by_name: str, now: dt.datetime
) -> None:
    with desk.db.write() as s:
        s.execute(delete(Setting).where(Setting.key.startswith(SYNC_PREFIX, autoescape=True)))
        shop.set_setting(s, RESTORED_AT, now.isoformat(timespec="seconds") + "Z")
        shop.set_setting(
            s,
            RESTORED_FROM,
            {
                "file": info.name,
                "created_at": info.created_at.isoformat() + "Z" if info.created_at else None,
                "sha256": checksum,
            },
        )
        shop.set_setting(s, REENROL_REQUIRED, True)
        audit.append_audit(
            s,
            action="backup.restored",
            staff_id=None,
            details={
                "file": info.name,
                "backup_at": info.created_at,
                "by": by_name,
            },
            now=now,
        )


def prepare_restore(
    backup: Path,
    *,
    db_path: Path,
    passphrase: str | None = None,
    by_name: str = "",
    owner_pin_of_backup: str | None = None,
    now: dt.datetime | None = None,
    progress: Progress = _go_on,
) -> PreparedRestore:
    """Check ``backup`` whole and make the database to swap in (see the module docstring).

    ``owner_pin_of_backup``: the current database cannot be read, so the PIN is checked
    against the backup's own owners. Refusals: ``backup_not_found``, ``not_a_backup``,
    ``backup_damaged``, ``backup_too_new``, ``passphrase_required``, ``passphrase_wrong``,
    ``disk_full`` …; nothing is left behind on any of them."""
    now = now if now is not None else utc_now()
    info = inspect_backup(Path(backup))
    check_restorable(info)
    if info.encrypted and not passphrase:
        raise DomainError("passphrase_required", file=info.name)
    staged = db_path.parent / f".{db_path.name}.restore-{secrets.token_hex(4)}.tmp"
    try:
        header = extract_database(
            info.path,
            staged,
            passphrase=passphrase,
            progress=lambda done, total: progress("extract", done, total),
        )
        verdict = check_copy(staged, progress=progress)
        if verdict != "ok":
            raise DomainError("backup_damaged", file=info.name, reason="integrity")
        state = check_schema(staged)
        if state == "too_new":
            raise DomainError(
                "backup_too_new", file=info.name, schema=info.schema, newest=head_revision()
            )
        if state in ("foreign", "empty"):
            raise DomainError("not_a_backup", file=info.name)
        migrated_from = info.schema if info.schema != known_revisions()[-1] else None
        try:
            restored = open_database(staged, create=False, quick_check=False)
        except DatabaseOpenError as exc:
            raise DomainError("backup_damaged", file=info.name, reason=exc.code) from exc
        try:
            desk = Desk(restored, clock=lambda: now)
            name = by_name
            if owner_pin_of_backup is not None:
                actor = desk.authenticate(owner_pin_of_backup)
                if not actor.is_owner:
                    raise DomainError("owner_required")
                name = actor.name
            _mark_restored(desk, info, checksum=header.checksum, by_name=name, now=now)
        finally:
            restored.close()
        _tidy_side_files(staged)
    except BaseException:
        discard(staged)
        raise
    return PreparedRestore(staged=staged, backup=info, migrated_from=migrated_from)


def discard(staged: Path) -> None:
    """Remove a prepared restore that will not be used."""
    for suffix in ("", *SIDE_FILES):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)


# -- swapping -----------------------------------------------------------------------------------
def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore.json")


def database_in_use(db_path: Path) -> bool:
    """True while any program (this one included) has the database open.

    Every connection to a WAL database holds a shared lock on it, so an exclusive lock is
    only granted when nobody else has it open."""
    if not db_path.exists():
        return False
    try:
        conn = sqlite3.connect(
            f"file:{db_path}?mode=rw", uri=True, timeout=0.2, isolation_level=None
        )
    except sqlite3.Error:
        return False
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        return "locked" in text or "busy" in text
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return False


def stage_restore(
    prepared: PreparedRestore,
    db_path: Path,
    *,
    now: dt.datetime | None = None,
    live: Desk | None = None,
    by: staff.Actor | None = None,
) -> Path:
    """Write the journal that swaps ``prepared`` in at the next :func:`apply_pending_restore`
    (the app's restart). With ``live``, the restore is written to the current database's
    audit log first, so the set-aside copy says who replaced it. Returns the aside path."""
    now = now if now is not None else utc_now()
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    serial = 2
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}-{serial}")
        serial += 1
    if live is not None:
        with live.db.write() as s:
            audit.append_audit(
                s,
                action="backup.restored",
                staff_id=by.staff_id if by else None,
                details={"file": prepared.backup.name, "backup_at": prepared.backup.created_at},
                now=now,
            )
    journal = journal_path(db_path)
    old = _read_journal(journal)
    if old is not None and old.get("staged") != prepared.staged.name:
        discard(db_path.parent / str(old.get("staged")))
    temp = journal.with_name(journal.name + ".tmp")
    data = {
        "staged": prepared.staged.name,
        "aside": aside.name,
        "backup": prepared.backup.name,
        "at": now.isoformat(timespec="seconds") + "Z",
    }
    with open(temp, "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, journal)
    sync_folder(journal.parent)
    return aside


def _read_journal(journal: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def has_pending_restore(db_path: Path) -> bool:
    return journal_path(db_path).exists()


def apply_pending_restore(db_path: Path) -> RestoreOutcome | None:
    """Finish a staged restore, if there is one: set the current database aside and put the
    restored one in its place. Safe to run again after a crash at any point. Refused with
    ``database_in_use`` while any program has the database open."""
    journal = journal_path(db_path)
    data = _read_journal(journal)
    if data is None:
        journal.unlink(missing_ok=True)
        return None
    folder = db_path.parent
    staged = folder / str(data.get("staged"))
    aside = folder / str(data.get("aside"))
    if staged.is_file():
        if db_path.exists():
            if database_in_use(db_path):
                raise DomainError("database_in_use", path=str(db_path))
            for suffix in ("", *SIDE_FILES):
                source = Path(f"{db_path}{suffix}")
                if source.exists():
                    os.replace(source, Path(f"{aside}{suffix}"))
        for suffix in SIDE_FILES:
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(staged, db_path)
        sync_folder(folder)
    journal.unlink(missing_ok=True)
    return RestoreOutcome(
        db_path=db_path,
        kept_aside=aside if aside.exists() else None,
        backup_file=str(data.get("backup")),
    )


def restore_backup(
    backup: Path,
    *,
    db_path: Path,
    passphrase: str | None = None,
    live: Desk | None = None,
    by: staff.Actor | None = None,
    owner_pin_of_backup: str | None = None,
    progress: Progress = _go_on,
    now: dt.datetime | None = None,
    before_swap: Callable[[], None] | None = None,
) -> tuple[PreparedRestore, RestoreOutcome]:
    """Prepare, stage and swap in one go (the command line). ``live`` (the current database,
    authorized ``by`` its owner) must be closed by ``before_swap``."""
    now = now if now is not None else utc_now()
    prepared = prepare_restore(
        backup,
        db_path=db_path,
        passphrase=passphrase,
        by_name=by.name if by else "",
        owner_pin_of_backup=owner_pin_of_backup,
        now=now,
        progress=progress,
    )
    try:
        stage_restore(prepared, db_path, now=now, live=live, by=by)
        if before_swap is not None:
            before_swap()
        outcome = apply_pending_restore(db_path)
    except BaseException:
        if prepared.staged.exists():
            journal_path(db_path).unlink(missing_ok=True)
            discard(prepared.staged)
        raise
    assert outcome is not None
    return prepared, outcome
