"""What a collection workbook holds: who it is for, its title lines, groups and unit rows.

Pure: campaign + official list in, plain data out. `docgen.workbooks.sheets` lays
the plan out with openpyxl; nothing here knows a file format.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaigns.campaign import Campaign, Level
from docgen.errors import InputError
from docgen.records.form import GROUP_NUMERALS
from docgen.records.model import Unit
from docgen.records.units import UnitList


@dataclass(frozen=True)
class Group:
    """One group of the form ("I" Cấp huyện): its numeral, level and units in official order."""

    numeral: str
    level: Level
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class FormPlan:
    """One workbook: the unit that fills it in (`owner`), its title lines and its groups."""

    owner: Unit
    titles: tuple[str, str, str]
    groups: tuple[Group, ...]
    levels: tuple[Level, ...]


def owner_depth(campaign: Campaign) -> int:
    """Return the depth of the units that get one workbook each.

    With several reporting levels, the top level fills the form for itself and the
    levels below (districts in 2022); with a single level the province collects it
    (communes of today's two-level hierarchy).
    """
    top = campaign.top_level.depth
    return top if len(campaign.levels) > 1 else top - 1


def agency_line(unit: Unit) -> str:
    """Return the form's first title line for `unit`.

    >>> agency_line(Unit("96", "huyện", "Mường Nhé", None, 1))
    'ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ'
    """
    return f"ỦY BAN MTTQ VIỆT NAM {unit.label.upper()}"


def subtitle_line(unit: Unit) -> str:
    """Return the line under "DANH SÁCH" naming whose pages are listed.

    >>> subtitle_line(Unit("95", "thị xã", "Mường Lay", None, 1))
    '“Trang cộng đồng” Mặt trận thị xã Mường Lay'
    """
    return f"“Trang cộng đồng” Mặt trận {unit.label}"


def owners(campaign: Campaign) -> list[Unit]:
    """Return the units that get a workbook, in official order."""
    units = campaign.units
    province = campaign.province
    depth = owner_depth(campaign)
    if depth == 0:
        return [province]
    return [u for u in units.descendants(province) if u.level == depth]


def select_owner(campaign: Campaign, text: str) -> Unit:
    """Return the workbook owner named `text` (with or without its kind, either tone placement).

    Raises InputError listing the valid names when `text` names none of them.
    """
    units: UnitList = campaign.units
    candidates = owners(campaign)
    depth = candidates[0].level if candidates else 0
    parent = campaign.province if depth == 1 else None
    found = units.match(text, depth, parent)
    if found is not None and found in candidates:
        return found
    names = ", ".join(u.full_name for u in candidates)
    raise InputError(f"Không có đơn vị «{text}» trong chiến dịch {campaign.id}. Các đơn vị có biểu mẫu: {names}.")


def plan_for(campaign: Campaign, owner: Unit) -> FormPlan:
    """Return the plan of `owner`'s workbook: one group per reporting level, units in official order."""
    units = campaign.units
    below = units.descendants(owner)
    groups = []
    for i, level in enumerate(campaign.levels):
        members = [owner] if level.depth == owner.level else [u for u in below if u.level == level.depth]
        groups.append(Group(GROUP_NUMERALS[i], level, tuple(members)))
    titles = (agency_line(owner), "DANH SÁCH", subtitle_line(owner))
    return FormPlan(owner, titles, tuple(groups), campaign.levels)


