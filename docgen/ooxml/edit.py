"""Editing a document in place: run and paragraph formatting, text, empty lines, bordered lines.

Functions take python-docx elements (`w:p`, `w:r`) as the views of `text` hold
them, and change only what they are asked to: a value passed as None is left
as it is. Text is edited character by character inside the runs that hold it
(`replace_text`), so the formatting of every character kept stays its own.
Page setup, headers and page numbers are in `edit_sections`.
"""

from __future__ import annotations

import copy
import difflib

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.text.parfmt import ParagraphFormat

from docgen.ooxml import Length, Pt, qn
from docgen.ooxml.text import W_P, W_R, _owner_p

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "both": WD_ALIGN_PARAGRAPH.JUSTIFY}
_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
W_T, W_TAB, W_BR = qn("w:t"), qn("w:tab"), qn("w:br")
_TEXT_CHILDREN = {W_T: None, W_TAB: "\t", W_BR: "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-",
                  qn("w:ptab"): "\t"}
# Children of w:pPr that come after w:pBdr (ECMA-376 Part 1, 17.3.1.26), for inserting it in order.
_AFTER_PBDR = tuple(f"w:{t}" for t in (
    "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))
# What an empty paragraph may hold and still be dropped: nothing visible, nothing structural.
_KEEPS = tuple(qn(f"w:{t}") for t in ("drawing", "pict", "object", "sectPr", "pBdr", "fldChar", "fldSimple",
                                      "footnoteReference", "endnoteReference", "commentReference"))


# ---- runs

def set_run_format(r, *, font: str | None = None, size: Length | None = None, bold: bool | None = None,
                   italic: bool | None = None, caps: bool | None = None, underline: bool | None = None,
                   black: bool = False) -> None:
    """Set the direct formatting of run element `r`; None leaves a property as it is.

    `font` names the font of all four slots (theme fonts dropped); False for
    bold/italic/caps/underline writes an explicit "off", so a style's value no
    longer applies; `black` sets the colour to automatic (theme colours dropped).
    """
    rpr = r.get_or_add_rPr()
    if font is not None:
        fonts = rpr.get_or_add_rFonts()
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        for slot in _FONT_SLOTS:
            fonts.set(qn(f"w:{slot}"), font)
    for name, value in (("b", bold), ("i", italic), ("caps", caps)):
        if value is not None:
            getattr(rpr, f"get_or_add_{name}")().val = bool(value)
    if size is not None:
        rpr.sz_val = size
    if underline is not None:
        rpr.u_val = WD_UNDERLINE.SINGLE if underline else WD_UNDERLINE.NONE
    if black:
        color = rpr.get_or_add_color()
        color.attrib.clear()
        color.set(qn("w:val"), "auto")


def set_default_font(styles, font: str) -> bool:
    """Make `font` the document default of every font slot in styles element `styles`; return True if it changed."""
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    fonts = rpr.get_or_add_rFonts()
    before = dict(fonts.attrib)
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for slot in _FONT_SLOTS:
        fonts.set(qn(f"w:{slot}"), font)
    return dict(fonts.attrib) != before


# ---- paragraphs

def set_paragraph_format(p, *, align: str | None = None, left: Length | None = None, right: Length | None = None,
                         first_line: Length | None = None, before: Length | None = None,
                         after: Length | None = None, line: float | Length | None = None,
                         line_rule: str | None = None) -> None:
    """Set the direct formatting of paragraph element `p`; None leaves a property as it is.

    `align` is "left", "center", "right" or "both"; `first_line` negative means a
    hanging indent; `line` is a multiple of single spacing (1.0, 1.5) or, with
    `line_rule` "exact"/"atLeast", a Length.
    """
    pf = ParagraphFormat(p)
    if align is not None:
        pf.alignment = _ALIGN[align]
    if left is not None:
        pf.left_indent = left
    if right is not None:
        pf.right_indent = right
    if first_line is not None:
        pf.first_line_indent = first_line
    if before is not None:
        pf.space_before = before
    if after is not None:
        pf.space_after = after
    if line is not None:
        if line_rule in ("exact", "atLeast"):
            pf.line_spacing = line
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY if line_rule == "exact" else WD_LINE_SPACING.AT_LEAST
        else:
            pf.line_spacing = float(line)
    _drop_auto_spacing(p, before is not None, after is not None)


def _drop_auto_spacing(p, before: bool, after: bool) -> None:
    """Remove Word's "auto" spacing flags, which would override a spacing just set."""
    ppr = p.pPr
    spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
    if spacing is None:
        return
    for flag, wanted in (("beforeAutospacing", before), ("afterAutospacing", after)):
        if wanted:
            spacing.attrib.pop(qn(f"w:{flag}"), None)


def remove_paragraph(p) -> bool:
    """Remove paragraph element `p` when it shows nothing and holds nothing structural; return True if removed.

    A table cell keeps at least one paragraph (the schema asks for one).
    """
    if paragraph_text(p).strip() or any(True for _ in p.iter(*_KEEPS)):
        return False
    parent = p.getparent()
    if parent.tag == qn("w:tc") and len(parent.findall(W_P)) <= 1:
        return False
    parent.remove(p)
    return True


def insert_line_after(el, left: Length, right: Length, after: Length = Length(0)):
    """Insert after `el` an empty paragraph drawing a solid line (its bottom border); return it.

    The line runs between the indents `left` and `right` of the column. The
    paragraph is 2 pt high, 3 pt below the text above (as docgen's templates draw
    it), with `after` space below it.
    """
    p = OxmlElement("w:p")
    el.addnext(p)
    set_paragraph_format(p, align="center", left=left, right=right, first_line=Length(0), before=Pt(3),
                         after=after, line=Pt(2), line_rule="exact")
    ppr = p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = border.get_or_add_bottom()
    for name, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{name}"), value)
    ppr.insert_element_before(border, *_AFTER_PBDR)
    mark = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "4")
    mark.append(sz)
    ppr.insert_element_before(mark, "w:sectPr", "w:pPrChange")
    return p


def cell_width(p) -> Length | None:
    """Return the width of the table cell holding paragraph element `p` as it is now (None: not in a cell, or unset)."""
    tc = p.getparent()
    if tc is None or tc.tag != qn("w:tc"):
        return None
    return tc.width


def set_border_indents(p, left: Length, right: Length) -> None:
    """Set the indents that give a bordered empty paragraph's line its length."""
    set_paragraph_format(p, left=left, right=right, first_line=Length(0))


def insert_paragraph_after(el, text: str, like=None):
    """Insert after `el` a paragraph holding `text` in one run; return it.

    `like` is a paragraph whose paragraph and run formatting the new one copies
    (its first run's), so the new line looks like the one it follows.
    """
    p = OxmlElement("w:p")
    if like is not None and like.pPr is not None:
        ppr = copy.deepcopy(like.pPr)
        for sect in ppr.findall(qn("w:sectPr")):
            ppr.remove(sect)
        p.append(ppr)
    r = p.add_r()
    first = next(iter(like.iter(W_R)), None) if like is not None else None
    if first is not None and first.rPr is not None:
        r.insert(0, copy.deepcopy(first.rPr))
    r.text = text
    el.addnext(p)
    return p


def own_runs(p) -> list:
    """Return the run elements of paragraph element `p` (runs of nested text boxes left out)."""
    return [r for r in p.iter(W_R) if _owner_p(r) is p]


def grid_width(tbl) -> Length | None:
    """Return the width of table element `tbl` from its grid (None when the grid does not say)."""
    cols = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    widths = [c.get(qn("w:w")) for c in cols]
    if not widths or not all(w and w.isdigit() for w in widths):
        return None
    return Length(sum(int(w) for w in widths) * 635)


def drop(el) -> None:
    """Remove element `el` (a paragraph of "____" replaced by a drawn line) from its parent."""
    el.getparent().remove(el)


# ---- text

def paragraph_text(p) -> str:
    """Return the visible text of paragraph element `p` (its own runs; tabs as \\t, breaks as \\n)."""
    return "".join(text for _, text in _pieces(p))


def _pieces(p) -> list:
    """Return (child, text) for every text-bearing child of the paragraph's own runs, in order."""
    return [piece for r in own_runs(p) for piece in _run_pieces(r)]


def replace_text(p, new_text: str, start: int = 0, end: int | None = None) -> bool:
    """Change the text of paragraph element `p` to `new_text` with the fewest character edits; return True if changed.

    Only the characters that differ are touched, each inside the run that holds
    its neighbours, so formatting, fields and drawings stay where they are. With
    `start`/`end`, only characters start…end are replaced by `new_text` (one line
    of a paragraph typed with line breaks).
    """
    old = paragraph_text(p)[start:end]
    if old == new_text:
        return False
    ops = difflib.SequenceMatcher(None, old, new_text, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag != "equal":
            _replace_span(p, start + i1, start + i2, new_text[j1:j2])
    return True


def _replace_span(p, start: int, end: int, new: str) -> None:
    pos, placed = 0, not new
    spans = []
    for child, text in _pieces(p):
        spans.append((child, pos, pos + len(text), text))
        pos += len(text)
    for child, s, e, text in spans:
        inside = s < end and e > start
        at_edge = start == end and s <= start <= e and child.tag == W_T
        if not (inside or at_edge):
            continue
        if child.tag == W_T:
            cut_from, cut_to = max(start, s) - s, min(end, e) - s
            insert = "" if placed else new
            placed = True
            _set_t(child, text[:cut_from] + insert + text[cut_to:])
        else:  # a tab or break within the span
            if not placed:
                t = OxmlElement("w:t")
                child.addprevious(t)
                _set_t(t, new)
                placed = True
            child.getparent().remove(child)
    if not placed:  # nothing to hang the text on (an empty paragraph, or a span among tabs)
        _append_text(p, spans, start, new)


def _append_text(p, spans, start: int, new: str) -> None:
    before = [c for c, s, e, _ in spans if e <= start]
    if before:
        t = OxmlElement("w:t")
        before[-1].addnext(t)
    else:
        runs = own_runs(p)
        r = runs[0] if runs else p.add_r()
        t = OxmlElement("w:t")
        r.append(t)
    _set_t(t, new)


def _set_t(t, text: str) -> None:
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def set_span_format(p, start: int, end: int, **fmt) -> None:
    """Set run formatting (as `set_run_format`) on characters `start`…`end` of paragraph element `p` only.

    Runs that straddle an edge are split there first, so the characters outside keep their formatting.
    """
    _split_run_at(p, start)
    _split_run_at(p, end)
    pos = 0
    for r in own_runs(p):
        n = sum(len(text) for _, text in _run_pieces(r))
        if n and start <= pos and pos + n <= end:
            set_run_format(r, **fmt)
        pos += n


def _run_pieces(r) -> list:
    return [(c, _piece_text(c)) for c in r if c.tag in _TEXT_CHILDREN]


def _split_run_at(p, offset: int) -> None:
    """Split the run of `p` that holds characters on both sides of `offset` into two runs of the same formatting."""
    pos = 0
    for r in own_runs(p):
        n = sum(len(text) for _, text in _run_pieces(r))
        if pos < offset < pos + n:
            second = copy.deepcopy(r)
            cut = offset - pos
            at = 0
            for a, b in zip(list(r), list(second)):
                if a.tag == qn("w:rPr"):
                    continue
                length = len(_piece_text(a)) if a.tag in _TEXT_CHILDREN else 0
                if at + length <= cut and not (length == 0 and at >= cut):
                    second.remove(b)  # wholly before the cut: stays in the first run only
                elif at >= cut:
                    r.remove(a)  # wholly after the cut: goes to the second run only
                else:  # a w:t straddling the cut
                    _set_t(a, (a.text or "")[:cut - at])
                    _set_t(b, (b.text or "")[cut - at:])
                at += length
            r.addnext(second)
            return
        pos += n


def _piece_text(child) -> str:
    fixed = _TEXT_CHILDREN[child.tag]
    return (child.text or "") if fixed is None else fixed


# ---- tables

def set_column_widths(tbl, widths: list[Length]) -> None:
    """Set the grid and every cell of table element `tbl` to the column `widths` (cells spanning columns add up)."""
    grid = tbl.find(qn("w:tblGrid"))
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w.twips)))
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            span = tc.grid_span
            tc.width = Length(sum(widths[col:col + span]))
            col += span
    tblw = tbl.tblPr.find(qn("w:tblW")) if tbl.tblPr is not None else None
    if tblw is not None and tblw.get(qn("w:type")) == "dxa":
        tblw.set(qn("w:w"), str(int(sum(w.twips for w in widths))))
