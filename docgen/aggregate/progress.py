"""Where a campaign stands from what is already checked: the province's dashboard, tong-hop's rules.

`tong-hop` reads and checks every file; a page that shows 3,321 units on each visit
cannot. `progress` takes, per unit, the newest submission's stored facts (its date and
where the date came from, its figures as `kiem-tra --json` gives them) and applies the
same rules as `summarize`: the units of the top level in official order, a status
against the deadline, figures per level (a unit that has not reported counts only what
it should have), totals summed over the rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docgen.aggregate.status import Status, _expected_figures, _status, add_figures, units_at
from docgen.campaigns.campaign import Campaign
from docgen.records.model import LevelFigures

FIGURE_KEYS = ("expected", "present", "with_page", "on_pattern", "with_leader", "with_operator", "with_both")


@dataclass(frozen=True)
class Reported:
    """The newest submission of one unit, as stored: its date, the date's source, its figures, its errors.

    `figures` are dicts as in `kiem-tra --json` ("level", "title" and the counts);
    `usable` is False for a file that could not be read (the unit counts as not reported).
    """

    date: dt.date | None
    from_file_date: bool
    figures: tuple[dict, ...]
    errors: int = 0
    usable: bool = True


@dataclass(frozen=True)
class ProgressRow:
    code: str
    name: str
    group: str              # the parent unit's name ("" under the province)
    status: Status
    deadline: dt.date
    date: dt.date | None
    from_file_date: bool
    errors: int
    figures: tuple[LevelFigures, ...]

    @property
    def days_late(self) -> int:
        return (self.date - self.deadline).days if self.status is Status.LATE and self.date else 0


@dataclass(frozen=True)
class Progress:
    """The rows in official order and the totals per level (as `Summary.totals`)."""

    rows: tuple[ProgressRow, ...]
    totals: tuple[LevelFigures, ...]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status is status)


def _figures(campaign: Campaign, expected: tuple[LevelFigures, ...], stored: tuple[dict, ...]):
    by_key = {}
    for f in stored:
        by_key.setdefault(f["level"], f)
        by_key.setdefault(f["title"], f)
    out = []
    for base in expected:
        found = by_key.get(base.level) or by_key.get(base.title)
        out.append(LevelFigures(base.level, base.title, **{k: found[k] for k in FIGURE_KEYS}) if found else base)
    return tuple(out)


def progress(campaign: Campaign, reported: dict[str, Reported]) -> Progress:
    """Return the campaign's `Progress` given the newest stored submission of each unit code in `reported`."""
    level, province = campaign.top_level, campaign.province
    rows = []
    own_form = not campaign.pages   # its figures are the campaign's own, summed by tong-hop: none per level
    for unit in units_at(campaign.units, province, level.depth):
        expected = () if own_form else _expected_figures(campaign, unit)
        got = reported.get(unit.code)
        group = unit.parent.full_name if unit.parent is not None and unit.parent is not province else ""
        if got is None or not got.usable:
            rows.append(ProgressRow(unit.code, unit.full_name, group, Status.MISSING, level.deadline, None, False, 0,
                                    expected))
            continue
        rows.append(ProgressRow(unit.code, unit.full_name, group, _status(got.date, level.deadline), level.deadline,
                                got.date, got.from_file_date, got.errors,
                                () if own_form else _figures(campaign, expected, got.figures)))
    totals = {f.level: LevelFigures(f.level, f.title) for f in (rows[0].figures if rows else ())}
    for row in rows:
        for f in row.figures:
            if f.level in totals:
                totals[f.level] = add_figures(totals[f.level], f)
    return Progress(tuple(rows), tuple(totals.values()))
