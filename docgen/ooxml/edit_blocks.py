"""Editing the blocks of a document: a paragraph split at its soft line breaks, a table built from lines.

Like `edit`, functions take the elements python-docx holds and never change a character.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement

from docgen.ooxml import Length, qn
from docgen.ooxml.edit import W_BR, set_paragraph_format
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
