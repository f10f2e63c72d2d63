"""A campaign's own form returned as a Word table: read, checked and named by Word cell like a workbook."""

from __future__ import annotations

import docx

from docgen.campaigns.campaign import load_campaign
from docgen.checks.form_check import check_form_file

CAMPAIGN = load_campaign("2026-ngay-hoi-dai-doan-ket")
HEADERS = ["TT", "Đơn vị", "Tổng số khu dân cư", "Số khu dân cư đã tổ chức", "Thời gian tổ chức", "",
           "Số người tham gia", "Kinh phí vận động (đồng)", "Số hộ được khen thưởng", "Chủ tịch Ủy ban MTTQ xã dự"]


def test_a_word_table_is_checked_by_its_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("Thông tin")
    facts = document.add_table(rows=2, cols=2)
    for r, (label, value) in enumerate([("Đơn vị báo cáo", "Xã Mường Phăng"), ("Người ký", "Lò Văn Hùng")]):
        facts.cell(r, 0).text, facts.cell(r, 1).text = label, value
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=3, cols=len(HEADERS))
    for c, text in enumerate(HEADERS):
        table.cell(0, c).text = text
    table.cell(0, 4).merge(table.cell(0, 5))
    table.cell(1, 4).text, table.cell(1, 5).text = "Từ ngày", "Đến ngày"
    for c, text in enumerate(["1", "Xã Mường Phăng", "20", "22", "05/11/2026", "9/11/2026", "3000",
                              "40.000.000", "80", "Có"]):
        table.cell(2, c).text = text
    path = tmp_path / "muong-phang.docx"
    document.save(path)
    sub = check_form_file(path, CAMPAIGN)
    assert sub.reporting_unit.full_name == "Xã Mường Phăng" and sub.facts.nguoi_ky == "Lò Văn Hùng"
    found = {(p.rule, p.location.cell) for p in sub.problems}
    assert found == {("BM-05", "dòng 3, cột 4"), ("BM-03", "dòng 3, cột 6"), ("BM-03", "dòng 3, cột 8")}
    (row,) = sub.rows
    assert row.values["kinh_phi"] == 40_000_000 and row.values["so_khu_dan_cu"] == 20


def test_a_word_table_is_returned_marked_and_normalised(tmp_path):
    """`kiem-tra --tra-lai` on a Word form: each problem cell commented; the normalised copy writes the clean text."""
    from docgen import api

    document = docx.Document()
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=3, cols=len(HEADERS))
    for c, text in enumerate(HEADERS):
        table.cell(0, c).text = text
    table.cell(0, 4).merge(table.cell(0, 5))
    table.cell(1, 4).text, table.cell(1, 5).text = "Từ ngày", "Đến ngày"
    for c, text in enumerate(["1", "Xã Mường Phăng", "20", "22", "05/11/2026", "9/11/2026", "3000",
                              "40.000.000", "80", "Có"]):
        table.cell(2, c).text = text
    source = tmp_path / "nop" / "muong-phang.docx"
    source.parent.mkdir()
    document.save(source)
    result = api.kiem_tra([source], "2026-ngay-hoi-dai-doan-ket", tra_lai=tmp_path / "tra-lai")
    (returned,) = result.returned
    assert returned.error == "" and returned.changes == 2 and len(returned.files) == 2
    marked = docx.Document(returned.files[0])
    comments = {c.text for c in marked.comments}
    assert any(t.startswith("[BM-05] Lỗi:") for t in comments) and len(comments) == 3
    assert marked.tables[0].cell(2, 3).text == "22"            # the clerk's value kept, only commented
    clean = docx.Document(returned.files[1]).tables[0]
    assert clean.cell(2, 7).text == "40.000.000" and clean.cell(2, 5).text == "09/11/2026"
    assert clean.cell(2, 3).text == "22"                        # an error is the clerk's to fix
