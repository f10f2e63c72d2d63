"""The province's dashboard: the newest checked version of every unit, `api.tien_do`'s statuses, a chart.

Reads only the versions' stored columns (never the files), so the national list of
3,321 communes costs what the 10 districts of a province cost, plus the rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from docgen import api
from docgen.web.store import Store

# Status codes as `api.tien_do` gives them (Status.value), with the words and badge a page shows.
STATUS_VIEW = {
    "chua_nop": ("Chưa nộp", "nhan-loi"),
    "tre_han": ("Trễ hạn", "nhan-tre"),
    "khong_ro_ngay": ("Đã nộp, không rõ ngày", "nhan-canh-bao"),
    "dung_han": ("Đúng hạn", "nhan-tot"),
}
OPEN_ERRORS = "con_loi"
FILTERS = {"": "Tất cả", "chua_nop": "Chưa nộp", "tre_han": "Trễ hạn", OPEN_ERRORS: "Còn lỗi",
           "dung_han": "Đúng hạn", "khong_ro_ngay": "Không rõ ngày"}
SORTS = {"thu-tu": "Thứ tự danh mục", "trang-thai": "Trạng thái (chưa nộp trước)", "ngay": "Ngày nộp (mới trước)",
         "loi": "Số lỗi (nhiều trước)"}
_STATUS_ORDER = {"chua_nop": 0, "tre_han": 1, "khong_ro_ngay": 2, "dung_han": 3}
CHART_COLOURS = {"dung_han": "#1e6b34", "tre_han": "#c26a00", "khong_ro_ngay": "#d29922", "chua_nop": "#b3261e"}


@dataclass
class Board:
    rows: list[dict]
    shown: list[dict]
    totals: list
    counts: dict[str, int]
    open_errors: int
    chart: list[dict]
    groups: list[dict]
    newest_ids: list[int]
    matching: int = 0       # rows that pass the filter (`shown` is one page of them)
    page: int = 1
    pages: int = 1
    first: int = 0          # index of the page's first row among the matching ones


def newest_versions(store: Store, campaign_id: str) -> dict[str, dict]:
    """Return, per unit code, its newest checked version (columns only) with the number of its versions."""
    with store.connect() as db:
        rows = db.execute(
            "SELECT v.id, v.unit_code, v.uploaded_at, v.usable, v.errors, v.warnings, v.report_date, v.date_source,"
            " v.figures, v.file_unit, n.total, n.waiting FROM (SELECT unit_code, max(CASE WHEN state = 'xong' THEN id END) AS id,"
            " count(*) AS total, sum(state = 'cho') AS waiting FROM versions WHERE campaign_id = ?"
            " GROUP BY unit_code) n LEFT JOIN versions v ON v.id = n.id",
            (campaign_id,),
        ).fetchall()
    out = {}
    for r in rows:
        item = dict(r)
        item["figures"] = json.loads(item["figures"]) if item["figures"] else []
        out[r["unit_code"] if r["unit_code"] else ""] = item
    return out


def _stamp(store: Store, campaign_id: str) -> tuple:
    """Return what changes whenever a version of the campaign is added or checked."""
    with store.connect() as db:
        return tuple(db.execute("SELECT max(id), count(*), sum(state = 'xong') FROM versions WHERE campaign_id = ?",
                                (campaign_id,)).fetchone())


def _all_rows(store: Store, campaign: dict) -> tuple[list[dict], list, list[int]]:
    """Return (rows in official order, totals, ids of the newest checked versions), cached until a version changes."""
    key = (str(store.db_path), campaign["id"], campaign["source"])
    stamp = _stamp(store, campaign["id"])
    kept = _CACHE.get(key)
    if kept is not None and kept[0] == stamp:
        return kept[1]
    counts_of = newest_versions(store, campaign["id"])
    newest = {code: v for code, v in counts_of.items() if v["id"] is not None}
    state = api.tien_do(campaign["source"], newest)
    with store.connect() as db:
        names = dict(db.execute("SELECT code, name FROM units WHERE campaign_id = ?", (campaign["id"],)).fetchall())
    rows = []
    for r in state.rows:
        v, seen = newest.get(r.code), counts_of.get(r.code, {"total": 0, "waiting": 0})
        status = r.status.value
        rows.append({
            "code": r.code, "name": r.name, "group": r.group, "status": status,
            "status_text": STATUS_VIEW[status][0], "badge": STATUS_VIEW[status][1],
            "date": r.date, "from_file_date": r.from_file_date, "days_late": r.days_late,
            "errors": r.errors if status != "chua_nop" else 0, "broken": bool(v and not v["usable"]),
            "versions": seen["total"], "waiting": seen["waiting"],
            "uploaded_at": v["uploaded_at"] if v else None, "version_id": v["id"] if v else None,
            "figures": r.figures, "other_unit": _other_unit(v, r.code, names),
        })
    value = (rows, list(state.totals), sorted(v["id"] for v in newest.values()))
    _CACHE[key] = (stamp, value)
    return value


def _other_unit(version: dict | None, code: str, names: dict[str, str]) -> str:
    """Return the name of the unit the file itself reports for when it is not the unit it was uploaded for
    (a district sent another district's file: its figures are not this unit's), else ""."""
    named = (version or {}).get("file_unit") or ""
    return names.get(named, named) if named and named != code else ""


_CACHE: dict[tuple, tuple] = {}
PAGE_SIZE = 250


def build(store: Store, campaign: dict, status_filter: str = "", sort: str = "thu-tu", page: int = 1) -> Board:
    """Return the dashboard of a campaign row (from registry), filtered, sorted and cut to `page` as asked."""
    rows, totals, newest_ids = _all_rows(store, campaign)
    counts = {code: sum(1 for r in rows if r["status"] == code) for code in STATUS_VIEW}
    open_errors = sum(1 for r in rows if r["errors"] or r["other_unit"])
    chosen = [r for r in rows if not status_filter or r["status"] == status_filter
              or (status_filter == OPEN_ERRORS and (r["errors"] or r["other_unit"]))]
    chosen = _sorted(chosen, sort)
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    page = min(max(1, page), pages)
    first = (page - 1) * PAGE_SIZE
    return Board(rows, chosen[first:first + PAGE_SIZE], totals, counts, open_errors, _chart(counts, len(rows)),
                 _bars(rows), newest_ids, len(chosen), page, pages, first)


def _sorted(rows: list[dict], sort: str) -> list[dict]:
    if sort == "trang-thai":
        return sorted(rows, key=lambda r: (_STATUS_ORDER[r["status"]], -r["errors"]))
    if sort == "ngay":
        return sorted(rows, key=lambda r: r["uploaded_at"] or "", reverse=True)
    if sort == "loi":
        return sorted(rows, key=lambda r: -r["errors"])
    return rows


def _chart(counts: dict[str, int], total: int) -> list[dict]:
    """Return the stacked bar's segments: x and width in percent of the bar, colour, label."""
    out, x = [], 0.0
    for code in ("dung_han", "tre_han", "khong_ro_ngay", "chua_nop"):
        n = counts.get(code, 0)
        width = 100.0 * n / total if total else 0.0
        out.append({"code": code, "n": n, "x": round(x, 3), "width": round(width, 3), "colour": CHART_COLOURS[code],
                    "label": STATUS_VIEW[code][0]})
        x += width
    return out


def _bars(rows: list[dict]) -> list[dict]:
    """Return one bar per unit group: a district's units below it that have a page (three levels, from its file),
    or per group of reporters (the units reported of each district); [] when there is a single group of one level."""
    if rows and len(rows[0]["figures"]) > 1:
        out = []
        for r in rows:
            low = r["figures"][-1]
            out.append({"name": r["name"], "done": low.with_page, "total": low.expected,
                        "what": f"{low.title.lower()} có Trang"})
        return out
    groups: dict[str, dict] = {}
    for r in rows:
        g = groups.setdefault(r["group"], {"name": r["group"], "done": 0, "total": 0, "what": "đơn vị đã nộp"})
        g["total"] += 1
        g["done"] += r["status"] != "chua_nop"
    return list(groups.values()) if len(groups) > 1 else []
