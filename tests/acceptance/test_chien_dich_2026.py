"""The two-level campaign as communes live it: every commune reports for itself to the province.

data/chien-dich/2026-ra-soat-trang-cong-dong/ (province → 45 communes, dvhc_2cap_2025, `gui_ve = "tinh"`,
`gom = ["xa"]`): one workbook per commune headed with its own Front, one report per commune addressed to
the province with a Phụ lục of its own row, the province's summary naming the communes missing and late —
and no "huyện" anywhere, since the level no longer exists.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from docgen import api, cli
from docgen.campaigns.campaign import load_campaign
from docgen.records.units import DATA_DIR

CAMPAIGN = "2026-ra-soat-trang-cong-dong"
SAMPLE = DATA_DIR / "mau" / "2026-dien-bien"
sys.path.insert(0, str(DATA_DIR.parent / "scripts"))
import make_samples  # noqa: E402


def fill(blank: Path, filled: Path) -> None:
    """Fill a commune's blank 2026 workbook as a careful clerk would (pattern name, one comrade for both roles)."""
    campaign = load_campaign(CAMPAIGN)
    level = campaign.top_level
    communes = {u.full_name: u for u in campaign.units.children(campaign.province)}
    wb = load_workbook(blank)
    ws = wb["Phụ lục"]
    for row in ws.iter_rows():
        unit = communes.get(str(row[1].value or ""))
        if unit is None:
            continue
        row[2].value = level.expected_page_name(unit)
        row[3].value = f"https://www.facebook.com/mattran{unit.code}"
        for start in (4, 7):  # kiem_nhiem: the same comrade leads and operates
            row[start].value, row[start + 1].value, row[start + 2].value = "Lò Văn Minh", "0912345678", "minh@gmail.com"
    facts = wb["Thông tin"]
    for r in facts.iter_rows():
        label = str(r[0].value or "")
        if label.startswith("Người ký"):
            r[1].value = "Lò Văn Minh"
    wb.save(filled)


