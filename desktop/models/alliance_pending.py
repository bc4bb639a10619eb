"""The alliance server a shop means to join, noted before joining is possible.

Kept as the ``alliance_pending_server`` setting (an ``https://host[:port][/path]`` address).
Nothing is sent anywhere: joining an alliance (enrolment with the organiser's one-time code,
see docs/sync.md) reads this address as a suggestion, and the one-time code is asked for then,
as it expires within days and is a secret that does not belong in a setting or the audit log.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from desktop.models import staff
from desktop.models.errors import DomainError
from desktop.models.service import Desk

KEY_SERVER = "alliance_pending_server"
MAX_LENGTH = 200
_HOST = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?)+|\[[0-9A-Fa-f:.]+\]")


def clean_server_address(text: str) -> str | None:
    """``"alliance.example.cn:8443/"`` → ``"https://alliance.example.cn:8443"``; blank → None.

    Refusal: ``alliance_server_invalid`` (not an http(s) address of a host).
    """
    text = text.strip()
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError when it is not a number from 0 to 65535
    except ValueError as exc:
        raise DomainError("alliance_server_invalid", address=text) from exc
    host = parts.netloc.rsplit("@", 1)[-1]
    if port is not None:
        host = host.rsplit(":", 1)[0]
    if (
        parts.scheme.lower() not in ("http", "https")
        or "@" in parts.netloc
        or not _HOST.fullmatch(host)
        or parts.query
        or parts.fragment
        or any(c.isspace() for c in text)
        or len(text) > MAX_LENGTH
    ):
        raise DomainError("alliance_server_invalid", address=text)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{parts.path.rstrip('/')}"


def pending_server(desk: Desk) -> str | None:
    """The address noted for joining later, or None."""
    value = desk.setting(KEY_SERVER)
    return value if isinstance(value, str) and value else None


def set_pending_server(desk: Desk, address: str, *, by: staff.Actor) -> str | None:
    """Note (or, with a blank address, forget) the server to join later. Owner only, audited."""
    cleaned = clean_server_address(address)
    if cleaned != pending_server(desk):
        desk.set_setting(KEY_SERVER, cleaned, by=by)
    return cleaned
