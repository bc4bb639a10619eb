"""The backup file: one self-describing file per backup, plain or encrypted.

Layout (big-endian)::

    "MDBACKUP"  u16 format  u32 header length  header (UTF-8 JSON)
    body: the SQLite database, as it is (plain) or sealed in 1 MiB chunks (encrypted)
    "MDBKEND\\0"  u64 body length  SHA-256(header)  SHA-256(everything before the trailer)

The header (date, schema revision, counts, shop) can be read without the passphrase, so the
restore screen shows what a backup holds before anything is decrypted. The trailer's checksums
find a truncated or damaged file without the passphrase; an encrypted body is also
authenticated chunk by chunk (see ``backup_crypto``), so a tampered one is refused even when
its checksums were recomputed.

A file is written under a temporary name, synced, read back and checked, and only then renamed
to its final name: a half-written file (power cut, full disk) never looks like a backup.
Writes go through :data:`open_sink`, the seam tests use to simulate a full or failing disk.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from desktop.models.backup_crypto import CHUNK_BYTES, TAG_BYTES, ChunkOpener, ChunkSealer
from desktop.models.backup_crypto import TamperedError as TamperedError
from desktop.models.errors import DomainError

MAGIC = b"MDBACKUP"
FORMAT = 1
PREFIX = struct.Struct(">8sHI")
TRAILER_MAGIC = b"MDBKEND\x00"
TRAILER = struct.Struct(">8sQ32s32s")
MAX_HEADER = 1 << 20
# merchant-desk-<local yyyymmdd>-<hhmmss>[-<n>]-<counter tag>.mdbk; written as
# .<name>.<token>.partial until checked.
SUFFIX = ".mdbk"
NAME_PATTERN = re.compile(r"^merchant-desk-(\d{8})-(\d{6})(?:-(\d+))?-([0-9a-f]{8})\.mdbk$")
PARTIAL_SUFFIX = ".partial"
READ_BYTES = CHUNK_BYTES

# progress(done_bytes, total_bytes) -> False to stop
ByteProgress = Callable[[int, int], bool]


class Cancelled(Exception):
    """The person stopped the backup or restore; nothing was kept. Not an error."""


def _never_stop(_done: int, _total: int) -> bool:
    return True


def write_error(exc: OSError, folder: Path) -> DomainError:
    """An OS write failure as a refusal the owner can act on."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DomainError("disk_full", folder=str(folder))
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DomainError("folder_read_only", folder=str(folder))
    if code in (errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO):
        return DomainError("folder_missing", folder=str(folder))
    return DomainError("write_failed", folder=str(folder), detail=str(exc))


class Sink:
    """Where a backup's bytes go: a new file, written in order, synced before it counts."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: BinaryIO = open(path, "xb")  # noqa: SIM115 - closed by sync_and_close

    def write(self, data: bytes) -> None:
        self._file.write(data)

    def sync_and_close(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        if hasattr(os, "posix_fadvise"):
            # Drop the cached pages so the read-back check reads what reached the disk.
            os.posix_fadvise(self._file.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        self._file.close()

    def abandon(self) -> None:
        try:
            self._file.close()
        except OSError:
            pass


open_sink: Callable[[Path], Sink] = Sink


def sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class BackupHeader:
    """A backup file's header and trailer, as read (nothing decrypted)."""

    fields: dict[str, Any]
    raw: bytes
    body_offset: int
    body_length: int
    header_sha256: bytes
    file_sha256: bytes

    @property
    def encrypted(self) -> bool:
        return self.fields.get("encryption") is not None

    @property
    def checksum(self) -> str:
        return self.file_sha256.hex()


def write_backup_file(
    source: Path,
    target: Path,
    header_fields: dict[str, Any],
    *,
    sealer: ChunkSealer | None,
    progress: ByteProgress = _never_stop,
) -> str:
    """Write ``source`` (a checked SQLite file) as a backup file at ``target``; return its
    SHA-256. ``target`` must not exist. On any failure the partial file is removed."""
    fields = dict(header_fields, format=FORMAT)
    if sealer is not None:
        fields["encryption"] = sealer.header_fields()
    header = json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8")
    if sealer is not None:
        sealer.bind_header(header)
    total = source.stat().st_size
    digest = hashlib.sha256()
    sink = open_sink(target)
    try:
        prefix = PREFIX.pack(MAGIC, FORMAT, len(header)) + header
        sink.write(prefix)
        digest.update(prefix)
        body = 0
        done = 0
        with open(source, "rb") as reader:
            chunk = reader.read(READ_BYTES)
            while chunk:
                following = reader.read(READ_BYTES)
                out = chunk if sealer is None else sealer.seal(chunk, last=not following)
                sink.write(out)
                digest.update(out)
                body += len(out)
                done += len(chunk)
                if not progress(done, total):
                    raise Cancelled
                chunk = following
        trailer = TRAILER.pack(
            TRAILER_MAGIC, body, hashlib.sha256(header).digest(), digest.digest()
        )
        sink.write(trailer)
        sink.sync_and_close()
    except BaseException:
        sink.abandon()
        target.unlink(missing_ok=True)
        raise
    return digest.hexdigest()


