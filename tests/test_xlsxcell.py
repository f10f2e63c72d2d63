"""One way to write a workbook cell: text that looks like a formula stays text in every workbook docgen writes."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from docgen.cli import main
from docgen.xlsxcell import FORMULA_START, put

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
CAMPAIGN = ROOT / "data" / "chien-dich" / "2022-trang-cong-dong" / "chien-dich.toml"
RISKY = ['=HYPERLINK("http://x","bấm")', "+84 912 345 678", "-1+2", "@SUM(A1)", "\t=1+1", "\r=1", "＝1+1",
         "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("text", RISKY)
def test_text_that_looks_like_a_formula_is_written_as_text_with_the_quote_prefix(text):
    ws = Workbook().active
    cell = put(ws.cell(1, 1), text)
    assert (cell.data_type, cell.quotePrefix, cell.value) == ("s", True, text)
    assert text.startswith(FORMULA_START)


def _formulas(folder: Path) -> dict[str, list[str]]:
    """Return the `<f>` elements of every sheet of every workbook under `folder`."""
    found = {}
    for book in sorted(folder.rglob("*.xlsx")):
        with zipfile.ZipFile(book) as zf:
            for name in zf.namelist():
                if name.startswith("xl/worksheets/"):
                    hits = re.findall(rb"<(?:\w+:)?f[ >/].*?</(?:\w+:)?f>|<(?:\w+:)?f/>", zf.read(name))
                    if hits:
                        found[f"{book.name}:{name}"] = hits
    return found


def test_text_a_worksheet_cannot_hold_is_made_fit_and_the_workbook_saves():
    # Found by the second attack: U+FFFE in a campaign title stopped bieu-mau with lxml's English error, and a
    # 40,000-character title made a workbook Excel calls damaged.
    wb = Workbook()
    ws = wb.active
    a = put(ws.cell(1, 1), "a\x01\x1b[31mb\ufffe\uffff")
    b = put(ws.cell(1, 2), "x" * 40_000)
    wb.save(io.BytesIO())
    assert a.value == "a[31mb" and len(b.value) == 32_767 and b.value.endswith("…")


def test_bieu_mau_writes_no_formula_whatever_the_campaign_says(tmp_path):
    text = CAMPAIGN.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^(ten|trich_yeu|tieu_de|tieu_de_phu_luc|kinh_gui|co_quan|vi_du) = "(?!"")', r'\1 = "=1+', text)
    folder = tmp_path / "cd"
    folder.mkdir()
    (folder / "chien-dich.toml").write_text(text, encoding="utf-8")
    assert main(["bieu-mau", str(folder), "-o", str(tmp_path / "ra")]) == 0
    books = list((tmp_path / "ra").glob("*.xlsx"))
    assert len(books) == 10 and _formulas(tmp_path / "ra") == {}
    texts = {c.value for ws in load_workbook(books[0]) for row in ws.iter_rows() for c in row if c.value}
    assert any(str(t).startswith("=1+") for t in texts)


def test_tong_hop_keeps_every_submitted_text_as_text(tmp_path):
    src = tmp_path / "vao"
    src.mkdir()
    wb = load_workbook(SAMPLES / "muong-nhe.xlsx")
    ws = wb["Phụ lục"]
    rows = [r for r in ws.iter_rows(min_row=11) if isinstance(r[0].value, int)]
    for row, text in zip(rows, RISKY):
        row[2].value = text
        row[2].data_type = "s"
    wb.save(src / "muong-nhe.xlsx")
    shutil.copy(SAMPLES / "tua-chua.xlsx", src)
    assert main(["tong-hop", str(src), "-o", str(tmp_path / "ra")]) in (0, 1)
    assert _formulas(tmp_path / "ra") == {}
    book = load_workbook(tmp_path / "ra" / "tong-hop.xlsx")
    written = {c.value: c for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in RISKY:
        kept = next((c for v, c in written.items() if text.strip() in v), None)
        assert kept is not None and kept.data_type == "s", text


def test_the_copies_returned_to_a_unit_add_no_formula(tmp_path):
    src = tmp_path / "vao"
    src.mkdir()
    wb = load_workbook(SAMPLES / "muong-nhe.xlsx")
    rows = [r for r in wb["Phụ lục"].iter_rows(min_row=11) if isinstance(r[0].value, int)]
    for row, text in zip(rows, RISKY):
        row[5].value = text   # a phone cell: normalised copies rewrite these
        row[5].data_type = "s"
    wb.save(src / "muong-nhe.xlsx")
    assert main(["kiem-tra", str(src), "--tra-lai", str(tmp_path / "ra")]) in (1, 2)
    assert len(list((tmp_path / "ra").glob("*.xlsx"))) == 2 and _formulas(tmp_path / "ra") == {}
