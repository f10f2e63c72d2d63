"""What a returned file carries, worked out from a checked submission: no file format here.

`plan_return` turns a `Submission`'s problems into the notes to put on cells,
the numbered list «Vấn đề cần sửa» (cell-less problems included, a missing
unit with the row to add it after) and the safe changes of the normalised
copy: exactly the problems docgen already normalised (`Problem.normalised`).
The writers (`returns.xlsx`, `returns.docx`) only lay this out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.checks.rules import SEVERITY_WORDS
from docgen.records.model import Problem, Record, Severity, Submission, Unit
from docgen.vntext import strip_xml_invalid

AUTHOR = "docgen"
_A1 = re.compile(r"^([A-Z]{1,3})(\d+)(?::[A-Z]{1,3}\d+)?$")
_WORD = re.compile(r"^dòng (\d+)(?:–\d+)?(?:, cột (\d+)(?:–\d+)?)?$")


@dataclass(frozen=True)
class Spot:
    """A cell of the file: its sheet (or Word table, "Bảng 2"), row (1-based) and column (0-based)."""

    sheet: str
    row: int
    col: int


@dataclass(frozen=True)
class Note:
    """The note on one cell: every problem found there, and the text the clerk reads."""

    spot: Spot
    problems: tuple[Problem, ...]
    text: str

    @property
    def is_error(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True)
class Entry:
    """One line of the list «Vấn đề cần sửa»: the problem, where (words), what to do, and the cell to link to."""

    number: int
    problem: Problem
    place: str
    todo: str
    spot: Spot | None


@dataclass(frozen=True)
class Change:
    """A value the normalised copy writes: the cell, the value as typed, the value written, and its note."""

    spot: Spot
    old: str
    new: str
    note: str
    number: float | None = None   # a workbook writes this number instead of the text `new` (a form's money, date)


@dataclass(frozen=True)
class ReturnPlan:
    """Everything the two returned files carry for one submission."""

    notes: tuple[Note, ...]
    entries: tuple[Entry, ...]
    changes: tuple[Change, ...]


def position(cell: str) -> tuple[int, int | None] | None:
    """Return (row 1-based, column 0-based or None for a whole row) of a reader's cell name, else None.

    Names are those of `readers.xlsx.cell_name`/`area_name` and `readers.docx.cell_name`/`area_name`.

    >>> position("F12"), position("A17:J17"), position("dòng 5, cột 3"), position("dòng 9"), position("x")
    ((12, 5), (17, 0), (5, 2), (9, None), None)
    >>> position("dòng 1–2, cột 1–10")
    (1, 0)
    """
    m = _A1.match(cell or "")
    if m:
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        return int(m.group(2)), col - 1
    m = _WORD.match(cell or "")
    if m:
        return int(m.group(1)), int(m.group(2)) - 1 if m.group(2) else None
    return None


def _first_columns(sub: Submission) -> dict[str, int]:
    """Return, per sheet, the first column of the form's table (where a whole-row note goes)."""
    first: dict[str, int] = {}
    for row in sub.source.table.rows:
        for cell in row.cells.values():
            pos = position(cell.location.cell or "")
            if pos and pos[1] is not None and cell.location.sheet:
                sheet = cell.location.sheet
                first[sheet] = min(first.get(sheet, pos[1]), pos[1])
    return first


def spot_of(problem: Problem, first: dict[str, int]) -> Spot | None:
    """Return the cell a problem sits on (a whole row: its first table cell), or None when it has no cell."""
    where = problem.location
    pos = position(where.cell or "")
    if pos is None or not where.sheet:
        return None
    row, col = pos
    return Spot(where.sheet, row, first.get(where.sheet, 0) if col is None else col)


def plan_return(sub: Submission, levels: dict[int, str], normalised_name: str) -> ReturnPlan:
    """Return the notes, list and changes of the files returned for `sub`.

    `levels` maps a unit level (depth) to its group title in the form ("Cấp xã");
    `normalised_name` is the normalised copy's file name, which the notes point to.
    """
    first = _first_columns(sub)
    by_spot, notes, entries = mark_problems(
        sub.problems, first, normalised_name,
        lambda number, p, spot: _entry(number, p, spot, sub, levels, first, normalised_name))
    return ReturnPlan(notes, entries, _changes(sub, by_spot))


def mark_problems(problems, first: dict[str, int], normalised_name: str, entry
                  ) -> tuple[dict[Spot, list[Problem]], tuple[Note, ...], tuple[Entry, ...]]:
    """Return the problems by the cell they sit on, each cell's note, and the list's entries.

    `entry(number, problem, spot or None)` makes a list entry; whatever the form (page list or a campaign's own).
    """
    by_spot: dict[Spot, list[Problem]] = {}
    entries = []
    for number, p in enumerate(problems, start=1):
        spot = spot_of(p, first)
        if spot is not None:
            by_spot.setdefault(spot, []).append(p)
        entries.append(entry(number, p, spot))
    notes = tuple(Note(spot, tuple(ps), "\n\n".join(note_text(p, normalised_name) for p in ps))
                  for spot, ps in by_spot.items())
    return by_spot, notes, tuple(entries)


def clean_text(text: str) -> str:
    """Return `text` without characters XML cannot hold (a note or cell written back into the unit's file)."""
    return strip_xml_invalid(text)[0]


