"""The ``merchant-desk`` command line: support and test tools that print one JSON document.

With no subcommand (only ``--db`` / ``--lang``, or Qt's own options) it starts the desktop
app. Every subcommand writes exactly one JSON document on stdout, UTF-8, and never a
traceback: a refusal or a database problem is ``{"ok": false, "error": code, "message": …}``
with exit status 1, a bad command line is ``error: "usage"`` with status 2, and anything
unexpected is ``error: "internal"`` with status 3.
"""

from __future__ import annotations

import argparse
import json
import re
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop import cli_backup, cli_coupons, cli_import, cli_members, cli_reports, cli_sync

if TYPE_CHECKING:
    from desktop.models.db import Database
    from desktop.models.service import Desk

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
SUBCOMMANDS = (
    "demo",
    "members",
    "code",
    "sale",
    "checkin",
    "campaigns",
    "coupons",
    "import",
    "report",
    "export",
    "backup",
    "restore",
    "pair",
    "sync",
    "selftest",
    "member",
    "audit",
)
MAX_LIST = 1000
MAX_DEMO_MEMBERS = 100_000
MAX_DEMO_DAYS = 3650
_WHOLE_NUMBER = re.compile(r"[0-9]+")

MESSAGES: dict[str, str] = {
    "not_found": "database file not found: {path}",
    "corrupt": "the database file is damaged or is not a database: {path}",
    "locked": "the database is in use by another program: {path}",
    "read_only": "the database or its folder cannot be written: {path}",
    "too_new": "the database was made by a newer version of Merchant Desk: {path}",
    "unusable": "not a usable Merchant Desk database: {path}",
    "not_set_up": "the shop in this database has not been set up yet",
    "already_set_up": "this database already holds a shop; give a new file for the demo",
    "misread": "the code could not be read (format or check digits wrong); scan again",
    "wrong_kind": "this code is not a member card",
    "unknown_key": "the code was not signed by this shop (unknown key)",
    "bad_signature": "the code's signature is not valid (altered or forged)",
    "expired": "the member card has expired",
    "revoked": "the member card was replaced by a newer card",
    "member_not_found": "no such member",
    "member_required": "points can only be redeemed for a member",
    "amount_invalid": "the amount must be a whole number of fen above 0 (1250 = ¥12.50)",
    "amount_too_large": "the amount is above the maximum of {max_fen} fen",
    "redeem_invalid": "redeem points must be a whole number, 0 or more",
    "redeem_exceeds_amount": "too many points for this amount (at most {max_points})",
    "insufficient_points": "not enough points: balance {balance}, needed {needed}",
    "owner_pin_required": (
        "this sale earns {points} points, above the limit of {limit}: give --owner-pin"
    ),
    "pin_wrong": "the owner PIN is wrong",
    "owner_required": "only the owner can do this",
    # campaigns and coupons
    "spec_file_not_found": "spec file not found: {file}",
    "spec_file_unreadable": "the spec file cannot be read: {file}",
    "spec_not_json": "the spec file is not valid JSON ({detail}): {file}",
    "campaign_not_found": "no such campaign",
    "campaign_not_issuable": "a points multiplier campaign gives no coupons",
    "campaign_paused": "the campaign is paused",
    "campaign_ended": "the campaign has ended",
    "quota_reached": "the campaign's quota of {quota} coupons allows only {left} more",
    "count_invalid": "the count must be between 1 and {max}",
    "batch_not_found": "no such coupon batch",
    "coupon_not_found": "this shop has no such coupon",
    "already_used": "the coupon was already used at {shop} on {used_at}",
    "void": "the coupon was voided",
    "not_yet_valid": "the coupon can be used from {valid_from}",
    "wrong_shop": "the coupon belongs to another shop",
    "wrong_member": "the coupon belongs to another member ({member_name})",
    "min_spend": "the bill must be at least {min_spend_fen} fen to use this coupon",
    "amount_required": "this coupon has no minimum spend: give --amount (the bill in fen)",
    "pdf_not_written": "the coupons were issued but the PDF could not be written",
}


class UsageError(Exception):
    """A bad command line (reported as JSON, exit status 2)."""


