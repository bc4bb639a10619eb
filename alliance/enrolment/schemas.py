"""Wire shapes of device enrolment and shop key certification."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from alliance.types import Name


class EnrolRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=1, max_length=64)
    device_name: Name
    shop_public_key: str = Field(max_length=64, description="Raw Ed25519 public key, base64")


class KeyInfo(BaseModel):
    key_id: int
    owner: str
    shop_id: int | None
    public_key: str
    certificate: dict[str, Any] | None
    created_at: str
    retired_at: str | None


class EnrolResponse(BaseModel):
    device_id: str
    credential: str = Field(description="Send as 'Authorization: Bearer <credential>'")
    alliance_id: int
    alliance_name: str
    shop_id: int
    shop_name: str
    epoch: str
    acked_seq: int
    certificate: dict[str, Any]
    alliance_keys: list[KeyInfo]
    phone_hash_key: str
    policy: dict[str, Any]


class CertifyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    public_key: str = Field(max_length=64)
    retire_others: bool = False


class CertifyResponse(BaseModel):
    certificate: dict[str, Any]
