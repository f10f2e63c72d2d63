"""What a returned file carries for a campaign with its own form (`[bieu_mau]`): the same plan as a page list's.

`plan_form_return` turns a checked `FormSubmission` into the `ReturnPlan` the
writers (`returns.xlsx`, `returns.docx`) lay out, exactly as `marks.plan_return`
does for a page list: a note on each problem cell, the numbered list «Vấn đề
cần sửa», and the normalised copy's changes — the values docgen read and
normalised (BM-03, DV-04), written back in their clean form. A workbook gets a
number or a date where the column's kind is one (so "102.000.000" typed as text
becomes the number 102000000 the cell's format shows), a Word table the text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from docgen.checks.form_check import FormSubmission
from docgen.records.model import Problem
from docgen.returns.marks import (Change, Entry, ReturnPlan, Spot, change_note, clean_text, mark_problems, normalised_cells,
                                  position, todo_text)

_EXCEL_EPOCH = dt.date(1899, 12, 30)   # Excel's day 0 for the dates it stores as serial numbers


def plan_form_return(sub: FormSubmission, normalised_name: str) -> ReturnPlan:
    """Return the notes, list and changes of the files returned for a form campaign's checked file."""
    def entry(number: int, p: Problem, spot: Spot | None) -> Entry:
        # A form's blank rows are already there: a unit missing (DV-02) is a row to fill, said by its fix.
        place = " › ".join(x for x in (p.location.sheet, p.location.cell) if x) if spot else p.location.sheet
        return Entry(number, p, place or "cả tệp", todo_text(p, normalised_name), spot)

    by_spot, notes, entries = mark_problems(sub.problems, _first_columns(sub), normalised_name, entry)
    return ReturnPlan(notes, entries, _changes(sub, by_spot))


def _first_columns(sub: FormSubmission) -> dict[str, int]:
    """Return, per sheet, the form table's first column (where a whole-row note goes)."""
    first: dict[str, int] = {}
    for row in sub.rows:
        for cell in row.cells.values():
            pos = position(cell or "")
            if pos and pos[1] is not None and row.location.sheet:
                first[row.location.sheet] = min(first.get(row.location.sheet, pos[1]), pos[1])
    return first


def _changes(sub: FormSubmission, by_spot: dict[Spot, list[Problem]]) -> tuple[Change, ...]:
    """Return, per normalised cell, the clean value to write (the last normalising problem's), with its note."""
    typed = {(row.location.sheet, cell): (row.raw.get(key), row.values.get(key))
             for row in sub.rows for key, cell in row.cells.items()}
    out = []
    for spot, done in normalised_cells(by_spot):
        last = done[-1]
        raw, value = typed.get((last.location.sheet, last.location.cell), (None, None))
        old = "" if raw is None else clean_text(str(raw))
        new = clean_text(last.fix)
        number = _number(value) if last.rule == "BM-03" else None
        said = f"«{old}» → «{new}»" if old else f"«{new}»"
        if number is not None and isinstance(raw, str):   # text that reads as a number or a date: now one
            said = f"«{old}» ghi dạng chữ → ghi lại thành {'ngày' if isinstance(value, dt.date) else 'số'} {new}"
        out.append(Change(spot, old, new, change_note(done, said), number))
    return tuple(out)


def _number(value) -> float | None:
    """Return what a workbook cell stores for a read value: a number, a date's serial; None for text.

    >>> _number(102000000), _number(Decimal("1.5")), _number(dt.date(2026, 11, 2)), _number("Có"), _number(True)
    (102000000, 1.5, 46328, None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return (value - _EXCEL_EPOCH).days
    return None
