"""The figures a report quotes, per level: each expected unit counted once."""

from __future__ import annotations

from docgen.checks.figures import describe, level_figures
from docgen.checks.units import expected_units, find_reporting
from docgen.errors import Location
from docgen.records.model import Person, Record, Role


def _record(unit, page="", link="", leader="", operator=""):
    return Record(Location("a.xlsx", "Phụ lục", "A1"), unit.full_name, unit, page, link, "Facebook" if link else "",
                  Person(Role.LEADER, leader), Person(Role.OPERATOR, operator))


def test_each_level_counts_expected_present_pages_pattern_and_people(campaign):
    expected = expected_units(find_reporting("Huyện Mường Nhé", campaign), campaign)
    xa = campaign.level_at(2)
    district, c1, c2, c3 = expected[:4]
    records = (
        _record(district, campaign.level_at(1).expected_page_name(district), "https://www.facebook.com/d", "A", "B"),
        _record(c1, xa.expected_page_name(c1), "https://www.facebook.com/c1", "A", "A"),
        _record(c1, "duplicate row, not counted", "https://www.facebook.com/x", "", ""),
        _record(c2, "Trang sai mẫu", "https://www.facebook.com/c2", "A", ""),
        _record(c3),
    )
    huyen, xa_fig = level_figures(campaign, expected, records)
    assert (huyen.expected, huyen.present, huyen.with_page, huyen.on_pattern, huyen.with_both) == (1, 1, 1, 1, 1)
    assert (xa_fig.expected, xa_fig.present, xa_fig.with_page, xa_fig.on_pattern) == (11, 3, 2, 1)
    assert (xa_fig.with_leader, xa_fig.with_operator, xa_fig.with_both) == (2, 1, 1)
    assert describe(xa_fig, campaign).startswith("Cấp xã: 3/11 đơn vị có trong danh sách; 2/11 đơn vị có Trang; "
                                       "1/2 Trang đặt tên đúng mẫu")


def test_the_counts_are_the_campaigns_conditions_worked_out_by_the_shared_engine(campaign):
    """The per-level figures are `[[so_lieu]]` data (issue 10): "hoặc", "mẫu tên", and "khi nhan_su = rieng"."""
    from dataclasses import replace

    from docgen.checks.figures import page_row
    from docgen.checks.form_figures import holds

    expected = expected_units(find_reporting("Huyện Mường Nhé", campaign), campaign)
    huyen, xa = campaign.level_at(1), campaign.level_at(2)
    district, commune = expected[0], expected[1]
    figure = {f.key: f for f in campaign.figures}
    link_only = _record(commune, "", "https://www.facebook.com/c1")
    assert holds(figure["co_trang"].condition, page_row(link_only, xa), xa)        # "ten_trang … hoặc lien_ket …"
    assert not holds(figure["dung_mau"].condition, page_row(link_only, xa), xa)    # no name: not on the pattern
    named = _record(commune, xa.expected_page_name(commune))
    assert holds(figure["dung_mau"].condition, page_row(named, xa), xa)            # "ten_trang = mẫu tên"
    one_person = _record(district, "", "", "Lò Văn A", "lò văn a")
    assert not holds(figure["du_nguoi"].condition, page_row(one_person, huyen), huyen)   # two people asked
    one_person = replace(one_person, unit=commune)
    assert holds(figure["du_nguoi"].condition, page_row(one_person, xa), xa)             # kiem_nhiem: one will do
    # A campaign that drops the level rule counts the district as staffed: the condition is the campaign's.
    relaxed = replace(figure["du_nguoi"], condition=replace(figure["du_nguoi"].condition,
                                                            parts=figure["du_nguoi"].condition.parts[:2]))
    assert holds(relaxed.condition, page_row(replace(one_person, unit=district), huyen), huyen)
