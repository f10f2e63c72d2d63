"""Building blocks of scripts/build_templates.py: python-docx documents, paragraphs, tables, lines.

Raw XML only where python-docx has no API (borders, fields, table layout, sectPr
bits). Values that are ND30 rules (sizes, margins, indents) are passed in by the
build script; only the font and the fixed document dates live here.
"""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

FONT = "Times New Roman"  # FN-01
CENTER, LEFT, RIGHT, BOTH = (
    WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY
)
FIXED_DATE = dt.datetime(2026, 1, 1, 0, 0, 0)  # core properties, so that builds are identical
A4_SHORT, A4_LONG = 11906, 16838               # A4 in twips (PG-01)


# ----------------------------------------------------------------- XML helpers

def el(tag: str, **attrs: str):
    """Return a new w: element with w: attributes."""
    node = OxmlElement(tag)
    for key, value in attrs.items():
        node.set(qn(f"w:{key}"), value)
    return node


def fonts_el():
    return el("w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)


def set_fonts(rpr) -> None:
    """Give an rPr explicit Times New Roman fonts (no theme fonts) and no colour (FN-01, FN-04)."""
    for old in rpr.findall(qn("w:rFonts")) + rpr.findall(qn("w:color")):
        rpr.remove(old)
    rpr.insert(0, fonts_el())


def box_border(paragraph, right_indent: int) -> None:
    """Draw a single-line box around the paragraph, `right_indent` twips short of the right margin (DF-02)."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = el("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        bdr.append(el(f"w:{side}", val="single", sz="8", space="2", color="000000"))
    anchor = next((ppr.find(qn(t)) for t in ("w:spacing", "w:ind", "w:jc") if ppr.find(qn(t)) is not None), None)
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = el("w:ind")
        jc = ppr.find(qn("w:jc"))
        (jc.addprevious if jc is not None else ppr.append)(ind)
    ind.set(qn("w:left"), "57")
    ind.set(qn("w:right"), str(right_indent))


def bottom_border(paragraph) -> None:
    """Give the paragraph a solid bottom border: the ND30 "nét liền" line (LN-01 b)."""
    ppr = paragraph._p.get_or_add_pPr()
    bdr = el("w:pBdr")
    bdr.append(el("w:bottom", val="single", sz="6", space="1", color="000000"))
    # pBdr must come before spacing/ind/jc in CT_PPr order.
    anchor = ppr.find(qn("w:spacing"))
    if anchor is None:
        anchor = ppr.find(qn("w:ind"))
    if anchor is None:
        anchor = ppr.find(qn("w:jc"))
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def mark_size(paragraph, half_points: int) -> None:
    """Set the size of the paragraph mark (what an empty paragraph's height follows)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = el("w:rPr")
        ppr.append(rpr)  # last child of pPr: nothing here sets sectPr or pPrChange
    rpr.append(el("w:sz", val=str(half_points)))
    rpr.append(el("w:szCs", val=str(half_points)))


def page_field(paragraph) -> None:
    """Append a PAGE field (PN-01, PN-02) to the paragraph."""
    fld = el("w:fldSimple", instr=" PAGE ")
    run = paragraph.add_run("1")
    run.font.size = Pt(14)
    paragraph._p.remove(run._r)
    fld.append(run._r)
    paragraph._p.append(fld)


def no_borders(table) -> None:
    """Remove every border of a layout table (the ND30 header and closing tables are borderless)."""
    tblpr = table._tbl.tblPr
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", val="nil"))
    tblpr.append(borders)


def fixed_layout(table, widths: list[int], indent: int = 0) -> None:
    """Fix the table's column widths (twips), total width and left indent."""
    tblpr = table._tbl.tblPr
    for tag in ("w:tblW", "w:tblInd", "w:tblLayout"):
        for old in tblpr.findall(qn(tag)):
            tblpr.remove(old)
    tblpr.append(el("w:tblW", w=str(sum(widths)), type="dxa"))
    if indent:
        tblpr.append(el("w:tblInd", w=str(indent), type="dxa"))
    tblpr.append(el("w:tblLayout", type="fixed"))
    # python-docx keeps tblPr children in schema order on its own setters only; sort ours.
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
             "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]
    children = sorted(tblpr, key=lambda el: order.index(el.tag.split("}")[1]))
    for child in children:
        tblpr.append(child)
    for col, width in zip(table.columns, widths):
        col.width = Twips(width)
        for cell in col.cells:
            cell.width = Twips(width)


def no_cell_widths(table) -> None:
    """Remove the cells' own widths, so that the grid alone (which docxtpl rescales for {%tc %} loops) sizes them."""
    for tc in table._tbl.iter(qn("w:tc")):
        tcpr = tc.tcPr
        if tcpr is not None:
            for w in tcpr.findall(qn("w:tcW")):
                tcpr.remove(w)


def repeat_header(row) -> None:
    """Mark a table row as a header row repeated on every page."""
    row._tr.get_or_add_trPr().append(el("w:tblHeader"))


def cant_split(row) -> None:
    row._tr.get_or_add_trPr().append(el("w:cantSplit"))


# ----------------------------------------------------------------- document setup

def base_document():
    """Return a new python-docx document with Times New Roman 14 pt everywhere (FN-01, FN-04)."""
    doc = Document()
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default)
    for tag in ("w:sz", "w:szCs", "w:lang"):
        for old in rpr_default.findall(qn(tag)):
            rpr_default.remove(old)
    rpr_default.append(el("w:sz", val="28"))
    rpr_default.append(el("w:szCs", val="28"))
    rpr_default.append(el("w:lang", val="vi-VN", eastAsia="en-US", bidi="ar-SA"))
    for rpr in styles.iter(qn("w:rPr")):  # styles and their table-part conditions
        if rpr.find(qn("w:rFonts")) is not None or rpr.find(qn("w:color")) is not None:
            set_fonts(rpr)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = 1.0
    fonts_of(normal)
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
    props = doc.core_properties
    props.author = props.last_modified_by = "docgen"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    return doc


def drop_initial_paragraph(doc) -> None:
    """Remove the empty paragraph python-docx's default document starts with, if any."""
    for p in doc.paragraphs:
        doc.element.body.remove(p._p)


def fonts_of(style) -> None:
    set_fonts(style.element.get_or_add_rPr())


def paragraph_style(doc, name: str, indent: int, *, bold=False, italic=False, align=BOTH, keep=False):
    """Add a body paragraph style: 14 pt, 6 pt before, 1.15 lines (BD-01…05)."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style.font.size = Pt(14)
    style.font.bold = bold
    style.font.italic = italic
    fonts_of(style)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Twips(indent)
    fmt.space_before, fmt.space_after = Pt(6), Pt(0)
    fmt.line_spacing = 1.15
    fmt.keep_with_next = keep
    fmt.widow_control = True
    return style


def page_setup(section, margins: dict, header_distance: int, landscape: bool = False, restart: bool = False) -> None:
    """Set A4, the margins, a centred 14 pt page number in the header, none on page 1 (PG-*, PN-*)."""
    if landscape:
        section.orientation = 1  # WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Twips(A4_LONG), Twips(A4_SHORT)
    else:
        section.page_width, section.page_height = Twips(A4_SHORT), Twips(A4_LONG)
    section.top_margin = Twips(margins["top"])
    section.bottom_margin = Twips(margins["bottom"])
    section.left_margin = Twips(margins["left"])
    section.right_margin = Twips(margins["right"])
    section.header_distance = section.footer_distance = Twips(header_distance)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = True  # titlePg: no number on page 1 (PN-04, PN-06)
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = CENTER
    page_field(p)
    first = section.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].text = ""
    if restart:  # each appendix numbered from 1 (PN-05)
        sectpr = section._sectPr
        pgnum = el("w:pgNumType", start="1")
        anchor = sectpr.find(qn("w:cols"))
        if anchor is None:
            anchor = sectpr.find(qn("w:titlePg"))
        anchor.addprevious(pgnum)


def text_width(section) -> int:
    return section.page_width.twips - section.left_margin.twips - section.right_margin.twips


# ----------------------------------------------------------------- paragraph helpers

def para(container, text: str = "", *, size: float = 14, bold=False, italic=False, align=CENTER,
          before: float = 0, after: float = 0, style=None, first: int | None = None, left: int | None = None,
          hanging: int | None = None, keep=False):
    """Add a single-run paragraph (one run keeps any Jinja tag whole) and return it."""
    p = container.add_paragraph(style=style)
    fmt = p.paragraph_format
    if style is None:
        fmt.alignment = align
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.0  # single-spaced header lines (AG-05, TN-03)
    if first is not None:
        fmt.first_line_indent = Twips(first)
    if left is not None:
        fmt.left_indent = Twips(left)
    if hanging is not None:
        fmt.first_line_indent = Twips(-hanging)
    if keep:
        fmt.keep_with_next = True
    if text:
        run = p.add_run(text)
        if style is None:
            run.font.size = Pt(size)
            run.font.bold = bold or None
            run.font.italic = italic or None
    elif style is None:
        mark_size(p, int(size * 2))
    return p


def tag(container, text: str):
    """Add a paragraph holding only a docxtpl paragraph tag ({%p … %}); it vanishes on rendering."""
    p = container.add_paragraph()
    p.add_run(text)
    return p


def rule(container, length_mm: float, width_twips: int, before: float = 3):
    """Add a centred solid line `length_mm` long in a space `width_twips` wide (LN-01…03)."""
    side = max(0, (width_twips - int(Mm(length_mm).twips)) // 2)
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = Twips(side)
    fmt.space_before, fmt.space_after = Pt(before), Pt(0)
    fmt.line_spacing = Pt(2)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    mark_size(p, 4)
    bottom_border(p)
    return p


def first_paragraph(cell):
    """Return the cell's own empty paragraph, to be filled first (a cell always has one)."""
    return cell.paragraphs[0]


def fill(cell, text: str, **kw):
    """Write a single-run paragraph into the cell's first, empty paragraph."""
    p = first_paragraph(cell)
    fmt = p.paragraph_format
    fmt.alignment = kw.get("align", CENTER)
    fmt.space_before, fmt.space_after = Pt(kw.get("before", 0)), Pt(kw.get("after", 0))
    fmt.line_spacing = 1.0
    run = p.add_run(text)
    run.font.size = Pt(kw.get("size", 14))
    run.font.bold = kw.get("bold") or None
    run.font.italic = kw.get("italic") or None
    return p

def two_runs(doc, bold: str, plain: str, style: str):
    """Add a body paragraph of a bold run then a plain run (section number and title, then text)."""
    p = para(doc, bold, style=style)
    p.runs[0].font.bold = True
    p.add_run(plain)
    return p


def cell_margins(table, side: int) -> None:
    """Set the table's left/right cell margins (twips)."""
    mar = el("w:tblCellMar")
    mar.append(el("w:left", w=str(side), type="dxa"))
    mar.append(el("w:right", w=str(side), type="dxa"))
    tblpr = table._tbl.tblPr
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(mar)
    else:
        tblpr.append(mar)

