"""A header block typed with tabs (or runs of spaces) instead of a table: its lines read as two columns (LY-01).

A clerk without a table types "ỦY BAN MTTQ VIỆT NAM⇥⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA
VIỆT NAM" and so on, line by line. Each line is cut at its first gap: what comes
before is the left column (agency names, "Số:", "V/v"), what comes after the
right one (Quốc hiệu, Tiêu ngữ, place and date). A line with no gap belongs to
the left column, unless it is the Tiêu ngữ or the date. The views of the two
sides (`Paragraph.part`) are checked like the cells of a header table; `--sua`
makes the table (fix_tabs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.nd30.kinds import TYPE_NAMES
from docgen.nd30.layout import QH_MARK, Layout, lines_of, nonempty, norm, starts_with
from docgen.nd30.typography import TN_TEXT, letters_key
from docgen.ooxml.text import Paragraph, Table

TAB_GAP = re.compile(r"\t[\t ]*| {3,}")
NUMBER_LINE = re.compile(r"^số\b", re.I)
DATE_LINE = re.compile(r",\s*ngày|ngày.*năm")


@dataclass(frozen=True)
class TabbedLine:
    """One line of a header typed with tabs: its left and right sides (None when empty)."""

    line: Paragraph
    left: Paragraph | None
    right: Paragraph | None


def find_tabbed_header(lay: Layout, main: list) -> int | None:
    """Fill the header parts of a header typed with tabs; return the index in `main` after it (None: not such a header)."""
    paragraphs = []
    for b in main[:12]:
        if isinstance(b, Table):
            break
        paragraphs.append(b)
    lines = nonempty(lines_of(paragraphs))
    at = next((k for k, p in enumerate(lines) if QH_MARK in norm(p.text).upper()), None)
    if at is None or not _gap_before(lines[at].text, QH_MARK):
        return None
    end = at
    for k in range(at + 1, min(len(lines), at + 7)):
        t = norm(lines[k].text)
        if t.upper() in TYPE_NAMES or starts_with(lines[k], "kính gửi"):
            break
        if NUMBER_LINE.match(t) or DATE_LINE.search(t) or _two_sided(lines[k].text):
            end = k
        elif starts_with(lines[k], "v/v", "về việc") and k == end + 1:
            end = k
    lay.tabbed = [_sides(p) for p in lines[:end + 1]]
    lay.left = [t.left for t in lay.tabbed if t.left is not None]
    lay.right = [t.right for t in lay.tabbed if t.right is not None]
    last = lines[end].element
    return next(i for i, b in enumerate(paragraphs) if b.element is last) + 1


def _two_sided(text: str) -> bool:
    """Return True when a line has text on both sides of a gap, or only the Tiêu ngữ after one (not a body line
    indented with a tab)."""
    gap = TAB_GAP.search(text)
    if gap is None:
        return False
    return bool(text[:gap.start()].strip()) or _right_only(text[gap.end():])


def _gap_before(text: str, mark: str) -> bool:
    upper = text.upper()
    cut = upper.find("CỘNG") if "CỘNG" in upper else upper.find(mark)
    return bool(TAB_GAP.search(text[:max(cut, 0)]))


def _sides(line: Paragraph) -> TabbedLine:
    """Return the two sides of a header line: cut at its first gap."""
    text, whole = line.text, line.whole if line.line is not None else line
    offset = line.start if line.line is not None else 0
    gap = TAB_GAP.search(text)
    if gap is None:
        side = "right" if _right_only(text) else "left"
        view = _part(whole, line, offset, text, 0, len(text), side)
        return TabbedLine(line, view if side == "left" else None, view if side == "right" else None)
    left = _part(whole, line, offset, text, 0, gap.start(), "left")
    right = _part(whole, line, offset, text, gap.end(), len(text), "right")
    return TabbedLine(line, left, right)


def _right_only(text: str) -> bool:
    return letters_key(text) == letters_key(TN_TEXT) or bool(DATE_LINE.search(norm(text)))


def _part(whole: Paragraph, line: Paragraph, offset: int, text: str, a: int, b: int, column: str) -> Paragraph | None:
    """Return the view of text[a:b] of `line` without its surrounding spaces (None when nothing is left)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a == b:
        return None
    return whole.part(line, offset + a, offset + b, column)
