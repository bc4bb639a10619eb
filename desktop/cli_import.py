"""``merchant-desk import members|sales``: bring in members or sales history from another
POS or member system's export (``.xlsx`` or ``.csv``).

    merchant-desk import members --db PATH 会员.xlsx [--mapping JSON] [--skip-bad]
    merchant-desk import sales --db PATH sales.csv --mapping '{"amount": "实收"}'

Prints one JSON document: ``ok``, ``imported``, ``matched``, ``already_imported``,
``skipped``, ``errors`` (``[{"row", "column", "reason", "value"}]``, the first 1,000),
``error_count``, ``notices`` (rows matched to existing members or imported before) and the
batch id; exit status 0 when the import was written. Without ``--skip-bad`` the first bad row
stops the import and nothing is written (``error: "row_errors"``). ``--mapping`` is JSON
``{"field": "header"}`` (or a file holding it). The import runs as the shop's owner; phone
numbers in the output are masked unless ``--owner-pin`` is given.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models.importing import ImportReport, RowProblem
    from desktop.models.staff import Actor

FILE_MESSAGES = {
    "file_not_found": "file not found: {file}",
    "unsupported_file": "not an .xlsx or .csv file: {file}",
    "corrupt_file": "the file is damaged or is not a workbook: {file}",
    "encrypted_file": "the workbook is protected by a password; save it without one: {file}",
    "xls_not_xlsx": "an Excel 97-2003 .xls file; save it as .xlsx (or .csv) first: {file}",
    "zip_bomb": "the workbook unpacks to far more data than a real export; refused: {file}",
    "unreadable_encoding": "the CSV is neither UTF-8 nor GBK/GB18030 text: {file}",
    "empty_sheet": "the sheet is empty: {file}",
    "header_only": "the file has a header but no rows: {file}",
    "missing_column": "no column for the required field '{field}'; give --mapping",
    "unknown_column": "no column '{header}' in the file (for field '{field}')",
    "unknown_field": "no field '{field}' (fields: {fields})",
    "cancelled": "the import was cancelled; nothing was written",
    "concurrent_change": "the data changed during the import; nothing was written, run it again",
    "row_errors": "bad rows: nothing was imported (fix them, or give --skip-bad)",
}


def register(subparsers: Any) -> None:
    """Add the ``import`` command to the ``merchant-desk`` parser."""
    command = subparsers.add_parser("import", help="import members or sales from xlsx/csv")
    kinds = command.add_subparsers(dest="action", metavar="KIND", required=True)
    for kind, text in (("members", "members"), ("sales", "sales history")):
        parser = kinds.add_parser(kind, help=f"import {text} from an .xlsx or .csv file")
        parser.add_argument(
            "--db",
            type=Path,
            default=argparse.SUPPRESS,
            help="shop database file (default: the app's data folder)",
        )
        parser.add_argument("file", type=Path, help="the .xlsx or .csv export")
        parser.add_argument("--mapping", help='JSON {"field": "header"}, or a file holding it')
        parser.add_argument(
            "--skip-bad", action="store_true", help="import the good rows, report the bad ones"
        )
        parser.add_argument("--owner-pin", help="the owner's PIN (shows phones unmasked)")
        parser.set_defaults(handler=run_import_command)


def _mapping(text: str | None) -> dict[str, str | None] | None:
    from desktop.cli import UsageError

    if text is None:
        return None
    source = text
    if not text.lstrip().startswith("{"):
        try:
            source = Path(text).read_text(encoding="utf-8-sig")
        except OSError:
            message = f"merchant-desk: --mapping is neither JSON nor a file: {text!r}"
            raise UsageError(message) from None
    try:
        value = json.loads(source)
    except json.JSONDecodeError as exc:
        raise UsageError(f"merchant-desk: --mapping is not valid JSON: {exc}") from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in value.items()
    ):
        raise UsageError('merchant-desk: --mapping must be {"field": "header", …}')
    return value


def _owner(desk: Any, pin: str | None) -> tuple[Actor, bool]:
    """The acting owner: by PIN when given, else the shop's first active owner."""
    from desktop.models.errors import DomainError
    from desktop.models.staff import Actor

    if pin is not None:
        return desk.authenticate(pin, owner_only=True), True
    for person in desk.staff_list():
        if person.role == "owner":
            return Actor(person.id, person.name, person.role), False
    raise DomainError("owner_required")


def _problem(problem: RowProblem, phone_column: str, unmasked: bool) -> dict[str, Any]:
    from desktop.models.importing.report import problem_json
    from desktop.models.phones import mask_phone

    item = problem_json(problem)
    is_phone = problem.column == phone_column or problem.reason in (
        "matched_existing",
        "unknown_member",
    )
    if is_phone and not unmasked and item["value"]:
        item["value"] = mask_phone(item["value"])
    return item


def report_json(report: ImportReport, *, unmasked: bool) -> dict[str, Any]:
    phone = report.mapping.get("phone", "")
    error = None if report.ok else (report.failure.code if report.failure else "row_errors")
    params = dict(report.failure.params) if report.failure else {}
    params.setdefault("file", report.file_name)
    message = FILE_MESSAGES.get(error or "", "") if error else ""
    try:
        message = message.format(**params)
    except (KeyError, IndexError, ValueError):
        pass
    return {
        "ok": report.ok,
        "kind": report.kind,
        "file": report.file_name,
        "rows": report.rows,
        "imported": report.imported,
        "matched": report.matched,
        "already_imported": report.already_imported,
        "skipped": report.skipped,
        "opening_points": report.opening_points,
        "error_count": report.error_count,
        "errors": [_problem(p, phone, unmasked) for p in report.errors],
        "notices": [_problem(p, phone, unmasked) for p in report.notices],
        "mapping": report.mapping,
        "mode": report.mode,
        "batch": report.batch_id,
        "seconds": report.seconds,
        "error": error,
        "message": message,
    }


def run_import_command(args: argparse.Namespace) -> tuple[int, Any]:
    from desktop.cli import EXIT_OK, EXIT_REFUSED, _open_desk

    mapping = _mapping(args.mapping)
    db, desk = _open_desk(args)
    try:
        owner, unmasked = _owner(desk, args.owner_pin)
        report = desk.run_import(
            args.file, args.action, by=owner, mapping=mapping, skip_bad=args.skip_bad
        )
    finally:
        db.close()
    return (EXIT_OK if report.ok else EXIT_REFUSED), report_json(report, unmasked=unmasked)
