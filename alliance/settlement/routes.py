"""HTTP for a shop's own settlement statement."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from alliance.deps import Db, Dev, protocol
from alliance.settlement import service
from alliance.types import Day

router = APIRouter(prefix="/v1", tags=["settlement"], dependencies=[Depends(protocol)])


@router.get("/settlement")
def statement(
    db: Db,
    device: Dev,
    start: Annotated[Day, Query(alias="from")],
    end: Annotated[Day, Query(alias="to")],
) -> dict[str, Any]:
    """The device's shop's statement for the period (both days included)."""
    with db.read() as session:
        (own,) = service.statements(
            session, alliance_id=device.alliance_id, start=start, end=end, shop_id=device.shop_id
        )
    return own
