"""``merchant-desk campaigns create`` and ``merchant-desk coupons batch|reprint|redeem``:
campaigns and coupons from the command line, one JSON document on stdout as in
:mod:`desktop.cli`.

    merchant-desk campaigns create --db PATH --json-spec spec.json
    merchant-desk coupons batch --db PATH --campaign 3 --count 40 --pdf coupons.pdf --per-page 3x5
    merchant-desk coupons reprint --db PATH --batch 7 --pdf again.pdf
    merchant-desk coupons redeem --db PATH DIGITS [--amount FEN] [--member ID]

Creating a campaign, issuing a batch and reprinting one are owner actions: they run as the
owner whose PIN ``--owner-pin`` gives, or else as the shop's owner (as ``import`` does); the
audit log names that owner for the campaign and the batch. ``coupons batch`` issues the
coupons first and then writes the A4 sheet; when the PDF cannot be written the coupons stay
issued and the JSON lists them (``error: "pdf_not_written"``, exit status 1) so
``coupons reprint`` can print them again. ``coupons redeem`` records a sale with the coupon
applied, exactly once even with two counters on one database. ``merchant-desk code verify``
of a coupon code is answered by :func:`verify_coupon_code`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models.coupons import CouponInfo
    from desktop.models.errors import DomainError
    from desktop.models.service import Desk
    from desktop.models.staff import Actor

# Refusals worded for a coupon (the same codes mean a member card in desktop.cli.MESSAGES).
# "code:kind" entries are chosen by the refusal's ``kind`` parameter.
COUPON_MESSAGES: dict[str, str] = {
    "unknown_key": "the coupon was not signed by this shop (unknown key)",
    "bad_signature": "the coupon's signature is not valid (altered or forged)",
    "wrong_kind:member": "this is a member card, not a coupon",
    "wrong_kind": "this code is not a coupon",
    "expired": "the coupon has expired (its last day was {valid_to})",
    "member_required": "this coupon is for one member only: give --member with their id",
}

PROBLEM_TEXTS = {
    "unknown": "unknown key",
    "duplicate": "given twice",
    "required": "required",
    "invalid": "not a valid value",
    "negative": "must not be negative",
    "zero": "must not be 0",
    "above_100": "above 100",
    "too_large": "too large",
    "too_long": "too long",
    "out_of_range": "out of range",
    "before_valid_from": "before valid_from",
    "both": "give valid_from and valid_to, or valid_days, not both",
    "neither": "give valid_from and valid_to, or valid_days",
    "not_for_kind": "not used by this kind of campaign",
}

# The keys each command's JSON carries even when it fails, so scripts can read them blindly.
FAILURE_SHAPES: dict[str, dict[str, Any]] = {
    "campaigns create": {"campaign": None},
    "coupons batch": {"campaign": None, "batch": None, "coupons": [], "pdf": None},
    "coupons reprint": {"batch": None, "coupons": [], "pdf": None},
    "coupons redeem": {"coupon": None, "serial": None, "sale": None, "discount_fen": 0},
}

_GRID = re.compile(r"([1-9])\s*[x×X*]\s*([1-9])")
_WHOLE_NUMBER = re.compile(r"[0-9]{1,19}")


# -- the parser ----------------------------------------------------------------------------


def _whole_number(text: str) -> int:
    if not _WHOLE_NUMBER.fullmatch(text):
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    return int(text)


def _grid(text: str) -> tuple[int, int]:
    match = _GRID.fullmatch(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"not COLUMNSxROWS (like 3x5): {text!r}")
    return int(match.group(1)), int(match.group(2))


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="shop database file (default: the app's data folder)",
    )


def register(subparsers: Any) -> None:
    """Add the ``campaigns`` and ``coupons`` commands to the ``merchant-desk`` parser."""
    campaigns = subparsers.add_parser("campaigns", help="coupon campaigns")
    campaign_commands = campaigns.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = campaign_commands.add_parser(
        "create",
        help="create a campaign from a JSON spec",
        description=(
            "Create a campaign from a JSON object: name, kind (amount_off, percent_off,"
            " spend_save, gift, points_multiplier), value_fen, percent, cap_fen, min_spend_fen,"
            " gift, multiplier, valid_from + valid_to (YYYY-MM-DD) or valid_days, quota,"
            " per_member_limit, scope (shop, alliance), offline_redeemable, holdout_pct, terms,"
            " trigger. Unknown or invalid keys are refused, each named. Runs as the owner."
        ),
    )
    _db_option(create)
    create.add_argument(
        "--json-spec", required=True, metavar="FILE", help="the spec file (- reads stdin)"
    )
    create.add_argument("--owner-pin", help="the owner's PIN (default: act as the shop's owner)")
    create.set_defaults(handler=run_campaign_create)

    coupons = subparsers.add_parser("coupons", help="issue and redeem coupons")
    coupon_commands = coupons.add_subparsers(dest="action", metavar="ACTION", required=True)
    batch = coupon_commands.add_parser(
        "batch",
        help="issue bearer coupons and write them as an A4 PDF sheet",
        description=(
            "Issue COUNT bearer coupons of a campaign and write them to a PDF, PER_PAGE to an"
            " A4 page. The coupons are issued first: if the PDF cannot be written they stay"
            " issued and their ids are listed, so they can be printed again. Runs as the owner."
        ),
    )
    _db_option(batch)
    batch.add_argument("--campaign", type=_whole_number, required=True, metavar="ID")
    batch.add_argument(
        "--count", type=_whole_number, required=True, metavar="N", help="coupons to issue"
    )
    batch.add_argument(
        "--pdf", type=Path, required=True, metavar="OUT.pdf", help="the .pdf file to write"
    )
    batch.add_argument(
        "--per-page",
        type=_grid,
        default=None,
        metavar="CxR",
        help="coupons across x down an A4 page: 2x3, 2x4 (default), 2x5, 3x5, 3x6 or 3x7",
    )
    batch.add_argument("--owner-pin", help="the owner's PIN (default: act as the shop's owner)")
    batch.set_defaults(handler=run_coupon_batch)

    reprint = coupon_commands.add_parser(
        "reprint",
        help="write a batch's unused coupons to a PDF again",
        description=(
            "Write the coupons of a batch that can still be used (not used, voided or expired)"
            " to a PDF again, with the same codes. Nothing is issued. Runs as the owner."
        ),
    )
    _db_option(reprint)
    reprint.add_argument("--batch", type=_whole_number, required=True, metavar="ID")
    reprint.add_argument(
        "--pdf", type=Path, required=True, metavar="OUT.pdf", help="the .pdf file to write"
    )
    reprint.add_argument("--per-page", type=_grid, default=None, metavar="CxR", help="as batch")
    reprint.add_argument("--owner-pin", help="the owner's PIN (default: act as the shop's owner)")
    reprint.set_defaults(handler=run_coupon_reprint)

    redeem = coupon_commands.add_parser(
        "redeem",
        help="use a coupon on a sale",
        description=(
            "Check a scanned coupon and record a sale of --amount fen with it applied; exit"
            " status 0 when the coupon was used. Without --amount the sale is the coupon's"
            " minimum spend; a coupon without one needs --amount (a gift coupon too: a sale"
            " is at least 1 fen). A coupon bound to a member needs --member."
        ),
    )
    _db_option(redeem)
    redeem.add_argument("digits", help="what the scanner typed")
    redeem.add_argument(
        "--amount",
        metavar="FEN",
        help="the bill in fen (1250 = ¥12.50); default: the coupon's minimum spend",
    )
    redeem.add_argument("--member", type=_whole_number, metavar="ID", help="member on the sale")
    redeem.add_argument("--owner-pin", help="the owner's PIN, for large earns")
    redeem.set_defaults(handler=run_coupon_redeem)


# -- shared --------------------------------------------------------------------------------


def coupon_message(code: str, params: dict[str, Any], fallback: str = "") -> str:
    """English text for a refusal met while handling a coupon."""
    from desktop.cli import _message

    template = COUPON_MESSAGES.get(f"{code}:{params.get('kind')}") or COUPON_MESSAGES.get(code)
    if template is None:
        return _message(code, params, fallback)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _plain(value: Any) -> Any:
    """JSON-ready: dates and other values as text."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def _refusal(exc: DomainError, shape: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A coupon refusal: the shape's keys, the refusal's parameters, then error and message."""
    from desktop.cli import _failure

    reserved = {"ok", "error", "message", *shape, *extra}
    params = {k: _plain(v) for k, v in exc.params.items() if k not in reserved}
    return _failure(
        exc.code, coupon_message(exc.code, exc.params, str(exc)), **{**shape, **params, **extra}
    )


