"""docgen.ooxml.sml: a workbook edited as a package keeps every part it does not change, byte for byte."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from docgen.ooxml import PackageError
from docgen.ooxml.sml import MAIN, q
from docgen.ooxml.sml.cells import SharedStrings, SheetCells, set_text, split_ref, style_of
from docgen.ooxml.sml.comments import add_notes, notes_of
from docgen.ooxml.sml.package import Workbook
from docgen.ooxml.sml.sheets import NewCell, add_sheet, location_of
from docgen.ooxml.sml.styles import StyleSheet

from tests.returns.returns_factory import SAMPLES, SCHEMAS, excel_like, load, package_errors

SHEET = "xl/worksheets/sheet1.xml"


def sheet(xml: str) -> etree._Element:
    return etree.fromstring(f'<worksheet xmlns="{MAIN}"><sheetData>{xml}</sheetData></worksheet>')


def refs(root) -> list[str]:
    return [c.get("r") for c in root.iter(q("c"))]


def test_it_creates_a_missing_cell_in_column_order_with_its_rows_style():
    root = sheet('<row r="2" s="7" customFormat="1"><c r="A2"/><c r="D2"/></row>')
    cell = SheetCells(root).cell(2, 2, create=True)
    assert refs(root) == ["A2", "C2", "D2"] and cell.get("s") == "7"


def test_it_creates_a_missing_row_between_the_others():
    root = sheet('<row r="1"><c r="A1"/></row><row r="5"><c r="A5"/></row>')
    SheetCells(root).cell(3, 0, create=True)
    assert [r.get("r") for r in root.iter(q("row"))] == ["1", "3", "5"]


def test_it_writes_out_references_a_program_left_implied():
    root = sheet("<row><c/><c/></row><row><c/></row>")
    assert SheetCells(root).cell(2, 0) is not None
    assert refs(root) == ["A1", "B1", "A2"]


def test_it_replaces_a_formula_and_rich_text_by_plain_text_keeping_the_format():
    root = sheet('<row r="1"><c r="A1" s="3" t="str"><f>A2&amp;""</f><v>x</v></c></row>')
    cell = SheetCells(root).cell(1, 0)
    set_text(cell, " 0912 000 101")
    assert cell.get("t") == "inlineStr" and cell.get("s") == "3" and cell.find(q("f")) is None
    assert cell.findtext(f"{q('is')}/{q('t')}") == " 0912 000 101"


def test_it_adds_shared_strings_keeping_the_counts_true():
    sst = etree.fromstring(f'<sst xmlns="{MAIN}" count="3" uniqueCount="1"><si><t>a</t></si></sst>')
    root = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>5</v></c></row>')
    cells = SheetCells(root)
    set_text(cells.cell(1, 0), "b", SharedStrings(sst))   # a shared string replaced: count unchanged
    set_text(cells.cell(1, 1), "c", SharedStrings(sst))   # a number replaced: one more reference
    assert (sst.get("count"), sst.get("uniqueCount")) == ("4", "3")
    assert [c.findtext(q("v")) for c in root.iter(q("c"))] == ["1", "2"]


def test_it_reads_references():
    assert split_ref("B7") == (7, 1) and split_ref("$AB$10") == (10, 27) and split_ref("dòng 3") is None


@pytest.fixture(scope="module")
def excel() -> bytes:
    return excel_like()


def test_it_copies_every_member_it_did_not_change_byte_for_byte(excel):
    wb = Workbook(excel)
    cell = SheetCells(wb.edit(SHEET)).cell(12, 5)
    cell.set("s", str(StyleSheet(wb).xf(style_of(cell), fill=StyleSheet(wb).fill("FFC7CE"))))
    out = wb.to_bytes()
    before, after = zipfile.ZipFile(io.BytesIO(excel)), zipfile.ZipFile(io.BytesIO(out))
    assert after.namelist() == before.namelist()
    changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
    assert changed == {SHEET, "xl/styles.xml"}
    assert package_errors(out) == []


def test_it_refuses_what_is_not_a_workbook():
    with pytest.raises(PackageError):
        Workbook(b"not a zip")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(PackageError):
        Workbook(buf.getvalue())


def test_it_lists_the_sheets_in_tab_order(excel):
    assert [t for t, _ in Workbook(excel).sheets()] == ["Phụ lục", "Thông tin"]


def test_it_adds_a_fill_over_a_cells_format_keeping_its_font_border_and_number_format(excel):
    wb = Workbook(excel)
    styles = StyleSheet(wb)
    xfs = styles.root.find(q("cellXfs")).findall(q("xf"))
    base = next(i for i, x in enumerate(xfs) if x.get("borderId") not in (None, "0"))
    new = styles.xf(base, fill=styles.fill("FFC7CE"))
    assert new == styles.xf(base, fill=styles.fill("FFC7CE"))   # made once
    made = styles.root.find(q("cellXfs")).findall(q("xf"))[new]
    for key in ("numFmtId", "fontId", "borderId"):
        assert made.get(key) == xfs[base].get(key)
    fill = styles.root.find(q("fills")).findall(q("fill"))[int(made.get("fillId"))]
    assert fill.find(f"{q('patternFill')}/{q('fgColor')}").get("rgb") == "FFFFC7CE"
    assert styles.root.find(q("cellXfs")).get("count") == str(len(xfs) + 1)


def test_it_adds_notes_beside_the_existing_ones_and_appends_to_a_cell_that_has_one(excel):
    wb = Workbook(excel)
    add_notes(wb, SHEET, {(12, 5): "[SDT-01] Lỗi: số thiếu.", (13, 2): "[TT-01] Lỗi: tên sai."}, "docgen")
    out = wb.to_bytes()
    notes = notes_of(Workbook(out), SHEET)
    assert notes[(1, 0)] == "Biểu của huyện, đã soát lần 1."
    assert notes[(12, 5)].startswith("Số này đang hỏi lại xã.") and "[SDT-01]" in notes[(12, 5)]
    assert notes[(13, 2)] == "docgen:\n[TT-01] Lỗi: tên sai."
    vml = zipfile.ZipFile(io.BytesIO(out)).read("xl/drawings/vmlDrawing1.vml").decode()
    assert vml.count("<v:shape ") == 3 and vml.count('id="_x0000_s1027"') == 1   # one box per noted cell
    ws = load(out)["Phụ lục"]
    assert ws["C13"].comment.author == "docgen" and "[TT-01]" in ws["C13"].comment.text
    assert package_errors(out) == []


def test_it_gives_a_sheet_without_notes_its_comments_part_and_drawing():
    data = (SAMPLES / "muong-nhe.xlsx").read_bytes()
    wb = Workbook(data)
    add_notes(wb, SHEET, {(9, 1): "ghi chú"}, "docgen")
    wb2 = Workbook(wb.to_bytes())
    assert notes_of(wb2, SHEET) == {(9, 1): "docgen:\nghi chú"}
    assert wb2.read(SHEET).find(q("legacyDrawing")) is not None
    assert package_errors(wb.to_bytes()) == []


def test_it_adds_a_last_sheet_with_links_into_the_others_under_a_free_title(excel):
    wb = Workbook(excel)
    rows = [[NewCell("Vị trí")], [NewCell("Phụ lục › F12", link=location_of("Phụ lục", 12, 5))]]
    assert add_sheet(wb, "Phụ lục", rows, [20]) == "Phụ lục (2)"
    out = wb.to_bytes()
    book = load(out)
    assert book.sheetnames == ["Phụ lục", "Thông tin", "Phụ lục (2)"]
    assert book["Phụ lục (2)"]["A2"].hyperlink.location == "'Phụ lục'!F12"
    assert package_errors(out) == []


def test_the_schema_check_itself_finds_a_broken_package(excel):
    if not SCHEMAS.is_dir():
        pytest.skip("../shared/ooxml-schemas vắng mặt")
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(excel)) as src, zipfile.ZipFile(buf, "w") as dst:
        for name in src.namelist():
            if name != "xl/media/image1.png":
                data = src.read(name)
                if name == SHEET:
                    data = data.replace(b"<sheetData>", b"<sheetData><bogus/>", 1)
                dst.writestr(name, data)
    errors = package_errors(buf.getvalue())
    assert any("image1.png missing" in e for e in errors) and any("bogus" in e for e in errors)
