"""Fixtures shared by every test area."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OOXML_CHECK = SHARED / "tools" / "ooxml_check.py"


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