def _texts(path: Path) -> str:
    """Return every text of a .docx or .xlsx (all parts: body, headers, sheets, shared strings, comments)."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(re.sub(r"<[^>]+>", " ", z.read(n).decode("utf-8")) for n in z.namelist() if n.endswith(".xml"))


def _paragraphs(path: Path) -> list[str]:
    d = docx.Document(str(path))
    cells = [p.text for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return [p.text for p in d.paragraphs] + cells


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    """Run every command of the campaign once on the shipped commune samples."""
    out = tmp_path_factory.mktemp("2026")
    api.bieu_mau(CAMPAIGN, out / "bieu-mau")
    assert api.cong_van(CAMPAIGN, out / "cong-van").exit_code == 0
    reports = api.bao_cao([SAMPLE], out / "bao-cao", chien_dich=CAMPAIGN)
    summary = api.tong_hop(SAMPLE, CAMPAIGN, out / "tong-hop", don_doc=True, han_moi="10/4/2026")
    return {"root": out, "reports": reports, "summary": summary}


def test_each_of_the_45_communes_gets_its_own_workbook_headed_with_its_own_front(outputs):
    books = sorted((outputs["root"] / "bieu-mau").glob("*.xlsx"))
    assert len(books) == 45
    wb = load_workbook(outputs["root"] / "bieu-mau" / "bieu-mau-xa-muong-phang.xlsx")
    ws = wb["Phụ lục"]
    assert ws["A1"].value == "ỦY BAN MTTQ VIỆT NAM XÃ MƯỜNG PHĂNG"
    units = [r[1].value for r in ws.iter_rows() if isinstance(r[0].value, int)]
    assert units == ["Xã Mường Phăng"] and wb["Thông tin"]["B1"].value == "Xã Mường Phăng"
    guide = "\n".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "Xã Mường Phăng: trước ngày 31/3/2026, gửi Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên." in guide


def test_a_commune_fills_its_workbook_and_gets_its_report_to_the_province(outputs, tmp_path, capsys):
    filled = tmp_path / "muong-phang.xlsx"
    fill(outputs["root"] / "bieu-mau" / "bieu-mau-xa-muong-phang.xlsx", filled)
    assert cli.main(["kiem-tra", str(filled), "--chien-dich", CAMPAIGN]) == 0
    assert "0 lỗi, 0 cảnh báo" in capsys.readouterr().out
    assert cli.main(["bao-cao", str(filled), "--chien-dich", CAMPAIGN, "-o", str(tmp_path / "ra")]) == 0
    [report] = (tmp_path / "ra").glob("*/bao-cao-ket-qua-*.docx")
    assert report.name == "bao-cao-ket-qua-xa-muong-phang.docx"
    header = [p.text for p in docx.Document(str(report)).tables[0].cell(0, 0).paragraphs if p.text]
    assert header[:3] == ["ỦY BAN MTTQ VIỆT NAM", "XÃ MƯỜNG PHĂNG", "BAN THƯỜNG TRỰC"]
    text = "\n".join(_paragraphs(report))
    assert "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên" in text
    assert "của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên về việc rà soát" in text
    assert ", Ban Thường trực Ủy ban MTTQ Việt Nam xã Mường Phăng báo cáo" in text


def test_every_submitted_commune_gets_one_report_to_the_province_with_a_one_row_appendix(outputs):
    result = outputs["reports"]
    assert result.refused == () and len(result.written) == 45 - len(make_samples.MISSING_2026)
    assert all(c.errors == [] and not [f for f in c.findings if f.rule.startswith("GN")]
               for w in result.written for c in w.format_checks)
    thanh = next(w for w in result.written if w.unit == "Phường Mường Thanh")
    document = docx.Document(str(thanh.files[0]))
    appendix = document.tables[-1]
    numbered = [r.cells[1].text for r in appendix.rows if r.cells[0].text.strip().isdigit()]
    assert numbered == ["Phường Mường Thanh"]
    text = "\n".join(_paragraphs(thanh.files[0]))
    assert "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên" in text
    assert "PHƯỜNG MƯỜNG THANH" in text


def test_the_province_summary_names_the_missing_and_the_late_communes(outputs):
    result = outputs["summary"]
    summary = result.summary
    assert len(summary.rows) == 45 and summary.received == 43
    assert sorted(r.unit.full_name for r in summary.with_status(summary.rows[0].status.MISSING)) == sorted(
        make_samples.MISSING_2026)
    assert [r.unit.full_name for r in summary.with_status(summary.rows[0].status.LATE)] == list(make_samples.LATE_2026)
    rules = sorted(p.rule for p in summary.problems)
    assert rules == ["TH-02", "TH-02", "TH-03"]
    text = _texts(result.written[1])
    for name in (*make_samples.MISSING_2026, *make_samples.LATE_2026):
        assert name.split(" ", 1)[1] in text
    assert result.format_checks[0].errors == []
    assert sorted(r.unit.full_name for r in result.reminder.units) == sorted(
        [*make_samples.MISSING_2026, *make_samples.LATE_2026])


def test_no_output_of_the_two_level_campaign_says_huyen(outputs):
    files = [f for f in outputs["root"].rglob("*") if f.suffix in (".docx", ".xlsx")]
    assert len(files) == 45 + 1 + 43 + 3   # workbooks, dispatch, reports, summary (xlsx, docx) and reminder
    said = [f.name for f in files if "huyện" in _texts(f).casefold()]
    assert said == []
    folder = DATA_DIR / "chien-dich" / CAMPAIGN
    assert "huyện" not in (folder / "chien-dich.toml").read_text(encoding="utf-8").casefold()
    assert [f.name for f in SAMPLE.glob("*.xlsx") if "huyện" in _texts(f).casefold()] == []


def test_the_provinces_own_list_gets_no_report_to_itself(outputs, tmp_path, capsys):
    from tests.acceptance.province_list import province_list

    path = province_list(tmp_path / "dien-bien.xlsx")
    assert cli.main(["bao-cao", str(path), "--chien-dich", CAMPAIGN, "-o", str(tmp_path / "ra")]) == 2
    assert "Tỉnh Điện Biên không phải đơn vị báo cáo" in capsys.readouterr().err
    assert not (tmp_path / "ra").exists() or not list((tmp_path / "ra").rglob("*.docx"))
