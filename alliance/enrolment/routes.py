"""HTTP for enrolment and shop key certification."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from alliance.config import Limits
from alliance.deps import Db, Dev, limits, protocol
from alliance.enrolment import service
from alliance.enrolment.schemas import CertifyRequest, CertifyResponse, EnrolRequest, EnrolResponse

router = APIRouter(prefix="/v1", tags=["enrolment"], dependencies=[Depends(protocol)])


@router.post("/enrol", response_model=EnrolResponse)
def enrol(
    body: EnrolRequest, request: Request, db: Db, lim: Annotated[Limits, Depends(limits)]
) -> EnrolResponse:
    """Trade a one-time enrolment code for a device id and credential."""
    client = request.client.host if request.client else "unknown"
    return service.enrol(
        db,
        lim,
        client=client,
        code=body.code,
        device_name=body.device_name,
        shop_public_key=body.shop_public_key,
    )


@router.post("/shop-keys", response_model=CertifyResponse)
def certify(body: CertifyRequest, db: Db, device: Dev) -> dict[str, Any]:
    """Certify a new signing key of the device's own shop."""
    cert = service.certify_shop_key(
        db,
        alliance_id=device.alliance_id,
        shop_id=device.shop_id,
        public_key=body.public_key,
        retire_others=body.retire_others,
    )
    return {"certificate": cert}
