"""A unit's workbook returned: its problem cells filled and noted, a «Vấn đề cần sửa» sheet; or normalised.

The workbook is edited as a package (`docgen.ooxml.sml`): cells gain a fill and
a note, one sheet is added last, and every other part — pictures, data
validations, Excel 2010 extensions, existing notes, print settings — is copied
as it was. openpyxl's load-and-save would drop several of these.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from docgen.ooxml.sml.cells import SharedStrings, SheetCells, column_name, set_number, set_text, style_of
from docgen.ooxml.sml.comments import add_notes
from docgen.ooxml.sml.package import Workbook
from docgen.ooxml.sml.sheets import NewCell, add_sheet, location_of
from docgen.ooxml.sml.styles import StyleSheet
from docgen.records.model import Severity
from docgen.returns.marks import AUTHOR, ReturnPlan, Spot
from docgen.returns.wording import (ERROR_RGB, LIST_COLUMNS, LIST_TITLE, WARNING_RGB, legend, list_heading,
                                    nothing_to_fix, severity_word)

_WIDTHS = (6, 10, 9, 24, 62, 50)
_LINE_POINTS = 15


def annotated_workbook(data: bytes, plan: ReturnPlan, heading: str) -> bytes:
    """Return the workbook `data` with each noted cell filled (errors red, warnings yellow) and noted, plus the list.

    `heading` names the file and unit on the list sheet. Raises PackageError for a
    package that cannot be edited.
    """
    wb = Workbook(data)
    styles = StyleSheet(wb)
    fills = {True: styles.fill(ERROR_RGB), False: styles.fill(WARNING_RGB)}

    def fill(note):
        def mark(cell) -> str:
            cell.set("s", str(styles.xf(style_of(cell), fill=fills[note.is_error])))
            return note.text
        return mark

    sheets = _mark_cells(wb, [(note.spot, fill(note)) for note in plan.notes])
    _list_sheet(wb, styles, plan, heading, sheets)
    return wb.to_bytes()


def _mark_cells(wb: Workbook, marks: list[tuple[Spot, Callable]]) -> set[str]:
    """Apply each mark to its cell (made when absent) and note the cell with the text the mark returns.

    Returns the titles of the workbook's sheets; a spot on a sheet the workbook lacks is left out.
    """
    parts = dict(wb.sheets())
    cells: dict[str, SheetCells] = {}
    notes: dict[str, dict[tuple[int, int], str]] = {}
    for spot, mark in marks:
        part = parts.get(spot.sheet)
        if part is None:
            continue
        sheet = cells.setdefault(part, SheetCells(wb.edit(part)))
        notes.setdefault(part, {})[(spot.row, spot.col)] = mark(sheet.cell(spot.row, spot.col, create=True))
    for part, texts in notes.items():
        add_notes(wb, part, texts, AUTHOR)
    return set(parts)


def _list_sheet(wb: Workbook, styles: StyleSheet, plan: ReturnPlan, heading: str, sheets: set[str]) -> None:
    border = styles.thin_border()
    body = styles.xf(0, border=border, wrap=True, top=True)
    head = styles.xf(0, font=styles.font(bold=True), fill=styles.fill("D9D9D9"), border=border, wrap=True, top=True)
    link = styles.xf(0, font=styles.font(underline=True, rgb="0563C1"), border=border, wrap=True, top=True)
    level = {sev: styles.xf(0, fill=styles.fill(rgb), border=border, wrap=True, top=True)
             for sev, rgb in ((Severity.ERROR, ERROR_RGB), (Severity.WARNING, WARNING_RGB))}
    title = styles.xf(0, font=styles.font(bold=True, size=13))
    plain = styles.xf(0, wrap=True, top=True)
    errors = sum(1 for e in plan.entries if e.problem.severity is Severity.ERROR)
    rows = [[NewCell(list_heading(heading), title)],
            [NewCell(legend(errors, len(plan.entries) - errors), plain)],
            [NewCell(text, head) for text in LIST_COLUMNS]]
    for e in plan.entries:
        target = location_of(e.spot.sheet, e.spot.row, e.spot.col) if e.spot and e.spot.sheet in sheets else ""
        rows.append([NewCell(str(e.number), body), NewCell(severity_word(e.problem.severity), level[e.problem.severity]),
                     NewCell(e.problem.rule, body), NewCell(e.place, link if target else body, target),
                     NewCell(e.problem.message, body), NewCell(e.todo, body)])
    if not plan.entries:
        rows.append([NewCell(nothing_to_fix(), plain)])
    heights = {2: _height([rows[1][0].text], [sum(_WIDTHS)]), 3: _LINE_POINTS * 1.2}
    for r, cells in enumerate(rows[3:], start=4):
        heights[r] = _height([c.text for c in cells], _WIDTHS)
    end = column_name(len(_WIDTHS) - 1)
    merges = (f"A1:{end}1", f"A2:{end}2") + ((f"A4:{end}4",) if not plan.entries else ())
    add_sheet(wb, LIST_TITLE, rows, list(_WIDTHS), heights, merges, frozen_rows=3, tab_rgb="C00000")


def _height(texts: list[str], widths) -> float:
    """Return a row height (points) that shows wrapped `texts` in columns of `widths` characters."""
    lines = max((sum(max(1, math.ceil(len(part) * 1.1 / max(w - 1, 1))) for part in text.split("\n"))
                 for text, w in zip(texts, widths)), default=1)
    return _LINE_POINTS * max(lines, 1) + 3


def normalised_workbook(data: bytes, plan: ReturnPlan) -> bytes:
    """Return the workbook `data` with each change of the plan written into its cell and noted; nothing else.

    A cell holding a formula is left as it is (its note says so). Raises
    PackageError for a package that cannot be edited.
    """
    wb = Workbook(data)
    sst = wb.shared_strings_part()
    shared = SharedStrings(wb.edit(sst)) if sst else None

    def write(change):
        def mark(cell) -> str:
            if cell.find("{*}f") is not None:
                return f"Ô có công thức nên {AUTHOR} không sửa; giá trị chuẩn là «{change.new}».\n{change.note}"
            if change.number is not None:   # a form's number or date: stored as Excel stores one
                set_number(cell, change.number)
            else:
                set_text(cell, change.new, shared)
            return change.note
        return mark

    _mark_cells(wb, [(change.spot, write(change)) for change in plan.changes])
    return wb.to_bytes()
