"""A new campaign is a folder, not code: the 2026 two-level campaign runs every job.

data/chien-dich/2026-ra-soat-trang-cong-dong/ (province → 45 communes, dvhc_2cap_2025)
goes through the dispatch, the collection workbook, the checks and the report with
no code written for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from docgen import api, cli
from docgen.campaigns.campaign import load_campaign
from docgen.records.units import DATA_DIR

CAMPAIGN = "2026-ra-soat-trang-cong-dong"
SAMPLE = DATA_DIR / "mau" / "2026-dien-bien" / "dien-bien.xlsx"


def fill(blank: Path, filled: Path) -> None:
    """Fill every commune row of a blank 2026 workbook as a careful clerk would (pattern names, one person)."""
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
    wb.save(filled)


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("2026")
    [blank] = api.bieu_mau(CAMPAIGN, out / "bieu-mau")
    fill(blank, out / "dien-bien.xlsx")
    return out / "dien-bien.xlsx"


def test_the_2026_campaign_lists_the_45_communes_in_one_workbook(tmp_path):
    [blank] = api.bieu_mau(CAMPAIGN, tmp_path)
    names = [r[1].value for r in load_workbook(blank)["Phụ lục"].iter_rows() if isinstance(r[0].value, int)]
    assert len(names) == 45 and names[0] == "Xã Mường Phăng"


def test_checks_count_every_commune_on_the_2026_pattern(filled):
    result = api.kiem_tra([filled], CAMPAIGN)
    [sub] = result.submissions
    [fig] = sub.figures
    assert (fig.level, fig.expected, fig.present, fig.with_page, fig.on_pattern, fig.with_both) == (
        "xa", 45, 45, 45, 45, 45)


def test_a_carefully_filled_2026_workbook_has_no_error(filled, capsys):
    assert cli.main(["kiem-tra", str(filled), "--chien-dich", CAMPAIGN]) == 0
    assert "0 lỗi, 0 cảnh báo" in capsys.readouterr().out


def test_the_2026_report_is_written_from_the_campaign_folder(filled, tmp_path):
    assert cli.main(["bao-cao", str(filled), "--chien-dich", CAMPAIGN, "-o", str(tmp_path)]) == 0
    [report] = tmp_path.glob("*/bao-cao-ket-qua-*.docx")
    import docx

    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "215/MTTQ-BTT" in text  # the report cites the campaign's own dispatch
    assert "huyện" not in text.casefold().replace("cấp huyện", "")


def test_the_2026_sample_submission_is_checked_and_reported(tmp_path):
    assert cli.main(["kiem-tra", str(SAMPLE), "--chien-dich", CAMPAIGN]) in (0, 1)
    assert cli.main(["bao-cao", str(SAMPLE), "--chien-dich", CAMPAIGN, "-o", str(tmp_path)]) == 0
    assert list(tmp_path.glob("*/bao-cao-ket-qua-*.docx"))


def test_the_2026_dispatch_is_written(tmp_path):
    assert cli.main(["cong-van", CAMPAIGN, "-o", str(tmp_path)]) == 0
    assert (tmp_path / CAMPAIGN / "cong-van.docx").is_file()


def test_the_province_summarises_the_2026_submissions(filled, tmp_path):
    inbox = tmp_path / "nop"
    inbox.mkdir()
    (inbox / filled.name).write_bytes(filled.read_bytes())
    code = cli.main(["tong-hop", str(inbox), "--chien-dich", CAMPAIGN, "-o", str(tmp_path / "ra")])
    assert code in (0, 1)
    assert (tmp_path / "ra" / "tong-hop.xlsx").is_file()
