"""Read the Phụ lục table (and the "Thông tin" table) from a filled .docx form.

Word tables are turned into the same `Grid` as a sheet: one value per layout-grid
cell, a merged cell's text once at its first grid cell, merged areas (gridSpan,
vMerge) kept so that columns line up. Cells are named "Bảng 2 › dòng 5, cột 3".
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table

from docgen.errors import InputError, Location
from docgen.limits import current, raise_hint
from docgen.ooxml.wrappers import show_as_read
from docgen.readers.facts import read_facts
from docgen.readers.guard import Failure
from docgen.readers.layout import SCAN_ROWS, Grid, build_table, find_header, header_key, looked_for
from docgen.records.form import FACTS_SHEET
from docgen.records.model import Facts, Problem, RawTable


def cell_name(row: int, col: int) -> str:
    """Return the name of a Word table cell (row 1-based, column 0-based).

    >>> cell_name(5, 2)
    'dòng 5, cột 3'
    """
    return f"dòng {row}, cột {col + 1}"


def area_name(r1: int, c1: int, r2: int, c2: int) -> str:
    """Return the name of an area of a Word table.

    >>> area_name(1, 0, 2, 9), area_name(4, 4, 4, 6)
    ('dòng 1–2, cột 1–10', 'dòng 4, cột 5–7')
    """
    rows = f"dòng {r1}" if r1 == r2 else f"dòng {r1}–{r2}"
    cols = f"cột {c1 + 1}" if c1 == c2 else f"cột {c1 + 1}–{c2 + 1}"
    return f"{rows}, {cols}"


def _row_name(row: int) -> str:
    return f"dòng {row}"


MAX_COLUMNS = 64  # Word tables have at most 63 columns; a larger span or skip is a broken or hostile file


def table_grid(table: Table, file: str, sheet: str, limit: int | None = None) -> Grid:
    """Return a Word table as a grid: text once per merged cell, merged areas listed.

    Raises InputError for a table longer than the row limit, or a cell spanning
    (or a row skipping) more columns than Word allows.
    """
    rows = []
    extent: dict[object, list[int]] = {}  # keyed by the cell element itself (kept alive, so identity holds)
    all_rows = table.rows
    if limit is None and len(all_rows) > current().max_rows:
        raise InputError(f"Bảng có {len(all_rows):,} dòng, quá giới hạn docgen đọc một lần. Tách danh sách thành "
                         f"nhiều tệp. {raise_hint('max_rows')}".replace(",", "."), Location(file, sheet))
    for r, row in enumerate(all_rows[:limit] if limit else all_rows, start=1):
        _check_spans(row, r, file, sheet)
        values: list[object] = [None] * getattr(row, "grid_cols_before", 0)
        for cell in row.cells:
            c = len(values)
            tc = cell._tc
            box = extent.get(tc)
            if box is None:
                extent[tc] = [r, c, r, c]
                values.append(cell.text)
            else:
                box[2], box[3] = max(box[2], r), max(box[3], c)
                values.append(None)
        rows.append((r, values))
    merges = tuple(tuple(b) for b in extent.values() if (b[0], b[1]) != (b[2], b[3]))
    return Grid(file, sheet, rows, cell_name, area_name, _row_name, merges)


def _check_spans(row, r: int, file: str, sheet: str) -> None:
    """Raise InputError when a cell of `row` spans, or the row skips, more columns than Word allows."""
    tr = row._tr
    widest = max([tr.grid_before, *(tc.grid_span for tc in tr.tc_lst)])
    if widest > MAX_COLUMNS:
        raise InputError(f"Dòng {r} của bảng có ô trải rộng {widest:,} cột (Word cho tối đa 63): tệp bị hỏng hoặc bị "
                         "sửa. Mở bằng Word rồi lưu lại.".replace(",", "."), Location(file, sheet, f"dòng {r}"))


def _open(path: Path):
    """Return the document at `path` as Word shows it (tracked changes accepted, content controls opened)."""
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError as exc:
        raise Failure(exc, what="tệp không phải văn bản Word (.docx) hợp lệ") from None
    except Exception as exc:
        raise Failure(exc, _broken_part(path)) from exc
    show_as_read(document.element.body)
    return document


def _broken_part(path: Path) -> str:
    """Return the name of the first XML part of the package that is not well-formed, "" when none is."""
    import zipfile

    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if info.filename.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(zf.read(info), parser)
                except etree.XMLSyntaxError:
                    return info.filename
    return ""


def _tables(document) -> list[tuple[int, Table, str]]:
    """Return the body's tables in order, numbered from 1, each with the paragraph text just before it."""
    out, before = [], ""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            out.append((len(out) + 1, block, before))
            before = ""
        elif block.text.strip():
            before = block.text
    return out


