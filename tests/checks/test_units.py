"""Reporting unit, expected units and name matching, worked out from the campaign's levels alone."""

from __future__ import annotations

import pytest

from docgen.checks.units import campaign_index, expected_units, find_reporting, inside, unit_words


@pytest.mark.parametrize("typed, words", [
    ("Mặt trận xã Chung Chải", "xã Chung Chải"),
    ("Ủy ban MTTQ Việt Nam huyện Mường Nhé", "huyện Mường Nhé"),
    ("TX. Mường Lay", "thị xã Mường Lay"),
    ("tt Tuần Giáo", "thị trấn Tuần Giáo"),
    ("Chung  Chải", "Chung Chải"),
])
def test_front_prefixes_and_abbreviated_kinds_are_read_away(typed, words):
    assert unit_words(typed) == words


def test_a_district_expects_itself_and_its_communes_in_official_order(campaign):
    units = expected_units(find_reporting("Huyện Mường Nhé", campaign), campaign)
    assert [u.full_name for u in units[:3]] == ["Huyện Mường Nhé", "Xã Sín Thầu", "Xã Sen Thượng"]
    assert [u.level for u in units] == [1] + [2] * 11


def test_the_province_in_the_three_level_campaign_expects_its_districts_and_communes_not_itself(campaign):
    units = expected_units(campaign.province, campaign)
    assert (len(units), units[0].full_name) == (139, "Thành phố Điện Biên Phủ")


def test_the_province_in_a_two_level_campaign_expects_its_45_communes(two_level):
    units = expected_units(find_reporting("Tỉnh Điện Biên", two_level), two_level)
    assert len(units) == 45 and {u.level for u in units} == {1}


@pytest.mark.parametrize("typed", ["huyện mường nhé", "Mường Nhé", "MTTQ huyện Mường Nhé"])
def test_the_reporting_unit_is_found_however_it_is_written(campaign, typed):
    assert find_reporting(typed, campaign).code == "96"


def test_a_unit_of_another_province_is_not_a_reporting_unit_of_this_campaign(campaign):
    assert find_reporting("Huyện Mộc Châu", campaign) is None


def test_names_match_with_either_tone_placement_only_inside_the_scope(campaign):
    index = campaign_index(campaign)
    tuan_giao = find_reporting("Huyện Tuần Giáo", campaign)
    assert [u.full_name for u in index.candidates("Xã Toả Tình", 2, tuan_giao)] == ["Xã Tỏa Tình"]
    assert index.candidates("Xã Chung Chải", 2, tuan_giao) == []
    assert index.closest("Xã Quài Tở Mới", 2, tuan_giao).full_name == "Xã Quài Tở"
    assert inside(index.candidates("Xã Chung Chải", 2)[0], campaign.province)
