"""Check a filled form of a campaign that declares its own columns (`[bieu_mau]`).

The reader hands over the sheets' rows as Excel stored them; here the header is
found by the campaign's column titles, each row is matched to an official unit,
each cell is read by its column's kind (`docgen.values.kinds`) and held to the
column's rules. Every row ends up in `rows` (with what could be read) and every
doubt in `problems`, with its rule ID and cell.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from docgen.campaigns.campaign import Campaign
from docgen.campaigns.form import Column
from docgen.checks.rules import problem
from docgen.checks.units import campaign_index, expected_units, find_reporting
from docgen.errors import InputError, Location
from docgen.readers.layout import OTHER_CAMPAIGN, SCAN_ROWS, Grid
from docgen.records.model import Facts, Problem, Unit
from docgen.values.formats import ngay_ngan, so_vn
from docgen.values.kinds import NamePattern
from docgen.vntext import clean, name_key

UNIT_HEADER = "Đơn vị"


@dataclass(frozen=True)
class FormRow:
    """One unit's row as read: the unit (None when not in the list), each column's value and printed text."""

    location: Location
    unit_text: str
    unit: Unit | None
    values: dict[str, object]
    texts: dict[str, str]
    cells: dict[str, str] = field(default_factory=dict)   # column key → the cell's name ("D9", "dòng 4, cột 3")
    raw: dict[str, object] = field(default_factory=dict)  # column key → what the cell held, as typed

    @property
    def name(self) -> str:
        return self.unit.full_name if self.unit is not None else self.unit_text


@dataclass(frozen=True)
class FormSubmission:
    """One file of a form campaign, checked."""

    path: str
    reporting_unit: Unit | None
    facts: Facts
    rows: tuple[FormRow, ...]
    expected: tuple[Unit, ...]
    problems: tuple[Problem, ...] = field(default=())
    file_date: dt.date | None = None
    source: str = ""          # the file's path as given (`path` is its name, for messages)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity.value == "loi")


def check_form_file(path: Path, campaign: Campaign) -> FormSubmission:
    """Return the checked submission in `path`; InputError when the file or its table cannot be read."""
    from docgen.readers import read_sheets

    sheets, facts, notes = read_sheets(path, campaign.form)
    sub = check_form_sheets(Path(path).name, sheets, facts, notes, campaign, _file_date(path))
    return replace(sub, source=str(path))


def _file_date(path: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(Path(path).stat().st_mtime)
    except OSError:
        return None


def _header(rows: list[tuple[int, list]], columns: tuple[Column, ...]) -> tuple[int, dict[str, int]] | None:
    """Return (last header row number, key → 0-based column) when the header is within the first rows."""
    wanted = {name_key(UNIT_HEADER): "don_vi"}
    subs = {(name_key(c.group), name_key(c.header)): c.key for c in columns if c.group}
    tops = {name_key(c.header): c.key for c in columns if not c.group}
    first = rows[:SCAN_ROWS]
    for i, (row_no, values) in enumerate(first):
        keys = [name_key(str(v)) if v is not None else "" for v in values]
        if name_key(UNIT_HEADER) not in keys:
            continue
        found = {wanted[k]: j for j, k in enumerate(keys) if k in wanted}
        found |= {tops[k]: j for j, k in enumerate(keys) if k in tops}
        last = row_no
        if subs and i + 1 < len(first):
            below_no, below = first[i + 1]
            group = ""
            for j, (top, sub) in enumerate(zip(keys + [""] * (len(below) - len(keys)), below)):
                group = top or group
                key = subs.get((group, name_key(str(sub)) if sub is not None else ""))
                if key:
                    found[key] = j
                    last = below_no
        if all(c.key in found for c in columns):
            return last, found
    return None


def check_form_sheets(name: str, sheets: dict[str, Grid], facts: Facts, notes, campaign: Campaign,
                      file_date: dt.date | None = None) -> FormSubmission:
    """Return the checked submission of a file's sheets or Word tables (see `check_form_file`)."""
    form = campaign.form
    for sheet, grid in sheets.items():
        rows = list(grid.rows)
        header = _header(rows, form.columns)
        if header is not None:
            break
    else:
        heads = ", ".join(f"«{c.header}»" for c in form.columns)
        raise InputError(f"Không trang tính nào có bảng theo biểu mẫu «{form.title}». Đã tìm dòng tiêu đề có "
                         f"các cột «{UNIT_HEADER}», {heads}. {OTHER_CAMPAIGN}", Location(name))
    last, at = header
    index = campaign_index(campaign)
    found: list[Problem] = list(notes)
    reporting = find_reporting(facts.don_vi, campaign) if facts.don_vi else None
    scope = reporting or index.province
    levels = {lv.depth: lv for lv in campaign.levels}
    out_rows: list[FormRow] = []
    seen: dict[str, FormRow] = {}
    for row_no, values in rows:
        if row_no <= last:
            continue
        cells = {key: (values[j] if j < len(values) else None) for key, j in at.items()}
        unit_text = clean(str(cells["don_vi"])) if cells["don_vi"] is not None else ""
        data = {k: v for k, v in cells.items() if k != "don_vi" and v not in (None, "")}
        if not data:   # a unit row of the blank form left empty is a unit that has not reported (DV-02)
            continue
        where = {key: Location(name, sheet, grid.cell_name(row_no, j)) for key, j in at.items()}
        unit = _unit(unit_text, where["don_vi"], scope, index, levels, found)
        if unit is not None and unit.code in seen:
            found.append(problem("DV-03", f"{unit.full_name} ghi hai lần (đã có ở {seen[unit.code].cells['don_vi']}).",
                                 where["don_vi"], "Giữ một dòng cho mỗi đơn vị: gộp hoặc xóa dòng thừa.", unit.code))
        level = levels.get(unit.level) if unit is not None else None
        typed, texts = _read_cells(cells, where, form.columns, level, unit, found)
        row = FormRow(Location(name, sheet, f"{row_no}"), unit_text, unit, typed, texts,
                      {key: loc.cell for key, loc in where.items()}, cells)
        if unit is not None:
            seen.setdefault(unit.code, row)
        out_rows.append(row)
    _row_rules(out_rows, form.columns, found)
    if reporting is None and out_rows:
        reporting = _owner(out_rows, index.province)
    expected = expected_units(reporting, campaign) if reporting is not None else ()
    for unit in expected:
        if unit.code not in seen:
            found.append(problem("DV-02", f"Thiếu {unit.label} (mã {unit.code}) trong danh sách.",
                                 Location(name, sheet), f"Thêm một dòng cho «{unit.full_name}».", unit.code))
    return FormSubmission(name, reporting, facts, tuple(out_rows), expected, tuple(found), file_date)


