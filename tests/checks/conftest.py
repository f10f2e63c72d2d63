"""Fixtures of the checks' tests: the 2022 campaign and a two-level campaign built in tmp_path."""

from __future__ import annotations

import pytest

from docgen.campaigns.campaign import load_campaign

TWO_LEVEL_TOML = """
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


@pytest.fixture(scope="session")
def campaign():
    return load_campaign()


@pytest.fixture
def two_level(tmp_path):
    folder = tmp_path / "thu-2026"
    folder.mkdir()
    (folder / "chien-dich.toml").write_text(TWO_LEVEL_TOML, encoding="utf-8")
    return load_campaign(folder)
