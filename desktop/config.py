"""Where Merchant Desk keeps its files. No Qt here.

Normally the database, logs and backups live in the user's data folder
(``%LOCALAPPDATA%\\MerchantDesk`` on Windows, ``~/.local/share/MerchantDesk`` on Linux).
In *portable mode* — a file named ``portable.txt`` beside the bundled executable — they live in
``data/`` next to the executable instead, so the whole app can run from a USB stick.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "MerchantDesk"
ORG_NAME = "MerchantDesk"
DB_FILE_NAME = "merchant_desk.sqlite"
LOG_FILE_NAME = "merchant_desk.log"
PORTABLE_MARKER = "portable.txt"
DATA_DIR_ENV = "MERCHANT_DESK_DATA"  # overrides everything (tests, support sessions)


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def executable_dir() -> Path:
    return Path(sys.executable).resolve().parent


def resource_root() -> Path:
    """The folder holding ``assets/``: PyInstaller's unpack folder, or the project root."""
    bundle = getattr(sys, "_MEIPASS", None)
    if is_frozen() and bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    return resource_root() / "assets"


def portable_data_dir(*, frozen: bool | None = None, exe_dir: Path | None = None) -> Path | None:
    """``data/`` beside the executable when a bundled app has ``portable.txt`` next to it."""
    if not (is_frozen() if frozen is None else frozen):
        return None
    folder = exe_dir if exe_dir is not None else executable_dir()
    if (folder / PORTABLE_MARKER).is_file():
        return folder / "data"
    return None


def data_dir() -> Path:
    """The folder for the database, logs and backups (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    portable = portable_data_dir()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


def log_file_path() -> Path:
    return log_dir() / LOG_FILE_NAME


def backup_dir() -> Path:
    return data_dir() / "backups"
