"""Find the Phụ lục table in a grid of raw values and turn its rows into `RawRow`s.

Both readers (xlsx, docx) first turn their sheet or Word table into a `Grid`;
everything about where the table is, which row is a group row and where the
table ends lives here, once. The rule (docs/doc-tep.md says the same):

* The header is found by its text, not its position: the row (among the first
  `SCAN_ROWS`) holding the most of the form's top-level headers and group headers
  (the campaign's `[bieu_mau]` columns, with their other spellings `ten_khac`), at
  least three. The columns of a group are found in the next row, under its header.
  A row of column numbers (1, 2, 3 … or (1), (2) …) right under it belongs to the header.
* Below the header every row is read until the table ends. A row with nothing in
  the ten data columns is skipped (blank row). A row whose first non-empty data
  cell starts like a note or a signature ("*", "Ghi chú", "Ví dụ", "Người lập
  biểu", "TM.", "…, ngày … tháng … năm …", "Tổng cộng" …) ends the table; rows
  after it are not data, except a row that still looks like data (a number in TT
  and a unit name), which is read with a VB-04 note.
* A group row has "I", "II" … in TT and/or "Cấp …" in Đơn vị: it sets the group
  of the rows below; it is a row of its own only when it also holds data.
"""

from __future__ import annotations

import bisect
import functools

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Sequence

from docgen.errors import InputError, Location
from docgen.readers.notes import note
from docgen.records.form import GROUP_NUMERALS
from docgen.records.model import Cell, Problem, RawRow, RawTable
from docgen.vntext import XML_INVALID, clean, name_key, strip_xml_invalid

SCAN_ROWS = 60   # the header must start within the first 60 rows of a sheet or table
MIN_HITS = 3     # top-level headers a row must hold to be taken for the header

_END = re.compile(
    r"^(\*|ghi chú|lưu ý|chú thích|ví dụ|nguồn\b|người lập|người tổng hợp|người báo cáo|xác nhận|thủ trưởng"
    r"|tm\.|kt\.|t/m|tl\.|nơi nhận|tổng cộng|tổng số|cộng\s*(:|$)|(phó )?chủ tịch$"
    r"|[^,]{2,40},\s*ngày\b|ngày\s.*\btháng\b)"
)
_GROUP_LABEL = re.compile(r"^cấp\s+\S")
_NUMBER_CELL = re.compile(r"^\(?\d{1,2}\)?$")
# A workbook made for another campaign has none of this campaign's headers: the usual cause is a missing flag.
OTHER_CAMPAIGN = "Nếu đây là biểu mẫu của một chiến dịch khác, chạy lại với --chien-dich MÃ_CHIẾN_DỊCH."


def header_key(value: object) -> str:
    """Return the key a header cell is matched by: NFC, no brackets or punctuation, folded.

    >>> header_key("Địa chỉ\\nliên kết") == header_key("ĐỊA CHỈ LIÊN KẾT")
    True
    >>> header_key("Cán bộ quản lý, vận hành (*)") == header_key("cán bộ quản lý vận hành")
    True
    """
    if not isinstance(value, str):
        return ""
    text = unicodedata.normalize("NFC", value)
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[^\w\s]", " ", text)
    return name_key(text)


def _keys(*texts: str) -> frozenset[str]:
    return frozenset(header_key(t) for t in texts)


@dataclass(frozen=True, eq=False)
class Shape:
    """The header texts of one form as the readers match them: each column's key with its group and header,
    and the folded texts (`header_key`) of top-level headers, group headers and headers under a group."""

    columns: tuple[tuple[str, str, str], ...]   # (key, group, header), left to right
    top: dict[str, frozenset[str]]
    groups: dict[str, frozenset[str]]
    subs: dict[str, frozenset[str]]


_SHAPES: dict[int, tuple[object, Shape]] = {}


