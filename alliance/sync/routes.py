"""HTTP for push and pull (rules in alliance.sync.service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from alliance.deps import Db, Dev, protocol
from alliance.errors import ApiError
from alliance.sync import service
from alliance.sync.schemas import PullResponse, PushRequest, PushResponse

router = APIRouter(prefix="/v1/sync", tags=["sync"], dependencies=[Depends(protocol)])


@router.post("/push", response_model=PushResponse)
def push(body: PushRequest, db: Db, device: Dev) -> Response:
    """Upload the device's events in device_seq order (at most 1,000)."""
    if body.device_id is not None and body.device_id != device.id:
        raise ApiError(403, "wrong_device", "a device can push only its own events")
    answer = service.push(db, device, body.events, wait_s=body.wait_ms / 1000)
    # Serialised here: the answer was built from checked values, validating its thousand
    # results again on the way out would cost more than applying them.
    return Response(answer.as_json(), media_type="application/json")


@router.get("/pull", response_model=PullResponse)
def pull(
    db: Db,
    device: Dev,
    since: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> PullResponse:
    """The change feed after ``since`` for this device's audience."""
    return service.pull(db, device, since=since, limit=limit)
