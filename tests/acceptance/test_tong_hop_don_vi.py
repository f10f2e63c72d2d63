"""Three levels, every level: a district compiles its communes' own files (`tong-hop --don-vi`).

data/mau/2022-muong-nhe-xa/ holds what Mường Nhé's communes send their district under 1031 (one file each,
their own row, due 15/3/2022; Nậm Kè sends none; Chung Chải, Sen Thượng, Pá Mỳ, Mường Toong and Quảng Lâm
with the mistakes of the district sample) and the district's own file (its row, its facts). The district's
compiled list and report must be what today's district file muong-nhe.xlsx — the same data typed in one
list — gives.
"""

from __future__ import annotations

from collections import Counter

import docx
from openpyxl import load_workbook

from docgen import api, cli
from tests.forms import PAGE_FORM
from docgen.campaigns.campaign import load_campaign
from docgen.checks import check_source
from docgen.jobs.bao_cao import render_submission
from docgen.readers import read_source
from docgen.records.units import DATA_DIR

C2022 = "2022-trang-cong-dong"
COMMUNES = DATA_DIR / "mau" / "2022-muong-nhe-xa"
DISTRICT_FILE = DATA_DIR / "mau" / "2022-dien-bien" / "muong-nhe.xlsx"


def _rows(sub):
    return [(r.unit.code if r.unit else r.unit_text, r.page_name, r.link, r.leader, r.operator) for r in sub.records]


def _tables(data: bytes, tmp_path, name: str) -> list[list[str]]:
    path = tmp_path / name
    path.write_bytes(data)
    document = docx.Document(str(path))
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows], [p.text for p in document.paragraphs]


def test_the_district_compiles_its_communes_files_into_what_its_own_list_gives(tmp_path):
    campaign = load_campaign(C2022)
    result = api.tong_hop(COMMUNES, C2022, tmp_path / "ra", don_vi="Huyện Mường Nhé")
    compiled = result.compiled
    typed = check_source(read_source(DISTRICT_FILE, PAGE_FORM), campaign)
    assert compiled.reporting_unit.full_name == "Huyện Mường Nhé"
    assert compiled.figures == typed.figures
    assert _rows(compiled) == _rows(typed)
    assert Counter((p.rule, p.unit_code) for p in compiled.problems) == Counter(
        (p.rule, p.unit_code) for p in typed.problems)
    ours, theirs = render_submission(compiled, campaign)[0], render_submission(typed, campaign)[0]
    assert _tables(ours, tmp_path, "a.docx") == _tables(theirs, tmp_path, "b.docx")   # report and Phụ lục, word for word
    written = [p.name for p in result.written]
    assert written == ["tong-hop-huyen-muong-nhe.xlsx", "danh-sach-huyen-muong-nhe.xlsx",
                       "bao-cao-ket-qua-huyen-muong-nhe.docx"]
    assert [c.errors for c in result.format_checks] == [[]]


def test_the_districts_status_names_the_commune_that_sent_nothing(tmp_path):
    result = api.tong_hop(COMMUNES, C2022, tmp_path, don_vi="Mường Nhé")
    summary = result.summary
    assert summary.province.full_name == "Huyện Mường Nhé" and summary.level.code == "xa"
    assert len(summary.rows) == 11 and summary.received == 10
    assert [p.rule for p in summary.problems if p.rule.startswith("TH")] == ["TH-02"]
    assert [r.unit.full_name for r in summary.rows if r.submission is None] == ["Xã Nậm Kè"]


def test_the_compiled_list_is_the_districts_own_workbook_filled_and_reads_back_the_same(tmp_path, capsys):
    assert cli.main(["tong-hop", str(COMMUNES), "--don-vi", "Huyện Mường Nhé", "-o", str(tmp_path)]) == 1
    assert "Xã Nậm Kè       Chưa nộp" in capsys.readouterr().out
    book = tmp_path / "danh-sach-huyen-muong-nhe.xlsx"
    ws = load_workbook(book)["Phụ lục"]
    assert ws["A1"].value == "ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ"
    campaign = load_campaign(C2022)
    again = check_source(read_source(book, PAGE_FORM), campaign)
    typed = check_source(read_source(DISTRICT_FILE, PAGE_FORM), campaign)
    assert again.figures == typed.figures
    assert {r.unit.code for r in again.records if r.unit} == {r.unit.code for r in typed.records if r.unit}


def test_a_unit_nobody_reports_to_is_refused(tmp_path, capsys):
    assert cli.main(["tong-hop", str(COMMUNES), "--don-vi", "Xã Chung Chải", "-o", str(tmp_path)]) == 2
    assert "Không có đơn vị nào báo cáo cho Xã Chung Chải" in capsys.readouterr().err