def _is_facts_table(table: Table, before: str, grid: Grid, form) -> bool:
    labels = {header_key(f.label) for f in form.facts}
    hits = sum(1 for _, values in grid.rows if values and header_key(values[0]) in labels)
    return header_key(before).startswith(header_key(FACTS_SHEET)) or hits >= 2


def _facts(file: str, number: int, grid: Grid, form) -> tuple[Facts, list[Problem]]:
    where = Location(file, f"Bảng {number}")
    entries = []
    for r, values in grid.rows:
        label = values[0] if values else None
        value_col = next((c for c in range(1, len(values)) if values[c] is not None), None)
        value = values[value_col] if value_col is not None else None
        entries.append((label, value, where.at(cell_name(r, value_col or 1))))
    return read_facts(entries, where, form.facts)


def read_tables(path: Path, form) -> tuple[dict[str, Grid], Facts, tuple[Problem, ...]]:
    """Return every table of a .docx as a `Grid` ("Bảng 1" …), except the facts table, and the facts.

    For a campaign's own form, whose header the form checker finds.
    """
    document = _open(path)
    grids, facts, notes = {}, Facts(), []
    for number, table, before in _tables(document):
        grid = table_grid(table, path.name, f"Bảng {number}")
        if not notes and facts == Facts() and _is_facts_table(table, before, grid, form):
            facts, notes = _facts(path.name, number, grid, form)
            continue
        grids[grid.sheet] = grid
    return grids, facts, tuple(notes)


def read(path: Path, form) -> tuple[RawTable, tuple[Problem, ...], Facts]:
    """Return the form table, the reader's notes and the facts of a .docx file (`form`: the campaign's).

    Raises InputError when the document has no table, no table with the form's
    header, or two of them.
    """
    document = _open(path)
    tables = _tables(document)
    if not tables:
        raise InputError("Văn bản Word không có bảng nào: cần bảng danh sách theo mẫu Phụ lục "
                         "(không dán bảng dưới dạng ảnh).", Location(path.name))
    forms, others = [], []
    for number, table, before in tables:
        probe = table_grid(table, path.name, f"Bảng {number}", limit=SCAN_ROWS)
        header = find_header(probe, form)
        (forms if header is not None else others).append((number, table, before))
    if not forms:
        raise InputError(f"Không bảng nào trong {len(tables)} bảng của văn bản có tiêu đề theo mẫu Phụ lục. "
                         f"Đã tìm dòng tiêu đề có các cột: {looked_for(form)}.", Location(path.name))
    if len(forms) > 1:
        names = ", ".join(f"Bảng {n}" for n, _, _ in forms)
        raise InputError(f"Văn bản có {len(forms)} bảng theo mẫu Phụ lục ({names}): chỉ để lại một bảng danh sách "
                         "(gộp các bảng lại hoặc xóa bảng thừa).", Location(path.name))
    number, table, _ = forms[0]
    grid = table_grid(table, path.name, f"Bảng {number}")
    raw, notes = build_table(grid, find_header(grid, form))
    facts, fact_notes = Facts(), []
    for n, t, before in others:
        g = table_grid(t, path.name, f"Bảng {n}")
        if _is_facts_table(t, before, g, form):
            facts, fact_notes = _facts(path.name, n, g, form)
            break
    return raw, tuple(notes) + tuple(fact_notes), facts
