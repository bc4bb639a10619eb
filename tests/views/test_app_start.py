"""Starting the app: opening the database safely, language, where files live."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop import app as app_module
from desktop import config
from desktop.app import check_integrity_later, open_desk, parse_args
from desktop.models.errors import DatabaseOpenError
from desktop.views.i18n import choose_language, cjk_font_family
from desktop.views.startup import database_error_message


class Reports:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def __call__(self, title: str, text: str) -> None:
        self.shown.append((title, text))


def test_a_corrupt_database_is_refused_with_a_message_and_left_untouched(
    qapp, tmp_path: Path
) -> None:
    path = tmp_path / "shop.sqlite"
    garbage = bytes(range(256)) * 64
    path.write_bytes(garbage)
    reports = Reports()

    desk = open_desk(path, report=reports)

    assert desk is None
    assert len(reports.shown) == 1
    title, text = reports.shown[0]
    assert "damaged" in text
    assert str(path) in text
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.sqlite"]


def test_a_good_database_opens(qapp, tmp_path: Path) -> None:
    reports = Reports()

    desk = open_desk(tmp_path / "new.sqlite", report=reports)

    assert desk is not None
    assert reports.shown == []
    assert not desk.is_set_up()
    desk.db.close()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("locked", "Another Merchant Desk"),
        ("read_only", "write"),
        ("corrupt", "damaged"),
        ("too_new", "newer version"),
        ("not_found", "not found"),
        ("unusable", "not a Merchant"),
    ],
)
def test_every_open_error_has_its_own_message(qapp, code: str, words: str) -> None:
    title, text = database_error_message(DatabaseOpenError(code, "/tmp/x.sqlite"))

    assert title
    assert words in text


def test_command_line_options_and_qt_options_are_separated() -> None:
    args, rest = parse_args(["--db", "/tmp/a.sqlite", "--lang", "zh_CN", "-platform", "offscreen"])

    assert args.db == Path("/tmp/a.sqlite")
    assert args.lang == "zh_CN"
    assert rest == ["-platform", "offscreen"]


@pytest.mark.parametrize(
    ("cli", "saved", "system", "expected"),
    [
        ("en", "zh_CN", "zh_CN", "en"),
        (None, "zh_CN", "en_US", "zh_CN"),
        (None, None, "zh_TW", "zh_CN"),
        (None, None, "de_DE", "en"),
        (None, "klingon", "C", "en"),
    ],
)
def test_language_choice_order(cli, saved, system, expected) -> None:
    assert choose_language(cli, saved, system) == expected


def test_a_cjk_font_is_preferred_when_installed() -> None:
    assert cjk_font_family(["DejaVu Sans", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"


def test_portable_mode_keeps_data_beside_the_executable(tmp_path: Path) -> None:
    assert config.portable_data_dir(frozen=True, exe_dir=tmp_path) is None
    (tmp_path / "portable.txt").write_text("")

    assert config.portable_data_dir(frozen=True, exe_dir=tmp_path) == tmp_path / "data"
    assert config.portable_data_dir(frozen=False, exe_dir=tmp_path) is None


def test_the_data_folder_can_be_overridden(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path))

    assert config.default_db_path() == tmp_path / config.DB_FILE_NAME


def test_a_big_database_is_checked_after_the_window_is_up(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the size limit the quick check runs in the background and still reports damage."""
    from PySide6.QtCore import QObject

    monkeypatch.setattr(app_module, "INLINE_CHECK_BYTES", 0)
    path = tmp_path / "shop.sqlite"
    desk = open_desk(path, report=Reports())
    assert desk is not None
    with desk.db.write() as s:
        for i in range(2000):
            s.connection().exec_driver_sql(
                f"INSERT INTO setting(key, value) VALUES ('k{i}', '{'x' * 200}')"
            )
    desk.db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    parent = QObject()

    quiet = Reports()
    assert check_integrity_later(path, report=quiet, parent=parent) is not None
    qtbot.wait(300)
    assert quiet.shown == []

    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data) - 4096, 4096):  # wreck every page past the second
        data[offset + 8 : offset + 40] = b"\xff" * 32
    path.write_bytes(bytes(data))
    damaged = Reports()
    check_integrity_later(path, report=damaged, parent=parent)
    qtbot.waitUntil(lambda: damaged.shown != [], timeout=5000)
    assert "damaged" in damaged.shown[0][1]
