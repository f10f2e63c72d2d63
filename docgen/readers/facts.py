"""Read the report's own facts from (label, value) pairs: the "Thông tin" sheet or Word table.

Labels are those of the campaign form's facts fields (`Form.facts`: the report facts of
`records.form.REPORT_FACTS` and the campaign's own; matched without case, spacing,
punctuation or a trailing "(Có/Không)"). "Nơi nhận" and "Đề xuất, kiến nghị"
may hold several lines in one cell, or several rows with the same label, or
rows with an empty label right under it. Có/Không become True/False; dates may
be Excel dates or text such as "10/3/2022".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Iterable

from docgen.errors import Location
from docgen.readers.layout import header_key
from docgen.readers.notes import note
from docgen.records.model import Facts, Problem
from docgen.values.formats import ngay_ngan, plausible
from docgen.vntext import clean, name_key, strip_xml_invalid

_FIELDS = frozenset(f.name for f in dataclasses.fields(Facts)) - {"location", "extra"}
_YES = {name_key(w) for w in ("Có", "co", "x", "Đã", "Rồi", "yes", "true", "1", "Đã xây dựng", "Đã báo cáo")}
_NO = {name_key(w) for w in ("Không", "khong", "Chưa", "no", "false", "0", "Chưa xây dựng", "Chưa báo cáo")}
_BULLET = re.compile(r"^\s*[-+•*–]\s*")
_DATE_NUM = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object) -> dt.date | None:
    """Return the date a cell holds (Excel date, "10/3/2022", "2022-03-10", "ngày 10 tháng 3 năm 2022").

    >>> parse_date("10/3/2022"), parse_date("ngày 25 tháng 3 năm 2022")
    (datetime.date(2022, 3, 10), datetime.date(2022, 3, 25))
    >>> parse_date(44630), parse_date("mai") is None
    (datetime.date(2022, 3, 10), True)

    A date no document can carry (an Excel date cell holding -5 shows 1899-12-25; "1/1/0001") is not understood:
    >>> parse_date(dt.datetime(1899, 12, 25)), parse_date("01/01/0001")
    (None, None)
    """
    day = _day(value)
    return day if day is not None and plausible(day) else None


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 20000 < value < 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    if not isinstance(value, str):
        return None
    text = clean(value).casefold()
    for pattern, order in ((_DATE_NUM, (2, 1, 0)), (_DATE_ISO, (0, 1, 2)), (_DATE_WORDS, (2, 1, 0))):
        m = pattern.search(text) if pattern is _DATE_WORDS else pattern.match(text)
        if m:
            y, mo, d = (int(m.group(i + 1)) for i in order)
            try:
                return dt.date(y, mo, d)
            except ValueError:
                return None
    return None


def parse_yes_no(value: object) -> bool | None:
    """Return True for "Có", False for "Không" (and the like), None when neither.

    >>> parse_yes_no("Có"), parse_yes_no(" không "), parse_yes_no(True), parse_yes_no("?")
    (True, False, True, None)
    """
    if isinstance(value, bool):
        return value
    key = name_key(str(value)).rstrip(".") if value is not None else ""
    return True if key in _YES else False if key in _NO else None


def split_lines(value: object) -> list[str]:
    """Return the items of a several-line cell, without bullets or trailing semicolons.

    >>> split_lines("- Như trên;\\n- Thường trực Huyện ủy (b/c);\\n\\n")
    ['Như trên', 'Thường trực Huyện ủy (b/c)']
    """
    lines = str(value).splitlines() if value is not None else []
    items = (clean(_BULLET.sub("", line)).rstrip(";,").strip() for line in lines)
    return [item for item in items if item]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return ngay_ngan(value)
    return clean(str(value))


def read_facts(entries: Iterable[tuple[object, object, Location]], where: Location,
               fields: Iterable) -> tuple[Facts, list[Problem]]:
    """Return the facts of (label, value, value's location) entries, and notes on what was not understood.

    `fields` are the form's facts fields (records.form.FactField): label, key and kind.
    No entry at all gives empty `Facts` (not an error).
    """
    fields = tuple(fields)
    labels = {header_key(f.label): f.key for f in fields}
    kinds = {f.key: f.kind for f in fields}
    values: dict[str, object] = {}
    notes: list[Problem] = []
    last: str | None = None
    for label, value, loc in entries:
        if isinstance(value, str):
            value, changed = strip_xml_invalid(value)
            if changed:
                notes.append(note("VB-01", f"Đã xóa ký tự điều khiển trong ô: «{value}».", loc, value))
        empty = value is None or (isinstance(value, str) and not clean(value))
        key = labels.get(header_key(label)) if label is not None else None
        if key is None and label is not None and clean(str(label)):
            if not empty:
                notes.append(note("VB-05", f"Nhãn «{clean(str(label))}» không thuộc phần Thông tin: đã bỏ qua giá trị "
                                  f"«{_text(value)}».", loc, "Dùng đúng nhãn theo mẫu (xem hướng dẫn)."))
            last = None
            continue
        key = key or (last if kinds.get(last) == "danh_sach" else None)
        if key is None or empty:
            last = key
            continue
        last = key
        _put(values, key, kinds[key], value, loc, notes)
    extra = tuple((k, v) for k, v in values.items() if k not in _FIELDS)
    own = {k: v for k, v in values.items() if k in _FIELDS}
    return Facts(**own, location=where, extra=extra), notes


def _put(values: dict[str, object], key: str, kind: str, value: object, loc: Location, notes: list[Problem]) -> None:
    """Store one fact's value, converted to its field's kind, or note why it could not be."""
    if kind == "danh_sach":
        values[key] = tuple(values.get(key, ())) + tuple(split_lines(value))
    elif kind == "co_khong":
        parsed = parse_yes_no(value)
        if parsed is None:
            notes.append(note("VB-05", f"Không hiểu «{_text(value)}»: chỉ ghi «Có» hoặc «Không».", loc, "Có"))
        else:
            values[key] = parsed
    elif kind == "ngay":
        parsed = parse_date(value)
        if parsed is None:
            notes.append(note("VB-05", f"Không hiểu ngày «{_text(value)}»: ghi dạng ngày/tháng/năm, ví dụ 10/3/2022.",
                              loc))
        else:
            values[key] = parsed
    else:
        values[key] = _text(value)
