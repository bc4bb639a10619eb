"""Where the database is and the numbers the server runs by."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "merchant-desk-alliance"


def default_database_url() -> str:
    """A SQLite file in the user data folder, so the server runs with no set-up."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'alliance.sqlite'}"


def normalise_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` mean psycopg 3; everything else is kept."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def resolve_database_url(given: str | None) -> str:
    """``--database-url``, else ``DATABASE_URL``, else the embedded default."""
    url = given or os.environ.get("DATABASE_URL") or default_database_url()
    return normalise_url(url)


@dataclass(frozen=True)
class Limits:
    """Rate limits and sizes. Tests start servers with smaller numbers."""

    enrol_per_ip: int = 30  # enrolment attempts per IP address per window
    enrol_window_s: int = 600
    enrol_code_failures: int = 5  # wrong secrets before a code is locked
    enrol_code_days: int = 14  # how long an enrolment code stays usable
    pull_page: int = 1000
