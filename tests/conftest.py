"""Fixtures shared by every test area."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OOXML_CHECK = SHARED / "tools" / "ooxml_check.py"

# A test campaign on today's two-level list: the province's 45 communes report straight to it.
TWO_LEVEL_TOML = """\
id = "thu-2026"
ten = "Chiến dịch thử, hai cấp"
danh_muc = "dvhc_2cap_2025"
tinh = "Điện Biên"

[[cap]]
ma = "xa"
muc = 1
ten = "Cấp xã"
han = 2026-03-31
mau_ten_trang = "Mặt trận {don_vi} ({tinh})"
nhan_su = "kiem_nhiem"
"""


def page_form_toml(campaign: str = "2026-ra-soat-trang-cong-dong") -> str:
    """Return the `[[nen_tang]]` and `[bieu_mau]` parts (platforms; columns, groups, facts fields) of a page
    campaign's file, as written."""
    text = (ROOT / "data" / "chien-dich" / campaign / "chien-dich.toml").read_text(encoding="utf-8")
    start = text.index("[[nen_tang]]")
    end = min((i for i in (text.find(f"\n[{t}", start) for t in ("bao_cao", "ky]", "tong_hop", "van_ban"))
               if i > 0), default=len(text))
    return "\n" + text[start:end].rstrip() + "\n"


TWO_LEVEL_TOML += page_form_toml()


# Outside programs some tests need: marker → (programs, why). Where one is missing the test is skipped with
# the reason, except in CI (DOCGEN_CI=1, set by .ci/run, which installs them): there a missing program fails.
TOOLS = {
    "soffice": (("soffice", "pdftotext", "pdftoppm"), "LibreOffice và poppler-utils (chuyển PDF)"),
    "chromium": (("chromium", "chromedriver"), "Chromium và chromedriver (kiểm tra trang web trong trình duyệt)"),
}


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker, (programs, what) in TOOLS.items():
        if item.get_closest_marker(marker) is None:
            continue
        missing = [p for p in programs if shutil.which(p) is None]
        if not missing:
            continue
        reason = f"cần {what}; máy này thiếu: {', '.join(missing)}"
        if os.environ.get("DOCGEN_CI"):
            pytest.fail(f"CI phải cài đủ công cụ: {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture
def two_level_folder(tmp_path: Path) -> Path:
    """Return the folder `tmp_path/thu-2026` of a one-level campaign on today's two-level unit list."""
    folder = tmp_path / "thu-2026"
    folder.mkdir()
    (folder / "chien-dich.toml").write_text(TWO_LEVEL_TOML, encoding="utf-8")
    return folder


@pytest.fixture
def ooxml_check():
    """Return a function that validates .docx files against ECMA-376 (skips when ../shared is absent)."""
    if not OOXML_CHECK.is_file():
        pytest.skip("../shared/tools/ooxml_check.py vắng mặt: bỏ qua kiểm tra lược đồ OOXML")

    def check(*paths: Path) -> str:
        proc = subprocess.run(
            [sys.executable, str(OOXML_CHECK), *map(str, paths)], capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc.stdout

    return check
