"""A clerk's round trip: the collection workbook goes out, comes back filled, is checked, becomes the report.

bieu-mau → filled (here by openpyxl, as a clerk types: names, phones as text, links, facts)
→ kiem-tra finds no error → bao-cao writes the report whose Phụ lục holds the typed values.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from docgen import api
from docgen.campaigns.campaign import load_campaign
from tests.forms import COLUMNS, FACT_FIELDS
from docgen.output import slug
from docgen.workbooks.plan import owners
from docgen.workbooks.sheets import FIRST_DATA_ROW

CAMPAIGN = "2022-trang-cong-dong"
CAMPAIGNS = Path(__file__).resolve().parents[2] / "data" / "chien-dich"
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò")
GIVEN = ("Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Hải", "Thị Hoa", "Văn Long", "Thị Mai")


def _need_other_parts():
    """The round trip uses these public functions: a missing or renamed one fails here, it is never skipped."""
    from docgen import readers  # noqa: F401

    for name in ("kiem_tra", "bao_cao"):
        assert callable(getattr(api, name, None)), f"docgen.api.{name} phải có"


def _person(i: int) -> str:
    return f"{FAMILY[i % len(FAMILY)]} {GIVEN[(i // len(FAMILY)) % len(GIVEN)]}"


def _fill(path: Path, campaign) -> dict[str, dict[str, str]]:
    """Fill every unit row and the facts as a clerk would; return the typed values by unit name."""
    wb = load_workbook(path)
    ws = wb["Phụ lục"]
    col = {c.key: i for i, c in enumerate(COLUMNS, start=1)}
    owner = next(u for code in ("huyen", "xa") for u in owners(campaign, code if campaign.level(code) else None)
                 if u.full_name == wb["Thông tin"]["B1"].value)
    by_name = {u.full_name: u for u in [owner, *campaign.units.descendants(owner)]}
    typed: dict[str, dict[str, str]] = {}
    n = 0
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if not isinstance(ws.cell(row, 1).value, int):
            continue
        name = ws.cell(row, col["don_vi"]).value
        unit = by_name[name]
        level = campaign.level_at(unit.level)
        n += 1
        values = {
            "ten_trang": level.expected_page_name(unit),
            "lien_ket": f"https://www.facebook.com/mattran.{slug(unit.full_name)}",
            "ld_ten": _person(2 * n), "ld_sdt": f"0912{n:06d}", "ld_email": f"lanhdao{n:03d}@gmail.com",
            "vh_ten": _person(2 * n + 1), "vh_sdt": f"0969{n:06d}", "vh_email": f"vanhanh{n:03d}@gmail.com",
        }
        for key, value in values.items():
            ws.cell(row, col[key], value)
        typed[name] = values
    facts = wb["Thông tin"]
    row = {f.key: i for i, f in enumerate(FACT_FIELDS, start=1)}
    for key, value in {
        "so": "15", "ngay": dt.datetime(2022, 3, 28), "nguoi_ky": "Lò Văn Tâm", "chuc_vu": "CHỦ TỊCH",
        "tham_quyen": "TM. BAN THƯỜNG TRỰC", "noi_nhan": "Thường trực Huyện ủy (b/c)", "luu": "VP",
        "co_ke_hoach": "Có", "bao_cao_cap_uy": "Có", "de_xuat": "Tỉnh mở lớp tập huấn quản trị Trang.",
    }.items():
        facts.cell(row[key], 2, value)
    wb.save(path)
    return typed


def _round_trip(tmp_path: Path, chien_dich: str, don_vi: str | None):
    """Return (typed values, checked submission, report cells) of one workbook's round trip."""
    campaign = load_campaign(chien_dich)
    (path,) = api.bieu_mau(chien_dich, tmp_path / "bieu-mau", don_vi=don_vi)
    typed = _fill(path, campaign)
    result = api.kiem_tra([path], chien_dich)
    assert result.unusable == ()
    (sub,) = result.submissions
    assert [(p.rule, str(p.location), p.message) for p in sub.errors] == []
    assert result.exit_code == 0
    report = api.bao_cao([path], tmp_path / "ra", chien_dich)
    assert report.exit_code == 0, report.refused
    (written,) = report.written
    (docx_path,) = [f for f in written.files if f.suffix == ".docx"]
    cells = [c.text.strip() for t in docx.Document(docx_path).tables for r in t.rows for c in r.cells]
    return typed, sub, cells


def _assert_in_report(typed: dict, cells: list[str]) -> None:
    for unit, values in typed.items():
        assert unit in cells
        assert values["ten_trang"] in cells and values["lien_ket"] in cells
        assert values["ld_ten"] in cells and values["vh_email"] in cells
    phones = [c.replace(" ", "").replace(".", "") for c in cells]
    assert "0912000001" in phones and "0969000001" in phones


def test_a_districts_filled_workbook_passes_the_check_and_becomes_its_report(tmp_path):
    _need_other_parts()
    typed, sub, cells = _round_trip(tmp_path, CAMPAIGN, "Mường Nhé")
    assert typed["Huyện Mường Nhé"]["ld_sdt"] == "0912000001"   # leading zero kept: the cell is text
    assert sub.reporting_unit.full_name == "Huyện Mường Nhé"
    assert len(sub.records) == len(typed) == 12
    facts = sub.source.facts
    assert (facts.so, facts.ngay, facts.nguoi_ky, facts.chuc_vu) == ("15", dt.date(2022, 3, 28), "Lò Văn Tâm", "CHỦ TỊCH")
    assert [(f.title, f.expected, f.with_both) for f in sub.figures] == [("Cấp huyện", 1, 1), ("Cấp xã", 11, 11)]
    _assert_in_report(typed, cells)


def test_a_communes_workbook_of_the_2026_campaign_makes_the_same_round_trip(tmp_path):
    _need_other_parts()
    folders = sorted(CAMPAIGNS.glob("2026-*-trang-cong-dong"))   # the 2026 page campaign (not the festival)
    assert folders, "data/chien-dich/2026-*-trang-cong-dong phải có"
    typed, sub, cells = _round_trip(tmp_path, str(folders[0]), "Mường Phăng")
    assert list(typed) == [r.unit.full_name for r in sub.records] == ["Xã Mường Phăng"]
    _assert_in_report(typed, cells)


def test_a_commune_of_the_2022_campaign_makes_the_same_round_trip_to_its_district(tmp_path):
    _need_other_parts()
    campaign = load_campaign(CAMPAIGN)
    (path,) = api.bieu_mau(CAMPAIGN, tmp_path / "bieu-mau", don_vi="Chung Chải", cap="xa")
    typed = _fill(path, campaign)
    report = api.bao_cao([path], tmp_path / "ra", CAMPAIGN)
    assert report.exit_code == 0, report.refused
    (written,) = report.written
    document = docx.Document(written.files[0])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam huyện Mường Nhé" in text
    assert written.unit == "Xã Chung Chải" and list(typed) == ["Xã Chung Chải"]
