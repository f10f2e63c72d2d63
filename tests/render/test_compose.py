"""Report + appendix in one file: portrait section then landscape section numbered from 1, styles kept."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from tests.render.render_factory import appendix_template, groups, report_template

from docgen.render.compose import compose
from docgen.render.engine import render


def composed() -> docx.document.Document:
    report = render(report_template(), {"ten": "KẾT QUẢ", "muc": "một"})
    appendix = render(appendix_template(), {"tieu_de": "DANH SÁCH", "nhom": groups(3)})
    return compose(report, appendix)


def test_the_appendix_follows_in_its_own_landscape_section_numbered_from_1(ooxml_check, tmp_path):
    data = composed().to_bytes()
    (tmp_path / "bc.docx").write_bytes(data)
    ooxml_check(tmp_path / "bc.docx")
    d = docx.Document(io.BytesIO(data))
    first, second = d.sections
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height      # PG-02
    assert second.orientation == WD_ORIENT.LANDSCAPE and second.page_width > second.page_height  # PG-04
    assert round(first.left_margin.mm) == 35 and round(second.left_margin.mm) == 30
    assert first._sectPr.find(qn("w:pgNumType")) is None
    assert second._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"                  # PN-05
    assert first.different_first_page_header_footer and second.different_first_page_header_footer  # PN-04/06
    assert second.header.is_linked_to_previous                                                  # PN-02: same header
    assert "PAGE" in first.header._element.xml


def test_content_styles_and_numbering_survive():
    d = docx.Document(io.BytesIO(composed().to_bytes()))
    texts = [p.text for p in d.paragraphs]
    assert texts[:2] == ["BÁO CÁO KẾT QUẢ", "Mục một"]
    assert texts[-3:] == ["Phụ lục", "DANH SÁCH", "./."]
    assert d.paragraphs[-2].style.name == "PhuLucTieuDe"
    assert d.paragraphs[1].style.name == "List Number"
    assert d.part.numbering_part is not None
    rows = [[c.text for c in r.cells] for r in d.tables[0].rows]
    assert rows[1][:2] == ["I", "Nhóm một"] and rows[2][2] == "Mặt trận A & B <C>" and len(rows) == 1 + 2 + 4


def test_composing_the_templates_then_rendering_once_gives_the_same_document():
    from docgen.render.compose import compose_templates

    ctx = {"ten": "KẾT QUẢ", "muc": "một", "tieu_de": "DANH SÁCH", "nhom": groups(3)}
    once = docx.Document(io.BytesIO(render(compose_templates(report_template(), appendix_template()), ctx).to_bytes()))
    twice = docx.Document(io.BytesIO(composed().to_bytes()))
    assert [p.text for p in once.paragraphs] == [p.text for p in twice.paragraphs]
    assert [[c.text for c in r.cells] for r in once.tables[0].rows] == [[c.text for c in r.cells] for r in twice.tables[0].rows]
    assert [(s.orientation, s.page_width) for s in once.sections] == [(s.orientation, s.page_width) for s in twice.sections]
