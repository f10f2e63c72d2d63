"""What a collection workbook holds: who it is for, its title lines, groups and unit rows.

Pure: campaign + official list in, plain data out. `docgen.workbooks.sheets` lays
the plan out with openpyxl; nothing here knows a file format.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaigns.campaign import Campaign, Level
from docgen.campaigns.reporting import find_unit, line_for, line_of, reporters, row_depths
from docgen.errors import InputError
from docgen.records.form import GROUP_NUMERALS
from docgen.records.model import Unit


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


def agency_line(unit: Unit) -> str:
    """Return the form's first title line for `unit`.

    >>> agency_line(Unit("96", "huyện", "Mường Nhé", None, 1))
    'ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ'
    """
    return f"ỦY BAN MTTQ VIỆT NAM {unit.label.upper()}"


def subtitle_line(campaign: Campaign, unit: Unit) -> str:
    """Return the line under "DANH SÁCH" naming whose list it is: the campaign's `[loi_van] bm_tieu_de`; a form
    campaign that writes none names the unit's Front alone (never another campaign's «Trang cộng đồng»)."""
    if "bm_tieu_de" in campaign.phrases:
        return campaign.phrases.say("bm_tieu_de", don_vi=unit.label)
    return f"Mặt trận {unit.label}"


def owners(campaign: Campaign, cap: str | None = None, thuoc: str | None = None) -> list[Unit]:
    """Return the units that get a workbook, in official order: the reporters of level `cap` (default: the
    levels that report to the province), only those under the unit named `thuoc` when given.

    Raises InputError for an unknown level or unit.
    """
    if cap is not None and line_of(campaign, cap) is None:
        raise InputError(f"Chiến dịch {campaign.id} không có cấp «{cap}»; các cấp: "
                         f"{', '.join(lv.code for lv in campaign.levels)}.")
    within = _above(campaign, thuoc) if thuoc else None
    return reporters(campaign, cap, within)


def _above(campaign: Campaign, text: str) -> Unit:
    """Return the unit named `text` at the province or any level (the --thuoc of bieu-mau)."""
    found = find_unit(campaign, text)
    if found is None:
        raise InputError(f"Không có đơn vị «{text}» trong chiến dịch {campaign.id} ({campaign.province.full_name}).")
    return found


def select_owner(campaign: Campaign, text: str, cap: str | None = None) -> Unit:
    """Return the workbook owner named `text` (with or without its kind, either tone placement), a reporter of
    any level (of level `cap` when given).

    Raises InputError listing the valid names when `text` names none of them.
    """
    codes = [cap] if cap else [ln.code for ln in campaign.reporting]
    found = find_unit(campaign, text, [line_of(campaign, code).depth for code in codes if line_of(campaign, code)])
    if found is not None and found in owners(campaign, cap or line_for(campaign, found).code):
        return found
    names = ", ".join(u.full_name for u in owners(campaign, cap))
    raise InputError(f"Không có đơn vị «{text}» trong chiến dịch {campaign.id}. Các đơn vị có biểu mẫu: {names}.")


def plan_for(campaign: Campaign, owner: Unit) -> FormPlan:
    """Return the plan of `owner`'s workbook: one group per level whose rows its submission holds
    (`gom` of its level), units in official order."""
    units = campaign.units
    below = units.descendants(owner)
    depths = row_depths(campaign, owner)
    levels = tuple(lv for lv in campaign.levels if lv.depth in depths)
    groups = []
    for i, level in enumerate(levels):
        members = [owner] if level.depth == owner.level else [u for u in below if u.level == level.depth]
        groups.append(Group(GROUP_NUMERALS[i], level, tuple(members)))
    titles = (agency_line(owner), "DANH SÁCH", subtitle_line(campaign, owner))
    return FormPlan(owner, titles, tuple(groups), levels)


