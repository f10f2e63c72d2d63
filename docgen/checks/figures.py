"""The numbers a page campaign's report quotes, per reporting level: expected, present, with a page, on
pattern, staffed — the campaign's per-level `[[so_lieu]]`, worked out by the figure engine of every campaign.

One denominator per figure, the same in every document (reports, summary, tong-hop.xlsx): a count's
`trong` (pages over the units that must report, names on pattern over the pages, pages fully staffed
over the pages). `DENOMINATOR` says which, for whoever prints a ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.campaigns.campaign import Campaign
from docgen.checks.form_figures import holds, per_level
from docgen.records.model import LevelFigures, Record, Unit
from docgen.vntext import clean, name_key

# The figures of a page campaign's `[[so_lieu]]` (theo_cap) that fill `LevelFigures`, by field: the reports,
# the summary table and tong-hop.xlsx quote these. Their conditions and denominators (`trong`) are the
# campaign's data; the keys are the structure every page campaign shares (`chien-dich kiem-tra` checks them).
ROLES = {"with_page": "co_trang", "on_pattern": "dung_mau", "with_leader": "co_lanh_dao",
         "with_operator": "co_van_hanh", "with_both": "du_nguoi"}
# Each field's denominator (a LevelFigures field), for whoever prints a ratio (from the figures' `trong`).
DENOMINATOR = {"with_page": "expected", "on_pattern": "with_page", "with_both": "with_page"}


def figure_titles(campaign: Campaign) -> dict[str, str]:
    """Return each LevelFigures count's title in the campaign's words, by field: the figures' «ten» and, for the
    two built in, `[loi_van] xlsx_so_don_vi` / `xlsx_so_da_bao_cao` (tong-hop.xlsx and the web result page)."""
    say = campaign.phrases.say
    titles = {"expected": say("xlsx_so_don_vi"), "present": say("xlsx_so_da_bao_cao")}
    return titles | {field: f.title for f in campaign.figures for field, key in ROLES.items() if f.key == key}


@dataclass(frozen=True)
class PageRow:
    """A page record as the figure engine reads it (checks.form_figures.holds): the cells by form key, empty
    cells None, a person's name compared without case or accents; `pattern` is the level's page name."""

    values: dict
    pattern: str | None = None


def page_row(record: Record, level) -> PageRow:
    people = {"ld": record.leader, "vh": record.operator}
    values = {"ten_trang": record.page_name or None, "lien_ket": record.link or None}
    for prefix, p in people.items():
        values |= {f"{prefix}_ten": name_key(p.name) if p.assigned else None,
                   f"{prefix}_sdt": p.phone or None, f"{prefix}_email": p.email or None}
    pattern = level.expected_page_name(record.unit) if level is not None and record.unit is not None else None
    return PageRow(values, pattern)


def meets(campaign: Campaign, role: str, record: Record, level) -> bool:
    """Return whether `record` meets the campaign's figure of `role` (a ROLES field), its scope aside."""
    figure = next((f for f in campaign.figures if f.key == ROLES[role]), None)
    return figure is not None and holds(figure.condition, page_row(record, level), level)


def staffed(record: Record, level, campaign: Campaign) -> bool:
    """Return True when the record's page has its people as the campaign's «du_nguoi» figure asks (both
    people; two different ones where the level says "rieng", dispatch item 2.4 — NS-03 counts against "đủ")."""
    return meets(campaign, "with_both", record, level)


def first_records(records) -> dict[tuple[int, str], Record]:
    """Return each known unit's first record by (level, code): a unit written twice counts by its first row."""
    first: dict[tuple[int, str], Record] = {}
    for record in records:
        if record.unit is not None:
            first.setdefault((record.unit.level, record.unit.code), record)
    return first


def _level_rows(level, expected, first) -> tuple[list[Unit], dict]:
    units = [u for u in expected if u.level == level.depth]
    rows = {u: page_row(first[(u.level, u.code)], level) for u in units if (u.level, u.code) in first}
    return units, rows


