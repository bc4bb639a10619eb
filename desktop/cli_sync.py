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

from desktop.sync.messages import MESSAGES, message

__all__ = ["MESSAGES", "message", "register"]

ENV_OWNER_PIN = "MERCHANT_DESK_OWNER_PIN"


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
                by_staff_id=actor.staff_id,
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
