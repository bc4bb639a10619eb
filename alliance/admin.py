"""``alliance-admin``: the operator's commands. JSON on stdout; errors are
``{"ok": false, "error": code, "message": text}`` with exit status 2."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from alliance import operator
from alliance.campaigns import service as campaigns
from alliance.config import Limits, resolve_database_url
from alliance.db import Database
from alliance.errors import ApiError
from alliance.settlement import service as settlement


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="alliance-admin", description="Run the alliance.")
    p.add_argument("--database-url", help="default: $DATABASE_URL, else the embedded SQLite file")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="bring the schema up to date")
    c = sub.add_parser("create-alliance")
    c.add_argument("name")
    c = sub.add_parser("invite-shop", help="a new shop and its one-time enrolment code")
    c.add_argument("--alliance", type=int, required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--days", type=int, default=Limits.enrol_code_days)
    c = sub.add_parser("new-code", help="another enrolment code for an existing shop")
    c.add_argument("--shop", type=int, required=True)
    c.add_argument("--days", type=int, default=Limits.enrol_code_days)
    c = sub.add_parser("list-shops")
    c.add_argument("--alliance", type=int, required=True)
    c = sub.add_parser("list-devices")
    c.add_argument("--alliance", type=int, required=True)
    c.add_argument("--shop", type=int)
    c = sub.add_parser("revoke-device")
    c.add_argument("device")
    c = sub.add_parser("rotate-keys")
    c.add_argument("--alliance", type=int, required=True)
    c = sub.add_parser("set-policy", help="change policy numbers: KEY=JSON …")
    c.add_argument("--alliance", type=int, required=True)
    c.add_argument("changes", nargs="+")
    c = sub.add_parser("create-campaign")
    c.add_argument("--alliance", type=int, required=True)
    c.add_argument("--json-spec", type=Path, required=True)
    c = sub.add_parser("campaign-state")
    c.add_argument("--campaign", type=int, required=True)
    c.add_argument("--state", required=True, choices=campaigns.STATES)
    c = sub.add_parser("issue-coupons")
    c.add_argument("--campaign", type=int, required=True)
    c.add_argument("--count", type=int, default=1)
    c.add_argument("--member", type=int)
    c = sub.add_parser("campaign-results")
    c.add_argument("--campaign", type=int, required=True)
    c = sub.add_parser("settlement")
    c.add_argument("--alliance", type=int, required=True)
    c.add_argument("--from", dest="start", type=dt.date.fromisoformat, required=True)
    c.add_argument("--to", dest="end", type=dt.date.fromisoformat, required=True)
    c = sub.add_parser("conflicts")
    c.add_argument("--alliance", type=int, required=True)
    sub.add_parser("new-epoch", help="after restoring a backup: devices re-push what was lost")
    c = sub.add_parser("check", help="ledger and sync invariants")
    c.add_argument("--alliance", type=int)
    return p


def _policy_changes(items: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            raise ApiError(400, "policy_change_invalid", "write KEY=VALUE", item=item)
        try:
            out[key] = json.loads(value)
        except json.JSONDecodeError:
            out[key] = value
    return out


def _read_spec(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ApiError(400, "file_unreadable", str(exc)) from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, "json_invalid", str(exc)) from None


Command = Callable[[Session, argparse.Namespace], dict[str, Any]]


def _check(s: Session, a: argparse.Namespace) -> dict[str, Any]:
    problems = operator.check(s, alliance_id=a.alliance)
    return {"ok": not problems, "problems": problems}


COMMANDS: dict[str, Command] = {
    "create-alliance": lambda s, a: {"alliance": operator.create_alliance(s, name=a.name)},
    "invite-shop": lambda s, a: operator.invite_shop(
        s, alliance_id=a.alliance, name=a.name, days=a.days
    ),
    "new-code": lambda s, a: operator.new_code(s, shop_id=a.shop, days=a.days),
    "list-shops": lambda s, a: {"shops": operator.list_shops(s, alliance_id=a.alliance)},
    "list-devices": lambda s, a: {
        "devices": operator.list_devices(s, alliance_id=a.alliance, shop_id=a.shop)
    },
    "revoke-device": lambda s, a: operator.revoke_device(s, device_id=a.device),
    "rotate-keys": lambda s, a: operator.rotate_keys(s, alliance_id=a.alliance),
    "set-policy": lambda s, a: {
        "policy": operator.set_policy(s, alliance_id=a.alliance, changes=_policy_changes(a.changes))
    },
    "create-campaign": lambda s, a: {
        "campaign": campaigns.create_campaign(
            s, alliance_id=a.alliance, spec_json=_read_spec(a.json_spec)
        )
    },
    "campaign-state": lambda s, a: campaigns.set_state(s, campaign_id=a.campaign, state=a.state),
    "issue-coupons": lambda s, a: {
        "coupons": campaigns.issue_coupons(
            s, campaign_id=a.campaign, count=a.count, member_id=a.member
        )
    },
    "campaign-results": lambda s, a: campaigns.results(s, campaign_id=a.campaign),
    "settlement": lambda s, a: {
        "statements": settlement.statements(s, alliance_id=a.alliance, start=a.start, end=a.end)
    },
    "conflicts": lambda s, a: {"conflicts": operator.list_conflicts(s, alliance_id=a.alliance)},
    "new-epoch": lambda s, a: {"epoch": operator.new_epoch(s)},
    "check": _check,
}


def run(argv: Sequence[str] | None = None) -> tuple[int, dict[str, Any]]:
    """Run one command; returns (exit status, JSON document)."""
    args = _parser().parse_args(argv)
    db = Database(resolve_database_url(args.database_url))
    try:
        if args.command == "migrate":
            db.migrate()
            return 0, {"ok": True}
        db.migrate()
        with db.write() as session:
            out = COMMANDS[args.command](session, args)
        if args.command == "check":
            return (0 if out["ok"] else 1), out
        return 0, out
    except ApiError as exc:
        return 2, {"ok": False, "error": exc.code, "message": exc.message, **exc.params}
    finally:
        db.dispose()


def main(argv: Sequence[str] | None = None) -> None:
    status, out = run(argv)
    sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
    sys.exit(status)


if __name__ == "__main__":
    main()
