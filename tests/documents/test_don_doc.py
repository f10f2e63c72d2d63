"""docgen.documents.don_doc: the reminder's context names exactly the units behind, in official order."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from docgen.aggregate import summarize
from docgen.campaigns.campaign import load_campaign
from docgen.campaigns.reminder import parse_reminder
from docgen.documents import don_doc
from docgen.errors import CampaignError, Location

from tests.aggregate.conftest import build_submission

NEW = dt.date(2022, 4, 15)


@pytest.fixture(scope="module")
def c2022():
    return load_campaign("2022-trang-cong-dong")


@pytest.fixture(scope="module")
def summary(c2022):
    """Districts: the first two missing, the third late (2/4/2022), the rest on time."""
    districts = c2022.units.children(c2022.province)
    subs = [build_submission(c2022, d, ngay=dt.date(2022, 4, 2) if i == 2 else dt.date(2022, 3, 25))
            for i, d in enumerate(districts) if i >= 2]
    return summarize(c2022, subs)


def test_kinh_gui_names_the_missing_and_late_units_in_official_order(summary, c2022):
    districts = c2022.units.children(c2022.province)
    context = don_doc.build_context(summary, NEW)
    assert context["kinh_gui"] == [f"- Ban Thường trực Ủy ban MTTQ Việt Nam {d.label}{';' if i < 2 else '.'}"
                                   for i, d in enumerate(districts[:3])]


def test_the_body_cites_the_dispatch_the_missed_deadline_the_units_and_the_new_deadline(summary, c2022):
    districts = c2022.units.children(c2022.province)
    body = [b["text"] for b in don_doc.build_context(summary, NEW)["noi_dung"]]
    assert body[0] == ("Ngày 25/02/2022, Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên ban hành Công văn số "
                       "1031/MTTQ-BTT về việc củng cố, hoàn thiện các trang MXH của Mặt trận các cấp, trong đó đề nghị "
                       "Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố báo cáo kết quả thực hiện "
                       "trước ngày 31/03/2022.")
    assert f"chưa nhận được báo cáo của {districts[0].label}, {districts[1].label}." in body[1]
    assert body[1].endswith("trước ngày 15/04/2022.")
    assert body[2].startswith(f"Báo cáo của {districts[2].label} (ngày 02/04/2022) gửi về sau thời hạn")
    assert body[3].endswith("quan tâm, thực hiện./.") and len(body) == 4


def test_the_frame_is_the_provinces_a_draft_number_and_the_campaigns_signer(summary):
    context = don_doc.build_context(summary, NEW)
    assert context["vv"] == "V/v đôn đốc báo cáo kết quả thực hiện Công văn số 1031/MTTQ-BTT"
    assert context["so_ky_hieu"].replace(" ", "") == "Số:/MTTQ-BTT" and context["ngay"] is None
    assert context["dia_danh_ngay"].startswith("Điện Biên, ngày") and context["nam"] == 2022
    assert context["co_quan_chu_quan"] == ["ỦY BAN MTTQ VIỆT NAM", "TỈNH ĐIỆN BIÊN"]
    assert context["noi_nhan"] == ["- Như trên;", "- Lưu: VT, DCPL."]
    assert (context["tham_quyen"], context["chuc_vu"], context["nguoi_ky"]) == (
        "TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Giàng Trọng Bình")


def test_without_late_units_there_is_no_late_paragraph(c2022):
    districts = c2022.units.children(c2022.province)
    summary = summarize(c2022, [build_submission(c2022, d, ngay=dt.date(2022, 3, 20)) for d in districts[1:]])
    body = [b["text"] for b in don_doc.build_context(summary, NEW)["noi_dung"]]
    assert len(body) == 3 and "sau thời hạn" not in " ".join(body)
    assert [r.unit for r in don_doc.addressees(summary)] == [districts[0]]


def test_the_campaigns_own_text_and_signer_are_used(summary, c2022):
    own = parse_reminder({"don_doc": {
        "ket_thuc": "Đề nghị {cap} thực hiện nghiêm túc.", "noi_nhan": ["Thường trực Tỉnh ủy (b/c)"],
        "ky": {"tham_quyen": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Lò Văn Muôn"}}}, Location("x"))
    campaign = replace(c2022, reminder=own)
    context = don_doc.build_context(replace(summary, campaign=campaign), NEW)
    assert context["noi_dung"][-1]["text"] == "Đề nghị cấp huyện thực hiện nghiêm túc./."
    assert context["noi_nhan"] == ["- Như trên;", "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT, DCPL."]
    assert (context["ky_thay"], context["chuc_vu"], context["nguoi_ky"]) == ("", "PHÓ CHỦ TỊCH", "Lò Văn Muôn")
    kt = don_doc.build_context(replace(summary, campaign=replace(campaign, deputy_form="kt")), NEW)
    assert (kt["ky_thay"], kt["chuc_vu"]) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_the_two_level_campaign_reminds_communes():
    c2026 = load_campaign("2026-ra-soat-trang-cong-dong")
    communes = c2026.units.children(c2026.province)
    summary = summarize(c2026, [build_submission(c2026, u, ngay=dt.date(2026, 3, 20)) for u in communes[3:]])
    context = don_doc.build_context(summary, dt.date(2026, 4, 10))
    assert len(context["kinh_gui"]) == 3 and all(" xã " in k or " phường " in k for k in context["kinh_gui"])
    assert "cấp xã" not in context["noi_dung"][0]["text"] and "trước ngày 31/03/2026" in context["noi_dung"][0]["text"]
    assert context["vv"] == "V/v đôn đốc báo cáo kết quả thực hiện Công văn số 215/MTTQ-BTT"


def test_a_campaign_without_a_dispatch_cannot_remind(summary, two_level_folder):
    campaign = load_campaign(two_level_folder)
    with pytest.raises(CampaignError) as err:
        don_doc.build_context(replace(summary, campaign=campaign), NEW)
    assert "van_ban" in err.value.message