def note_text(p: Problem, normalised_name: str = "") -> str:
    """Return the note a clerk reads on a cell: rule, severity, what is wrong, then what to do.

    >>> from docgen.errors import Location
    >>> print(note_text(Problem("SDT-02", Severity.WARNING, "Số «0914.226.318» đã đưa về dạng chuẩn.",
    ...                         Location("a.xlsx", "Phụ lục", "F11"), "0914 226 318", normalised=True), "a-da-chuan-hoa.xlsx"))
    [SDT-02] Cảnh báo: Số «0914.226.318» đã đưa về dạng chuẩn.
    Không cần sửa tay: bản «a-da-chuan-hoa.xlsx» đã ghi «0914 226 318».
    """
    head = f"[{p.rule}] {SEVERITY_WORDS[p.severity].capitalize()}: {clean_text(p.message)}"
    todo = todo_text(p, normalised_name)
    return f"{head}\n{todo}" if todo else head


def todo_text(p: Problem, normalised_name: str = "") -> str:
    """Return what the clerk should do about a problem, in words ("" when nothing is known)."""
    fix = clean_text(p.fix)
    if p.normalised:
        where = f"bản «{normalised_name}»" if normalised_name else "bản đã chuẩn hóa"
        return f"Không cần sửa tay: {where} đã ghi «{fix}»."
    if not fix:
        return ""
    return f"Cách sửa: {fix}" if p.severity is Severity.ERROR else f"Nên xem lại: {fix}"


def _entry(number: int, p: Problem, spot: Spot | None, sub: Submission, levels: dict[int, str],
           first: dict[str, int], normalised_name: str) -> Entry:
    where = p.location
    todo = todo_text(p, normalised_name)
    if spot is not None:
        return Entry(number, p, " › ".join(x for x in (where.sheet, where.cell) if x), todo, spot)
    unit = _missing_unit(p, sub)
    if unit is None:
        return Entry(number, p, where.sheet or "cả tệp", todo, None)
    record, after = _neighbour(unit, sub)
    group = levels.get(unit.level, "")
    in_group = f" vào nhóm «{group}»" if group else ""
    if record is None:
        return Entry(number, p, f"{where.sheet or 'bảng'}: thêm dòng mới", f"Thêm dòng «{unit.full_name}»{in_group}.", None)
    row_pos = position(record.location.cell or "")
    row = row_pos[0] if row_pos else 0
    name = record.unit.full_name if record.unit else record.unit_text
    side = "sau" if after else "trước"
    place = f"{record.location.sheet} › {side} dòng {row}"
    todo = f"Thêm dòng «{unit.full_name}»{in_group}, ngay {side} dòng {row} ({name})."
    return Entry(number, p, place, todo, Spot(record.location.sheet, row, first.get(record.location.sheet, 0)))


def _missing_unit(p: Problem, sub: Submission) -> Unit | None:
    """Return the official unit a cell-less problem says is missing (DV-02), else None."""
    if not p.unit_code:
        return None
    hits = [u for u in sub.expected if u.code == p.unit_code]
    named = [u for u in hits if u.full_name in p.fix or u.label in p.message]
    found = named or hits
    return found[0] if found and not any(r.unit == found[0] for r in sub.records) else None


def _neighbour(unit: Unit, sub: Submission) -> tuple[Record | None, bool]:
    """Return the row a missing unit goes next to, in official order, and whether it goes after it."""
    order = {(u.level, u.code): i for i, u in enumerate(sub.expected)}
    mine = order[(unit.level, unit.code)]
    peers = [(order[(r.unit.level, r.unit.code)], r) for r in sub.records
             if r.unit is not None and r.unit.level == unit.level and (r.unit.level, r.unit.code) in order]
    before = [x for x in peers if x[0] < mine]
    if before:
        return max(before, key=lambda x: x[0])[1], True
    after = [x for x in peers if x[0] > mine]
    if after:
        return min(after, key=lambda x: x[0])[1], False
    return (sub.records[-1], True) if sub.records else (None, True)


def normalised_cells(by_spot: dict[Spot, list[Problem]]):
    """Yield (spot, problems) per cell docgen normalised: the normalising problems on it, in order (the last one's
    value is what the normalised copy writes). Shared by page lists and campaign forms."""
    for spot, problems in by_spot.items():
        done = [p for p in problems if p.normalised and p.fix and position(p.location.cell or "")[1] is not None]
        if done:
            yield spot, done


def change_note(done: list[Problem], said: str) -> str:
    """Return the note of a normalised cell: which rules changed it, from what to what, and their messages."""
    rules = ", ".join(dict.fromkeys(p.rule for p in done))
    return f"{AUTHOR} đã chuẩn hóa ô này ({rules}): {said}.\n" + "\n".join(clean_text(p.message) for p in done)


def _changes(sub: Submission, by_spot: dict[Spot, list[Problem]]) -> tuple[Change, ...]:
    """Return the normalised copy's changes: per cell, the last normalising problem's value."""
    typed = {(c.location.sheet, c.location.cell): c.value for row in sub.source.table.rows for c in row.cells.values()}
    out = []
    for spot, done in normalised_cells(by_spot):
        last = done[-1]
        value = typed.get((last.location.sheet, last.location.cell))
        old = "" if value is None else clean_text(str(value))
        new = clean_text(last.fix)
        out.append(Change(spot, old, new, change_note(done, f"«{old}» → «{new}»" if old else f"«{new}»")))
    return tuple(out)
