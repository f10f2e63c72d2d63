"""The province's .xlsx summary: "Tổng hợp", "Danh sách Trang" and "Vấn đề" sheets.

Each sheet has a bold frozen header and an autofilter. Text is always written as
text: a page name like "=HYPERLINK(…)" or "+84 912…" is never a formula
(`docgen.xlsxcell`: data type "s" and Excel's quote prefix on anything that could start a formula).
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from docgen.aggregate.status import Status, Summary, UnitStatus
from docgen.checks.figures import DENOMINATOR, figure_titles
from docgen.records.model import Record, Severity, Submission
from docgen.xlsxcell import write_only

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
# Conditional colours of the "Tổng hợp" rows, by status label.
STATUS_FILLS = {
    Status.ON_TIME: "C6EFCE",   # green: done on time
    Status.LATE: "FFEB9C",      # amber: late
    Status.MISSING: "FFC7CE",   # red: not received
    Status.UNDATED: "E7E6E6",   # grey: received, date unknown
}
SEVERITY_LABEL = {Severity.ERROR: "Lỗi", Severity.WARNING: "Cảnh báo"}
# The LevelFigures fields of each level's columns; a ratio's column follows those with a denominator
# (checks.figures.DENOMINATOR). Titles are the campaign's: its figures' «ten», `[loi_van] xlsx_*`.
FIGURE_FIELDS = ("expected", "present", "with_page", "on_pattern", "with_both")


def figure_columns(campaign) -> tuple[tuple[str, str, str | None], ...]:
    """Return (field, title, denominator field or None) of each figure column, in the campaign's words."""
    titles = figure_titles(campaign)
    return tuple((field, titles.get(field, field), DENOMINATOR.get(field)) for field in FIGURE_FIELDS)


def cell(ws, value, **style):
    """Return `value` ready for `ws.append`: text stays text (never a formula), styled when asked (`xlsxcell`)."""
    return write_only(ws, value, **style)


def _table(ws, headers: list[str], widths: list[float], rows) -> int:
    """Append a bold header row and `rows` (lists of values or cells); freeze and filter; return rows written."""
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.append([cell(ws, text, font=BOLD, fill=HEADER_FILL, alignment=WRAP) for text in headers])
    n = 0
    for values in rows:
        ws.append([cell(ws, v) if not isinstance(v, Cell) else v for v in values])
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{n + 1}"
    return n


def _figure_headers(summary: Summary) -> list[str]:
    say, columns = summary.campaign.phrases.say, figure_columns(summary.campaign)
    of_words = {"expected": say("xlsx_don_vi")} | {field: title for field, title, _ in columns if field != "expected"}
    out = []
    for f in summary.totals:
        for _, label, of in columns:
            out.append(f"{f.title}: {label}")
            if of:
                out.append(f"{f.title}: {say('xlsx_ti_le', ten=label, mau_so=of_words[of])}")
    return out


def _figure_values(ws, figures, columns, **style) -> list:
    """Return the figure cells of one row: each count, and after some its share (a % cell)."""
    out = []
    for f in figures:
        for name, _, of in columns:
            out.append(cell(ws, getattr(f, name), **style) if style else getattr(f, name))
            if of:
                whole = getattr(f, of)
                out.append(cell(ws, getattr(f, name) / whole if whole else None, number_format="0.0%", **style))
    return out


def _unit_values(ws, i: int, row: UnitStatus, columns) -> list:
    problems = [p for s in row.submissions for p in (*(n for n in s.source.notes if n not in s.problems), *s.problems)]
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    files = "; ".join(Path(s.source.path).name for s in row.submissions)
    return [
        i, row.unit.official_code, row.unit.full_name, row.status.label,
        cell(ws, row.date, number_format="DD/MM/YYYY") if row.date else None, row.date_note,
        row.days_late or None, *_figure_values(ws, row.figures, columns), errors, len(problems) - errors, files,
    ]


def summary_sheet(ws, summary: Summary) -> None:
    """Fill "Tổng hợp": one row per expected unit, coloured by status, then the province totals."""
    fig = _figure_headers(summary)
    headers = ["TT", "Mã đơn vị", "Đơn vị", "Tình trạng", "Ngày báo cáo", "Ghi chú ngày", "Trễ (ngày)",
               *fig, "Số lỗi", "Số cảnh báo", "Tệp"]
    widths = [5, 9, 26, 14, 12, 16, 9, *[12] * len(fig), 8, 10, 30]
    columns = figure_columns(summary.campaign)
    n = _table(ws, headers, widths, (_unit_values(ws, i, r, columns) for i, r in enumerate(summary.rows, start=1)))
    area = f"A2:{get_column_letter(len(headers))}{n + 1}"
    for status, colour in STATUS_FILLS.items():
        rule = FormulaRule(formula=[f'$D2="{status.label}"'], fill=PatternFill("solid", bgColor=colour))
        ws.conditional_formatting.add(area, rule)
    ws.append([])
    ws.append([None, None, cell(ws, f"Toàn {summary.province.label}", font=BOLD),
               cell(ws, f"{summary.received}/{len(summary.rows)} đã nộp", font=BOLD), None, None, None,
               *_figure_values(ws, summary.totals, figure_columns(summary.campaign), font=BOLD)])


