"""The collection workbook as Excel sees it (docgen/workbooks/sheets.py), read back with openpyxl."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from docgen.campaigns.campaign import load_campaign
from tests.forms import COLUMNS, FACT_FIELDS
from docgen.workbooks import write_workbooks
from docgen.workbooks.sheets import FIRST_DATA_ROW, HEADER_ROW


@pytest.fixture(scope="module")
def muong_nhe(tmp_path_factory):
    out = tmp_path_factory.mktemp("bm")
    (path,) = write_workbooks(load_campaign("2022-trang-cong-dong"), out, "Mường Nhé")
    return load_workbook(path)


def _validations(ws):
    return {str(r): dv for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges}


def test_the_workbook_has_the_form_the_facts_and_the_instructions(muong_nhe):
    assert muong_nhe.sheetnames == ["Phụ lục", "Thông tin", "Hướng dẫn"]
    assert muong_nhe.active.title == "Phụ lục"


def test_the_title_rows_read_like_the_seed_form(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    assert [ws["A1"].value, ws["A3"].value, ws["A4"].value] == [
        "ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ",
        "DANH SÁCH",
        "“Trang cộng đồng” Mặt trận huyện Mường Nhé",
    ]


def test_the_header_has_two_rows_with_merged_cells(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    top = [ws.cell(HEADER_ROW, c).value for c in range(1, 11)]
    sub = [ws.cell(HEADER_ROW + 1, c).value for c in range(1, 11)]
    assert top == ["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết", "Lãnh đạo phụ trách", None, None,
                   "Cán bộ quản lý, vận hành", None, None]
    assert sub[4:] == ["Họ và tên", "Số điện thoại", "Địa chỉ hộp thư điện tử"] * 2
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:G6", "H6:J6"} <= merged


def test_the_district_is_on_its_own_row_under_I_and_every_commune_is_numbered_under_II(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    rows = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(FIRST_DATA_ROW, ws.max_row + 1)]
    rows = [r for r in rows if r != (None, None)]
    assert rows[0] == ("I", "Cấp huyện")
    assert rows[1] == (1, "Huyện Mường Nhé")
    assert rows[2] == ("II", "Cấp xã")
    communes = [r for r in rows[3:] if isinstance(r[0], int)]
    assert [n for n, _ in communes] == list(range(1, len(communes) + 1))
    assert ("Xã Chung Chải" in [name for _, name in communes]) and len(communes) >= 10


def test_phone_cells_are_text_so_no_leading_zero_is_lost(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    phone_cols = [i for i, c in enumerate(COLUMNS, start=1) if c.key.endswith("_sdt")]
    assert phone_cols == [6, 9]
    for c in phone_cols:
        assert ws.cell(FIRST_DATA_ROW + 1, c).number_format == "@"


def test_every_column_says_what_to_type(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    dvs = list(ws.data_validations.dataValidation)
    prompts = {str(dv.sqref).split(":")[0][:-len(str(FIRST_DATA_ROW))]: dv.prompt for dv in dvs}
    assert len(prompts) == len(COLUMNS)
    assert prompts["F"] == COLUMNS[5].hint
    assert all(dv.showInputMessage for dv in dvs)


def test_the_header_is_locked_and_frozen_and_data_cells_are_open(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    assert ws.protection.sheet is True
    assert ws.freeze_panes == f"C{FIRST_DATA_ROW}"
    assert ws.cell(HEADER_ROW, 3).protection.locked is True
    assert ws.cell(FIRST_DATA_ROW + 1, 2).protection.locked is True      # official name: not to be edited
    assert ws.cell(FIRST_DATA_ROW + 1, 3).protection.locked is False     # Tên Trang: typed by the clerk


def test_the_form_prints_landscape_on_A4_one_page_wide_with_the_header_repeated(muong_nhe):
    ws = muong_nhe["Phụ lục"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9   # A4
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$6:$7"


@pytest.mark.parametrize("sheet", ["Thông tin", "Hướng dẫn"])
def test_the_facts_and_guide_sheets_print_all_their_columns_on_one_page_wide(muong_nhe, sheet):
    ws = muong_nhe[sheet]
    assert int(ws.page_setup.paperSize) == 9
    assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True


def test_the_facts_sheet_has_every_label_and_the_reporting_unit_filled_in(muong_nhe):
    ws = muong_nhe["Thông tin"]
    labels = [ws.cell(r, 1).value for r in range(1, len(FACT_FIELDS) + 1)]
    assert labels == [f.label for f in FACT_FIELDS]
    assert ws["B1"].value == "Huyện Mường Nhé"
    assert ws.cell(1, 3).value == FACT_FIELDS[0].hint


def test_fixed_choices_are_list_validated(muong_nhe):
    ws = muong_nhe["Thông tin"]
    row = {f.key: i for i, f in enumerate(FACT_FIELDS, start=1)}
    dvs = _validations(ws)
    assert dvs[f"B{row['co_ke_hoach']}"].type == "list"
    assert dvs[f"B{row['co_ke_hoach']}"].formula1 == '"Có,Không"'
    assert dvs[f"B{row['chuc_vu']}"].formula1 == '"CHỦ TỊCH,PHÓ CHỦ TỊCH"'
    assert dvs[f"B{row['tham_quyen']}"].formula1 == '"TM. BAN THƯỜNG TRỰC"'   # the campaign's one form: [ky] cap_pho
    assert dvs[f"B{row['nguoi_ky']}"].type is None and dvs[f"B{row['nguoi_ky']}"].prompt


def test_the_instructions_give_each_levels_naming_pattern_example_and_deadline(muong_nhe):
    ws = muong_nhe["Hướng dẫn"]
    text = "\n".join(str(c.value) for c in ws["A"] if c.value)
    assert "Cấp huyện: “Mặt trận” + “tên đơn vị” + “tên tỉnh”. Ví dụ: Mặt trận Nậm Pồ (tỉnh Điện Biên)." in text
    assert "<" not in text and "‹" not in text   # no programmer notation
    assert "Ví dụ: Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)" in text
    assert "Tên đúng mẫu của huyện Mường Nhé: Mặt trận Mường Nhé (tỉnh Điện Biên)." in text
    assert "- Huyện Mường Nhé: trước ngày 31/3/2022, gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên." in text
    assert "- Cấp xã: trước ngày 15/3/2022, gửi Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé." in text
    assert "ghi «Chưa có» hoặc «Đang xây dựng» ở cột Địa chỉ liên kết" in text   # as the samples' own guide
    assert "Căn cứ Công văn số 1031/MTTQ-BTT ngày 25/02/2022" in text


def test_the_two_level_workbooks_are_one_per_commune_headed_with_its_own_front(two_level_folder, tmp_path):
    paths = write_workbooks(load_campaign(two_level_folder), tmp_path / "ra")
    assert len(paths) == 45
    path = next(p for p in paths if p.name == "bieu-mau-xa-muong-phang.xlsx")
    wb = load_workbook(path)
    ws = wb["Phụ lục"]
    assert (ws.cell(FIRST_DATA_ROW, 1).value, ws.cell(FIRST_DATA_ROW, 2).value) == ("I", "Cấp xã")
    assert (ws.cell(FIRST_DATA_ROW + 1, 1).value, ws.cell(FIRST_DATA_ROW + 1, 2).value) == (1, "Xã Mường Phăng")
    assert ws.cell(FIRST_DATA_ROW + 2, 1).value is None
    assert wb["Thông tin"]["B1"].value == "Xã Mường Phăng"
    assert ws["A1"].value == "ỦY BAN MTTQ VIỆT NAM XÃ MƯỜNG PHĂNG"


def test_yes_no_admits_nothing_else_but_an_unusual_title_is_only_questioned(muong_nhe):
    ws = muong_nhe["Thông tin"]
    row = {f.key: i for i, f in enumerate(FACT_FIELDS, start=1)}
    dvs = _validations(ws)
    assert dvs[f"B{row['bao_cao_cap_uy']}"].errorStyle == "stop"
    assert dvs[f"B{row['chuc_vu']}"].errorStyle == "warning"


def test_input_message_titles_say_whose_and_what_in_whole_words(muong_nhe):
    """Excel's 32-character limit: «Lãnh đạo: Số điện thoại», never «…Số điện thoạ» nor «…Số điện» (issue 16, item 11)."""
    from tests.forms import FACT_FIELDS

    titles = [dv.promptTitle for name in ("Phụ lục", "Thông tin")
              for dv in muong_nhe[name].data_validations.dataValidation if dv.promptTitle]
    assert all(len(t) <= 32 for t in titles)
    for expected in ("Lãnh đạo phụ trách: Họ và tên", "Lãnh đạo: Số điện thoại", "Lãnh đạo: Thư điện tử",
                     "Cán bộ vận hành: Họ và tên", "Cán bộ vận hành: Số điện thoại", "Cán bộ vận hành: Thư điện tử"):
        assert expected in titles, expected
    labels = [f.label for f in FACT_FIELDS]
    assert all(t in labels or any(lb.startswith(t) and lb[len(t)] in " ,;:" for lb in labels)
               for t in titles if ":" not in t and t not in ("TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết")), titles