def read_header(path: Path) -> BackupHeader:
    """The header and trailer of a backup file, checked for shape and length only.

    ``not_a_backup`` for another kind of file, ``backup_damaged`` for a truncated one or a
    header that does not match its checksum, ``backup_not_found`` when it is missing."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            start = f.read(PREFIX.size)
            if len(start) < PREFIX.size or start[:8] != MAGIC:
                raise DomainError("not_a_backup", file=path.name)
            _, version, length = PREFIX.unpack(start)
            if version > FORMAT:
                raise DomainError("backup_format_too_new", file=path.name, format=version)
            if length > MAX_HEADER or size < PREFIX.size + length + TRAILER.size:
                raise DomainError("backup_damaged", file=path.name, reason="truncated")
            raw = f.read(length)
            f.seek(size - TRAILER.size)
            tail = f.read(TRAILER.size)
    except FileNotFoundError:
        raise DomainError("backup_not_found", file=str(path)) from None
    except IsADirectoryError:
        raise DomainError("not_a_backup", file=path.name) from None
    except OSError as exc:
        raise DomainError("backup_unreadable", file=path.name, detail=str(exc)) from None
    magic, body_length, header_sha, file_sha = TRAILER.unpack(tail)
    body_offset = PREFIX.size + length
    if magic != TRAILER_MAGIC or body_offset + body_length + TRAILER.size != size:
        raise DomainError("backup_damaged", file=path.name, reason="truncated")
    if hashlib.sha256(raw).digest() != header_sha:
        raise DomainError("backup_damaged", file=path.name, reason="checksum")
    try:
        fields = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DomainError("backup_damaged", file=path.name, reason="header") from None
    if not isinstance(fields, dict):
        raise DomainError("backup_damaged", file=path.name, reason="header")
    return BackupHeader(fields, raw, body_offset, body_length, header_sha, file_sha)


def _body_chunks(f: BinaryIO, header: BackupHeader, *, piece: int) -> Any:
    """(bytes, is_last) pieces of the body, read in order."""
    left = header.body_length
    while left > 0:
        data = f.read(min(piece, left))
        if not data:
            raise DomainError("backup_damaged", file=Path(f.name).name, reason="truncated")
        left -= len(data)
        yield data, left == 0


def verify_file(path: Path, *, progress: ByteProgress = _never_stop) -> BackupHeader:
    """Read the whole file and compare it with its checksum (no passphrase needed)."""
    header = read_header(path)
    digest = hashlib.sha256()
    total = header.body_length
    done = 0
    try:
        with open(path, "rb") as f:
            digest.update(f.read(header.body_offset))
            for data, _last in _body_chunks(f, header, piece=READ_BYTES):
                digest.update(data)
                done += len(data)
                if not progress(done, total):
                    raise Cancelled
    except OSError as exc:
        raise DomainError("backup_unreadable", file=path.name, detail=str(exc)) from None
    if digest.digest() != header.file_sha256:
        raise DomainError("backup_damaged", file=path.name, reason="checksum")
    return header


def extract_database(
    path: Path,
    target: Path,
    *,
    passphrase: str | None,
    progress: ByteProgress = _never_stop,
) -> BackupHeader:
    """Write the database held in a backup file to ``target`` (a new file), checking the
    checksum (and for an encrypted file, every chunk) on the way. The target is removed
    again on any failure."""
    header = read_header(path)
    opener: ChunkOpener | None = None
    if header.encrypted:
        if not passphrase:
            raise DomainError("passphrase_required", file=path.name)
        try:
            opener = ChunkOpener(header.fields["encryption"], passphrase, header.raw)
        except TamperedError:
            raise DomainError("backup_damaged", file=path.name, reason="key") from None
    piece = READ_BYTES if opener is None else CHUNK_BYTES + TAG_BYTES
    digest = hashlib.sha256()
    total = header.body_length
    done = 0
    try:
        with open(path, "rb") as f, open(target, "xb") as out:
            digest.update(f.read(header.body_offset))
            for data, last in _body_chunks(f, header, piece=piece):
                digest.update(data)
                out.write(data if opener is None else opener.open(data, last=last))
                done += len(data)
                if not progress(done, total):
                    raise Cancelled
            if digest.digest() != header.file_sha256:
                raise DomainError("backup_damaged", file=path.name, reason="checksum")
            out.flush()
            os.fsync(out.fileno())
    except TamperedError:
        target.unlink(missing_ok=True)
        raise DomainError("backup_damaged", file=path.name, reason="tampered") from None
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise write_error(exc, target.parent) from None
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return header
