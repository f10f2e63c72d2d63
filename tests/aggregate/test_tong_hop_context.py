"""docgen.documents.tong_hop: the province report's context, from hand-built submissions."""

from __future__ import annotations

import datetime as dt

from docgen.aggregate import summarize
from docgen.documents.tong_hop import build_context
from docgen.records.model import Facts

ON_TIME, LATE = dt.date(2022, 3, 25), dt.date(2022, 4, 2)


def _summary(campaign, districts, make_sub):
    subs = [make_sub(d, ngay=LATE if i == 1 else ON_TIME, without_page=i % 3)
            for i, d in enumerate(districts) if i != 4]
    return summarize(campaign, subs), subs


def _text(ctx):
    return "\n".join(p["text"] for p in ctx["khung"]["noi_dung"])


def test_the_phu_luc_holds_every_record_once_grouped_by_level_and_district(campaign, districts, make_sub):
    summary, subs = _summary(campaign, districts, make_sub)
    groups = build_context(summary)["phu_luc"]["nhom"]
    assert [g["so"] for g in groups[:2]] == ["I", "II"] and groups[1]["dong"] == []
    assert [g["ten"] for g in groups[2:]] == [
        d.full_name + (" (chưa báo cáo)" if i == 4 else "") for i, d in enumerate(districts)]
    rows = [r for g in groups for r in g["dong"]]
    placeholder = [r for r in rows if r["ten_trang"] == "Chưa báo cáo"]   # documents.wording.NOT_REPORTED
    assert [r["don_vi"] for r in placeholder] == [districts[4].full_name]
    assert len(rows) - len(placeholder) == sum(len(s.records) for s in subs)
    assert [r["tt"] for r in groups[0]["dong"]] == [str(i) for i in range(1, 11)]
    communes = [r["tt"] for g in groups[2:] for r in g["dong"]]
    assert communes == [str(i) for i in range(1, len(communes) + 1)]


def test_the_body_names_the_missing_unit_without_internal_tracking(campaign, districts, make_sub):
    """A report to the Centre: who has reported and who has not, no count of late reports."""
    summary, _ = _summary(campaign, districts, make_sub)
    text = _text(build_context(summary))
    assert "Đến nay, Mặt trận 9/10 " in text and "(90%) đã báo cáo kết quả." in text
    assert f"- Chưa báo cáo: {districts[4].label}." in text
    assert f"- Chưa báo cáo (1 đơn vị cấp huyện): {districts[4].label}." in text   # section II
    assert "trễ hạn" not in text.split("3. Kết quả của từng đơn vị")[0] and "0 đơn vị" not in text
    assert f"- Báo cáo sau hạn: {districts[1].label} (ngày 02/04/2022)." in text


def _unit_table(ctx) -> dict:
    return next(b for b in ctx["khung"]["noi_dung"] if b["loai"] == "bang")


def test_section_i_3_is_a_table_of_every_district_with_its_figures_and_no_tracking(campaign, districts, make_sub):
    """Issue 16: the report date and status are the province's tracking (tong-hop.xlsx), not for the Centre."""
    summary, subs = _summary(campaign, districts, make_sub)
    ctx = build_context(summary)
    blocks = ctx["khung"]["noi_dung"]
    table = _unit_table(ctx)
    assert blocks[blocks.index(table) - 1]["text"] == "3. Kết quả của từng đơn vị"
    assert table["cot"] == ["Đơn vị", "Số đơn vị (huyện và xã)", "Có Trang", "Tên đúng mẫu",
                            "Đủ lãnh đạo và cán bộ vận hành"]
    assert [r[0] for r in table["dong"]] == [d.full_name for d in districts]
    assert not any(c in ("đúng hạn", "trễ hạn", "chưa nộp", "02/04/2022") for r in table["dong"] for c in r)
    missing = table["dong"][4]
    assert missing[2:] == ["", "", ""] and int(missing[1]) == sum(f.expected for f in summary.rows[4].figures)
    sub = subs[0]
    assert table["dong"][0][1:] == [str(sum(getattr(f, k) for f in sub.figures))
                                    for k in ("expected", "with_page", "on_pattern", "with_both")]


def test_the_total_row_sums_the_units_and_equals_the_totals(campaign, districts, make_sub):
    summary, _ = _summary(campaign, districts, make_sub)
    table = _unit_table(build_context(summary))
    assert table["cong"][0] == "Cộng"
    for col, key in zip(range(1, 5), ("expected", "with_page", "on_pattern", "with_both")):
        assert int(table["cong"][col]) == sum(int(r[col] or 0) for r in table["dong"]) == sum(
            getattr(f, key) for f in summary.totals)


def test_the_figures_quoted_are_the_totals(campaign, districts, make_sub):
    summary, _ = _summary(campaign, districts, make_sub)
    huyen, xa = summary.totals
    text = _text(build_context(summary))
    assert f"- Cấp xã: có {xa.with_page}/{xa.expected} " in text
    assert f"{xa.on_pattern}/{xa.with_page} Trang (" in text
    assert f"- Cấp huyện: có {huyen.with_page}/10 " in text


def test_the_province_facts_give_number_date_signer_and_proposals(campaign, districts, make_sub):
    summary, _ = _summary(campaign, districts, make_sub)
    facts = Facts(so="12", ngay=dt.date(2022, 4, 5), nguoi_ky="Giàng Trọng Bình", tham_quyen="KT. CHỦ TỊCH",
                  chuc_vu="PHÓ CHỦ TỊCH", de_xuat=("Đề nghị A.", "Đề nghị B."), noi_nhan=("Ban Tuyên giáo Tỉnh ủy",))
    draft = build_context(summary, facts)["khung"]   # a district has not reported (an error): a draft
    assert (draft["du_thao"], draft["so"], draft["ngay"], draft["nguoi_ky"]) == ("DỰ THẢO", "", None, "Giàng Trọng Bình")
    ctx = build_context(summary, facts, signed=True)   # --ban-ky
    frame = ctx["khung"]
    assert (frame["so"], frame["ngay"], frame["nguoi_ky"], frame["du_thao"]) == (
        "12", dt.date(2022, 4, 5), "Giàng Trọng Bình", "")
    assert (frame["tham_quyen"], frame["ky_thay"], frame["chuc_vu"]) == (   # one form per campaign: [ky] cap_pho
        "TM. BAN THƯỜNG TRỰC", "", "PHÓ CHỦ TỊCH")
    assert frame["noi_nhan"] == ["- Như trên;", "- Ban Tuyên giáo Tỉnh ủy;", "- Lưu: VT, DCPL."]  # NN-03, NN-04
    assert "- Đề nghị A.\n- Đề nghị B." in _text(ctx)
    assert ctx["phu_luc"]["kem_theo"].startswith("Kèm theo Báo cáo số 12/BC-MTTQ-BTT ngày 05 tháng 4 năm 2022")


def test_a_draft_leaves_number_and_date_blank(campaign, districts, make_sub):
    summary, _ = _summary(campaign, districts, make_sub)
    ctx = build_context(summary)
    assert ctx["khung"]["so"] == "" and ctx["khung"]["ngay"] is None and ctx["khung"]["nam"] == 2022
    assert "số      /BC-MTTQ-BTT ngày      tháng      năm 2022" in ctx["phu_luc"]["kem_theo"]  # DR-01, DR-02
