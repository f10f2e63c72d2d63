"""The province's view of a campaign: per unit expected vs received, on time or not, and totals.

DHIS2's model, on docgen's records: the units of `campaign.top_level` (districts in
2022, communes in the two-level 2026 campaign — nothing here says which) are the
expected reporters; each `Submission` is matched to one by `reporting_unit`, dated
by its facts (else by the file's own date, flagged) and compared with the level's
deadline. Units without a submission are rows too, never skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

from docgen.aggregate.rules import problem
from docgen.campaigns.campaign import Campaign, Level
from docgen.errors import DocgenError, Location
from docgen.records.model import LevelFigures, Problem, Severity, Submission, Unit
from docgen.records.units import UnitList
from docgen.values.formats import ngay_ngan

SUMMARY_LOCATION = Location("(tổng hợp)")


class Status(str, Enum):
    """Where a unit stands against the deadline; `label` is what a clerk reads."""

    ON_TIME = "dung_han"
    LATE = "tre_han"
    UNDATED = "khong_ro_ngay"
    MISSING = "chua_nop"

    @property
    def label(self) -> str:
        return {
            "dung_han": "Đúng hạn",
            "tre_han": "Trễ hạn",
            "khong_ro_ngay": "Đã nộp, không rõ ngày",
            "chua_nop": "Chưa nộp",
        }[self.value]


class DateSource(str, Enum):
    FACTS = "thong_tin"   # "Ngày báo cáo" of the Thông tin sheet
    FILE = "tep"          # the file's own date: shown as "theo ngày của tệp"
    NONE = ""


@dataclass(frozen=True)
class Unusable:
    """An input file that could not be read or checked, and why (Vietnamese)."""

    path: str
    reason: str
    location: Location | None = None

    @classmethod
    def from_error(cls, path: Path | str, exc: DocgenError) -> "Unusable":
        return cls(str(path), exc.message, exc.location)


@dataclass(frozen=True)
class UnitStatus:
    """One expected reporter: its status, the submission that counts, and its figures per level.

    `figures` has one entry per campaign level from the unit's own down; for a unit
    that has not reported, `expected` comes from the official list and the rest is 0.
    `others` holds further submissions for the same unit (kept, reported as TH-04).
    """

    unit: Unit
    status: Status
    deadline: dt.date
    date: dt.date | None = None
    date_source: DateSource = DateSource.NONE
    submission: Submission | None = None
    others: tuple[Submission, ...] = ()
    figures: tuple[LevelFigures, ...] = ()

    @property
    def date_note(self) -> str:
        """Return "theo ngày của tệp" when the date is the file's own, else ""."""
        return "theo ngày của tệp" if self.date_source is DateSource.FILE else ""

    @property
    def days_late(self) -> int:
        return (self.date - self.deadline).days if self.status is Status.LATE and self.date else 0

    @property
    def submissions(self) -> tuple[Submission, ...]:
        return ((self.submission,) if self.submission else ()) + self.others


@dataclass(frozen=True)
class Summary:
    """The province's view: rows in official order, totals per level, and every submission kept."""

    campaign: Campaign
    level: Level
    province: Unit
    rows: tuple[UnitStatus, ...]
    totals: tuple[LevelFigures, ...]
    submissions: tuple[Submission, ...]
    unusable: tuple[Unusable, ...] = ()
    unmatched: tuple[Submission, ...] = ()
    problems: tuple[Problem, ...] = field(default=())

    def with_status(self, *statuses: Status) -> list[UnitStatus]:
        """Return the rows whose status is one of `statuses`, in official order."""
        return [r for r in self.rows if r.status in statuses]

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def received(self) -> int:
        return sum(1 for r in self.rows if r.status is not Status.MISSING)

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """Return every problem: the summary's own (TH-*) first, then each submission's, in input order."""
        out = list(self.problems)
        for sub in self.submissions:
            own = set(sub.problems)
            out.extend(n for n in sub.source.notes if n not in own)
            out.extend(sub.problems)
        return tuple(out)

    @property
    def records(self) -> int:
        return sum(len(s.records) for s in self.submissions)


def pct(part: int, whole: int) -> float | None:
    """Return `part` as a percentage of `whole` (None when `whole` is 0).

    >>> pct(1, 3), pct(0, 0)
    (33.3, None)
    """
    return round(100.0 * part / whole, 1) if whole else None


