"""The quick sheet reader gives, cell for cell, what openpyxl's own sheet parser gives.

Each case is a sheet part written by hand (the markup Excel, LibreOffice and
other programs write), read both ways: docgen's `SheetParser.rows()` and
openpyxl's `WorkSheetParser.parse()` (with docgen's inline-string path).
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser

from docgen.readers import xlsx
from docgen.readers.sheetxml import SheetParser, open_workbook

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRINGS = ["Đơn vị", "Xã Chung Chải", "", "_x0007_Lò Văn A"]
DATES = {3, 4}     # styles 3 and 4 have a date format
TIMEDELTAS = {4}   # style 4 is a duration ([h]:mm)


def sheet(rows: str, tail: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>{rows}</sheetData>'
            f"{tail}</worksheet>").encode()


CASES = {
    "numbers": '<row r="1"><c r="A1"><v>912000101</v></c><c r="B1"><v>1.5</v></c><c r="C1"><v>1E3</v></c>'
               '<c r="D1" s="1"><v>7</v></c><c r="E1"><v></v></c><c r="F1" s="2"/></row>',
    "shared strings": '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="s"><v>2</v></c>'
                      '<c r="D2" t="s"><v>3</v></c></row>',
    "inline strings": '<row r="3"><c r="A3" t="inlineStr"><is><t>Mường Nhé</t></is></c>'
                      '<c r="B3" t="inlineStr"><is><r><t>Mặt </t></r><r><rPr><b/></rPr><t>trận</t></r>'
                      '<rPh sb="0" eb="1"><t>x</t></rPh></is></c><c r="C3" t="inlineStr"/>'
                      '<c r="D3" t="inlineStr"><is/></c></row>',
    "dates and durations": '<row r="4"><c r="A4" s="3"><v>44621</v></c><c r="B4" s="3"><v>44621.5</v></c>'
                           '<c r="C4" s="4"><v>0.25</v></c><c r="D4" t="d"><v>2022-03-05T00:00:00</v></c></row>',
    "booleans and errors": '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="e"><v>#N/A</v></c>'
                           '<c r="C5" t="str"><v>text</v></c></row>',
    "formulas": '<row r="6"><c r="A6"><f>SUM(B6:C6)</f><v>3</v></c><c r="B6" t="str"><f>B1&amp;"x"</f><v>7x</v></c>'
                '<c r="C6"><f t="shared" ref="C6:C7" si="0">A1+1</f><v>2</v></c><c r="D6"><f>1/0</f></c></row>'
                '<row r="7"><c r="C7"><f t="shared" si="0"/><v>3</v></c></row>',
    "no references": "<row><c><v>1</v></c><c/><c t=\"s\"><v>1</v></c></row><row><c><v>2</v></c></row>"
                     '<row r="12"><c r="C12"><v>3</v></c><c><v>4</v></c></row>',
    "gaps and empty rows": '<row r="20"/><row r="21" ht="20" customHeight="1"><c r="J21" s="2"/></row>'
                           '<row r="25"><c r="AB25"><v>5</v></c><c r="b25"><v>6</v></c></row>',
    "comments": '<row r="30"><!-- x --><c r="A30"><v>1</v><!-- y --></c><?pi z?><c r="B30"><v>2</v></c></row>',
}


def parsed_by_openpyxl(data: bytes, data_only: bool):
    parser = xlsx.SheetParser(io.BytesIO(data), STRINGS, data_only=data_only, date_formats=DATES,
                              timedelta_formats=TIMEDELTAS)
    rows = []
    for row_no, cells in WorkSheetParser.parse(parser):   # openpyxl's loop, docgen's inline strings
        if cells:
            values = [None] * max(c["column"] for c in cells)
            for c in cells:
                values[c["column"] - 1] = c["value"]
            rows.append((row_no, values, [c["column"] - 1 for c in cells if c["data_type"] == "f"]))
    merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
    return rows, [m.ref for m in merged]


def parsed_by_docgen(data: bytes, data_only: bool):
    parser = SheetParser(io.BytesIO(data), STRINGS, data_only=data_only, date_formats=DATES,
                         timedelta_formats=TIMEDELTAS)
    rows = list(parser.rows())
    merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
    return rows, [m.ref for m in merged]


def typed(rows):
    return [(n, [(type(v), v) for v in values], formulas) for n, values, formulas in rows]


@pytest.mark.parametrize("data_only", [False, True])
@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_cell_reads_as_openpyxl_reads_it(case, data_only):
    data = sheet(CASES[case])
    mine, theirs = parsed_by_docgen(data, data_only), parsed_by_openpyxl(data, data_only)
    assert typed(mine[0]) == typed(theirs[0])
    assert mine[1] == theirs[1]


def test_a_whole_sheet_with_merged_areas_reads_as_openpyxl_reads_it():
    data = sheet("".join(CASES.values()), '<mergeCells count="2"><mergeCell ref="E1:G1"/>'
                 '<mergeCell ref="A20:B21"/></mergeCells>')
    mine, theirs = parsed_by_docgen(data, False), parsed_by_openpyxl(data, False)
    assert typed(mine[0]) == typed(theirs[0])
    assert mine[1] == theirs[1] == ["E1:G1", "A20:B21"]
    assert [range_boundaries(r) for r in mine[1]] == [(5, 1, 7, 1), (1, 20, 2, 21)]


def test_values_keep_their_types():
    rows = dict((n, values) for n, values, _ in parsed_by_docgen(sheet("".join(CASES.values())), False)[0])
    assert rows[1][:4] == [912000101, 1.5, 1000.0, 7] and type(rows[1][0]) is int
    assert rows[3][:2] == ["Mường Nhé", "Mặt trận"]
    assert rows[4][0] == dt.datetime(2022, 3, 1) and rows[4][2] == dt.timedelta(hours=6)
    assert rows[6][0] == "=SUM(B6:C6)" and rows[7][2] == "=A2+1"
    assert rows[5][:3] == [True, "#N/A", "text"]


def test_a_workbook_opens_without_reading_its_sheets_until_asked(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Phụ lục"
    wb.active.append(["TT", "Đơn vị"])
    wb.create_sheet("Thông tin")
    wb.save(tmp_path / "a.xlsx")
    opened = open_workbook(tmp_path / "a.xlsx", data_only=False)
    try:
        assert [ws.title for ws in opened.worksheets] == ["Phụ lục", "Thông tin"]
        assert opened.worksheets[0].max_row is None   # sized only when read, as after reset_dimensions()
        assert list(opened.worksheets[0].iter_rows(values_only=True)) == [("TT", "Đơn vị")]
    finally:
        opened.close()


def test_chart_sheets_and_sheet_names_come_as_openpyxl_gives_them(tmp_path):
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    data = wb.active
    data.append([1, 2, 3])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, max_col=3, min_row=1))
    wb.create_chartsheet("Biểu đồ").add_chart(chart)
    form = wb.create_sheet("Phụ lục")
    form.append(["TT", "Đơn vị"])
    wb.save(tmp_path / "a.xlsx")
    theirs = openpyxl.load_workbook(tmp_path / "a.xlsx", read_only=True)
    mine = open_workbook(tmp_path / "a.xlsx", data_only=False)
    try:
        assert mine.sheetnames == theirs.sheetnames == ["Sheet", "Biểu đồ", "Phụ lục"]
        assert [ws.title for ws in mine.worksheets] == [ws.title for ws in theirs.worksheets] == ["Sheet", "Phụ lục"]
        assert [type(s).__name__ for s in mine._sheets] == ["_Sheet", "Chartsheet", "_Sheet"]   # names bind alike
    finally:
        mine.close()
        theirs.close()
