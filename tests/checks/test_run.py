"""Each check of item 6 on a submission built in code: one spoilt cell, one finding, at that cell."""

from __future__ import annotations

import pytest
from .checks_factory import cell_of, clean_rows, source, spoil

from docgen.checks import RULES, check_source
from tests.forms import PAGE_FORM
from docgen.errors import Location
from docgen.records.model import Problem, Severity

MN = "Huyện Mường Nhé"


def found(sub) -> list[tuple[str, str]]:
    return [(p.rule, p.location.cell) for p in sub.problems]


def check(campaign, rows, don_vi=MN, **kw):
    return check_source(source(rows, don_vi, **kw), campaign)


def test_a_faultless_submission_gives_no_finding_and_full_figures(campaign):
    sub = check(campaign, clean_rows(campaign, MN))
    assert sub.problems == ()
    assert sub.reporting_unit.full_name == MN
    assert [(f.level, f.expected, f.present, f.with_page, f.on_pattern, f.with_both) for f in sub.figures] == [
        ("huyen", 1, 1, 1, 1, 1), ("xa", 11, 11, 11, 11, 11)]


def test_every_row_becomes_a_record_in_input_order(campaign):
    rows = clean_rows(campaign, MN) + [(1, {"don_vi": "Xã Không Có"})]
    sub = check(campaign, rows)
    assert len(sub.records) == len(rows)
    assert sub.records[-1].unit is None and sub.records[-1].unit_text == "Xã Không Có"


class TestUnits:
    def test_a_unit_not_in_the_official_list_is_an_error_with_a_suggestion(self, campaign):
        rows = clean_rows(campaign, "Huyện Tuần Giáo")
        rows = spoil(rows, "Xã Quài Tở", don_vi="Xã Quài Tở Mới")
        sub = check(campaign, rows, "Huyện Tuần Giáo")
        assert ("DV-01", cell_of(rows, "Xã Quài Tở Mới", "don_vi")) in found(sub)
        p = next(p for p in sub.problems if p.rule == "DV-01")
        assert p.severity is Severity.ERROR
        assert p.message == "«Xã Quài Tở Mới» không có trong danh mục đơn vị hành chính của huyện Tuần Giáo."
        assert p.fix == "Có phải «Xã Quài Tở»?"
        # the real Quài Tở is now missing
        assert ("DV-02", None) in found(sub)

    def test_a_unit_of_another_district_is_named_as_such(self, campaign):
        rows = clean_rows(campaign, MN) + [(1, {"don_vi": "Xã Quài Tở", "lien_ket": "chưa có"})]
        sub = check(campaign, rows)
        p = next(p for p in sub.problems if p.rule == "DV-01")
        assert "thuộc huyện Tuần Giáo" in p.message

    def test_a_missing_unit_is_reported_on_the_table_with_its_code(self, campaign):
        rows = [r for r in clean_rows(campaign, MN) if r[1]["don_vi"] != "Xã Nậm Kè"]
        sub = check(campaign, rows)
        assert found(sub) == [("DV-02", None)]
        p = sub.problems[0]
        assert p.location == Location("muong_nhe.xlsx", "Phụ lục")
        assert p.message == "Thiếu xã Nậm Kè (mã 03162) trong danh sách của huyện Mường Nhé."
        assert sub.figures[1].present == 10 and sub.figures[1].expected == 11

    def test_a_unit_twice_is_an_error_on_the_second_row_and_counted_once(self, campaign):
        rows = clean_rows(campaign, MN)
        dup = (1, {**rows[3][1], "lien_ket": "https://www.facebook.com/khac"})
        sub = check(campaign, rows + [dup])
        assert found(sub) == [("DV-03", f"B{8 + len(rows)}")]
        assert sub.problems[0].message == "Xã Chung Chải ghi hai lần (đã có ở A11:J11)."
        assert sub.figures[1].present == 11

    @pytest.mark.parametrize("typed", ["Chung Chải", "xã Chung Chải", "Xã  Chung Chải", "UBMTTQ xã Chung Chải"])
    def test_a_unit_written_differently_is_matched_with_a_warning(self, campaign, typed):
        rows = spoil(clean_rows(campaign, MN), "Xã Chung Chải", don_vi=typed)
        sub = check(campaign, rows)
        assert [(p.rule, p.severity, p.fix) for p in sub.problems] == [("DV-04", Severity.WARNING, "Xã Chung Chải")]
        assert sub.records[3].unit.full_name == "Xã Chung Chải"

    def test_either_tone_placement_matches(self, campaign):
        rows = clean_rows(campaign, "Huyện Tuần Giáo")
        rows = spoil(rows, "Xã Tỏa Tình", don_vi="Xã Toả Tình")
        sub = check(campaign, rows, "Huyện Tuần Giáo")
        assert [p.rule for p in sub.problems] == ["DV-04"]

    def test_without_facts_the_reporting_unit_comes_from_the_group_one_row(self, campaign):
        sub = check(campaign, clean_rows(campaign, MN), don_vi="")
        assert sub.reporting_unit.full_name == MN and sub.problems == ()

    def test_without_a_named_top_row_the_reporting_unit_is_the_one_holding_most_rows(self, campaign):
        rows = [r for r in clean_rows(campaign, MN) if r[0] == 1]
        sub = check(campaign, rows, don_vi="")
        assert sub.reporting_unit.full_name == MN
        assert found(sub) == [("DV-02", None)]

    def test_the_group_row_itself_may_hold_the_reporting_units_data(self, campaign):
        rows = clean_rows(campaign, MN)
        rows[0] = (0, {**rows[0][1], "don_vi": "Cấp huyện"})
        sub = check(campaign, rows)
        assert sub.problems == () and sub.records[0].unit.full_name == MN

    def test_an_unknown_reporting_unit_is_an_error_on_the_facts(self, campaign):
        sub = check(campaign, clean_rows(campaign, MN), don_vi="Huyện Mường Nhé Mới")
        assert found(sub)[0] == ("DV-01", "B2") and sub.reporting_unit.full_name == MN


