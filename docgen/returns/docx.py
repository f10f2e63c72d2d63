"""A unit's Word submission returned: problem cells shaded and commented, the list as a table at the end; or normalised.

python-docx keeps every part of a package it loads (parts it does not know are
copied as they are), so the document is loaded, marked and saved: Word comments
anchored on the cell's text (python-docx ≥ 1.2), cell shading, and a bookmark
on each marked cell that the list's «Vị trí» links to.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.shared import Pt
from docx.table import Table, _Cell
from docx.text.run import Run

from docgen.ooxml.marks import (add_bookmark, add_internal_link, cell_runs, grid_borders, next_bookmark_id,
                                set_cell_text, shade_cell)
from docgen.ooxml.wrappers import show_as_read
from docgen.records.model import Severity
from docgen.returns.marks import AUTHOR, ReturnPlan, Spot
from docgen.returns.wording import (ERROR_RGB, LIST_COLUMNS, WARNING_RGB, legend, list_heading, nothing_to_fix,
                                    severity_word)

INITIALS = "DG"
_SHARES = (5, 9, 8, 16, 34, 28)   # relative widths of the list's columns


def _open(data: bytes) -> Document:
    """Return the unit's document as the reader saw it (readers.docx), so that its cells are where it counted them."""
    document = docx.Document(io.BytesIO(data))
    show_as_read(document.element.body)
    return document


def _save(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _tables(document: Document) -> dict[str, Table]:
    """Return the body's tables by the name the reader gives them ("Bảng 1", "Bảng 2" …)."""
    found = [block for block in document.iter_inner_content() if isinstance(block, Table)]
    return {f"Bảng {i}": t for i, t in enumerate(found, start=1)}


def _cell(tables: dict[str, Table], spot: Spot) -> _Cell | None:
    """Return the cell at a spot: row and layout-grid column, as the reader counts them."""
    table = tables.get(spot.sheet)
    if table is None or not 0 < spot.row <= len(table.rows):
        return None
    row = table.rows[spot.row - 1]
    index = spot.col - getattr(row, "grid_cols_before", 0)
    cells = row.cells
    return cells[index] if 0 <= index < len(cells) else None


def annotated_document(data: bytes, plan: ReturnPlan, heading: str) -> bytes:
    """Return the document `data` with each noted cell shaded and commented, and the list as a table at the end."""
    document = _open(data)
    tables = _tables(document)
    marks: dict[Spot, str] = {}
    bookmark = next_bookmark_id(document.element.body)
    for note in plan.notes:
        cell = _cell(tables, note.spot)
        if cell is None:
            continue
        shade_cell(cell._tc, ERROR_RGB if note.is_error else WARNING_RGB)
        _comment(document, cell, note.text)
        name = f"docgen_{bookmark}"
        add_bookmark(cell.paragraphs[0]._p, name, bookmark)
        marks[note.spot] = name
        bookmark += 1
    for entry in plan.entries:   # a missing unit's row: a bookmark on the row it goes next to
        if entry.spot is not None and entry.spot not in marks:
            cell = _cell(tables, entry.spot)
            if cell is not None:
                marks[entry.spot] = f"docgen_{bookmark}"
                add_bookmark(cell.paragraphs[0]._p, marks[entry.spot], bookmark)
                bookmark += 1
    _list_table(document, plan, heading, marks)
    return _save(document)


def _comment(document: Document, cell: _Cell, text: str) -> None:
    runs = cell_runs(cell._tc)
    document.add_comment([Run(runs[0], cell), Run(runs[-1], cell)], text=text, author=AUTHOR, initials=INITIALS)


def _list_table(document: Document, plan: ReturnPlan, heading: str, marks: dict[Spot, str]) -> None:
    """Append the heading, the legend and the table «Vấn đề cần sửa» at the end of the document."""
    document.add_page_break()
    title = document.add_paragraph()
    title.add_run(list_heading(heading)).bold = True
    errors = sum(1 for e in plan.entries if e.problem.severity is Severity.ERROR)
    document.add_paragraph(legend(errors, len(plan.entries) - errors, word=True))
    if not plan.entries:
        document.add_paragraph(nothing_to_fix())
        return
    table = document.add_table(rows=1, cols=len(LIST_COLUMNS))
    grid_borders(table._tbl)
    for cell, text in zip(table.rows[0].cells, LIST_COLUMNS):
        _text(cell, text, bold=True)
        shade_cell(cell._tc, "D9D9D9")
    for e in plan.entries:
        cells = table.add_row().cells
        _text(cells[0], str(e.number))
        _text(cells[1], severity_word(e.problem.severity))
        shade_cell(cells[1]._tc, ERROR_RGB if e.problem.severity is Severity.ERROR else WARNING_RGB)
        _text(cells[2], e.problem.rule)
        anchor = marks.get(e.spot) if e.spot else None
        if anchor:
            add_internal_link(cells[3].paragraphs[0]._p, anchor, e.place)
            _size(cells[3])
        else:
            _text(cells[3], e.place)
        _text(cells[4], e.problem.message)
        _text(cells[5], e.todo)
    _widths(document, table)


def _text(cell: _Cell, text: str, bold: bool = False) -> None:
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold or None
    run.font.size = Pt(10)


def _size(cell: _Cell) -> None:
    paragraph = cell.paragraphs[0]
    for r in paragraph._p.iter("{*}r"):
        Run(r, paragraph).font.size = Pt(10)


def _widths(document: Document, table: Table) -> None:
    section = document.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    table.autofit = False
    for column, share in zip(table.columns, _SHARES):
        column.width = int(usable * share / sum(_SHARES))
    for row in table.rows:
        for cell, share in zip(row.cells, _SHARES):
            cell.width = int(usable * share / sum(_SHARES))


def normalised_document(data: bytes, plan: ReturnPlan) -> bytes:
    """Return the document `data` with each change of the plan written into its cell and commented; nothing else."""
    document = _open(data)
    tables = _tables(document)
    for change in plan.changes:
        cell = _cell(tables, change.spot)
        if cell is None:
            continue
        set_cell_text(cell._tc, change.new)
        _comment(document, cell, change.note)
    return _save(document)
