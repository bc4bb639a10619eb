"""HTTP for joint campaigns as a shop sees them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from alliance.campaigns import service
from alliance.deps import Db, Dev, protocol

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"], dependencies=[Depends(protocol)])
CampaignId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("")
def list_campaigns(db: Db, device: Dev) -> dict[str, Any]:
    with db.read() as session:
        return {
            "campaigns": service.list_campaigns(
                session, alliance_id=device.alliance_id, shop_id=device.shop_id
            )
        }


@router.post("/{campaign_id}/opt-in")
def opt_in(campaign_id: CampaignId, db: Db, device: Dev) -> dict[str, Any]:
    with db.write() as session:
        return service.set_participation(
            session,
            alliance_id=device.alliance_id,
            shop_id=device.shop_id,
            campaign_id=campaign_id,
            opted_in=True,
        )


@router.post("/{campaign_id}/opt-out")
def opt_out(campaign_id: CampaignId, db: Db, device: Dev) -> dict[str, Any]:
    with db.write() as session:
        return service.set_participation(
            session,
            alliance_id=device.alliance_id,
            shop_id=device.shop_id,
            campaign_id=campaign_id,
            opted_in=False,
        )


@router.get("/{campaign_id}/results")
def results(campaign_id: CampaignId, db: Db, device: Dev) -> dict[str, Any]:
    """This shop's own part of a joint campaign's results."""
    with db.read() as session:
        return service.results(
            session,
            campaign_id=campaign_id,
            alliance_id=device.alliance_id,
            shop_id=device.shop_id,
        )
