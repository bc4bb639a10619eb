"""Encrypting backups with a passphrase the app does not need to keep.

Turning encryption on makes an X25519 key pair. The public half is stored in the shop database
and is all a backup needs, so the daily backup runs unattended without the passphrase. The
private half is stored only *wrapped*: AES-256-GCM under a key derived from the passphrase with
scrypt. Every backup file carries that wrapped key and the scrypt parameters in its header, so
the passphrase alone opens it, even when the shop database is lost.

Per file: an ephemeral X25519 key agreement with the stored public key, then HKDF-SHA256 gives
a fresh AES-256-GCM key. The database is sealed in chunks (STREAM construction: the nonce is a
chunk counter and a last-chunk flag, the header's hash is the associated data of every chunk),
so a multi-GB file is never held in memory, and reordering, truncating, or editing the header
or any chunk fails authentication. A wrong passphrase fails when the private key is unwrapped,
before any data is read, and is reported as such — never as garbage.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.models.errors import DomainError

CIPHER = "X25519-HKDF-SHA256/AES-256-GCM-STREAM"
CHUNK_BYTES = 1024 * 1024
TAG_BYTES = 16
SCRYPT_N = 2**17  # 128 MiB, about 0.4 s: paid when turning encryption on and when restoring
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
_WRAP_INFO = b"merchant-desk backup key v1"
_FILE_INFO = b"merchant-desk backup file v1"
_RAW = serialization.Encoding.Raw
_RAW_PUBLIC = serialization.PublicFormat.Raw
_RAW_PRIVATE = serialization.PrivateFormat.Raw


class TamperedError(Exception):
    """A chunk or the wrapped key failed authentication for a reason other than the passphrase."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise TamperedError("not base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError) as exc:
        raise TamperedError("not base64 text") from exc


