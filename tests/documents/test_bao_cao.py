"""The result report's context: header, number and date, Kính gửi, sections I–III, Nơi nhận, signature."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from docx import Document
from tests.documents.document_samples import campaign_2022, issued_facts, muong_nhe, render

from docgen.documents import bao_cao
from docgen.records.model import Facts


@pytest.fixture(scope="module")
def ctx():
    return bao_cao.build_context(muong_nhe(), campaign_2022())


def body(ctx):
    return [b["text"] for b in ctx["noi_dung"]]


def section(ctx, title):
    """Return the texts of the blocks under the heading `title`, up to the next heading."""
    blocks, out, inside = ctx["noi_dung"], [], False
    for b in blocks:
        if b["loai"] == "muc":
            inside = b["text"] == title
        elif inside:
            out.append(b["text"])
    return out


def test_the_header_is_the_district_fronts(ctx):
    assert ctx["co_quan_chu_quan"] == ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ"]
    assert ctx["co_quan_ban_hanh"] == ["BAN THƯỜNG TRỰC"]
    assert ctx["loai_van_ban"] == "BÁO CÁO"
    assert ctx["trich_yeu"] == "Kết quả củng cố, hoàn thiện các “Trang cộng đồng” của Mặt trận các cấp"


def test_a_draft_has_a_blank_number_and_date_with_the_campaign_year(ctx):
    """DR-01, DR-02."""
    assert ctx["so_ky_hieu"] == "Số:      /BC-MTTQ-BTT"
    assert ctx["dia_danh_ngay"] == "Mường Nhé, ngày      tháng      năm 2022"
    assert ctx["ngay"] is None and ctx["nam"] == 2022


def test_an_issued_report_has_its_number_and_nd30_date():
    """SO-02, DT-04."""
    ctx = bao_cao.build_context(muong_nhe(issued_facts()), campaign_2022(), signed=True)   # --ban-ky
    assert ctx["so_ky_hieu"] == "Số: 05/BC-MTTQ-BTT" and ctx["du_thao"] == ""
    assert ctx["dia_danh_ngay"] == "Mường Nhé, ngày 10 tháng 3 năm 2022"
    assert ctx["ngay"] == dt.date(2022, 3, 10)
    assert (ctx["tham_quyen"], ctx["ky_thay"], ctx["chuc_vu"]) == ("TM. BAN THƯỜNG TRỰC", "", "CHỦ TỊCH")


def test_the_report_goes_to_the_province_and_opens_by_citing_the_dispatch(ctx):
    """KG-03; BD-07."""
    assert ctx["kinh_gui"] == ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"]
    assert body(ctx)[0] == (
        "Thực hiện Công văn số 1031/MTTQ-BTT ngày 25/02/2022 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh "
        "Điện Biên về việc củng cố, hoàn thiện các trang MXH của Mặt trận các cấp, Ban Thường trực Ủy ban MTTQ "
        "Việt Nam huyện Mường Nhé báo cáo kết quả như sau:")


def test_section_one_organisation_then_one_item_per_level_then_the_assessment(ctx):
    """Each ratio states its denominator in words (checks.figures.DENOMINATOR)."""
    results = section(ctx, "I. KẾT QUẢ THỰC HIỆN")
    assert results[0] == ("1. Công tác chỉ đạo, triển khai: Ban Thường trực đã triển khai hướng dẫn Mặt trận các xã rà "
                          "soát, thành lập, đặt tên “Trang cộng đồng” theo mẫu chung và phân công cán bộ phụ trách. Ban "
                          "Thường trực đã xây dựng kế hoạch hoạt động của Trang, nhưng chưa báo cáo Thường trực cấp ủy.")
    assert results[1].startswith("2. Cấp huyện: đã lập “Trang cộng đồng” với tên “Mặt trận Mường Nhé (tỉnh Điện Biên)”")
    assert "Giàng A Dế" in results[1] and "Lò Văn Hùng" in results[1]
    assert results[2] == ("3. Cấp xã: có 9/11 xã (81,8%) đã lập “Trang cộng đồng”; 8/9 Trang (88,9%) đặt tên đúng mẫu "
                          "chung; 8/9 Trang (88,9%) đã phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành.")
    assert results[3].startswith("4. Đánh giá chung: ")
    assert [f["ti_le_trang"] for f in ctx["so_lieu"]] == ["100%", "81,8%"]


def test_the_organisation_and_the_date_to_close_the_gaps_come_from_the_facts():
    facts = Facts(don_vi="Huyện Mường Nhé", huong_dan="Công văn số 12/MTTQ-BTT ngày 01/3/2022",
                  ke_hoach_cap_duoi="7/11", nguyen_nhan="Cán bộ cấp xã kiêm nhiệm nhiều việc",
                  han_khac_phuc=dt.date(2022, 4, 10), danh_gia="Mặt trận các cấp triển khai nghiêm túc.")
    ctx = bao_cao.build_context(muong_nhe(facts), campaign_2022())
    results, gaps = section(ctx, "I. KẾT QUẢ THỰC HIỆN"), section(ctx, "II. TỒN TẠI, HẠN CHẾ")
    assert "đã ban hành Công văn số 12/MTTQ-BTT ngày 01/3/2022 hướng dẫn Mặt trận các xã" in results[0]
    assert "Mặt trận 7/11 xã đã xây dựng kế hoạch hoạt động của Trang và báo cáo Thường trực cấp ủy." in results[0]
    assert results[-1] == "4. Đánh giá chung: Mặt trận các cấp triển khai nghiêm túc."
    assert "Nguyên nhân: Cán bộ cấp xã kiêm nhiệm nhiều việc." in gaps
    assert gaps[-1].endswith("hoàn thành trước ngày 10/4/2022.")


def test_section_two_names_the_units_behind_each_shortcoming(ctx):
    """One wording per fact (documents.wording); the count of each line is the gap of its ratio in section I."""
    sub = muong_nhe()
    communes = sub.expected[1:]
    assert section(ctx, "II. TỒN TẠI, HẠN CHẾ")[:4] == [
        f"- Chưa báo cáo (1 đơn vị): {communes[-1].label}.",
        f"- Chưa lập “Trang cộng đồng” (1 đơn vị): {communes[1].label} (đang xây dựng).",
        f"- Tên Trang chưa đúng mẫu chung (1 đơn vị): {communes[2].label} (“Mặt trận A & B <C>”).",
        f"- Chưa phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành (1 đơn vị): {communes[3].label} "
        "(chưa phân công cán bộ quản lý, vận hành).",
    ]
    assert section(ctx, "II. TỒN TẠI, HẠN CHẾ")[4].startswith("Ban Thường trực tiếp tục đôn đốc")


def test_section_three_lists_the_proposals_as_bullets_and_the_body_ends_with_the_mark(ctx):
    """BD-08; PL-01 (the report refers to its appendix)."""
    assert section(ctx, "III. ĐỀ XUẤT, KIẾN NGHỊ")[0] == "- Đề nghị tỉnh mở lớp tập huấn quản trị Trang."
    assert body(ctx)[-1].endswith("chi tiết tại Phụ lục kèm theo./.")


def test_noi_nhan_and_signature_come_from_the_facts(ctx):
    """NN-03, NN-04, SG-02…06."""
    assert ctx["noi_nhan"] == ["- Như trên;", "- Thường trực Huyện ủy (b/c);", "- Lưu: VT, VP."]
    assert (ctx["tham_quyen"], ctx["ky_thay"], ctx["chuc_vu"], ctx["nguoi_ky"]) == (
        "TM. BAN THƯỜNG TRỰC", "", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")   # the campaign's one form ([ky] cap_pho = "tm")


def test_every_context_key_is_described(ctx):
    assert set(ctx) <= set(bao_cao.VARIABLES)


def test_the_report_renders_into_the_frame(ctx, tmp_path, ooxml_check):
    out = render("cong_van.docx", ctx, tmp_path / "bc.docx")
    ooxml_check(out)
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts and "I. KẾT QUẢ THỰC HIỆN" in texts
    assert texts.count("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên") == 1


def test_a_report_with_errors_is_a_marked_draft_unless_the_copy_to_sign_is_asked_for():
    """DF-02, DR-01, DR-02: while errors remain, «DỰ THẢO», number and date blank; --ban-ky gives the copy to sign."""
    sub = muong_nhe(issued_facts())
    assert sub.errors
    draft = bao_cao.build_context(sub, campaign_2022())
    assert (draft["du_thao"], draft["so"], draft["ngay"], draft["nguoi_ky"]) == ("DỰ THẢO", "", None, "Nguyễn Văn An")
    signed = bao_cao.build_context(sub, campaign_2022(), signed=True)
    assert (signed["du_thao"], signed["so"], signed["ngay"]) == ("", "5", dt.date(2022, 3, 10))


def test_a_placeholder_signer_is_never_printed_and_keeps_the_report_a_draft():
    facts = dataclasses.replace(issued_facts(), nguoi_ky="Nguyễn Văn A")
    ctx = bao_cao.build_context(muong_nhe(facts), campaign_2022(), signed=True)
    assert (ctx["du_thao"], ctx["so"], ctx["nguoi_ky"]) == ("DỰ THẢO", "", "")
