"""Marks put into an existing Word document: cell shading, cell text, bookmarks, in-document links, grid borders.

python-docx writes comments (`Document.add_comment`); what it lacks for
marking a table is here, on its element classes. Nothing here knows what the
cells mean.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Children of <w:tcPr> that come after <w:shd> (ECMA-376 CT_TcPr sequence).
_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers",
              "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")
# Children of <w:tblPr> that come after <w:tblBorders>.
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                  "w:tblPrChange")


def shade_cell(tc, rgb: str) -> None:
    """Fill a table cell (`w:tc`) with the solid colour `rgb` ("FFC7CE"), replacing any shading it had."""
    tcPr = tc.get_or_add_tcPr()
    old = tcPr.find(qn("w:shd"))
    if old is not None:
        tcPr.remove(old)
    shd = OxmlElement("w:shd", {qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): rgb})
    later = next((tcPr.find(qn(t)) for t in _AFTER_SHD if tcPr.find(qn(t)) is not None), None)
    (later.addprevious(shd) if later is not None else tcPr.append(shd))


def set_cell_text(tc, text: str) -> None:
    """Replace the text of a cell by `text` (lines become paragraphs), keeping the first run's and paragraph's look.

    Further paragraphs and runs of the cell are removed; a nested table is kept.
    """
    paragraphs = tc.findall(qn("w:p"))
    first = paragraphs[0] if paragraphs else tc.add_p()
    for p in paragraphs[1:]:
        tc.remove(p)
    runs = first.findall(qn("w:r"))
    model = copy.deepcopy(runs[0]) if runs else OxmlElement("w:r")
    for child in list(first):
        if child.tag != qn("w:pPr"):
            first.remove(child)
    for child in list(model):
        if child.tag != qn("w:rPr"):
            model.remove(child)
    previous = first
    for i, line in enumerate(text.split("\n")):
        p = first if i == 0 else copy.deepcopy(first)
        if i:
            for child in list(p):
                if child.tag != qn("w:pPr"):
                    p.remove(child)
            previous.addnext(p)
        r = copy.deepcopy(model)
        t = OxmlElement("w:t")
        t.text = line
        if line != line.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        p.append(r)
        previous = p


def cell_runs(tc) -> list:
    """Return the `w:r` elements holding a cell's text; a cell without one gets an empty run in its first paragraph."""
    runs = [r for p in tc.findall(qn("w:p")) for r in p.findall(qn("w:r"))]
    if runs:
        return runs
    paragraphs = tc.findall(qn("w:p"))
    p = paragraphs[0] if paragraphs else tc.add_p()
    r = OxmlElement("w:r")
    p.append(r)
    return [r]


def next_bookmark_id(body) -> int:
    """Return an id no bookmark of the document uses yet."""
    ids = [int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart")) if (b.get(qn("w:id")) or "").isdigit()]
    return max(ids, default=0) + 1


def add_bookmark(p, name: str, bookmark_id: int) -> None:
    """Put a bookmark `name` around the content of paragraph `p` (a link's target)."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)})
    ppr = p.find(qn("w:pPr"))
    (ppr.addnext(start) if ppr is not None else p.insert(0, start))
    p.append(end)


def add_internal_link(p, anchor: str, text: str, rgb: str = "0563C1") -> None:
    """Append to paragraph `p` a link to bookmark `anchor`, shown as blue underlined `text`."""
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): anchor, qn("w:history"): "1"})
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:color", {qn("w:val"): rgb}))
    rpr.append(OxmlElement("w:u", {qn("w:val"): "single"}))
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    link.append(r)
    p.append(link)


def grid_borders(tbl, size: int = 4) -> None:
    """Give a table single borders around and between every cell (`size` in eighths of a point)."""
    tblPr = tbl.tblPr
    old = tblPr.find(qn("w:tblBorders"))
    if old is not None:
        tblPr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(OxmlElement(f"w:{side}", {qn("w:val"): "single", qn("w:sz"): str(size),
                                                 qn("w:space"): "0", qn("w:color"): "auto"}))
    later = next((tblPr.find(qn(t)) for t in _AFTER_BORDERS if tblPr.find(qn(t)) is not None), None)
    (later.addprevious(borders) if later is not None else tblPr.append(borders))
