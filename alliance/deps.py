"""Request dependencies: the database, the protocol version, the authenticated device."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from alliance import PROTOCOL_HEADER, PROTOCOL_VERSION
from alliance.config import Limits
from alliance.db import Database
from alliance.errors import ApiError
from alliance.security import credential_matches
from alliance.sync.service import AuthDevice
from alliance.tables import Device

_bearer = HTTPBearer(auto_error=False, description="'<device id>.<secret>' from enrolment")
_DEVICE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def limits(request: Request) -> Limits:
    value: Limits = request.app.state.limits
    return value


def protocol(
    version: Annotated[
        str | None,
        Header(
            alias=PROTOCOL_HEADER,
            description=f"Protocol version; this server speaks {PROTOCOL_VERSION}",
        ),
    ] = None,
) -> None:
    if version is None or version.strip() != str(PROTOCOL_VERSION):
        raise ApiError(
            400,
            "protocol_version_unsupported",
            f"send the header {PROTOCOL_HEADER}: {PROTOCOL_VERSION}",
            supported=[PROTOCOL_VERSION],
        )


def device(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    db: Annotated[Database, Depends(database)],
) -> AuthDevice:
    if credentials is None:
        raise ApiError(401, "credentials_required")
    device_id, _, secret = credentials.credentials.partition(".")
    if not _DEVICE_ID.fullmatch(device_id) or not secret:
        raise ApiError(401, "credentials_invalid")
    with db.read() as session:
        row = session.get(Device, device_id)
        if row is None or not credential_matches(secret, row.credential_hash):
            raise ApiError(401, "credentials_invalid")
        if row.revoked_at is not None:
            raise ApiError(401, "device_revoked")
        return AuthDevice(id=row.id, shop_id=row.shop_id, alliance_id=row.alliance_id)


Db = Annotated[Database, Depends(database)]
Dev = Annotated[AuthDevice, Depends(device)]