class Refusal(Exception):
    """A check in this module failed before any model call (reported like a DomainError)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class JsonArgumentParser(argparse.ArgumentParser):
    """Raises instead of printing usage text and exiting, so the error can be JSON."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _message(code: str, params: dict[str, Any], fallback: str = "") -> str:
    template = MESSAGES.get(code)
    if template is None:
        return fallback or code
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


# -- argument types ------------------------------------------------------------------------


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return value

    return parse


def _member_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a member id: {text!r}") from None


def _amount_fen(text: str) -> int:
    """Strictly a positive whole number of fen: no decimals, signs, exponents or spaces."""
    from desktop.models.sales import MAX_SALE_FEN

    if not _WHOLE_NUMBER.fullmatch(text):
        raise Refusal("amount_invalid", given=text)
    value = int(text)
    if value <= 0:
        raise Refusal("amount_invalid", given=text)
    if value > MAX_SALE_FEN:
        raise Refusal("amount_too_large", max_fen=MAX_SALE_FEN)
    return value


def _redeem_points(text: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(text):
        raise Refusal("redeem_invalid", given=text)
    return int(text)


# -- the parser ----------------------------------------------------------------------------


def build_parser() -> JsonArgumentParser:
    parser = JsonArgumentParser(
        prog="merchant-desk",
        description="Merchant Desk. Without a command, starts the desktop app.",
    )
    parser.add_argument("--db", type=Path, help="shop database file")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language (app)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    # --db is accepted after the command too; SUPPRESS keeps a top-level value.
    db_option = JsonArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="shop database file (default: the app's data folder)",
    )

    demo = commands.add_parser("demo", parents=[db_option], help="create a demo shop")
    demo.add_argument("--members", type=_bounded_int(0, MAX_DEMO_MEMBERS), required=True)
    demo.add_argument("--days", type=_bounded_int(0, MAX_DEMO_DAYS), default=365)
    demo.add_argument("--seed", type=_bounded_int(0, 2**63 - 1), default=None)

    members = commands.add_parser("members", help="member lists")
    member_commands = members.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = member_commands.add_parser("list", parents=[db_option], help="list members")
    listing.add_argument("--json", action="store_true", help="JSON output (the only format)")
    listing.add_argument("--limit", type=_bounded_int(1, MAX_LIST), default=50)
    listing.add_argument("--query", default="", help="phone, last 4 digits, name or pinyin")

    code = commands.add_parser("code", help="member card codes")
    code_commands = code.add_subparsers(dest="action", metavar="ACTION", required=True)
    member_code = code_commands.add_parser(
        "member", parents=[db_option], help="the digits of a member's card"
    )
    member_code.add_argument("--member-id", type=_member_id, required=True)
    verify = code_commands.add_parser("verify", parents=[db_option], help="check a scanned code")
    verify.add_argument("digits", help="what the scanner typed")

    sale = commands.add_parser("sale", parents=[db_option], help="record a sale")
    who = sale.add_mutually_exclusive_group(required=True)
    who.add_argument("--code", help="the member's card digits")
    who.add_argument("--member-id", type=_member_id)
    sale.add_argument("--amount", required=True, help="amount in fen (1250 = ¥12.50)")
    sale.add_argument("--redeem-points", default="0", help="points to pay with")
    sale.add_argument("--owner-pin", help="the owner's PIN, for large earns")

    checkin = commands.add_parser("checkin", parents=[db_option], help="check a member in")
    checkin.add_argument("--code", required=True, help="the member's card digits")
    cli_reports.register(commands)
    cli_import.register(commands)
    cli_coupons.register(commands)
    cli_backup.register(commands)
    cli_sync.register(commands)
    cli_members.register(commands)
    selftest = commands.add_parser("selftest", help="check this installation (temporary shop)")
    selftest.add_argument("--out", type=Path, default=None, help="also write the JSON here")
    return parser


def _first_command(argv: list[str]) -> tuple[str | None, bool]:
    """The first positional word, and whether a single-dash (Qt style) option came before."""
    qt_style = False
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--":
            return None, qt_style
        elif token in ("--db", "--lang", "--selftest-out"):
            skip = True
        elif token.startswith("--"):
            continue
        elif token.startswith("-") and len(token) > 1:
            qt_style = True
        else:
            return token, qt_style
    return None, qt_style


