"""The page campaigns' form is campaign data: a copy of the 1031 campaign with a column renamed, a hint
reworded, an extra column, or a check rule removed gives documents and findings that follow the file."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from docgen import api
from docgen.campaigns.campaign import CAMPAIGNS_DIR, FILE_NAME, load_campaign
from docgen.cli import main
from docgen.records.units import DATA_DIR
from docgen.workbooks.sheets import FIRST_DATA_ROW, FORM_SHEET, HEADER_ROW

SOURCE = CAMPAIGNS_DIR / "2022-trang-cong-dong" / FILE_NAME
SAMPLES = DATA_DIR / "mau" / "2022-dien-bien"
EXTRA = '''
[[bieu_mau.cot]]
ma = "ghi_chu"
tieu_de = "Ghi chú của đơn vị"
goi_y = "Ghi chú thêm về Trang, nếu có."
kieu = "chu"
rong = 18
'''


def _copy(tmp_path: Path, *edits: tuple[str, str], extra: str = "") -> Path:
    """Return a folder holding the 1031 campaign file with each (old, new) edit made once, `extra` added after
    the last column of the form."""
    text = SOURCE.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    if extra:
        at = text.index("[[bieu_mau.nhom]]")
        text = text[:at] + extra.lstrip() + "\n" + text[at:]
    folder = tmp_path / "thu-bieu-mau"
    folder.mkdir()
    (folder / FILE_NAME).write_text(text, encoding="utf-8")
    return folder


RENAMED = ('tieu_de = "Tên Trang"\n', 'tieu_de = "Tên Trang chính thức"\n')
REWORDED = ("goi_y = \"Tên «Trang cộng đồng» đúng mẫu, ví dụ: Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên).\"",
            "goi_y = \"Ghi đúng tên Trang theo mẫu của cấp.\"")


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    return _copy(tmp_path_factory.mktemp("doi-cot"), RENAMED, REWORDED, extra=EXTRA)


def test_a_renamed_column_a_new_hint_and_an_extra_column_reach_the_workbook(edited, tmp_path):
    assert main(["bieu-mau", str(edited), "--don-vi", "Mường Nhé", "-o", str(tmp_path)]) == 0
    book = next(tmp_path.rglob("bieu-mau-*.xlsx"))
    ws = load_workbook(book)[FORM_SHEET]
    top = [ws.cell(HEADER_ROW, c).value for c in range(1, 12)]
    assert top[2] == "Tên Trang chính thức" and top[10] == "Ghi chú của đơn vị"
    prompts = {str(dv.sqref).split(":")[0]: dv.prompt for dv in ws.data_validations.dataValidation}
    assert prompts[f"C{FIRST_DATA_ROW}"] == "Ghi đúng tên Trang theo mẫu của cấp."
    assert prompts[f"K{FIRST_DATA_ROW}"] == "Ghi chú thêm về Trang, nếu có."
    guide = "\n".join(str(c.value) for c in load_workbook(book)["Hướng dẫn"]["A"] if c.value)
    assert "ghi Tên Trang chính thức, Địa chỉ liên kết, Ghi chú của đơn vị, rồi Họ và tên" in guide
    assert "để trống Tên Trang chính thức, ghi «Chưa có»" in guide


def _filled(edited: Path, out: Path, note: bool = True) -> Path:
    """Return Mường Nhé's workbook of the edited form, Chung Chải's row filled in, extra column included
    (with `note`)."""
    assert main(["bieu-mau", str(edited), "--don-vi", "Mường Nhé", "-o", str(out)]) == 0
    book = next(out.rglob("bieu-mau-*.xlsx"))
    wb = load_workbook(book)
    ws = wb[FORM_SHEET]
    row = next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 2).value == "Xã Chung Chải")
    ws.cell(row, 3).value = "Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)"
    ws.cell(row, 4).value = "https://www.facebook.com/mattranchungchai"
    if note:
        ws.cell(row, 11).value = "Đang mời thêm người theo dõi"
    wb.save(book)
    return book


def test_the_workbook_of_the_edited_form_reads_back_with_its_extra_column(edited, tmp_path):
    from docgen import readers
    from docgen.checks.run import check_source

    book = _filled(edited, tmp_path)
    campaign = load_campaign(edited)
    sub = check_source(readers.read_source(book, campaign.form), campaign)
    record = next(r for r in sub.records if r.unit is not None and r.unit.name == "Chung Chải")
    assert record.page_name == "Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)"
    assert dict(record.extra) == {"ghi_chu": "Đang mời thêm người theo dõi"}


def test_the_summary_workbook_lists_the_extra_column(edited, tmp_path):
    _filled(edited, tmp_path / "huyen")
    api.tong_hop(tmp_path / "huyen", str(edited), tmp_path / "th")
    ws = load_workbook(tmp_path / "th" / "tong-hop.xlsx")["Danh sách Trang"]
    head = [c.value for c in ws[1]]
    assert "Tên Trang chính thức" in head and "Lãnh đạo phụ trách: số điện thoại" in head
    at = head.index("Ghi chú của đơn vị")
    assert [r[at].value for r in ws.iter_rows(min_row=2) if r[at].value] == ["Đang mời thêm người theo dõi"]


def test_the_blank_phu_luc_of_the_dispatch_prints_the_renamed_header(edited, tmp_path):
    assert main(["cong-van", str(edited), "-o", str(tmp_path)]) == 0
    cells = [c.text for f in tmp_path.rglob("*.docx") for t in docx.Document(f).tables for r in t.rows[:2]
             for c in r.cells]
    assert "Tên Trang chính thức" in cells and "Tên Trang" not in cells
    assert "Lãnh đạo phụ trách" in cells


def _rules(campaign) -> list[str]:
    checked = api.kiem_tra([SAMPLES], campaign)
    return sorted(f"{Path(s.source.path).name} {p.rule} {p.location.cell}" for s in checked.submissions
                  for p in s.problems)


def test_without_its_declared_rules_ns02_ns03_are_no_longer_raised(tmp_path):
    before = _rules(SOURCE.parent)
    assert "tuan-giao.xlsx NS-03 H9" in before and "tuan-giao.xlsx NS-02 H30" in before
    vh = 'rong = 20\nbat_buoc = true\nkhac_voi = "ld_ten"\n'
    folder = _copy(tmp_path, (vh, 'rong = 20\n'))
    after = _rules(folder)
    assert not [r for r in after if " NS-02 " in r or " NS-03 " in r]
    others = [r for r in before if " NS-02 " not in r and " NS-03 " not in r]
    assert others == after   # every other finding stays as it was


def test_only_the_ns03_rule_removed_keeps_ns02(tmp_path):
    folder = _copy(tmp_path, ('khac_voi = "ld_ten"\n', ''))
    after = _rules(folder)
    assert not [r for r in after if " NS-03 " in r] and "tuan-giao.xlsx NS-02 H30" in after


def test_the_outline_shows_the_page_form_and_its_rules(capsys):
    assert main(["chien-dich", "kiem-tra", "2022-trang-cong-dong"]) == 0
    out = capsys.readouterr().out
    assert "danh sách Trang, 10 cột" in out
    assert "{lien_ket} «Địa chỉ liên kết»: địa chỉ liên kết; không trùng" in out
    assert "khác người ở cột ld_ten (Cấp huyện)" in out


def test_a_page_form_without_a_page_column_names_it(tmp_path):
    from docgen.errors import CampaignError

    folder = _copy(tmp_path, ('ma = "ld_email"', 'ma = "ld_thu"'))
    with pytest.raises(CampaignError) as err:
        load_campaign(folder)
    assert "ld_email" in err.value.message and "bieu_mau.cot" in str(err.value.location)


def test_a_person_required_at_one_level_only_is_not_asked_of_the_others(tmp_path):
    vh = 'rong = 20\nbat_buoc = true\nkhac_voi = "ld_ten"\n'
    folder = _copy(tmp_path, (vh, vh + 'cap = ["huyen"]\n'))
    after = _rules(folder)
    assert "tuan-giao.xlsx NS-02 H30" not in after      # a commune's row: the operator is asked of districts only
    assert "tuan-giao.xlsx NS-03 H9" in after           # the district's own row keeps its rules


def _phu_luc(report: Path) -> list[list[str]]:
    """Return the cell texts of the report's Phụ lục table (its last table), row by row."""
    return [[c.text for c in r.cells] for r in docx.Document(report).tables[-1].rows]


