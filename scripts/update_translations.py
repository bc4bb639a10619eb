"""Refresh the Chinese translation catalogue from the source and compile it.

    .venv/bin/python scripts/update_translations.py

1. ``pyside6-lupdate`` extracts every ``self.tr(...)`` and ``QCoreApplication.translate(...)``
   string from ``desktop/views/*.py``. Module-level helpers such as
   ``def _t(text): return QCoreApplication.translate("Messages", text)`` are recognised too:
   their strings are filed under the helper's context, as they are looked up at run time.
2. The result is merged into ``assets/i18n/merchant_desk_zh_CN.ts``: existing translations are
   kept; strings no longer in the source are kept as "vanished" when they had a translation.
3. ``pyside6-lrelease`` compiles ``merchant_desk_zh_CN.qm`` next to it.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "i18n" / "merchant_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")
SOURCE_DIR = ROOT / "desktop" / "views"

# def _t(text: str) -> str:  [docstring]  return QCoreApplication.translate("Context", text)
HELPER = re.compile(
    r"^def (_\w+)\([^)]*\)[^:]*:\s*(?:(?:\"\"\"|''')[\s\S]*?(?:\"\"\"|''')\s*)?"
    r"return QCoreApplication\.translate\(\s*[\"']([^\"']+)[\"']",
    re.MULTILINE,
)

Key = tuple[str, str, str]  # context, source, comment


def tool(name: str) -> str:
    """A Qt tool from the project's virtual environment, else from PATH."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / name, bindir / f"{name}.exe", ROOT / ".venv" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into .venv first")
    return found


def helper_contexts(files: list[Path]) -> dict[Path, str]:
    """Each file's module-level translate helper context, keyed by the file's real path."""
    found: dict[Path, str] = {}
    for path in files:
        match = HELPER.search(path.read_text(encoding="utf-8"))
        if match:
            found[path.resolve()] = match.group(2)
    return found


def helper_names(files: list[Path]) -> list[str]:
    names: set[str] = set()
    for path in files:
        names.update(m.group(1) for m in HELPER.finditer(path.read_text(encoding="utf-8")))
    return sorted(names)


def message_key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def refile_helper_strings(root: ET.Element, contexts: dict[Path, str], base: Path) -> None:
    """Move strings found through a helper alias (no class, so context "") to its context."""
    by_name = {c.findtext("name") or "": c for c in root.findall("context")}
    empty = by_name.get("")
    if empty is None:
        return
    for message in list(empty.findall("message")):
        # The same text used in several files arrives as one message with several locations:
        # file a copy under each file's context, each with its own locations.
        by_target: dict[str, list[ET.Element]] = {}
        for location in message.findall("location"):
            source_file = (base / location.get("filename", "")).resolve()
            target_name = contexts.get(source_file)
            if target_name is not None:
                by_target.setdefault(target_name, []).append(location)
        if not by_target:
            continue
        for target_name, locations in by_target.items():
            target = by_name.get(target_name)
            if target is None:
                target = ET.SubElement(root, "context")
                ET.SubElement(target, "name").text = target_name
                by_name[target_name] = target
            filed = copy.deepcopy(message)
            for location in filed.findall("location"):
                filed.remove(location)
            for index, location in enumerate(locations):
                filed.insert(index, copy.deepcopy(location))
            if not any(m.findtext("source") == filed.findtext("source") for m in target):
                target.append(filed)
        empty.remove(message)
    if not empty.findall("message"):
        root.remove(empty)


def merge_existing(root: ET.Element, old_root: ET.Element | None) -> tuple[int, int]:
    """Copy translations from the previous catalogue; return (kept, vanished) counts."""
    if old_root is None:
        return 0, 0
    old: dict[Key, ET.Element] = {}
    for context in old_root.findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            old[message_key(name, message)] = message
    kept = 0
    contexts = {c.findtext("name") or "": c for c in root.findall("context")}
    for name, context in contexts.items():
        for message in context.findall("message"):
            previous = old.pop(message_key(name, message), None)
            if previous is None or not (previous.findtext("translation") or "").strip():
                continue
            translation = copy.deepcopy(previous.find("translation"))
            if translation.get("type") in ("vanished", "obsolete"):
                translation.set("type", "unfinished")
            message.remove(message.find("translation"))
            message.append(translation)
            kept += 1
    vanished = 0
    for (name, _source, _comment), message in old.items():
        translation = message.find("translation")
        if translation is None or not (translation.text or "").strip():
            continue
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        gone = copy.deepcopy(message)
        for location in gone.findall("location"):
            gone.remove(location)
        gone.find("translation").set("type", "vanished")
        context.append(gone)
        vanished += 1
    return kept, vanished


def write_ts(root: ET.Element, path: Path) -> None:
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main() -> int:
    files = sorted(SOURCE_DIR.glob("*.py"))
    TS.parent.mkdir(parents=True, exist_ok=True)
    aliases = ",".join(f"tr+={name}" for name in helper_names(files))
    with tempfile.TemporaryDirectory(dir=TS.parent) as tmp:
        fresh = Path(tmp) / TS.name
        command = [
            tool("pyside6-lupdate"),
            *map(str, files),
            "-locations",
            "absolute",
            "-source-language",
            "en",
            "-target-language",
            "zh_CN",
            "-ts",
            str(fresh),
        ]
        if aliases:
            command[1:1] = ["-tr-function-alias", aliases]
        subprocess.run(command, check=True, cwd=ROOT)
        root = ET.parse(fresh).getroot()
        refile_helper_strings(root, helper_contexts(files), fresh.parent)
        for location in root.iter("location"):  # written relative to the real file's folder
            real = (fresh.parent / location.get("filename", "")).resolve()
            location.set("filename", Path(os.path.relpath(real, TS.parent)).as_posix())
    old_root = ET.parse(TS).getroot() if TS.exists() else None
    kept, vanished = merge_existing(root, old_root)
    write_ts(root, TS)
    total = len(root.findall("context/message"))
    print(f"{TS.relative_to(ROOT)}: {total} strings, {kept} translations kept, {vanished} vanished")
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
