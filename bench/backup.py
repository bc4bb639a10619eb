"""How long a backup of a big shop takes: ``python -m bench.backup``.

``python -m bench.backup [--members N] [--entries M] [--db PATH] [--out DIR]``

Backs up a shop database of that size (by default the 1M-member / 5M-entry file that
``bench.counter`` builds and caches; an existing file is used as it is, never rebuilt) into a
scratch folder, and prints one JSON object as the last line of stdout (progress on stderr):

* ``backup_1m_s``: a whole plain backup — snapshot with the online backup API, integrity
  check of the copy, backup file written, synced, read back and checked, renamed — with the
  steps in ``plain_steps``;
* ``verify_1m_s``: checking an existing backup file against its checksum (what the restore
  screen and the start-up offer do before trusting a file);
* ``backup_encrypted_1m_s``: the same backup, encrypted (``encrypted_steps``);
* ``restore_check_1m_s``: decrypting the encrypted backup into a database file and running
  ``integrity_check`` on it, as a restore does before anything is swapped in.

Every file made is deleted at the end; the free space is checked first.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a file: python bench/backup.py
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build_db import log  # noqa: E402

PASSPHRASE = "bench passphrase 2026"


def _database(args: argparse.Namespace) -> Path:
    path = Path(args.db or f"/tmp/md-bench-{args.members}-{args.entries}.sqlite")
    if path.exists():
        log(f"using {path} ({path.stat().st_size / 1e6:.0f} MB) as it is")
        return path
    from bench.counter import ensure_built

    ensure_built(path, args.members, args.entries)
    return path


def _free_space_ok(folder: Path, need: int) -> None:
    free = shutil.disk_usage(folder).free
    log(f"free in {folder}: {free / 1e9:.1f} GB, needed about {need / 1e9:.1f} GB")
    if free < need:
        raise SystemExit(f"not enough free disk space in {folder}")


def run(args: argparse.Namespace) -> dict[str, Any]:
    from desktop.models.backup_crypto import create_key
    from desktop.models.backup_file import extract_database, verify_file
    from desktop.models.backups import check_copy, run_backup
    from desktop.models.clock import utc_now

    db = _database(args)
    size = db.stat().st_size
    parent = Path(args.out) if args.out else Path(tempfile.gettempdir())
    # staging copy + one backup at a time + one extracted copy, with some room to spare
    _free_space_ok(parent, int(size * 2.3))
    scratch = Path(tempfile.mkdtemp(prefix="md-bench-backup-", dir=parent))
    out: dict[str, Any] = {"db": str(db), "db_mb": round(size / 1e6, 1)}
    try:
        log("plain backup …")
        plain = run_backup(db, folder=scratch, now=utc_now(), staging_dir=scratch, rotate=False)
        out["backup_1m_s"] = round(plain.seconds, 2)
        out["plain_steps"] = plain.timings
        out["backup_mb"] = round(plain.bytes / 1e6, 1)
        out["counts"] = plain.counts

        log("verify …")
        start = time.perf_counter()
        verify_file(plain.path)
        out["verify_1m_s"] = round(time.perf_counter() - start, 2)
        plain.path.unlink()

        log("encrypted backup …")
        key = create_key(PASSPHRASE)
        sealed = run_backup(
            db, folder=scratch, now=utc_now(), key=key, staging_dir=scratch, rotate=False
        )
        out["backup_encrypted_1m_s"] = round(sealed.seconds, 2)
        out["encrypted_steps"] = sealed.timings

        log("decrypt and check, as a restore does …")
        start = time.perf_counter()
        extracted = scratch / "restored.sqlite"
        extract_database(sealed.path, extracted, passphrase=PASSPHRASE)
        verdict = check_copy(extracted)
        out["restore_check_1m_s"] = round(time.perf_counter() - start, 2)
        out["restore_check"] = verdict
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.backup", description=__doc__)
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--entries", type=int, default=5_000_000)
    parser.add_argument("--db", help="the database to back up (default: the cached bench file)")
    parser.add_argument("--out", help="folder for the scratch files (default: the temp folder)")
    args = parser.parse_args(argv)
    print(json.dumps(run(args), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
