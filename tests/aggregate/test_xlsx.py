"""docgen.aggregate.xlsx: the province's workbook, read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import load_workbook

from docgen.aggregate import summarize
from docgen.aggregate.xlsx import workbook_bytes


def _book(summary):
    return load_workbook(io.BytesIO(workbook_bytes(summary)))


def test_the_summary_sheet_has_one_row_per_unit_with_status_and_figures(campaign, districts, make_sub):
    subs = [make_sub(districts[0], ngay=dt.date(2022, 3, 20)), make_sub(districts[1], ngay=dt.date(2022, 4, 1))]
    wb = _book(summarize(campaign, subs))
    assert wb.sheetnames == ["Tổng hợp", "Danh sách Trang", "Vấn đề"]
    ws = wb["Tổng hợp"]
    header = [c.value for c in ws[1]]
    rows = {r[2]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, max_row=11, values_only=True)}
    assert len(rows) == 10
    assert rows[districts[0].full_name]["Tình trạng"] == "Đúng hạn"
    assert rows[districts[1].full_name]["Tình trạng"] == "Trễ hạn"
    assert rows[districts[1].full_name]["Trễ (ngày)"] == 1
    assert rows[districts[2].full_name]["Tình trạng"] == "Chưa nộp"
    n = len(campaign.units.children(districts[0]))
    assert rows[districts[0].full_name]["Cấp xã: có Trang"] == n
    assert rows[districts[0].full_name]["Cấp xã: % có Trang (trên số đơn vị)"] == 1.0
    assert rows[districts[2].full_name]["Cấp xã: dự kiến"] == len(campaign.units.children(districts[2]))
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    total = [r for r in ws.iter_rows(min_row=13, max_row=13, values_only=True)][0]
    assert total[2] == "Toàn tỉnh Điện Biên" and total[3] == "2/10 đã nộp"


def test_rows_are_coloured_by_status_with_conditional_formatting(campaign, districts, make_sub):
    ws = _book(summarize(campaign, [make_sub(districts[0], ngay=dt.date(2022, 3, 20))]))["Tổng hợp"]
    formulas = sorted(r.formula[0] for cf in ws.conditional_formatting for r in cf.rules)
    assert '$D2="Chưa nộp"' in formulas and '$D2="Trễ hạn"' in formulas and '$D2="Đúng hạn"' in formulas


def test_every_record_and_every_problem_has_a_row(campaign, districts, make_sub):
    subs = [make_sub(d, ngay=dt.date(2022, 3, 20), without_page=1) for d in districts[:3]]
    summary = summarize(campaign, subs)
    wb = _book(summary)
    assert wb["Danh sách Trang"].max_row - 1 == summary.records == sum(len(s.records) for s in subs)
    problems = list(wb["Vấn đề"].iter_rows(min_row=2, values_only=True))
    assert len(problems) == len(summary.all_problems) == 7 + 3
    assert ("Lỗi", "TH-02") == problems[0][:2]
    assert {p[1] for p in problems} == {"TH-02", "TEN-01"}
    for ws in wb:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_a_name_that_looks_like_a_formula_stays_text(campaign, districts, make_sub):
    d = districts[0]
    evil = {d.official_code: '=HYPERLINK("http://x","y")'}   # the sheet writes codes as the official list does
    commune = campaign.units.children(d)[0]
    evil[commune.official_code] = "+84 912 000 101"
    sub = make_sub(d, ngay=dt.date(2022, 3, 20), names={d.code: evil[d.official_code],
                                                         commune.code: evil[commune.official_code]})
    raw = workbook_bytes(summarize(campaign, [sub]))
    ws = load_workbook(io.BytesIO(raw))["Danh sách Trang"]
    cells = {ws.cell(r, 3).value: ws.cell(r, 5) for r in range(2, ws.max_row + 1)}
    for code, text in evil.items():
        cell = cells[code]
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(io.BytesIO(raw)) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any(b"<f>" in x or b"<f " in x for x in sheets)


def test_control_characters_are_dropped_not_fatal(campaign, districts, make_sub):
    sub = make_sub(districts[0], ngay=dt.date(2022, 3, 20), names={districts[0].code: "Mặt trận\x07 A & B <C>"})
    ws = _book(summarize(campaign, [sub]))["Danh sách Trang"]
    assert ws.cell(2, 5).value == "Mặt trận A & B <C>"
