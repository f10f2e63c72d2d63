"""The value kinds of a campaign's form: what a clerk types, what docgen reads, what a document prints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from docgen.campaigns.form import Column
from docgen.values.kinds import KINDS


def read(kind: str, value, **column):
    col = Column("x", "X", KINDS[kind], **column) if column else None
    return KINDS[kind].read(value, col)


@pytest.mark.parametrize("typed", ["1.500.000", "1,500,000", 1500000, 1500000.0, "1,5 triệu", "1.500.000 đồng",
                                   " 1 500 000 "])
def test_money_is_read_however_a_clerk_types_it(typed):
    got = read("tien", typed)
    assert (got.value, got.text, got.error) == (1500000, "1.500.000", "")


def test_money_typed_as_text_says_what_was_read():
    assert read("tien", "1.500.000").changed == "bỏ dấu phân cách hàng nghìn"
    assert read("tien", 1500000).changed == ""
    assert read("tien", "1,5 triệu").changed == "đọc «triệu»"


@pytest.mark.parametrize("typed", ["mười triệu", "1.5.0", "abc", True])
def test_money_that_is_not_a_number_is_an_error(typed):
    got = read("tien", typed)
    assert got.value is None and got.error


def test_whole_numbers_refuse_fractions_and_print_with_dots():
    assert read("so_nguyen", "2,5").error
    assert read("so_nguyen", 12345).text == "12.345"
    assert read("so_nguyen", None).empty and read("so_nguyen", "  ").empty


def test_dates_from_excel_serials_cells_and_text():
    assert read("ngay", dt.datetime(2026, 11, 18, 0, 0)).value == dt.date(2026, 11, 18)
    assert read("ngay", 46344).value == dt.date(2026, 11, 18)          # Excel's serial of 18/11/2026
    got = read("ngay", "05/3/2026")
    assert (got.value, got.text) == (dt.date(2026, 3, 5), "05/03/2026")
    assert read("ngay", "31/02/2026").error == "ngày «31/02/2026» không có thật"
    assert read("ngay", "hôm qua").error


def test_yes_no_and_one_of_a_list():
    assert read("co_khong", "có").value is True and read("co_khong", "Không").text == "Không"
    assert read("co_khong", "chắc có").error
    got = read("mot_trong", "chủ tịch", choices=("Chủ tịch", "Phó Chủ tịch"))
    assert (got.value, got.changed) == ("Chủ tịch", "ghi lại đúng lựa chọn")
    assert read("mot_trong", "Ủy viên", choices=("Chủ tịch",)).error == "ô chỉ ghi một trong: Chủ tịch"


def test_percentages_phones_emails_and_links():
    assert read("phan_tram", "85,5%").value == Decimal("85.5") and read("phan_tram", "85,5%").text == "85,5%"
    assert read("phan_tram", 120).error
    assert read("dien_thoai", "912345678").text == "0912 345 678"      # Excel dropped the 0
    assert read("dien_thoai", "+84 912.345.678").text == "0912 345 678"
    assert read("dien_thoai", "0912 345").error
    assert read("thu_dien_tu", " Ten@Gmail.com").value == "ten@gmail.com"
    assert read("thu_dien_tu", "ten@gmail").error
    assert read("lien_ket", "zalo.me/g/abc", domains=("zalo.me",)).value == "https://zalo.me/g/abc"
    assert read("lien_ket", "https://facebook.com/x", domains=("zalo.me",)).error == "địa chỉ phải thuộc zalo.me"


def test_person_names_get_capitals_and_no_digits():
    assert read("ho_ten", "lò văn hùng").text == "Lò Văn Hùng"
    assert read("ho_ten", "Lò Văn 2").error