def level_figures(campaign: Campaign, expected: tuple[Unit, ...], records: tuple[Record, ...]) -> tuple[LevelFigures, ...]:
    """Return one `LevelFigures` per campaign level, counting each expected unit once.

    The counts are the campaign's per-level figures (`[[so_lieu]]`, theo_cap), worked out by the engine the
    form campaigns use. A unit listed twice counts by its first row; rows of units outside the expected
    list (DV-01) are not counted.
    """
    first = first_records(records)
    out = []
    for level in campaign.levels:
        units, rows = _level_rows(level, expected, first)
        values, _ = per_level(campaign, level, units, rows)
        out.append(LevelFigures(level.code, level.title, values["so_don_vi"], values["so_da_bao_cao"],
                                **{field: int(values.get(key) or 0) for field, key in ROLES.items()}))
    return tuple(out)


def describe(fig: LevelFigures, campaign: Campaign) -> str:
    """Return one line summing up a level's figures (the `kiem-tra` console, not a report), in the campaign's
    words (`[loi_van] kt_cap`): {cap}, {so_don_vi}, {so_da_bao_cao} and each per-level figure.

    >>> from docgen.campaigns.campaign import load_campaign
    >>> describe(LevelFigures("xa", "Cấp xã", 11, 10, 9, 8, 9, 8, 8), load_campaign())
    'Cấp xã: 10/11 đơn vị có trong danh sách; 9/11 đơn vị có Trang; 8/9 Trang đặt tên đúng mẫu; 8/9 Trang đủ lãnh đạo phụ trách và cán bộ vận hành.'
    """
    from docgen.values.formats import phan_tram

    counts = {"so_don_vi": fig.expected, "so_da_bao_cao": fig.present}
    counts |= {key: getattr(fig, field) for field, key in ROLES.items()}
    values = {"cap": fig.title} | {k: str(v) for k, v in counts.items()}
    for f in campaign.figures:   # a ratio over its own denominator, as the reports print it
        if f.per_level and f.kind == "ti_le" and f.numerator in counts and f.denominator in counts:
            whole = counts[f.denominator]
            values[f.key] = phan_tram(counts[f.numerator] / whole) if whole else ""
    return campaign.phrases.say("kt_cap", **values)


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
    """Return one `Shortfall` per campaign level: the units each per-level figure leaves out of its scope,
    from the same first records `level_figures` counts (so every gap equals a difference of two figures)."""
    first = first_records(records)
    out = []
    for level in campaign.levels:
        units, rows = _level_rows(level, expected, first)
        _, missed = per_level(campaign, level, units, rows)
        record = {u: first[(u.level, u.code)] for u in rows}
        missing = tuple(u for u in units if u not in record or says_nothing(record[u]))
        no_page = tuple((u, "" if campaign.no_page.says_nothing(record[u].page_note) else clean(record[u].page_note))
                        for u in missed.get(ROLES["with_page"], ()) if u not in missing)
        off = tuple((u, record[u].page_name) for u in missed.get(ROLES["on_pattern"], ()))
        short = tuple((u, _staff_gap(record[u], campaign)) for u in missed.get(ROLES["with_both"], ()))
        out.append(Shortfall(level.code, level.title, missing, no_page, off, short))
    return tuple(out)


def says_nothing(record: Record) -> bool:
    """Return True for a row with only its unit (the blank form's pre-filled TT and name): the unit has not
    reported — a unit without a page writes "Chưa có" or "Đang xây dựng" (the workbook's guide says so)."""
    return not (record.has_page or record.page_note or record.leader.assigned or record.operator.assigned)


def _staff_gap(r: Record, campaign: Campaign) -> str:
    """Return what is missing of a page's people, in the campaign's words for section II (`[loi_van]`)."""
    say = campaign.phrases.say
    if not r.leader.assigned and not r.operator.assigned:
        return say("thieu_ca_hai")
    if not r.leader.assigned:
        return say("thieu_lanh_dao")
    if not r.operator.assigned:
        return say("thieu_van_hanh")
    return say("kiem_khong_du", ten=r.leader.name)
