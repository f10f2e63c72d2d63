"""`check_source`: one submission as read → records, problems and figures.

Every row with any data becomes a `Record` (unmatched units too, with `unit`
None); each judgement is a `Problem` with a rule ID from `docgen.checks.rules`.
Rows holding nothing but their TT number are form padding and are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from docgen.campaigns.campaign import Campaign, Level
from docgen.checks import normalize
from docgen.checks.figures import level_figures
from docgen.checks.normalize import upper_first
from docgen.checks.pages import page
from docgen.checks.people import person, staffing
from docgen.checks.rules import problem
from docgen.checks.units import UnitIndex, campaign_index, expected_units, find_reporting, unit_words
from docgen.errors import Location
from docgen.campaigns.form import PAGE_COLUMNS
from docgen.records.model import Problem, RawRow, Record, Role, Severity, Source, Submission, Unit

# Findings that make a cell's value wrong: a signed Phụ lục never prints that value as valid.
VALUE_RULES = frozenset({"SDT-01", "EM-01", "LK-01", "LK-02", "TT-01"})
from docgen.vntext import name_key


@dataclass
class _Run:
    """State of one check: the campaign, the scope, and what was seen so far."""

    source: Source
    campaign: Campaign
    index: UnitIndex
    reporting: Unit
    problems: list[Problem] = field(default_factory=list)
    units_seen: dict[tuple[int, str], Record] = field(default_factory=dict)
    links_seen: dict[str, Record] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    noted: frozenset = frozenset()   # (rule, location) of the reader's notes, not to be repeated
    keys: tuple[str, ...] = ()       # the form's column keys, left to right

    def level_of(self, row: RawRow) -> Level | None:
        return self.campaign.level_of_group(row.group, row.group_label)


def check_source(source: Source, campaign: Campaign) -> Submission:
    """Return the checked submission of one source under a campaign's rules.

    The reporting unit is `Facts.don_vi` when given, else the unit of the top
    level's row, else the top-level unit holding most rows, else the province.
    The expected units are the reporting unit (when it sits at a reporting
    level) and every unit below it at a reporting level, in official order.
    """
    index = campaign_index(campaign)
    reporting, found = _reporting(source, campaign, index)
    scope = reporting or index.province   # rows are still matched (and reported) against the province's list
    keys = tuple(c.key for c in campaign.columns)
    run = _Run(source, campaign, index, scope, list(source.notes) + found, letters=_columns(source.table.rows, keys),
               noted=frozenset((n.rule, n.location) for n in source.notes), keys=keys)
    records = []
    titles = {name_key(lv.title) for lv in campaign.levels}
    for row in source.table.rows:
        if _has_data(row, titles):
            records.append(_check_row(row, run))
    expected = expected_units(reporting, campaign) if reporting is not None else ()
    _no_present_guess(run, records)
    _missing(expected, run)
    records_t = tuple(records)
    return Submission(
        source=source,
        reporting_unit=reporting,
        records=records_t,
        problems=tuple(run.problems),
        figures=level_figures(campaign, expected, records_t),
        expected=expected,
    )


_GUESS = re.compile(r"^Có phải «(.+)»\?$")


def _no_present_guess(run: "_Run", records: list[Record]) -> None:
    """Replace a DV-01 guess that names a unit the list already has ("Có phải «Xã Quài Tở»?" when
    Xã Quài Tở has its row): the row is more likely one too many than a misspelling."""
    present = {r.unit.full_name for r in records if r.unit is not None}
    for i, p in enumerate(run.problems):
        m = _GUESS.match(p.fix) if p.rule == "DV-01" else None
        if m and m.group(1) in present:
            run.problems[i] = replace(p, fix=f"«{m.group(1)}» đã có dòng riêng trong danh sách: xóa dòng này nếu "
                                             "là dòng thừa, hoặc ghi đúng tên theo danh mục đơn vị hành chính.")


def _has_data(row: RawRow, titles: set[str]) -> bool:
    """Return True unless the row holds nothing but its TT and, maybe, a group label ("Cấp xã")."""
    cells = row.cells
    if any(key not in ("tt", "don_vi") and cell.value not in (None, "") for key, cell in cells.items()):
        return True
    unit = cells.get("don_vi")
    return unit is not None and unit.value not in (None, "") and name_key(str(unit.value)) not in titles


def _reporting(source: Source, campaign: Campaign, index: UnitIndex) -> tuple[Unit | None, list[Problem]]:
    """Return the reporting unit and, if `Facts.don_vi` names no known unit, a DV-01 finding.

    The province itself is the reporting unit only when some row names one of its
    units; a file that establishes no unit of the campaign's province (another
    province's list, a table of unknown names) has none: None, with a DV-01 error
    saying so, and no report is written for it (`attributed`).
    """
    found: list[Problem] = []
    facts = source.facts
    if facts.don_vi:
        unit = find_reporting(facts.don_vi, campaign)
        if unit is not None:
            return unit, found
        elsewhere = [u for depth in range(campaign.units.depth) for u in index.units.lookup(unit_words(facts.don_vi), depth)]
        hint = f" «{elsewhere[0].full_name}» thuộc {elsewhere[0].ancestors()[-1].label if elsewhere[0].parent else 'danh mục'}: " \
               f"hãy chọn đúng chiến dịch (--chien-dich)." if elsewhere else ""
        found.append(problem(
            "DV-01",
            f"Đơn vị báo cáo «{facts.don_vi}» (mục «Đơn vị báo cáo» của phần Thông tin) không có trong danh mục "
            f"đơn vị hành chính của {index.province.label}.{hint}",
            facts.location or source.table.source,
            "Ghi đúng tên đơn vị theo danh mục, ví dụ «Huyện Mường Nhé».",
        ))
    if len(campaign.levels) > 1:
        top = campaign.levels[0]
        for row in source.table.rows:
            if campaign.level_of_group(row.group, row.group_label) is top and row.text("don_vi"):
                hits = index.candidates(row.text("don_vi"), top.depth)
                if len(hits) == 1:
                    return hits[0], found
        votes: Counter = Counter()
        for row in source.table.rows:
            for depth in {lv.depth for lv in campaign.levels[1:]}:
                hits = index.candidates(row.text("don_vi"), depth)
                owners = {a for u in hits for a in [u, *u.ancestors()] if a.level == top.depth}
                if len(owners) == 1:
                    votes[owners.pop()] += 1
        if votes:
            unit, n = votes.most_common(1)[0]
            if n * 2 > sum(votes.values()):
                return unit, found
    return attributed(source, campaign, index, found)


def attributed(source: Source, campaign: Campaign, index: UnitIndex, found: list[Problem]
               ) -> tuple[Unit | None, list[Problem]]:
    """Return (the province, `found`) when a row of `source` names a unit of the campaign's province;
    else (None, `found` plus the DV-01 error that no reporting unit could be established)."""
    depths = {lv.depth for lv in campaign.levels}
    for row in source.table.rows:
        text = row.text("don_vi")
        if text and any(index.candidates(text, depth) for depth in depths):
            return index.province, found
    said = f" (mục «Đơn vị báo cáo» ghi «{source.facts.don_vi}»)" if source.facts.don_vi else ""
    return None, found + [problem(
        "DV-01",
        f"Không xác định được đơn vị báo cáo thuộc {index.province.label}{said}: không dòng nào của bảng ghi tên "
        f"một đơn vị của {index.province.label}. Có thể đây là tệp của tỉnh khác, hoặc đã chọn sai chiến dịch "
        "(--chien-dich). docgen không soạn báo cáo cho tệp này.",
        source.facts.location or source.table.source,
        "Ghi «Đơn vị báo cáo» ở phần Thông tin và tên đơn vị theo danh mục ở cột «Đơn vị».",
    )]


_A1 = re.compile(r"^([A-Z]{1,3})(\d+)$")


def _columns(rows: tuple[RawRow, ...], keys: tuple[str, ...]) -> dict[str, str]:
    """Return the sheet column letters of the form's columns, as seen in cells holding a value."""
    letters: dict[str, str] = {}
    for row in rows:
        for key, cell in row.cells.items():
            m = _A1.match(cell.location.cell or "")
            if m and key not in letters:
                letters[key] = m.group(1)
        if len(letters) == len(keys):
            break
    return letters


