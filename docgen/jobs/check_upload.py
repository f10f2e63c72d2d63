"""One submitted file checked for a page: `kiem-tra`'s JSON for it, its Phụ lục as read, and its date.

The web page keeps this dict per uploaded version (as JSON) and draws everything
from it: the problems exactly as `docgen kiem-tra --json` gives them, and the
table cell by cell (value and `Location`) so the page can mark the problem cells.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docgen.campaigns.campaign import Campaign
from docgen.errors import Location
from docgen.records.model import RawTable, Submission
from docgen.values.formats import ngay_ngan


def check_upload(path: Path, campaign: Campaign, uploaded: dt.date | None = None) -> dict:
    """Return the JSON-ready check of one file: {"kiem_tra", "table", "report_date", "date_source"}.

    `kiem_tra` is the `docgen kiem-tra --json` document of this one file (an unusable
    file is in its `unusable` list with the same message); `table` is None for an
    unusable file. `report_date` is the "Ngày báo cáo" of the file, else `uploaded`
    (ISO text or None); `date_source` says which ("thong_tin", "tep" or "").
    """
    from docgen.checks.result import KiemTraResult, Unusable, check_files

    if not campaign.pages:   # a campaign with its own form: its own checks, the same shape
        return form_upload(Path(path), campaign, uploaded)
    submissions, failed = check_files([Path(path)], campaign)
    result = KiemTraResult(campaign.id, tuple(submissions), tuple(Unusable.from_error(p, e) for p, e in failed),
                           checked_under=campaign)
    out = {"kiem_tra": result.to_dict(), "table": None, "report_date": None, "date_source": ""}
    if submissions:
        sub = submissions[0]
        out["table"] = table_dict(sub.source.table, campaign)
        out["records"] = records_list(sub)
        day, source = (sub.source.facts.ngay, "thong_tin") if sub.source.facts.ngay else (uploaded, "tep")
        if day is not None:
            out["report_date"], out["date_source"] = day.isoformat(), source
    return out


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return ngay_ngan(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def table_dict(table: RawTable, campaign: Campaign) -> dict:
    """Return the form's table as read: column headers, then each row's cells with their locations.

    A cell is {"text", "location"}; `location` is the same text a problem's location
    carries, so a page finds the cells to mark by comparing the two.
    """
    rows = []
    for row in table.rows:
        level = campaign.level_of_group(row.group, row.group_label)
        group = level.title if level is not None else ""
        cells = {key: {"text": _text(cell.value), "location": str(cell.location)} for key, cell in row.cells.items()}
        rows.append({"label": row.location.cell or "", "location": str(row.location), "group": group,
                     "cells": cells})
    return {
        "source": str(table.source),
        "columns": [{"key": c.key, "group": c.group, "header": c.header} for c in campaign.columns],
        "rows": rows,
    }


def records_list(sub: Submission) -> list[dict]:
    """Return each record's unit and what it has, for lists per unit (which communes a district's file covers)."""
    return [
        {"unit_code": r.unit.code if r.unit else "", "unit": r.unit.full_name if r.unit else r.unit_text,
         "has_page": r.has_page, "page_name": r.page_name, "leader": r.leader.assigned,
         "operator": r.operator.assigned}
        for r in sub.records
    ]


def form_upload(path: Path, campaign: Campaign, uploaded: dt.date | None = None) -> dict:
    """Return `check_upload` of one file of a campaign with its own form (`[bieu_mau]`).

    "kiem_tra" is `kiem-tra --json` of this file (its "figures" the campaign's own: key, title, text);
    "table" holds the columns Đơn vị and the form's, each row's cells with their locations as problems name them.
    """
    from docgen.jobs.form_jobs import check_files

    result = check_files([path], campaign)
    out = {"kiem_tra": result.to_dict(), "table": None, "report_date": None, "date_source": "", "records": []}
    if not result.submissions:
        return out
    sub = result.submissions[0]
    levels = {lv.depth: lv.title for lv in campaign.levels}
    columns = [{"key": "don_vi", "group": "", "header": "Đơn vị"}] + [
        {"key": c.key, "group": c.group, "header": c.header} for c in campaign.form.columns]
    rows = []
    for row in sub.rows:
        where = row.location
        cells = {key: {"text": row.texts.get(key, _text(row.raw.get(key))) if key != "don_vi" else row.unit_text,
                       "location": str(Location(where.file, where.sheet, cell))}
                 for key, cell in row.cells.items()}
        line = f"dòng {where.cell}"
        rows.append({"label": line, "location": str(Location(where.file, where.sheet, line)),
                     "group": levels.get(row.unit.level, "") if row.unit is not None else "", "cells": cells})
    out["table"] = {"source": sub.path, "columns": columns, "rows": rows}
    out["records"] = [{"unit_code": r.unit.code if r.unit else "", "unit": r.name} for r in sub.rows]
    day, source = (sub.facts.ngay, "thong_tin") if sub.facts.ngay else (uploaded, "tep")
    if day is not None:
        out["report_date"], out["date_source"] = day.isoformat(), source
    return out
