"""What the result page shows, drawn from a version's stored check (`api.kiem_tra_tep`'s JSON).

Problems are grouped by the row of the table they sit in (problems of the whole
sheet or file first); the table's cells carry the problems found on them, so the
page can mark them and link each problem to its cell.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from docgen import api

# The LevelFigures fields a page list's result shows, per level; their titles are the campaign's (`figure_columns`).
FIGURE_FIELDS = ("expected", "present", "with_page", "on_pattern", "with_leader", "with_operator", "with_both")


def figure_columns(titles: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Return (field, column title) of each figure column from the campaign's titles (`api.ten_so_lieu`: its
    figures' «ten», the same words as tong-hop.xlsx), each title starting with a capital.

    >>> figure_columns({"expected": "dự kiến", "present": "có trong danh sách", "with_page": "có Trang"})[:3]
    (('expected', 'Dự kiến'), ('present', 'Có trong danh sách'), ('with_page', 'Có Trang'))
    """
    return tuple((field, (t := titles.get(field, field))[:1].upper() + t[1:]) for field in FIGURE_FIELDS)


@dataclass
class ProblemGroup:
    title: str
    anchor: str
    problems: list[dict] = field(default_factory=list)


@dataclass
class ResultView:
    """A checked version as the page shows it."""

    usable: bool
    unusable_message: str
    file: dict | None
    groups: list[ProblemGroup]
    columns: list[dict]
    rows: list[dict]
    figures: list[dict]
    file_unit: dict | None

    @property
    def own_figures(self) -> bool:
        """True when the figures are a campaign form's own (one value each), not a page list's counts per level."""
        return bool(self.file) and any("text" in f for f in self.file["figures"])

    @property
    def errors(self) -> int:
        return self.file["errors"] if self.file else 0

    @property
    def normalised(self) -> bool:
        """True when docgen normalised a value (so a normalised copy of the file exists)."""
        return any(p.get("normalised") for p in (self.file or {}).get("problems", ()))

    @property
    def warnings(self) -> int:
        return self.file["warnings"] if self.file else 0

    @property
    def said_where(self) -> str:
        """Return where the report says the problems, in the words `docgen bao-cao` prints (`where_said`);
        what it does not list (a campaign form's problems, values put right) is in the marked file."""
        problems = (self.file or {}).get("problems", ())
        if not problems:
            return ""
        fixed = sum(1 for p in problems if p.get("normalised"))
        said = api.where_said(len(problems), fixed, listed=not self.own_figures)
        if said and fixed < len(problems):
            return said
        return "; ".join(s for s in (said or "báo cáo không ghi các lỗi này", "xem trong «Tệp đã đánh dấu lỗi»") if s)


def cell_anchor(location: str) -> str:
    """Return an HTML id for a cell location ("a.xlsx › Phụ lục › C13" → "o-c13").

    >>> cell_anchor("a.xlsx › Phụ lục › C13"), cell_anchor("b.docx › Bảng 1 › dòng 4, cột 2")
    ('o-c13', 'o-dong-4-cot-2')
    """
    last = location.rsplit("›", 1)[-1].strip().lower()
    for a, b in (("ò", "o"), ("ộ", "o")):
        last = last.replace(a, b)
    return "o-" + "-".join("".join(ch if ch.isalnum() and ch.isascii() else " " for ch in last).split())


def build(result_json: str) -> ResultView:
    """Return the `ResultView` of a stored check result."""
    result = json.loads(result_json)
    report = result["kiem_tra"]
    if not report["files"]:
        bad = report["unusable"][0] if report["unusable"] else {"message": "Không đọc được tệp."}
        return ResultView(False, bad["message"], None, [], [], [], [], None)
    file = report["files"][0]
    table = result.get("table") or {"columns": [], "rows": []}
    by_location: dict[str, list[dict]] = {}
    for problem in file["problems"]:
        by_location.setdefault(problem["location"], []).append(problem)
    rows, groups, placed = [], [], set()
    general = ProblemGroup("Chung cho cả tệp", "van-de-chung")
    for row in table["rows"]:
        group = ProblemGroup(f"{row['label'].capitalize()} — {_unit_text(row)}", cell_anchor(row["location"]))
        cells = []
        for column in table["columns"]:
            cell = row["cells"].get(column["key"])
            found = by_location.get(cell["location"], []) if cell else []
            for p in found:
                group.problems.append({**p, "anchor": cell_anchor(cell["location"])})
                placed.add(id(p))
            cells.append({"text": cell["text"] if cell else "", "anchor": cell_anchor(cell["location"]) if cell else "",
                          "mark": _mark(found), "notes": " | ".join(f"{p['rule']}: {p['message']}" for p in found)})
        for p in by_location.get(row["location"], []):
            group.problems.append({**p, "anchor": group.anchor})
            placed.add(id(p))
        rows.append({"label": row["label"].capitalize(), "group": row["group"], "anchor": group.anchor, "cells": cells})
        if group.problems:
            groups.append(group)
    general.problems = [{**p, "anchor": "phu-luc"} for p in file["problems"] if id(p) not in placed]
    if general.problems:
        groups.insert(0, general)
    # A page list's figures are counts per level (FIGURE_FIELDS); a campaign with its own form has its own,
    # each a title and its text ("Kinh phí vận động (đồng)": "102.000.000").
    figures = [{"title": f["title"], "values": [f["text"]] if "text" in f else [f[k] for k in FIGURE_FIELDS]}
               for f in file["figures"]]
    return ResultView(True, "", file, groups, table["columns"], rows, figures, file.get("reporting_unit"))


def _unit_text(row: dict) -> str:
    cell = row["cells"].get("don_vi")
    return cell["text"] if cell and cell["text"] else "(không ghi đơn vị)"


def _mark(found: list[dict]) -> str:
    if not found:
        return ""
    if any(p["severity"] == "loi" for p in found):
        return "loi"
    return "da-sua" if all(p.get("normalised") for p in found) else "canh-bao"
