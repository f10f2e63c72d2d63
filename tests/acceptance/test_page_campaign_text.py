"""The page campaigns' figures and sentences are data: a copied campaign rewords a sentence and changes a figure,
and the reports say the new words and the new number; `chien-dich kiem-tra` names a wrong placeholder by key and
line (issue 10: no figure or sentence of any campaign left in Python)."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from docgen import api
from docgen.cli import main
from tests.acceptance.copied_campaign import edit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "mau" / "2022-dien-bien"
TUAN_GIAO = "bao-cao-ket-qua-huyen-tuan-giao.docx"

CLOSING = ("ket_luan = \"Trên đây là báo cáo kết quả thực hiện của {don_vi}; danh sách “Trang cộng đồng” của Mặt "
           "trận các cấp chi tiết tại Phụ lục kèm theo.\"")
REWORDED = 'ket_luan = "Kính báo cáo {don_vi} để theo dõi, chỉ đạo."'
# Tuần Giáo's district has one person as leader and operator: counted "đủ" once the level rule is dropped.
STAFFING = 'dieu_kien = ["ld_ten != trống", "vh_ten != trống", "ld_ten != vh_ten khi nhan_su = rieng"]'
RELAXED = 'dieu_kien = ["ld_ten != trống", "vh_ten != trống"]'


def _body(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _tuan_giao(folder: Path, out: Path) -> list[str]:
    written = api.bao_cao([SAMPLE], out, chien_dich=str(folder)).written
    return _body(next(f for w in written for f in w.files if f.name == TUAN_GIAO))


def _staffed(lines: list[str]) -> tuple[int, int]:
    assessment = next(t for t in lines if "Đánh giá chung" in t)
    top, bottom = re.findall(r"(\d+)/(\d+) Trang \([\d,]+%\) đã phân công đủ", assessment)[0]
    return int(top), int(bottom)


def test_a_copied_campaign_says_its_own_words_and_counts_by_its_own_figures(copied, tmp_path):
    before = _tuan_giao(copied, tmp_path / "truoc")
    assert any(t.startswith("Trên đây là báo cáo kết quả thực hiện của") for t in before)
    assert "1. Cấp huyện" not in "".join(before)   # the organisation item comes first
    edit(copied, CLOSING, REWORDED)
    edit(copied, STAFFING, RELAXED)
    assert main(["chien-dich", "kiem-tra", str(copied)]) == 0
    after = _tuan_giao(copied, tmp_path / "sau")
    closing = "Kính báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam huyện Tuần Giáo để theo dõi, chỉ đạo./."
    assert closing in after and after.index(closing) > after.index(next(t for t in after if t.startswith("III. ")))
    assert not any(t.startswith("Trên đây là báo cáo") for t in after)
    top, bottom = _staffed(before)
    assert _staffed(after) == (top + 1, bottom)   # the district's own page now counts as staffed
    district = next(t for t in after if t.startswith("2. Cấp huyện: "))
    assert "kiêm lãnh đạo phụ trách và cán bộ quản lý, vận hành." in district   # said once, no shortfall
    assert "chưa phân công đủ hai người" not in district


def test_chien_dich_kiem_tra_names_the_key_and_line_of_an_unknown_placeholder(copied, capsys):
    text = edit(copied, 'khong_co = "Không có."', 'khong_co = "Không có ({so_trang_moi})."')
    assert main(["chien-dich", "kiem-tra", str(copied)]) == 2
    said = capsys.readouterr().err
    found = re.search(r"loi_van\.khong_co \(dòng (\d+)\)", said)
    assert found, said
    assert int(found.group(1)) == text[: text.index("{so_trang_moi}")].count("\n") + 1
    assert "{so_trang_moi}" in said


def test_chien_dich_kiem_tra_names_a_figure_condition_on_an_unknown_column(copied, capsys):
    text = edit(copied, 'dieu_kien = "ld_ten != trống"', 'dieu_kien = "lanh_dao != trống"')
    assert main(["chien-dich", "kiem-tra", str(copied)]) == 2
    said = capsys.readouterr().err
    found = re.search(r"so_lieu\[2\]\.dieu_kien \(dòng (\d+)\)", said)
    assert found, said
    assert int(found.group(1)) == text[: text.index("lanh_dao != trống")].count("\n") + 1


def test_chien_dich_kiem_tra_names_a_sentence_key_that_does_not_exist(copied, capsys):
    text = edit(copied, CLOSING, CLOSING.replace("ket_luan =", "ket_lua ="))
    assert main(["chien-dich", "kiem-tra", str(copied)]) == 2
    said = capsys.readouterr().err
    found = re.search(r"loi_van\.ket_lua \(dòng (\d+)\)", said)
    assert found, said
    assert int(found.group(1)) == text[: text.index("ket_lua =")].count("\n") + 1


def test_the_working_list_of_tong_hop_xlsx_says_what_the_signed_summary_does_with_each_row(tmp_path):
    """Issue 16 (second reader B8): «Danh sách Trang» keeps every row read, each with its note in the
    campaign's words — not counted, no page yet, a value not right — as the summary's Phụ lục treats it."""
    from openpyxl import load_workbook

    api.tong_hop(SAMPLE, "2022-trang-cong-dong", tmp_path)
    rows = list(load_workbook(tmp_path / "tong-hop.xlsx")["Danh sách Trang"].iter_rows(values_only=True))
    note = rows[0].index("Ghi chú")
    notes = {(r[3], r[note]) for r in rows[1:] if r[note]}
    assert notes == {("Xã Quài Tở Mới", "ngoài danh mục – không tính"), ("Xã Mường Mùn", "ghi trùng – không tính"),
                     ("Xã Nà Sáy", "Chưa lập “Trang cộng đồng” (đang xây dựng)"),
                     ("Xã Sen Thượng", "số điện thoại của lãnh đạo phụ trách chưa đúng"),
                     ("Xã Pú Nhung", "thư điện tử của lãnh đạo phụ trách chưa đúng")}
    assert sum(1 for r in rows[1:] if r[3] == "Xã Mường Mùn") == 2   # both rows kept, the second one noted
