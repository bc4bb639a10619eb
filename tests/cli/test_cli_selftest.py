"""``merchant-desk selftest`` and ``--selftest`` from the source tree: the same checks the
bundle runs on itself, passing here, and failing with a message that names the missing part when
the files a bundle must ship (migrations, translations, icon) are not where the code looks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop import cli as cli_module
from desktop import config
from desktop.models import migrate

ROOT = Path(__file__).resolve().parents[2]
STEPS = ["data_folder", "database", "member_code", "coupon_pdf", "assets"]


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return folder


def selftest_here(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    status = cli_module.main(["selftest", *args])
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out  # exactly one JSON document
    return status, json.loads(out)


def test_selftest_passes_and_reports_every_step(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_folder: Path
) -> None:
    result_file = tmp_path / "out" / "selftest.json"

    status, doc = selftest_here(capsys, "--out", str(result_file))

    assert status == 0, doc
    assert doc["ok"] is True
    assert [s["step"] for s in doc["steps"]] == STEPS
    assert all(s["ok"] and s["ms"] >= 0 for s in doc["steps"])
    by_name = {s["step"]: s for s in doc["steps"]}
    assert by_name["database"]["revision"] == migrate.head_revision()
    assert by_name["member_code"]["altered_code"]  # the tampered copy was refused
    assert by_name["coupon_pdf"]["pages"] == 1
    assert by_name["data_folder"]["path"] == str(data_folder)
    assert json.loads(result_file.read_text(encoding="utf-8")) == doc
    assert list(data_folder.iterdir()) == []  # only a probe, removed again


def test_missing_migrations_fail_the_selftest_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle built without ``desktop/models/migrations`` (a data file left out of the spec)."""
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", tmp_path / "not-shipped")

    status, doc = selftest_here(capsys)

    assert status == cli_module.EXIT_REFUSED
    assert doc["ok"] is False
    assert doc["error"] == "selftest_failed"
    assert doc["message"].startswith("self-test failed at database: ")
    assert "migrations are missing" in doc["message"]
    assert str(tmp_path / "not-shipped") in doc["message"]
    assert [s["step"] for s in doc["steps"]] == ["data_folder", "database"]


def test_missing_translations_fail_the_coupon_step(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bundle whose ``assets/`` folder did not make it in."""
    monkeypatch.setattr(config, "resource_root", lambda: tmp_path / "no-assets")

    status, doc = selftest_here(capsys)

    assert status == cli_module.EXIT_REFUSED
    failed = doc["steps"][-1]
    assert failed["step"] == "coupon_pdf"
    assert failed["ok"] is False
    assert "Chinese translation is missing" in failed["message"]
    assert "no-assets" in doc["message"]


def test_the_app_flag_prints_and_writes_the_result(tmp_path: Path, data_folder: Path) -> None:
    """``MerchantDesk --selftest --selftest-out FILE``: what the windowed bundle is run with."""
    result_file = tmp_path / "selftest.json"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--selftest", "--selftest-out", str(result_file)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, config.DATA_DIR_ENV: str(data_folder), "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
        check=False,
    )

    assert proc.returncode == 0, proc.stdout + proc.stderr
    printed = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    assert printed == json.loads(result_file.read_text(encoding="utf-8"))
    assert printed["ok"] is True
    assert [s["step"] for s in printed["steps"]] == STEPS
    assert (data_folder / "logs").is_dir()  # the app's log, as on a normal start
