"""The FastAPI application: routers per area, errors as JSON with a machine-readable code."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError

from alliance import PROTOCOL_VERSION
from alliance.campaigns.routes import router as campaigns_router
from alliance.config import Limits
from alliance.db import Database, current_epoch
from alliance.enrolment.routes import router as enrolment_router
from alliance.errors import ApiError
from alliance.settlement.routes import router as settlement_router
from alliance.sync.routes import router as sync_router

_ERROR = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
                "required": ["error", "message"],
            }
        }
    }
}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"description": text, **_ERROR}
    for status, text in (
        (400, "Bad request (protocol version, content hash, invalid values)"),
        (401, "Missing, wrong or revoked device credential"),
        (403, "Not allowed for this device, or enrolment code refused"),
        (404, "Not found in the device's alliance"),
        (409, "Conflict (event id or device_seq reused, campaign ended …)"),
        (422, "Request does not match the schema"),
        (429, "Too many attempts; see retry_after"),
        (503, "Temporarily unavailable: nothing was applied, retry later"),
    )
}


def create_app(db: Database, limits: Limits | None = None) -> FastAPI:
    app = FastAPI(
        title="Merchant Desk alliance server",
        version=str(PROTOCOL_VERSION),
        description="Sync, enrolment, joint campaigns and settlement for an alliance of shops.",
        responses=ERROR_RESPONSES,
    )
    app.state.db = db
    app.state.limits = limits or Limits()

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {}
        if "retry_after" in exc.params:
            headers["Retry-After"] = str(exc.params["retry_after"])
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {
                "loc": [str(x) for x in e.get("loc", ())],
                "type": str(e.get("type", "")),
                "msg": str(e.get("msg", "")),
            }
            for e in exc.errors()[:50]
        ]
        return JSONResponse(
            {
                "error": "invalid_request",
                "message": "the request does not match the schema",
                "problems": problems,
            },
            status_code=422,
        )

    @app.exception_handler(OperationalError)
    async def _unavailable(_request: Request, _exc: OperationalError) -> JSONResponse:
        return JSONResponse(
            {"error": "unavailable", "message": "database unavailable; nothing was applied"},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @app.get("/v1/health", tags=["health"])
    def health() -> dict[str, Any]:
        """Liveness, the server epoch and the protocol version (no credential needed)."""
        with db.read() as session:
            epoch = current_epoch(session)
        return {"ok": True, "epoch": epoch, "protocol": PROTOCOL_VERSION}

    for router in (enrolment_router, sync_router, campaigns_router, settlement_router):
        app.include_router(router)
    return app
