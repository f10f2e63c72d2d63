"""Contexts built from submissions that went through the real checker (docgen.checks.check_source)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.documents.document_samples import ROOT, TRICKY, campaign_2022

from docgen.checks import check_source
from tests.forms import PAGE_FORM
from docgen.documents import bao_cao, phu_luc
from docgen.errors import Location
from docgen.records.model import Cell, Facts, RawRow, RawTable, Source
from docgen.render.filters import phan_tram

SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
FILE = Location("muong_nhe.xlsx", "Phụ lục")


def _row(n: int, group: int, **values) -> RawRow:
    where = FILE.at(f"A{n}")
    return RawRow(where, group, {k: Cell(v, FILE.at(f"{k}{n}")) for k, v in values.items()})


def checked_muong_nhe():
    """Return Mường Nhé checked: district row, every commune but the last, the 2nd without a page, the 3rd TRICKY."""
    campaign = campaign_2022()
    district = campaign.units.match("Mường Nhé", 1, campaign.province)
    communes = campaign.units.children(district)
    rows = [_row(8, 0, tt="1", don_vi="Huyện Mường Nhé", ten_trang="Mặt trận Mường Nhé (tỉnh Điện Biên)",
                 lien_ket="https://www.facebook.com/mattranmuongnhe", ld_ten="Giàng A Dế", ld_sdt="0912345678",
                 ld_email="de@gmail.com", vh_ten="Lò Văn Hùng", vh_sdt="0969123456", vh_email="hung@gmail.com")]
    for i, c in enumerate(communes[:-1], start=1):
        if i == 2:
            rows.append(_row(10 + i, 1, tt=str(i), don_vi=c.full_name, ten_trang="Chưa có"))
            continue
        name = TRICKY if i == 3 else campaign.levels[1].expected_page_name(c)
        rows.append(_row(10 + i, 1, tt=str(i), don_vi=c.full_name, ten_trang=name,
                         lien_ket=f"https://www.facebook.com/mattran{i}", ld_ten=f"Lãnh đạo {i}",
                         ld_sdt="0912345678", ld_email=f"ld{i}@gmail.com", vh_ten=f"Vận hành {i}",
                         vh_sdt="0969123456", vh_email=f"vh{i}@gmail.com"))
    facts = Facts(don_vi="Huyện Mường Nhé", nguoi_ky="Nguyễn Văn An", chuc_vu="CHỦ TỊCH", luu="VP")
    source = Source("muong_nhe.xlsx", RawTable(FILE, "A6", tuple(rows)), facts)
    return check_source(source, campaign), campaign, communes


def test_the_figures_in_section_one_match_the_checked_records():
    sub, campaign, communes = checked_muong_nhe()
    ctx = bao_cao.build_context(sub, campaign)
    n = len(communes)
    figures = {f["ten"]: f for f in ctx["so_lieu"]}
    assert (figures["Cấp xã"]["phai_co"], figures["Cấp xã"]["co_trang"]) == (n, n - 2)
    text = " ".join(b["text"] for b in ctx["noi_dung"])
    assert f"có {n - 2}/{n} xã ({phan_tram((n - 2) / n)}) đã lập “Trang cộng đồng”" in text
    ii = [b["text"] for b in ctx["noi_dung"] if b["loai"] == "gach"]
    assert any(communes[-1].label in t for t in ii)   # no row at all
    assert any(communes[1].label in t for t in ii)    # no page
    assert any(communes[2].label in t for t in ii)    # name off pattern


def test_every_checked_record_is_in_the_appendix_in_official_order():
    sub, campaign, communes = checked_muong_nhe()
    ctx = phu_luc.build_context([sub], campaign, bao_cao.build_context(sub, campaign))
    rows = [r for g in ctx["nhom"] for r in g["dong"]]
    assert [r["don_vi"] for r in rows] == [u.full_name for u in sub.expected]
    assert f"{TRICKY} (tên chưa đúng mẫu)" in [r["ten_trang"] for r in rows]
    assert rows[-1]["ten_trang"] == "Chưa báo cáo"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.*")), ids=lambda p: p.name)
def test_a_sample_submission_gives_a_report_and_a_complete_appendix(path: Path):
    from docgen.readers import read_source

    campaign = campaign_2022()
    sub = check_source(read_source(path, PAGE_FORM), campaign)
    report = bao_cao.build_context(sub, campaign)
    assert report["co_quan_chu_quan"][0] == "ỦY BAN MTTQ VIỆT NAM" and report["noi_dung"][-1]["text"].endswith("./.")
    appendix = phu_luc.build_context(sub, campaign, report)
    rows = [r for g in appendix["nhom"] for r in g["dong"]]
    cells, notes = " ".join(v for r in rows for v in r.values()), " ".join(appendix["ghi_chu"])
    for rec in sub.records:   # nothing lost: a row, or a note naming the row left out
        assert (rec.unit is not None and rec.page_name in cells) or rec.unit_text.casefold() in notes.casefold() \
            or rec.unit.label in notes
    assert [int(r["tt"]) for g in appendix["nhom"] for r in g["dong"] if r["tt"]][-1] == len(sub.expected) - 1
    assert len(rows) == len(sub.expected)   # the counted set: one row per unit that must report
