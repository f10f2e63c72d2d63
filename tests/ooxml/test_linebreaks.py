"""docgen.ooxml.linebreaks: a paragraph typed with soft line breaks (Shift+Enter) read as the lines it shows."""

from __future__ import annotations

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docgen.ooxml.styles import Formatting
from docgen.ooxml.text import Paragraph

W = nsdecls("w")
MOTTO = ('<w:p {W}><w:pPr><w:spacing w:before="120" w:after="200"/><w:pBdr><w:bottom w:val="single"/></w:pBdr>'
         '</w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t><w:br/>'
         '<w:t>Độc lập</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t> - Tự do - Hạnh phúc</w:t></w:r></w:p>')


def _view(xml: str) -> Paragraph:
    return Paragraph(parse_xml(xml.format(W=W)), Formatting(Document()), place={"index": 3})


def test_each_line_has_its_own_text_and_the_runs_cut_to_it():
    p = _view(MOTTO)
    first, second = p.lines
    assert (first.text, second.text) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert [(r.text, r.format.bold, r.format.italic) for r in second.runs] == \
           [("Độc lập", True, False), (" - Tự do - Hạnh phúc", False, True)]
    assert [r.text for r in first.runs] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert (first.line, second.line, first.place["line"], first.place["index"]) == (0, 1, 1, 3)


def test_spacing_and_borders_belong_to_the_first_and_last_line_only():
    first, second = _view(MOTTO).lines
    assert (first.format.space_before.pt, first.format.space_after.pt) == (6, 0)
    assert (second.format.space_before.pt, second.format.space_after.pt) == (0, 10)
    assert (first.format.border_bottom, second.format.border_bottom) == (False, True)


def test_a_line_is_the_same_line_only_of_its_own_paragraph():
    p = _view(MOTTO)
    first, second = p.lines
    assert first.same(p.lines[0]) and not first.same(second) and not first.same(p) and p.lines[0] is first


def test_a_paragraph_without_breaks_is_its_own_only_line():
    p = _view('<w:p {W}><w:r><w:t>Kính gửi: Ban Thường trực</w:t></w:r></w:p>')
    assert p.lines == [p] and p.line is None


def test_two_lines_may_be_seen_as_one_a_name_broken_by_mistake():
    p = _view('<w:p {W}><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA</w:t><w:br/><w:t>VIỆT NAM</w:t><w:br/>'
              '<w:t>Độc lập</w:t></w:r></w:p>')
    merged, motto = p.merged_lines(0, 2)
    assert (merged.text, merged.count, motto.text, motto.line) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM", 2, "Độc lập", 2)
