"""docgen.ooxml.edit: formatting, text edits, lines and tables changed in place — on inline XML snippets."""

from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from docgen.ooxml.edit import (grid_width, insert_line_after, insert_paragraph_after, own_runs, paragraph_text,
                               remove_paragraph, replace_text, set_column_widths, set_default_font,
                               set_paragraph_format, set_run_format, set_span_format)
from docgen.ooxml.styles import Formatting
from docgen.ooxml.text import Paragraph

W = nsdecls("w")


def p_(inner: str):
    return parse_xml(f"<w:p {W}>{inner}</w:p>")


def _view(p) -> Paragraph:
    return Paragraph(p, Formatting(Document()))


def test_run_format_sets_font_size_bold_italic_colour_and_drops_theme_fonts():
    p = p_('<w:r><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:b/>'
           '<w:color w:val="1F4E79" w:themeColor="accent1"/></w:rPr><w:t>A</w:t></w:r>')
    set_run_format(own_runs(p)[0], font="Times New Roman", size=Pt(13), bold=False, italic=True, black=True)
    f = _view(p).runs[0].format
    assert (f.font("ascii"), f.font("hAnsi"), f.size.pt, f.bold, f.italic, f.color) == \
           ("Times New Roman", "Times New Roman", 13.0, False, True, "AUTO")
    assert p.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:asciiTheme")) is None

def test_run_format_leaves_what_it_is_not_given():
    p = p_('<w:r><w:rPr><w:i/><w:sz w:val="22"/></w:rPr><w:t>A</w:t></w:r>')
    set_run_format(own_runs(p)[0], bold=True)
    f = _view(p).runs[0].format
    assert (f.bold, f.italic, f.size.pt) == (True, True, 11.0)


def test_paragraph_format_sets_alignment_indents_spacing_and_line():
    p = p_('<w:pPr><w:spacing w:before="0" w:beforeAutospacing="1"/></w:pPr><w:r><w:t>A</w:t></w:r>')
    set_paragraph_format(p, align="both", first_line=Mm(12.7), before=Pt(6), line=1.5)
    f = _view(p).format
    assert (f.align, round(f.first_line.mm, 1), f.space_before.pt, f.line) == ("both", 12.7, 6.0, 1.5)

def test_paragraph_format_sets_exact_line_spacing():
    p = p_("<w:r><w:t>A</w:t></w:r>")
    set_paragraph_format(p, line=Pt(18), line_rule="exact")
    f = _view(p).format
    assert (f.line_rule, f.line.pt) == ("exact", 18.0)


def test_a_text_edit_changes_only_the_characters_that_differ_keeping_each_runs_formatting():
    p = p_('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Độc lập – </w:t></w:r>'
           '<w:r><w:rPr><w:i/></w:rPr><w:t>Tự do – Hạnh phúc</w:t></w:r>')
    assert replace_text(p, "Độc lập - Tự do - Hạnh phúc")
    runs = _view(p).runs
    assert [(r.text, r.format.bold, r.format.italic) for r in runs] == \
           [("Độc lập - ", True, False), ("Tự do - Hạnh phúc", False, True)]

def test_a_text_edit_keeps_fields_in_place():
    p = p_('<w:r><w:t>ngày 5</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    replace_text(p, "ngày 05")
    assert paragraph_text(p) == "ngày 05"
    assert len(p.findall(f".//{qn('w:fldChar')}")) == 2

def test_a_text_edit_removes_a_break_inside_the_span_and_can_write_into_an_empty_paragraph():
    p = p_('<w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA</w:t><w:br/><w:t>VIỆT NAM</w:t></w:r>')
    replace_text(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert paragraph_text(p) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and p.find(f".//{qn('w:br')}") is None
    empty = p_("")
    replace_text(empty, "./.")
    assert paragraph_text(empty) == "./."

def test_a_text_edit_preserves_spaces_at_the_edges_of_a_text_element():
    p = p_("<w:r><w:t>Số:/MTTQ-BTT</w:t></w:r>")
    replace_text(p, "Số:      /MTTQ-BTT")
    assert paragraph_text(p) == "Số:      /MTTQ-BTT"


def test_span_formatting_splits_runs_at_the_edges():
    p = p_('<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>Điều 1. Thành lập</w:t></w:r>')
    set_span_format(p, 0, 7, bold=True)
    assert [(r.text, r.format.bold, r.format.size.pt) for r in _view(p).runs] == \
       [("Điều 1.", True, 14.0), (" Thành lập", False, 14.0)]


def test_an_empty_paragraph_is_removed_but_not_one_holding_a_drawing_or_the_last_of_a_cell():
    body = parse_xml(f'<w:body {W}><w:p/><w:p><w:r><w:drawing/></w:r></w:p></w:body>')
    empty, drawing = list(body)
    assert remove_paragraph(empty) and not remove_paragraph(drawing)
    cell = parse_xml(f"<w:tc {W}><w:p/></w:tc>")
    assert not remove_paragraph(cell[0])


def test_a_line_is_an_empty_bordered_paragraph_between_its_indents():
    body = parse_xml(f"<w:body {W}><w:p><w:r><w:t>BAN THƯỜNG TRỰC</w:t></w:r></w:p></w:body>")
    line = insert_line_after(body[0], Mm(20), Mm(20))
    f = _view(line).format
    assert (f.border_bottom, round(f.left.mm), round(f.right.mm), paragraph_text(line)) == (True, 20, 20, "")


def test_a_new_paragraph_copies_the_formatting_of_the_one_it_imitates():
    body = parse_xml(f'<w:body {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
                 f'<w:t>A</w:t></w:r></w:p></w:body>')
    new = insert_paragraph_after(body[0], "./.", like=body[0])
    v = _view(new)
    assert (v.text, v.format.align, v.runs[0].format.bold) == ("./.", "center", True)


def test_column_widths_reach_grid_cells_and_table_width():
    tbl = parse_xml(f'<w:tbl {W}><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/>'
                f'<w:gridCol w:w="4500"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>'
                f'<w:p/></w:tc><w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>')
    set_column_widths(tbl, [Mm(66), Mm(94)])
    assert round(grid_width(tbl).mm) == 160
    assert [round(tc.width.mm) for tc in tbl.iter(qn("w:tc"))] == [66, 94]


@pytest.mark.parametrize("defaults", ['<w:rFonts w:asciiTheme="minorHAnsi"/>', ""])
def test_the_default_font_is_set_on_every_slot(defaults):
    doc = Document()
    styles = doc.styles.element
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    rpr.remove(rpr.find(qn("w:rFonts")))
    if defaults:
        rpr.insert(0, parse_xml(defaults.replace("<w:rFonts", f"<w:rFonts {W}")))
    assert set_default_font(styles, "Times New Roman")
    assert not set_default_font(styles, "Times New Roman")
    fonts = rpr.find(qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{s}")) for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
