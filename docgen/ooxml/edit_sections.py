"""Editing sections: page size, margins, orientation, page numbering, first-page flag, headers, section breaks.

Functions take the `w:sectPr` element a `sections.SectionView` holds (and the
python-docx Document where a header part may have to be added).
"""

from __future__ import annotations

import copy

from docx.enum.section import WD_HEADER_FOOTER, WD_ORIENT
from docx.oxml import OxmlElement
from docx.section import Section

from docgen.ooxml import Length, qn
from docgen.ooxml.edit import paragraph_text, set_paragraph_format, set_run_format
from docgen.ooxml.text import W_P, W_R, _owner_p

_AFTER_PGNUMTYPE = tuple(f"w:{t}" for t in (
    "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange"))
_KIND = {"default": WD_HEADER_FOOTER.PRIMARY, "first": WD_HEADER_FOOTER.FIRST_PAGE}


def set_page(sect, *, width: Length | None = None, height: Length | None = None, landscape: bool | None = None,
             top: Length | None = None, bottom: Length | None = None, left: Length | None = None,
             right: Length | None = None) -> None:
    """Set page size, orientation and margins of section element `sect`; None leaves a value as it is."""
    if width is not None:
        sect.page_width = width
    if height is not None:
        sect.page_height = height
    if landscape is not None:
        sect.orientation = WD_ORIENT.LANDSCAPE if landscape else None
    for name, value in (("top_margin", top), ("bottom_margin", bottom), ("left_margin", left),
                        ("right_margin", right)):
        if value is not None:
            setattr(sect, name, value)


def set_page_numbering(sect, *, decimal: bool = False, start: int | None | bool = False) -> None:
    """Set the page-number format of `sect` to plain digits (`decimal`) and its `start` (None: continue; False: keep)."""
    num = sect.find(qn("w:pgNumType"))
    if num is None:
        if not decimal and start in (None, False):
            return
        num = OxmlElement("w:pgNumType")
        sect.insert_element_before(num, *_AFTER_PGNUMTYPE)
    if decimal:
        num.fmt = None
    if start is not False:
        num.start = start


def set_title_page(sect, on: bool = True) -> None:
    """Turn the "different first page" flag of `sect` on or off."""
    sect.titlePg_val = True if on else None


def header_root(document, sect, kind: str = "default"):
    """Return the root element of the `kind` ("default", "first") header printed by section `sect`.

    A section that names none of its own gets one now (empty, its own part).
    """
    section = Section(sect, document.part)
    header = section.header if kind == "default" else section.first_page_header
    header.is_linked_to_previous = False
    return header._element


def add_page_number(p, size: Length) -> None:
    """Append a PAGE field (the page number) to paragraph element `p`, centred, its digits `size` high."""
    set_paragraph_format(p, align="center")
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"), ("end", None)):
        r = p.add_r()
        set_run_format(r, size=size, bold=False, italic=False)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = text
            r.append(el)
        elif kind == "text":
            r.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            r.append(el)


def remove_page_fields(p) -> bool:
    """Remove every PAGE field (code and shown number) from paragraph element `p`; return True if one was found."""
    found = False
    for simple in list(p.iter(qn("w:fldSimple"))):
        if simple.get(qn("w:instr"), "").split()[:1] == ["PAGE"] and _owner_p(simple) is p:
            simple.getparent().remove(simple)
            found = True
    runs = [r for r in p.iter(W_R) if _owner_p(r) is p]
    field: list = []
    depth = 0
    for r in runs:
        char = r.find(qn("w:fldChar"))
        kind = char.get(qn("w:fldCharType")) if char is not None else None
        if kind == "begin":
            depth += 1
        if depth:
            field.append(r)
        if kind == "end" and depth:
            depth -= 1
            if depth == 0:
                code = "".join(t.text or "" for x in field for t in x.iter(qn("w:instrText")))
                if code.split()[:1] == ["PAGE"]:
                    for x in field:
                        x.getparent().remove(x)
                    found = True
                field = []
    return found


def start_section_before(p) -> object:
    """Make paragraph element `p` (a body paragraph) open a new section; return the new section's `w:sectPr`.

    The part before `p` keeps a copy of the page setup and headers it had; the
    returned `w:sectPr` (the one that already followed `p`) now rules from `p` on.
    An empty paragraph is added before `p` to end the previous section when the
    block before it is a table or a paragraph with text.
    """
    ruling = _ruling_sect(p)
    prev = p.getprevious()
    if prev is None or prev.tag != W_P or paragraph_text(prev).strip() or prev.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") \
            is not None:
        prev = OxmlElement("w:p")
        p.addprevious(prev)
    prev.get_or_add_pPr().insert_element_before(copy.deepcopy(ruling), "w:pPrChange")
    return ruling


def _ruling_sect(p):
    """Return the `w:sectPr` of the section paragraph element `p` belongs to."""
    node = p
    while node is not None:
        sect = node.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if node.tag == W_P else None
        if sect is not None:
            return sect
        node = node.getnext()
    return p.getparent().find(qn("w:sectPr"))
