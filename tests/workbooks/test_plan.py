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


def test_gives_each_commune_its_own_workbook_when_communes_report_to_the_province(two_level_folder):
    campaign = load_campaign(two_level_folder)
    communes = owners(campaign)
    assert len(communes) == 45 and communes[0].full_name == "Xã Mường Phăng"
    plan = plan_for(campaign, communes[0])
    (group,) = plan.groups
    assert group.numeral == "I" and group.level.title == "Cấp xã"
    assert [u.full_name for u in group.units] == ["Xã Mường Phăng"]
    assert plan.titles[0] == "ỦY BAN MTTQ VIỆT NAM XÃ MƯỜNG PHĂNG"


def test_a_commune_of_a_three_level_campaign_gets_only_its_own_row(c2022):
    communes = owners(c2022, "xa", "Huyện Mường Nhé")
    assert len(communes) == 11 and all(u.parent.full_name == "Huyện Mường Nhé" for u in communes)
    plan = plan_for(c2022, select_owner(c2022, "Chung Chải", "xa"))
    assert [(g.level.code, [u.full_name for u in g.units]) for g in plan.groups] == [("xa", ["Xã Chung Chải"])]
    assert plan.titles[0] == "ỦY BAN MTTQ VIỆT NAM XÃ CHUNG CHẢI"


def test_an_unknown_level_or_parent_is_refused_with_the_choices(c2022):
    with pytest.raises(InputError, match="các cấp: huyen, xa"):
        owners(c2022, "thon")
    with pytest.raises(InputError, match="Không có đơn vị «Huyện Không Có»"):
        owners(c2022, "xa", "Huyện Không Có")
