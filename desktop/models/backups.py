"""Taking a backup of the shop database, checking it, keeping the right ones.

A backup is made in four steps, none of which blocks the counter:

1. *snapshot* — SQLite's online backup API copies the live database, in steps, into a
   staging file beside it, inside one read transaction (WAL: sales keep being written
   meanwhile; the copy is the database as it was when the backup started);
2. *check* — ``PRAGMA integrity_check`` on the copy, and the counts shown at restore time;
3. *write* — the copy becomes a backup file (``backup_file``), encrypted when the owner turned
   encryption on (``backup_crypto``), under a temporary name in the backup folder; the file is
   synced, read back and compared with its checksum, and only then renamed;
4. *rotate* — 7 daily, 4 weekly and 12 monthly backups are kept (``backup_rotation``).

Settings are in ``backup_settings``, listing a folder in ``backup_catalog``, restoring in
``backup_restore``. Every function here is safe off the GUI thread; long ones take
``progress(phase, done, total)``, which may return False to stop (``Cancelled``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.models import backup_settings as settings
from desktop.models.backup_crypto import BackupKey, ChunkSealer
from desktop.models.backup_file import (
    NAME_PATTERN,
    PARTIAL_SUFFIX,
    SUFFIX,
    Cancelled,
    sync_folder,
    verify_file,
    write_backup_file,
    write_error,
)
from desktop.models.backup_rotation import plan_rotation
from desktop.models.clock import DEFAULT_TZ, local_time
from desktop.models.errors import DomainError
from desktop.models.service import Desk

__all__ = [
    "BackupResult",
    "Cancelled",
    "Progress",
    "back_up_now",
    "run_backup",
]

STALE_PARTIAL_S = 3600.0
STEP_PAGES = 4096
COUNTED_TABLES = (
    "member",
    "sale",
    "refund",
    "checkin",
    "points_entry",
    "coupon",
    "campaign",
    "staff",
)

# progress(phase, done, total) -> False to stop. Phases: snapshot (pages), check (0, 0: no
# measure), write and verify (bytes). Called from the thread doing the work.
Progress = Callable[[str, int, int], bool]

_running = threading.Lock()


def _go_on(_phase: str, _done: int, _total: int) -> bool:
    return True


# -- configuration ----------------------------------------------------------------------------


# -- taking a backup --------------------------------------------------------------------------
@dataclass(frozen=True)
class SnapshotFacts:
    schema: str | None
    shop: str
    device_id: str | None
    counts: dict[str, int]
    last_sale_at: str | None
    page_size: int


@dataclass(frozen=True)
class BackupResult:
    path: Path
    created_at: dt.datetime
    bytes: int
    database_bytes: int
    sha256: str
    encrypted: bool
    counts: dict[str, int]
    removed: tuple[str, ...]
    seconds: float
    timings: dict[str, float]


def device_tag(device_id: str | None) -> str:
    """Eight hex digits naming the counter in file names, so two counters can share a folder
    and rotation only ever deletes this counter's own backups."""
    return hashlib.sha256((device_id or "").encode("utf-8")).hexdigest()[:8]


def _connect_source(db_path: Path) -> sqlite3.Connection:
    if not db_path.is_file():
        raise DomainError("database_missing", path=str(db_path))
    conn = sqlite3.connect(
        f"file:{db_path}?mode=rw",
        uri=True,
        timeout=5.0,
        isolation_level=None,
        check_same_thread=False,
    )
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _sqlite_error(exc: sqlite3.Error, *, staging: Path) -> DomainError:
    text = str(exc).lower()
    if "full" in text:
        return DomainError("disk_full", folder=str(staging))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DomainError("database_damaged", detail=str(exc))
    return DomainError("snapshot_failed", detail=str(exc))


def take_snapshot(db_path: Path, staged: Path, *, progress: Progress = _go_on) -> None:
    """Copy the live database into ``staged`` with the online backup API, in steps, inside
    one read transaction (so a sale written meanwhile neither waits nor restarts the copy)."""
    source = _connect_source(db_path)
    target = sqlite3.connect(staged, isolation_level=None, check_same_thread=False)
    try:
        target.execute("PRAGMA journal_mode = OFF")
        target.execute("PRAGMA synchronous = OFF")
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()

        def step(_status: int, remaining: int, total: int) -> None:
            if not progress("snapshot", total - remaining, total):
                raise Cancelled

        source.backup(target, pages=STEP_PAGES, progress=step)
        source.execute("COMMIT")
        # A rollback-journal file: opens anywhere (read-only media too) with no -wal/-shm.
        target.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        raise _sqlite_error(exc, staging=staged.parent) from exc
    finally:
        source.close()
        target.close()
    with open(staged, "rb+") as f:
        os.fsync(f.fileno())


