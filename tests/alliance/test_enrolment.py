"""Enrolling devices: codes, credentials, certificates, rate limits, protocol version."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import delete

from alliance import operator
from alliance.certs import raw_public, verify_certificate
from alliance.config import Limits
from alliance.security import unb64
from alliance.tables import RateLimit
from tests.alliance.conftest import start_server
from tests.alliance.support import HEADERS, AllianceHelper, Server


def test_enrolment_returns_device_credential_and_certified_key(alliance: AllianceHelper) -> None:
    invite = alliance.invite("茶铺")
    key = Ed25519PrivateKey.generate()
    response = alliance.enrol(invite["code"], key)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["shop_id"] == invite["shop"]
    assert body["alliance_id"] == alliance.id
    assert body["credential"].startswith(body["device_id"] + ".")
    assert body["acked_seq"] == 0
    assert body["epoch"]
    keys = {k["key_id"]: unb64(k["public_key"]) for k in body["alliance_keys"]}
    cert = body["certificate"]
    assert verify_certificate(cert, keys)
    assert unb64(cert["public_key"]) == raw_public(key.public_key())
    assert cert["shop_id"] == invite["shop"]
    assert len(unb64(body["phone_hash_key"]) or b"") == 32
    assert body["policy"]["offline_redeem_points_per_member_shop_day"] == 300


def test_a_code_works_once_and_reenrolling_makes_a_new_device(alliance: AllianceHelper) -> None:
    invite = alliance.invite()
    first = alliance.enrol(invite["code"])
    assert first.status_code == 200
    again = alliance.enrol(invite["code"])
    assert again.status_code == 403
    assert again.json()["error"] == "enrolment_code_used"
    second = alliance.enrol(alliance.new_code(invite["shop"]))
    assert second.status_code == 200
    assert second.json()["device_id"] != first.json()["device_id"]
    assert second.json()["shop_id"] == first.json()["shop_id"]


def test_a_code_is_locked_after_repeated_wrong_secrets(alliance: AllianceHelper) -> None:
    code = alliance.invite()["code"]
    wrong = code[:6] + ("0" if code[6] != "0" else "1") + code[7:]
    statuses = [alliance.enrol(wrong).status_code for _ in range(5)]
    assert statuses == [403] * 5
    locked = alliance.enrol(code)
    assert locked.status_code == 429
    assert locked.json()["error"] == "enrolment_code_locked"


def _reset_rate_limits(server: Server) -> None:
    with server.db.write() as session:
        session.execute(delete(RateLimit))


def test_enrolment_is_rate_limited_per_address(server: Server) -> None:
    limited, stop = start_server(server.db, Limits(enrol_per_ip=3, enrol_window_s=600))
    _reset_rate_limits(server)  # the counter lives in the database, shared by both servers
    try:
        helper = AllianceHelper(limited, AllianceHelper.create(server).id)
        statuses = [helper.enrol("ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ").status_code for _ in range(3)]
        refused = helper.enrol(helper.invite()["code"])
    finally:
        stop()
        _reset_rate_limits(server)
    assert statuses == [403, 403, 403]
    assert refused.status_code == 429
    assert refused.json()["error"] == "too_many_attempts"
    assert int(refused.headers["Retry-After"]) > 0


def test_malformed_code_and_key_are_refused(alliance: AllianceHelper, server: Server) -> None:
    assert alliance.enrol("not a code").status_code == 403
    response = server.post(
        "/v1/enrol",
        json={"code": alliance.invite()["code"], "device_name": "x", "shop_public_key": "AAAA"},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "public_key_invalid"


def test_protocol_version_is_required(alliance: AllianceHelper, server: Server) -> None:
    device = alliance.device()
    missing = server.get(
        "/v1/sync/pull", headers={"Authorization": device.headers["Authorization"]}
    )
    assert missing.status_code == 400
    assert missing.json()["error"] == "protocol_version_unsupported"
    assert missing.json()["supported"] == [1]
    wrong = server.get("/v1/sync/pull", headers={**device.headers, "X-Alliance-Protocol": "2"})
    assert wrong.status_code == 400


def test_wrong_and_revoked_credentials_get_401(alliance: AllianceHelper, server: Server) -> None:
    device = alliance.device()
    assert server.get("/v1/sync/pull").status_code == 401
    forged = {**HEADERS, "Authorization": f"Bearer {device.id}.not-the-secret"}
    assert server.get("/v1/sync/pull", headers=forged).json()["error"] == "credentials_invalid"
    with server.db.write() as session:
        operator.revoke_device(session, device_id=device.id)
    response = device.get("/v1/sync/pull")
    assert response.status_code == 401
    assert response.json()["error"] == "device_revoked"
