"""Who reports to whom, as campaign data: each level's reporting units, their addressee, deadline and rows.

Each `[[cap]]` of chien-dich.toml may say

    gui_ve = "tinh"            # the province's Front (default for the top level)
    gui_ve = "huyen"           # the Front of the unit above at level "huyen"
    gom = ["huyen", "xa"]      # the levels whose rows its own submission holds (default: its own level)

so a commune of the two-level 2026 review sends its own row to the province, a
commune of 2022 sends its own row to its district, and a 2022 district sends its
row and its communes' rows to the province. Nothing here assumes that the unit
reported to is one level above: it is the unit's ancestor at the named level.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.errors import CampaignError, Location
from docgen.records.model import Unit

PROVINCE = "tinh"
FRONT = "Ban Thường trực Ủy ban MTTQ Việt Nam"   # the standing body of a unit's Front: who sends and receives


@dataclass(frozen=True)
class Line:
    """One level's reporting line: who reports (level `code`), to whom (`to`: PROVINCE or a level code),
    by when, and the levels whose rows its submission holds (`rows`, its own first)."""

    code: str
    depth: int
    to: str
    deadline: dt.date
    rows: tuple[str, ...]

    @property
    def to_province(self) -> bool:
        return self.to == PROVINCE


def parse_lines(raw_levels: list[dict], levels, where: Location) -> tuple[Line, ...]:
    """Return the reporting line of each level (in `levels` order), validated by key.

    `raw_levels` are the `[[cap]]` tables as written, `levels` the parsed `Level`s.
    Defaults keep a campaign written before these keys working: the top level
    reports to the province and holds every level's rows; a lower level reports to
    the level just above it and holds its own rows.
    """
    by_code = {lv.code: lv for lv in levels}
    written = {t.get("ma"): (i, t) for i, t in enumerate(raw_levels) if isinstance(t, dict)}
    out = []
    for n, level in enumerate(levels):
        i, table = written.get(level.code, (n, {}))
        path = f"cap[{i}]."
        to = table.get("gui_ve", PROVINCE if n == 0 else levels[n - 1].code)
        if not isinstance(to, str) or (to != PROVINCE and to not in by_code):
            raise CampaignError(f"«{path}gui_ve» phải là \"{PROVINCE}\" hoặc mã của một cấp ({', '.join(by_code)}).",
                                where.at(path + "gui_ve"))
        if to != PROVINCE and by_code[to].depth >= level.depth:
            raise CampaignError(f"«{path}gui_ve» = \"{to}\": cấp nhận báo cáo phải ở trên cấp {level.code}.",
                                where.at(path + "gui_ve"))
        rows = table.get("gom", [lv.code for lv in levels[n:]] if n == 0 else [level.code])
        if not isinstance(rows, list) or any(r not in by_code for r in rows):
            raise CampaignError(f"«{path}gom» phải là danh sách mã cấp, trong số: {', '.join(by_code)}.",
                                where.at(path + "gom"))
        if level.code not in rows or any(by_code[r].depth < level.depth for r in rows):
            raise CampaignError(f"«{path}gom» phải có chính cấp {level.code} và chỉ các cấp dưới nó.",
                                where.at(path + "gom"))
        ordered = tuple(sorted(set(rows), key=lambda r: by_code[r].depth))
        out.append(Line(level.code, level.depth, to, level.deadline, ordered))
    return tuple(out)


def line_for(campaign, unit: Unit) -> Line | None:
    """Return the reporting line of `unit` (by its depth), None when it is not a reporting unit."""
    return next((ln for ln in campaign.reporting if ln.depth == unit.level), None)


def line_of(campaign, code: str) -> Line | None:
    """Return the reporting line of the level whose code is `code`."""
    return next((ln for ln in campaign.reporting if ln.code == code), None)


def addressee(campaign, unit: Unit) -> Unit:
    """Return the unit whose Front `unit` reports to: the province, or its ancestor at the line's level.

    >>> from docgen.campaigns.campaign import load_campaign
    >>> c = load_campaign()
    >>> com = c.units.match("Chung Chải", 2, c.units.match("Mường Nhé", 1, c.province))
    >>> addressee(c, com).full_name, addressee(c, com.parent).full_name
    ('Huyện Mường Nhé', 'Tỉnh Điện Biên')
    """
    line = line_for(campaign, unit)
    if line is None or line.to_province:
        return campaign.province
    depth = campaign.level(line.to).depth
    return next((a for a in unit.ancestors() if a.level == depth), campaign.province)


def addressee_name(campaign, unit: Unit) -> str:
    """Return the body `unit` reports to, as a "Kính gửi" names it.

    >>> from docgen.campaigns.campaign import load_campaign
    >>> c = load_campaign()
    >>> addressee_name(c, c.units.match("Mường Nhé", 1, c.province))
    'Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên'
    """
    return f"{FRONT} {addressee(campaign, unit).label}"


def reporters(campaign, code: str | None = None, within: Unit | None = None) -> list[Unit]:
    """Return the reporting units of level `code` (default: the levels reporting to the province), under
    `within` (default: the province), in official order."""
    lines = [line_of(campaign, code)] if code else [ln for ln in campaign.reporting if ln.to_province]
    depths = {ln.depth for ln in lines if ln is not None}
    root = within or campaign.province
    return [u for u in campaign.units.descendants(root) if u.level in depths]


def reporting_to(campaign, unit: Unit) -> tuple[Line | None, list[Unit]]:
    """Return the line of the units that report to `unit` and those units (the province: its top reporters)."""
    if unit.level == 0:
        line = next((ln for ln in campaign.reporting if ln.to_province), None)
    else:
        own = line_for(campaign, unit)
        line = next((ln for ln in campaign.reporting if own is not None and ln.to == own.code), None)
    if line is None:
        return None, []
    below = [u for u in campaign.units.descendants(unit) if u.level == line.depth]
    return line, [u for u in below if addressee(campaign, u) == unit]


def row_depths(campaign, unit: Unit) -> set[int]:
    """Return the depths whose rows a submission by `unit` holds (its own when it is not a reporter)."""
    line = line_for(campaign, unit)
    if line is None:
        return {lv.depth for lv in campaign.levels}
    return {campaign.level(code).depth for code in line.rows}


def find_unit(campaign, text: str, depths=None) -> Unit | None:
    """Return the unit of the campaign's province named `text` (with or without its kind) at one of `depths`
    (default: the province and every level), None when no unit or more than one has that name.

    >>> from docgen.campaigns.campaign import load_campaign
    >>> find_unit(load_campaign(), "Chung Chải").full_name
    'Xã Chung Chải'
    """
    province = campaign.province
    for depth in depths if depths is not None else [0, *sorted(lv.depth for lv in campaign.levels)]:
        hits = [u for u in campaign.units.lookup(text, depth) if _under(u, province)]
        if len(hits) == 1:
            return hits[0]
    return None


def _under(unit: Unit, root: Unit) -> bool:
    return unit.code == root.code and unit.level == root.level or any(
        a.code == root.code and a.level == root.level for a in unit.ancestors())
