"""Fixtures of the acceptance tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.cli import main


@pytest.fixture()
def copied(tmp_path) -> Path:
    """Return the folder of «2022-lan-hai», a fresh copy of the 1031 campaign under `tmp_path`."""
    assert main(["chien-dich", "moi", "2022-lan-hai", "--tu", "2022-trang-cong-dong",
                 "--thu-muc", str(tmp_path)]) == 0
    return tmp_path / "2022-lan-hai"
