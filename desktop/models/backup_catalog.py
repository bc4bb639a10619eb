"""What is in a backup folder: each backup file as its header describes it.

Only headers are read to list a folder (the body is not, and nothing is decrypted), so a
folder of multi-GB backups lists at once. ``latest_good_backup`` reads whole files to find the
newest one that matches its checksum.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.models.backup_crypto import key_id_of
from desktop.models.backup_file import SUFFIX, BackupHeader, read_header, verify_file
from desktop.models.backup_settings import parse_time
from desktop.models.clock import DEFAULT_TZ, local_time
from desktop.models.errors import DomainError
from desktop.models.migrate import known_revisions


@dataclass(frozen=True)
class BackupInfo:
    """A backup file as its header describes it (nothing decrypted, body not read)."""

    path: Path
    bytes: int
    created_at: dt.datetime | None  # UTC
    local_time: dt.datetime | None  # the shop's wall clock when it was made
    encrypted: bool
    key_id: str | None
    schema: str | None
    shop: str
    counts: dict[str, int]
    last_sale_at: dt.datetime | None  # the shop's wall clock of the newest sale in it
    problem: str | None = None  # a refusal code when the file cannot be used
    verified: bool = False  # its checksum matches the one recorded when it was written

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def too_new(self) -> bool:
        return self.schema is not None and self.schema not in known_revisions()

    @property
    def usable(self) -> bool:
        return self.problem is None and not self.too_new


def _local(at_utc: dt.datetime | None, tz: object) -> dt.datetime | None:
    if at_utc is None:
        return None
    try:
        return local_time(at_utc, tz if isinstance(tz, str) else DEFAULT_TZ)
    except (KeyError, ValueError):  # an unknown time zone name
        return at_utc


def _info_from(path: Path, header: BackupHeader, recorded: Mapping[str, str]) -> BackupInfo:
    fields = header.fields
    encryption = fields.get("encryption")
    key_id = None
    if isinstance(encryption, dict):
        key_id = key_id_of(encryption)
    counts = fields.get("counts")
    size = path.stat().st_size
    return BackupInfo(
        path=path,
        bytes=size,
        created_at=parse_time(fields.get("created_at")),
        local_time=parse_time(fields.get("local_time")),
        encrypted=encryption is not None,
        key_id=key_id,
        schema=str(fields["schema"]) if fields.get("schema") is not None else None,
        shop=str(fields.get("shop") or ""),
        counts={str(k): int(v) for k, v in counts.items()} if isinstance(counts, dict) else {},
        last_sale_at=_local(parse_time(fields.get("last_sale_at")), fields.get("timezone")),
        verified=recorded.get(path.name) == header.checksum,
    )


def inspect_backup(path: Path, *, recorded: Mapping[str, str] | None = None) -> BackupInfo:
    """What a backup file holds, from its header; ``problem`` says why it cannot be used."""
    path = Path(path)
    try:
        return _info_from(path, read_header(path), recorded or {})
    except DomainError as exc:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        return BackupInfo(path, size, None, None, False, None, None, "", {}, None, exc.code)


def list_backups(folder: Path, *, recorded: Mapping[str, str] | None = None) -> list[BackupInfo]:
    """The backup files in ``folder``, newest first (half-written ones are never listed)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    infos = [
        inspect_backup(p, recorded=recorded)
        for p in folder.glob(f"*{SUFFIX}")
        if p.is_file() and not p.name.startswith(".")
    ]
    oldest = dt.datetime.min
    infos.sort(key=lambda i: (i.created_at or oldest, i.name), reverse=True)
    return infos


def latest_good_backup(
    folders: Iterable[Path], *, progress: Callable[[int, int], bool] | None = None
) -> BackupInfo | None:
    """The newest backup in ``folders`` whose whole file matches its checksum and that this
    version can restore (the start-up offer when the database is damaged)."""
    candidates: list[BackupInfo] = []
    for folder in folders:
        candidates += list_backups(folder)
    oldest = dt.datetime.min
    candidates.sort(key=lambda i: i.created_at or oldest, reverse=True)
    for info in candidates:
        if not info.usable:
            continue
        try:
            verify_file(info.path, progress=progress or (lambda _d, _t: True))
        except DomainError:
            continue
        return info
    return None
