"""Loading a campaign folder: both shipped campaigns load; each mistake is named by key, in Vietnamese."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from docgen.campaigns.campaign import CAMPAIGNS_DIR, FILE_NAME, load_campaign, resolve_folder
from docgen.errors import CampaignError


@pytest.fixture
def edited(tmp_path):
    """Return a function (old, new[, campaign]) → folder: the campaign copied with `old` replaced by `new`."""

    def make(old: str = "", new: str = "", campaign: str = "2022-trang-cong-dong") -> Path:
        folder = tmp_path / campaign
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(CAMPAIGNS_DIR / campaign, folder)
        if old:
            path = folder / FILE_NAME
            text = path.read_text(encoding="utf-8")
            assert old in text, f"«{old}» not in {campaign}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return folder

    return make


def error_of(folder) -> CampaignError:
    with pytest.raises(CampaignError) as info:
        load_campaign(folder)
    return info.value


class TestShippedCampaigns:
    def test_loads_the_2022_three_level_campaign(self):
        c = load_campaign("2022-trang-cong-dong")
        assert [(lv.code, lv.depth, lv.deadline) for lv in c.levels] == [
            ("huyen", 1, dt.date(2022, 3, 31)), ("xa", 2, dt.date(2022, 3, 15))]
        assert c.dispatch is not None and c.dispatch.number == "1031"

    def test_loads_the_2026_two_level_campaign_of_45_communes(self):
        c = load_campaign("2026-ra-soat-trang-cong-dong")
        assert c.unit_list_name == "dvhc_2cap_2025" and c.province.name == "Điện Biên"
        assert [(lv.code, lv.depth, lv.staffing) for lv in c.levels] == [("xa", 1, "kiem_nhiem")]
        communes = c.units.children(c.province)
        assert len(communes) == 45
        phang = next(u for u in communes if u.name == "Mường Phăng")
        assert c.top_level.expected_page_name(phang) == c.top_level.example == "Mặt trận Mường Phăng (tỉnh Điện Biên)"

    def test_gives_the_example_of_each_2022_level_from_its_pattern(self):
        c = load_campaign()
        units = c.units
        dist = units.match("Nậm Pồ", 1, c.province)
        com = units.match("Chung Chải", 2, units.match("Mường Nhé", 1, c.province))
        assert c.level("huyen").expected_page_name(dist) == c.level("huyen").example
        assert c.level("xa").expected_page_name(com) == c.level("xa").example

    def test_finds_a_campaign_by_id_or_path(self, edited):
        folder = edited()
        assert resolve_folder(folder) == folder
        assert resolve_folder(folder / "chien-dich.toml") == folder
        assert "2026-ra-soat-trang-cong-dong" in error_of("khong-co").message


class TestCampaignTemplates:
    def test_prefers_the_campaigns_own_template(self, edited):
        folder = edited()
        assert load_campaign(folder).template("cong_van.docx").parent.name == "templates"
        (folder / "templates").mkdir()
        (folder / "templates" / "cong_van.docx").write_bytes(b"x")
        assert load_campaign(folder).template("cong_van.docx") == folder / "templates" / "cong_van.docx"


class TestCampaignMistakes:
    def test_reports_a_syntax_error_with_its_line(self, edited):
        folder = edited('ten = "Cấp xã"', 'ten = "Cấp xã')
        line = (folder / "chien-dich.toml").read_text(encoding="utf-8").splitlines().index('ten = "Cấp xã') + 1
        err = error_of(folder)
        assert err.location.cell == f"dòng {line}"
        assert err.message == (f"Tệp chiến dịch viết sai cú pháp TOML ở dòng {line}, cột 14: "
                               "chuỗi chữ chưa đóng dấu ngoặc kép.")

    def test_reports_an_impossible_date(self, edited):
        err = error_of(edited("han = 2022-03-15", "han = 2022-02-30"))
        assert "ngày không có thật" in err.message and err.location.cell.startswith("dòng ")

    def test_reports_a_date_typed_as_text(self, edited):
        err = error_of(edited("han = 2022-03-15", 'han = "15/3/2022"'))
        assert err.location.cell == "cap[1].han"
        assert err.message == "Khóa «cap[1].han» phải là ngày (NĂM-THÁNG-NGÀY), không phải «15/3/2022»."

    def test_reports_a_deadline_before_the_dispatch(self, edited):
        err = error_of(edited("han = 2022-03-31", "han = 2022-01-31"))
        assert err.location.cell == "cap[0].han"
        assert err.message == "Hạn của cấp huyện (31/01/2022) sớm hơn ngày văn bản (25/02/2022)."  # DT-04 months

    def test_reports_a_missing_key(self, edited):
        err = error_of(edited('danh_muc = "dvhc_3cap_2024"\n', ""))
        assert (err.location.cell, err.message) == ("danh_muc", "Thiếu khóa «danh_muc».")

    def test_reports_a_level_deeper_than_the_unit_list(self, edited):
        err = error_of(edited("muc = 2", "muc = 3"))
        assert err.location.cell == "cap[1].muc" and "tầng 1…2" in err.message

    def test_reports_a_level_on_a_two_level_list_at_depth_2(self, edited):
        err = error_of(edited("muc = 1", "muc = 2", "2026-ra-soat-trang-cong-dong"))
        assert err.location.cell == "cap[0].muc" and "tầng 1…1" in err.message

    def test_reports_two_levels_with_one_code(self, edited):
        err = error_of(edited('ma = "xa"', 'ma = "huyen"'))
        assert err.location.cell == "cap.ma" and "'huyen'" in err.message

    def test_reports_a_pattern_naming_an_unknown_field(self, edited):
        err = error_of(edited("({cap_tren}, {tinh})", "({huyen}, {tinh})"))
        assert err.location.cell == "cap[1].mau_ten_trang"
        assert err.message.startswith("Mẫu tên Trang dùng trường không có: {huyen};")

    def test_reports_an_unknown_unit_list_on_its_key(self, edited):
        err = error_of(edited('"dvhc_3cap_2024"', '"dvhc_2020"'))
        assert err.location.cell == "danh_muc" and "dvhc_2020" in err.message

    def test_reports_an_unknown_province_on_its_key(self, edited):
        err = error_of(edited('tinh = "Điện Biên"', 'tinh = "Điện Bàn"'))
        assert (err.location.cell, err.message) == ("tinh", "Không có tỉnh, thành phố «Điện Bàn» trong danh mục dvhc_3cap_2024.")

    def test_names_the_file_in_the_location(self, edited):
        folder = edited("muc = 2", "muc = 3")
        assert str(error_of(folder)).startswith(f"{folder / 'chien-dich.toml'} › cap[1].muc: ")


def test_an_output_folder_named_like_the_campaign_does_not_hide_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "2022-trang-cong-dong").mkdir()  # what `docgen cong-van … -o .` leaves behind
    assert resolve_folder("2022-trang-cong-dong") == CAMPAIGNS_DIR / "2022-trang-cong-dong"


# --- hostile campaign files: limits, never an exception other than CampaignError -----------------------------

def _campaign_with(tmp_path: Path, text: str | bytes) -> Path:
    folder = tmp_path / "cd"
    folder.mkdir(exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    (folder / FILE_NAME).write_bytes(data)
    return folder


BASE = (CAMPAIGNS_DIR / "2022-trang-cong-dong" / FILE_NAME).read_text(encoding="utf-8")


@pytest.mark.parametrize("extra", ["[" * 5000 + "]" * 5000, "{a = " * 5000 + "1" + "}" * 5000, "[" * 40 + "]" * 40],
                         ids=["arrays-5000", "tables-5000", "arrays-40"])
def test_nesting_deeper_than_the_limit_is_a_campaign_error(tmp_path, extra):
    with pytest.raises(CampaignError, match="lồng bảng hoặc danh sách quá 32 tầng.*DOCGEN_MAX_NESTING"):
        load_campaign(_campaign_with(tmp_path, BASE + "\nx = " + extra + "\n"))


def test_a_campaign_file_larger_than_the_limit_is_refused_unread(tmp_path, monkeypatch):
    folder = _campaign_with(tmp_path, BASE + "\n# " + "x" * 2_000_000 + "\n")
    with pytest.raises(CampaignError, match="quá lớn.*DOCGEN_MAX_CAMPAIGN_KB"):
        load_campaign(folder)
    monkeypatch.setenv("DOCGEN_MAX_CAMPAIGN_KB", "4096")
    assert load_campaign(folder).id == "2022-trang-cong-dong"


@pytest.mark.parametrize("text", [b"\xff\xfe\x00\x01", "\x00 = [[[", 'danh_muc = "../../../../etc/passwd"\n'],
                         ids=["bytes", "garbage", "traversal"])
def test_a_garbled_campaign_file_is_a_campaign_error(tmp_path, text):
    with pytest.raises(CampaignError):
        load_campaign(_campaign_with(tmp_path, text))


# --- attack round 2: values that loaded, then failed later (a traceback in tong-hop, every file "internal error")

@pytest.mark.parametrize("old, new, key", [
    ("han = 2022-03-31", "han = 9999-12-31", "cap[0].han"),      # + a week's grace was past what a date holds
    ("han = 2022-03-31", "han = 0001-01-01", "cap[0].han"),
    ("ngay = 2022-02-25", "ngay = 0001-01-01", "van_ban.ngay"),
], ids=["deadline-9999", "deadline-year-1", "dispatch-year-1"])
def test_a_date_out_of_any_campaign_is_refused_by_key(edited, old, new, key):
    err = error_of(edited(old, new))
    assert err.location.cell == key and "không hợp lý" in err.message


@pytest.mark.parametrize("number", ["9" * 5000, "²", "0000", "12a"], ids=["5000-digits", "superscript", "zeros", "letter"])
def test_a_dispatch_number_must_be_plain_digits(edited, number):
    err = error_of(edited('so = "1031"', f'so = "{number}"'))
    assert err.location.cell == "van_ban.so" and "SO-02" in err.message


@pytest.mark.parametrize("domains", ["[]", '[""]', "[1, 2]", '[" . "]'], ids=["empty", "empty-name", "numbers", "dot"])
def test_a_platform_needs_real_domain_names(edited, domains):
    err = error_of(edited('ten_mien = ["facebook.com", "fb.com", "fb.me"]', f"ten_mien = {domains}"))
    assert err.location.cell == "nen_tang[0].ten_mien"