def _open_copy(path: Path) -> sqlite3.Connection:
    # immutable: a private copy nobody else writes, so no locks and no side files.
    return sqlite3.connect(f"file:{path}?immutable=1", uri=True, check_same_thread=False)


def check_copy(path: Path, *, progress: Progress = _go_on) -> str:
    """``PRAGMA integrity_check`` of a database copy: ``"ok"`` or the first problem found."""
    conn = _open_copy(path)

    def tick() -> int:
        return 0 if progress("check", 0, 0) else 1

    conn.set_progress_handler(tick, 200_000)
    try:
        row = conn.execute("PRAGMA integrity_check(1)").fetchone()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            raise Cancelled from None
        return str(exc)
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()
    return "ok" if row is not None and row[0] == "ok" else str(row[0] if row else "no answer")


def read_facts(path: Path) -> SnapshotFacts:
    """Schema revision, shop, counter and row counts of a (checked) database copy."""
    conn = _open_copy(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

        def one(sql: str, table: str) -> Any:
            if table not in tables:
                return None
            row = conn.execute(sql).fetchone()
            return row[0] if row else None

        counts = {
            t: int(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in COUNTED_TABLES
            if t in tables
        }
        last_sale = one("SELECT created_at FROM sale ORDER BY id DESC LIMIT 1", "sale")
        return SnapshotFacts(
            schema=one("SELECT version_num FROM alembic_version", "alembic_version"),
            shop=one("SELECT name FROM shop ORDER BY id LIMIT 1", "shop") or "",
            device_id=one("SELECT id FROM device ORDER BY created_at LIMIT 1", "device"),
            counts=counts,
            last_sale_at=str(last_sale) if last_sale is not None else None,
            page_size=int(conn.execute("PRAGMA page_size").fetchone()[0]),
        )
    finally:
        conn.close()


def _final_name(folder: Path, at_local: dt.datetime, tag: str) -> str:
    stamp = at_local.strftime("%Y%m%d-%H%M%S")
    name = f"merchant-desk-{stamp}-{tag}{SUFFIX}"
    serial = 2
    while (folder / name).exists():
        name = f"merchant-desk-{stamp}-{serial}-{tag}{SUFFIX}"
        serial += 1
    return name


def _remove_stale(folder: Path, pattern: str, *, now: float) -> None:
    """Leftovers of a backup that was killed half way (power cut): never listed, removed
    once nobody can still be writing them."""
    for path in folder.glob(pattern):
        try:
            if now - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()
        except OSError:
            pass


@contextlib.contextmanager
def _one_at_a_time() -> Iterator[None]:
    if not _running.acquire(blocking=False):
        raise DomainError("backup_running")
    try:
        yield
    finally:
        _running.release()


def run_backup(
    db_path: Path,
    *,
    folder: Path,
    now: dt.datetime,
    tz: str = DEFAULT_TZ,
    key: BackupKey | None = None,
    progress: Progress = _go_on,
    staging_dir: Path | None = None,
    rotate: bool = True,
) -> BackupResult:
    """Back up the database at ``db_path`` into ``folder``; see the module docstring.

    Refusals: ``folder_missing``, ``folder_read_only``, ``disk_full``, ``write_failed``,
    ``database_damaged`` (the live database fails its check: no backup is written, and the
    earlier backups are left alone), ``backup_running``. ``Cancelled`` when ``progress``
    says stop. Whatever happens, no partial file is left under a backup's name."""
    started = time.perf_counter()
    folder = Path(folder)
    settings.check_folder(folder)
    staging_dir = staging_dir if staging_dir is not None else db_path.parent
    token = f"{os.getpid()}-{secrets.token_hex(4)}"
    staged = staging_dir / f".{db_path.name}.backup-{token}.tmp"
    partial: Path | None = None
    timings: dict[str, float] = {}
    with _one_at_a_time():
        _remove_stale(folder, f".merchant-desk-*{PARTIAL_SUFFIX}", now=time.time())
        _remove_stale(staging_dir, f".{db_path.name}.backup-*.tmp", now=time.time())
        try:
            mark = time.perf_counter()
            take_snapshot(db_path, staged, progress=progress)
            timings["snapshot_s"] = time.perf_counter() - mark
            mark = time.perf_counter()
            verdict = check_copy(staged, progress=progress)
            timings["check_s"] = time.perf_counter() - mark
            if verdict != "ok":
                raise DomainError("database_damaged", detail=verdict)
            facts = read_facts(staged)
            tag = device_tag(facts.device_id)
            name = _final_name(folder, local_time(now, tz), tag)
            partial = folder / f".{name}.{token}{PARTIAL_SUFFIX}"
            database_bytes = staged.stat().st_size
            header: dict[str, Any] = {
                "app": "merchant-desk",
                "created_at": now.isoformat(timespec="seconds") + "Z",
                "local_time": local_time(now, tz).isoformat(timespec="seconds"),
                "timezone": tz,
                "schema": facts.schema,
                "shop": facts.shop,
                "device_tag": tag,
                "counts": facts.counts,
                "last_sale_at": facts.last_sale_at,
                "database_bytes": database_bytes,
                "page_size": facts.page_size,
                "integrity_check": verdict,
            }
            sealer = ChunkSealer(key) if key is not None else None
            mark = time.perf_counter()
            try:
                checksum = write_backup_file(
                    staged,
                    partial,
                    header,
                    sealer=sealer,
                    progress=lambda done, total: progress("write", done, total),
                )
            except OSError as exc:
                raise write_error(exc, folder) from exc
            timings["write_s"] = time.perf_counter() - mark
            mark = time.perf_counter()
            written = verify_file(partial, progress=lambda d, t: progress("verify", d, t))
            timings["verify_s"] = time.perf_counter() - mark
            if written.checksum != checksum:
                raise DomainError("backup_damaged", file=partial.name, reason="read_back")
            final = folder / name
            try:
                os.replace(partial, final)
            except OSError as exc:
                raise write_error(exc, folder) from exc
            partial = None
            sync_folder(folder)
        finally:
            staged.unlink(missing_ok=True)
            if partial is not None:
                partial.unlink(missing_ok=True)
        removed = rotate_backups(folder, tag=tag, protect=name) if rotate else ()
    return BackupResult(
        path=final,
        created_at=now,
        bytes=final.stat().st_size,
        database_bytes=database_bytes,
        sha256=checksum,
        encrypted=key is not None,
        counts=facts.counts,
        removed=removed,
        seconds=time.perf_counter() - started,
        timings={k: round(v, 3) for k, v in timings.items()},
    )


def rotate_backups(folder: Path, *, tag: str, protect: str = "") -> tuple[str, ...]:
    """Delete this counter's backups that the 7/4/12 rule does not keep; return their names.
    Files that are not this counter's backups are never touched, nor ``protect`` (the one
    just written, even when the PC's clock was set back)."""
    stamped: list[tuple[str, dt.datetime]] = []
    for path in folder.glob(f"merchant-desk-*{SUFFIX}"):
        match = NAME_PATTERN.match(path.name)
        if match is None or match.group(4) != tag:
            continue
        try:
            at = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        except ValueError:
            continue
        serial = int(match.group(3) or 1)
        stamped.append((path.name, at + dt.timedelta(microseconds=serial)))
    plan = plan_rotation(stamped)
    removed: list[str] = []
    for name in plan.remove:
        if name == protect:
            continue
        try:
            (folder / name).unlink()
            removed.append(name)
        except OSError:
            pass
    return tuple(removed)


def back_up_now(
    desk: Desk,
    *,
    progress: Progress = _go_on,
    folder: Path | None = None,
    key: BackupKey | None = None,
) -> BackupResult:
    """Back up the desk's database to the chosen folder (or ``folder``), encrypted as chosen
    (or with ``key``), and record the outcome in the settings (also when it fails)."""
    config = settings.backup_config(desk)
    target = Path(folder) if folder is not None else config.folder
    if folder is None and not config.chosen:
        target.mkdir(parents=True, exist_ok=True)
    now = desk.now()
    try:
        result = run_backup(
            desk.db.path,
            folder=target,
            now=now,
            tz=desk.shop_profile().timezone if desk.is_set_up() else DEFAULT_TZ,
            key=key if key is not None else config.key,
            progress=progress,
        )
    except DomainError as exc:
        if exc.code != "backup_running":
            settings.record_failure(desk, at=now, error=exc)
        raise
    settings.record_success(
        desk,
        at=now,
        file=result.path.name,
        size=result.bytes,
        seconds=result.seconds,
        sha256=result.sha256,
        encrypted=result.encrypted,
    )
    if folder is None:
        settings.write_hint(desk.db.path, target)
    return result