def add_figures(a: LevelFigures, b: LevelFigures) -> LevelFigures:
    """Return the field-by-field sum of two figures of the same level.

    >>> add_figures(LevelFigures("xa", "Cấp xã", 3, 2, 1), LevelFigures("xa", "Cấp xã", 4, 4, 4)).with_page
    5
    """
    names = ("expected", "present", "with_page", "on_pattern", "with_leader", "with_operator", "with_both")
    return replace(a, **{n: getattr(a, n) + getattr(b, n) for n in names})


def units_at(units: UnitList, root: Unit, depth: int) -> list[Unit]:
    """Return the units at `depth` of the official list under `root` (itself if at that depth), in official order."""
    if root.level == depth:
        return [root]
    if root.level > depth:
        return []
    return [u for u in units.descendants(root) if u.level == depth]




def _levels_below(campaign: Campaign, depth: int) -> list[Level]:
    return [lv for lv in campaign.levels if lv.depth >= depth]


def _expected_figures(campaign: Campaign, unit: Unit) -> tuple[LevelFigures, ...]:
    """Return zero figures whose `expected` counts the official units under `unit`, per level."""
    units = campaign.units
    return tuple(
        LevelFigures(lv.code, lv.title, expected=len(units_at(units, unit, lv.depth)))
        for lv in _levels_below(campaign, unit.level)
    )


def _submission_figures(campaign: Campaign, unit: Unit, sub: Submission) -> tuple[LevelFigures, ...]:
    """Return the submission's figures in campaign level order (a level it lacks: expected from the list)."""
    by_key = {}
    for f in sub.figures:
        by_key.setdefault(f.level, f)
        by_key.setdefault(f.title, f)
    out = []
    for base in _expected_figures(campaign, unit):
        found = by_key.get(base.level) or by_key.get(base.title)
        out.append(replace(found, level=base.level, title=base.title) if found else base)
    return tuple(out)


def _dated(sub: Submission) -> tuple[dt.date | None, DateSource]:
    if sub.source.facts.ngay is not None:
        return sub.source.facts.ngay, DateSource.FACTS
    if sub.source.file_date is not None:
        return sub.source.file_date, DateSource.FILE
    return None, DateSource.NONE


def _status(date: dt.date | None, deadline: dt.date) -> Status:
    if date is None:
        return Status.UNDATED
    return Status.ON_TIME if date <= deadline else Status.LATE


def _row(campaign: Campaign, level: Level, unit: Unit, subs: list[Submission]) -> tuple[UnitStatus, list[Problem]]:
    """Return the unit's row and the summary problems it raises (missing, late, duplicate, undated)."""
    where = SUMMARY_LOCATION
    if not subs:
        row = UnitStatus(unit, Status.MISSING, level.deadline, figures=_expected_figures(campaign, unit))
        return row, [problem("TH-02", where, unit.code, unit=unit.full_name, deadline=ngay_ngan(level.deadline))]
    dated = [(sub, *_dated(sub)) for sub in subs]
    # The latest submission counts (a corrected resubmission replaces the first); undated ones last.
    chosen, date, source = max(dated, key=lambda t: (t[1] is not None, t[1] or dt.date.min))
    others = tuple(s for s in subs if s is not chosen)
    row = UnitStatus(
        unit, _status(date, level.deadline), level.deadline, date, source, chosen, others,
        _submission_figures(campaign, unit, chosen),
    )
    found: list[Problem] = []
    at = Location(Path(chosen.source.path).name)
    if row.status is Status.LATE:
        found.append(problem("TH-03", at, unit.code, unit=unit.full_name, date=ngay_ngan(date),
                             days=row.days_late, deadline=ngay_ngan(level.deadline)))
    if row.status is Status.UNDATED:
        found.append(problem("TH-07", at, unit.code, unit=unit.full_name))
    if source is DateSource.FILE:
        found.append(problem("TH-06", at, unit.code, date=ngay_ngan(date)))
    if others:
        files = ", ".join(Path(s.source.path).name for s in subs)
        found.append(problem("TH-04", at, unit.code, unit=unit.full_name, count=len(subs), files=files,
                             chosen=Path(chosen.source.path).name))
    return row, found