def check_passphrase(passphrase: str) -> None:
    """At least ``MIN_PASSPHRASE`` characters (after trimming nothing: spaces count)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise DomainError("passphrase_too_short", min=MIN_PASSPHRASE)


def _passphrase_bytes(passphrase: str) -> bytes:
    # NFC so the same words typed with another input method give the same key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _kek(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(_passphrase_bytes(passphrase))


@dataclass(frozen=True)
class BackupKey:
    """What the shop database keeps when encryption is on: nothing that decrypts a backup."""

    public_key: bytes
    wrapped_private: bytes  # nonce (12) + AES-GCM(private key)
    salt: bytes
    n: int
    r: int
    p: int

    @property
    def key_id(self) -> str:
        """A short fingerprint to tell keys apart (shown in settings and file headers)."""
        return hashlib.sha256(self.public_key).hexdigest()[:16]

    def to_json(self) -> dict[str, Any]:
        return {
            "public_key": _b64(self.public_key),
            "wrapped_private": _b64(self.wrapped_private),
            "kdf": {
                "name": "scrypt",
                "salt": _b64(self.salt),
                "n": self.n,
                "r": self.r,
                "p": self.p,
            },
            "key_id": self.key_id,
        }

    @classmethod
    def from_json(cls, data: Any) -> BackupKey:
        try:
            kdf = data["kdf"]
            if kdf["name"] != "scrypt":
                raise TamperedError("unknown key derivation")
            n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
            if not (2 <= n <= 2**22 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
                raise TamperedError("key derivation parameters out of range")
            key = cls(
                public_key=_unb64(data["public_key"]),
                wrapped_private=_unb64(data["wrapped_private"]),
                salt=_unb64(kdf["salt"]),
                n=n,
                r=r,
                p=p,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise TamperedError("malformed key description") from exc
        if len(key.public_key) != 32 or len(key.wrapped_private) != 12 + 32 + TAG_BYTES:
            raise TamperedError("malformed key description")
        return key


def create_key(passphrase: str, *, n: int | None = None) -> BackupKey:
    """A new key pair for ``passphrase`` (slow on purpose: scrypt)."""
    import os

    check_passphrase(passphrase)
    n = SCRYPT_N if n is None else n
    salt = os.urandom(16)
    private = X25519PrivateKey.generate()
    public = private.public_key().public_bytes(_RAW, _RAW_PUBLIC)
    nonce = os.urandom(12)
    kek = _kek(passphrase, salt, n, SCRYPT_R, SCRYPT_P)
    raw = private.private_bytes(_RAW, _RAW_PRIVATE, serialization.NoEncryption())
    wrapped = nonce + AESGCM(kek).encrypt(nonce, raw, _WRAP_INFO + public)
    return BackupKey(public, wrapped, salt, n, SCRYPT_R, SCRYPT_P)


def unlock_key(key: BackupKey, passphrase: str) -> X25519PrivateKey:
    """The private key, or ``DomainError("passphrase_wrong")``."""
    kek = _kek(passphrase, key.salt, key.n, key.r, key.p)
    nonce, sealed = key.wrapped_private[:12], key.wrapped_private[12:]
    try:
        raw = AESGCM(kek).decrypt(nonce, sealed, _WRAP_INFO + key.public_key)
    except InvalidTag:
        raise DomainError("passphrase_wrong") from None
    private = X25519PrivateKey.from_private_bytes(raw)
    if private.public_key().public_bytes(_RAW, _RAW_PUBLIC) != key.public_key:
        raise TamperedError("wrapped key does not match its public key")
    return private


def _file_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + public, info=_FILE_INFO)
    return hkdf.derive(shared)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class ChunkSealer:
    """Seals one file's chunks in order. ``header_fields()`` go into the file header."""

    def __init__(self, key: BackupKey) -> None:
        ephemeral = X25519PrivateKey.generate()
        self._ephemeral_public = ephemeral.public_key().public_bytes(_RAW, _RAW_PUBLIC)
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(key.public_key))
        self._aead = AESGCM(_file_key(shared, self._ephemeral_public, key.public_key))
        self._key = key
        self._counter = 0
        self._aad = b""

    def header_fields(self) -> dict[str, Any]:
        return {
            "cipher": CIPHER,
            "chunk_bytes": CHUNK_BYTES,
            "ephemeral_key": _b64(self._ephemeral_public),
            "key": self._key.to_json(),
        }

    def bind_header(self, header: bytes) -> None:
        """Every chunk authenticates the exact header bytes written before the body."""
        self._aad = hashlib.sha256(header).digest()

    def seal(self, chunk: bytes, *, last: bool) -> bytes:
        sealed = self._aead.encrypt(_nonce(self._counter, last), chunk, self._aad)
        self._counter += 1
        return sealed


class ChunkOpener:
    """Opens one file's chunks in order; ``TamperedError`` on any altered byte."""

    def __init__(self, fields: Any, passphrase: str, header: bytes) -> None:
        try:
            if fields["cipher"] != CIPHER or int(fields["chunk_bytes"]) != CHUNK_BYTES:
                raise TamperedError("unknown cipher")
            key = BackupKey.from_json(fields["key"])
            ephemeral = _unb64(fields["ephemeral_key"])
        except (KeyError, TypeError, ValueError) as exc:
            raise TamperedError("malformed encryption header") from exc
        if len(ephemeral) != 32:
            raise TamperedError("malformed encryption header")
        private = unlock_key(key, passphrase)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        self._aead = AESGCM(_file_key(shared, ephemeral, key.public_key))
        self._aad = hashlib.sha256(header).digest()
        self._counter = 0
        self.key_id = key.key_id

    def open(self, sealed: bytes, *, last: bool) -> bytes:
        try:
            chunk = self._aead.decrypt(_nonce(self._counter, last), sealed, self._aad)
        except InvalidTag:
            raise TamperedError(f"chunk {self._counter} failed authentication") from None
        self._counter += 1
        return chunk


def key_id_of(fields: Any) -> str | None:
    """The key fingerprint named in a file's encryption header (no passphrase needed)."""
    try:
        return BackupKey.from_json(fields["key"]).key_id
    except (KeyError, TypeError, TamperedError):
        return None
