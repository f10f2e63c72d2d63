"""`chien-dich kiem-tra` tells every mistake of a campaign file at once, each with its key and line; a misspelt
top-level table is caught by `load_campaign` itself, with the table meant."""

from __future__ import annotations

import re
import shutil

import pytest

from docgen.campaigns.campaign import CAMPAIGNS_DIR, check_campaign, load_campaign
from docgen.cli import main
from docgen.errors import CampaignError

FESTIVAL = CAMPAIGNS_DIR / "2026-ngay-hoi-dai-doan-ket"
# (text in the shipped file, planted mistake, key the report must name)
PLANTED = (
    ("[bao_cao]", "[bao_coa]", "bao_coa"),
    ("han = 2026-11-30", 'han = "30/11/2026"', "cap[0].han"),
    ('kieu = "tien"', 'kieu = "tienn"', "bieu_mau.cot[5].kieu"),
    ('dieu_kien = "chu_tich_du = Có"', 'dieu_kien = "chu_tich = Có"', "so_lieu[8].dieu_kien"),
    ("Số người tham gia: {tong_nguoi} người.\n- Kinh phí vận động: {tong_kinh_phi} đồng.\n- Số hộ gia đình "
     "tiêu biểu được khen thưởng, biểu dương: {tong_ho} hộ.\n- Chủ tịch",
     "Số người tham gia: {tong_nguoii} người.\n- Kinh phí vận động: {tong_kinh_phi} đồng.\n- Số hộ gia đình "
     "tiêu biểu được khen thưởng, biểu dương: {tong_ho} hộ.\n- Chủ tịch", "tong_hop.phan[1].noi_dung"),
)


@pytest.fixture
def broken(tmp_path):
    """Return (folder, text) of the festival campaign with the five mistakes of PLANTED."""
    folder = tmp_path / "ngay-hoi-sai"
    shutil.copytree(FESTIVAL, folder)
    text = (folder / "chien-dich.toml").read_text(encoding="utf-8")
    for old, new, _ in PLANTED:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    (folder / "chien-dich.toml").write_text(text, encoding="utf-8")
    return folder, text


def _line(text: str, new: str) -> int:
    at = text.index(new) + (new.index("{tong_nguoii}") if "{tong_nguoii}" in new else 0)
    return text[:at].count("\n") + 1


def test_every_planted_mistake_is_told_with_its_key_and_line(broken, capsys):
    folder, text = broken
    assert main(["chien-dich", "kiem-tra", str(folder)]) == 2
    said = capsys.readouterr().err
    assert f"tệp chiến dịch có {len(PLANTED)} lỗi" in said
    for old, new, key in PLANTED:
        found = re.search(re.escape(key) + r" \(dòng (\d+)\)", said)
        assert found, key
        assert int(found.group(1)) == _line(text, new), key
    # A column with a mistake is not blamed again where a figure or a sentence uses it.
    assert "«{tong_kinh_phi}»" not in said and "cột «kinh_phi»" not in said and "«cot»" not in said


def test_check_campaign_returns_each_mistake_once_and_no_campaign(broken):
    campaign, mistakes = check_campaign(broken[0])
    assert campaign is None
    assert [m.location.cell.split(" (")[0] for m in mistakes] == [key for _, _, key in PLANTED]


def test_load_campaign_itself_names_a_misspelt_table_with_the_one_meant(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(FESTIVAL, folder)
    file = folder / "chien-dich.toml"
    text = file.read_text(encoding="utf-8").replace("[tong_hop]", "[tong_hopp]", 1)
    file.write_text(text, encoding="utf-8")
    with pytest.raises(CampaignError) as caught:
        load_campaign(folder)
    line = text[:text.index("[tong_hopp]")].count("\n") + 1
    assert caught.value.location.cell == f"tong_hopp (dòng {line})"
    assert "Có phải «tong_hop»?" in caught.value.message and f"(dòng {line})" in caught.value.message


@pytest.mark.parametrize("campaign", ["2022-trang-cong-dong", "2026-ra-soat-trang-cong-dong",
                                      "2026-ngay-hoi-dai-doan-ket"])
def test_the_shipped_campaigns_check_clean(campaign, capsys):
    # 2022 signs with [ky] and the 2026 review is marked `mau`: both are keys of the top level.
    assert main(["chien-dich", "kiem-tra", campaign]) == 0
    assert check_campaign(campaign)[1] == []
