"""docgen.ooxml: effective formatting, sections and headers, fields, line shapes, tables — from inline XML."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from docgen.ooxml.sections import sections, story_paragraphs
from docgen.ooxml.styles import Formatting
from docgen.ooxml.text import Paragraph, Table, body_blocks

W = nsdecls("w")


def _doc_with_styles(*styles: str) -> Document:
    doc = Document()
    root = doc.styles.element
    for xml in styles:
        root.append(parse_xml(xml))
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


def _append(doc, xml: str):
    el = parse_xml(xml)
    doc.element.body.insert(len(doc.element.body) - 1, el)
    return el


def _blocks(doc):
    return body_blocks(doc, Formatting(doc))


def test_run_format_walks_defaults_basedon_chain_character_style_then_direct():
    doc = _doc_with_styles(
        f'<w:style {W} w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
        '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="26"/></w:rPr></w:style>',
        f'<w:style {W} w:type="paragraph" w:styleId="Child"><w:name w:val="Child"/><w:basedOn w:val="Base"/>'
        '<w:pPr><w:jc w:val="both"/><w:ind w:left="567" w:hanging="284"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
        f'<w:style {W} w:type="character" w:styleId="Emph"><w:name w:val="Emph"/>'
        '<w:rPr><w:i/><w:color w:val="ff0000"/></w:rPr></w:style>',
    )
    _append(doc, f'<w:p {W}><w:pPr><w:pStyle w:val="Child"/><w:spacing w:line="360" w:lineRule="auto"/></w:pPr>'
                 '<w:r><w:rPr><w:rStyle w:val="Emph"/><w:rFonts w:hAnsi="Times New Roman"/><w:sz w:val="28"/>'
                 '</w:rPr><w:t>Chữ</w:t></w:r><w:r><w:t xml:space="preserve"> thường</w:t></w:r></w:p>')
    (p,) = _blocks(doc)
    styled, plain = p.runs
    assert styled.format.size.pt == 14 and plain.format.size.pt == 13
    assert styled.format.bold and styled.format.italic and not plain.format.italic
    assert styled.format.color == "FF0000" and plain.format.color is None
    assert styled.format.font("ascii") == "Arial" and styled.format.font("hAnsi") == "Times New Roman"
    f = p.format
    assert f.align == "both" and f.line == 1.5 and f.line_rule == "auto"
    assert round(f.left.mm, 1) == 10.0 and round(f.first_line.mm, 1) == -5.0


def test_direct_false_toggle_beats_a_bold_style_and_exact_spacing_is_a_length():
    doc = _doc_with_styles(f'<w:style {W} w:type="paragraph" w:styleId="B"><w:name w:val="B"/>'
                           '<w:rPr><w:b/></w:rPr></w:style>')
    _append(doc, f'<w:p {W}><w:pPr><w:pStyle w:val="B"/><w:spacing w:line="300" w:lineRule="exact"/></w:pPr>'
                 '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>x</w:t></w:r></w:p>')
    (p,) = _blocks(doc)
    assert p.runs[0].format.bold is False
    assert p.format.line.pt == 15 and p.format.line_rule == "exact"


def test_table_style_formatting_reaches_cell_paragraphs_and_nested_tables_know_their_depth():
    doc = _doc_with_styles(f'<w:style {W} w:type="table" w:styleId="Grid"><w:name w:val="Grid"/>'
                           '<w:rPr><w:color w:val="0000FF"/></w:rPr></w:style>')
    inner = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>trong</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
    _append(doc, f'<w:tbl {W}><w:tblPr><w:tblStyle w:val="Grid"/></w:tblPr>'
                 '<w:tblGrid><w:gridCol w:w="3402"/><w:gridCol w:w="5386"/></w:tblGrid>'
                 '<w:tr><w:tc><w:p><w:r><w:t>trái</w:t></w:r></w:p></w:tc>'
                 f'<w:tc><w:tcPr><w:tcW w:w="5386" w:type="dxa"/></w:tcPr>{inner}<w:p/></w:tc></w:tr></w:tbl>')
    (t,) = _blocks(doc)
    assert isinstance(t, Table)
    left, right = t.rows[0]
    assert round(left.width.mm) == 60 and round(right.width.mm) == 95
    assert left.paragraphs[0].runs[0].format.color == "0000FF"
    nested = [p for p in t.all_paragraphs() if p.text == "trong"][0]
    assert nested.place["depth"] == 1 and nested.place["col"] == 0


def test_run_text_keeps_tabs_and_breaks_and_sdt_content_is_read():
    doc = _doc_with_styles()
    _append(doc, f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Số:</w:t><w:tab/><w:t>/BC</w:t><w:br/>'
                 '<w:t>hai</w:t></w:r></w:p></w:sdtContent></w:sdt>')
    (p,) = _blocks(doc)
    assert p.text == "Số:\t/BC\nhai"


@pytest.mark.parametrize("xml, page", [
    ('<w:fldSimple w:instr=" PAGE  \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>', True),
    ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PA</w:instrText></w:r>'
     '<w:r><w:instrText>GE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
     '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', True),
    ('<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>3</w:t></w:r></w:fldSimple>', False),
])
def test_page_fields_simple_and_complex_are_found(xml, page):
    doc = _doc_with_styles()
    _append(doc, f'<w:p {W}>{xml}</w:p>')
    (p,) = _blocks(doc)
    assert p.has_page_field is page


DRAWING = ('<w:r><w:drawing><wp:anchor %s><wp:extent cx="900000" cy="0"/>'
           '<a:graphic><a:graphicData><wps:wsp><wps:cNvCnPr/><wps:spPr><a:prstGeom prst="line"/></wps:spPr>'
           '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')


def test_line_shapes_drawingml_and_vml_with_their_widths():
    ns = nsdecls("w", "wp", "a") + (' xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
                                    'wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"')
    doc = _doc_with_styles()
    _append(doc, f'<w:p {ns}>{DRAWING % ""}</w:p>')
    _append(doc, f'<w:p {ns}><w:r><w:pict><v:line from="10pt,5pt" to="70pt,5pt"/></w:pict></w:r></w:p>')
    _append(doc, f'<w:p {ns}><w:r><w:t>không có</w:t></w:r></w:p>')
    drawing, vml, none = _blocks(doc)
    assert [(s.kind, round(s.width.mm)) for s in drawing.line_shapes] == [("drawing", 25)]
    assert [(s.kind, round(s.width.pt)) for s in vml.line_shapes] == [("vml", 60)]
    assert none.line_shapes == []


def test_sections_read_page_setup_and_inherit_headers_from_the_previous_section():
    doc = Document()
    s1 = doc.sections[0]
    s1.top_margin = Mm(25)
    s1.different_first_page_header_footer = True
    s1.header.paragraphs[0].text = "đầu trang"
    doc.add_section()
    doc.sections[1].different_first_page_header_footer = False
    num = parse_xml(f'<w:pgNumType {W} w:fmt="decimal" w:start="1"/>')
    doc.sections[1]._sectPr.append(num)
    views = sections(doc, Formatting(doc))
    assert [v.index for v in views] == [0, 1]
    assert round(views[0].top.mm) == 25 and views[0].title_page and not views[1].title_page
    assert views[1].page_number_start == 1 and views[1].page_number_format == "decimal"
    assert views[0].page_number_start is None
    inherited = story_paragraphs(views[1].headers["default"])
    assert [p.text for p in inherited] == ["đầu trang"]
    assert inherited[0].place == {"section": 0, "story": "header", "kind": "default"}


def test_paragraphs_are_numbered_and_know_their_section():
    doc = Document()
    doc.add_paragraph("một")
    doc.add_section()
    doc.add_paragraph("hai")
    blocks = [b for b in _blocks(doc) if isinstance(b, Paragraph) and b.text]
    assert [(b.text, b.place["section"]) for b in blocks] == [("một", 0), ("hai", 1)]
    assert Pt(1).pt == 1


def test_list_paragraphs_take_their_indents_from_the_numbering_level():
    doc = Document()
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    p = doc.add_paragraph("gạch đầu dòng", style="List Bullet")
    assert p.style.element.find(qn("w:pPr")).find(qn("w:ind")) is None  # the indent is not in the style
    (view,) = [b for b in _blocks(doc) if b.text]
    assert view.format.left == 228600 and view.format.first_line == -228600  # 360 twips, hanging
