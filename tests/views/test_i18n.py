"""Translations: every string is translated, placeholders survive, and the Chinese catalogue
loads at run time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.views.counter_view import CounterView
from desktop.views.formatting import tier_name
from desktop.views.i18n import install_translators, translations_dir
from desktop.views.session_state import SessionState
from desktop.views.textfill import fill

TS = translations_dir() / "merchant_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"%\d+")
FORMAT_FIELD = re.compile(r"\{\w*\}")  # str.format() fields, filled after translation


def untranslated_messages(ts_text: str) -> list[tuple[str, str]]:
    """(context, source) of every live message without a finished, non-empty translation."""
    root = ET.fromstring(ts_text)
    missing = []
    for context in root.findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            kind = "" if translation is None else translation.get("type", "")
            if kind in ("vanished", "obsolete"):
                continue
            forms = [] if translation is None else translation.findall("numerusform")
            texts = [f.text or "" for f in forms] or [
                "" if translation is None else translation.text or ""
            ]
            if kind == "unfinished" or not all(text.strip() for text in texts):
                missing.append((context.findtext("name") or "", message.findtext("source") or ""))
    return missing


def translated_messages() -> list[tuple[str, str, str]]:
    root = ET.parse(TS).getroot()
    found = []
    for context in root.findall("context"):
        for message in context.findall("message"):
            text = message.findtext("translation") or ""
            kind = message.find("translation").get("type", "")
            if text.strip() and kind not in ("vanished", "obsolete"):
                found.append((context.findtext("name") or "", message.findtext("source"), text))
    return found


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def test_every_translation_keeps_its_placeholders() -> None:
    messages = translated_messages()
    assert messages, "the Chinese catalogue has no translations"
    for context, source, text in messages:
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (
            context,
            source,
        )


def test_every_string_is_translated() -> None:
    """New source strings need a Chinese translation: run scripts/update_translations.py,
    translate what it marks unfinished, and run it again to compile."""
    missing = untranslated_messages(TS.read_text(encoding="utf-8"))
    assert not missing, f"{len(missing)} untranslated: {missing[:10]}"


def test_an_untranslated_string_is_caught() -> None:
    text = TS.read_text(encoding="utf-8")
    assert untranslated_messages(text) == []
    root = ET.fromstring(text)
    message = root.find("context/message")
    message.find("translation").set("type", "unfinished")
    assert len(untranslated_messages(ET.tostring(root, encoding="unicode"))) == 1
    message.find("translation").attrib.pop("type")
    message.find("translation").text = " "
    assert len(untranslated_messages(ET.tostring(root, encoding="unicode"))) == 1


def test_every_translation_keeps_its_format_fields() -> None:
    for context, source, text in translated_messages():
        assert sorted(FORMAT_FIELD.findall(source)) == sorted(FORMAT_FIELD.findall(text)), (
            context,
            source,
        )


def test_the_compiled_catalogue_is_there() -> None:
    assert TS.with_suffix(".qm").is_file()


def test_chinese_reaches_the_counter(qtbot, chinese, shop_desk) -> None:
    view = CounterView(shop_desk, SessionState())
    qtbot.addWidget(view)

    assert view.buttons["sale"].text() == "F2  收款"
    assert tier_name(2) == "金卡会员"
    assert QCoreApplication.translate("Messages", "Wrong PIN.") == "密码不对。"


def test_fill_does_not_expand_placeholders_inside_values() -> None:
    assert fill("%1 · %2", "名字%2", "银卡") == "名字%2 · 银卡"
    assert fill("%1 and %3", "a") == "a and %3"
