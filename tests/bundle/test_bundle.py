"""The installable bundle, built from ``build.spec`` once per test session and started the way a
shop PC starts it: the windowed executable passes its self-test (database through the shipped
migrations, a signed member code, a coupon sheet printed to PDF), keeps its data beside itself
in portable mode and nowhere else, and fails loudly when a file it ships is missing.

Building takes a minute or two. Skip with ``-m "not bundle"`` or ``MERCHANT_DESK_SKIP_BUNDLE=1``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NAME = "MerchantDesk"
WINDOWS = sys.platform == "win32"
STEPS = ["data_folder", "database", "member_code", "coupon_pdf", "assets"]

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("MERCHANT_DESK_SKIP_BUNDLE") == "1",
        reason="MERCHANT_DESK_SKIP_BUNDLE=1",
    ),
]


@dataclass(frozen=True)
class Bundle:
    folder: Path  # dist/MerchantDesk/

    def exe(self, name: str = NAME) -> Path:
        return self.folder / (f"{name}.exe" if WINDOWS else name)

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"


@dataclass(frozen=True)
class Home:
    """Where a user's files would go: the test points every location at temporary folders."""

    root: Path
    user_data: Path  # XDG_DATA_HOME on Linux, LOCALAPPDATA/APPDATA on Windows

    def env(self, data_override: Path | None = None) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "MERCHANT_DESK_DATA"}
        if data_override is not None:
            env["MERCHANT_DESK_DATA"] = str(data_override)
        env.update(
            HOME=str(self.root),
            USERPROFILE=str(self.root),
            XDG_DATA_HOME=str(self.user_data),
            XDG_CONFIG_HOME=str(self.root / "config"),
            XDG_CACHE_HOME=str(self.root / "cache"),
            LOCALAPPDATA=str(self.user_data),
            APPDATA=str(self.user_data),
        )
        if not WINDOWS:
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return env

    def merchant_files(self) -> list[Path]:
        """Anything Merchant Desk left in the user's folders."""
        return [p for p in self.root.rglob("*") if "merchantdesk" in str(p).lower()]


def _ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        lock = ROOT / "requirements-build.lock"
        subprocess.run([sys.executable, "-m", "pip", "install", "-r", str(lock)], check=True)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    _ensure_pyinstaller()
    out = tmp_path_factory.mktemp("bundle")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    return Bundle(out / "dist" / NAME)


@pytest.fixture
def home(tmp_path: Path) -> Home:
    root = tmp_path / "home"
    (root / "share").mkdir(parents=True)
    return Home(root, root / "share")


@dataclass(frozen=True)
class Selftest:
    status: int
    doc: dict[str, Any]
    stdout: str


def run_selftest(
    bundle: Bundle, home: Home, out: Path, *, data_override: Path | None = None
) -> Selftest:
    proc = subprocess.run(
        [str(bundle.exe()), "--selftest", "--selftest-out", str(out)],
        env=home.env(data_override),
        cwd=home.root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert out.is_file(), f"no result file; stdout: {proc.stdout} stderr: {proc.stderr}"
    return Selftest(proc.returncode, json.loads(out.read_text(encoding="utf-8")), proc.stdout)


def step(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in doc["steps"] if s["step"] == name)


def test_the_windowed_app_passes_its_selftest(bundle: Bundle, home: Home, tmp_path: Path) -> None:
    data = tmp_path / "shop-data"
    result = run_selftest(bundle, home, tmp_path / "selftest.json", data_override=data)

    assert result.status == 0, result.doc
    assert result.doc["ok"] is True
    assert result.doc["frozen"] is True
    assert [s["step"] for s in result.doc["steps"]] == STEPS
    assert all(s["ok"] for s in result.doc["steps"]), result.doc
    assert step(result.doc, "coupon_pdf")["pages"] == 1
    assert step(result.doc, "data_folder")["portable"] is False
    assert Path(step(result.doc, "data_folder")["path"]) == data
    assert (data / "logs").is_dir()
    assert bundle.exe(f"{NAME}-debug").is_file()


NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def test_a_chinese_font_ships_when_the_build_machine_has_one(bundle: Bundle) -> None:
    shipped = sorted(p.name for p in (bundle.internal / "assets" / "fonts").glob("*"))
    if not NOTO.is_file() and not os.environ.get("MERCHANT_DESK_CJK_FONT"):
        assert shipped == []  # nothing to ship: the app uses the system's Chinese font
    else:
        assert len(shipped) == 1


def user_data_snapshot() -> list[tuple[str, int]]:
    """The files (and their times) in this machine's real Merchant Desk data folder."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(NAME, appauthor=False))
    return (
        sorted((str(p), p.stat().st_mtime_ns) for p in folder.rglob("*")) if folder.exists() else []
    )


@pytest.fixture
def portable(bundle: Bundle) -> Iterator[Path]:
    """The bundle in portable mode (marker beside the executables) for one test."""
    marker = bundle.folder / "portable.txt"
    marker.write_text("Keep all data in data/ beside the app.\n", encoding="utf-8")
    try:
        yield bundle.folder / "data"
    finally:
        marker.unlink()
        shutil.rmtree(bundle.folder / "data", ignore_errors=True)


def test_portable_mode_keeps_data_beside_the_app_and_nowhere_else(
    bundle: Bundle, home: Home, portable: Path, tmp_path: Path
) -> None:
    assert not portable.exists()
    real_user_data = user_data_snapshot()

    result = run_selftest(bundle, home, tmp_path / "selftest.json")

    assert result.status == 0, result.doc
    assert step(result.doc, "data_folder")["portable"] is True
    assert Path(step(result.doc, "data_folder")["path"]).resolve() == portable.resolve()
    assert portable.is_dir()
    assert (portable / "logs").is_dir()  # the log of this run
    assert home.merchant_files() == []
    assert list(home.user_data.iterdir()) == []
    # Windows finds the user's folders without looking at the environment: check the real one.
    assert user_data_snapshot() == real_user_data


def test_a_bundle_missing_its_migrations_fails_the_selftest(
    bundle: Bundle, home: Home, tmp_path: Path
) -> None:
    migrations = bundle.internal / "desktop" / "models" / "migrations"
    aside = tmp_path / "migrations-aside"
    shutil.move(migrations, aside)
    try:
        result = run_selftest(bundle, home, tmp_path / "selftest.json")
    finally:
        shutil.move(aside, migrations)

    assert result.status != 0
    assert result.doc["ok"] is False
    assert "migrations are missing" in result.doc["message"]
    assert [s["step"] for s in result.doc["steps"]] == ["data_folder", "database"]
