"""The "Thông tin" sheet: every label, several lines or rows, Có/Không, dates as dates or text."""

from __future__ import annotations

import datetime as dt

from tests.readers.readers_factory import all_facts, standard_rows, write_form

from docgen.errors import Location
from tests.forms import PAGE_FORM
from docgen.readers import read_source
from docgen.readers.facts import read_facts
from tests.forms import FACT_FIELDS

WHERE = Location("a.xlsx", "Thông tin")


def facts_of(rows):
    return read_facts([(label, value, WHERE.at(f"B{i}")) for i, (label, value) in enumerate(rows, 1)], WHERE, PAGE_FORM.facts)


def test_every_label_of_the_sheet_is_read(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows(), facts=all_facts())
    facts = read_source(path, PAGE_FORM).facts
    assert (facts.don_vi, facts.so, facts.ngay) == ("Huyện Mường Nhé", "15", dt.date(2022, 3, 20))
    assert (facts.nguoi_ky, facts.chuc_vu, facts.tham_quyen, facts.luu) == (
        "Lò Văn Thắng", "CHỦ TỊCH", "TM. BAN THƯỜNG TRỰC", "VP")
    assert facts.noi_nhan == ("BTT Ủy ban MTTQ Việt Nam tỉnh (b/c)", "Thường trực Huyện ủy (b/c)")
    assert (facts.co_ke_hoach, facts.bao_cao_cap_uy) == (True, False)
    assert facts.de_xuat == ("Tập huấn quản trị Trang.",)
    assert str(facts.location) == "a.xlsx › Thông tin"
    assert (facts.huong_dan, facts.ke_hoach_cap_duoi, facts.danh_gia, facts.nguyen_nhan, facts.han_khac_phuc) == (
        "Công văn số 12/MTTQ-BTT ngày 01/3/2022", "9/11", "Triển khai nghiêm túc.", "Cán bộ kiêm nhiệm",
        dt.date(2022, 4, 15))
    assert len(FACT_FIELDS) == 16


def test_a_workbook_without_the_facts_sheet_gives_empty_facts(tmp_path):
    source = read_source(write_form(tmp_path / "a.xlsx", standard_rows())[0], PAGE_FORM)
    assert source.facts.don_vi == "" and source.facts.noi_nhan == () and source.facts.co_ke_hoach is None
    assert source.notes == ()


def test_recipients_may_be_several_rows_with_the_same_label_or_rows_under_it():
    facts, notes = facts_of([("Nơi nhận", "Như trên"), ("Nơi nhận", "- Thường trực Huyện ủy;"), (None, "+ Lưu VT"),
                             ("Đề xuất, kiến nghị:", "1. Tập huấn."), ("", "2. Kinh phí.")])
    assert facts.noi_nhan == ("Như trên", "Thường trực Huyện ủy", "Lưu VT")
    assert facts.de_xuat == ("1. Tập huấn.", "2. Kinh phí.")
    assert notes == []


def test_dates_as_text_and_labels_with_other_case_and_colon():
    for value in ("10/3/2022", "10/03/2022", "10-3-2022", "2022-03-10", "ngày 10 tháng 3 năm 2022",
                  dt.datetime(2022, 3, 10), 44630):
        facts, notes = facts_of([("NGÀY BÁO CÁO:", value)])
        assert facts.ngay == dt.date(2022, 3, 10), value


def test_values_not_understood_are_noted_not_guessed():
    facts, notes = facts_of([("Ngày báo cáo", "cuối tháng"), ("Đã báo cáo Thường trực cấp ủy", "Sắp"),
                             ("Điện thoại cơ quan", "0215 3825 123"), ("Số báo cáo", 15.0)])
    assert facts.ngay is None and facts.bao_cao_cap_uy is None and facts.so == "15"
    assert [(n.rule, n.location.cell) for n in notes] == [("VB-05", "B1"), ("VB-05", "B2"), ("VB-05", "B3")]


def test_yes_no_words():
    for word, expected in (("Có", True), ("có", True), ("x", True), ("Đã", True), (True, True),
                           ("Không", False), ("chưa", False), (False, False)):
        facts, _ = facts_of([("Đã xây dựng kế hoạch hoạt động", word)])
        assert facts.co_ke_hoach is expected, word


def test_control_characters_in_facts_are_removed_with_a_note():
    facts, notes = facts_of([("Người ký", "Lò Văn\x07 Thắng")])
    assert facts.nguoi_ky == "Lò Văn Thắng"
    assert [n.rule for n in notes] == ["VB-01"]


def test_a_date_no_report_can_carry_is_noted_not_printed():
    # An Excel date cell holding -5 shows 25/12/1899; year 1 and year 9999 are typing slips (attack round 2).
    for value in (dt.datetime(1899, 12, 25), "01/01/0001", "31/12/9999", dt.date(2150, 1, 1)):
        facts, notes = facts_of([("Ngày báo cáo", value)])
        assert facts.ngay is None, value
        assert [n.rule for n in notes] == ["VB-05"], value
