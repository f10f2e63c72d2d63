"""The shipped samples (data/mau/): every data row is read, the planted cells are where the docs say,
and the committed files are what scripts/make_samples.py builds."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from docgen.readers import find_inputs, read_source
from tests.forms import PAGE_FORM

ROOT = Path(__file__).resolve().parents[2]
MAU = ROOT / "data" / "mau"
sys.path.insert(0, str(ROOT / "scripts"))
import make_samples  # noqa: E402

SAMPLES = find_inputs([MAU / "2022-dien-bien", MAU / "2026-dien-bien", MAU / "2022-muong-nhe-xa"])


def _text(v) -> str:
    return "" if v is None else " ".join(str(v).split())


def _count(rows: list[list]) -> int:
    """Count data rows independently: below the row holding "Tên Trang", until a "*" note;
    a row counts when it holds anything but a bare group heading ("I"/"II" and "Cấp …")."""
    start = next(i for i, r in enumerate(rows) if "Tên Trang" in map(_text, r))
    col = [_text(v) for v in rows[start]].index("TT")
    count = 0
    for r in rows[start + 2:]:
        cells = [_text(v) for v in r[col:col + 10]] + [""] * 10
        filled = [c for c in cells[:10] if c]
        if not filled or filled[0] == "(1)":
            continue
        if filled[0].startswith("*"):
            break
        if cells[1].startswith("Cấp") and not any(cells[2:10]):
            continue
        count += 1
    return count


def _rows_of(path: Path) -> list[list]:
    if path.suffix == ".docx":
        table = docx.Document(str(path)).tables[0]
        return [[c.text for c in row.cells] for row in table.rows]
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = next(ws for ws in wb.worksheets if ws.title != "Thông tin")
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_there_are_ten_2022_submissions_and_43_commune_files_of_2026():
    assert [p.name for p in SAMPLES[:10]] == [
        "dien-bien-dong.docx", "dien-bien-phu.xlsx", "dien-bien.xlsx", "muong-ang.xlsx", "muong-cha.xlsx",
        "muong-lay.xlsx", "muong-nhe.xlsx", "nam-po.xlsx", "tua-chua.xlsx", "tuan-giao.xlsx"]
    assert len(SAMPLES) == 10 + 45 - len(make_samples.MISSING_2026) + 1 + 10   # Mường Nhé: itself, 10 of 11 communes


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_row_of_every_sample_is_a_raw_row(path):
    source = read_source(path, PAGE_FORM)
    assert len(source.table.rows) == _count(_rows_of(path))
    assert source.notes == ()
    assert source.facts.don_vi and source.facts.ngay and source.facts.nguoi_ky and source.facts.noi_nhan


def test_the_samples_cover_all_129_communes_but_the_one_left_out_and_the_43_communes_of_2026_that_reported():
    rows_2022 = [r for p in SAMPLES[:10] for r in read_source(p, PAGE_FORM).table.rows]
    districts = [r for r in rows_2022 if r.group == 0]
    assert len(districts) == 10
    # 129 communes, minus Nậm Kè (left out), plus Mường Mùn twice and Quài Tở Mới (planted)
    assert len(rows_2022) - len(districts) == 129 - 1 + 2
    sources_2026 = [read_source(p, PAGE_FORM) for p in SAMPLES if p.parent.name == "2026-dien-bien"]
    assert all(len(s.table.rows) == 1 and s.table.rows[0].group == 0 for s in sources_2026)
    names = {s.table.rows[0].text("don_vi") for s in sources_2026}
    assert len(names) == 43 and not names & set(make_samples.MISSING_2026)
    assert {s.facts.don_vi for s in sources_2026} == names   # each commune reports for itself


@pytest.mark.parametrize("planted", make_samples.PLANTED + make_samples.NORMALISED,
                         ids=lambda p: f"{p.file}:{p.cell or '-'}:{p.rule}")
def test_each_planted_case_is_on_the_listed_cell(planted):
    source = read_source(MAU / planted.file, PAGE_FORM)
    assert source.table.source.sheet == planted.sheet
    if not planted.cell:
        assert planted.rule == "DV-02"
        assert not any("Nậm Kè" in r.text("don_vi") for r in source.table.rows)
        return
    row_no = int(re.sub(r"\D", "", planted.cell))
    row = next(r for r in source.table.rows if r.location.cell == f"dòng {row_no}")
    located = {c.location.cell: c.value for c in row.cells.values()}
    if planted.rule == "NS-02":
        assert not {"vh_ten", "vh_sdt", "vh_email"} & set(row.cells)
    else:
        assert planted.cell in located


def test_the_docs_list_every_planted_cell():
    doc = (ROOT / "docs" / "doc-tep.md").read_text(encoding="utf-8")
    for p in make_samples.PLANTED + make_samples.NORMALISED:
        assert f"| {p.file} | {p.sheet} | {p.cell or '—'} | {p.rule} |" in doc, p


def test_the_committed_samples_are_what_the_script_builds(tmp_path):
    assert make_samples.main([str(tmp_path)]) == 0
    for path in SAMPLES:
        fresh = tmp_path / path.parent.name / path.name
        if path.suffix == ".docx":
            def texts(p):
                d = docx.Document(str(p))
                return [[c.text for c in row.cells] for t in d.tables for row in t.rows]
            assert texts(fresh) == texts(path)
            continue
        old, new = openpyxl.load_workbook(path), openpyxl.load_workbook(fresh)
        assert old.sheetnames == new.sheetnames
        for a, b in zip(old.worksheets, new.worksheets):
            assert [list(r) for r in a.iter_rows(values_only=True)] == [list(r) for r in b.iter_rows(values_only=True)]
            assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))


@pytest.mark.parametrize("folder", ["2022-dien-bien", "2022-muong-nhe-xa", "2022-dien-bien-tinh"])
def test_the_2022_samples_suggest_and_use_the_campaign_s_one_signature_form_and_no_merged_commune(folder):
    """Issue 16 item 7: the 1031 campaign signs "tm" (`[ky] cap_pho`), so no sample hint pushes «KT. CHỦ TỊCH»;
    the communes merged in 2025 («xã (cũ)») have no place in a 2022 proposal."""
    from docgen.campaigns.campaign import load_campaign
    from docgen.workbooks.sheets import SIGNATURE_HINTS

    campaign = load_campaign("2022-trang-cong-dong")
    assert campaign.deputy_form == "tm"
    for path in sorted((MAU / folder).glob("*.xlsx")):
        facts = openpyxl.load_workbook(path)["Thông tin"]
        rows = {r[0]: r[1:] for r in facts.iter_rows(values_only=True) if r and r[0]}
        value, hint = rows["Thẩm quyền ký"][:2]
        assert (value, hint) == ("TM. BAN THƯỜNG TRỰC", SIGNATURE_HINTS["tm"][0]), path.name
        text = " ".join(_text(v) for r in facts.iter_rows(values_only=True) for v in r)
        assert "KT." not in text and "(cũ)" not in text, path.name
