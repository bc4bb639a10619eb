"""``merchant-desk pair`` and ``merchant-desk sync``: joining an alliance and syncing with it
from a terminal (set-up scripts, support, scheduled tasks).

    merchant-desk pair --db PATH --server URL --code CODE [--name NAME] [--ca-file FILE]
                       [--owner-pin PIN] [--again]
    merchant-desk sync --db PATH [--json]

``pair`` needs the owner's PIN (``--owner-pin`` or ``MERCHANT_DESK_OWNER_PIN``): joining shares
the consenting members' points with the alliance. ``sync`` runs one cycle (push, then pull)
and prints ``{"ok", "pushed", "pulled", "conflicts", "errors"}``; exit status 1 when it failed.
Both work while the app is running.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

ENV_OWNER_PIN = "MERCHANT_DESK_OWNER_PIN"

MESSAGES = {
    "offline": "the alliance server cannot be reached (no network, or the address is wrong)",
    "timeout": "the alliance server did not answer in time",
    "tls": "the server's certificate could not be verified (wrong address, or give --ca-file)",
    "bad_url": "the server address must start with http:// or https://",
    "bad_answer": "the server's answer was not understood (is this an alliance server?)",
    "protocol": "the server speaks another protocol version; update Merchant Desk or the server",
    "server_busy": "the alliance server is busy or its database is down; try again later",
    "server_error": "the alliance server failed; try again later",
    "rate_limited": "too many attempts; wait a few minutes",
    "unauthorized": "the server no longer accepts this PC; pair it again",
    "device_revoked": "this PC was removed from the alliance; pair it again with a new code",
    "enrolment_code_invalid": "the enrolment code is not valid",
    "enrolment_code_used": "the enrolment code was already used; ask the alliance for a new one",
    "enrolment_code_expired": "the enrolment code has expired; ask the alliance for a new one",
    "enrolment_code_locked": "the enrolment code is locked after too many wrong tries",
    "too_many_attempts": "too many enrolment attempts from this network; wait 10 minutes",
    "already_paired": "this shop is already in an alliance ({detail}); use --again to re-pair",
    "not_paired": "this shop has not joined an alliance; run merchant-desk pair first",
    "reenrol_required": "this database was restored from a backup; pair it again (new code)",
    "credential_lost": "this PC's sync key is missing or does not fit; pair it again",
    "owner_required": "only the owner can join an alliance (a staff PIN was given)",
    "pin_wrong": "the owner PIN is wrong",
    "event_id_reused": "the server already has one of this shop's events with another content;"
    " the shop database may be damaged or copied: contact support (nothing was sent)",
    "device_seq_taken": "the server already has other events under these numbers; this"
    " database may be a copy of another PC's: pair it again (nothing was sent)",
    "content_hash_mismatch": "an event in this shop's outbox is damaged (its checksum does not"
    " match); contact support (nothing was sent)",
    "pin_required": "give the owner PIN (--owner-pin or " + ENV_OWNER_PIN + ")",
}


def message(code: str, detail: str = "") -> str:
    return MESSAGES.get(code, "sync failed: {detail}").format(detail=detail or code)


def register(subparsers: Any) -> None:
    pair = subparsers.add_parser("pair", help="join an alliance with an enrolment code")
    pair.add_argument("--db", type=Path, default=None, help="shop database file")
    pair.add_argument("--server", required=True, help="alliance server address (https://…)")
    pair.add_argument("--code", required=True, help="the one-time enrolment code")
    pair.add_argument("--name", help="a name for this PC in the alliance's device list")
    pair.add_argument("--ca-file", help="certificate authority file for a private server")
    pair.add_argument("--owner-pin", help=f"the owner's PIN (or set {ENV_OWNER_PIN})")
    pair.add_argument("--again", action="store_true", help="leave the current pairing")
    pair.set_defaults(handler=run_pair_command)

    sync = subparsers.add_parser("sync", help="one sync with the alliance server")
    sync.add_argument("--db", type=Path, default=None, help="shop database file")
    sync.add_argument("--json", action="store_true", help="print JSON (the default)")
    sync.set_defaults(handler=run_sync_command)


def _refused(code: str, detail: str = "", **shape: Any) -> tuple[int, dict[str, Any]]:
    from desktop.cli import EXIT_REFUSED

    return EXIT_REFUSED, {"ok": False, **shape, "error": code, "message": message(code, detail)}


def run_pair_command(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, _open_desk
    from desktop.models.clock import utc_now
    from desktop.models.errors import DomainError
    from desktop.sync.errors import SyncError
    from desktop.sync.pairing import pair

    pin = args.owner_pin or os.environ.get(ENV_OWNER_PIN)
    if not pin:
        return _refused("pin_required")
    db, desk = _open_desk(args)
    try:
        try:
            actor = desk.authenticate(pin)
        except DomainError:
            return _refused("pin_wrong")
        if not actor.is_owner:
            return _refused("owner_required")
        try:
            result = pair(
                db,
                server_url=args.server,
                code=args.code,
                device_name=args.name,
                ca_file=args.ca_file,
                again=args.again,
                now=utc_now(),
            )
        except SyncError as exc:
            return _refused(exc.code, exc.message)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "alliance": result.alliance_id,
        "alliance_name": result.alliance_name,
        "shop": result.shop_id,
        "shop_name": result.shop_name,
        "device": result.device_id,
        "new_device": result.new_local_device,
        "members_announced": result.members_announced,
    }


def run_sync_command(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, EXIT_REFUSED, _open_desk
    from desktop.models.clock import utc_now
    from desktop.sync.cycle import run_cycle

    db, _desk = _open_desk(args)
    try:
        report = run_cycle(db, clock=utc_now)
    finally:
        db.close()
    document = report.as_json()
    for error in document["errors"]:
        error["message"] = message(error["code"], error["message"])
    return (EXIT_OK if report.ok else EXIT_REFUSED), document