def _where(row: RawRow, key: str, letters: dict[str, str]) -> Location:
    """Return the location of a row's cell `key`, worked out for an empty cell when the sheet is A1-named."""
    cell = row.cells.get(key)
    if cell is not None:
        return cell.location
    numbers = {m.group(2) for c in row.cells.values() if (m := _A1.match(c.location.cell or ""))}
    if key in letters and len(numbers) == 1:
        return row.location.at(letters[key] + numbers.pop())
    return row.location


def _cells(row: RawRow, run: "_Run", out: list[Problem]) -> tuple[dict[str, str], dict[str, str], dict[str, Location]]:
    """Return a row's cleaned texts, its texts as typed (control characters removed) and cell locations."""
    texts, typed, where = {}, {}, {}
    cells = row.cells
    for key in run.keys:
        cell = cells.get(key)
        if cell is None:
            where[key] = _where(row, key, run.letters)
            continue
        where[key] = cell.location
        if key == "tt":   # TT is the clerk's numbering: never judged
            continue
        value, changed, as_typed = normalize.clean_value(cell.value)
        if changed and ("VB-01", cell.location) not in run.noted:
            out.append(problem("VB-01", f"Ô có ký tự điều khiển, ký tự ẩn hoặc chữ chưa dựng sẵn; đã làm sạch thành «{value}».",
                               cell.location, value))
        texts[key] = value
        if key in ("don_vi", "ten_trang"):
            typed[key] = as_typed
    return texts, typed, where


