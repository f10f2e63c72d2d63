"""docgen.ooxml.edit_sections: page setup, page numbers, first-page flag, headers and section breaks."""

from __future__ import annotations

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from docgen.ooxml.edit import paragraph_text
from docgen.ooxml.edit_sections import (add_page_number, header_root, remove_page_fields, set_page,
                                        set_page_numbering, set_title_page, start_section_before)
from docgen.ooxml.sections import sections, story_paragraphs
from docgen.ooxml.styles import Formatting

W = nsdecls("w")


def _sections(doc):
    return sections(doc, Formatting(doc))


def test_page_size_orientation_and_margins_are_set_on_the_section():
    doc = Document()
    sect = doc.sections[0]._sectPr
    set_page(sect, width=Mm(297), height=Mm(210), landscape=True, left=Mm(30), right=Mm(15))
    s = _sections(doc)[0]
    assert (round(s.page_width.mm), round(s.page_height.mm), s.orientation, round(s.left.mm), round(s.right.mm)) == \
           (297, 210, "landscape", 30, 15)


def test_page_numbering_is_made_decimal_from_one_and_the_first_page_flag_set():
    doc = Document()
    sect = doc.sections[0]._sectPr
    sect.append(parse_xml(f'<w:pgNumType {W} w:fmt="lowerRoman" w:start="3"/>'))
    set_page_numbering(sect, decimal=True, start=1)
    set_title_page(sect)
    s = _sections(doc)[0]
    assert (s.page_number_format, s.page_number_start, s.title_page) == (None, 1, True)
    set_page_numbering(sect, start=None)
    assert _sections(doc)[0].page_number_start is None


def test_a_page_number_added_to_a_new_header_prints_on_every_page():
    doc = Document()
    root = header_root(doc, doc.sections[0]._sectPr)
    add_page_number(root.findall(qn("w:p"))[0], Pt(14))
    (p,) = [x for x in story_paragraphs(_sections(doc)[0].headers["default"]) if x.has_page_field]
    assert p.format.align == "center" and {f.size.pt for f in p.all_run_formats} == {14.0}


def test_page_fields_are_removed_with_their_shown_number_and_other_text_stays():
    p = parse_xml(f'<w:p {W}><w:r><w:t xml:space="preserve">Trang </w:t></w:r>'
                  f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
                  f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
                  f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                  f'<w:fldSimple w:instr="PAGE"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>')
    assert remove_page_fields(p)
    assert paragraph_text(p) == "Trang " and p.find(f".//{qn('w:fldChar')}") is None
    assert not remove_page_fields(p)


def test_a_section_break_before_a_paragraph_keeps_the_page_setup_of_what_comes_before():
    doc = Document()
    body = doc.element.body
    for text in ("Nội dung", "Phụ lục"):
        doc.add_paragraph(text)
    label = [p for p in body.iterchildren(qn("w:p")) if paragraph_text(p) == "Phụ lục"][0]
    ruling = start_section_before(label)
    set_page(ruling, width=Mm(297), height=Mm(210), landscape=True)
    secs = _sections(doc)
    assert [s.landscape for s in secs] == [False, True]
    # "Nội dung" has text: an empty paragraph is added to end the first section
    assert [paragraph_text(p) for p in body.iterchildren(qn("w:p"))][-3:] == ["Nội dung", "", "Phụ lục"]
