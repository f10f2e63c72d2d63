"""A campaign at a glance, for pages and accounts: its levels, and every unit that reports, to whom.

`CampaignInfo` and `Reporter` are plain values (no unit list, no TOML), so a web page
or a database row can hold them. Who reports to whom is the campaign's
`gui_ve` of each level (docgen.campaigns.reporting): a commune of 2026 to the province,
a commune of 2022 to its district.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.campaigns.campaign import CAMPAIGNS_DIR, FILE_NAME, Campaign
from docgen.errors import InputError


@dataclass(frozen=True)
class LevelInfo:
    code: str
    title: str
    deadline: dt.date


@dataclass(frozen=True)
class CampaignInfo:
    """What a page says about a campaign: id, title, province, levels with deadlines, its folder."""

    id: str
    title: str
    province: str           # "Tỉnh Điện Biên"
    province_code: str
    unit_list: str          # "dvhc_3cap_2024": accounts belong to a unit of one list
    levels: tuple[LevelInfo, ...]
    folder: str
    has_dispatch: bool
    form_title: str = ""    # the title of the campaign's own form (`[bieu_mau]`), "" for a list of pages

    @property
    def deadline(self) -> dt.date:
        """The deadline of the level that reports to the province."""
        return self.levels[0].deadline


@dataclass(frozen=True)
class Reporter:
    """One unit that reports in a campaign: its level, deadline and the unit it reports to.

    `reports_to` is the code of the unit it reports to, or "" for the province;
    `order` is its place in official order, a unit's own reporters right after it.
    """

    code: str
    name: str               # "Huyện Mường Nhé"
    level: str              # level code ("huyen")
    level_title: str        # "Cấp huyện"
    deadline: dt.date
    reports_to: str
    order: int


def campaign_info(campaign: Campaign) -> CampaignInfo:
    """Return the campaign's `CampaignInfo`."""
    province = campaign.province
    return CampaignInfo(
        id=campaign.id, title=campaign.title, province=province.full_name, province_code=province.code,
        unit_list=campaign.unit_list_name,
        levels=tuple(LevelInfo(lv.code, lv.title, lv.deadline) for lv in campaign.levels),
        folder=str(campaign.folder), has_dispatch=campaign.dispatch is not None,
        form_title=campaign.form.title if not campaign.pages else "",
    )


def shipped_campaigns() -> list[str]:
    """Return the ids (folder names) of the campaigns under data/chien-dich/, sorted."""
    if not CAMPAIGNS_DIR.is_dir():
        return []
    return sorted(p.name for p in CAMPAIGNS_DIR.iterdir() if (p / FILE_NAME).is_file())


def reporters(campaign: Campaign) -> list[Reporter]:
    """Return every unit that reports in `campaign`, in official order (each unit's reporters after it).

    >>> from docgen.campaigns.campaign import load_campaign
    >>> rs = reporters(load_campaign())
    >>> len(rs), rs[0].name, rs[1].name, rs[1].reports_to == rs[0].code
    (139, 'Thành phố Điện Biên Phủ', 'Phường Noong Bua', True)
    """
    from docgen.campaigns.reporting import addressee

    by_depth = {lv.depth: lv for lv in campaign.levels}
    out: list[Reporter] = []
    for unit in campaign.units.descendants(campaign.province):
        level = by_depth.get(unit.level)
        if level is None:
            continue
        boss = addressee(campaign, unit)   # `gui_ve` of its level: the province, or its district in 2022
        out.append(Reporter(unit.code, unit.full_name, level.code, level.title, level.deadline,
                            "" if boss.level == 0 else boss.code, len(out)))
    return out


def find_reporter(campaign: Campaign, text: str) -> Reporter:
    """Return the unit of `campaign` named `text` ("Huyện Mường Nhé", "Mường Nhé", "Xã Chung Chải").

    Raises InputError naming the campaign when no reporting unit, or more than one, has that name.
    """
    from docgen.vntext import name_key

    key = name_key(text)
    all_units = reporters(campaign)
    hits = [r for r in all_units if key in (name_key(r.name), name_key(r.name.split(" ", 1)[-1]))]
    exact = [r for r in hits if name_key(r.name) == key]
    hits = exact or hits
    if len(hits) == 1:
        return hits[0]
    if hits:
        names = ", ".join(f"{r.name} (mã {r.code})" for r in hits)
        raise InputError(f"Có nhiều đơn vị tên «{text}» trong chiến dịch {campaign.id}: {names}. "
                         "Ghi rõ loại đơn vị (Huyện, Xã, Phường…).")
    raise InputError(f"Không có đơn vị «{text}» trong các đơn vị báo cáo của chiến dịch {campaign.id} "
                     f"({campaign.province.full_name}).")
