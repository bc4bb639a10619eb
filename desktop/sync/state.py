"""Where this counter stands with its alliance, kept in ``sync.*`` settings.

A restored backup loses every ``sync.*`` setting and gets ``sync.reenrol_required`` (see
``desktop.models.backup_restore``), so a restored PC can never push under the identity of the
PC it was copied from. The device credential is stored encrypted (AES-GCM) with a key kept in
a file beside the database, not in it: a copied or backed-up database carries no usable
credential.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import delete
from sqlalchemy.orm import Session

from desktop.models.alliance_balance import PAIRING_SETTING, PULL_SINCE_SETTING
from desktop.models.alliance_identity import PHONE_HASH_KEY_SETTING
from desktop.models.backup_restore import REENROL_REQUIRED as RESTORED_MARK
from desktop.models.backup_restore import SYNC_PREFIX
from desktop.models.offline_policy import LAST_OK_SETTING, POLICY_SETTING
from desktop.models.shop import get_setting, set_setting
from desktop.models.tables import Setting
from desktop.sync.errors import SyncError

# The models read some of these too (the counter's alliance rules, a restore): one name each.
PREFIX = SYNC_PREFIX
PAIRING = PAIRING_SETTING
EPOCH = "sync.epoch"
PULL_SINCE = PULL_SINCE_SETTING
PHONE_HASH_KEY = PHONE_HASH_KEY_SETTING
POLICY = POLICY_SETTING
LAST_OK = LAST_OK_SETTING
LAST_ATTEMPT = "sync.last_attempt_at"
LAST_ERROR = "sync.last_error"
REENROL_REQUIRED = RESTORED_MARK  # set by a restore: this PC must pair again


@dataclass(frozen=True)
class Pairing:
    """What enrolment gave this device."""

    server_url: str
    device_id: str
    credential_sealed: str
    alliance_id: int
    alliance_name: str
    shop_id: int
    shop_name: str
    ca_file: str | None


def key_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".sync-key")


def _key(db_path: Path, *, create: bool) -> bytes:
    path = key_path(db_path)
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except FileNotFoundError:
        pass
    if not create:
        raise SyncError("credential_lost", f"{path} is missing; pair this PC again")
    key = AESGCM.generate_key(bit_length=256)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(key)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    return key


def seal_credential(db_path: Path, credential: str) -> str:
    nonce = secrets.token_bytes(12)
    box = AESGCM(_key(db_path, create=True)).encrypt(nonce, credential.encode(), b"credential")
    return base64.b64encode(nonce + box).decode()


def open_credential(db_path: Path, sealed: str) -> str:
    raw = base64.b64decode(sealed)
    try:
        return (
            AESGCM(_key(db_path, create=False)).decrypt(raw[:12], raw[12:], b"credential").decode()
        )
    except InvalidTag as exc:
        raise SyncError("credential_lost", "the device key does not fit; pair again") from exc


def pairing(session: Session) -> Pairing | None:
    raw = get_setting(session, PAIRING)
    return None if raw is None else Pairing(**raw)


def save_pairing(session: Session, value: Pairing, *, answer: dict[str, Any]) -> None:
    """Forget any earlier alliance state and store a fresh enrolment."""
    session.execute(delete(Setting).where(Setting.key.startswith(PREFIX, autoescape=True)))
    set_setting(session, PAIRING, value.__dict__)
    set_setting(session, EPOCH, str(answer["epoch"]))
    set_setting(session, PULL_SINCE, 0)
    set_setting(session, PHONE_HASH_KEY, answer.get("phone_hash_key"))
    set_setting(session, POLICY, answer.get("policy") or {})


def pull_since(session: Session) -> int:
    return int(get_setting(session, PULL_SINCE, 0))


def epoch(session: Session) -> str | None:
    value = get_setting(session, EPOCH)
    return None if value is None else str(value)


def record_attempt(session: Session, *, now: dt.datetime, error: SyncError | None) -> None:
    set_setting(session, LAST_ATTEMPT, now.isoformat(timespec="seconds") + "Z")
    if error is None:
        set_setting(session, LAST_OK, now.isoformat(timespec="seconds") + "Z")
        set_setting(session, LAST_ERROR, None)
    else:
        set_setting(session, LAST_ERROR, {"code": error.code, "message": error.message[:300]})