def _check_row(row: RawRow, run: _Run) -> Record:
    """Return the record of one row, adding its findings to the run."""
    out: list[Problem] = []
    texts, typed, where = _cells(row, run, out)
    unit, level = _unit(row, texts, typed, where, run, out)
    label = unit.label if unit else (f"đơn vị «{texts['don_vi']}»" if texts.get("don_vi") else "dòng không ghi đơn vị")
    pg = page(texts, typed.get("ten_trang", ""), unit, level, run.campaign.platforms, where, label, out,
              run.campaign.no_page)
    code = unit.code if unit else ""
    leader = person(Role.LEADER, texts, where, label, out, code)
    operator = person(Role.OPERATOR, texts, where, label, out, code)
    staffing(leader, operator, level, pg.exists, label, where, out, code, run.campaign.form)
    extra = tuple((k, texts[k]) for k in run.keys if k not in PAGE_COLUMNS and texts.get(k))
    record = Record(row.location, texts.get("don_vi", ""), unit, pg.name, pg.link, pg.platform, leader, operator,
                    extra=extra)
    _duplicates(record, label, where, run, out)
    wrong = {p.location for p in out if p.rule in VALUE_RULES and p.severity is Severity.ERROR}
    record = replace(record, page_note=pg.note, invalid=tuple(k for k in run.keys if where[k] in wrong))
    if len(out) > 1:   # left to right, as the clerk reads the row
        column = {where[key]: i for i, key in reversed(list(enumerate(run.keys)))}
        out.sort(key=lambda p: column.get(p.location, len(run.keys)))
    run.problems.extend(out)
    return record


def _unit(row: RawRow, texts: dict[str, str], typed: dict[str, str], where: dict[str, Location], run: _Run,
          out: list[Problem]) -> tuple[Unit | None, Level | None]:
    """Return the official unit and reporting level of a row, adding DV-01/DV-04 findings."""
    levels = run.campaign.levels
    level = run.level_of(row)
    text = texts.get("don_vi", "")
    if not text or (text.casefold().startswith("cấp") and name_key(text) in {name_key(lv.title) for lv in levels}):
        if level is not None and run.reporting.level == level.depth:
            return run.reporting, level   # the group row itself holds the reporting unit's data
        out.append(problem("DV-01", "Dòng có dữ liệu nhưng không ghi tên đơn vị.", where["don_vi"],
                           "Ghi tên đơn vị theo danh mục ở cột «Đơn vị»."))
        return None, level
    depths = [lv.depth for lv in ([level] if level else []) + [lv for lv in levels if lv is not level]]
    for depth in depths:
        hits = run.index.candidates(text, depth, within=run.reporting)
        if len(hits) > 1:   # the same name twice under the reporting unit: the page name tells them apart
            hits = _by_page_name(hits, run.campaign.level_at(depth), texts.get("ten_trang", ""))
        if len(hits) > 1:   # the official list itself names two units alike: take them in official order
            hits = [next((u for u in hits if (u.level, u.code) not in run.units_seen), hits[0])]
        if len(hits) == 1:
            unit = hits[0]
            written = typed.get("don_vi", "")
            if written != unit.full_name and (written := normalize.as_typed(written)) != unit.full_name:
                out.append(problem("DV-04", f"Tên đơn vị «{written}» viết khác tên chính thức «{unit.full_name}».",
                                   where["don_vi"], unit.full_name, unit.code))
            return unit, run.campaign.level_at(depth)
    out.append(_unknown(text, depths[0] if depths else None, where["don_vi"], run))
    return None, level


