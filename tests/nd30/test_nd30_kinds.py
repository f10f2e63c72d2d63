"""Pure text rules of the header block: DT-04 padding, the Số line, kind recognition by position (spec §12)."""

from __future__ import annotations

import pytest

from docgen.nd30.kinds import date_phrase_ok, parse_number, recognise, symbol_type
from docgen.nd30.metrics import text_width_mm


@pytest.mark.parametrize("text", ["ngày 05 tháng 02 năm 2022", "ngày 29 tháng 6 năm 2019", "ngày 01 tháng 01 năm 2020",
                                  "ngày 10 tháng 12 năm 2021"])
def test_dt04_accepts_padded_days_and_only_months_01_02_padded(text):
    assert date_phrase_ok(text)


@pytest.mark.parametrize("text", ["ngày 5 tháng 02 năm 2022", "ngày 05 tháng 2 năm 2022", "ngày 15 tháng 03 năm 2022",
                                  "ngày 5 tháng 3 năm 2022"])
def test_dt04_rejects_unpadded_days_unpadded_january_february_and_padded_march_on(text):
    assert not date_phrase_ok(text)


@pytest.mark.parametrize("symbol, kind", [("MTTQ-BTT", "công văn"), ("BC-MTTQ-BTT", "báo cáo"),
                                          ("KH-MTTQ-BTT", "kế hoạch"), ("BTT-MTTQ", "bản thỏa thuận"),
                                          ("QyĐ-MTTQ", "quy định")])
def test_the_kind_comes_from_the_first_group_of_the_symbol_only(symbol, kind):
    assert recognise(symbol, None, False, False).name == kind


def test_a_title_line_gives_the_kind_when_the_symbol_has_no_type_code():
    assert symbol_type("MTTQ-BTT") is None
    assert recognise("MTTQ-BTT", "BÁO CÁO", False, False).code == "BC"


@pytest.mark.parametrize("line, number, draft", [("Số: 05/BC-MTTQ-BTT", "05", False),
                                                 ("Số:\t/BC-MTTQ-BTT", "", True),
                                                 ("Số:      /MTTQ-BTT", "", True)])
def test_the_so_line_is_split_into_number_and_symbol(line, number, draft):
    parsed = parse_number(line)
    assert (parsed.number, parsed.draft) == (number, draft)


def test_text_width_matches_the_specs_estimates():
    # spec §4.3: Tiêu ngữ 14 pt bold ≈ 60 mm, 13 pt ≈ 56 mm; Quốc hiệu 12 pt bold ≈ 88 mm
    assert round(text_width_mm("Độc lập - Tự do - Hạnh phúc", 13, True)) == 56
    assert round(text_width_mm("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True)) == 88
