"""Paragraphs, runs, tables and line shapes of a document, in reading order.

`body_blocks(document)` returns the top-level blocks of the body (Paragraph and
Table views), each knowing its section; `story_blocks(element)` does the same
for a header or footer. Views hold their element and compute text and effective
formatting on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from docgen.ooxml import Length, qn, twips, whole
from docgen.ooxml.shapes import LineShape, line_shapes
from docgen.ooxml.styles import Formatting, ParaFormat, RunFormat

W_P, W_R, W_TBL, W_TR, W_TC, W_SDT = (qn(t) for t in ("w:p", "w:r", "w:tbl", "w:tr", "w:tc", "w:sdt"))
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
              qn("w:noBreakHyphen"): "-", qn("w:ptab"): "\t"}
_TXBX = qn("w:txbxContent")


@dataclass(frozen=True)
class Run:
    """One run's text and effective formatting; `element` is its `w:r` (for editing)."""

    text: str
    format: RunFormat
    element: object = field(default=None, compare=False, repr=False)


def _owner_p(el):
    """Return the nearest enclosing paragraph element of `el`."""
    node = el.getparent()
    while node is not None and node.tag != W_P:
        node = node.getparent()
    return node


def run_text(r, row=None) -> str:
    """Return the visible text of run element `r` (tabs as \\t, breaks as \\n).

    `row` is None, or (LongTable, row number) when `r` belongs to a long table's row shape:
    the `w:t` texts are then that row's own.
    """
    parts = []
    for child in r:
        if child.tag in _TEXT_TAGS:
            fixed = _TEXT_TAGS[child.tag]
            if fixed is not None:
                parts.append(fixed)
            elif row is None:
                parts.append(child.text or "")
            else:
                parts.append(row[0].text(row[1], child))
    return "".join(parts)