class TestPages:
    def test_a_page_name_off_pattern_is_an_error_showing_the_expected_name(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Chung Chải", ten_trang="Mặt trận xã Chung Chải")
        sub = check(campaign, rows)
        assert found(sub) == [("TT-01", cell_of(rows, "Xã Chung Chải", "ten_trang"))]
        p = sub.problems[0]
        assert p.message == ("Tên Trang «Mặt trận xã Chung Chải» của xã Chung Chải không đúng mẫu; "
                             "theo mẫu phải là «Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)».")
        assert p.fix == "Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)"
        assert sub.figures[1].on_pattern == 10 and sub.figures[1].with_page == 11

    @pytest.mark.parametrize("typed", [
        "Mặt trận  Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)",
        "mặt trận Chung Chải (Huyện Mường Nhé, Tỉnh Điện Biên)",
        "“Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)”",
    ])
    def test_a_page_name_right_only_after_normalising_is_a_warning_and_kept_right(self, campaign, typed):
        rows = spoil(clean_rows(campaign, MN), "Xã Chung Chải", ten_trang=typed)
        sub = check(campaign, rows)
        assert [(p.rule, p.severity) for p in sub.problems] == [("TT-03", Severity.WARNING)]
        assert sub.records[3].page_name == "Mặt trận Chung Chải (huyện Mường Nhé, tỉnh Điện Biên)"
        assert sub.figures[1].on_pattern == 11

    def test_the_district_pattern_is_the_district_levels(self, campaign):
        rows = spoil(clean_rows(campaign, MN), MN, ten_trang="Mặt trận huyện Mường Nhé")
        sub = check(campaign, rows)
        assert [(p.rule, p.fix) for p in sub.problems] == [("TT-01", "Mặt trận Mường Nhé (tỉnh Điện Biên)")]

    @pytest.mark.parametrize("link", ["đang xây dựng", "Chưa có", "-", None])
    def test_a_page_not_established_is_a_warning_only_and_counts_as_missing(self, campaign, link):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ten_trang=None, lien_ket=link,
                     ld_ten=None, ld_sdt=None, ld_email=None, vh_ten=None, vh_sdt=None, vh_email=None)
        sub = check(campaign, rows)
        key = "lien_ket" if link else "ten_trang"
        assert found(sub) == [("TT-02", cell_of(rows, "Xã Pá Mỳ", key))]
        assert sub.figures[1].with_page == 10 and not sub.records[5].has_page

    def test_a_page_name_without_a_link_is_an_error(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", lien_ket=None)
        sub = check(campaign, rows)
        assert found(sub) == [("LK-01", cell_of(rows, "Xã Pá Mỳ", "lien_ket"))]
        assert sub.problems[0].message.endswith("thiếu địa chỉ liên kết.")

    def test_a_link_without_a_page_name_is_an_error_showing_the_name(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ten_trang=None)
        sub = check(campaign, rows)
        assert [(p.rule, p.fix) for p in sub.problems] == [("TT-01", "Mặt trận Pá Mỳ (huyện Mường Nhé, tỉnh Điện Biên)")]

    def test_a_link_off_platform_is_an_error(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", lien_ket="https://zalo.me/mattranpamy")
        sub = check(campaign, rows)
        assert found(sub) == [("LK-01", cell_of(rows, "Xã Pá Mỳ", "lien_ket"))]

    def test_one_link_for_two_units_is_an_error_on_the_second(self, campaign):
        rows = clean_rows(campaign, MN)
        rows = spoil(rows, "Xã Pá Mỳ", lien_ket="m.facebook.com/MATTRAN3158")
        sub = check(campaign, rows)
        assert [r for r, _ in found(sub)] == ["LK-03", "LK-02"]
        assert "xã Leng Su Sìn" in sub.problems[1].message

    def test_a_normalised_link_is_a_warning_and_kept_canonical(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", lien_ket="m.facebook.com/mattranpamy/")
        sub = check(campaign, rows)
        assert [(p.rule, p.fix) for p in sub.problems] == [("LK-03", "https://www.facebook.com/mattranpamy")]
        assert sub.records[5].link == "https://www.facebook.com/mattranpamy"


class TestPeople:
    def test_a_missing_leader_is_an_error(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_ten=None, ld_sdt=None, ld_email=None)
        sub = check(campaign, rows)
        assert [r for r, _ in found(sub)] == ["NS-01"]
        assert sub.figures[1].with_leader == 10 and sub.figures[1].with_both == 10

    def test_a_missing_operator_is_an_error(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", vh_ten=None, vh_sdt=None, vh_email=None)
        sub = check(campaign, rows)
        assert [r for r, _ in found(sub)] == ["NS-02"]
        assert sub.figures[1].with_operator == 10

    def test_one_person_for_both_roles_at_district_level_is_an_error_that_counts_against_staffed(self, campaign):
        rows = spoil(clean_rows(campaign, MN), MN, vh_ten="lò văn lãnh 96")
        sub = check(campaign, rows)
        assert found(sub) == [("NS-03", "H8")]
        assert sub.problems[0].severity is Severity.ERROR and "(mục 2.4)" in sub.problems[0].message
        assert (sub.figures[0].with_page, sub.figures[0].with_both) == (1, 0)

    def test_one_person_for_both_roles_at_commune_level_is_allowed(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", vh_ten="Lò Văn Lãnh 3159")
        assert check(campaign, rows).problems == ()

    def test_an_invalid_phone_is_an_error_and_kept_as_typed(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_sdt="0912 345")
        sub = check(campaign, rows)
        assert found(sub) == [("SDT-01", cell_of(rows, "Xã Pá Mỳ", "ld_sdt"))]
        assert sub.records[5].leader.phone == "0912 345"

    def test_an_excel_number_phone_is_a_warning_and_kept_canonical(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", vh_sdt=912000101)
        sub = check(campaign, rows)
        assert [(p.rule, p.fix) for p in sub.problems] == [("SDT-02", "0912 000 101")]
        assert sub.records[5].operator.phone == "0912 000 101"

    def test_an_invalid_email_is_an_error(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", vh_email="lo.van.binh@gmail")
        sub = check(campaign, rows)
        assert found(sub) == [("EM-01", cell_of(rows, "Xã Pá Mỳ", "vh_email"))]

    def test_an_upper_case_email_is_a_warning(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", vh_email=" VanHanh@Gmail.com")
        sub = check(campaign, rows)
        assert [(p.rule, p.fix) for p in sub.problems] == [("EM-02", "vanhanh@gmail.com")]


def test_control_characters_are_removed_with_a_warning(campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_ten="Lò Văn\x07 Lãnh\u200b 3159")
    sub = check(campaign, rows)
    assert found(sub) == [("VB-01", cell_of(rows, "Xã Pá Mỳ", "ld_ten"))]
    assert sub.records[5].leader.name == "Lò Văn Lãnh 3159"


def test_the_readers_notes_are_passed_through_first(campaign):
    note = Problem("DOC-01", Severity.WARNING, "Bỏ qua dòng trống", Location("muong_nhe.xlsx", "Phụ lục", "A30"))
    sub = check(campaign, clean_rows(campaign, MN), notes=(note,))
    assert sub.problems == (note,)


def test_every_rule_used_is_in_the_catalogue_with_its_severity(campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_sdt="0912", vh_email="x", lien_ket="zalo.me/x",
                 ten_trang="Trang xã")
    for p in check(campaign, rows).problems:
        assert RULES[p.rule].severity is p.severity


class TestTwoLevels:
    def test_a_province_reports_its_communes_under_the_two_level_list(self, two_level):
        rows = clean_rows(two_level, "Tỉnh Điện Biên")
        assert len(rows) == 45
        sub = check(two_level, rows, "Tỉnh Điện Biên")
        assert sub.problems == ()
        assert len(sub.expected) == 45 and sub.reporting_unit.level == 0
        assert [(f.level, f.expected, f.present) for f in sub.figures] == [("xa", 45, 45)]

    def test_the_province_is_the_default_reporting_unit(self, two_level):
        rows = clean_rows(two_level, "Tỉnh Điện Biên")[:44]
        sub = check(two_level, rows, don_vi="")
        assert sub.reporting_unit.kind == "tỉnh"
        assert [p.rule for p in sub.problems] == ["DV-02"]

    def test_the_pattern_comes_from_the_campaign(self, two_level):
        rows = clean_rows(two_level, "Tỉnh Điện Biên")
        name = rows[0][1]["don_vi"]
        rows = spoil(rows, name, ten_trang="Mặt trận " + name)
        sub = check(two_level, rows, "Tỉnh Điện Biên")
        assert [(p.rule, p.fix) for p in sub.problems] == [("TT-01", f"Mặt trận {name[:1].lower()}{name[1:]} (tỉnh Điện Biên)")]


def test_a_cell_the_reader_already_cleaned_is_not_reported_twice(campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_ten="Lò Văn\u200b Lãnh 3159")
    where = Location("muong_nhe.xlsx", "Phụ lục", cell_of(rows, "Xã Pá Mỳ", "ld_ten"))
    note = Problem("VB-01", Severity.WARNING, "Đã xóa ký tự điều khiển.", where)
    sub = check(campaign, rows, notes=(note,))
    assert sub.problems == (note,)


class TestOddCells:
    """Bad input of the issue that reaches the checks: dates, numbers, emoji where text is expected."""

    def test_a_date_in_a_phone_cell_is_an_invalid_phone(self, campaign):
        import datetime as dt

        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_sdt=dt.datetime(2022, 3, 1))
        sub = check(campaign, rows)
        assert [(p.rule, p.location.cell) for p in sub.problems] == [("SDT-01", cell_of(rows, "Xã Pá Mỳ", "ld_sdt"))]
        assert "«01/03/2022»" in sub.problems[0].message

    def test_a_number_as_page_name_is_off_pattern(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ten_trang=12345)
        assert [p.rule for p in check(campaign, rows).problems] == ["TT-01"]

    def test_a_number_as_email_is_invalid(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_email=912000101)
        assert [p.rule for p in check(campaign, rows).problems] == ["EM-01"]

    def test_emoji_in_a_name_are_kept_as_typed(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", vh_ten="Quàng Thị Vận 🌸")
        sub = check(campaign, rows)
        assert sub.problems == () and sub.records[5].operator.name == "Quàng Thị Vận 🌸"

    def test_emoji_in_a_page_name_make_it_off_pattern(self, campaign):
        rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ten_trang="Mặt trận Pá Mỳ (huyện Mường Nhé, tỉnh Điện Biên) 🇻🇳")
        assert [p.rule for p in check(campaign, rows).problems] == ["TT-01"]

    def test_a_row_with_only_its_number_is_form_padding(self, campaign):
        rows = clean_rows(campaign, MN) + [(1, {"tt": "12"}), (1, {"tt": "..."})]
        sub = check(campaign, rows)
        assert sub.problems == () and len(sub.records) == 12

    def test_a_row_with_data_but_no_unit_is_kept_and_reported(self, campaign):
        rows = clean_rows(campaign, MN) + [(1, {"tt": "12", "ld_ten": "Lò Văn A"})]
        sub = check(campaign, rows)
        assert [(p.rule, p.location.cell) for p in sub.problems] == [("DV-01", "B20")]
        assert len(sub.records) == 13


def test_a_reporting_unit_of_another_province_says_to_pick_the_right_campaign(campaign):
    sub = check(campaign, clean_rows(campaign, MN), don_vi="Huyện Mộc Châu")
    p = sub.problems[0]
    assert (p.rule, p.location.cell) == ("DV-01", "B2")
    assert "«Huyện Mộc Châu» thuộc tỉnh Sơn La: hãy chọn đúng chiến dịch (--chien-dich)." in p.message
    assert sub.reporting_unit.full_name == MN   # the rows still tell which district reports


def test_every_finding_about_a_known_unit_carries_its_code(campaign):
    rows = spoil(clean_rows(campaign, MN), "Xã Pá Mỳ", ld_sdt="0912", vh_email="x@y", vh_ten=None, ten_trang="Sai")
    problems = check(campaign, rows).problems
    assert [p.rule for p in problems] == ["TT-01", "SDT-01", "NS-02", "EM-01"]
    assert {p.unit_code for p in problems} == {"3159"}


def test_a_commune_file_checked_alone_reads_its_group_row_by_its_label_not_its_numeral(campaign):
    """Issue 15: a 2022 commune's own workbook heads its only row «I | Cấp xã»; numeral I is the first
    level (cấp huyện), the label names cấp xã. The label wins: the row is a commune's, everywhere it is shown."""
    from pathlib import Path

    from docgen.jobs.check_upload import table_dict
    from docgen.readers import read_source

    path = Path(__file__).resolve().parents[2] / "data" / "mau" / "2022-muong-nhe-xa" / "xa-chung-chai.xlsx"
    src = read_source(path, PAGE_FORM)
    row = src.table.rows[0]
    assert (row.group, row.group_label) == (0, "Cấp xã")
    assert campaign.level_of_group(row.group, row.group_label).code == "xa"
    assert campaign.level_of_group(0).code == "huyen"   # a group row without a label counts by its numeral
    assert [r["group"] for r in table_dict(src.table, campaign)["rows"]] == ["Cấp xã"]
    sub = check_source(src, campaign)
    assert [(r.unit.full_name, r.unit.level) for r in sub.records] == [("Xã Chung Chải", 2)]
    assert sub.reporting_unit.full_name == "Xã Chung Chải"