def _wants_gui(argv: list[str]) -> bool:
    """No command word (or one after a Qt option such as ``-platform offscreen``)."""
    if "-h" in argv or "--help" in argv:
        return False
    command, qt_style = _first_command(argv)
    return command is None or (qt_style and command not in SUBCOMMANDS)


# -- running -------------------------------------------------------------------------------


def _emit(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _failure(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"ok": False, **extra, "error": code, "message": message}


def _open(path: Path | None, *, create: bool = False) -> Database:
    from desktop import config
    from desktop.models.db import open_database

    return open_database(path if path is not None else config.default_db_path(), create=create)


def _open_desk(args: argparse.Namespace) -> tuple[Database, Desk]:
    from desktop.models.service import Desk

    db = _open(args.db)
    desk = Desk(db)
    if not desk.is_set_up():
        db.close()
        raise Refusal("not_set_up")
    return db, desk


def _run_demo(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.models import demo
    from desktop.models.clock import utc_now

    if args.db is None:
        raise UsageError("merchant-desk demo: the following arguments are required: --db")
    path: Path = args.db
    created = not path.exists()
    seed = args.seed if args.seed is not None else secrets.randbelow(2**31)
    db = _open(path, create=True)
    try:
        from desktop.models.service import Desk

        if not created and Desk(db).is_set_up():
            raise Refusal("already_set_up")
        plan = demo.plan_demo(seed=seed, members=args.members, days=args.days, now=utc_now())
        result = demo.build_demo(db, plan)
    except BaseException:
        db.close()
        if created:
            _remove_database(path)
        raise
    db.close()
    return EXIT_OK, {
        "ok": True,
        "db": str(path),
        "members": result.members,
        "sales": result.sales,
        "checkins": result.checkins,
        "owner_pin": result.owner_pin,
        "shop": result.shop_name,
        "seed": seed,
        "days": args.days,
        "redemptions": result.redemptions,
        "refunds": result.refunds,
        "campaigns": result.campaigns,
        "coupons_issued": result.coupons_issued,
        "coupons_redeemed": result.coupons_redeemed,
    }


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _run_members_list(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.models.members import MAX_PAGE
    from desktop.models.tiers import TIER_NAMES

    db, desk = _open_desk(args)
    try:
        rows: list[dict[str, Any]] = []
        offset = 0
        while len(rows) < args.limit:
            page = desk.search_members(
                args.query, offset=offset, limit=min(MAX_PAGE, args.limit - len(rows))
            )
            rows += [
                {
                    "id": m.id,
                    "name": m.name,
                    "phone": m.phone_masked,
                    "tier": TIER_NAMES.get(m.tier, str(m.tier)),
                    "balance": m.balance,
                }
                for m in page.items
            ]
            offset += len(page.items)
            if not page.has_more or not page.items:
                break
    finally:
        db.close()
    return EXIT_OK, rows


def _check_member_id(member_id: int) -> int:
    if not 1 <= member_id < 2**63:
        raise Refusal("member_not_found")
    return member_id


def _run_code_member(args: argparse.Namespace) -> tuple[int, Any]:
    member_id = _check_member_id(args.member_id)
    db, desk = _open_desk(args)
    try:
        digits = desk.member_code(member_id)
    finally:
        db.close()
    return EXIT_OK, {"ok": True, "member_id": member_id, "digits": digits}


def _mangling(raw: str) -> str | None:
    from desktop.models.qrtoken import TokenError, parse_frame
    from desktop.models.scaninput import normalize_scan

    def frame_ok(digits: str) -> bool:
        try:
            parse_frame(digits)
        except TokenError:
            return False
        return True

    scan = normalize_scan(raw, accept=frame_ok)
    return scan.mangling.value if scan.mangling is not None else None


def _run_code_verify(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.models.errors import DomainError

    raw: str = args.digits
    db, desk = _open_desk(args)
    try:
        code_kind = desk.check_code(raw)
        mangling = _mangling(raw)
        if code_kind == "coupon":
            return cli_coupons.verify_coupon_code(desk, raw, mangling)
        kind = "member" if code_kind == "member" else None
        try:
            card = desk.lookup_scan(raw)
        except DomainError as exc:
            return EXIT_REFUSED, {
                "ok": False,
                "kind": kind,
                "error": exc.code,
                "member_id": None,
                "mangling": exc.params.get("mangling", mangling),
                "message": _message(exc.code, exc.params, str(exc)),
            }
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "kind": "member",
        "error": None,
        "member_id": card.id,
        "mangling": mangling,
    }


def _run_sale(args: argparse.Namespace) -> tuple[int, Any]:
    amount = _amount_fen(args.amount)
    redeem = _redeem_points(args.redeem_points)
    member_id = None if args.member_id is None else _check_member_id(args.member_id)
    db, desk = _open_desk(args)
    try:
        if args.code is not None:
            member_id = desk.lookup_scan(args.code).id
        owner = None
        if args.owner_pin is not None:
            owner = desk.authenticate(args.owner_pin, owner_only=True)
        result = desk.record_sale(
            amount_fen=amount, member_id=member_id, by=owner, redeem_points=redeem, owner=owner
        )
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "sale": result.sale_id,
        "member_id": result.member_id,
        "amount_fen": result.amount_fen,
        "paid_fen": result.paid_fen,
        "points_earned": result.points_earned,
        "points_redeemed": result.points_redeemed,
        "balance": result.balance,
        "error": None,
    }


def _run_selftest(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop import selftest

    document = selftest.run_selftest()
    selftest.write_result(document, args.out)
    return (EXIT_OK if document["ok"] else EXIT_REFUSED), document


def _run_checkin(args: argparse.Namespace) -> tuple[int, Any]:
    db, desk = _open_desk(args)
    try:
        member_id = desk.lookup_scan(args.code).id
        result = desk.check_in(member_id=member_id, by=None)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "member_id": member_id,
        "rewarded": result.rewarded,
        "points": result.points,
        "balance": result.balance,
        "error": None,
    }


# The keys a command's JSON carries even when it fails, so scripts can read them blindly.
_FAILURE_SHAPES: dict[str, dict[str, Any]] = {
    "sale": {"sale": None, "points_earned": 0, "points_redeemed": 0, "balance": None},
    "checkin": {"rewarded": False},
    "code verify": {"kind": None, "member_id": None, "mangling": None},
}


def _dispatch(args: argparse.Namespace) -> tuple[int, Any]:
    action = getattr(args, "action", None)
    name = f"{args.command} {action}" if action else args.command
    handlers: dict[str, Callable[[argparse.Namespace], tuple[int, Any]]] = {
        "demo": _run_demo,
        "members list": _run_members_list,
        "code member": _run_code_member,
        "code verify": _run_code_verify,
        "sale": _run_sale,
        "checkin": _run_checkin,
        "selftest": _run_selftest,
    }
    from desktop.models.errors import DatabaseOpenError, DomainError

    shape = _FAILURE_SHAPES.get(name) or cli_coupons.FAILURE_SHAPES.get(name, {})
    try:
        return (getattr(args, "handler", None) or handlers[name])(args)
    except DatabaseOpenError as exc:
        params = {"path": exc.path}
        return EXIT_REFUSED, _failure(exc.code, _message(exc.code, params, str(exc)), **shape)
    except (DomainError, Refusal) as exc:
        return EXIT_REFUSED, _failure(exc.code, _message(exc.code, exc.params, str(exc)), **shape)


def _use_utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                pass


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    detail = text[0] if text else ""
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``merchant-desk`` and ``python -m desktop``; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if _wants_gui(argv):
        from desktop.app import main as gui_main

        return gui_main(argv)
    _use_utf8_output()
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:  # only reachable with "--" and nothing after it
            raise UsageError("merchant-desk: a command is required")
        status, document = _dispatch(args)
    except UsageError as exc:
        status, document = EXIT_USAGE, _failure("usage", str(exc))
    except KeyboardInterrupt:
        status, document = EXIT_INTERRUPTED, _failure("interrupted", "interrupted")
    except Exception as exc:  # a bug: still one line of JSON, never a traceback
        status, document = EXIT_INTERNAL, _failure("internal", _one_line(exc))
    _emit(document)
    return status
