"""The figures a form campaign declares (`[[so_lieu]]`), worked out over checked rows.

Counts, sums and ratios come from the values the checks could read; a cell
that could not be read counts in no sum (its error is in the problems). Every
figure also has its text as a report prints it ("1.234", "97,8%", "xã A, xã B").
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from docgen.campaigns.campaign import Campaign
from docgen.campaigns.form import Condition
from docgen.checks.form_check import FormRow
from docgen.records.model import Unit
from docgen.values.formats import phan_tram, so_vn

NONE_LEFT = "không có"


@dataclass(frozen=True)
class FigureValue:
    key: str
    title: str
    value: object       # int or Decimal for numbers, a ratio in 0…1, or a list of names
    text: str


def holds(condition: Condition, row: FormRow) -> bool:
    """Return whether `row` meets `condition`; a missing value never meets a comparison.

    >>> from docgen.errors import Location
    >>> row = FormRow(Location("a"), "Xã A", None, {"a": 3, "b": 5}, {})
    >>> holds(Condition("a", "<", other="b"), row), holds(Condition("a", "=", value=Decimal(3)), row)
    (True, True)
    >>> holds(Condition("c", "=", value=None), row), holds(Condition("c", ">", value=Decimal(0)), row)
    (True, False)
    """
    left = row.values.get(condition.column)
    right = row.values.get(condition.other) if condition.other else condition.value
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
    for f in campaign.figures:
        if f.kind == "dem":
            n = sum(1 for r in rows if holds(f.condition, r))
            out[f.key] = FigureValue(f.key, f.title, n, so_vn(n))
        elif f.kind == "tong":
            total = sum((r.values[f.column] for r in rows if r.values.get(f.column) is not None), 0)
            out[f.key] = FigureValue(f.key, f.title, total, so_vn(total))
        elif f.kind == "ti_le":
            top, bottom = out[f.numerator].value, out[f.denominator].value
            ratio = float(top) / float(bottom) if bottom else None
            out[f.key] = FigureValue(f.key, f.title, ratio, phan_tram(ratio))
        else:   # danh_sach
            names = [_label(r.unit, r.unit_text) for r in rows if holds(f.condition, r)]
            out[f.key] = FigureValue(f.key, f.title, names, ", ".join(names) or NONE_LEFT)
    return out
