"""One wording per fact, shared by the district reports, the province summary and its Phụ lục.

A fact about a unit reads the same wherever it is printed: not reported, no page
yet (with the unit's own words, "đang xây dựng", kept), page name off the pattern,
people missing; and a ratio always states its denominator in words ("17/18 Trang").
The sentences are the campaign's (`[loi_van]`, docgen.campaigns.phrases); here is
only which one applies and how lists are joined.
"""

from __future__ import annotations

from docgen.campaigns.campaign import Campaign
from docgen.checks.figures import ROLES, Shortfall
from docgen.records.model import LevelFigures, Unit
from docgen.campaigns.settings import Directive
from docgen.values.formats import ngay_ngan, phan_tram, so_hieu, so_vn
from docgen.vntext import lower_first

# Form columns section II names when their value is wrong: the campaign's words, `[loi_van] cot_<key>`.
CELL_KEYS = ("lien_ket", "ld_sdt", "ld_email", "vh_sdt", "vh_email")


def cited(doc: Directive, by: bool = True) -> str:
    """Return a document cited in a sentence (`[van_ban]`, `[tong_hop.thuc_hien]`); `by` adds its issuer.

    >>> import datetime as dt
    >>> cited(Directive("Công văn", "3344", "MTTW-BTT", dt.date(2021, 12, 2), "Ban Thường trực X", "Củng cố các trang"))
    'Công văn số 3344/MTTW-BTT ngày 02/12/2021 của Ban Thường trực X về việc củng cố các trang'
    """
    text = f"{doc.kind} số {so_hieu(doc.number, doc.symbol).strip()}"
    text += f" ngày {ngay_ngan(doc.date)}" if doc.date else ""
    text += f" của {doc.issuer}" if doc.issuer and by else ""
    return text + (f" về việc {lower_first(doc.subject)}" if doc.subject else "")


def share(part: int, whole: int, of: str) -> str:
    """Return "part/whole <of> (x%)", the denominator in words.

    >>> share(17, 18, "Trang"), share(0, 0, "xã")
    ('17/18 Trang (94,4%)', '0/0 xã')
    """
    pct = f" ({phan_tram(part / whole)})" if whole else ""
    return f"{so_vn(part)}/{so_vn(whole)} {of}{pct}"


# The order the law and dispatch 1031 name unit kinds in ("các huyện, thị xã, thành phố", "xã, phường, thị trấn").
KIND_ORDER = ("tỉnh", "thành phố trực thuộc trung ương", "huyện", "quận", "thị xã", "thành phố", "xã", "phường",
              "thị trấn", "đặc khu")


def kinds(units) -> str:
    """Return the kind words of `units` in the legal order, "xã, thị trấn"; "đơn vị" when none.

    >>> from docgen.records.model import Unit
    >>> kinds([Unit("1", "thị trấn", "A"), Unit("2", "xã", "B"), Unit("3", "thành phố", "C"), Unit("4", "huyện", "D")])
    'huyện, thành phố, xã, thị trấn'
    >>> kinds([])
    'đơn vị'
    """
    present = {u.kind for u in units}
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    return ", ".join(sorted(present, key=lambda k: (rank.get(k, len(rank)), k))) or "đơn vị"


def figure_values(campaign: Campaign, fig: LevelFigures, units=()) -> dict[str, str]:
    """Return a level's figures as a sentence fills them: each count ("18"), each ratio ("94,7%", over the
    denominator the campaign's `ti_le` names), {loai_don_vi} ("xã, thị trấn")."""
    counts = {"so_don_vi": fig.expected, "so_da_bao_cao": fig.present}
    counts |= {key: getattr(fig, field) for field, key in ROLES.items()}
    out = {k: so_vn(v) for k, v in counts.items()}
    for f in campaign.figures:
        if f.per_level and f.kind == "ti_le" and f.numerator in counts and f.denominator in counts:
            whole = counts[f.denominator]
            out[f.key] = phan_tram(counts[f.numerator] / whole) if whole else ""
    return out | {"loai_don_vi": kinds(units)}


def level_sentence(campaign: Campaign, fig: LevelFigures, units) -> str:
    """Return a level's sentence (`[loi_van] cap`), each figure over its own denominator (checks.figures.DENOMINATOR).

    >>> from docgen.campaigns.campaign import load_campaign
    >>> from docgen.records.model import LevelFigures, Unit
    >>> level_sentence(load_campaign(), LevelFigures("xa", "Cấp xã", 19, 19, 18, 18, 19, 18, 17), [Unit("1", "xã", "A")])
    'có 18/19 xã (94,7%) đã lập “Trang cộng đồng”; 18/18 Trang (100%) đặt tên đúng mẫu chung; 17/18 Trang (94,4%) đã phân công đủ lãnh đạo phụ trách và cán bộ quản lý, vận hành.'
    """
    key = "cap_khong_co_don_vi" if not fig.expected else "cap" if fig.with_page else "cap_chua_co_trang"
    return campaign.phrases.say(key, **figure_values(campaign, fig, units))


def named(unit: Unit, detail: str = "", above: int | None = None) -> str:
    """Return a unit as named mid-sentence, "xã Nà Sáy (đang xây dựng)"; a unit deeper than `above` gets its parent."""
    parent = unit.parent.label if above is not None and unit.level > above and unit.parent else ""
    parts = [p for p in (parent, detail) if p]
    return unit.label + (f" ({'; '.join(parts)})" if parts else "")


def shortfall_lines(campaign: Campaign, falls: list[Shortfall], above: int | None = None) -> list[str]:
    """Return section II's "- " lines: per fact, the units behind it (one line per fact, all levels together)."""
    groups = (
        ("thieu_chua_bao_cao", [(u, "") for f in falls for u in f.not_reported]),
        ("thieu_chua_lap", [x for f in falls for x in f.no_page]),
        ("thieu_sai_mau", [(u, f"“{name}”") for f in falls for u, name in f.off_pattern]),
        ("thieu_nguoi", [x for f in falls for x in f.short_staffed]),
    )
    out = []
    for key, items in groups:
        if items:
            names = ", ".join(named(u, d, above) for u, d in items)
            out.append("- " + campaign.phrases.say(key, so=so_vn(len(items)), don_vi=names))
    return out
