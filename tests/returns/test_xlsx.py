"""docgen.returns.xlsx: the unit's workbook returned with its problems marked, or normalised, nothing else lost."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook as OpenpyxlBook

from docgen.campaigns.campaign import load_campaign
from tests.forms import PAGE_FORM
from docgen.checks import check_source
from docgen.errors import Location
from docgen.readers import read_source
from docgen.records.model import Problem, Severity
from docgen.returns import xlsx
from docgen.returns.marks import Change, ReturnPlan, Spot, plan_return

from tests.returns.returns_factory import excel_like, load, package_errors

RED, YELLOW = "FFFFC7CE", "FFFFEB9C"


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    """Return (input bytes, checked submission, plan, annotated bytes, normalised bytes) for the Excel-like workbook."""
    path = tmp_path_factory.mktemp("excel") / "muong-nhe.xlsx"
    path.write_bytes(excel_like())
    campaign = load_campaign("2022-trang-cong-dong")
    sub = check_source(read_source(path, PAGE_FORM), campaign)
    plan = plan_return(sub, {lv.depth: lv.title for lv in campaign.levels}, "muong-nhe-da-chuan-hoa.xlsx")
    data = path.read_bytes()
    return data, sub, plan, xlsx.annotated_workbook(data, plan, "muong-nhe.xlsx — Huyện Mường Nhé"), xlsx.normalised_workbook(data, plan)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def test_the_annotated_copy_keeps_the_picture_validations_notes_and_every_untouched_part(case):
    data, _, _, annotated, _ = case
    before, after = members(data), members(annotated)
    assert set(before) <= set(after)
    untouched = {n for n in before if before[n] == after[n]}
    assert set(before) - untouched == {
        "xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"}
    sheet = after["xl/worksheets/sheet1.xml"].decode()
    for kept in ("x14:dataValidation", "<dataValidation ", "<conditionalFormatting", "<drawing ", "<legacyDrawing ",
                 'state="frozen"'):
        assert kept in sheet, kept
    assert re.search(rb"Print_Titles", after["xl/workbook.xml"]) and b'activeTab="0"' in after["xl/workbook.xml"]
    assert package_errors(annotated) == []


def test_problem_cells_are_filled_by_severity_and_keep_their_font_and_border(case):
    data, sub, _, annotated, _ = case
    old, new = load(data)["Phụ lục"], load(annotated)["Phụ lục"]
    for p in (p for p in sub.problems if p.location.cell):
        cell = new[p.location.cell]
        assert cell.fill.fgColor.rgb == (RED if p.severity is Severity.ERROR else YELLOW)
        assert repr(cell.font) == repr(old[p.location.cell].font) and repr(cell.border) == repr(old[p.location.cell].border)
        assert f"[{p.rule}]" in cell.comment.text
    filled = {c.coordinate for row in new.iter_rows() for c in row if c.fill.fgColor.rgb in (RED, YELLOW)}
    assert filled == {p.location.cell for p in sub.problems if p.location.cell}


def test_the_list_sheet_comes_last_and_links_each_problem_to_its_cell(case):
    _, sub, _, annotated, _ = case
    book = load(annotated)
    assert book.sheetnames == ["Phụ lục", "Thông tin", "Vấn đề cần sửa"]
    rows = list(book["Vấn đề cần sửa"].iter_rows(min_row=4))
    assert [(r[0].value, r[2].value) for r in rows] == [(str(i), p.rule) for i, p in enumerate(sub.problems, 1)]
    links = [r[3].hyperlink.location if r[3].hyperlink else None for r in rows]
    assert links == [f"'Phụ lục'!{p.location.cell}" if p.location.cell else "'Phụ lục'!A18" for p in sub.problems]


def test_the_normalised_copy_changes_only_the_normalised_cells_and_notes_each(case):
    data, sub, plan, _, normalised = case
    old, new = load(data), load(normalised)
    assert new.sheetnames == old.sheetnames
    changed = {(c.spot.sheet, f"{chr(65 + c.spot.col)}{c.spot.row}"): c.new for c in plan.changes}
    for ws in old.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                after = new[ws.title][cell.coordinate]
                if (ws.title, cell.coordinate) in changed:
                    assert after.value == changed[(ws.title, cell.coordinate)] and after.data_type == "s"
                    assert after.comment.text.startswith("docgen:\ndocgen đã chuẩn hóa ô này")
                else:
                    assert after.value == cell.value
    assert package_errors(normalised) == []


def test_a_formula_cell_is_not_overwritten_by_the_normalised_copy(tmp_path):
    book = OpenpyxlBook()
    book.active.title = "Phụ lục"
    book.active["B2"] = "=A2&\"\""
    out = io.BytesIO()
    book.save(out)
    plan = ReturnPlan((), (), (Change(Spot("Phụ lục", 2, 1), "", "Xã Quảng Lâm", "docgen đã chuẩn hóa ô này."),))
    cell = load(xlsx.normalised_workbook(out.getvalue(), plan))["Phụ lục"]["B2"]
    assert cell.value == "=A2&\"\"" and "không sửa; giá trị chuẩn là «Xã Quảng Lâm»" in cell.comment.text


def test_a_file_without_problems_gets_a_list_saying_so(tmp_path):
    book = OpenpyxlBook()
    out = io.BytesIO()
    book.save(out)
    annotated = xlsx.annotated_workbook(out.getvalue(), ReturnPlan((), (), ()), "a.xlsx — Huyện A")
    rows = list(load(annotated)["Vấn đề cần sửa"].iter_rows(values_only=True))
    assert rows[1][0].startswith("Có 0 lỗi và 0 cảnh báo.") and rows[3][0].startswith("Không có vấn đề nào")


def test_a_problem_on_a_sheet_the_file_lacks_is_listed_without_a_link():
    book = OpenpyxlBook()
    out = io.BytesIO()
    book.save(out)
    p = Problem("VB-05", Severity.WARNING, "Nhãn lạ.", Location("a.xlsx", "Thông tin", "B3"))
    from docgen.returns.marks import Entry, Note

    plan = ReturnPlan((Note(Spot("Thông tin", 3, 1), (p,), "x"),), (Entry(1, p, "Thông tin › B3", "", Spot("Thông tin", 3, 1)),), ())
    row = list(load(xlsx.annotated_workbook(out.getvalue(), plan, "a"))["Vấn đề cần sửa"].iter_rows(min_row=4))[0]
    assert row[3].value == "Thông tin › B3" and row[3].hyperlink is None
