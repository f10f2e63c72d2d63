"""Editing the blocks of a document: a paragraph split at its soft line breaks, a table built from lines.

Like `edit`, functions take the elements python-docx holds and never change a character.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement

from docgen.ooxml import Length, qn
from docgen.ooxml.edit import W_BR, W_T, _TEXT_CHILDREN, _piece_text, _set_t, own_runs, set_paragraph_format
from docgen.ooxml.text import _owner_p


def _soft_break(el) -> bool:
    return el.tag == qn("w:cr") or (el.tag == W_BR and el.get(qn("w:type"), "textWrapping") == "textWrapping")


def soft_breaks(p) -> list:
    """Return the soft line breaks (Shift+Enter: `w:br` of no type, `w:cr`) of paragraph element `p`'s own runs."""
    return [b for b in p.iter(W_BR, qn("w:cr")) if _soft_break(b) and _owner_p(b) is p]


def split_at_breaks(p) -> list:
    """Split paragraph element `p` at its soft line breaks (Shift+Enter) into one paragraph per line; return them.

    Each new paragraph copies the paragraph properties, without numbering and
    without the section break (which stays with the last one), and starts at
    the left indent as the line did; no character changes. Nothing is split
    (`[p]` is returned) when a break sits inside a hyperlink, a field or a
    content control, where moving what follows would break the markup.
    """
    breaks = soft_breaks(p)
    if not breaks or any(b.getparent().getparent() is not p for b in breaks):
        return [p]
    out = [p]
    for br in breaks:
        run, cur = br.getparent(), out[-1]
        new = OxmlElement("w:p")
        if cur.pPr is not None:
            ppr = copy.deepcopy(cur.pPr)
            for drop_tag in ("w:numPr", "w:sectPr"):
                for el in ppr.findall(qn(drop_tag)):
                    ppr.remove(el)
            new.append(ppr)
            sect = cur.pPr.find(qn("w:sectPr"))
            if sect is not None:  # the section ends after the last line
                new.pPr.append(sect)
        tail = list(br.itersiblings())
        following = list(run.itersiblings())
        if tail:
            second = OxmlElement("w:r")
            if run.rPr is not None:
                second.append(copy.deepcopy(run.rPr))
            for child in tail:
                second.append(child)
            new.append(second)
        for sibling in following:
            new.append(sibling)
        run.remove(br)
        if not any(c.tag != qn("w:rPr") for c in run):
            run.getparent().remove(run)
        cur.addnext(new)
        set_paragraph_format(new, first_line=Length(0), before=Length(0))
        set_paragraph_format(cur, after=Length(0))
        out.append(new)
    return out


# Paragraph properties a paragraph copied into a table cell leaves behind: where the line sat on the page.
_PLACE_PROPS = ("w:numPr", "w:sectPr", "w:tabs", "w:ind", "w:jc", "w:pBdr", "w:framePr")
_KEEP_IN_PART = (qn("w:drawing"), qn("w:pict"))


def copy_part(p, start: int, end: int):
    """Return a new paragraph holding characters start…end of paragraph element `p`, each run's formatting kept.

    The paragraph properties are copied without what placed the line on the page
    (tabs, indents, alignment, numbering, borders, section break). Drawn shapes
    within the characters come along; fields do not (their parts would be cut).
    """
    new = OxmlElement("w:p")
    if p.pPr is not None:
        ppr = copy.deepcopy(p.pPr)
        for tag in _PLACE_PROPS:
            for el in ppr.findall(qn(tag)):
                ppr.remove(el)
        new.append(ppr)
    pos = 0
    for r in own_runs(p):
        kept = OxmlElement("w:r")
        if r.rPr is not None:
            kept.append(copy.deepcopy(r.rPr))
        for child in r:
            if child.tag in _TEXT_CHILDREN:
                text, at = _piece_text(child), pos
                pos += len(text)
                a, b = max(at, start) - at, min(pos, end) - at
                if a >= b:
                    continue
                if child.tag == W_T:
                    t = OxmlElement("w:t")
                    _set_t(t, text[a:b])
                    kept.append(t)
                else:
                    kept.append(copy.deepcopy(child))
            elif child.tag in _KEEP_IN_PART and start <= pos <= end:
                kept.append(copy.deepcopy(child))
        if len(kept) > (r.rPr is not None):
            new.append(kept)
    return new


def borderless_table(cells: list[list[list]], widths: list[Length], indent: Length = Length(0)):
    """Return a new table of rows of cells, each cell a list of paragraph elements, with no borders.

    `widths` are the column widths (fixed layout); `indent` moves the table into
    the left margin (negative) as ND30's model header tables do.
    """
    tbl = OxmlElement("w:tbl")
    pr = OxmlElement("w:tblPr")
    tbl.append(pr)
    for tag, value in (("w:tblW", Length(sum(widths))), ("w:tblInd", indent)):
        el = OxmlElement(tag)
        el.set(qn("w:w"), str(int(value.twips)))
        el.set(qn("w:type"), "dxa")
        pr.append(el)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    pr.append(layout)
    grid = OxmlElement("w:tblGrid")
    for w in widths:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(int(w.twips)))
        grid.append(col)
    tbl.append(grid)
    for row in cells:
        tr = OxmlElement("w:tr")
        for paragraphs, w in zip(row, widths):
            tc = OxmlElement("w:tc")
            tr.append(tc)
            tc.width = w
            for p in paragraphs or [OxmlElement("w:p")]:
                tc.append(p)
        tbl.append(tr)
    return tbl
