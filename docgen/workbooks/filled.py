"""A unit's own workbook filled from its checked records: the list a district compiles from its communes' files.

Same form as `bieu-mau` gives the unit (its Front's header, its groups and rows), each
row holding the record's values as docgen normalised them; the row of a unit with no
record keeps only its number (read back, the unit is "not reported", DV-02); a record
whose unit is not in the official list is kept below the table, never dropped.
"""

from __future__ import annotations

from openpyxl import Workbook

from docgen.campaigns.campaign import Campaign
from docgen.records.form import FACTS_SHEET
from docgen.records.model import Facts, Submission
from docgen.workbooks.plan import plan_for
from docgen.workbooks.sheets import FIRST_DATA_ROW, FORM_SHEET, build
from docgen.xlsxcell import put

UNMATCHED = "Các dòng có đơn vị không khớp danh mục (giữ lại để soát):"


def _fact_text(facts: Facts, key: str):
    value = facts.get(key)
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, tuple):
        return "\n".join(value) or None
    return value or None


def filled_workbook(campaign: Campaign, sub: Submission) -> Workbook:
    """Return the reporting unit's workbook with every record of `sub` and its facts filled in."""
    wb = build(plan_for(campaign, sub.reporting_unit), campaign)
    ws = wb[FORM_SHEET]
    first = {}
    for r in sub.records:
        if r.unit is not None:
            first.setdefault(r.unit.full_name, r)
    keys = [c.key for c in campaign.columns]
    last = FIRST_DATA_ROW
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if not isinstance(ws.cell(row, 1).value, int):
            continue
        record = first.get(str(ws.cell(row, 2).value or ""))
        if record is None:   # nothing reported: the name alone would read back as "present, no page"
            ws.cell(row, 2).value = None
            continue
        last = row
        values = record.cells()
        for col, key in enumerate(keys, start=1):
            if key not in ("tt", "don_vi") and values.get(key):
                put(ws.cell(row, col), values[key])
    extra = [r for r in sub.records if r.unit is None or first.get(r.unit.full_name) is not r]
    if extra:
        row = ws.max_row + 2
        put(ws.cell(row, 1), UNMATCHED)
        for n, record in enumerate(extra, start=1):
            values = record.cells()
            for col, key in enumerate(keys, start=1):
                put(ws.cell(row + n, col), n if key == "tt" else values.get(key) or None)
    facts = wb[FACTS_SHEET]
    for i, field in enumerate(campaign.form.facts, start=1):
        value = _fact_text(sub.source.facts, field.key)
        if value is not None and field.key != "don_vi":
            put(facts.cell(i, 2), value)
    return wb