class Paragraph:
    """A paragraph: its text, runs, effective formatting, line shapes and place.

    `place` is a dict the caller fills: "section" (0-based), "index" (body
    paragraph number, 1-based), and for table cells "table", "row", "col", "depth".
    `line` is None for a whole paragraph; `lines` gives the views of the lines a
    paragraph typed with soft line breaks (Shift+Enter) holds.
    """

    line: int | None = None
    span: tuple[int, int] | None = None  # the characters of the paragraph a line view holds

    def __init__(self, element, fmt: Formatting, table_style: str | None = None, place: dict | None = None,
                 row=None):
        self.element = element
        self._fmt = fmt
        self.table_style = table_style
        self.place = place or {}
        self._row = row  # (LongTable, row number) for a paragraph of a long table's row (see run_text)

    def same(self, other: Paragraph) -> bool:
        """Return True when `other` views the same paragraph of the document (rows of a long table share XML)."""
        return self.element is other.element and self._row == other._row and self.span == other.span

    @cached_property
    def lines(self) -> list[Paragraph]:
        """Return one view per line of a paragraph typed with soft line breaks (`w:br`, Shift+Enter); [self] when none."""
        return self.merged_lines(0, None)

    def part(self, line: Paragraph, start: int, end: int, column: str) -> Paragraph:
        """Return a view of characters start…end of `line` (a line of this paragraph): one column of a line typed with tabs."""
        from docgen.ooxml.linebreaks import LineView

        view = LineView(self, line.line or 0, 1, len(self.text.split("\n")), start, end)
        view.column = column
        return view

    def merged_lines(self, first: int, count: int | None) -> list[Paragraph]:
        """Return the line views with lines first…first+count−1 seen as one line (a name broken by mistake).

        `count` None: every line on its own.
        """
        segments = self.text.split("\n")
        if len(segments) == 1:
            return [self]
        from docgen.ooxml.linebreaks import LineView

        out, pos, i = [], 0, 0
        while i < len(segments):
            n = count if count and i == first else 1
            end = pos + sum(len(s) for s in segments[i:i + n]) + n - 1
            out.append(LineView(self, i, n, len(segments), pos, end))
            pos, i = end + 1, i + n
        return out

    def _own_runs(self):
        for r in self.element.iter(W_R):
            if _owner_p(r) is self.element:
                yield r

    @cached_property
    def runs(self) -> list[Run]:
        """Return the runs that carry text (empty runs left out), with effective formatting."""
        style = self.format.style_id
        out = []
        for r in self._own_runs():
            text = run_text(r, self._row)
            if text:
                out.append(Run(text, self._run_format(r, style), r))
        return out

    def _run_format(self, r, style: str | None) -> RunFormat:
        if self._row is None:
            return self._fmt.run(r, style, self.table_style)
        memo = self._row[0].formats  # rows of a long table share their shape's elements: resolve once
        key = (r, style, self.table_style)
        if key not in memo:
            memo[key] = self._fmt.run(r, style, self.table_style)
        return memo[key]

    @cached_property
    def text(self) -> str:
        """Return the paragraph's visible text."""
        return "".join(run_text(r, self._row) for r in self._own_runs())

    @cached_property
    def format(self) -> ParaFormat:
        """Return the effective paragraph formatting."""
        if self._row is None:
            return self._fmt.paragraph(self.element, self.table_style)
        memo = self._row[0].formats
        key = (self.element, self.table_style)
        if key not in memo:
            memo[key] = self._fmt.paragraph(self.element, self.table_style)
        return memo[key]

    @cached_property
    def all_run_formats(self) -> list[RunFormat]:
        """Return the formatting of every run, text or not (field codes, empty field results)."""
        style = self.format.style_id
        return [self._run_format(r, style) for r in self._own_runs()]

    @cached_property
    def mark_format(self) -> RunFormat:
        """Return the effective formatting of the paragraph mark (what an empty line shows)."""
        ppr = self.element.find(qn("w:pPr"))
        holder = ppr if ppr is not None and ppr.find(qn("w:rPr")) is not None else self.element
        return self._fmt.run(holder, self.format.style_id, self.table_style)

    @cached_property
    def field_codes(self) -> list[str]:
        """Return the instructions of the fields in this paragraph ("PAGE", "NUMPAGES" …)."""
        codes = [f.get(qn("w:instr"), "").strip() for f in self.element.iter(qn("w:fldSimple"))]
        current: list[str] | None = None
        for el in self.element.iter(qn("w:fldChar"), qn("w:instrText")):
            if el.tag == qn("w:instrText"):
                if current is not None:
                    current.append(el.text or "")
                continue
            kind = el.get(qn("w:fldCharType"))
            if kind == "begin":
                current = []
            elif kind in ("separate", "end") and current is not None:
                codes.append("".join(current).strip())
                current = None
        return codes

    @property
    def has_page_field(self) -> bool:
        """Return True when the paragraph shows the page number (a PAGE field)."""
        return any(code.upper().split()[:1] == ["PAGE"] for code in self.field_codes)

    @cached_property
    def line_shapes(self) -> list[LineShape]:
        """Return the horizontal line shapes (DrawingML or VML) anchored in this paragraph."""
        return line_shapes(self.element)

    @property
    def page_break_before(self) -> bool:
        """Return True when the paragraph starts with a page break."""
        return any(br.get(qn("w:type")) == "page" for br in self.element.iter(qn("w:br")))


@dataclass
class Cell:
    """One table cell: grid position, width (None if unknown) and its blocks."""

    row: int
    col: int
    width: Length | None
    blocks: list = field(default_factory=list)
    merged_continuation: bool = False

    @property
    def paragraphs(self) -> list[Paragraph]:
        """Return the cell's own paragraphs (nested tables left out)."""
        return [b for b in self.blocks if isinstance(b, Paragraph)]


@dataclass
class Table:
    """A table: rows of cells, the table style, column widths, and place.

    A long table's rows (see `package.LongTable`) are made on each access: the same row
    read twice gives equal views, not the same objects.
    """

    element: object
    style: str | None
    rows: Sequence[list[Cell]]
    place: dict

    def cells(self):
        """Yield every cell, row by row."""
        for row in self.rows:
            yield from row

    def all_paragraphs(self):
        """Yield every paragraph in the table, nested tables included, in reading order."""
        for cell in self.cells():
            yield from _walk_paragraphs(cell.blocks)


def _walk_paragraphs(blocks):
    for b in blocks:
        if isinstance(b, Paragraph):
            yield b
        else:
            yield from b.all_paragraphs()


def _content_children(parent):
    """Yield block children, looking through content controls (w:sdt/w:sdtContent)."""
    for child in parent:
        if child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _content_children(content)
        else:
            yield child


