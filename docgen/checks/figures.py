"""The numbers a report quotes, per reporting level: expected, present, with a page, on pattern, staffed.

One denominator per figure, the same in every document (reports, summary, tong-hop.xlsx):
pages over the units that must report, names on pattern over the pages, pages fully
staffed over the pages. `DENOMINATOR` says which, for whoever prints a ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaigns.campaign import Campaign
from docgen.records.model import LevelFigures, Record, Unit
from docgen.vntext import clean, name_key

# Each figure's denominator (a LevelFigures field), and the words a ratio states it in.
DENOMINATOR = {"with_page": "expected", "on_pattern": "with_page", "with_both": "with_page"}


def staffed(record: Record, level) -> bool:
    """Return True when the record's page has both people and, where the level asks for two people
    ("rieng", dispatch item 2.4), they are two different people (NS-03 counts against "đủ")."""
    if not (record.leader.assigned and record.operator.assigned):
        return False
    return not (level is not None and level.staffing == "rieng"
                and name_key(record.leader.name) == name_key(record.operator.name))


def first_records(records) -> dict[tuple[int, str], Record]:
    """Return each known unit's first record by (level, code): a unit written twice counts by its first row."""
    first: dict[tuple[int, str], Record] = {}
    for record in records:
        if record.unit is not None:
            first.setdefault((record.unit.level, record.unit.code), record)
    return first


def level_figures(campaign: Campaign, expected: tuple[Unit, ...], records: tuple[Record, ...]) -> tuple[LevelFigures, ...]:
    """Return one `LevelFigures` per campaign level, counting each expected unit once.

    A unit listed twice counts by its first row; rows of units outside the expected
    list (DV-01) are not counted. "On pattern" means the kept page name is exactly
    the campaign's name for the unit (names fixed by TT-03 count, TT-01 ones do not).
    """
    first = first_records(records)
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
            with_both=sum(1 for r in with_page if staffed(r, level)),
        ))
    return tuple(out)


def describe(fig: LevelFigures) -> str:
    """Return one Vietnamese line summing up a level's figures.

    >>> describe(LevelFigures("xa", "Cấp xã", 11, 10, 9, 8, 9, 8, 8))
    'Cấp xã: 10/11 đơn vị có trong danh sách; 9/11 đơn vị có Trang; 8/9 Trang đặt tên đúng mẫu; 8/9 Trang đủ lãnh đạo phụ trách và cán bộ vận hành.'
    """
    return (f"{fig.title}: {fig.present}/{fig.expected} đơn vị có trong danh sách; {fig.with_page}/{fig.expected} "
            f"đơn vị có Trang; {fig.on_pattern}/{fig.with_page} Trang đặt tên đúng mẫu; {fig.with_both}/{fig.with_page} "
            "Trang đủ lãnh đạo phụ trách và cán bộ vận hành.")


@dataclass(frozen=True)
class Shortfall:
    """The units behind a level's shortfalls, in official order, each with a detail ("" or a few words).

    Section II of every document names them; their counts are the gaps of `level_figures`:
    expected − with_page = not_reported + no_page; with_page − on_pattern = off_pattern;
    with_page − with_both = short_staffed.
    """

    level: str
    title: str
    not_reported: tuple[Unit, ...] = ()
    no_page: tuple[tuple[Unit, str], ...] = ()
    off_pattern: tuple[tuple[Unit, str], ...] = ()
    short_staffed: tuple[tuple[Unit, str], ...] = ()


def shortfalls(campaign: Campaign, expected: tuple[Unit, ...], records: tuple[Record, ...]) -> tuple[Shortfall, ...]:
    """Return one `Shortfall` per campaign level, from the same first records `level_figures` counts."""
    first = first_records(records)
    out = []
    for level in campaign.levels:
        missing, no_page, off, short = [], [], [], []
        for unit in (u for u in expected if u.level == level.depth):
            r = first.get((unit.level, unit.code))
            if r is None or says_nothing(r):
                missing.append(unit)
            elif not r.has_page:
                no_page.append((unit, clean(r.page_note) if not normalize_empty(r.page_note) else ""))
            else:
                if r.page_name != level.expected_page_name(unit):
                    off.append((unit, r.page_name))
                if not staffed(r, level):
                    short.append((unit, _staff_gap(r)))
        out.append(Shortfall(level.code, level.title, tuple(missing), tuple(no_page), tuple(off), tuple(short)))
    return tuple(out)


def says_nothing(record: Record) -> bool:
    """Return True for a row with only its unit (the blank form's pre-filled TT and name): the unit has not
    reported — a unit without a page writes "Chưa có" or "Đang xây dựng" (the workbook's guide says so)."""
    return not (record.has_page or record.page_note or record.leader.assigned or record.operator.assigned)


def _staff_gap(r: Record) -> str:
    """Return what is missing of a page's people, in the words section II uses."""
    if not r.leader.assigned and not r.operator.assigned:
        return "chưa phân công lãnh đạo phụ trách và cán bộ quản lý, vận hành"
    if not r.leader.assigned:
        return "chưa phân công lãnh đạo phụ trách"
    if not r.operator.assigned:
        return "chưa phân công cán bộ quản lý, vận hành"
    return f"đồng chí {r.leader.name} kiêm cả lãnh đạo phụ trách và cán bộ quản lý, vận hành"


def normalize_empty(text: str) -> bool:
    """Return True for a note that says nothing beyond "no page" ("", "-", "chưa có")."""
    return name_key(text).strip(" .-…") in _SAYS_NOTHING


_SAYS_NOTHING = {name_key(w) for w in ("", "chưa có", "chưa", "không", "không có", "chưa lập", "chưa thành lập", "x")}
