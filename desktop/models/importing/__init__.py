"""Importing members and sales history from other POS and member systems (xlsx, CSV).

``preview_import`` shows the first rows as they will be read; ``run_import`` imports a file
in one transaction. Module map: ``sources`` / ``xlsx_source`` / ``csv_source`` read files
into rows, ``mapping`` finds the columns, ``values`` parses cells, ``members_import`` and
``sales_import`` turn rows into records and write them, ``pipeline`` and ``preview`` run it,
``report`` holds what comes back.
"""

from __future__ import annotations

from desktop.models.importing.pipeline import Progress, run_import
from desktop.models.importing.preview import PREVIEW_ROWS, preview_import
from desktop.models.importing.report import (
    KINDS,
    MEMBERS,
    SALES,
    FileProblem,
    ImportPreview,
    ImportReport,
    PreviewRow,
    RowProblem,
    write_report_csv,
)

__all__ = [
    "KINDS",
    "MEMBERS",
    "PREVIEW_ROWS",
    "SALES",
    "FileProblem",
    "ImportPreview",
    "ImportReport",
    "PreviewRow",
    "Progress",
    "RowProblem",
    "preview_import",
    "run_import",
    "write_report_csv",
]