def test_the_report_s_phu_luc_prints_the_extra_column_and_its_value(edited, tmp_path):
    book = _filled(edited, tmp_path / "huyen")
    written = api.bao_cao([book], tmp_path / "bc", chien_dich=str(edited)).written
    cells = _phu_luc(written[0].files[0])
    assert len(cells[0]) == 11
    assert cells[0][10] == cells[1][10] == "Ghi chú của đơn vị"     # a column alone spans both header rows
    assert cells[0][4:7] == ["Lãnh đạo phụ trách"] * 3 and cells[1][2] == "Tên Trang chính thức"
    chung_chai = next(r for r in cells if r[1] == "Xã Chung Chải")
    assert chung_chai[10] == "Đang mời thêm người theo dõi"
    assert chung_chai[2] == "Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)"


def test_the_province_summary_s_phu_luc_prints_the_extra_column(edited, tmp_path):
    _filled(edited, tmp_path / "huyen")
    api.tong_hop(tmp_path / "huyen", str(edited), tmp_path / "th")
    cells = _phu_luc(tmp_path / "th" / "bao-cao-tong-hop.docx")
    assert cells[1][10] == "Ghi chú của đơn vị"
    assert [r[10] for r in cells[2:] if r[1] == "Xã Chung Chải"] == ["Đang mời thêm người theo dõi"]


def test_a_column_the_campaign_no_longer_declares_leaves_no_empty_column(edited, tmp_path):
    """A campaign whose own phu_luc.docx still has a column (made for the form with «Ghi chú») prints
    only the columns its file declares: no column without a header, nothing of the removed one."""
    from docgen.documents import phu_luc

    folder = _copy(tmp_path)
    (folder / "phu_luc.docx").write_bytes(phu_luc.template(load_campaign(edited)))
    assert len(docx.Document(folder / "phu_luc.docx").tables[0].columns) == 11
    book = _filled(folder, tmp_path / "huyen", note=False)
    written = api.bao_cao([book], tmp_path / "bc", chien_dich=str(folder)).written
    cells = _phu_luc(written[0].files[0])
    assert len(cells[0]) == 10 and all(cells[0]) and all(cells[1])
    assert cells[1][9] == "Địa chỉ hộp thư điện tử" and "Ghi chú của đơn vị" not in cells[0] + cells[1]
    assert next(r for r in cells if r[1] == "Xã Chung Chải")[3] == "https://www.facebook.com/mattranchungchai"


def test_the_blank_phu_luc_of_the_dispatch_has_the_extra_column(edited, tmp_path):
    assert main(["cong-van", str(edited), "-o", str(tmp_path)]) == 0
    table = docx.Document(next(tmp_path.rglob("*.docx"))).tables[-1]
    assert [c.text for c in table.rows[0].cells][-1] == "Ghi chú của đơn vị" and len(table.columns) == 11
