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
    assert describe(xa_fig).startswith("Cấp xã: 3/11 đơn vị có trong danh sách; 2/11 đơn vị có Trang; "
                                       "1/2 Trang đặt tên đúng mẫu")
