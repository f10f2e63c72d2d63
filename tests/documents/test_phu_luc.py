"""The Phụ lục context: every record, in official order, verbatim; gaps shown; nothing lost."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from docx import Document
from tests.documents.document_samples import TRICKY, campaign_2022, muong_nhe, render

from docgen.campaigns.campaign import load_campaign
from docgen.documents import bao_cao, phu_luc
from docgen.errors import Location
from tests.forms import COLUMNS
from docgen.records.model import Facts, RawTable, Record, Source, Submission

PARENT = {"loai": "Báo cáo", "so": "", "ky_hieu": "BC-MTTQ-BTT", "ngay": None, "nam": 2022,
          "co_quan": "Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé"}


@pytest.fixture(scope="module")
def ctx():
    return phu_luc.build_context(muong_nhe(), campaign_2022(), PARENT)


def test_the_title_and_the_draft_reference_line(ctx):
    """PL-03, PL-04, DR-04."""
    assert ctx["tieu_de"] == "DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP"
    assert ctx["kem_theo"] == ("Kèm theo Báo cáo số      /BC-MTTQ-BTT ngày      tháng      năm 2022 "
                               "của Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé")


def test_the_report_context_serves_as_parent():
    sub, campaign = muong_nhe(), campaign_2022()
    ctx = phu_luc.build_context([sub], campaign, bao_cao.build_context(sub, campaign))
    assert ctx["kem_theo"].startswith("Kèm theo Báo cáo số      /BC-MTTQ-BTT ngày      tháng      năm 2022 của")


def marking(campaign):
    """Return the campaign with `[bao_cao] hang_sai = "danh_dau"` (wrong rows kept, marked, unnumbered)."""
    return replace(campaign, report=replace(campaign.report, wrong_rows="danh_dau"))


def test_every_expected_unit_has_a_numbered_row_in_official_order_and_an_unknown_one_a_note(ctx):
    """The numbering is the counted set: a row of a unit outside the official list is left out, with a note."""
    sub = muong_nhe()
    (g1, g2) = ctx["nhom"]
    assert (g1["so"], g1["ten"], g2["so"], g2["ten"]) == ("I", "Cấp huyện", "II", "Cấp xã")
    assert [(r["tt"], r["don_vi"]) for r in g1["dong"]] == [("1", "Huyện Mường Nhé")]
    communes = [u.full_name for u in sub.expected[1:]]
    assert [r["don_vi"] for r in g2["dong"]] == communes
    assert [r["tt"] for r in g2["dong"]] == [str(i) for i in range(1, len(communes) + 1)]
    assert any("không tính xã Không Có (không có trong danh mục" in n for n in ctx["ghi_chu"])


def test_marking_keeps_the_unknown_row_unnumbered_and_marked():
    rows = phu_luc.build_context(muong_nhe(), marking(campaign_2022()), PARENT)["nhom"][1]["dong"]
    assert (rows[-1]["tt"], rows[-1]["don_vi"]) == ("", "Xã Không Có (ngoài danh mục)")


def test_a_unit_without_a_record_reads_not_reported(ctx):
    last = ctx["nhom"][1]["dong"][-1]
    assert last["don_vi"] == muong_nhe().expected[-1].full_name
    assert last["ten_trang"] == "Chưa báo cáo"
    assert all(last[c.key] == "" for c in COLUMNS if c.key not in ("tt", "don_vi", "ten_trang"))


def test_every_record_is_in_the_table_or_in_a_note(ctx):
    """Nothing lost: a record is a row (its page name as read, marked when off the pattern) or a note."""
    rows = [r for g in ctx["nhom"] for r in g["dong"]]
    names = [r["ten_trang"] for r in rows]
    for record in muong_nhe().records:
        if record.unit is None or record.unit not in muong_nhe().expected:
            assert any(f"không tính {record.unit_text.casefold()} (" in n.casefold() for n in ctx["ghi_chu"])
        elif not record.has_page:
            assert any(n.startswith("Chưa lập “Trang cộng đồng”") for n in names)
        elif record.page_name == TRICKY:
            assert f"{record.page_name} (tên chưa đúng mẫu)" in names
        else:
            assert record.page_name in names
    assert f"{TRICKY} (tên chưa đúng mẫu)" in names
    assert all(set(r) == {c.key for c in COLUMNS} for r in rows)


def test_a_second_row_for_the_same_unit_is_a_note_or_follows_it_marked_without_a_number():
    sub = muong_nhe()
    extra = Record(Location("x.xlsx"), "Xã", sub.records[2].unit, "Trang thứ hai", "https://fb.com/2")
    sub = Submission(sub.source, sub.reporting_unit, sub.records + (extra,), sub.problems, sub.figures, sub.expected)
    ctx = phu_luc.build_context(sub, campaign_2022(), PARENT)
    assert "Trang thứ hai" not in [r["ten_trang"] for r in ctx["nhom"][1]["dong"]]
    assert f"Danh sách không tính lần ghi lặp của {extra.unit.label}." in ctx["ghi_chu"]
    rows = phu_luc.build_context(sub, marking(campaign_2022()), PARENT)["nhom"][1]["dong"]
    i = next(i for i, r in enumerate(rows) if r["ten_trang"].startswith("Trang thứ hai"))
    assert rows[i]["tt"] == "" and rows[i]["don_vi"] == rows[i - 1]["don_vi"] + " (ghi trùng)"


def test_a_wrong_value_is_left_out_or_marked_never_printed_as_valid():
    sub = muong_nhe()
    bad = next(r for r in sub.records if r.unit is not None and r.unit.level == 2 and r.has_page)
    bad = replace(bad, leader=replace(bad.leader, phone="0912 345"), invalid=("ld_sdt",))
    sub = replace(sub, records=tuple(bad if r is not None and r.location == bad.location else r for r in sub.records))
    row = lambda c: next(r for r in phu_luc.build_context(sub, c, PARENT)["nhom"][1]["dong"]  # noqa: E731
                         if r["don_vi"] == bad.unit.full_name)
    assert row(campaign_2022())["ld_sdt"] == ""
    assert row(marking(campaign_2022()))["ld_sdt"] == "0912 345 (chưa đúng)"
    assert f"Ô để trống ở {bad.unit.label}: thông tin chưa chính xác, đơn vị đang bổ sung." in \
        phu_luc.build_context(sub, campaign_2022(), PARENT)["ghi_chu"]


def test_the_two_level_campaign_has_a_single_commune_group():
    campaign = load_campaign("2026-ra-soat-trang-cong-dong")
    commune = campaign.units.children(campaign.province)[0]
    record = Record(Location("a.xlsx"), commune.full_name, commune, "Mặt trận X", "https://fb.com/x")
    source = Source("a.xlsx", RawTable(Location("a.xlsx"), "A1", ()), Facts(don_vi=commune.full_name))
    sub = Submission(source, commune, (record,), (), (), (commune,))
    ctx = phu_luc.build_context(sub, campaign, {**PARENT, "ngay": dt.date(2026, 3, 20), "so": "12"})
    assert [(g["so"], g["ten"], [r["don_vi"] for r in g["dong"]]) for g in ctx["nhom"]] == [
        ("I", "Cấp xã", [commune.full_name])]
    assert "số 12/BC-MTTQ-BTT ngày 20 tháng 3 năm 2026" in ctx["kem_theo"]
    report = bao_cao.build_context(sub, campaign)
    assert report["co_quan_chu_quan"] == ["ỦY BAN MTTQ VIỆT NAM", commune.full_name.upper()]


def test_the_appendix_renders_with_every_row(ctx, tmp_path, ooxml_check):
    out = render("phu_luc.docx", ctx, tmp_path / "pl.docx")
    ooxml_check(out)
    table = Document(str(out)).tables[0]
    names = [r.cells[2].text for r in table.rows]
    assert f"{TRICKY} (tên chưa đúng mẫu)" in names
    assert len(table.rows) == 2 + 2 + sum(len(g["dong"]) for g in ctx["nhom"])


def test_a_consolidated_appendix_numbers_each_group_across_submissions():
    sub = muong_nhe()
    ctx = phu_luc.build_context([sub, sub], campaign_2022(), PARENT)
    assert [r["tt"] for r in ctx["nhom"][0]["dong"]] == ["1", "2"]
    assert ctx["nhom"][1]["dong"][-1]["tt"] == str(2 * (len(sub.expected) - 1))


def test_a_submission_without_a_known_unit_lists_its_rows_as_notes_or_marked():
    sub = muong_nhe()
    lost = Submission(sub.source, None, sub.records, sub.problems, sub.figures, ())
    ctx = phu_luc.build_context(lost, campaign_2022(), PARENT)
    assert [r for g in ctx["nhom"] for r in g["dong"]] == [] and len(ctx["ghi_chu"]) >= len(sub.records)
    rows = [r for g in phu_luc.build_context(lost, marking(campaign_2022()), PARENT)["nhom"] for r in g["dong"]]
    assert len(rows) == len(sub.records)
    report = bao_cao.build_context(lost, campaign_2022())
    assert report["co_quan_chu_quan"] == ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ"]
    assert report["noi_dung"][-1]["text"].endswith("./.")
