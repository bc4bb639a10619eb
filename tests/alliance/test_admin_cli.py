"""``alliance-admin``: JSON on stdout for every command, errors as JSON with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from alliance import admin
from tests.alliance.support import AllianceHelper, Device, Server


def cli(server: Server, *args: str) -> tuple[int, dict[str, Any]]:
    """The real command, in its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "alliance.admin", "--database-url", server.db.url, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stderr == "", done.stderr
    out: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, out


def run(server: Server, *args: str) -> tuple[int, dict[str, Any]]:
    """The same command in this process (faster, for the many small ones)."""
    return admin.run(["--database-url", server.db.url, *args])


def test_create_alliance_invite_enrol_list_revoke(server: Server, tmp_path: Path) -> None:
    status, created = cli(server, "create-alliance", "西街商盟")
    assert status == 0
    assert isinstance(created["alliance"], int)
    alliance_id = str(created["alliance"])
    status, invite = cli(server, "invite-shop", "--alliance", alliance_id, "--name", "面馆")
    assert status == 0
    assert set(invite) == {"shop", "code", "expires_at"}
    helper = AllianceHelper(server, created["alliance"])
    response = helper.enrol(invite["code"])
    assert response.status_code == 200
    status, shops = run(server, "list-shops", "--alliance", alliance_id)
    assert shops == {
        "shops": [
            {
                "id": invite["shop"],
                "name": "面馆",
                "created_at": shops["shops"][0]["created_at"],
                "devices": 1,
            }
        ]
    }
    status, devices = run(server, "list-devices", "--alliance", alliance_id)
    (listed,) = devices["devices"]
    assert listed["id"] == response.json()["device_id"]
    assert listed["revoked_at"] is None
    status, revoked = cli(server, "revoke-device", listed["id"])
    assert status == 0
    assert revoked["device"] == listed["id"]
    assert revoked["revoked_at"]
    spec = tmp_path / "spec.json"
    spec.write_text(
        json.dumps(
            {
                "name": "满100减10",
                "kind": "spend_save",
                "value_fen": 1000,
                "min_spend_fen": 10000,
                "valid_days": 7,
                "scope": "alliance",
            }
        ),
        encoding="utf-8",
    )
    status, campaign = cli(
        server, "create-campaign", "--alliance", alliance_id, "--json-spec", str(spec)
    )
    assert status == 0
    assert isinstance(campaign["campaign"], int)
    status, checked = cli(server, "check")
    assert (status, checked) == (0, {"ok": True, "problems": []})


def test_rotate_keys_keeps_the_old_key_and_recertifies_shops(alliance: AllianceHelper) -> None:
    device = alliance.device()
    status, rotated = run(alliance.server, "rotate-keys", "--alliance", str(alliance.id))
    assert status == 0
    assert rotated["recertified"] == 1
    device.sync_down()
    keys = {k: v for k, v in device.state.items() if k.startswith("key:")}
    owners = sorted((v["owner"], v["retired_at"] is None) for v in keys.values())
    assert owners == [("alliance", False), ("alliance", True), ("shop", True)]
    (shop_key,) = [v for v in keys.values() if v["owner"] == "shop"]
    assert shop_key["certificate"]["signer_key_id"] == rotated["key_id"]


def test_policy_results_settlement_conflicts_as_json(alliance: AllianceHelper) -> None:
    device: Device = alliance.device()
    aid = str(alliance.id)
    status, policy = run(alliance.server, "set-policy", "--alliance", aid, "referral_share_pct=8")
    assert status == 0
    assert policy["policy"]["referral_share_pct"] == 8
    device.sync_down()
    assert device.state["alliance"]["policy"]["referral_share_pct"] == 8
    status, bad = run(alliance.server, "set-policy", "--alliance", aid, "nonsense=1")
    assert status == 2
    assert bad == {
        "ok": False,
        "error": "policy_key_unknown",
        "message": "policy key unknown",
        "key": "nonsense",
    }
    status, statements = run(
        alliance.server,
        "settlement",
        "--alliance",
        aid,
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    )
    assert status == 0
    assert statements["statements"][0]["shop"] == device.shop_id
    status, conflicts = run(alliance.server, "conflicts", "--alliance", aid)
    assert (status, conflicts) == (0, {"conflicts": []})


def test_errors_are_json_with_exit_2(server: Server) -> None:
    status, out = cli(server, "invite-shop", "--alliance", "999999", "--name", "x")
    assert status == 2
    assert out["ok"] is False
    assert out["error"] == "alliance_not_found"
    status, out = run(server, "issue-coupons", "--campaign", "999999")
    assert status == 2
    assert out["error"] == "campaign_not_found"
