"""The .xlsx reader: the form found by its header text in every layout clerks use; values kept as typed."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from tests.readers.readers_factory import DISTRICT, all_facts, commune, patch_xlsx, standard_rows, write_form

from docgen.errors import InputError
from tests.forms import PAGE_FORM
from docgen.readers import read_source


def units(source) -> list[str]:
    return [r.text("don_vi") for r in source.table.rows]


def test_it_finds_the_table_under_title_rows_and_reads_each_unit_row(tmp_path):
    path, first = write_form(tmp_path / "a.xlsx", standard_rows())
    source = read_source(path, PAGE_FORM)
    assert source.table.header_at == "A5:J6"
    assert str(source.table.source) == "a.xlsx › Phụ lục"
    assert units(source) == ["Huyện Mường Nhé", "Xã Chung Chải", "Xã Sín Thầu", "Xã Pá Mỳ"]
    assert [r.group for r in source.table.rows] == [0, 1, 1, 1]
    assert source.notes == ()
    row = source.table.rows[1]
    assert str(row.cells["ld_sdt"].location) == "a.xlsx › Phụ lục › F10"
    assert row.location.cell == "dòng 10"


def test_the_district_data_may_sit_on_the_group_row_itself(tmp_path):
    body = [["I", "Cấp huyện", *DISTRICT[1:]], ["II", "Cấp xã"], commune(1)]
    source = read_source(write_form(tmp_path / "a.xlsx", body)[0], PAGE_FORM)
    assert [(r.group, r.text("tt"), r.text("don_vi")) for r in source.table.rows] == [
        (0, "I", "Cấp huyện"), (1, "1", "Xã Chung Chải")]
    assert source.table.rows[0].text("ten_trang") == "Mặt trận Mường Nhé (tỉnh Điện Biên)"


def test_group_rows_are_known_by_cap_words_without_numerals(tmp_path):
    body = [[None, "Cấp huyện"], [None, *DISTRICT], [None, "Cấp xã"], commune(1)]
    source = read_source(write_form(tmp_path / "a.xlsx", body)[0], PAGE_FORM)
    assert [r.group for r in source.table.rows] == [0, 1]


def test_blank_rows_inside_the_table_are_skipped(tmp_path):
    body = standard_rows()
    body.insert(4, [None] * 10)
    body.insert(5, ["  ", "\u00a0"])
    source = read_source(write_form(tmp_path / "a.xlsx", body)[0], PAGE_FORM)
    assert len(source.table.rows) == 4 and source.notes == ()


def test_a_note_and_signature_under_the_table_end_it(tmp_path):
    body = standard_rows() + [[], ["* Ghi chú: tên Trang theo mẫu 2.1."], [None, "Người lập biểu", None, None, None,
                              None, None, "Mường Nhé, ngày 20 tháng 3 năm 2022"], [None, None, None, None, None, None,
                              None, "TM. BAN THƯỜNG TRỰC"], [None, None, None, None, None, None, None, "Lò Văn Thắng"]]
    source = read_source(write_form(tmp_path / "a.xlsx", body)[0], PAGE_FORM)
    assert len(source.table.rows) == 4 and source.notes == ()


def test_a_unit_row_left_under_the_note_is_still_read_with_a_note(tmp_path):
    body = standard_rows() + [["* Ví dụ:"], [4, "Xã Nậm Kè", "Mặt trận Nậm Kè (huyện Mường Nhé, tỉnh Điện Biên)"]]
    path, first = write_form(tmp_path / "a.xlsx", body)
    source = read_source(path, PAGE_FORM)
    assert units(source)[-1] == "Xã Nậm Kè"
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-04", f"dòng {first + 7}")]


def test_header_texts_with_line_breaks_and_other_case_are_found(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows(), breaks=True,
                         rename={"TT": "STT", "Tên Trang": "TÊN TRANG"})
    assert len(read_source(path, PAGE_FORM).table.rows) == 4


def test_the_table_may_start_in_another_column_on_another_sheet(tmp_path):
    path, first = write_form(tmp_path / "a.xlsx", standard_rows(), sheet="Danh sách", first_col=3,
                             before=("Hướng dẫn",), after=("Sheet3",), facts=all_facts())
    source = read_source(path, PAGE_FORM)
    assert source.table.header_at == "C5:L6"
    assert source.table.rows[0].cells["don_vi"].location.cell == f"D{first + 1}"
    assert source.facts.don_vi == "Huyện Mường Nhé"


def test_a_row_of_column_numbers_under_the_header_belongs_to_the_header(tmp_path):
    body = [[f"({i})" for i in range(1, 11)]] + standard_rows()
    assert units(read_source(write_form(tmp_path / "a.xlsx", body)[0], PAGE_FORM))[0] == "Huyện Mường Nhé"


def test_header_without_merged_cells_is_found_too(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows(), merge_header=False)
    assert len(read_source(path, PAGE_FORM).table.rows) == 4


def test_values_keep_their_typed_types(tmp_path):
    body = standard_rows()
    body[3][4] = dt.datetime(2022, 3, 1)     # a date where a name is expected
    body[3][5] = 912000101                   # a phone typed as a number
    body[3][8] = 977000101.0
    body[3][2] = 12.5
    source = read_source(write_form(tmp_path / "a.xlsx", body)[0], PAGE_FORM)
    cells = source.table.rows[1].cells
    assert cells["ld_ten"].value == dt.date(2022, 3, 1)
    assert cells["ld_sdt"].value == 912000101 and type(cells["ld_sdt"].value) is int
    assert cells["ten_trang"].value == 12.5
    assert cells["tt"].value == 1


def test_formula_without_stored_result_is_kept_as_text_with_a_note(tmp_path):
    body = standard_rows()
    body[3][5] = '="0912"&"000101"'
    path, first = write_form(tmp_path / "a.xlsx", body)
    source = read_source(path, PAGE_FORM)
    cell = source.table.rows[1].cells["ld_sdt"]
    assert cell.value == '="0912"&"000101"'
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-02", f"F{first + 3}")]


def test_formula_with_a_stored_result_gives_the_result(tmp_path):
    body = standard_rows()
    body[3][0] = "=1+0"
    path, first = write_form(tmp_path / "a.xlsx", body)
    patch_xlsx(path, b"<f>1+0</f><v></v>", b"<f>1+0</f><v>1</v>")
    source = read_source(path, PAGE_FORM)
    assert source.table.rows[1].cells["tt"].value == 1 and source.notes == ()


def test_a_formula_row_under_the_table_is_not_data(tmp_path):
    body = standard_rows() + [[None, None, None, "=COUNTA(D8:D12)"]]
    path, first = write_form(tmp_path / "a.xlsx", body)
    source = read_source(path, PAGE_FORM)
    assert len(source.table.rows) == 4
    assert [n.rule for n in source.notes] == ["VB-04"]


def test_control_characters_are_removed_with_a_note_and_emoji_kept(tmp_path):
    body = standard_rows()
    body[3][4] = "Giàng CTRL A Páo 🌟"
    path, first = write_form(tmp_path / "a.xlsx", body)
    patch_xlsx(path, b"CTRL", b"_x0007__x001F_")
    source = read_source(path, PAGE_FORM)
    assert source.table.rows[1].cells["ld_ten"].value == "Giàng  A Páo 🌟"
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-01", f"E{first + 3}")]


def test_merged_cells_over_data_give_the_value_once_with_a_note(tmp_path):
    path, first = write_form(tmp_path / "a.xlsx", standard_rows())
    wb = openpyxl.load_workbook(path)
    ws = wb["Phụ lục"]
    ws.merge_cells(f"I{first + 3}:I{first + 4}")    # one operator phone for two communes
    wb.save(path)
    source = read_source(path, PAGE_FORM)
    assert source.table.rows[1].cells["vh_sdt"].value == "0977 000 101"
    assert "vh_sdt" not in source.table.rows[2].cells
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-03", f"I{first + 3}")]
    assert f"I{first + 3}:I{first + 4}" in source.notes[0].message


def test_a_merged_group_row_is_not_a_note(tmp_path):
    path, first = write_form(tmp_path / "a.xlsx", standard_rows())
    wb = openpyxl.load_workbook(path)
    wb["Phụ lục"].merge_cells(f"B{first + 2}:J{first + 2}")
    wb.save(path)
    assert read_source(path, PAGE_FORM).notes == ()


def test_cells_right_of_the_table_are_reported_not_lost(tmp_path):
    body = standard_rows()
    body[3] = body[3] + ["đã đổi tên Trang"]
    path, first = write_form(tmp_path / "a.xlsx", body)
    source = read_source(path, PAGE_FORM)
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-04", f"K{first + 3}")]
    assert "đã đổi tên Trang" in source.notes[0].message


def test_a_missing_column_is_named(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows(), rename={"Địa chỉ liên kết": "Link"})
    with pytest.raises(InputError) as exc:
        read_source(path, PAGE_FORM)
    assert "thiếu cột «Địa chỉ liên kết»" in exc.value.message
    assert str(exc.value.location) == "a.xlsx › Phụ lục › A5:J6"


def test_a_renamed_person_column_is_named_with_its_group(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows(),
                         rename={"Cán bộ quản lý, vận hành/Số điện thoại": "Zalo"})
    with pytest.raises(InputError, match="thiếu cột «Cán bộ quản lý, vận hành › Số điện thoại»"):
        read_source(path, PAGE_FORM)


def test_no_sheet_with_the_header_says_what_was_looked_for(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["Họ tên", "Điện thoại"])
    wb.save(tmp_path / "a.xlsx")
    with pytest.raises(InputError) as exc:
        read_source(tmp_path / "a.xlsx", PAGE_FORM)
    assert exc.value.message.startswith("Không trang tính nào («Sheet») có bảng danh sách theo mẫu Phụ lục.")
    assert "«Tên Trang», «Địa chỉ liên kết», «Lãnh đạo phụ trách»" in exc.value.message


def test_two_filled_sheets_are_refused_but_an_empty_copy_of_the_form_is_skipped(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows())
    wb = openpyxl.load_workbook(path)
    copy = wb.copy_worksheet(wb["Phụ lục"])
    copy.title = "Bản sao"
    wb.save(path)
    with pytest.raises(InputError, match="Có 2 trang tính cùng có bảng danh sách theo mẫu"):
        read_source(path, PAGE_FORM)
    for row in copy.iter_rows(min_row=7):
        for cell in row:
            if type(cell).__name__ == "Cell":
                cell.value = None
    wb.save(path)
    source = read_source(path, PAGE_FORM)
    assert source.table.source.sheet == "Phụ lục" and len(source.table.rows) == 4
    assert [n.rule for n in source.notes] == ["VB-04"]


def test_fifty_thousand_rows_read(tmp_path):
    path = tmp_path / "lon.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Phụ lục")
    ws.append(["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết", "Lãnh đạo phụ trách", None, None,
               "Cán bộ quản lý, vận hành", None, None])
    ws.append([None] * 4 + ["Họ và tên", "Số điện thoại", "Địa chỉ hộp thư điện tử"] * 2)
    ws.append(["I", "Cấp xã"])
    for i in range(1, 50001):
        ws.append([i, f"Xã Số {i}", f"Mặt trận Số {i}", f"https://www.facebook.com/x{i}", "Lò Văn A",
                   "0912 000 101", "a@gmail.com", "Lò Thị B", 912000102, "b@gmail.com"])
    wb.save(path)
    source = read_source(path, PAGE_FORM)
    assert len(source.table.rows) == 50000
    assert source.table.rows[-1].cells["don_vi"].location.cell == "B50003"
    assert source.table.rows[-1].cells["vh_sdt"].value == 912000102


def test_a_header_repeated_inside_the_table_is_skipped_with_a_note(tmp_path):
    from tests.readers.readers_factory import header_cells

    top, sub = header_cells()
    body = standard_rows()[:4] + [top, sub] + standard_rows()[4:]
    path, first = write_form(tmp_path / "a.xlsx", body)
    source = read_source(path, PAGE_FORM)
    assert len(source.table.rows) == 4
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-04", f"dòng {first + 4}")]
