"""The checks of a campaign's own form, on sheets as a reader hands them over: each rule by ID and cell."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen.campaigns.campaign import load_campaign
from docgen.checks.form_check import check_form_file, check_form_sheets
from docgen.errors import InputError
from docgen.readers import xlsx
from docgen.readers.layout import Grid
from docgen.records.model import Facts

CAMPAIGN = load_campaign("2026-ngay-hoi-dai-doan-ket")
HEAD = [(6, ["TT", "Đơn vị", "Tổng số khu dân cư", "Số khu dân cư đã tổ chức", "Thời gian tổ chức", None,
             "Số người tham gia", "Kinh phí vận động (đồng)", "Số hộ được khen thưởng",
             "Chủ tịch Ủy ban MTTQ xã dự"]),
        (7, [None, None, None, None, "Từ ngày", "Đến ngày"])]
DAY, LATER = dt.datetime(2026, 11, 5), dt.datetime(2026, 11, 9)


def _row(n: int, unit: str, *values) -> tuple[int, list]:
    good = [20, 20, DAY, LATER, 3000, 40_000_000, 80, "Có"]
    return (8 + n, [n, unit, *values, *good[len(values):]])


def _sheet(rows) -> Grid:
    return Grid("a.xlsx", "Phụ lục", rows, xlsx.cell_name, xlsx.area_name, lambda r: f"dòng {r}")


def _check(*rows, don_vi: str = "Tỉnh Điện Biên"):
    return check_form_sheets("a.xlsx", {"Phụ lục": _sheet(HEAD + list(rows))}, Facts(don_vi=don_vi), (), CAMPAIGN)


def _found(sub) -> set[tuple[str, str]]:
    return {(p.rule, p.location.cell) for p in sub.problems}


def test_a_clean_row_reads_every_kind():
    sub = _check(_row(1, "Xã Mường Phăng"), don_vi="Xã Mường Phăng")
    assert _found(sub) == set()
    (row,) = sub.rows
    assert row.values["kinh_phi"] == 40_000_000 and row.texts["kinh_phi"] == "40.000.000"
    assert row.values["tu_ngay"] == dt.date(2026, 11, 5) and row.values["chu_tich_du"] is True


def test_each_column_rule_by_id_and_cell():
    sub = _check(
        _row(1, "Xã Mường Phăng", None),                        # required total missing
        _row(2, "Xã Thanh Nưa", 0),                             # below the minimum of 1
        _row(3, "Xã Thanh An", 10, 12),                         # held more than the total
        _row(4, "Xã Thanh Yên", 10, 10, "31/12/2026"),          # outside the window, and after its end date
        _row(5, "Xã Sam Mứn", 10, 10, DAY, LATER, "nhiều"),     # not a number
        _row(6, "Xã Núa Ngam", 10, 10, DAY, LATER, 10, "2,5 triệu"),   # money read from words
    )
    assert {("BM-01", "C9"), ("BM-04", "C10"), ("BM-05", "D11"), ("BM-06", "E12"), ("BM-05", "E12"),
            ("BM-02", "G13"), ("BM-03", "H14")} <= _found(sub)
    assert next(r for r in sub.rows if r.unit_text == "Xã Núa Ngam").values["kinh_phi"] == 2_500_000


def test_units_not_in_the_list_twice_or_missing():
    sub = _check(_row(1, "xã  thanh nưa"), _row(2, "Xã Quài Tở"), _row(3, "Xã Quài Tở"), _row(4, "Xã Mường Phang"))
    found = _found(sub)
    assert ("DV-04", "B9") in found                         # spacing and case: read as the official name
    assert ("DV-03", "B11") in found and ("DV-01", "B12") in found
    assert next(p.fix for p in sub.problems if p.rule == "DV-01") == "Có phải «Xã Mường Phăng»?"
    missing = [p for p in sub.problems if p.rule == "DV-02"]
    assert len(missing) == 45 - 2                           # the province's list, less the two units read
    assert [r.unit_text for r in sub.rows] == ["xã thanh nưa", "Xã Quài Tở", "Xã Quài Tở", "Xã Mường Phang"]


def test_a_sheet_without_the_forms_header_is_refused_by_name():
    with pytest.raises(InputError) as info:
        check_form_sheets("a.xlsx", {"Sheet1": _sheet([(1, ["Tên", "Tuổi"])])}, Facts(), (), CAMPAIGN)
    assert "Tổng số khu dân cư" in info.value.message


def test_a_file_that_is_no_package_is_refused(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(b"PK\x03\x04not really a package")
    with pytest.raises(InputError):
        check_form_file(path, CAMPAIGN)
