"""``merchant-desk member …`` and ``merchant-desk audit verify``: a member's data rights and the
audit log's check from a terminal.

    merchant-desk member export --db PATH --member ID --out FILE [--format json|xlsx]
        --owner-pin PIN
    merchant-desk member erase --db PATH --member ID --owner-pin PIN
    merchant-desk audit verify --db PATH [--show N]

``member export`` writes everything held about one member (profile, consents with times,
ledger, sales, visits, coupons) to a JSON or xlsx file; ``member erase`` anonymises the member
and keeps the ledger. Both need the owner's PIN (``--owner-pin`` or ``MERCHANT_DESK_OWNER_PIN``);
a staff member's PIN is refused and the refusal written to the audit log. ``audit verify``
walks the audit log's hash chain: ``{"ok": …, "entries": n, "first_bad": id | null}``, exit
status 1 when a record was changed or deleted. Each prints one JSON document.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli_backup import _db_option

if TYPE_CHECKING:
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

ENV_OWNER_PIN = "MERCHANT_DESK_OWNER_PIN"
MAX_SHOW = 1000

MESSAGES = {
    "owner_required": "only the owner can do this (a staff PIN was given); the attempt was"
    " written to the audit log",
    "pin_wrong": "the owner PIN is wrong",
    "member_not_found": "no such member",
    "already_erased": "this member was already erased (at {erased_at} UTC); nothing was changed",
    "export_format_invalid": "the format must be one of: {formats}",
    "write_failed": "the file could not be written: {detail}",
    "audit_tampered": "the audit log has been altered: record {first_bad} does not match the chain",
}


def _member_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a member id: {text!r}") from None
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"not a member id: {text!r}")
    return value


def _show(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= MAX_SHOW:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_SHOW}")
    return int(text)


def register(subparsers: Any) -> None:
    """Add the ``member`` and ``audit`` commands to the ``merchant-desk`` parser."""
    member = subparsers.add_parser("member", help="a member's data: export or erase")
    actions = member.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="everything held about one member, to a file")
    _db_option(export)
    export.add_argument("--member", type=_member_id, required=True, help="the member id")
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    export.add_argument(
        "--format", choices=("json", "xlsx"), help="default: from --out (.xlsx), else json"
    )
    export.add_argument("--owner-pin", help=f"the owner's PIN (or set {ENV_OWNER_PIN})")
    export.set_defaults(handler=run_member_export)

    erase = actions.add_parser("erase", help="anonymise a member, keeping the ledger")
    _db_option(erase)
    erase.add_argument("--member", type=_member_id, required=True, help="the member id")
    erase.add_argument("--owner-pin", help=f"the owner's PIN (or set {ENV_OWNER_PIN})")
    erase.set_defaults(handler=run_member_erase)

    audit = subparsers.add_parser("audit", help="the audit log")
    audit_actions = audit.add_subparsers(dest="action", metavar="ACTION", required=True)
    verify = audit_actions.add_parser("verify", help="check the audit log's hash chain")
    _db_option(verify)
    verify.add_argument(
        "--show", type=_show, default=0, help="also list the latest N records (who did what)"
    )
    verify.set_defaults(handler=run_audit_verify)


def _message(code: str, params: dict[str, Any]) -> str:
    from desktop.cli import _message as common

    template = MESSAGES.get(code)
    if template is None:
        return common(code, params, code)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _refusal(code: str, params: dict[str, Any], **shape: Any) -> tuple[int, dict[str, Any]]:
    from desktop.cli import EXIT_REFUSED

    return EXIT_REFUSED, {"ok": False, **shape, "error": code, "message": _message(code, params)}


def _signed_in(desk: Desk, args: argparse.Namespace, command: str) -> Actor:
    """Whoever's PIN this is: a staff member is refused (and audited) by the action itself."""
    from desktop.cli import UsageError

    pin = args.owner_pin or os.environ.get(ENV_OWNER_PIN)
    if not pin:
        raise UsageError(f"merchant-desk member {command}: give --owner-pin or set {ENV_OWNER_PIN}")
    return desk.authenticate(pin)


def run_member_export(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, _open_desk
    from desktop.models.errors import DomainError

    target: Path = args.out
    fmt = args.format or ("xlsx" if target.suffix.lower() == ".xlsx" else "json")
    shape: dict[str, Any] = {"member_id": args.member, "file": None}
    db, desk = _open_desk(args)
    try:
        by = _signed_in(desk, args, "export")
        result = desk.export_member_data(args.member, target, fmt, by=by)
    except DomainError as exc:
        return _refusal(exc.code, exc.params, **shape)
    except OSError as exc:
        return _refusal("write_failed", {"detail": str(exc)}, **shape)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "member_id": args.member,
        "file": str(result.path),
        "format": result.format,
        "rows": result.rows,
        "error": None,
    }


def run_member_erase(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, _open_desk
    from desktop.models.errors import DomainError

    shape: dict[str, Any] = {"member_id": args.member, "erased_at": None}
    db, desk = _open_desk(args)
    try:
        by = _signed_in(desk, args, "erase")
        erased = desk.erase_member(args.member, by=by)
    except DomainError as exc:
        return _refusal(exc.code, exc.params, **shape)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "member_id": erased.member_id,
        "erased_at": erased.erased_at.isoformat(timespec="seconds") + "Z",
        "points_kept": erased.points_kept,
        "consents_withdrawn": list(erased.consents_withdrawn),
        "error": None,
    }


def _records(desk: Desk, count: int) -> list[dict[str, Any]]:
    names = {s.id: s.name for s in desk.staff_list(include_inactive=True)}
    return [
        {
            "id": r.id,
            "at": r.at.isoformat(timespec="seconds") + "Z",
            "by": names.get(r.staff_id) if r.staff_id is not None else None,
            "staff_id": r.staff_id,
            "action": r.action,
            "details": _details(r.details),
        }
        for r in desk.recent_audit(limit=count)
    ]


def _details(text: str) -> Any:
    import json

    try:
        return json.loads(text)
    except ValueError:  # a hand-edited record: shown as it is
        return text


def run_audit_verify(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, EXIT_REFUSED, _open_desk

    db, desk = _open_desk(args)
    try:
        check = desk.verify_audit()
        records = _records(desk, args.show) if args.show else None
    finally:
        db.close()
    document: dict[str, Any] = {
        "ok": check.ok,
        "entries": check.records,
        "first_bad": check.first_bad_id,
        "error": None if check.ok else "audit_tampered",
        "message": "the audit log is intact"
        if check.ok
        else _message("audit_tampered", {"first_bad": check.first_bad_id}),
    }
    if records is not None:
        document["records"] = records
    return (EXIT_OK if check.ok else EXIT_REFUSED), document
