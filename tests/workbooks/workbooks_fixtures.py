"""Fixtures of the workbook tests (imported by name: a conftest.py here would clash under --doctest-modules)."""

from __future__ import annotations

from pathlib import Path

import pytest

TWO_LEVEL_TOML = '''\
id = "thu-2cap"
ten = "Thử chiến dịch hai cấp"
danh_muc = "dvhc_2cap_2025"
tinh = "Điện Biên"

[[cap]]
ma = "xa"
muc = 1
ten = "Cấp xã"
han = 2026-04-15
mau_ten_trang = "Mặt trận {ten} ({tinh})"
vi_du = "Mặt trận Mường Phăng (tỉnh Điện Biên)"
nhan_su = "kiem_nhiem"
'''


@pytest.fixture
def two_level_campaign(tmp_path: Path) -> Path:
    """Return the folder of a single-level campaign on today's two-level list."""
    folder = tmp_path / "thu-2cap"
    folder.mkdir()
    (folder / "chien-dich.toml").write_text(TWO_LEVEL_TOML, encoding="utf-8")
    return folder
