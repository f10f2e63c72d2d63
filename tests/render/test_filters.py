"""The Vietnamese template filters: ND30 date (DT-04), number line (SO-02), drafts (DR-01, DR-02), numbers."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from docgen.render.filters import FILTERS
from docgen.values.formats import ngay_nd30, ngay_ngan, phan_tram, so_ky_hieu, so_vn

# Regexes of nd30.md §4.5, §4.6 and §11.
ISSUED_DATE = re.compile(r"^[A-ZĐÂĂÊÔƠƯ][^,]*, ngày (0[1-9]|[12]\d|3[01]) tháng (01|02|[3-9]|1[0-2]) năm \d{4}$")
ISSUED_NUMBER = re.compile(r"^Số: (0[1-9]|[1-9]\d+)/([A-ZĐ][A-Za-zĐđ]*)(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")
DRAFT_NUMBER = re.compile(r"^Số:(?:\t|[ \u00A0\t]{2,})/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ][A-Za-zĐđ0-9]*)*$")


@pytest.mark.parametrize("month, written", [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (12, "12")])
def test_the_date_pads_months_one_and_two_only(month, written):
    """DT-04: months 1–2 padded, 3–12 not."""
    line = ngay_nd30(dt.date(2022, month, 5), "Điện Biên")
    assert line == f"Điện Biên, ngày 05 tháng {written} năm 2022"
    assert ISSUED_DATE.match(line)


@pytest.mark.parametrize("day, written", [(1, "01"), (9, "09"), (10, "10"), (31, "31")])
def test_the_date_pads_days_below_ten(day, written):
    assert ngay_nd30(dt.date(2022, 3, day), "Mường Nhé") == f"Mường Nhé, ngày {written} tháng 3 năm 2022"


def test_a_draft_date_leaves_day_and_month_blank_and_keeps_the_year():
    """DR-02."""
    assert ngay_nd30(None, "Điện Biên", 2022) == "Điện Biên, ngày      tháng      năm 2022"
    assert ngay_nd30(None, "Điện Biên").endswith("năm      ")


@pytest.mark.parametrize("so, line", [("5", "Số: 05/BC-MTTQ-BTT"), (9, "Số: 09/BC-MTTQ-BTT"),
                                      ("15", "Số: 15/BC-MTTQ-BTT"), ("1031", "Số: 1031/BC-MTTQ-BTT")])
def test_the_number_line_pads_numbers_below_ten(so, line):
    """SO-01…03."""
    assert so_ky_hieu(so, "BC-MTTQ-BTT") == line
    assert ISSUED_NUMBER.match(line)


@pytest.mark.parametrize("so", ["", None, "  "])
def test_a_draft_number_is_left_blank(so):
    """DR-01."""
    line = so_ky_hieu(so, "BC-MTTQ-BTT")
    assert line == "Số:      /BC-MTTQ-BTT"
    assert DRAFT_NUMBER.match(line)


def test_numbers_and_percentages_are_written_the_vietnamese_way():
    assert so_vn(10051) == "10.051"
    assert phan_tram(10 / 12) == "83,3%"
    assert phan_tram(9 / 11) == "81,8%"
    assert phan_tram(1.0) == "100%"


def test_the_short_date_of_body_text_is_padded():
    assert ngay_ngan(dt.date(2022, 2, 25)) == "25/02/2022"
    assert ngay_ngan(dt.date(2022, 3, 5)) == "05/03/2022"


def test_every_filter_is_exposed_by_name():
    assert {"ngay_nd30", "so_ky_hieu", "so_vn", "phan_tram", "ngay_ngan"} <= set(FILTERS)
    assert all(callable(f) for f in FILTERS.values())
