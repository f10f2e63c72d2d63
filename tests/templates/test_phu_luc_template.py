"""templates/phu_luc.docx rendered: label, title, reference line, the form's table with its row contract."""

from __future__ import annotations

import pytest
from docx import Document
from docx.shared import Pt
from tests.templates.template_render import NS, TEMPLATES, part, phu_luc_context, render, text_of

from docgen.records.form import COLUMNS


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
