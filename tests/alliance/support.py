"""Helpers that talk to the running alliance server like a counter would (HTTP, requests)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from alliance import PROTOCOL_HEADER, operator
from alliance.certs import raw_public
from alliance.db import Database
from alliance.security import b64
from desktop.models.ids import uuid7
from desktop.models.jsonutil import canonical_json, sha256_hex

HEADERS = {PROTOCOL_HEADER: "1"}
_member_ids = itertools.count(1 << 40)
_sales = itertools.count(1)


def new_member_id() -> int:
    return next(_member_ids) * 7919 + 13


def new_sale() -> str:
    return f"sale-{next(_sales):08d}-{uuid7()[-12:]}"


@dataclass
class Server:
    url: str
    db: Database

    def post(self, path: str, json: Any = None, **kw: Any) -> requests.Response:
        kw.setdefault("headers", HEADERS)
        return requests.post(self.url + path, json=json, timeout=60, **kw)

    def get(self, path: str, **kw: Any) -> requests.Response:
        kw.setdefault("headers", HEADERS)
        return requests.get(self.url + path, timeout=60, **kw)


@dataclass
class Device:
    """An enrolled counter: makes events with gapless seqs, pushes and pulls them."""

    server: Server
    enrolment: dict[str, Any]
    key: Ed25519PrivateKey
    next_seq: int = 1
    cursor: int = 0
    state: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.enrolment["device_id"])

    @property
    def shop_id(self) -> int:
        return int(self.enrolment["shop_id"])

    @property
    def headers(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.enrolment['credential']}"}

    def event(
        self, kind: str, payload: dict[str, Any], *, seq: int | None = None
    ) -> dict[str, Any]:
        """A new event as the desktop's outbox holds it (takes the next seq unless given)."""
        if seq is None:
            seq, self.next_seq = self.next_seq, self.next_seq + 1
        return {
            "id": uuid7(),
            "device_seq": seq,
            "kind": kind,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "payload": payload,
            "content_hash": sha256_hex(canonical_json({"kind": kind, "payload": payload})),
        }

    def push_raw(self, events: list[dict[str, Any]], **extra: Any) -> requests.Response:
        return self.server.post(
            "/v1/sync/push", json={"events": events, **extra}, headers=self.headers
        )

    def push(self, events: list[dict[str, Any]]) -> dict[str, Any]:
        response = self.push_raw(events)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def push_one(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self.push([self.event(kind, payload)])["results"][0]
        return result

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.server.get(path, headers=self.headers, params=params)

    def post(self, path: str, json: Any = None) -> requests.Response:
        return self.server.post(path, json=json, headers=self.headers)

    def pull_page(self, since: int, limit: int = 500) -> dict[str, Any]:
        response = self.get("/v1/sync/pull", since=since, limit=limit)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def sync_down(self, limit: int = 500) -> None:
        """Pull pages until done, applying each change to ``state`` (entity key → data)."""
        while True:
            page = self.pull_page(self.cursor, limit)
            for change in page["changes"]:
                if change["data"].get("deleted"):
                    self.state.pop(change["key"], None)
                else:
                    self.state[change["key"]] = change["data"]
            self.cursor = page["next_since"]
            if not page["has_more"]:
                return

    def member(self, member_id: int) -> dict[str, Any] | None:
        self.sync_down()
        return self.state.get(f"member:{member_id}")

    def enrol_member(
        self, *, sharing: bool = True, phone_hash: str | None = None, **extra: Any
    ) -> int:
        member_id = new_member_id()
        payload = {
            "member_id": member_id,
            "enrolled_day": dt.date.today().isoformat(),
            "marketing": False,
            "sharing": sharing,
            **extra,
        }
        if phone_hash is not None:
            payload["phone_hash"] = phone_hash
        result = self.push_one("member.enrolled", payload)
        assert result["outcome"] in ("applied", "applied_with_conflict"), result
        return member_id

    def sale(
        self,
        member_id: int | None,
        *,
        earn: int = 0,
        redeem: int = 0,
        amount: int = 10_000,
        sale: str | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        payload = {
            "sale": sale or new_sale(),
            "member_id": member_id,
            "amount_fen": amount,
            "discount_fen": redeem,
            "points_earned": earn,
            "points_redeemed": redeem,
            "day": dt.date.today().isoformat(),
            **extra,
        }
        return self.push_one("sale.recorded", payload)


@dataclass
class AllianceHelper:
    server: Server
    id: int

    @classmethod
    def create(cls, server: Server, name: str = "东街商盟") -> AllianceHelper:
        with server.db.write() as session:
            return cls(server, operator.create_alliance(session, name=name))

    def invite(self, name: str = "shop") -> dict[str, Any]:
        with self.server.db.write() as session:
            return operator.invite_shop(session, alliance_id=self.id, name=name, days=7)

    def new_code(self, shop_id: int) -> str:
        with self.server.db.write() as session:
            return str(operator.new_code(session, shop_id=shop_id, days=7)["code"])

    def enrol(self, code: str, key: Ed25519PrivateKey | None = None) -> requests.Response:
        key = key or Ed25519PrivateKey.generate()
        return self.server.post(
            "/v1/enrol",
            json={
                "code": code,
                "device_name": "counter 1",
                "shop_public_key": b64(raw_public(key.public_key())),
            },
        )

    def device(self, name: str = "shop", *, shop_id: int | None = None) -> Device:
        """Enrol a counter of a new shop (or of ``shop_id``)."""
        code = self.new_code(shop_id) if shop_id is not None else self.invite(name)["code"]
        key = Ed25519PrivateKey.generate()
        response = self.enrol(code, key)
        assert response.status_code == 200, response.text
        return Device(self.server, response.json(), key)

    def check(self) -> list[dict[str, Any]]:
        with self.server.db.read() as session:
            return operator.check(session, alliance_id=self.id)
