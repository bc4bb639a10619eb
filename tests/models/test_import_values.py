"""Cell values from other systems' exports: dates, money, phones, points, consent, text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop.models.importing.dates import excel_serial, parse_datetime, parse_time
from desktop.models.importing.values import (
    FORMULA_WITHOUT_VALUE,
    CellProblem,
    check_cell,
    looks_garbled,
    parse_amount_fen,
    parse_phone,
    parse_points,
    parse_yes_no,
)

MAX = 100_000_000


def reason(call, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CellProblem) as caught:
        call(*args, **kwargs)
    return caught.value.reason


@pytest.mark.parametrize(
    "text",
    ["2026-01-05", "2026/1/5", "2026年1月5日", "20260105", "2026.01.05", "２０２６－０１－０５"],
)
def test_dates_are_read_in_the_ways_people_write_them(text: str) -> None:
    assert parse_datetime(text) == (dt.datetime(2026, 1, 5), False)


def test_a_date_with_a_time_keeps_the_time() -> None:
    assert parse_datetime("2026/1/5 14:30") == (dt.datetime(2026, 1, 5, 14, 30), True)
    assert parse_datetime("2026-01-05T14:30:15") == (dt.datetime(2026, 1, 5, 14, 30, 15), True)
    assert parse_datetime("2026年1月5日 14时30分") == (dt.datetime(2026, 1, 5, 14, 30), True)


def test_excel_serial_numbers_and_date_cells_are_dates() -> None:
    assert parse_datetime(46027) == (dt.datetime(2026, 1, 5), False)
    assert parse_datetime(46027.5) == (dt.datetime(2026, 1, 5, 12, 0), True)
    assert parse_datetime(20260105) == (dt.datetime(2026, 1, 5), False)
    assert parse_datetime(dt.date(2026, 1, 5)) == (dt.datetime(2026, 1, 5), False)
    assert parse_datetime(dt.datetime(2026, 1, 5, 9, 5)) == (dt.datetime(2026, 1, 5, 9, 5), True)
    assert excel_serial(44927, epoch_1904=True) == dt.datetime(2027, 1, 2)


@pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "昨天", "1/5/2026", "12", True])
def test_unreadable_dates_are_reported(value: object) -> None:
    assert reason(parse_datetime, value) == "unreadable_date"


def test_a_separate_time_column_is_read() -> None:
    assert parse_time("14:30") == dt.time(14, 30)
    assert parse_time(0.75) == dt.time(18, 0)
    assert parse_time(dt.time(9, 15, 3)) == dt.time(9, 15, 3)
    assert parse_time("") is None
    assert reason(parse_time, "25:00") == "unreadable_time"


@pytest.mark.parametrize(
    ("value", "fen"),
    [
        ("¥1,234.50", 123450),
        ("￥1,234.50", 123450),
        ("1234.5", 123450),
        ("１２３４．５", 123450),
        ("12元", 1200),
        ("RMB 8.8", 880),
        (12.35, 1235),
        (0.1 + 0.2, 30),
        (19, 1900),
        (Decimal("7.05"), 705),
        ("1 234.56", 123456),
    ],
)
def test_amounts_become_whole_fen(value: object, fen: int) -> None:
    assert parse_amount_fen(value, max_fen=MAX) == fen


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("-12", "negative_amount"),
        ("(12.00)", "negative_amount"),
        (-3.5, "negative_amount"),
        ("0", "zero_amount"),
        ("12.345", "fractional_amount"),
        ("1,23", "unreadable_amount"),
        ("十二元", "unreadable_amount"),
        ("", "missing_value"),
        ("2,000,000", "amount_too_large"),
    ],
)
def test_bad_amounts_say_why(value: object, code: str) -> None:
    assert reason(parse_amount_fen, value, max_fen=100_000_000) == code


@pytest.mark.parametrize(
    "value",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "0086-13800138000",
        13800138000,
        13800138000.0,
        "１３８００１３８０００",
    ],
)
def test_phones_are_normalised(value: object) -> None:
    assert parse_phone(value) == "13800138000"


@pytest.mark.parametrize("value", ["12345", "1.38001E+10", "23800138000", 1.38e10 + 0.5])
def test_bad_phones_are_reported(value: object) -> None:
    assert reason(parse_phone, value) == "bad_phone"


def test_points_are_whole_and_not_negative() -> None:
    assert parse_points("1,200") == 1200
    assert parse_points(None) == 0
    assert parse_points(30.0) == 30
    assert reason(parse_points, "-5") == "negative_points"
    assert reason(parse_points, "2.5") == "unreadable_points"
    assert reason(parse_points, 2_000_000) == "points_too_large"


def test_consent_cells_read_yes_and_no_in_both_languages() -> None:
    assert [parse_yes_no(v) for v in ("是", "同意", "Y", "TRUE", 1, True)] == [True] * 6
    assert [parse_yes_no(v) for v in ("否", "不同意", "n", "", None, 0)] == [False] * 6
    assert reason(parse_yes_no, "也许") == "unreadable_value"


def test_gbk_text_decoded_the_wrong_way_is_caught() -> None:
    for name in ("张三", "王小明", "欧阳娜娜"):
        for wrong in ("latin-1", "cp1252"):
            assert looks_garbled(name.encode("gbk").decode(wrong, errors="replace"))
            assert looks_garbled(name.encode("utf-8").decode(wrong, errors="replace"))
    for fine in ("张三", "Tom Lee", "José Müller", "Ångström", "Renée"):
        assert not looks_garbled(fine)


def test_formulas_without_values_and_excel_errors_are_cell_problems() -> None:
    assert reason(check_cell, FORMULA_WITHOUT_VALUE) == "formula_without_value"
    assert reason(check_cell, "#DIV/0!") == "cell_error"
    assert reason(check_cell, "ÕÅÈý") == "garbled_text"
    check_cell("张三")
