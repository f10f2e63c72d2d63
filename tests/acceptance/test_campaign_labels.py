"""The page campaigns' remaining labels are data (issue 10): a copied campaign that renames them shows the new
words in `kiem-tra`'s figure lines, the web result page's figure columns, and the documents read back."""

from __future__ import annotations

from pathlib import Path

from docgen.cli import main
from tests.acceptance.copied_campaign import edit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "mau" / "2022-dien-bien"
TUAN_GIAO = SAMPLE / "tuan-giao.xlsx"


def test_kiem_tra_prints_each_levels_figures_in_the_campaigns_words(copied, capsys):
    assert main(["kiem-tra", str(TUAN_GIAO)]) == 1
    shipped = capsys.readouterr().out
    assert "    Cấp xã: 19/19 đơn vị có trong danh sách; 18/19 đơn vị có Trang;" in shipped
    edit(copied, "{cap}: {so_da_bao_cao}/{so_don_vi} đơn vị có trong danh sách;",
          "{cap} — đã ghi {so_da_bao_cao}/{so_don_vi} đơn vị ({ti_le_trang} có Trang);")
    assert main(["kiem-tra", str(TUAN_GIAO), "--chien-dich", str(copied)]) == 1
    out = capsys.readouterr().out
    assert "    Cấp xã — đã ghi 19/19 đơn vị (94,7% có Trang); 18/19 đơn vị có Trang;" in out
    assert "đơn vị có trong danh sách" not in out


def test_the_web_result_pages_figure_columns_are_the_campaigns_figure_names(copied):
    from docgen.api import ten_so_lieu
    from docgen.web.results import figure_columns

    shipped = dict(figure_columns(ten_so_lieu("2022-trang-cong-dong")))
    assert (shipped["with_page"], shipped["on_pattern"]) == ("Có Trang", "Tên đúng mẫu")
    edit(copied, 'ten = "có Trang"', 'ten = "đã lập Trang"')
    edit(copied, 'xlsx_so_da_bao_cao = "có trong danh sách"', 'xlsx_so_da_bao_cao = "đã ghi tên"')
    renamed = dict(figure_columns(ten_so_lieu(copied)))
    assert (renamed["with_page"], renamed["present"]) == ("Đã lập Trang", "Đã ghi tên")
    assert renamed["on_pattern"] == "Tên đúng mẫu"


def _paragraphs(path: Path) -> list[str]:
    import docx

    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_the_phu_luc_title_is_the_campaigns_and_else_the_default_campaigns(copied, tmp_path):
    from docgen import api

    shipped = "DANH SÁCH “TRANG CỘNG ĐỒNG” CỦA MẶT TRẬN CÁC CẤP"
    edit(copied, f'tieu_de_phu_luc = "{shipped}"\n', "")
    edit(copied, f'tieu_de = "{shipped}"\n# Dòng tên đơn vị', "# Dòng tên đơn vị")
    written = api.cong_van(copied, tmp_path / "mac-dinh").written[0]
    assert shipped in _paragraphs(written)   # neither written: the default campaign's title (PL-03)
    edit(copied, "[bao_cao]\n", '[bao_cao]\ntieu_de_phu_luc = "DANH SÁCH TRANG CỦA MẶT TRẬN (LẦN HAI)"\n')
    dispatch = _paragraphs(api.cong_van(copied, tmp_path / "cong-van").written[0])
    assert "DANH SÁCH TRANG CỦA MẶT TRẬN (LẦN HAI)" in dispatch and shipped not in dispatch
    report = next(f for w in api.bao_cao([TUAN_GIAO], tmp_path / "bao-cao", chien_dich=str(copied)).written
                  for f in w.files if f.suffix == ".docx")
    assert "DANH SÁCH TRANG CỦA MẶT TRẬN (LẦN HAI)" in _paragraphs(report)


def _cells(path: Path) -> list[str]:
    import docx

    return [c.text for t in docx.Document(str(path)).tables for r in t.rows for c in r.cells]


def test_the_words_for_no_page_yet_are_the_link_columns_chua_co(copied, tmp_path):
    import shutil

    import openpyxl

    from docgen import api

    folder = tmp_path / "vao"
    folder.mkdir()
    shutil.copyfile(TUAN_GIAO, folder / "tuan-giao.xlsx")
    book = openpyxl.load_workbook(folder / "tuan-giao.xlsx")
    assert book["Phụ lục"]["B12"].value == "Xã Phình Sáng"
    book["Phụ lục"]["C12"], book["Phụ lục"]["D12"] = None, "Chờ duyệt tên"
    book.save(folder / "tuan-giao.xlsx")

    def rules(campaign) -> set[str]:
        found = api.kiem_tra([folder], chien_dich=str(campaign)).submissions[0].problems
        return {p.rule for p in found if p.location.cell == "D12"}

    assert rules(ROOT / "data" / "chien-dich" / "2022-trang-cong-dong") == {"LK-01"}   # not a word it knows
    edit(copied, 'chua_co_ghi_chu = ["chưa",', 'chua_co_ghi_chu = ["chờ duyệt", "chưa",')
    assert rules(copied) == {"TT-02"}   # no page yet, in the campaign's own words
    report = next(f for w in api.bao_cao([folder], tmp_path / "bao-cao", chien_dich=str(copied)).written
                  for f in w.files if f.suffix == ".docx")
    assert "Chưa lập “Trang cộng đồng” (Chờ duyệt tên)" in _cells(report)
    assert any("xã Phình Sáng (Chờ duyệt tên)" in t for t in _paragraphs(report))


def test_chien_dich_kiem_tra_names_no_page_words_on_a_column_that_is_not_a_link(copied, capsys):
    edit(copied, 'ten_khac = ["Tên Trang cộng đồng",', 'chua_co = ["chưa có"]\nten_khac = ["Tên Trang cộng đồng",')
    assert main(["chien-dich", "kiem-tra", str(copied)]) == 2
    said = capsys.readouterr()
    assert "bieu_mau.cot[2].chua_co" in said.out + said.err
    assert "chỉ cột kiểu «lien_ket» mới ghi chữ «chưa có Trang»" in said.out + said.err


def test_the_blank_workbooks_guide_says_how_to_write_no_page_in_the_campaigns_words(copied, tmp_path):
    import openpyxl

    from docgen import api

    edit(copied, "ghi «Chưa có» hoặc «Đang xây dựng» ở cột {lien_ket}", "ghi «Chờ duyệt» ở cột {lien_ket}")
    book = api.bieu_mau(copied, tmp_path, don_vi="Huyện Mường Nhé")[0]
    guide = "\n".join(str(c.value) for c in openpyxl.load_workbook(book)["Hướng dẫn"]["A"] if c.value)
    assert "ghi «Chờ duyệt» ở cột Địa chỉ liên kết" in guide and "Đang xây dựng" not in guide


def test_the_blank_workbooks_title_line_is_the_campaigns_sentence(copied, tmp_path):
    import openpyxl

    from docgen import api

    edit(copied, 'bm_tieu_de = "“Trang cộng đồng” Mặt trận {don_vi}"', 'bm_tieu_de = "Trang tin điện tử của Mặt trận {don_vi}"')
    book = openpyxl.load_workbook(api.bieu_mau(copied, tmp_path, don_vi="Huyện Mường Nhé")[0])
    titles = [str(c.value) for row in book.worksheets[0].iter_rows(max_row=6) for c in row if c.value]
    assert "Trang tin điện tử của Mặt trận huyện Mường Nhé" in titles
    assert not any("Trang cộng đồng" in t for t in titles)