def _owner(desk: Desk, pin: str | None) -> Actor:
    from desktop.cli_import import _owner as import_owner

    return import_owner(desk, pin)[0]


# -- campaigns create ----------------------------------------------------------------------


_DUPLICATES = "\0duplicates"  # where the JSON reader notes keys given twice


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    twice: list[str] = []
    for key, value in pairs:
        if key in seen:
            twice.append(key)
        seen[key] = value
    if twice:
        seen[_DUPLICATES] = twice
    return seen


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _read_spec(name: str) -> Any:
    from desktop.cli import Refusal

    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise Refusal("spec_file_not_found", file=name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise Refusal("spec_file_unreadable", file=name, detail=str(exc)) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        detail = f"line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise Refusal("spec_not_json", file=name, detail=detail) from None
    except ValueError as exc:  # NaN, Infinity, a number too long to read
        raise Refusal("spec_not_json", file=name, detail=str(exc)) from None


def problems_text(problems: list[dict[str, str]]) -> str:
    parts = []
    for problem in problems:
        field, reason = problem.get("field", "?"), problem.get("reason", "")
        parts.append(f"{field}: {PROBLEM_TEXTS.get(reason, reason)}")
    return "the campaign spec is not valid: " + "; ".join(parts)


def run_campaign_create(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, EXIT_REFUSED, _failure, _open_desk
    from desktop.models.campaigns import CampaignSpec
    from desktop.models.errors import DomainError

    data = _read_spec(args.json_spec)
    twice = data.pop(_DUPLICATES, []) if isinstance(data, dict) else []
    problems = [{"field": key, "reason": "duplicate"} for key in twice]
    try:
        spec = CampaignSpec.from_json(data)
    except DomainError as exc:
        problems += exc.params.get("problems", [])
    if problems:
        return EXIT_REFUSED, _failure(
            "campaign_spec_invalid", problems_text(problems), campaign=None, problems=problems
        )
    db, desk = _open_desk(args)
    try:
        owner = _owner(desk, args.owner_pin)
        campaign_id = desk.create_campaign(spec, by=owner)
        created = desk.campaign(campaign_id)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "campaign": campaign_id,
        "name": created.spec.name,
        "kind": created.spec.kind,
        "state": created.state,
        "spec": created.spec.to_json(),
        "error": None,
    }


# -- coupons batch -------------------------------------------------------------------------


def _coupon_code_digits() -> int:
    """How many digits every coupon code has (a throwaway key signs a sample)."""
    import datetime as dt

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.models.qrtoken import CouponToken, encode_coupon

    day = dt.date(2030, 1, 1)
    sample = CouponToken(1, 1, "amount_off", 1, 0, 1, day, day, 0)
    return len(encode_coupon(sample, private_key=Ed25519PrivateKey.generate()))


def _use_offscreen_without_display() -> None:
    """A server or a script over SSH has no display: Qt draws the PDF offscreen there."""
    if "QT_QPA_PLATFORM" in os.environ or not sys.platform.startswith("linux"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _start_qt(desk: Desk, language: str | None) -> Any:
    """A QGuiApplication with the shop's language and a Chinese-capable font."""
    _use_offscreen_without_display()
    from PySide6.QtGui import QGuiApplication

    from desktop.views.i18n import apply_cjk_font, choose_language, install_translators

    app = QGuiApplication.instance() or QGuiApplication(["merchant-desk"])
    install_translators(app, choose_language(language, desk.setting("language")))
    apply_cjk_font(app)  # type: ignore[arg-type]  # needs only font() and setFont()
    return app


def _chosen_grid(per_page: tuple[int, int] | None) -> Any:
    """The sheet grid asked for, refused (before anything is issued) unless its QR codes
    print at least 0.5 mm a module."""
    from desktop.cli import UsageError
    from desktop.views.coupon_sheet import DEFAULT_GRID, GRIDS, GridTooSmall, check_grid
    from desktop.views.qr_batch import numeric_qr_version

    version = numeric_qr_version(_coupon_code_digits())
    usable = []
    for grid in GRIDS:
        try:
            check_grid(grid, version)
        except GridTooSmall:
            continue
        usable.append(grid)
    names = ", ".join(f"{g.columns}x{g.rows}" for g in usable)
    if per_page is None:
        return DEFAULT_GRID
    for grid in usable:
        if (grid.columns, grid.rows) == per_page:
            return grid
    columns, rows = per_page
    raise UsageError(
        f"merchant-desk: --per-page {columns}x{rows} is not a sheet layout whose QR codes"
        f" print large enough; choose one of {names}"
    )


def run_coupon_batch(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_INTERRUPTED, EXIT_OK, EXIT_REFUSED, UsageError, _open_desk

    target: Path = args.pdf
    if target.suffix.lower() != ".pdf":
        raise UsageError("merchant-desk: --pdf must name a .pdf file")
    grid = _chosen_grid(args.per_page)
    db, desk = _open_desk(args)
    try:
        owner = _owner(desk, args.owner_pin)
        _start_qt(desk, getattr(args, "lang", None))
        batch_id, coupons = desk.issue_bearer_batch(args.campaign, count=args.count, by=owner)
        issued = {
            "campaign": args.campaign,
            "batch": batch_id,
            "coupons": [c.id for c in coupons],
            "serial_range": [coupons[0].serial, coupons[-1].serial] if coupons else [],
        }
        try:
            written = _write_sheet(desk, coupons, grid, target)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED, _not_written("interrupted", issued, target, "interrupted")
    finally:
        db.close()
    if written is not None:
        return EXIT_REFUSED, _not_written("pdf_not_written", issued, target, written)
    return EXIT_OK, {
        "ok": True,
        **issued,
        "pdf": str(target),
        "per_page": f"{grid.columns}x{grid.rows}",
        "error": None,
    }


def _write_sheet(desk: Desk, coupons: list[CouponInfo], grid: Any, target: Path) -> str | None:
    """Write the coupons' sheet; None when written, else why not."""
    from desktop.views.coupon_sheet import CouponSheet, GridTooSmall, sheet_coupon_from
    from desktop.views.sheet_output import PrinterStartError, write_pdf

    shop_name = desk.shop_profile().name
    faces = [sheet_coupon_from(c, shop_name, desk.coupon_code(c.id)) for c in coupons]
    try:
        write_pdf(target, CouponSheet(faces, grid))
    except PrinterStartError as exc:
        return exc.strerror or str(exc) or "the PDF printer could not start"
    except OSError as exc:  # a missing or read-only folder, or a folder named like the file
        return (exc.strerror or str(exc)).lower()
    except GridTooSmall as exc:
        return str(exc)
    return None


def run_coupon_reprint(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, EXIT_REFUSED, UsageError, _failure, _open_desk

    target: Path = args.pdf
    if target.suffix.lower() != ".pdf":
        raise UsageError("merchant-desk: --pdf must name a .pdf file")
    grid = _chosen_grid(args.per_page)
    db, desk = _open_desk(args)
    try:
        _owner(desk, args.owner_pin)
        batch = desk.batch_coupons(args.batch)
        usable = [c for c in batch if c.state == "issued"]
        _start_qt(desk, getattr(args, "lang", None))
        written = _write_sheet(desk, usable, grid, target) if usable else "no usable coupon"
    finally:
        db.close()
    printed = {
        "batch": args.batch,
        "coupons": [c.id for c in usable],
        "left_out": len(batch) - len(usable),
    }
    if written is not None:
        message = f"the PDF could not be written to {target}: {written}"
        return EXIT_REFUSED, _failure("pdf_not_written", message, **printed, pdf=None)
    return EXIT_OK, {
        "ok": True,
        **printed,
        "pdf": str(target),
        "per_page": f"{grid.columns}x{grid.rows}",
        "error": None,
    }


def _not_written(code: str, issued: dict[str, Any], target: Path, detail: str) -> dict[str, Any]:
    from desktop.cli import _failure

    message = (
        f"{len(issued['coupons'])} coupons were issued (batch {issued['batch']}) but the PDF"
        f" could not be written to {target}: {detail}. They stay valid: print them with"
        f" 'coupons reprint --batch {issued['batch']}', or void the batch."
    )
    return _failure(code, message, **issued, pdf=None, issued=True)


# -- coupons redeem ------------------------------------------------------------------------


def _default_amount(coupon: CouponInfo) -> int:
    from desktop.cli import Refusal

    if coupon.min_spend_fen > 0:
        return coupon.min_spend_fen
    raise Refusal("amount_required", kind=coupon.kind)


def run_coupon_redeem(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, EXIT_REFUSED, _amount_fen, _check_member_id, _open_desk
    from desktop.models.errors import DomainError

    amount = None if args.amount is None else _amount_fen(args.amount)
    member_id = None if args.member is None else _check_member_id(args.member)
    raw: str = args.digits
    shape = FAILURE_SHAPES["coupons redeem"]
    db, desk = _open_desk(args)
    coupon: CouponInfo | None = None
    try:
        try:
            coupon = desk.coupon_for_code(raw)
            if amount is None:
                amount = _default_amount(coupon)
            check = desk.check_coupon(raw, amount_fen=amount, member_id=member_id)
            owner = None
            if args.owner_pin is not None:
                owner = desk.authenticate(args.owner_pin, owner_only=True)
            result = desk.record_sale(
                amount_fen=amount,
                member_id=member_id,
                by=owner,
                owner=owner,
                coupon_id=check.coupon.id,
            )
        except DomainError as exc:
            known: dict[str, Any] = {}
            if coupon is not None:
                known = {"coupon": coupon.id, "serial": coupon.serial}
                if exc.code == "already_used":
                    used = desk.coupons_by_id([coupon.id])
                    known["used_by_sale"] = used[0].redeemed_sale_id if used else None
            return EXIT_REFUSED, _refusal(exc, shape, **known)
    finally:
        db.close()
    return EXIT_OK, {
        "ok": True,
        "coupon": check.coupon.id,
        "serial": check.coupon.serial,
        "campaign": check.coupon.campaign_id,
        "discount_fen": result.coupon_discount_fen,
        "gift": check.coupon.gift if check.coupon.kind == "gift" else None,
        "sale": result.sale_id,
        "amount_fen": result.amount_fen,
        "paid_fen": result.paid_fen,
        "member_id": result.member_id,
        "points_earned": result.points_earned,
        "balance": result.balance,
        "error": None,
    }


# -- code verify ---------------------------------------------------------------------------


def coupon_fields(coupon: CouponInfo) -> dict[str, Any]:
    """What ``code verify`` tells about a coupon."""
    return {
        "coupon": coupon.id,
        "serial": coupon.serial,
        "campaign": coupon.campaign_id,
        "campaign_name": coupon.campaign_name,
        "coupon_kind": coupon.kind,
        "headline": coupon.headline,
        "value_fen": coupon.value_fen,
        "percent": coupon.percent,
        "cap_fen": coupon.cap_fen,
        "min_spend_fen": coupon.min_spend_fen,
        "gift": coupon.gift,
        "valid_from": coupon.valid_from.isoformat(),
        "valid_to": coupon.valid_to.isoformat(),
        "bearer": coupon.member_id is None,
        "member_id": coupon.member_id,
        "batch": coupon.batch_id,
        "state": coupon.state,
        "used_by_sale": coupon.redeemed_sale_id,
        "used_shop": coupon.redeemed_shop,
    }


def verify_coupon_code(desk: Desk, raw: str, mangling: str | None) -> tuple[int, Any]:
    """``code verify`` of a coupon code: genuine (any state) → its fields, and whether it
    could be used today (``usable``, else ``refusal`` names why not)."""
    from desktop.cli import EXIT_OK, EXIT_REFUSED
    from desktop.models.errors import DomainError
    from desktop.models.sales import MAX_SALE_FEN

    shape = {"kind": "coupon", "coupon": None, "member_id": None, "mangling": mangling}
    try:
        coupon = desk.coupon_for_code(raw)
    except DomainError as exc:
        return EXIT_REFUSED, _refusal(exc, shape)
    refusal = None
    try:
        desk.check_coupon(raw, amount_fen=MAX_SALE_FEN, member_id=coupon.member_id)
    except DomainError as exc:
        refusal = exc.code
    used_at = None
    if coupon.redeemed_at is not None:
        used_at = _used_at_local(desk, coupon)
    return EXIT_OK, {
        "ok": True,
        "kind": "coupon",
        "error": None,
        "mangling": mangling,
        **coupon_fields(coupon),
        "used_at": used_at,
        "usable": refusal is None,
        "refusal": refusal,
    }


def _used_at_local(desk: Desk, coupon: CouponInfo) -> str | None:
    from desktop.models.clock import local_time

    if coupon.redeemed_at is None:
        return None
    return local_time(coupon.redeemed_at, desk.shop_profile().timezone).isoformat(
        timespec="seconds"
    )
