"""A PC without a Chinese font still shows Chinese: the font shipped with the bundle is used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.views.i18n import bundled_cjk_family

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def test_no_shipped_font_means_none(qapp, tmp_path: Path) -> None:
    assert bundled_cjk_family(tmp_path) is None
    (tmp_path / "readme.txt").write_text("not a font")
    assert bundled_cjk_family(tmp_path) is None


@pytest.mark.skipif(not NOTO.is_file(), reason="needs Debian's fonts-noto-cjk to copy from")
def test_a_shipped_font_is_loaded_and_writes_chinese(qapp, tmp_path: Path) -> None:
    shutil.copy(NOTO, tmp_path / NOTO.name)
    family = bundled_cjk_family(tmp_path)
    assert family is not None
    assert "CJK" in family
