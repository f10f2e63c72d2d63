"""The result report's context: header, number and date, Kính gửi, sections I–III, Nơi nhận, signature."""

from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from tests.documents.document_samples import campaign_2022, issued_facts, muong_nhe, render

from docgen.documents import bao_cao


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
    ctx = bao_cao.build_context(muong_nhe(issued_facts()), campaign_2022())
    assert ctx["so_ky_hieu"] == "Số: 05/BC-MTTQ-BTT"
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


def test_section_one_quotes_the_figures(ctx):
    results = section(ctx, bao_cao.RESULTS)
    assert results[0].startswith("1. Cấp huyện: đã lập “Trang cộng đồng” với tên “Mặt trận Mường Nhé (tỉnh Điện Biên)”")
    assert "Giàng A Dế" in results[0] and "Lò Văn Hùng" in results[0]
    assert results[1] == ("2. Cấp xã: có 9/11 xã đã lập “Trang cộng đồng”, đạt 81,8%; trong đó 8/9 Trang đặt tên "
                          "đúng mẫu chung, đạt 88,9%. Đã phân công lãnh đạo phụ trách ở 9/11 đơn vị, cán bộ quản lý, "
                          "vận hành ở 8/11 đơn vị.")
    assert results[2] == ("3. Kế hoạch hoạt động: Ban Thường trực đã xây dựng kế hoạch hoạt động của Trang, "
                          "nhưng chưa báo cáo Thường trực cấp ủy.")
    assert [f["ti_le_trang"] for f in ctx["so_lieu"]] == ["100%", "81,8%"]


def test_section_two_names_the_units_behind_each_shortcoming(ctx):
    sub = muong_nhe()
    communes = sub.expected[1:]
    assert section(ctx, bao_cao.SHORTCOMINGS) == [
        f"- Chưa có thông tin trong danh sách (1 đơn vị): {communes[-1].label}.",
        f"- Chưa lập “Trang cộng đồng” (1 đơn vị): {communes[1].label}.",
        f"- Tên Trang chưa đúng mẫu chung (1 đơn vị): {communes[2].label}.",
        f"- Chưa phân công cán bộ quản lý, vận hành (1 đơn vị): {communes[3].label}.",
        "- Còn 1 thông tin khác cần bổ sung, sửa lại (địa chỉ liên kết, số điện thoại, thư điện tử, tên đơn vị) "
        "theo kết quả kiểm tra danh sách.",
    ]


def test_section_three_lists_the_proposals_and_the_body_ends_with_the_mark(ctx):
    """BD-08; PL-01 (the report refers to its appendix)."""
    assert section(ctx, bao_cao.PROPOSALS)[0] == "Đề nghị tỉnh mở lớp tập huấn quản trị Trang."
    assert body(ctx)[-1].endswith("chi tiết tại Phụ lục kèm theo./.")


def test_noi_nhan_and_signature_come_from_the_facts(ctx):
    """NN-03, NN-04, SG-02…06."""
    assert ctx["noi_nhan"] == ["- Như trên;", "- Thường trực Huyện ủy (b/c);", "- Lưu: VT, VP."]
    assert (ctx["tham_quyen"], ctx["ky_thay"], ctx["chuc_vu"], ctx["nguoi_ky"]) == (
        "TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A")


def test_every_context_key_is_described(ctx):
    assert set(ctx) <= set(bao_cao.VARIABLES)


def test_the_report_renders_into_the_frame(ctx, tmp_path, ooxml_check):
    out = render("cong_van.docx", ctx, tmp_path / "bc.docx")
    ooxml_check(out)
    doc = Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in texts and "I. KẾT QUẢ THỰC HIỆN" in texts
    assert texts.count("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên") == 1