def _owner(rows: list[FormRow], province: Unit) -> Unit:
    """Return the unit a file without «Đơn vị báo cáo» speaks for: its one unit, else the province."""
    units = {r.unit.code: r.unit for r in rows if r.unit is not None}
    return next(iter(units.values())) if len(units) == 1 else province


def _unit(text: str, where: Location, scope: Unit, index, levels: dict, found: list[Problem]) -> Unit | None:
    if not text:
        found.append(problem("DV-01", "Dòng có dữ liệu nhưng không ghi tên đơn vị.", where,
                             "Ghi tên đơn vị theo danh mục ở cột «Đơn vị»."))
        return None
    for depth in levels:
        hits = index.candidates(text, depth, within=scope)
        if len(hits) == 1:
            unit = hits[0]
            if text != unit.full_name:
                found.append(problem("DV-04", f"Tên đơn vị «{text}» viết khác tên chính thức «{unit.full_name}».",
                                     where, unit.full_name, unit.code))
            return unit
    near = next((index.closest(text, d, scope) for d in levels if index.closest(text, d, scope)), None)
    fix = f"Có phải «{near.full_name}»?" if near else "Ghi đúng tên theo danh mục đơn vị hành chính hoặc xóa dòng."
    found.append(problem("DV-01", f"«{text}» không có trong danh mục đơn vị hành chính của {scope.label}.", where, fix))
    return None


