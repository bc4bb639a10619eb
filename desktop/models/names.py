"""Member names: cleaning what is typed, and pinyin keys for search (张三 → zs, zhangsan)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from desktop.models.errors import DomainError

MAX_NAME = 50


def clean_name(raw: str) -> str:
    """Collapse white space, drop control characters; keep emoji and any script."""
    text = "".join(ch for ch in raw if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    if not text:
        raise DomainError("name_required")
    if len(text) > MAX_NAME:
        raise DomainError("name_too_long", max=MAX_NAME)
    return text


@dataclass(frozen=True)
class NameKeys:
    initials: str  # 张三 → "zs"; "Tom Lee" → "tl"
    pinyin: str  # 张三 → "zhangsan"; "Tom Lee" → "tomlee"


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def name_keys(name: str) -> NameKeys:
    """Search keys for a name. pypinyin is imported only here (it loads a large table)."""
    from pypinyin import Style, lazy_pinyin

    initials: list[str] = []
    spelled: list[str] = []
    word = ""
    for ch in name:
        if _is_han(ch):
            if word:
                initials.append(word[0])
                spelled.append(word)
                word = ""
            full = lazy_pinyin(ch, style=Style.NORMAL)[0].lower()
            if full and full.isascii() and full.isalpha():
                initials.append(full[0])
                spelled.append(full)
        elif ch.isascii() and ch.isalnum():
            word += ch.lower()
        elif word:
            initials.append(word[0])
            spelled.append(word)
            word = ""
    if word:
        initials.append(word[0])
        spelled.append(word)
    return NameKeys(initials="".join(initials)[:MAX_NAME], pinyin="".join(spelled)[:200])