def summarize(
    campaign: Campaign, submissions: list[Submission], unusable: list[Unusable] = (), root: Unit | None = None
) -> Summary:
    """Return the `Summary` of `submissions` (and unusable inputs) at `root` (default: the province).

    Every unit reporting to `root` (the province: `campaign.top_level`; a district of
    2022: its communes, by `gui_ve`) gets a row, in official order, against its own
    level's deadline; totals are the sums of the rows (a missing unit adds only its
    expected count). `Summary.province` is `root`.
    """
    if root is None or root.level == 0:
        level, province = campaign.top_level, campaign.province
        expected = units_at(campaign.units, province, level.depth)
    else:
        from docgen.campaigns.reporting import reporting_to

        line, expected = reporting_to(campaign, root)
        level, province = campaign.level(line.code), root
    by_unit, unmatched, found = _match(campaign, expected, submissions, level, province)
    rows = []
    for unit in expected:
        row, row_problems = _row(campaign, level, unit, by_unit[(unit.level, unit.code)])
        rows.append(row)
        found.extend(row_problems)
    for bad in unusable:
        found.append(problem("TH-01", bad.location or Location(Path(bad.path).name), reason=bad.reason))
    return Summary(
        campaign, level, province, tuple(rows), _totals(campaign, rows, level.depth),
        tuple(submissions), tuple(unusable), tuple(unmatched), tuple(found),
    )


def _match(campaign: Campaign, expected: list[Unit], submissions: list[Submission], level: Level, province: Unit):
    """Return (submissions per expected unit, submissions of no expected unit, TH-05/TH-08 problems).

    A file from above the reporting level (the province's own list) is cut into
    one part per unit it covers (`split_by_unit`).
    """
    by_unit: dict[tuple[int, str], list[Submission]] = {(u.level, u.code): [] for u in expected}
    unmatched, found = [], []
    for sub in submissions:
        unit = sub.reporting_unit
        key = (unit.level, unit.code) if unit is not None else None
        if key in by_unit:
            by_unit[key].append(sub)
            continue
        above = unit is None or unit.level < level.depth
        parts, rest = split_by_unit(campaign, sub, expected) if above else ([], sub)
        for part in parts:
            by_unit[(part.reporting_unit.level, part.reporting_unit.code)].append(part)
        where, code = Location(Path(sub.source.path).name), unit.code if unit else ""
        if parts:
            found.append(problem("TH-08", where, code, count=len(parts), level=level.title.lower(),
                                 who=unit.label if unit else "không rõ đơn vị"))
        if rest is not None:
            unmatched.append(rest)
        if not parts:
            found.append(problem("TH-05", where, code, level=level.title.lower(), province=province.label))
    return by_unit, unmatched, found


def split_by_unit(campaign: Campaign, sub: Submission, expected: list[Unit]) -> tuple[list[Submission], Submission | None]:
    """Return a file covering several expected reporters (the province's own list) cut into one part per reporter.

    Each part keeps the file's source (so its date), holds the records of that unit
    and the units below it, the problems about them, and figures recounted for it.
    Records of no expected reporter are returned as the rest (None when there are none).
    """
    from docgen.checks.figures import level_figures

    index = {(u.level, u.code): u for u in expected}

    def owner(unit: Unit | None) -> Unit | None:
        for u in ([unit, *unit.ancestors()] if unit is not None else []):
            if (u.level, u.code) in index:
                return index[(u.level, u.code)]
        return None

    records: dict[Unit, list] = {}
    rest = []
    for record in sub.records:
        unit = owner(record.unit)
        (records.setdefault(unit, []) if unit is not None else rest).append(record)
    below: dict[Unit, list[Unit]] = {}
    for u in sub.expected:
        unit = owner(u)
        if unit is not None:
            below.setdefault(unit, []).append(u)
    parts = []
    for unit in expected:
        if unit not in records:
            continue
        mine = tuple(below.get(unit, ())) or (unit,)
        codes = {u.code for u in mine}
        notes = tuple(n for n in sub.source.notes if n.unit_code in codes)
        # The file's date stands for each part; its plan facts are the file author's own, not the unit's.
        facts = replace(sub.source.facts, co_ke_hoach=None, bao_cao_cap_uy=None)
        parts.append(replace(
            sub, source=replace(sub.source, notes=notes, facts=facts), reporting_unit=unit, records=tuple(records[unit]),
            expected=mine,
            problems=tuple(p for p in sub.problems if p.unit_code in codes),
            figures=level_figures(campaign, mine, tuple(records[unit])),
        ))
    if not parts:
        return [], sub
    return parts, (replace(sub, records=tuple(rest), problems=(), figures=()) if rest else None)


def _totals(campaign: Campaign, rows: list[UnitStatus], depth: int) -> tuple[LevelFigures, ...]:
    totals = {lv.code: LevelFigures(lv.code, lv.title) for lv in _levels_below(campaign, depth)}
    for row in rows:
        for f in row.figures:
            if f.level in totals:
                totals[f.level] = add_figures(totals[f.level], f)
    return tuple(totals.values())


def severity_counts(problems: tuple[Problem, ...] | list[Problem]) -> tuple[int, int]:
    """Return (errors, warnings) among `problems`."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    return errors, len(problems) - errors
