"""LY-01: a header block typed with tabs becomes the two-column borderless table of ND30's models.

Each line's left side goes to the left column, its right side to the right
column; the lines from "Số:" on make the second row, so the number and the date
stand level (DT-01). The text of every side is copied with its runs' formatting:
no character changes. The next round fixes the lines in their cells.
"""

from __future__ import annotations

from docgen.nd30.fix_tools import FixLog
from docgen.nd30.layout import Parts
from docgen.nd30.layout_tabs import NUMBER_LINE
from docgen.nd30.describe import norm, where
from docgen.ooxml import Length
from docgen.ooxml.edit import drop
from docgen.ooxml.edit_blocks import borderless_table, copy_part

# PL III Mẫu 1.4, 1.5: the right column keeps the Quốc hiệu on one line (QH-04: ≥ 100 mm at 13 pt);
# the table reaches 3.5 mm into the left margin (tblInd −199), as the models do.
RIGHT_MM, OVERHANG_MM, LEFT_MIN_MM = 100.0, 3.5, 55.0


def fix_header_table(parts: Parts, found: set[str], log: FixLog) -> None:
    """Put the lines of a header typed with tabs into a two-column borderless table (LY-01)."""
    lay = parts.layout
    if "LY-01" not in found or not lay.tabbed:
        return
    cells = [[[], []], [[], []]]
    row = 0
    for t in lay.tabbed:
        if t.left is not None and NUMBER_LINE.match(norm(t.left.text)):
            row = 1
        for col, side in enumerate((t.left, t.right)):
            if side is not None:
                cells[row][col].append(copy_part(side.element, *side.span))
    rows = [r for r in cells if r[0] or r[1]]
    first = lay.tabbed[0].line.element
    elements = _header_paragraphs(parts, first, lay.tabbed[-1].line.element)
    table = borderless_table(rows, _widths(parts), Length(int(-OVERHANG_MM * 36000)))
    first.addprevious(table)
    place = where(lay.tabbed[0].line)
    for el in elements:
        drop(el)
    log.add("LY-01", (place, table), "các dòng gõ cách cột bằng phím Tab → bảng hai cột không viền")


def _header_paragraphs(parts: Parts, first, last) -> list:
    """Return the body paragraph elements from `first` to `last`, the empty ones between included."""
    out, inside = [], False
    for b in parts.blocks:
        el = b.element
        inside = inside or el is first
        if inside:
            out.append(el)
        if el is last:
            return out
    return out


def _widths(parts: Parts) -> list[Length]:
    """Return the two column widths: the right one 100 mm, the left one what the text width (once the margins are
    in range) leaves, with the overhang."""
    s = parts.sections[0] if parts.sections else None
    left = min(max(s.left.mm if s is not None and s.left is not None else 30, 30), 35)
    right = min(max(s.right.mm if s is not None and s.right is not None else 20, 15), 20)
    width = (s.page_width.mm if s is not None and s.page_width is not None and not s.landscape else 210.0)
    total = min(width, 210.0) - left - right + OVERHANG_MM
    right_col = min(RIGHT_MM, total - LEFT_MIN_MM)
    return [Length(int((total - right_col) * 36000)), Length(int(right_col * 36000))]
