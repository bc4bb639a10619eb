"""Language and font: which translation to load, and a font that has Chinese glyphs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.config import assets_dir

LANGUAGES = ("zh_CN", "en")
CATALOGUE = "merchant_desk"
CJK_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
    "SimHei",
)

# Translators must outlive the call that installs them (Qt does not take ownership).
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return assets_dir() / "i18n"


def normalize_language(value: object) -> str | None:
    """``"zh_CN"``, ``"zh-cn"``, ``"zh"`` → ``"zh_CN"``; ``"en…"`` → ``"en"``; else ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("-", "_").lower()
    if text.startswith("zh"):
        return "zh_CN"
    if text.startswith("en"):
        return "en"
    return None


def choose_language(cli: str | None, saved: object, system_locale: str | None = None) -> str:
    """``--lang`` beats the saved setting, which beats the system locale (zh* → Chinese)."""
    for choice in (cli, saved):
        language = normalize_language(choice)
        if language is not None:
            return language
    system = system_locale if system_locale is not None else QLocale.system().name()
    return "zh_CN" if system.lower().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Replace any installed translators with those for ``language``; return the loaded ones.

    English needs none (the source strings are English). Chinese loads our catalogue and Qt's
    own ``qtbase_zh_CN.qm`` so standard buttons (OK, Cancel) are translated too.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    candidates = (
        (str(translations_dir()), f"{CATALOGUE}_{language}"),
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{language}"),
    )
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def cjk_font_family(available: list[str] | None = None) -> str | None:
    """The first installed font family that can show Simplified Chinese, or ``None``."""
    families = available if available is not None else QFontDatabase.families()
    by_name = {f.lower(): f for f in families}
    for wanted in CJK_FONTS:
        if wanted.lower() in by_name:
            return by_name[wanted.lower()]
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    sans = [f for f in chinese if "sans" in f.lower() or "hei" in f.lower()]
    return (sans or chinese or [None])[0]


def bundled_cjk_family(folder: Path | None = None) -> str | None:
    """Load the fonts shipped in ``assets/fonts`` (a bundle built with one) and return the
    first family that writes Simplified Chinese, or ``None``."""
    folder = folder if folder is not None else assets_dir() / "fonts"
    if not folder.is_dir():
        return None
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".ttc", ".otf", ".ttf"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
        for family in QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []:
            if family in chinese:
                return family
    return None


def apply_cjk_font(app: QApplication, *, point_size: float = 11.0) -> str | None:
    """Use a Chinese-capable font for the whole app: an installed one, else the one shipped
    with the bundle; return its name."""
    family = cjk_font_family() or bundled_cjk_family()
    font = QFont(app.font())
    if family is not None:
        font.setFamily(family)
    if font.pointSizeF() < point_size:
        font.setPointSizeF(point_size)
    app.setFont(font)
    return family