def shape_of(form) -> Shape:
    """Return the `Shape` of a campaign's form (docgen.campaigns.form.Form: `table` columns with key, group,
    header and `aliases`; `group_aliases`), made once per form."""
    hit = _SHAPES.get(id(form))
    if hit is not None and hit[0] is form:
        return hit[1]
    cols = form.table
    shape = Shape(
        tuple((c.key, c.group, c.header) for c in cols),
        {c.key: _keys(c.header, *c.aliases) for c in cols if not c.group},
        {g: _keys(g, *form.group_aliases(g)) for g in dict.fromkeys(c.group for c in cols if c.group)},
        {c.key: _keys(c.header, *c.aliases) for c in cols if c.group},
    )
    _SHAPES[id(form)] = (form, shape)
    return shape


def looked_for(form) -> str:
    """Return the header texts the readers look for, for error messages."""
    shape = shape_of(form)
    tops = [h for _, g, h in shape.columns if not g]
    subs = list(dict.fromkeys(h for _, g, h in shape.columns if g))
    out = "«" + "», «".join(tops + list(shape.groups)) + "»"
    return out + (" (dưới mỗi nhóm: «" + "», «".join(subs) + "»)" if subs else "")


def column_title(key: str, shape: Shape) -> str:
    """Return the header of column `key` as a clerk reads it ("Lãnh đạo phụ trách › Số điện thoại")."""
    _, group, header = next(c for c in shape.columns if c[0] == key)
    return f"{group} › {header}" if group else header


@dataclass(frozen=True)
class Grid:
    """A sheet or Word table as rows of raw values, and how to name its cells.

    `rows` holds (row number, values by 0-based column); `merges` holds merged areas
    as (first row, first column, last row, last column), inclusive; `formulas` the
    cells whose value came from a formula and `uncached` those whose formula had no
    stored result (their value is the formula text).
    """

    file: str
    sheet: str
    rows: Sequence[tuple[int, Sequence[object]]]
    cell_name: Callable[[int, int], str]
    area_name: Callable[[int, int, int, int], str]
    row_name: Callable[[int], str]
    merges: tuple[tuple[int, int, int, int], ...] = ()
    formulas: frozenset[tuple[int, int]] = frozenset()
    uncached: frozenset[tuple[int, int]] = frozenset()

    def where(self, row: int, col: int | None = None) -> Location:
        cell = self.row_name(row) if col is None else self.cell_name(row, col)
        return Location(self.file, self.sheet, cell)

    @functools.cached_property
    def place(self) -> tuple:
        """Return (file, sheet, cell_name): one object the cells of this grid share (`Cell.at`)."""
        return (self.file, self.sheet, self.cell_name)


@dataclass(frozen=True)
class Header:
    """Where the form's header sits in a grid and which column holds each key."""

    position: int            # index in Grid.rows of the first header row
    height: int              # header rows, the column-number row included
    columns: dict[str, int]  # key of a form column → 0-based column
    label: str               # "A7:J8", "dòng 1–2"
    shape: Shape | None = None   # the form whose header this is


_INVISIBLE_START = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u2007\u202f")


def _empty(value: object) -> bool:
    """Return whether a cell is empty (None, or only spaces and invisible characters)."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return not text or (text[0] in _INVISIBLE_START and not clean(text))


def _top_hits(values: Sequence[object], shape: Shape) -> dict[str, int]:
    """Return the top-level header keys (and group names) found in a row, with their columns."""
    found: dict[str, int] = {}
    for col, value in enumerate(values):
        key = header_key(value)
        if not key:
            continue
        for name, keys in (*shape.top.items(), *shape.groups.items()):
            if key in keys and name not in found:
                found[name] = col
    return found


def header_score(values: Sequence[object], shape: Shape) -> int:
    """Return how many of the form's top-level headers a row holds."""
    return len(_top_hits(values, shape))


