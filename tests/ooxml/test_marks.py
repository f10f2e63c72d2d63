"""docgen.ooxml.marks: shading, text, bookmarks, links and borders put into Word tables, in schema order."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from docgen.ooxml.marks import (add_bookmark, add_internal_link, cell_runs, grid_borders, next_bookmark_id,
                                set_cell_text, shade_cell)


def tc(inner: str):
    return parse_xml(f"<w:tc {nsdecls('w')}>{inner}</w:tc>")


def children(el) -> list[str]:
    return [c.tag.split("}")[1] for c in el]


def test_shading_goes_before_the_vertical_alignment_and_replaces_an_old_one():
    cell = tc('<w:tcPr><w:tcW w:w="10" w:type="dxa"/><w:shd w:val="clear" w:fill="00FF00"/><w:vAlign w:val="top"/>'
              "</w:tcPr><w:p/>")
    shade_cell(cell, "FFC7CE")
    assert children(cell.tcPr) == ["tcW", "shd", "vAlign"]
    assert cell.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "FFC7CE"


def test_new_text_keeps_the_first_runs_look_and_drops_the_rest():
    cell = tc('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>0912.</w:t></w:r>'
              "<w:r><w:t>345</w:t></w:r></w:p><w:p><w:r><w:t>678</w:t></w:r></w:p>")
    set_cell_text(cell, "0912 345 678\nhai")
    paragraphs = cell.findall(qn("w:p"))
    assert ["".join(t.text for t in p.iter(qn("w:t"))) for p in paragraphs] == ["0912 345 678", "hai"]
    assert all(p.find(qn("w:pPr")) is not None and p.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:b')}") is not None
               for p in paragraphs)


def test_an_empty_cell_gets_a_run_to_anchor_a_comment_on():
    cell = tc("<w:p/>")
    runs = cell_runs(cell)
    assert len(runs) == 1 and runs[0].getparent() is cell.find(qn("w:p"))


def test_a_bookmark_wraps_the_paragraph_and_a_link_points_to_it():
    body = parse_xml(f'<w:body {nsdecls("w")}><w:p><w:bookmarkStart w:id="4" w:name="x"/><w:bookmarkEnd w:id="4"/>'
                     "</w:p><w:p><w:pPr/><w:r><w:t>F12</w:t></w:r></w:p><w:p/></w:body>")
    first, second, third = body.findall(qn("w:p"))
    n = next_bookmark_id(body)
    add_bookmark(second, "docgen_1", n)
    add_internal_link(third, "docgen_1", "Bảng 1 › dòng 7, cột 6")
    assert n == 5 and children(second) == ["pPr", "bookmarkStart", "r", "bookmarkEnd"]
    link = third.find(qn("w:hyperlink"))
    assert link.get(qn("w:anchor")) == "docgen_1" and "".join(t.text for t in link.iter(qn("w:t"))) == "Bảng 1 › dòng 7, cột 6"


def test_grid_borders_sit_before_the_table_layout():
    tbl = parse_xml(f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/>'
                    "</w:tblPr><w:tblGrid/></w:tbl>")
    grid_borders(tbl)
    assert children(tbl.tblPr) == ["tblW", "tblBorders", "tblLook"]
    assert children(tbl.tblPr.find(qn("w:tblBorders"))) == ["top", "left", "bottom", "right", "insideH", "insideV"]