def _by_page_name(hits: list[Unit], level: Level, name: str) -> list[Unit]:
    """Return the units among `hits` whose pattern page name is `name` (exactly, else by name_key)."""
    exact = [u for u in hits if level.expected_page_name(u) == name]
    if exact:
        return exact
    key = name_key(name)
    return [u for u in hits if name_key(level.expected_page_name(u)) == key]


def _unknown(text: str, depth: int | None, where: Location, run: _Run) -> Problem:
    """Return the DV-01 finding for a unit name not in the reporting unit's official list."""
    scope = run.reporting.label
    words = unit_words(text)
    message = f"«{text}» không có trong danh mục đơn vị hành chính của {scope}."
    fix = "Ghi đúng tên theo danh mục đơn vị hành chính hoặc xóa dòng."
    elsewhere = [u for d in ([depth] if depth is not None else []) for u in run.index.candidates(words, d)]
    if elsewhere:
        message += f" Đơn vị này thuộc {elsewhere[0].parent.label if elsewhere[0].parent else 'nơi khác'}."
        fix = "Xóa dòng này: đơn vị do nơi khác báo cáo."
    elif depth is not None:
        near = run.index.closest(words, depth, run.reporting)
        if near is not None:
            fix = f"Có phải «{near.full_name}»?"
    return problem("DV-01", message, where, fix)


def _duplicates(record: Record, label: str, where: dict[str, Location], run: _Run, out: list[Problem]) -> None:
    """Add DV-03 (unit listed twice) and LK-02 (link shared by two units) findings."""
    if record.unit is not None:
        key = (record.unit.level, record.unit.code)
        first = run.units_seen.setdefault(key, record)
        if first is not record:
            out.append(problem("DV-03", f"{upper_first(label)} ghi hai lần (đã có ở {_near(first.location)}).", where["don_vi"],
                               "Giữ một dòng cho mỗi đơn vị: gộp hoặc xóa dòng thừa.", record.unit.code))
    if record.link and record.platform and run.campaign.form.column("lien_ket").unique:   # LK-02: `duy_nhat`
        key = normalize.link_key(record.link)
        first = run.links_seen.setdefault(key, record)
        if first is not record and first.unit != record.unit:
            other = first.unit.label if first.unit else f"«{first.unit_text}»"
            out.append(problem("LK-02", f"Địa chỉ liên kết của {label} trùng với của {other} ({_near(first.location)}).",
                               where["lien_ket"], "Mỗi đơn vị một Trang riêng: ghi đúng địa chỉ Trang của đơn vị.",
                               record.unit.code if record.unit else ""))


def _near(location: Location) -> str:
    """Return a location in the same table as briefly as a clerk needs it ("dòng 17", "A17:J17")."""
    return location.cell or str(location)


def _missing(expected: tuple[Unit, ...], run: _Run) -> None:
    """Add a DV-02 finding for each expected unit no row names."""
    for unit in expected:
        if (unit.level, unit.code) not in run.units_seen:
            run.problems.append(problem(
                "DV-02",
                f"Thiếu {unit.label} (mã {unit.official_code}) trong danh sách của {run.reporting.label}.",
                run.source.table.source,
                f"Thêm một dòng cho «{unit.full_name}».",
                unit.code,
            ))
