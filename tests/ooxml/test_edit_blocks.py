"""docgen.ooxml.edit_blocks: a paragraph split at its soft line breaks, a line's side copied, a borderless table."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from docgen.ooxml import Length
from docgen.ooxml.edit import paragraph_text
from docgen.ooxml.edit_blocks import borderless_table, copy_part, soft_breaks, split_at_breaks

W = nsdecls("w")


def _p(inner: str, ppr: str = ""):
    body = parse_xml(f"<w:body {W}><w:p>{ppr}{inner}</w:p><w:p/></w:body>")
    return body[0]


def test_a_paragraph_is_split_at_its_soft_breaks_and_looks_the_same():
    p = _p('<w:r><w:rPr><w:b/></w:rPr><w:t>Số: 12/MTTQ-BTT</w:t><w:br/><w:t>V/v triển</w:t></w:r>'
           '<w:r><w:t> khai</w:t><w:br w:type="textWrapping"/><w:t>Trang</w:t></w:r>',
           '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
           '<w:spacing w:before="120" w:after="160"/><w:ind w:firstLine="720"/><w:jc w:val="center"/></w:pPr>')
    pieces = split_at_breaks(p)
    assert [paragraph_text(x) for x in pieces] == ["Số: 12/MTTQ-BTT", "V/v triển khai", "Trang"]
    assert all(x.getparent() is p.getparent() for x in pieces) and soft_breaks(pieces[1]) == []
    spacing = [(x.pPr.find(qn("w:spacing")).get(qn("w:before")), x.pPr.find(qn("w:spacing")).get(qn("w:after")))
               for x in pieces]
    assert spacing == [("120", "0"), ("0", "0"), ("0", "160")]  # no space appears between the lines
    assert [x.pPr.find(qn("w:jc")).get(qn("w:val")) for x in pieces] == ["center"] * 3
    assert [x.pPr.find(qn("w:numPr")) is None for x in pieces] == [False, True, True]  # no bullet on the new lines
    assert pieces[1].find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is not None  # the run's formatting comes along


def test_a_page_break_and_a_break_inside_a_hyperlink_are_not_lines_to_split():
    page = _p('<w:r><w:t>A</w:t><w:br w:type="page"/><w:t>B</w:t></w:r>')
    assert soft_breaks(page) == [] and split_at_breaks(page) == [page]
    link = _p('<w:hyperlink><w:r><w:t>A</w:t><w:br/><w:t>B</w:t></w:r></w:hyperlink>')
    assert split_at_breaks(link) == [link] and paragraph_text(link) == "A\nB"


def test_the_section_break_stays_with_the_last_line():
    p = _p('<w:r><w:t>A</w:t><w:br/><w:t>B</w:t></w:r>', '<w:pPr><w:sectPr/></w:pPr>')
    first, last = split_at_breaks(p)
    assert first.pPr.find(qn("w:sectPr")) is None and last.pPr.find(qn("w:sectPr")) is not None


def test_one_side_of_a_line_typed_with_tabs_is_copied_with_its_formatting():
    p = _p('<w:r><w:t>ỦY BAN MTTQ VIỆT NAM</w:t><w:tab/><w:tab/></w:r>'
           '<w:r><w:rPr><w:b/></w:rPr><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r>',
           '<w:pPr><w:tabs><w:tab w:val="center" w:pos="6000"/></w:tabs><w:jc w:val="left"/></w:pPr>')
    left, right = copy_part(p, 0, 20), copy_part(p, 22, 56)
    assert (paragraph_text(left), paragraph_text(right)) == ("ỦY BAN MTTQ VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert right.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is not None
    assert left.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is None
    assert left.pPr.find(qn("w:tabs")) is None and left.pPr.find(qn("w:jc")) is None


def test_a_borderless_table_has_its_widths_indent_and_cells():
    cells = [[[_p('<w:r><w:t>A</w:t></w:r>')], []]]
    tbl = borderless_table(cells, [Length(2286000), Length(3600000)], Length(-126000))
    assert [c.get(qn("w:w")) for c in tbl.iter(qn("w:gridCol"))] == ["3600", "5669"]
    assert tbl.find(f"{qn('w:tblPr')}/{qn('w:tblInd')}").get(qn("w:w")) == "-198"
    assert {b.get(qn("w:val")) for b in tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")} == {"nil"}
    tcs = list(tbl.iter(qn("w:tc")))
    assert [len(tc.findall(qn("w:p"))) for tc in tcs] == [1, 1]  # an empty cell keeps the paragraph it must have