def find_header(grid: Grid, form, scan: int = SCAN_ROWS) -> Header | None:
    """Return the header of the form table in `grid`, or None if no row looks like it.

    Raises InputError naming the missing columns when a header is found but incomplete.
    """
    shape = shape_of(form)
    best: tuple[int, dict[str, int]] | None = None
    for pos, (_, values) in enumerate(grid.rows[:scan]):
        hits = _top_hits(values, shape)
        if len(hits) >= MIN_HITS and (best is None or len(hits) > len(best[1])):
            best = (pos, hits)
    return None if best is None else _resolve(grid, *best, shape)


def _span(grid: Grid, row: int, col: int, hits: dict[str, int]) -> range:
    """Return the columns a group header covers: its merged area, else up to the next header."""
    for r1, c1, r2, c2 in grid.merges:
        if r1 <= row <= r2 and c1 == col:
            return range(c1, c2 + 1)
    after = [c for c in hits.values() if c > col]
    return range(col, min(after + [col + 3]))


def _resolve(grid: Grid, pos: int, hits: dict[str, int], shape: Shape) -> Header:
    row_no, values = grid.rows[pos]
    columns = {k: c for k, c in hits.items() if k in shape.top}
    below = grid.rows[pos + 1][1] if pos + 1 < len(grid.rows) else ()
    for group, col in hits.items():
        if group not in shape.groups:
            continue
        for c in _span(grid, row_no, col, hits):
            key = header_key(below[c]) if c < len(below) else ""
            for sub in (k for k, g, _ in shape.columns if g == group):
                if sub not in columns and key in shape.subs[sub]:
                    columns[sub] = c
                    break
    missing = [k for k, _, _ in shape.columns if k not in columns]
    height = 2 if any(g for k, g, _ in shape.columns if k in columns) else 1
    last = grid.rows[pos + height - 1][0]
    if missing:
        seen = [clean(str(v)) for v in (*values, *below) if isinstance(v, str) and clean(v)]
        raise InputError(
            "Bảng danh sách thiếu cột " + ", ".join(f"«{column_title(k, shape)}»" for k in missing)
            + " (có thể tiêu đề cột đã bị đổi tên hoặc xóa). Tiêu đề đọc được: "
            + ", ".join(f"«{t}»" for t in dict.fromkeys(seen)) + ". Sửa lại đúng tiêu đề theo mẫu Phụ lục.",
            Location(grid.file, grid.sheet, grid.area_name(row_no, 0, last, max(columns.values(), default=0))),
        )
    if pos + height < len(grid.rows) and _is_number_row(grid.rows[pos + height][1], columns):
        height += 1
    first, end = min(columns.values()), max(columns.values())
    return Header(pos, height, columns, grid.area_name(row_no, first, last, end), shape)


def _is_number_row(values: Sequence[object], columns: dict[str, int]) -> bool:
    """Return whether a row only numbers the columns ("1 2 3 …", "(1) (2) …")."""
    cells = [values[c] for c in columns.values() if c < len(values) and not _empty(values[c])]
    return len(cells) >= 4 and all(
        isinstance(v, int) or (isinstance(v, str) and _NUMBER_CELL.match(v.strip())) for v in cells
    )


def _group_of(data: dict[str, object], current: int | None) -> tuple[int | None, bool]:
    """Return (group index, whether Đơn vị holds a "Cấp …" label) if the row is a group row."""
    tt = data.get("tt")
    numeral = clean(tt).rstrip(".").upper() if isinstance(tt, str) else ""
    unit = data.get("don_vi")
    label = (isinstance(unit, str) and unicodedata.normalize("NFC", unit.lstrip()[:4]).casefold().startswith("cấp")
             and bool(_GROUP_LABEL.match(clean(unit).casefold())))
    if numeral in GROUP_NUMERALS:
        return GROUP_NUMERALS.index(numeral), label or unit is None
    if label and tt is None:
        return (0 if current is None else current + 1), True
    return None, False


