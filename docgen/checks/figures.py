"""The numbers a report quotes, per reporting level: expected, present, with a page, on pattern, staffed."""

from __future__ import annotations

from docgen.campaigns.campaign import Campaign
from docgen.records.model import LevelFigures, Record, Unit


def level_figures(campaign: Campaign, expected: tuple[Unit, ...], records: tuple[Record, ...]) -> tuple[LevelFigures, ...]:
    """Return one `LevelFigures` per campaign level, counting each expected unit once.

    A unit listed twice counts by its first row; rows of units outside the expected
    list (DV-01) are not counted. "On pattern" means the kept page name is exactly
    the campaign's name for the unit (names fixed by TT-03 count, TT-01 ones do not).
    """
    first: dict[tuple[int, str], Record] = {}
    for record in records:
        if record.unit is not None:
            first.setdefault((record.unit.level, record.unit.code), record)
    out = []
    for level in campaign.levels:
        units = [u for u in expected if u.level == level.depth]
        present = [first[(u.level, u.code)] for u in units if (u.level, u.code) in first]
        with_page = [r for r in present if r.has_page]
        out.append(LevelFigures(
            level=level.code,
            title=level.title,
            expected=len(units),
            present=len(present),
            with_page=len(with_page),
            on_pattern=sum(1 for r in with_page if r.page_name == level.expected_page_name(r.unit)),
            with_leader=sum(1 for r in present if r.leader.assigned),
            with_operator=sum(1 for r in present if r.operator.assigned),
            with_both=sum(1 for r in present if r.leader.assigned and r.operator.assigned),
        ))
    return tuple(out)


def describe(fig: LevelFigures) -> str:
    """Return one Vietnamese line summing up a level's figures.

    >>> describe(LevelFigures("xa", "Cấp xã", 11, 10, 9, 8, 9, 8, 8))
    'Cấp xã: 10/11 đơn vị có trong danh sách; 9 có Trang, 8 đặt tên đúng mẫu; 8 đủ lãnh đạo phụ trách và cán bộ vận hành.'
    """
    return (f"{fig.title}: {fig.present}/{fig.expected} đơn vị có trong danh sách; {fig.with_page} có Trang, "
            f"{fig.on_pattern} đặt tên đúng mẫu; {fig.with_both} đủ lãnh đạo phụ trách và cán bộ vận hành.")
