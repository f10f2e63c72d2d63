"""Write one sample submission (.xlsx with openpyxl, .docx with python-docx) for scripts/make_samples.py.

Each writer lays the Phụ lục form out like the seed (title rows, "DANH SÁCH", two-row merged header,
"I | Cấp huyện", "II | Cấp xã") with the variations of `Layout`, adds the "Thông tin" facts, and returns
where each tagged (planted) cell landed: {(sheet, cell): rule}.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from docgen.campaigns.campaign import load_campaign
from docgen.records.form import FACTS_SHEET
from docgen.records.units import split_kind
from docgen.workbooks.sheets import SIGNATURE_HINTS

_CAMPAIGN = load_campaign()
_FORM = _CAMPAIGN.form   # the page form as the 1031 campaign declares it
COLUMNS, FACT_FIELDS = _FORM.table, _FORM.facts
# The samples suggest the campaign's one signature form ([ky] cap_pho), as `docgen bieu-mau` does.
HINTS = {f.key: f.hint for f in FACT_FIELDS} | {"tham_quyen": SIGNATURE_HINTS[_CAMPAIGN.deputy_form][0]}

KEYS = [c.key for c in COLUMNS]
FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
BREAKS = {"Địa chỉ liên kết": "Địa chỉ\nliên kết", "Số điện thoại": "Số\nđiện thoại",
          "Địa chỉ hộp thư điện tử": "Địa chỉ hộp thư\nđiện tử", "Cán bộ quản lý, vận hành": "Cán bộ quản lý,\nvận hành"}
NOTE = ("* Ghi chú: Tên Trang đặt theo mẫu tại mục 2.1 Công văn số 1031/MTTQ-BTT ngày 25/02/2022 "
        "của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên.")


def _header_text(text: str, layout) -> str:
    return BREAKS.get(text, text) if layout.breaks else text


def _set(ws, row: int, col: int, value, font: Font | None = None, align=WRAP, border=True):
    cell = ws.cell(row, col, value)
    cell.font = font or Font(name=FONT, size=11)
    cell.alignment = align
    if border:
        cell.border = BOX
    return cell


def _title(ws, row: int, col: int, text: str, width: int, bold=True, center=True) -> None:
    _set(ws, row, col, text, Font(name=FONT, size=12, bold=bold), CENTER if center else WRAP, border=False)
    ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + width - 1)


def _header(ws, row: int, c0: int, layout) -> None:
    bold = Font(name=FONT, size=11, bold=True)
    for i, col in enumerate(COLUMNS):
        c = c0 + i
        if not col.group:
            _set(ws, row, c, _header_text(col.header, layout), bold, CENTER)
            _set(ws, row + 1, c, None, bold, CENTER)
            ws.merge_cells(start_row=row, start_column=c, end_row=row + 1, end_column=c)
        else:
            if i == 0 or COLUMNS[i - 1].group != col.group:
                _set(ws, row, c, _header_text(col.group, layout), bold, CENTER)
                for k in (1, 2):
                    _set(ws, row, c + k, None, bold, CENTER)
                ws.merge_cells(start_row=row, start_column=c, end_row=row, end_column=c + 2)
            _set(ws, row + 1, c, _header_text(col.header, layout), bold, CENTER)
    for i, col in enumerate(COLUMNS):
        ws.column_dimensions[get_column_letter(c0 + i)].width = col.width


def _write_row(ws, sheet: str, row: int, c0: int, values: list, tags: dict, found: dict, bold=False) -> None:
    font = Font(name=FONT, size=11, bold=bold)
    for i, value in enumerate(values):
        _set(ws, row, c0 + i, None if value in ("", None) else value, font, CENTER if i == 0 else WRAP)
    for key, rule in tags.items():
        found[(sheet, f"{get_column_letter(c0 + KEYS.index(key))}{row}")] = rule


def _table(ws, groups, layout, row: int, c0: int, found: dict) -> int:
    """Write the group and data rows from `row`; return the next free row."""
    for gi, (numeral, label, rows) in enumerate(groups):
        first = rows[0] if rows else None
        if gi == 0 and layout.district_on_group_row and first is not None:
            _write_row(ws, ws.title, row, c0, [numeral, label, *first.values()[2:]], first.tags, found, bold=False)
            rows = rows[1:]
        else:
            _write_row(ws, ws.title, row, c0, [numeral, label] + [None] * 8, {}, found, bold=True)
        row += 1
        for r in rows:
            if r.blank_before:
                _write_row(ws, ws.title, row, c0, [None] * 10, {}, found)
                row += 1
            _write_row(ws, ws.title, row, c0, r.values(), r.tags, found)
            row += 1
    return row


def _facts_sheet(wb, info: dict, layout, first: bool):
    ws = wb.create_sheet(FACTS_SHEET, 0 if first else None)
    _set(ws, 1, 1, "THÔNG TIN BÁO CÁO", Font(name=FONT, size=12, bold=True), border=False)
    row = 3
    for f in FACT_FIELDS:
        value = info.get(f.key)
        values = [value]
        if isinstance(value, list):
            values = value if (f.key == "noi_nhan" and layout.noi_nhan_rows) else ["\n".join(value)]
        for v in values:
            _set(ws, row, 1, f.label, Font(name=FONT, size=11, bold=True))
            cell = _set(ws, row, 2, v)
            if isinstance(v, dt.date):
                cell.number_format = "dd/mm/yyyy"
            _set(ws, row, 3, HINTS[f.key], Font(name=FONT, size=10, italic=True), border=False)
            row += 1
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width, ws.column_dimensions["C"].width = 32, 60, 60
    return ws


def write_xlsx(path: Path, title: str, subtitle: str, groups, info: dict, layout) -> dict:
    """Write one workbook; return {(sheet, cell): rule} of the tagged cells."""
    wb = Workbook()
    ws = wb.active
    ws.title = layout.sheet
    c0, row, found = layout.first_col, 1, {}
    if layout.phu_luc_label:
        _set(ws, row, c0, "PHỤ LỤC", Font(name=FONT, size=12, bold=True), border=False)
        row += 1
    _title(ws, row, c0, title, 4, center=False)
    row += 2
    _title(ws, row, c0, "DANH SÁCH", 10)
    _title(ws, row + 1, c0, subtitle, 10)
    row += 3
    _header(ws, row, c0, layout)
    row += 2
    if layout.number_row:
        for i in range(10):
            _set(ws, row, c0 + i, f"({i + 1})", Font(name=FONT, size=10, italic=True), CENTER)
        row += 1
    row = _table(ws, groups, layout, row, c0, found)
    if layout.note:
        _set(ws, row + 1, c0, NOTE, Font(name=FONT, size=11, italic=True), border=False)
        bold = Font(name=FONT, size=11, bold=True)
        when = info["ngay"] if isinstance(info["ngay"], dt.date) else None
        place = split_kind(info["don_vi"])[1]
        day = f"ngày {when.day} tháng {when.month} năm {when.year}" if when else "ngày … tháng … năm …"
        date_line = f"{place}, {day}"
        _set(ws, row + 3, c0 + 7, date_line, Font(name=FONT, size=11, italic=True), CENTER, border=False)
        _set(ws, row + 4, c0 + 1, "Người lập biểu", bold, CENTER, border=False)
        _set(ws, row + 4, c0 + 7, "TM. BAN THƯỜNG TRỰC", bold, CENTER, border=False)
        _set(ws, row + 8, c0 + 7, info["nguoi_ky"], bold, CENTER, border=False)
    if layout.extra_sheet:
        guide = wb.create_sheet(layout.extra_sheet)
        for i, line in enumerate(("Hướng dẫn điền biểu", "Mỗi xã, thị trấn ghi một dòng theo thứ tự danh mục.",
                                  "Chưa có Trang: để trống tên Trang và ghi «chưa có» ở cột địa chỉ liên kết."), 1):
            guide.cell(i, 1, line)
    _facts_sheet(wb, info, layout, layout.facts_first)
    wb.properties.creator = "docgen make_samples"
    wb.save(path)
    return found


def _cell_text(cell, text: str, bold=False, center=False) -> None:
    cell.text = ""
    p = cell.paragraphs[0]
    for i, line in enumerate(str(text).split("\n")):
        if i:
            p = cell.add_paragraph()
        run = p.add_run(line)
        run.bold, run.font.name, run.font.size = bold, FONT, Pt(11)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _para(doc, text: str, bold=True, center=True) -> None:
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.font.name, run.font.size = bold, FONT, Pt(13)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def write_docx(path: Path, title: str, subtitle: str, groups, info: dict, layout) -> dict:
    """Write the form filled in Word, then a "Thông tin" table; return the tagged cells (none: clean)."""
    doc = Document()
    sec = doc.sections[0]
    sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(15)
    _para(doc, title, center=False)
    _para(doc, "DANH SÁCH")
    _para(doc, subtitle)
    table = doc.add_table(rows=2, cols=10)
    table.style = "Table Grid"
    for i, col in enumerate(COLUMNS):
        if not col.group:
            _cell_text(table.cell(0, i).merge(table.cell(1, i)), col.header, bold=True, center=True)
        else:
            if COLUMNS[i - 1].group != col.group:
                _cell_text(table.cell(0, i).merge(table.cell(0, i + 2)), col.group, bold=True, center=True)
            _cell_text(table.cell(1, i), col.header, bold=True, center=True)
    found: dict = {}
    for numeral, label, rows in groups:
        cells = table.add_row().cells
        _cell_text(cells[0], numeral, bold=True, center=True)
        _cell_text(cells[1], label, bold=True)
        for r in rows:
            cells = table.add_row().cells
            for i, value in enumerate(r.values()):
                _cell_text(cells[i], "" if value is None else value, center=(i == 0))
    _para(doc, "")
    _para(doc, FACTS_SHEET, center=False)
    facts = doc.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for f in FACT_FIELDS:
        value = info.get(f.key)
        if isinstance(value, dt.date):
            value = f"{value.day}/{value.month}/{value.year}"
        cells = facts.add_row().cells
        _cell_text(cells[0], f.label, bold=True)
        _cell_text(cells[1], "\n".join(value) if isinstance(value, list) else ("" if value is None else value))
    doc.core_properties.author = "docgen make_samples"
    doc.save(path)
    return found
