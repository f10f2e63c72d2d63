"""The công văn's template context, built from the campaign file alone."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from docgen.campaigns.campaign import load_campaign
from docgen.documents import cong_van, frame
from docgen.errors import CampaignError


@pytest.fixture(scope="module")
def ctx_2022() -> dict:
    return cong_van.build_context("2022-trang-cong-dong")


def test_the_header_is_the_provincial_fronts(ctx_2022):  # AG-01…04
    assert ctx_2022["co_quan_chu_quan"] == ["ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐIỆN BIÊN"]
    assert ctx_2022["co_quan_ban_hanh"] == ["BAN THƯỜNG TRỰC"]
    assert ctx_2022["loai_van_ban"] == ""  # VV-04: no "CÔNG VĂN" line


def test_number_subject_and_date_lines(ctx_2022):  # SO-01, SO-06, VV-01, DT-03, DT-04
    assert ctx_2022["so_ky_hieu"] == "Số: 1031/MTTQ-BTT"
    assert ctx_2022["vv"] == "V/v củng cố, hoàn thiện các trang MXH của Mặt trận các cấp"
    assert ctx_2022["dia_danh_ngay"] == "Điện Biên, ngày 25 tháng 02 năm 2022"
    assert (ctx_2022["so"], ctx_2022["ky_hieu"], ctx_2022["ngay"], ctx_2022["dia_danh"]) == (
        "1031", "MTTQ-BTT", dt.date(2022, 2, 25), "Điện Biên")


def test_one_recipient_stays_bare_for_the_single_kinh_gui_line(ctx_2022):  # KG-03
    assert ctx_2022["kinh_gui"] == ["Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố"]


def test_several_recipients_become_dash_lines_the_last_with_a_period():  # KG-04
    c = load_campaign()
    d = dataclasses.replace(c.dispatch, recipients=("BTT xã A", "BTT xã B;"))
    ctx = cong_van.build_context(dataclasses.replace(c, dispatch=d))
    assert ctx["kinh_gui"] == ["- BTT xã A;", "- BTT xã B."]


def test_noi_nhan_lines_end_with_semicolons_and_the_archive_line_with_a_period(ctx_2022):  # NN-02, NN-04
    assert ctx_2022["noi_nhan"][:2] == ["- Như trên;", "- BTT UBTWMTTWVN;"]  # NN-03: the campaign file adds it
    assert ctx_2022["noi_nhan"][-1] == "- Lưu: VT, DCPL."


def test_the_signature_block(ctx_2022):  # SG-02, SG-04, SG-06
    assert (ctx_2022["tham_quyen"], ctx_2022["ky_thay"], ctx_2022["chuc_vu"], ctx_2022["nguoi_ky"]) == (
        "TM. BAN THƯỜNG TRỰC", "", "PHÓ CHỦ TỊCH", "Giàng Trọng Bình")


def test_the_body_corrects_the_seeds_slips(ctx_2022):
    texts = [p["text"] for p in ctx_2022["noi_dung"]]
    assert sum(t.startswith("1. ") for t in texts) == 1
    assert any(t.startswith("2. Để thống nhất") for t in texts)
    assert any("“Mặt trận Nậm Pồ (tỉnh Điện Biên)”" in t for t in texts)
    assert "  " not in "".join(texts)


def test_the_body_quotes_the_levels_deadlines(ctx_2022):
    texts = [p["text"] for p in ctx_2022["noi_dung"]]
    assert any(t.endswith("gửi về huyện trước ngày 15/3/2022.") for t in texts)
    assert texts[-2].endswith("Thời hạn báo cáo trước ngày 31/3/2022.")


def test_body_blocks_give_the_frame_a_bold_lead_and_plain_text(ctx_2022):  # BD-06, §6.1
    blocks = {p["text"][:4]: p for p in ctx_2022["noi_dung"]}
    assert blocks["Căn "]["loai"] == "doan"  # the seed's opening sentence, plain body text (not a BD-06 block)
    assert (blocks["2.2."]["loai"], blocks["2.2."]["dam"], blocks["2.2."]["thuong"]) == (
        "muc", "2.2. Phương thức triển khai", "")
    assert blocks["2.1."]["dam"] == "2.1. Đặt tên tài khoản “Trang cộng đồng”:"
    assert blocks["2.1."]["thuong"].startswith(" Để tạo sự thống nhất")
    assert (blocks["1. T"]["dam"], blocks["1. T"]["thuong"][:5]) == ("", "1. Tậ")
    assert {p["loai"] for p in ctx_2022["noi_dung"]} == {"doan", "muc", "gach"}


def test_the_blank_phu_luc_has_a_group_per_level(ctx_2022):
    annex = ctx_2022["phu_luc"]
    assert [(g["so"], g["ten"], [r["tt"] for r in g["dong"]]) for g in annex["nhom"]] == [
        ("I", "Cấp huyện", [""]), ("II", "Cấp xã", ["1", "2", "3", "..."])]
    assert all(v == "" for g in annex["nhom"] for r in g["dong"] for k, v in r.items() if k != "tt")
    assert annex["kem_theo"] == ("Kèm theo Công văn số 1031/MTTQ-BTT ngày 25 tháng 02 năm 2022 "
                                 "của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên")  # PL-04
    assert annex["bieu_mau_vi_du"][0] == "* Ví dụ:" and annex["bieu_mau_vi_du"][-1] == "+ Gmail: namhoailuu@gmail.com"


def test_the_2026_dispatch_goes_to_the_communes_directly():
    ctx = cong_van.build_context("2026-ra-soat-trang-cong-dong")
    assert ctx["kinh_gui"] == ["Ban Thường trực Ủy ban MTTQ Việt Nam các xã, phường"]
    # A sample campaign, signed by a placeholder: marked «BẢN MẪU», number, date and name left blank.
    assert ctx["dia_danh_ngay"] == "Điện Biên, ngày      tháng      năm 2026"
    assert (ctx["du_thao"], ctx["so"], ctx["nguoi_ky"]) == ("BẢN MẪU", "", "")
    assert [(g["so"], g["ten"]) for g in ctx["phu_luc"]["nhom"]] == [("I", "Cấp xã")]
    assert not any("huyện" in p["text"] and "{" in p["text"] for p in ctx["noi_dung"])


def test_a_draft_leaves_number_and_day_blank():  # DR-01, DR-02, DR-04
    c = load_campaign()
    d = dataclasses.replace(c.dispatch, number="", date=None, year=2022)
    ctx = cong_van.build_context(dataclasses.replace(c, dispatch=d))
    assert ctx["so_ky_hieu"] == "Số:      /MTTQ-BTT"
    assert ctx["dia_danh_ngay"] == "Điện Biên, ngày      tháng      năm 2022"
    assert ctx["phu_luc"]["kem_theo"].startswith("Kèm theo Công văn số      /MTTQ-BTT ngày      tháng      năm 2022 ")


def test_a_campaign_without_a_dispatch_body_is_refused_by_key(tmp_path):
    c = load_campaign()
    with pytest.raises(CampaignError) as info:
        cong_van.build_context(dataclasses.replace(c, dispatch=None))
    assert info.value.location.cell == "van_ban.muc"


def test_every_context_name_is_documented(ctx_2022):
    assert set(ctx_2022) == set(frame.VARIABLES) | set(cong_van.VARIABLES)