def _looks_like_data(data: dict[str, object]) -> bool:
    """Return whether a row under the end of the table still looks like a unit's row."""
    tt = data.get("tt")
    text = clean(tt).rstrip(".") if isinstance(tt, str) else ""
    numbered = isinstance(tt, int) or text.isdigit() or text.upper() in GROUP_NUMERALS
    return numbered and isinstance(data.get("don_vi"), str) and len(data) >= 3


def _value(grid: Grid, row: int, col: int, value: object, notes: list[Problem]) -> object:
    """Return a cell's value as kept in a RawRow, noting what had to change (VB-01, VB-02)."""
    if (row, col) in grid.uncached:
        notes.append(note("VB-02", f"Ô có công thức «{value}» nhưng tệp không lưu kết quả tính; giữ nguyên công thức. "
                          "Mở tệp bằng Excel, để Excel tính lại rồi lưu.", grid.where(row, col)))
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    if isinstance(value, (dt.time, dt.timedelta)):
        return str(value)
    if not isinstance(value, (str, int, float, dt.date)) and value is not None:
        value = str(getattr(value, "text", value))
    if isinstance(value, str):
        kept, changed = strip_xml_invalid(value)
        if changed:
            notes.append(note("VB-01", f"Đã xóa ký tự điều khiển trong ô: «{kept}».", grid.where(row, col), kept))
        return kept
    return value


def build_table(grid: Grid, header: Header) -> tuple[RawTable, list[Problem]]:
    """Return the table's rows under `header` and the notes of what was skipped or altered."""
    notes: list[Problem] = []
    rows: list[RawRow] = []
    cols = header.columns
    inside = set(cols.values())
    order = sorted(cols, key=cols.get)
    items = tuple(cols.items())
    outside: dict[int, list[int]] = {}   # row length → the columns outside the table
    group: int | None = None
    label = ""
    ended = repeated = False
    for row_no, values in grid.rows[header.position + header.height:]:
        data = _data(values, items)
        if ended:
            if _looks_like_data(data):
                notes.append(note("VB-04", "Dòng nằm dưới phần ghi chú/chữ ký của bảng nhưng có dữ liệu: vẫn được đọc. "
                                  "Chuyển dòng này lên trong bảng.", grid.where(row_no)))
                rows.append(_raw_row(grid, row_no, data, cols, group, notes, label))
            continue
        size = len(values)
        if size not in outside:
            outside[size] = [c for c in range(size) if c not in inside]
        extra = [c for c in outside[size] if values[c] is not None and not _empty(values[c])]
        if not data:
            if extra:
                notes.append(_ignored_cells(grid, row_no, values, extra))
            continue
        first = next(data[k] for k in order if k in data)
        if isinstance(first, str) and _END.match(clean(first).casefold()):
            ended = True
            continue
        if _formula_only(grid, row_no, data, cols):
            notes.append(note("VB-04", "Dòng chỉ có công thức (không có TT, Đơn vị): không phải dữ liệu, đã bỏ qua.",
                              grid.where(row_no)))
            continue
        if _maybe_header(data, header.shape) and header_score(values, header.shape) >= MIN_HITS:
            notes.append(note("VB-04", "Dòng tiêu đề bảng lặp lại: đã bỏ qua.", grid.where(row_no)))
            repeated = True
            continue
        if repeated and (_is_sub_header(data, header.shape) or _is_number_row(values, cols)):
            continue
        repeated = False
        index, labelled = _group_of(data, group)
        if index is not None:
            group = index
            label = clean(data["don_vi"]) if labelled and isinstance(data.get("don_vi"), str) else ""
            if set(data) <= {"tt", "don_vi"} and labelled:
                continue
        rows.append(_raw_row(grid, row_no, data, cols, group, notes, label))
        if extra:
            notes.append(_ignored_cells(grid, row_no, values, extra))
    notes.extend(_merge_notes(grid, header, {r.location.cell for r in rows}))
    return RawTable(Location(grid.file, grid.sheet), header.label, tuple(rows)), notes