def _table(tbl, fmt: Formatting, place: dict, row=None, long=None) -> Table:
    """Return the Table view of `tbl`; `long` is its LongTable when its rows are held compactly."""
    style_el = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    style = style_el.get(qn("w:val")) if style_el is not None else None
    grid = [twips(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol")) if _owner_tbl(g) is tbl]
    if long is not None:
        return Table(tbl, style, _LongRows(long, fmt, place, style, grid), place)
    trs = [tr for tr in _content_children(tbl) if tr.tag == W_TR]
    rows = [_row(tr, r_i, fmt, place, style, grid, row) for r_i, tr in enumerate(trs)]
    return Table(tbl, style, rows, place)


class _LongRows(Sequence):
    """The rows of a long table, each made on access (and not kept), so memory stays bounded.

    Two accesses to one row give different but equal views: compare paragraphs with `Paragraph.same`.
    """

    def __init__(self, long, fmt: Formatting, place: dict, style: str | None, grid: list):
        self._long, self._fmt, self._place, self._style, self._grid = long, fmt, place, style, grid

    def __len__(self) -> int:
        return len(self._long.rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        shape = self._long.rows[i][0]
        return _row(shape, i, self._fmt, self._place, self._style, self._grid, (self._long, i))


def _row(tr, r_i: int, fmt: Formatting, place: dict, style: str | None, grid: list, row) -> list[Cell]:
    out, col = [], 0
    for tc in (c for c in _content_children(tr) if c.tag == W_TC):
        tcpr = tc.find(qn("w:tcPr"))
        span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
        span = max(1, whole(span_el.get(qn("w:val"))) or 1) if span_el is not None else 1
        width = _cell_width(tcpr, grid, col, span)
        vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
        cell = Cell(r_i, col, width, merged_continuation=vmerge is not None
                    and vmerge.get(qn("w:val"), "continue") == "continue")
        cplace = {**place, "row": r_i, "col": col, "depth": place.get("depth", 0), "width": width}
        cell.blocks = _blocks(tc, fmt, cplace, style, row)
        out.append(cell)
        col += span
    return out


def _owner_tbl(el):
    node = el.getparent()
    while node is not None and node.tag != W_TBL:
        node = node.getparent()
    return node


def _cell_width(tcpr, grid: list, col: int, span: int) -> Length | None:
    tcw = tcpr.find(qn("w:tcW")) if tcpr is not None else None
    if tcw is not None and tcw.get(qn("w:type"), "dxa") == "dxa" and tcw.get(qn("w:w")):
        width = twips(tcw.get(qn("w:w")))
        if width:
            return width
    cols = grid[col:col + span]
    if cols and all(c is not None for c in cols):
        return Length(sum(cols))
    return None


def _blocks(container, fmt: Formatting, place: dict, table_style: str | None, row=None) -> list:
    out = []
    for child in _content_children(container):
        if child.tag == W_P:
            out.append(Paragraph(child, fmt, table_style, dict(place), row))
        elif child.tag == W_TBL:
            inner = {**place, "depth": place.get("depth", 0) + 1}
            out.append(_table(child, fmt, inner, row))
    return out


def body_blocks(document, fmt: Formatting) -> list:
    """Return the body's top-level Paragraph and Table views in order, each with its section.

    `document` is a python-docx Document or a `docgen.ooxml.package.Package`.

    Paragraphs are numbered 1, 2, … in `place["index"]`; tables in `place["table"]`;
    `place["section"]` is 0-based and follows the `w:sectPr` inside paragraph marks.
    """
    from docgen.ooxml.package import as_package

    package = as_package(document)
    out, section, p_index, t_index = [], 0, 0, 0
    for child in _content_children(package.body):
        if child.tag == W_P:
            p_index += 1
            out.append(Paragraph(child, fmt, None, {"section": section, "index": p_index}))
            ppr = child.find(qn("w:pPr"))
            if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
                section += 1
        elif child.tag == W_TBL:
            t_index += 1
            out.append(_table(child, fmt, {"section": section, "table": t_index, "depth": 0},
                              long=package.long_tables.get(child)))
    return out


def story_blocks(element, fmt: Formatting, place: dict) -> list:
    """Return the Paragraph and Table views of a header or footer element."""
    return _blocks(element, fmt, place, None)
