"""Which units a submission covers: the reporting unit, the expected units, and row matching.

Everything is worked out from the campaign's levels (`Level.depth`) and the
official list's hierarchy: no code path knows the word "district".
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from docgen.campaigns.campaign import Campaign
from docgen.records.model import Unit
from docgen.records.units import UnitList
from docgen.vntext import clean, name_key

# Words a clerk writes before the unit's name that are not part of it.
_FRONT_PREFIX = re.compile(
    r"^(?:(?:ban thường trực\s+)?(?:ủy|uỷ) ban\s+)?(?:mặt trận tổ quốc việt nam|mặt trận tổ quốc|mặt trận|"
    r"mttq việt nam|mttqvn|mttq|ubmttqvn|ubmttq)\s+",
    re.IGNORECASE,
)
# Abbreviated kinds: "TT. Mường Ảng", "TP Điện Biên Phủ", "TX Mường Lay".
_ABBREVIATIONS = {"tp": "thành phố", "tx": "thị xã", "tt": "thị trấn"}
_ABBREVIATED = re.compile(r"^(tp|tx|tt)(?:\s*\.\s*|\s+)", re.IGNORECASE)


def unit_words(text: str) -> str:
    """Return a typed unit name without Front prefixes and with abbreviated kinds spelled out.

    >>> unit_words("UBMTTQ xã Chung Chải")
    'xã Chung Chải'
    >>> unit_words("TT. Mường Ảng"), unit_words("TP Điện Biên Phủ")
    ('thị trấn Mường Ảng', 'thành phố Điện Biên Phủ')
    """
    text = _FRONT_PREFIX.sub("", clean(text))
    m = _ABBREVIATED.match(text)
    if m:
        return f"{_ABBREVIATIONS[m.group(1).casefold()]} {text[m.end():]}"
    return text


@dataclass
class UnitIndex:
    """The official list seen from one province: name look-ups restricted to a unit's subtree."""

    province: Unit
    units: UnitList

    def candidates(self, text: str, level: int, within: Unit | None = None) -> list[Unit]:
        """Return the units at `level` whose name (with or without kind) is `text`, inside `within`
        (the province when None)."""
        scope = within or self.province
        hits = _exact_names(self.units).get((level, text))   # the common case: the official name as is
        if hits is None:
            hits = self.units.lookup(unit_words(text), level)
        return [u for u in hits if inside(u, scope)]

    def closest(self, text: str, level: int, within: Unit | None) -> Unit | None:
        """Return the unit at `level` inside `within` whose name is closest to `text`, if any is close."""
        scope = within or self.province
        pool = {name_key(u.name): u for u in self.units.descendants(scope) if u.level == level}
        bare = name_key(unit_words(text))
        for kind in sorted({name_key(u.kind) for u in pool.values()}, key=len, reverse=True):
            if bare.startswith(kind + " "):
                bare = bare[len(kind) + 1:]
                break
        best = difflib.get_close_matches(bare, list(pool), n=1, cutoff=0.75)
        return pool[best[0]] if best else None


# id(list) → (the list itself, kept alive so its id is never reused; its units by (level, full name)).
_EXACT: dict[int, tuple[UnitList, dict[tuple[int, str], list[Unit]]]] = {}


def _exact_names(units: UnitList) -> dict[tuple[int, str], list[Unit]]:
    """Return the units of a list by (level, official full name), built once per list."""
    held = _EXACT.get(id(units))
    if held is None or held[0] is not units:
        table: dict[tuple[int, str], list[Unit]] = {}
        for level_units in units.units:
            for unit in level_units:
                table.setdefault((unit.level, unit.full_name), []).append(unit)
        held = _EXACT[id(units)] = (units, table)
    return held[1]


def inside(unit: Unit, ancestor: Unit) -> bool:
    """Return True when `unit` is `ancestor` or lies below it."""
    while unit is not None and unit.level > ancestor.level:
        unit = unit.parent
    return unit is not None and unit.level == ancestor.level and unit.code == ancestor.code


def campaign_index(campaign: Campaign) -> UnitIndex:
    """Return the unit index of the campaign's province."""
    return UnitIndex(campaign.province, campaign.units)


def find_reporting(text: str, campaign: Campaign) -> Unit | None:
    """Return the unit named `text` at the province or any reporting level of the campaign's province.

    >>> from docgen.campaigns.campaign import load_campaign
    >>> find_reporting("Huyện Mường Nhé", load_campaign()).code
    '96'
    """
    index = campaign_index(campaign)
    for level in [0, *sorted({lv.depth for lv in campaign.levels})]:
        hits = index.candidates(text, level)
        if len(hits) == 1:
            return hits[0]
    return None


def expected_units(reporting: Unit, campaign: Campaign) -> tuple[Unit, ...]:
    """Return the units a submission by `reporting` must list, in official order (itself first).

    That is `reporting` when it sits at a reporting level, then every unit below
    it at a reporting level.

    >>> from docgen.campaigns.campaign import load_campaign
    >>> c = load_campaign()
    >>> units = expected_units(find_reporting("Huyện Mường Nhé", c), c)
    >>> units[0].full_name, len(units)
    ('Huyện Mường Nhé', 12)
    """
    depths = {lv.depth for lv in campaign.levels}
    below = [u for u in campaign.units.descendants(reporting) if u.level in depths]
    return tuple([reporting] if reporting.level in depths else []) + tuple(below)