def _data(values: Sequence[object], items: tuple[tuple[str, int], ...]) -> dict[str, object]:
    """Return a row's non-empty cells of the table's columns, key → value as read."""
    size = len(values)
    data = {}
    for key, col in items:
        if col < size:
            value = values[col]
            if value is None:
                continue
            if type(value) is str:   # quick for text that plainly starts with a letter or digit
                first = value[:1]
                if not first or first.isspace() or first in _INVISIBLE_START:
                    if _empty(value):
                        continue
            data[key] = value
    return data


def _raw_row(grid: Grid, row_no: int, data: dict[str, object], cols: dict[str, int], group: int | None,
             notes: list[Problem], label: str = "") -> RawRow:
    """Return the RawRow of a row's non-empty data cells (`data`: key → value as read)."""
    cells = {}
    uncached = grid.uncached
    place = grid.place
    for key, value in data.items():
        c = cols[key]
        kind = type(value)
        if not (kind is int or kind is float or kind is str and (value.isprintable() or not XML_INVALID.search(value))) \
                or uncached and (row_no, c) in uncached:
            value = _value(grid, row_no, c, value, notes)
        cells[key] = Cell.at(value, place, row_no, c)
    return RawRow(grid.where(row_no), group, cells, label)


def _maybe_header(data: dict[str, object], shape: Shape) -> bool:
    """Return whether a row could repeat the header (a cheap test before the full one)."""
    tt, unit = data.get("tt"), data.get("don_vi")
    return (isinstance(tt, str) and len(tt) < 16 and header_key(tt) in shape.top.get("tt", ())) or (
        isinstance(unit, str) and unicodedata.normalize("NFC", unit.lstrip()[:6]).casefold() == "đơn vị")


def _is_sub_header(data: dict[str, object], shape: Shape) -> bool:
    """Return whether a row holds the grouped columns' headers (the second row of a repeated header)."""
    hits = sum(1 for k, v in data.items() if k in shape.subs and header_key(v) in shape.subs[k])
    return hits >= 2 and hits == len(data)


def _formula_only(grid: Grid, row_no: int, data: dict[str, object], cols: dict[str, int]) -> bool:
    return "tt" not in data and "don_vi" not in data and all((row_no, cols[k]) in grid.formulas for k in data)


def _ignored_cells(grid: Grid, row_no: int, values: Sequence[object], extra: list[int]) -> Problem:
    shown = "; ".join(f"{grid.cell_name(row_no, c)} «{clean(str(values[c]))}»" for c in extra)
    return note("VB-04", f"Ô nằm ngoài các cột của bảng, đã bỏ qua: {shown}.", grid.where(row_no, extra[0]))


def _merge_notes(grid: Grid, header: Header, emitted: set[str | None]) -> list[Problem]:
    """Return a VB-03 note for each merged area that covers more than one data cell of a data row."""
    out = []
    data_cols = sorted(set(header.columns.values()))
    first = header.position + header.height
    if first >= len(grid.rows):
        return out
    body_start = grid.rows[first][0]
    rows = sorted(r for r, _ in grid.rows[first:] if grid.row_name(r) in emitted)
    for r1, c1, r2, c2 in grid.merges:
        if r2 < body_start:
            continue
        covered = bisect.bisect_right(rows, r2) > bisect.bisect_left(rows, r1)  # a data row inside the area
        cols = [c for c in data_cols if c1 <= c <= c2]
        if covered and cols and len(cols) * (r2 - r1 + 1) > 1:
            area = grid.area_name(r1, c1, r2, c2)
            out.append(note("VB-03", f"Ô gộp {area} phủ lên nhiều ô dữ liệu: giá trị chỉ được lấy một lần, ở ô "
                            f"{grid.cell_name(r1, c1)}. Bỏ gộp ô và ghi đủ giá trị cho từng dòng.", grid.where(r1, c1)))
    return out