def _record_values(summary: Summary, sub: Submission, rec: Record, keys: list[str], note: str) -> list:
    level = summary.campaign.level_at(rec.unit.level) if rec.unit else None
    reporter = sub.reporting_unit.full_name if sub.reporting_unit else ""
    cells = rec.cells()
    return [reporter, level.title if level else "", rec.unit.official_code if rec.unit else "",
            *(cells.get(k, "") for k in keys), note, rec.platform, rec.location.file, rec.location.cell or ""]


def record_notes(summary: Summary, sub: Submission) -> list[str]:
    """Return, per record of `sub`, what the signed documents do with it, in the campaign's words
    (`[loi_van] xlsx_*`, `pl_o_*`): not counted (outside the list, written twice), not reported, no page
    yet, values not right — so the working list agrees with the summary's Phụ lục (issue 16)."""
    from docgen.checks.figures import says_nothing

    say, seen, out = summary.campaign.phrases.say, set(), []
    for rec in sub.records:
        parts = []
        if rec.unit is None or rec.unit not in sub.expected:
            parts.append(say("xlsx_ngoai_danh_muc"))
        elif rec.unit in seen:
            parts.append(say("xlsx_ghi_trung"))
        elif says_nothing(rec):
            parts.append(say("pl_o_chua_bao_cao"))
        elif not rec.has_page:
            note = "" if summary.campaign.no_page.says_nothing(rec.page_note) else rec.page_note
            parts.append(say("pl_o_chua_lap_ghi_chu", ghi_chu=note) if note else say("pl_o_chua_lap"))
        parts += [say("xlsx_chua_dung", cot=say(f"cot_{k}")) for k in rec.invalid if f"cot_{k}" in summary.campaign.phrases]
        if rec.unit is not None:
            seen.add(rec.unit)
        out.append("; ".join(parts))
    return out


def records_sheet(ws, summary: Summary) -> None:
    """Fill "Danh sách Trang": every record of every submission, in input order, in the campaign's columns."""
    columns = [c for c in summary.campaign.columns if c.key != "tt"]
    headers = ["Đơn vị báo cáo", "Cấp", "Mã đơn vị",
               *(f"{c.group}: {c.header[:1].lower()}{c.header[1:]}" if c.group else c.header for c in columns),
               summary.campaign.phrases.say("xlsx_ghi_chu"), "Nền tảng", "Tệp", "Ô"]
    widths = [22, 10, 9, *(max(c.width, 14) for c in columns), 30, 10, 24, 8]
    keys = [c.key for c in columns]
    rows = (_record_values(summary, s, rec, keys, note) for s in summary.submissions
            for rec, note in zip(s.records, record_notes(summary, s)))
    _table(ws, headers, widths, rows)


def _official_codes(summary: Summary) -> dict[str, str]:
    """Return each unit code a problem may carry → the code as the official list writes it ("3162" → "03162")."""
    units = [r.unit for r in summary.rows] + [u for s in summary.submissions for u in s.expected]
    units += [rec.unit for s in summary.submissions for rec in s.records if rec.unit is not None]
    return {u.code: u.official_code for u in units}


def problems_sheet(ws, summary: Summary) -> None:
    """Fill "Vấn đề": every problem found (the summary's TH-* first), with rule, severity, file and cell."""
    headers = ["Mức", "Mã quy tắc", "Mã đơn vị", "Tệp", "Bảng", "Ô", "Nội dung", "Cách sửa"]
    widths = [10, 10, 9, 26, 14, 8, 80, 40]
    codes = _official_codes(summary)
    rows = (
        [SEVERITY_LABEL[p.severity], p.rule, codes.get(p.unit_code, p.unit_code), p.location.file,
         p.location.sheet or "", p.location.cell or "", p.message, p.fix]
        for p in summary.all_problems
    )
    _table(ws, headers, widths, rows)


def workbook_bytes(summary: Summary) -> bytes:
    """Return the .xlsx summary of `summary` as bytes (the caller writes it atomically).

    The workbook is written in openpyxl's streaming mode: 10,000 records cost
    little memory.
    """
    wb = Workbook(write_only=True)
    summary_sheet(wb.create_sheet("Tổng hợp"), summary)
    records_sheet(wb.create_sheet("Danh sách Trang"), summary)
    problems_sheet(wb.create_sheet("Vấn đề"), summary)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
