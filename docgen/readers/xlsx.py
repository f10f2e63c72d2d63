"""Read the Phụ lục table (and the "Thông tin" sheet) from an .xlsx workbook.

Strategy (measured in bench/bench_readers.py and bench/bench_kiem_tra.py): the
workbook is opened once, read-only, without openpyxl's size scan of every sheet
(`sheetxml.open_workbook`); the first rows of each sheet are read to find the
header; the sheet holding the table is then streamed once by `sheetxml.SheetParser`
(lxml, openpyxl's cell values), which also yields its merged areas. Formulas
are read as text first; only if the table holds formulas is the sheet read a
second time with `data_only=True` for the values Excel stored. No value is
judged here.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl.utils import get_column_letter, range_boundaries

from docgen.errors import DocgenError, InputError, Location
from docgen.limits import current, raise_hint
from docgen.readers.facts import read_facts
from docgen.readers.guard import Failure
from docgen.readers.layout import (OTHER_CAMPAIGN, SCAN_ROWS, Grid, Header, build_table, find_header, header_key,
                                   looked_for)
from docgen.readers.notes import note
from docgen.readers.sheetxml import SheetParser, open_workbook, paused_gc, quiet_openpyxl
from docgen.records.form import FACTS_SHEET
from docgen.records.model import Facts, Problem, RawTable


_LETTERS = tuple(get_column_letter(i) for i in range(1, 53))


# Excel stores a control character typed in a cell as "_x0007_"; openpyxl leaves the escape as text.
_ESCAPED_CONTROL = re.compile(r"_x(00[01][0-9A-Fa-f])_")


def unescape_controls(text: str) -> str:
    """Return `text` with Excel's escapes of control characters turned back into the characters.

    >>> unescape_controls("Lò_x0007_ Văn_x001F_") == "Lò" + chr(7) + " Văn" + chr(31)
    True
    """
    return _ESCAPED_CONTROL.sub(lambda m: chr(int(m.group(1), 16)), text)


def cell_name(row: int, col: int) -> str:
    """Return the Excel name of a cell (row 1-based, column 0-based).

    >>> cell_name(12, 5)
    'F12'
    """
    return f"{_LETTERS[col] if col < len(_LETTERS) else get_column_letter(col + 1)}{row}"


def area_name(r1: int, c1: int, r2: int, c2: int) -> str:
    """Return the Excel name of an area.

    >>> area_name(7, 0, 8, 9)
    'A7:J8'
    """
    return f"{cell_name(r1, c1)}:{cell_name(r2, c2)}"


def _row_name(row: int) -> str:
    return f"dòng {row}"


def _grid(name: str, sheet: str, rows, merges=(), formulas=frozenset(), uncached=frozenset()) -> Grid:
    return Grid(name, sheet, rows, cell_name, area_name, _row_name, tuple(merges), frozenset(formulas),
                frozenset(uncached))


def _open(path: Path, data_only: bool):
    """Return the workbook opened read-only; a part that cannot be read raises `Failure` naming it."""
    try:
        return open_workbook(path, data_only=data_only)
    except Failure:
        raise
    except Exception as exc:
        raise Failure(exc) from exc


def _probe(ws) -> list[tuple[int, list]]:
    """Return the first rows of a sheet (enough to find the header)."""
    return [(row_no, values) for row_no, values, _ in _rows(ws, data_only=False, until=SCAN_ROWS)]


def _rows(ws, data_only: bool, until: int | None = None, merges: list | None = None):
    """Yield (row number, values, formula columns) of each row of a read-only sheet holding a cell.

    Stops after row `until` when given; the merged areas are appended to `merges`
    when given. What cannot be read raises `Failure` naming the sheet (and cell).
    """
    wb = ws.parent
    part = ws._worksheet_path
    with ws._get_source() as src:
        parser = SheetParser(src, ws._shared_strings, data_only=data_only, epoch=wb.epoch,
                             date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        try:
            for row_no, values, formula_columns in parser.rows(part):
                if until is not None and row_no > until:
                    return
                for col, value in enumerate(values):
                    if type(value) is str and "_x" in value:
                        values[col] = unescape_controls(value)
                yield row_no, values, formula_columns
        except Failure as exc:
            exc.sheet = exc.sheet or ws.title
            raise
        except DocgenError:
            raise
        except Exception as exc:  # lxml's XMLSyntaxError and the like, after the last row read
            after = f"sau {_row_name(parser.row_counter)}" if parser.row_counter else None
            raise Failure(exc, part, ws.title, after) from exc
        if merges is not None and parser.merged_cells is not None:
            merges += _merges(parser.merged_cells.mergeCell, part, ws.title)


def _merges(merged, part: str, sheet: str) -> list[tuple[int, int, int, int]]:
    """Return the merged areas as (first row, first column, last row, last column), columns 0-based."""
    out = []
    for m in merged:
        try:
            c1, r1, c2, r2 = range_boundaries(m.ref)
            if None in (c1, r1, c2, r2):
                raise ValueError(m.ref)
        except Exception as exc:
            raise Failure(exc, part, sheet, what=f"vùng gộp ô «{str(m.ref)[:40]}» không hợp lệ") from exc
        out.append((r1, c1 - 1, r2, c2 - 1))
    return out


def _parse(ws, data_only: bool) -> tuple[list[tuple[int, list]], list[tuple[int, int, int, int]], set[tuple[int, int]]]:
    """Return every row of a read-only sheet, its merged areas and its formula cells, in one pass.

    Raises InputError past the limits on rows and cells (`docgen.limits`), `Failure` for what cannot be read.
    """
    rows: list[tuple[int, list]] = []
    formulas: set[tuple[int, int]] = set()
    merges: list[tuple[int, int, int, int]] = []
    limits = current()
    cells = 0
    for row_no, values, formula_columns in _rows(ws, data_only, merges=merges):
        formulas.update((row_no, col) for col in formula_columns)
        rows.append((row_no, values))
        cells += len(values)
        if len(rows) > limits.max_rows or cells > limits.max_cells:
            raise _too_big(ws.title, len(rows) > limits.max_rows, limits)
    return rows, merges, formulas


def _too_big(sheet: str, by_rows: bool, limits) -> InputError:
    what = (f"hơn {limits.max_rows:,} dòng" if by_rows else f"hơn {limits.max_cells:,} ô").replace(",", ".")
    return InputError(f"Trang tính «{sheet}» có {what}, quá giới hạn docgen đọc một lần. Tách danh sách thành "
                      f"nhiều tệp. {raise_hint('max_rows' if by_rows else 'max_cells')}", Location("", sheet))


def _cached(path: Path, title: str, formulas: set[tuple[int, int]]) -> dict[tuple[int, int], object]:
    """Return the values Excel stored for the formula cells of one sheet (None when not stored)."""
    wb = _open(path, data_only=True)
    try:
        rows, _, _ = _parse(wb[title], data_only=True)
    finally:
        wb.close()
    found = {(r, c): (vals[c] if c < len(vals) else None) for r, vals in rows for c in range(len(vals))
             if (r, c) in formulas}
    return {key: found.get(key) for key in formulas}


def _full_grid(path: Path, ws) -> Grid:
    """Return the whole sheet as a grid, formulas replaced by their stored values where there are some."""
    rows, merges, formulas = _parse(ws, data_only=False)
    uncached: set[tuple[int, int]] = set()
    if formulas:
        cached = _cached(path, ws.title, formulas)
        by_row = dict(rows)
        for (r, c), value in cached.items():
            if value is None:
                uncached.add((r, c))
            else:
                by_row[r][c] = value
    return _grid(path.name, ws.title, rows, merges, formulas, uncached)


def _facts(path: Path, ws, form) -> tuple[Facts, list[Problem]]:
    where = Location(path.name, ws.title)
    entries = []
    notes: list[Problem] = []
    limits = current()
    for row_no, values, _ in _rows(ws, data_only=getattr(ws.parent, "_data_only", False)):
        if len(entries) >= limits.max_rows:
            raise _too_big(ws.title, True, limits)
        label, value = (tuple(values[:2]) + (None, None))[:2]
        if isinstance(value, str) and value.startswith("="):
            notes.append(note("VB-02", f"Ô có công thức «{value}»: phần Thông tin cần giá trị, không đọc công thức.",
                              where.at(cell_name(row_no, 1))))
            value = None
        entries.append((label, value, where.at(cell_name(row_no, 1))))
    facts, more = read_facts(entries, where, form.facts)
    return facts, notes + more


def _pick(path: Path, found: list[tuple[object, Header]], form) -> tuple[Grid, Header, list[Problem]]:
    """Return the one sheet whose table holds data (or the first), InputError when two do."""
    full = []
    for ws, _ in found:
        grid = _full_grid(path, ws)
        header = find_header(grid, form)
        if header is not None:
            full.append((grid, header, build_table(grid, header)))
    with_rows = [f for f in full if f[2][0].rows] or full[:1]
    if len(with_rows) > 1:
        names = " và ".join(f"«{g.sheet}»" for g, _, _ in with_rows)
        raise InputError(f"Có {len(with_rows)} trang tính cùng có bảng danh sách theo mẫu ({names}): "
                         "chỉ để lại một bảng danh sách trong tệp.", Location(path.name))
    grid, header, _ = with_rows[0]
    skipped = [note("VB-04", f"Trang tính «{g.sheet}» cũng có tiêu đề bảng nhưng không có dòng dữ liệu: đã bỏ qua.",
                    Location(path.name, g.sheet)) for g, _, _ in full if g is not grid]
    return grid, header, skipped


def read(path: Path, form) -> tuple[RawTable, tuple[Problem, ...], Facts]:
    """Return the form table, the reader's notes and the facts of an .xlsx file; `form` is the campaign's
    (docgen.campaigns.form.Form: its columns' headers and its facts fields).

    Raises InputError when no sheet holds the form's header, when the header lacks
    a column, or when two sheets hold filled tables.
    """
    with paused_gc(), quiet_openpyxl():
        return _read(path, form)


def _read(path: Path, form) -> tuple[RawTable, tuple[Problem, ...], Facts]:
    wb = _open(path, data_only=False)
    try:
        facts_ws = next((ws for ws in wb.worksheets if header_key(ws.title) == header_key(FACTS_SHEET)), None)
        found, errors = [], []
        for ws in wb.worksheets:
            if ws is facts_ws:
                continue
            try:
                header = find_header(_grid(path.name, ws.title, _probe(ws)), form)
            except InputError as exc:
                errors.append(exc)
                continue
            if header is not None:
                found.append((ws, header))
        if not found:
            if errors:
                raise errors[0]
            names = ", ".join(f"«{ws.title}»" for ws in wb.worksheets)
            raise InputError(f"Không trang tính nào ({names}) có bảng danh sách theo mẫu Phụ lục. "
                             f"Đã tìm dòng tiêu đề có các cột: {looked_for(form)}. {OTHER_CAMPAIGN}",
                             Location(path.name))
        if len(found) == 1:
            grid = _full_grid(path, found[0][0])
            header, skipped = find_header(grid, form), []
        else:
            grid, header, skipped = _pick(path, found, form)
        table, notes = build_table(grid, header)
        facts, fact_notes = _facts(path, facts_ws, form) if facts_ws is not None else (Facts(), [])
    finally:
        wb.close()
    return table, tuple(skipped + notes + fact_notes), facts



def read_facts_only(path: Path, form) -> Facts:
    """Return the facts of the "Thông tin" sheet of the workbook `path` (no form table needed).

    Used for a province's own facts file. Raises InputError when the file cannot
    be read or has no "Thông tin" sheet.
    """
    if not path.is_file():
        raise InputError("Không có tệp này.", Location(str(path)))
    with quiet_openpyxl():
        wb = _open(path, data_only=True)
        try:
            ws = next((w for w in wb.worksheets if w.title.strip().casefold() == FACTS_SHEET.casefold()), None)
            if ws is None:
                raise InputError(f"Tệp không có trang tính «{FACTS_SHEET}».", Location(path.name))
            facts, _ = _facts(path, ws, form)
        finally:
            wb.close()
    return facts


def read_sheets(path: Path, form) -> tuple[dict[str, Grid], Facts, tuple[Problem, ...]]:
    """Return every sheet as a `Grid` of the values Excel stored (cells named A1 …), and the facts.

    For a campaign's own form, whose columns the reader does not know: the form
    checker finds its header. Held to `docgen.limits` like `read`.
    """
    with paused_gc(), quiet_openpyxl():
        wb = _open(path, data_only=True)
        try:
            limits, sheets = current(), {}
            facts, notes = Facts(), []
            for ws in wb.worksheets:
                if header_key(ws.title) == header_key(FACTS_SHEET):
                    facts, notes = _facts(path, ws, form)
                    continue
                rows = []
                for row_no, values, _ in _rows(ws, data_only=True):
                    if len(rows) >= limits.max_rows:
                        raise _too_big(ws.title, True, limits)
                    rows.append((row_no, values))
                sheets[ws.title] = _grid(path.name, ws.title, rows)
        finally:
            wb.close()
    return sheets, facts, tuple(notes)
