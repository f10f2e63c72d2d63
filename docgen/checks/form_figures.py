"""The figures a form campaign declares (`[[so_lieu]]`), worked out over checked rows.

Counts, sums and ratios come from the values the checks could read; a cell
that could not be read counts in no sum (its error is in the problems). Every
figure also has its text as a report prints it ("1.234", "97,8%", "xã A, xã B").

A figure never leaves out a value silently (issue 16): the units whose value it
depends on was wrong are its `left_out`, named by the report; a ratio's two terms
run over the same rows, and "{a}/{b}" pairs (`pairs`) are printed over those rows too.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from docgen.campaigns.campaign import Campaign
from docgen.campaigns.form import PATTERN, Condition
from docgen.checks.form_check import FormRow
from docgen.records.model import Unit
from docgen.values.formats import phan_tram, so_vn

NONE_LEFT = "không có"
WRONG = "chưa đúng"   # printed after a value an error names: shown to be checked, never as valid


@dataclass(frozen=True)
class FigureValue:
    key: str
    title: str
    value: object       # int or Decimal for numbers, a ratio in 0…1, or a list of names
    text: str
    left_out: tuple[tuple[str, tuple[str, ...]], ...] = ()   # (unit label, its wrong columns' keys) not counted


def holds(condition: Condition, row, level=None) -> bool:
    """Return whether `row` meets `condition`; a missing value never meets a comparison.

    `row` has `values` (a FormRow, or a page row: checks.figures.PageRow, whose `pattern` is the page name
    its level's pattern gives its unit); `level` is the row's campaign level, for "… khi nhan_su = rieng".

    >>> from docgen.errors import Location
    >>> row = FormRow(Location("a"), "Xã A", None, {"a": 3, "b": 5}, {})
    >>> holds(Condition("a", "<", other="b"), row), holds(Condition("a", "=", value=Decimal(3)), row)
    (True, True)
    >>> holds(Condition("c", "=", value=None), row), holds(Condition("c", ">", value=Decimal(0)), row)
    (True, False)
    """
    if condition.when is not None and (level is None or getattr(level, condition.when[0], None) != condition.when[1]):
        return True
    if condition.op == "và":
        return all(holds(c, row, level) for c in condition.parts)
    if condition.op == "hoặc":
        return any(holds(c, row, level) for c in condition.parts)
    left = row.values.get(condition.column)
    right = row.values.get(condition.other) if condition.other else condition.value
    if right is PATTERN:
        right = getattr(row, "pattern", None)
    if condition.value is None and not condition.other:
        return (left is None) == (condition.op == "=")
    if left is None or right is None:
        return False
    if isinstance(right, Decimal) and isinstance(left, bool):
        return False
    return {"=": left == right, "!=": left != right, "<": left < right, "<=": left <= right,
            ">": left > right, ">=": left >= right}[condition.op]


def _label(unit: Unit | None, text: str) -> str:
    return unit.label if unit is not None else text


def wrong_columns(row: FormRow) -> set[str]:
    """Return the columns of `row` whose value was filled in but is not counted (an error names it).

    >>> from docgen.errors import Location
    >>> sorted(wrong_columns(FormRow(Location("a"), "Xã A", None, {"a": None, "b": None, "c": 2},
    ...                                {"a": "16 (chưa đúng)", "b": "", "c": "2"})))
    ['a']
    """
    return {k for k, text in row.texts.items() if text and row.values.get(k) is None}


def _condition_columns(c: Condition | None) -> set[str]:
    if c is None:
        return set()
    out = {c.column} | ({c.other} if c.other else set())
    for part in c.parts:
        out |= _condition_columns(part)
    return out - {""}


def depends_on(campaign: Campaign, key: str) -> set[str]:
    """Return the form columns the figure `key` is worked out from (a ratio: both of its terms')."""
    f = next((f for f in campaign.figures if f.key == key and not f.per_level), None)
    if f is None:
        return set()
    if f.kind == "tong":
        return {f.column}
    if f.kind == "ti_le":
        return depends_on(campaign, f.numerator) | depends_on(campaign, f.denominator)
    return _condition_columns(f.condition)


def _left_out(rows, columns: set[str]) -> tuple:
    return tuple((_label(r.unit, r.unit_text), tuple(sorted(wrong_columns(r) & columns))) for r in rows
                 if wrong_columns(r) & columns)


def _plain(f, rows, raw: bool = False) -> object:
    """Return the value of a count or sum `f` over `rows`; `raw`: a sum of what the cells held, wrong or not."""
    if f.kind == "dem":
        return sum(1 for r in rows if holds(f.condition, r))
    if raw:
        return sum((v for r in rows if isinstance(v := r.raw.get(f.column, r.values.get(f.column)), (int, Decimal))
                    and not isinstance(v, bool)), 0)
    return sum((r.values[f.column] for r in rows if r.values.get(f.column) is not None), 0)


def over_same_rows(campaign: Campaign, rows, top: str, bottom: str) -> tuple[object, object, tuple[bool, bool]]:
    """Return (top, bottom, marks): both terms over the rows where none of their columns is wrong.

    When no such row is left (a unit's own report whose value is wrong), both are what the cells
    held, and `marks` says which term holds a wrong value, to be printed "(chưa đúng)".
    """
    figures = {f.key: f for f in campaign.figures if not f.per_level}
    columns = (depends_on(campaign, top), depends_on(campaign, bottom))
    kept = [r for r in rows if not wrong_columns(r) & (columns[0] | columns[1])]
    if kept or not rows:
        return _plain(figures[top], kept), _plain(figures[bottom], kept), (False, False)
    marks = tuple(any(wrong_columns(r) & cols for r in rows) for cols in columns)
    return _plain(figures[top], rows, raw=True), _plain(figures[bottom], rows, raw=True), marks


def _summed(campaign: Campaign, key: str) -> bool:
    return any(f.key == key and f.kind in ("tong", "dem") and not f.per_level for f in campaign.figures)


def marked(value: object, wrong: bool) -> str:
    """Return a number as printed, with "(chưa đúng)" when it holds a wrong value."""
    return so_vn(value) + (f" ({WRONG})" if wrong else "")


def pairs(campaign: Campaign, rows, keys) -> dict[str, str]:
    """Return the text of each "{a}/{b}" pair of counts or sums over the same rows, by "a/b" ("1.070/1.088")."""
    out = {}
    for a, b in keys:
        if _summed(campaign, a) and _summed(campaign, b):
            top, bottom, marks = over_same_rows(campaign, rows, a, b)
            out[f"{a}/{b}"] = f"{marked(top, marks[0])}/{marked(bottom, marks[1])}"
    return out


def work_out(campaign: Campaign, rows: tuple[FormRow, ...], expected: tuple[Unit, ...]) -> dict[str, FigureValue]:
    """Return every figure of the campaign over `rows` (the built-in ones first), by key."""
    reported = {r.unit.code for r in rows if r.unit is not None}
    missing = [u for u in expected if u.code not in reported]
    counted = [u for u in expected if u.code in reported]
    out = {
        "so_don_vi": FigureValue("so_don_vi", "Số đơn vị phải báo cáo", len(expected), so_vn(len(expected))),
        "so_da_bao_cao": FigureValue("so_da_bao_cao", "Số đơn vị đã báo cáo", len(counted), so_vn(len(counted))),
        "chua_bao_cao": FigureValue("chua_bao_cao", "Đơn vị chưa báo cáo", [u.full_name for u in missing],
                                    ", ".join(u.label for u in missing) or NONE_LEFT),
    }
    for f in (f for f in campaign.figures if not f.per_level):
        left = _left_out(rows, depends_on(campaign, f.key))
        if f.kind in ("dem", "tong"):
            n = _plain(f, rows)
            out[f.key] = FigureValue(f.key, f.title, n, so_vn(n), left)
        elif f.kind == "ti_le":
            marks = (False, False)
            if _summed(campaign, f.numerator) and _summed(campaign, f.denominator):
                top, bottom, marks = over_same_rows(campaign, rows, f.numerator, f.denominator)
            else:
                top, bottom = out[f.numerator].value, out[f.denominator].value
            ratio = float(top) / float(bottom) if bottom else None
            text = phan_tram(ratio) + (f" ({WRONG})" if any(marks) and ratio is not None else "")
            out[f.key] = FigureValue(f.key, f.title, ratio, text, left)
        else:   # danh_sach
            names = [_label(r.unit, r.unit_text) for r in rows if holds(f.condition, r)]
            out[f.key] = FigureValue(f.key, f.title, names, ", ".join(names) or NONE_LEFT, left)
    return out


def per_level(campaign: Campaign, level, units, rows: dict) -> tuple[dict[str, object], dict[str, tuple]]:
    """Return a level's figures (`theo_cap`) over its expected `units` and the units each count leaves out.

    `rows` maps a unit to its row (absent: the unit has no row). Built in: so_don_vi (units expected),
    so_da_bao_cao (units with a row). A count runs over the units with a row, or over those another
    count met (`trong`), so its denominator is that figure; the second dict gives, per count, the units
    of its scope that do not meet it (section II names them: the gaps equal the figures' differences).
    """
    present = [u for u in units if u in rows]
    values: dict[str, object] = {"so_don_vi": len(units), "so_da_bao_cao": len(present)}
    met: dict[str, list] = {}
    missed: dict[str, tuple] = {}
    for f in (f for f in campaign.figures if f.per_level):
        if f.kind == "dem":
            scope = met[f.within] if f.within else present
            met[f.key] = [u for u in scope if holds(f.condition, rows[u], level)]
            missed[f.key] = tuple(u for u in scope if u not in met[f.key])
            values[f.key] = len(met[f.key])
        elif f.kind == "ti_le":
            top, bottom = values[f.numerator], values[f.denominator]
            values[f.key] = top / bottom if bottom else None
    return values, missed
