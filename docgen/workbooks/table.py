"""A plain list as a workbook: a title, a bold header and rows, every cell text (a leading "=" stays text)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font


def table_bytes(title: str, headers: list[str], rows: list[list[str]]) -> bytes:
    """Return the .xlsx bytes of one sheet: `title` in A1, `headers` on row 3, then `rows`.

    >>> from openpyxl import load_workbook
    >>> ws = load_workbook(io.BytesIO(table_bytes("T", ["a"], [["=1+1"]]))).active
    >>> ws["A4"].value, ws["A4"].data_type
    ('=1+1', 's')
    """
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    _text(sheet.cell(1, 1), title).font = Font(bold=True, size=13)
    for col, name in enumerate(headers, start=1):
        _text(sheet.cell(3, col), name).font = Font(bold=True)
        sheet.column_dimensions[sheet.cell(3, col).column_letter].width = max(14, len(name) + 4)
    for r, row in enumerate(rows, start=4):
        for col, value in enumerate(row, start=1):
            _text(sheet.cell(r, col), value)
            letter = sheet.cell(3, col).column_letter
            sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width, len(str(value)) + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(cell, value):
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"  # set after the value: openpyxl would read a leading "=" as a formula
    return cell
