"""What goes into each collection workbook (docgen/workbooks/plan.py)."""

from __future__ import annotations

import pytest

from docgen.campaigns.campaign import load_campaign
from docgen.errors import InputError
from docgen.workbooks.plan import owners, plan_for, select_owner


@pytest.fixture(scope="module")
def c2022():
    return load_campaign("2022-trang-cong-dong")


def test_gives_one_workbook_per_district_of_the_2022_campaign(c2022):
    names = [u.full_name for u in owners(c2022)]
    assert len(names) == 10
    assert names[0] == "Thành phố Điện Biên Phủ" and "Huyện Mường Nhé" in names


def test_puts_the_district_in_group_I_and_its_communes_in_group_II(c2022):
    plan = plan_for(c2022, select_owner(c2022, "Mường Nhé"))
    (g1, g2) = plan.groups
    assert (g1.numeral, g1.level.title, [u.full_name for u in g1.units]) == ("I", "Cấp huyện", ["Huyện Mường Nhé"])
    assert g2.numeral == "II" and g2.level.title == "Cấp xã"
    assert [u.full_name for u in g2.units] == [
        u.full_name for u in c2022.units.children(plan.owner)
    ]
    assert "Xã Chung Chải" in [u.full_name for u in g2.units]
    assert plan.titles == (
        "ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ",
        "DANH SÁCH",
        "“Trang cộng đồng” Mặt trận huyện Mường Nhé",
    )


@pytest.mark.parametrize("typed", ["Mường Nhé", "huyện mường nhé", "Huyện  Mường Nhé", "Huyện Mường Nhé"])
def test_finds_a_district_with_or_without_its_kind(c2022, typed):
    assert select_owner(c2022, typed).full_name == "Huyện Mường Nhé"


def test_finds_a_district_whatever_the_tone_placement(c2022):
    # "Tủa Chùa" typed with the old-style tone placement on "ua" is the same name.
    assert select_owner(c2022, "Tuả Chuà").full_name == "Huyện Tủa Chùa"


def test_lists_the_valid_names_when_the_unit_is_unknown(c2022):
    with pytest.raises(InputError) as err:
        select_owner(c2022, "Muong Nhe")
    assert "Không có đơn vị «Muong Nhe»" in err.value.message
    assert "Huyện Nậm Pồ" in err.value.message


def test_gives_the_province_one_workbook_with_all_its_communes_when_there_is_one_level(two_level_folder):
    campaign = load_campaign(two_level_folder)
    (owner,) = owners(campaign)
    assert owner.full_name == "Tỉnh Điện Biên"
    plan = plan_for(campaign, owner)
    (group,) = plan.groups
    assert group.numeral == "I" and group.level.title == "Cấp xã"
    assert len(group.units) == 45
    assert plan.titles[0] == "ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN"