def _read_cells(cells: dict, where: dict[str, Location], columns, level, unit: Unit | None,
                found: list[Problem]) -> tuple[dict[str, object], dict[str, str]]:
    """Return each column's value and printed text, adding BM-01 (missing), BM-02 (unreadable), BM-03 (read as).

    A name kept to the level's pattern (`ten_theo_mau`) is compared with the unit's name by that pattern.
    """
    values, texts = {}, {}
    code = unit.code if unit is not None else ""
    level_code = level.code if level is not None else ""
    for col in columns:
        raw = cells.get(col.key)
        got = col.kind.read(raw, col)
        if isinstance(col.kind, NamePattern) and level is not None and level.page_pattern:
            got = col.kind.against(got, level.expected_page_name(unit))
        values[col.key], texts[col.key] = got.value, got.text
        label = _label(col)
        if got.error:
            found.append(problem("BM-02", f"Ô «{label}» ghi «{got.text}»: {got.error}.", where[col.key],
                                 col.hint or f"Ghi {col.kind.name}.", code))
        elif got.empty and col.required and col.applies_to(level_code):
            found.append(problem("BM-01", f"Thiếu «{label}».", where[col.key], col.hint or f"Ghi {col.kind.name}.",
                                 code))
        elif got.changed:
            how = " dạng chữ" if isinstance(raw, str) else ""
            found.append(problem("BM-03", f"Ô «{label}» ghi «{_typed(raw)}»{how}, đã đọc thành {col.kind.name} "
                                 f"{got.text} ({got.changed}).",
                                 where[col.key], got.text, code))
        if got.value is not None:
            _limits(col, got.value, where[col.key], code, found)
    return values, texts


def _typed(raw) -> str:
    return raw if isinstance(raw, str) else str(raw)


def _label(col: Column) -> str:
    return f"{col.group} – {col.header}" if col.group else col.header


def _limits(col: Column, value, where: Location, code: str, found: list[Problem]) -> None:
    """Add BM-04 (below the minimum, above the maximum) and BM-06 (a date outside the window)."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        if col.minimum is not None and value < col.minimum:
            found.append(problem("BM-04", f"«{_label(col)}» là {so_vn(value)}, nhỏ hơn {so_vn(col.minimum)}.",
                                 where, f"Ghi số từ {so_vn(col.minimum)} trở lên.", code))
        if col.maximum is not None and value > col.maximum:
            found.append(problem("BM-04", f"«{_label(col)}» là {so_vn(value)}, lớn hơn {so_vn(col.maximum)}.",
                                 where, f"Ghi số không quá {so_vn(col.maximum)}.", code))
    if isinstance(value, dt.date):
        if (col.first_day and value < col.first_day) or (col.last_day and value > col.last_day):
            window = f" từ {ngay_ngan(col.first_day)}" if col.first_day else ""
            window += f" đến {ngay_ngan(col.last_day)}" if col.last_day else ""
            found.append(problem("BM-06", f"«{_label(col)}» là {ngay_ngan(value)}, ngoài khoảng ngày hợp lệ{window}.",
                                 where, f"Ghi ngày{window}.", code))


def _row_rules(rows: list[FormRow], columns, found: list[Problem]) -> None:
    """Add BM-05 (a column above the one it may not exceed) and BM-07 (a value two units share)."""
    def cell(row: FormRow, key: str) -> Location:
        return Location(row.location.file, row.location.sheet, row.cells[key])

    for col in columns:
        firsts: dict[str, FormRow] = {}
        for row in rows:
            code = row.unit.code if row.unit is not None else ""
            value, other = row.values.get(col.key), row.values.get(col.not_above) if col.not_above else None
            if value is not None and other is not None and value > other:
                limit = next(c for c in columns if c.key == col.not_above)
                found.append(problem("BM-05", f"«{_label(col)}» ({row.texts[col.key]}) lớn hơn «{_label(limit)}» "
                                     f"({row.texts[limit.key]}).", cell(row, col.key),
                                     f"Sửa để «{_label(col)}» không lớn hơn «{_label(limit)}».", code))
            if col.unique and value is not None:
                key = name_key(str(value))
                first = firsts.setdefault(key, row)
                if first is not row:
                    found.append(problem("BM-07", f"«{_label(col)}» «{row.texts[col.key]}» trùng với ô "
                                         f"{first.cells[col.key]} ({first.name}).", cell(row, col.key),
                                         "Mỗi đơn vị một giá trị riêng.", code))
