"""The import wizard's words: field names and what each problem code means (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def field_name(name: str) -> str:
    return {
        "name": _t("Name"),
        "phone": _t("Mobile phone"),
        "birthday": _t("Birthday"),
        "enrolled": _t("Joined on"),
        "points": _t("Opening points"),
        "marketing": _t("Marketing consent"),
        "amount": _t("Amount (¥)"),
        "date": _t("Date"),
        "time": _t("Time"),
        "ref": _t("Receipt no."),
    }.get(name, name)


def reason_text(code: str) -> str:
    """A row problem, a notice or a whole-file problem, in plain words."""
    texts = {
        "missing_value": _t("empty, but needed"),
        "bad_phone": _t("not a valid mobile number"),
        "unreadable_date": _t("not a date that can be read"),
        "unreadable_time": _t("not a time that can be read"),
        "future_date": _t("a day in the future"),
        "unreadable_amount": _t("not an amount that can be read"),
        "negative_amount": _t("a negative amount (a refund?)"),
        "zero_amount": _t("an amount of zero"),
        "fractional_amount": _t("more than two decimals"),
        "amount_too_large": _t("above ¥1,000,000: a typo?"),
        "unreadable_points": _t("points must be a whole number"),
        "negative_points": _t("negative points"),
        "points_too_large": _t("more than 1,000,000 points"),
        "unreadable_value": _t("not yes or no"),
        "name_too_long": _t("name longer than 50 characters"),
        "garbled_text": _t("garbled text: the file was saved with the wrong encoding"),
        "formula_without_value": _t(
            "a formula whose result was never saved: open and save the file in Excel"
        ),
        "cell_error": _t("an Excel error value"),
        "duplicate_in_file": _t("the same row appears earlier in the file"),
        "unknown_member": _t("no member with this phone: import the members first"),
        "already_imported": _t("imported before: skipped"),
        "matched_existing": _t("already a member: matched, not added"),
        "file_not_found": _t("The file was not found."),
        "unsupported_file": _t("Choose an .xlsx or .csv file."),
        "corrupt_file": _t("The file is damaged or is not an Excel workbook."),
        "encrypted_file": _t("The workbook has a password. Save it without one and try again."),
        "xls_not_xlsx": _t("This is an old Excel 97-2003 file. Save it as .xlsx first."),
        "zip_bomb": _t("The workbook unpacks to far more data than a real export. Refused."),
        "unreadable_encoding": _t("The CSV is neither UTF-8 nor GBK text."),
        "empty_sheet": _t("The sheet is empty."),
        "header_only": _t("The file has a header but no rows."),
        "missing_column": _t("A required column is not chosen."),
        "unknown_column": _t("A chosen column is not in the file."),
        "unknown_field": _t("Unknown field."),
        "cancelled": _t("Cancelled. Nothing was imported."),
        "concurrent_change": _t(
            "The data changed during the import. Nothing was written; run it again."
        ),
    }
    return texts.get(code, code)
