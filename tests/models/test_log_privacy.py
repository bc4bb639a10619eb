"""The log file in the data folder never holds a full phone number."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from desktop.app import configure_logging
from desktop.models.errors import DomainError
from desktop.models.log_privacy import mask_phones
from desktop.models.phones import normalize_phone


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """The app's own logging set-up, writing to a file of this test."""
    root = logging.getLogger()
    kept = [h for h in root.handlers if isinstance(h, RotatingFileHandler)]
    for handler in kept:
        root.removeHandler(handler)
    level = root.level
    path = configure_logging(tmp_path / "logs" / "merchant_desk.log")
    assert path is not None
    yield path
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    for handler in kept:
        root.addHandler(handler)
    root.setLevel(level)


def written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_a_phone_in_a_message_and_its_arguments_is_masked(log_file: Path) -> None:
    log = logging.getLogger("desktop.test")
    log.info("enrolled 张三, phone 13800138000")
    log.warning("lookup by %s failed for %r", "+86 139-1234-5678", {"phone": "13700005678"})

    text = written(log_file)
    assert "enrolled 张三, phone 138****8000" in text
    assert "lookup by 139****5678 failed for {'phone': '137****5678'}" in text
    for digits in ("13800138000", "13912345678", "1234-5678", "13700005678"):
        assert digits not in text


def test_an_exception_whose_text_holds_a_phone_is_masked(log_file: Path) -> None:
    log = logging.getLogger("desktop.test")
    try:
        raise ValueError("member 15012345678 not found")
    except ValueError:
        log.exception("while saving member 0086 150 1234 5678")

    text = written(log_file)
    assert "ValueError: member 150****5678 not found" in text
    assert "Traceback (most recent call last)" in text
    assert "while saving member 150****5678" in text
    assert "15012345678" not in text
    assert "1234 5678" not in text


def test_card_codes_and_other_long_numbers_are_left_alone() -> None:
    code = "2013800138000123456789"
    assert mask_phones(f"scan {code} misread") == f"scan {code} misread"
    assert mask_phones("sale of 1380013800 fen at 2026-03-02 13:05:11") == (
        "sale of 1380013800 fen at 2026-03-02 13:05:11"
    )


@pytest.mark.parametrize(
    "typed", ["13800138000", "138 0013 8000", "138-0013-8000", "+86 13800138000", "008613800138000"]
)
def test_every_way_the_app_accepts_a_phone_is_masked(typed: str) -> None:
    assert normalize_phone(typed) == "13800138000"  # the app takes it as a phone …
    assert mask_phones(f"[{typed}]") == "[138****8000]"  # … so the log masks it


def test_a_domain_error_with_a_phone_parameter_is_masked(log_file: Path) -> None:
    logging.getLogger("desktop").warning(
        "refused: %s", DomainError("phone_duplicate", phone="18612345678")
    )
    text = written(log_file)
    assert "186****5678" in text
    assert "18612345678" not in text
