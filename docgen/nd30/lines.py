"""The solid lines ND30 asks for under the issuing body, the Tiêu ngữ and the trích yếu (LN-01, LN-02)."""

from __future__ import annotations

from dataclasses import dataclass

from docgen.nd30.describe import main_size, all_bold, num
from docgen.nd30.layout import norm
from docgen.nd30.metrics import text_width_mm
from docgen.nd30.rules import Finding, finding
from docgen.ooxml.text import Paragraph


@dataclass(frozen=True)
class Line:
    """A line found under an element: its form, its length in mm (None when unknown), the paragraph holding it."""

    form: str  # "shape", "border", "underline", "underscores"
    length_mm: float | None
    paragraph: Paragraph | None = None


def _column_mm(p: Paragraph) -> float | None:
    width = p.place.get("width")
    return width.mm if width is not None else None


def _border_length(p: Paragraph, column: float | None) -> float | None:
    if column is None:
        return None
    cell_padding = 2 * 1.9  # Word's default cell margins, 0.19 cm each side
    return column - cell_padding - p.format.left.mm - p.format.right.mm


def line_under(p: Paragraph, siblings: list[Paragraph], allow_underline: bool = False) -> Line | None:
    """Return the line under `p` (shape in it or in the next empty paragraphs, bottom border, underline)."""
    column = _column_mm(p)
    if p.line_shapes:
        w = p.line_shapes[0].width
        return Line("shape", w.mm if w is not None else None, p)
    if p.format.border_bottom:
        return Line("border", _border_length(p, column), p)
    if allow_underline:
        runs = [r for r in p.runs if r.text.strip()]
        if runs and all(r.format.underline for r in runs):
            return Line("underline", None)
    if p.line is not None and not p.last_line:
        return None  # a line typed with Shift+Enter: the next line of its paragraph is right under it
    try:
        i = next(k for k, s in enumerate(siblings) if s.same(p))
    except StopIteration:
        if p.line is None:
            return None
        return line_under(p.whole, siblings) if any(s.same(p.whole) for s in siblings) else None
    for nxt in siblings[i + 1:i + 3]:
        text = norm(nxt.text)
        if nxt.line_shapes:
            w = nxt.line_shapes[0].width
            return Line("shape", w.mm if w is not None else None, nxt)
        if text and set(text) <= {"_", "-", "—", " "} and "_" in text:
            return Line("underscores", None, nxt)
        if nxt.format.border_top and text == "":
            continue
        if text:
            return None
        if nxt.format.border_bottom or nxt.format.border_top:
            return Line("border", _border_length(nxt, _column_mm(nxt) or column), nxt)
    return _shape_elsewhere_in_cell(p, siblings)


def _shape_elsewhere_in_cell(p: Paragraph, siblings: list[Paragraph]) -> Line | None:
    """Return a line shape anchored in another paragraph of the same table cell (Word often does that)."""
    if "row" not in p.place:
        return None
    key = (p.place.get("table"), p.place["row"], p.place["col"])
    for s in siblings:
        if (s.place.get("table"), s.place.get("row"), s.place.get("col")) == key and s.line_shapes:
            w = s.line_shapes[0].width
            return Line("shape", w.mm if w is not None else None, s)
    return None


def check_line(p: Paragraph, siblings: list[Paragraph], rule: str, where: str, ratio: tuple[float, float],
               allow_underline: bool = False) -> list[Finding]:
    """Return findings for the line under `p`: `rule` when missing, LN-01 for its form, LN-02 for its length.

    `ratio` is the wanted length as a fraction of the text width (1/3–1/2, or 1–1).
    """
    line = line_under(p, siblings, allow_underline)
    if line is None:
        return [finding(rule, where, "không có đường kẻ")]
    out = []
    if line.form == "underscores":
        out.append(finding("LN-01", where, "đường kẻ gõ bằng dấu gạch dưới «____»"))
    if line.form == "underline":
        underlined = "".join(r.text for r in p.runs if r.format.underline)
        if underlined != underlined.strip():
            out.append(finding("LN-01", where, "gạch chân cả dấu cách ở đầu hoặc cuối dòng"))
    if line.length_mm is not None:
        size = main_size(p) or 13
        text = width = text_width_mm(norm(p.text), size, all_bold(p))
        column = _column_mm(p)
        if column:
            text = min(width, column - 3.8)
        lo, hi = ratio[0] * text * 0.85, ratio[1] * text * 1.15
        if not lo <= line.length_mm <= hi:
            out.append(finding("LN-02", where, f"đường kẻ dài {num(line.length_mm)} mm, dòng chữ ≈ {num(text)} mm",
                               expected=f"{num(lo)}–{num(hi)} mm ({rule})"))
    return out
