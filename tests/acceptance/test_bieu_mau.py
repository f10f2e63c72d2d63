"""The province's clerk sends each district (or, today, the province's communes) a workbook to fill."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from docgen.cli import main

def test_every_district_of_dien_bien_gets_its_workbook(tmp_path, capsys):
    assert main(["bieu-mau", "2022-trang-cong-dong", "-o", str(tmp_path)]) == 0
    files = sorted(p.name for p in tmp_path.glob("*.xlsx"))
    assert len(files) == 10
    assert "bieu-mau-huyen-muong-nhe.xlsx" in files and "bieu-mau-thanh-pho-dien-bien-phu.xlsx" in files
    out = capsys.readouterr().out
    assert out.endswith("Tổng cộng 10 biểu mẫu.\n")
    wb = load_workbook(tmp_path / "bieu-mau-huyen-nam-po.xlsx")
    assert wb["Thông tin"]["B1"].value == "Huyện Nậm Pồ"
    names = [c.value for c in wb["Phụ lục"]["B"] if isinstance(c.value, str)]
    assert names[:3] == ["Đơn vị", "Cấp huyện", "Huyện Nậm Pồ"] and "Cấp xã" in names


def test_one_district_is_chosen_by_name_typed_without_its_kind(tmp_path):
    assert main(["bieu-mau", "2022-trang-cong-dong", "--don-vi", "mường nhé", "-o", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["bieu-mau-huyen-muong-nhe.xlsx"]


def test_an_unknown_district_is_refused_with_the_valid_names_and_exit_2(tmp_path, capsys):
    assert main(["bieu-mau", "2022-trang-cong-dong", "--don-vi", "Mường Tè", "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không có đơn vị «Mường Tè» trong chiến dịch 2022-trang-cong-dong. "
                          "Các đơn vị có biểu mẫu: Thành phố Điện Biên Phủ, Thị xã Mường Lay, Huyện Mường Nhé")
    assert not list(tmp_path.iterdir())


def test_workbooks_are_not_overwritten_without_ghi_de(tmp_path, capsys):
    args = ["bieu-mau", "2022-trang-cong-dong", "--don-vi", "Nậm Pồ", "-o", str(tmp_path)]
    assert main(args) == 0
    target = tmp_path / "bieu-mau-huyen-nam-po.xlsx"
    wb = load_workbook(target)
    wb["Phụ lục"]["C9"] = "đã điền"
    wb.save(target)
    assert main(args) == 2
    assert "Thêm --ghi-de để ghi đè" in capsys.readouterr().err
    assert load_workbook(target)["Phụ lục"]["C9"].value == "đã điền"
    assert main(args + ["--ghi-de"]) == 0
    assert load_workbook(target)["Phụ lục"]["C9"].value is None


def test_a_two_level_campaign_gives_each_of_the_45_communes_its_own_workbook(two_level_folder, tmp_path):
    out = tmp_path / "ra"
    assert main(["bieu-mau", str(two_level_folder), "-o", str(out)]) == 0
    paths = sorted(out.iterdir())
    assert len(paths) == 45
    for path in paths:
        ws = load_workbook(path)["Phụ lục"]
        numbered = [r for r in ws.iter_rows(min_row=9, values_only=True) if isinstance(r[0], int)]
        assert len(numbered) == 1 and ws["A1"].value == f"ỦY BAN MTTQ VIỆT NAM {numbered[0][1].upper()}"


def test_a_three_level_campaign_gives_the_communes_of_one_district_their_workbooks(tmp_path):
    out = tmp_path / "ra"
    assert main(["bieu-mau", "2022-trang-cong-dong", "--cap", "xa", "--thuoc", "Huyện Mường Nhé", "-o", str(out)]) == 0
    paths = sorted(out.iterdir())
    assert len(paths) == 11 and out / "bieu-mau-xa-chung-chai.xlsx" in paths
    wb = load_workbook(out / "bieu-mau-xa-chung-chai.xlsx")
    guide = "\n".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "Xã Chung Chải: trước ngày 15/3/2022, gửi Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé." in guide


def test_the_shipped_2026_campaign_needs_no_code(tmp_path):
    campaigns = sorted(Path(__file__).resolve().parents[2].glob("data/chien-dich/2026-*"))
    assert campaigns, "data/chien-dich/2026-* phải có"
    assert main(["bieu-mau", str(campaigns[0]), "-o", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.xlsx"))) >= 1


def test_a_broken_campaign_file_is_refused_with_exit_2(tmp_path, capsys):
    folder = tmp_path / "hong"
    folder.mkdir()
    (folder / "chien-dich.toml").write_text("ten = \n", encoding="utf-8")
    assert main(["bieu-mau", str(folder), "-o", str(tmp_path / "ra")]) == 2
    assert "TOML" in capsys.readouterr().err


def test_the_blank_workbook_reads_back_as_exactly_the_official_units(tmp_path):
    from docgen import readers
    from docgen.campaigns.campaign import load_campaign

    assert main(["bieu-mau", "2022-trang-cong-dong", "--don-vi", "Mường Nhé", "-o", str(tmp_path)]) == 0
    source = readers.read_source(tmp_path / "bieu-mau-huyen-muong-nhe.xlsx", load_campaign().form)
    campaign = load_campaign("2022-trang-cong-dong")
    district = campaign.units.match("Mường Nhé", 1, campaign.province)
    expected = [district.full_name] + [u.full_name for u in campaign.units.children(district)]
    assert [r.text("don_vi") for r in source.table.rows] == expected
    assert source.notes == ()
    assert source.facts.don_vi == "Huyện Mường Nhé"
