"""templates/phu_luc.docx rendered: label, title, reference line, the form's table with its row contract."""

from __future__ import annotations

import pytest
from docx import Document
from docx.shared import Pt
from tests.templates.template_render import NS, TEMPLATES, part, phu_luc_context, render, text_of

from tests.forms import COLUMNS


@pytest.fixture(scope="module")
def appendix(tmp_path_factory):
    return Document(str(render("phu_luc.docx", phu_luc_context(), tmp_path_factory.mktemp("pl") / "pl.docx")))


def test_the_template_table_follows_the_row_contract():
    """The fast row renderer relies on exactly these rows after the two header rows."""
    rows = part(TEMPLATES / "phu_luc.docx").find(".//w:tbl", NS).findall("w:tr", NS)
    cells = [[text_of(tc) for tc in tr.findall("w:tc", NS)] for tr in rows[2:]]
    assert cells[0] == ["{%tr for g in nhom %}"]
    assert cells[1] == ["{{ g.so }}", "{{ g.ten }}"]
    assert cells[2] == ["{%tr for r in g.dong %}"]
    assert cells[3] == ["{{ r.%s }}" % c.key for c in COLUMNS]
    assert cells[4] == cells[5] == ["{%tr endfor %}"]
    assert len(rows) == 8


def test_the_rendered_appendix_passes_the_ooxml_schema_check(tmp_path, ooxml_check):
    assert "0 error(s)" in ooxml_check(render("phu_luc.docx", phu_luc_context(), tmp_path / "pl.docx"))


def test_the_label_title_and_reference_line_follow_nd30(appendix):
    """PL-02 (normal case, 14 pt bold), PL-03 (capitals, bold), PL-04 (italic, in brackets)."""
    label, title, ref = appendix.paragraphs[:3]
    assert label.text == "Phụ lục" and label.runs[0].bold and label.runs[0].font.size == Pt(14)
    assert title.text == "DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP" and title.runs[0].bold
    assert ref.text.startswith("(Kèm theo Báo cáo số      /BC-MTTQ-BTT") and ref.text.endswith(")")
    assert ref.runs[0].italic
    assert appendix.paragraphs[-1].text == "./."


def test_the_table_has_a_two_row_merged_header_then_groups_and_rows_verbatim(appendix):
    table = appendix.tables[0]
    top = [c.text for c in table.rows[0].cells]
    sub = [c.text for c in table.rows[1].cells]
    assert top[:4] == sub[:4] == ["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết"]
    assert top[4:] == ["Lãnh đạo phụ trách"] * 3 + ["Cán bộ quản lý, vận hành"] * 3
    assert sub[4:] == [c.header for c in COLUMNS[4:]]
    body = [[c.text for c in r.cells][:3] for r in table.rows[2:]]
    assert body == [
        ["I", "Cấp huyện", "Cấp huyện"],
        ["1", "Huyện Mường Nhé", "Mặt trận Mường Nhé (tỉnh Điện Biên)"],
        ["II", "Cấp xã", "Cấp xã"],
        ["1", "Xã Chung Chải", "Mặt trận A & B <C>"],
        ["2", "Xã Sen Thượng", ""],
    ]
    assert table.rows[2].cells[0].paragraphs[0].runs[0].bold


def test_header_rows_repeat_on_every_page():
    rows = part(TEMPLATES / "phu_luc.docx").find(".//w:tbl", NS).findall("w:tr", NS)
    assert [tr.find("w:trPr/w:tblHeader", NS) is not None for tr in rows[:3]] == [True, True, False]


def _inner_widths_pt() -> dict[str, float]:
    """Return each form column's text width in points: its grid width less the table's cell margins."""
    tbl = part(TEMPLATES / "phu_luc.docx").find(".//w:tbl", NS)
    grid = [int(c.get(f"{{{NS['w']}}}w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    mar = tbl.find("w:tblPr/w:tblCellMar", NS)
    pad = sum(int(mar.find(f"w:{side}", NS).get(f"{{{NS['w']}}}w")) for side in ("left", "right"))
    return {c.key: (w - pad) / 20 for c, w in zip(COLUMNS, grid)}


def test_the_table_fills_the_landscape_text_width():
    """PG-09: 297 − 30 − 15 = 252 mm of text width on the landscape page."""
    tbl = part(TEMPLATES / "phu_luc.docx").find(".//w:tbl", NS)
    grid = [int(c.get(f"{{{NS['w']}}}w")) for c in tbl.findall("w:tblGrid/w:gridCol", NS)]
    assert len(grid) == len(COLUMNS)
    assert abs(sum(grid) - 252 / 25.4 * 1440) < 2


def test_phone_numbers_and_the_numbers_of_rows_stay_on_one_line():
    """Times New Roman: a digit is 1/2 em, a space 1/4 em, a bold T 2/3 em; rows are 11 pt, the header 12 pt."""
    inner = _inner_widths_pt()
    phone = (11 * 0.5 + 2 * 0.25) * 11  # "0215 3825 123"
    assert inner["ld_sdt"] >= phone and inner["vh_sdt"] >= phone
    assert inner["tt"] >= max(3 * 0.5 * 11, 2 * 2 / 3 * 12)  # "129" in a row, bold "TT" in the header


def test_rows_are_11_pt_and_the_header_12_pt_bold(appendix):
    """§10: 11–13 pt is accepted practice in appendix tables; the font stays Times New Roman (FN-01)."""
    table = appendix.tables[0]
    assert {r.font.size for c in table.rows[0].cells for p in c.paragraphs for r in p.runs} == {Pt(12)}
    assert all(r.bold for c in table.rows[0].cells for p in c.paragraphs for r in p.runs)
    assert {r.font.size for c in table.rows[-1].cells for p in c.paragraphs for r in p.runs} == {Pt(11)}


def test_a_report_appendix_prints_no_form_unit_line_and_no_example(appendix):
    texts = [p.text for p in appendix.paragraphs]
    assert texts[:2] == ["Phụ lục", "DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP"]
    assert not any("Ví dụ" in t or "......" in t for t in texts)


def test_a_blank_form_prints_the_unit_line_above_the_title_and_the_example_under_the_table(tmp_path):
    ctx = phu_luc_context() | {"bieu_mau_don_vi": "ỦY BAN MTTQ VIỆT NAM HUYỆN......", "bieu_mau_vi_du": ["* Ví dụ:", "- Tên Trang: A & B"]}
    document = Document(str(render("phu_luc.docx", ctx, tmp_path / "pl.docx")))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:3] == ["Phụ lục", "ỦY BAN MTTQ VIỆT NAM HUYỆN......", ctx["tieu_de"]]
    assert texts[-3:] == ["* Ví dụ:", "- Tên Trang: A & B", "./."]
    body = document.element.body
    table_at = list(body).index(document.tables[0]._tbl)
    example_at = list(body).index(next(p for p in document.paragraphs if p.text == "* Ví dụ:")._p)
    assert example_at > table_at
