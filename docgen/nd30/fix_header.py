"""Fixes of the header block: agency (AG-*), Quốc hiệu and Tiêu ngữ (QH-*, TN-*), number (SO-*, DR-01),
place and date (DT-*), V/v (VV-*), type name and trích yếu (TL-01…TL-03), and the lines under them (AG-06,
TN-04, TL-04, LN-01, LN-02)."""

from __future__ import annotations

from docgen.nd30.check_header import _blank_between, _gap
from docgen.nd30.describe import all_bold, main_size, norm, num, off_centre, text_runs
from docgen.nd30.fix_tools import (FixLog, centre, conform, current_text, drop_line, format_paragraph, format_runs,
                                   own_paragraph, set_text, single_spacing)
from docgen.nd30.layout import Parts
from docgen.nd30.lines import line_under
from docgen.nd30.metrics import text_width_mm
from docgen.nd30.roles import (DATE, ISSUER, QUOC_HIEU, SUMMARY, SUPERVISING, TIEU_NGU, TYPE_NAME, VV, Role)
from docgen.nd30.typography import QH_TEXT, TN_TEXT, date_line, fixed_string, number_line, pad_dates, vv_line
from docgen.ooxml import Length, Pt
from docgen.ooxml.edit import (cell_width, drop, insert_line_after, remove_paragraph, set_border_indents,
                               set_column_widths)
from docgen.ooxml.text import Paragraph

NUMBER_LINE = Role("SO-04", (13, 13), bold=False)  # the whole "Số: …" line: 13, upright, not bold
CELL_PADDING_MM = 3.8  # Word's default cell margins, 0.19 cm each side
QH_NEEDS_MM = {12: 93.0, 13: 100.0}  # QH-04: right column that keeps the Quốc hiệu on one line
OVERHANG_MM = 3.5  # ND30's model header tables reach this far into the left margin (tblInd −199)


def fix_header(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix the header block's text, formatting and spacing rules that were found."""
    if parts.layout.tabbed:
        return  # typed with tabs: made a table first (LY-01), fixed in the next round
    _agency(parts, found, log)
    _national(parts, found, log)
    _number(parts, found, log)
    _date(parts, found, log)
    _vv(parts, found, log)
    _title(parts, found, log)


def _agency(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    if lay.issuer is None:
        return
    size = ISSUER.target_size(main_size(lay.issuer))
    if "AG-03" in found or "AG-07" in found:
        for p in lay.supervising:
            conform(p, SUPERVISING, log, size=size if "AG-07" in found else None,
                    rule="AG-03" if "AG-03" in found else "AG-07")
    if "AG-04" in found:
        conform(lay.issuer, ISSUER, log)
    if "AG-05" in found:
        agency = lay.supervising + [lay.issuer]
        for i, p in enumerate(agency):
            single_spacing(p, "AG-05", log, before=i > 0, after=i < len(agency) - 1)
        if lay.supervising and _blank_between(lay.left, lay.supervising[0], lay.issuer):
            _drop_blanks(lay.left, lay.supervising[0], lay.issuer, "AG-05", log)


def _drop_blanks(paras: list[Paragraph], a: Paragraph, b: Paragraph, rule: str, log: FixLog) -> None:
    i = next(k for k, p in enumerate(paras) if p.same(a))
    j = next(k for k, p in enumerate(paras) if p.same(b))
    for p in paras[i + 1:j]:
        if p.text.strip():
            continue
        if p.line is not None:  # an empty line typed with Shift+Enter: the break goes
            drop_line(p, rule, log)
        elif remove_paragraph(p.element):
            log.add(rule, b, "bỏ dòng trống")


def _pair_sizes(parts: Parts) -> tuple[float, float]:
    """Return the Quốc hiệu and Tiêu ngữ sizes: 13/14, or 12/13 when the right column is too narrow for 13."""
    qh = parts.layout.qh
    col = qh.place.get("width")
    size = QUOC_HIEU.target_size(main_size(qh)) or 13
    if col is not None and col.mm < QH_NEEDS_MM[13] - 0.5:
        size = 12
    return size, size + 1


def _national(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    qh, tn = lay.qh, lay.tn
    if qh is None:
        return
    if found & {"QH-01", "QH-02"}:
        set_text(qh, fixed_string(current_text(qh), QH_TEXT), "QH-02" if "QH-02" in found else "QH-01", log)
    q_size, t_size = _pair_sizes(parts)
    if found & {"QH-01", "QH-04", "TN-05"}:
        conform(qh, QUOC_HIEU, log, size=q_size, rule=_first(found, "QH-01", "QH-04", "TN-05"))
    if "QH-04" in found:
        _widen(parts, q_size, log)
    if tn is None:
        return
    if "TN-02" in found:
        set_text(tn, fixed_string(current_text(tn), TN_TEXT), "TN-02", log)
    if found & {"TN-01", "TN-05", "QH-04"}:
        conform(tn, TIEU_NGU, log, size=t_size, rule=_first(found, "TN-01", "TN-05", "QH-04"))
    if "TN-03" in found:
        single_spacing(qh, "TN-03", log, before=False)
        single_spacing(tn, "TN-03", log, after=False)
        if _blank_between(lay.right, qh, tn):
            _drop_blanks(lay.right, qh, tn, "TN-03", log)


def _widen(parts: Parts, q_size: float, log: FixLog) -> None:
    """Widen the header table's right column so the Quốc hiệu fits on one line (QH-04), keeping the table's width."""
    lay = parts.layout
    col = lay.qh.place.get("width")
    need = QH_NEEDS_MM[int(q_size)] + 1
    if lay.header is None or col is None or col.mm >= need - 1.5:
        return
    widths = [c.width for c in lay.header.rows[0]] if lay.header.rows else []
    if len(widths) != 2 or None in widths:
        return
    total = widths[0].mm + widths[1].mm
    room = _text_width_after_fixes(parts)
    if room is not None:
        total = min(total, room + OVERHANG_MM)
    if total - need < 55:  # the agency names need their column too: a person decides
        return
    set_column_widths(lay.header.element, [Length(int((total - need) * 36000)), Length(int(need * 36000))])
    log.add("QH-04", lay.qh, f"cột phải {num(col.mm)} mm → {num(need)} mm")


def _text_width_after_fixes(parts: Parts) -> float | None:
    """Return the portrait A4 text width (mm) of the first section once its side margins are in range (PG-07, PG-08)."""
    s = parts.sections[0] if parts.sections else None
    if s is None or s.landscape:
        return None
    left = min(max(s.left.mm if s.left is not None else 30, 30), 35)
    right = min(max(s.right.mm if s.right is not None else 20, 15), 20)
    return 210 - left - right


def _number(parts: Parts, found: set[str], log: FixLog) -> None:
    so = parts.layout.so
    if so is None:
        return
    if found & {"SO-01", "SO-02", "SO-03", "SO-04", "DR-01"}:
        set_text(so, number_line(current_text(so)), _first(found, "SO-01", "SO-02", "SO-03", "SO-04", "DR-01"), log)
        conform(so, NUMBER_LINE, log)
    if "SO-07" in found:
        centre(so, "SO-07", log)


def _first(found: set[str], *rules: str) -> str:
    return next(r for r in rules if r in found)


def _date(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    d = lay.date
    if d is not None:
        if found & {"DT-02", "DT-03", "DT-04"}:
            set_text(d, date_line(current_text(d)), _first(found, "DT-04", "DT-03", "DT-02"), log)
        if "DT-02" in found:
            conform(d, DATE, log)
        if "DT-01" in found:
            centre(d, "DT-01", log)
    if "DT-04" in found:  # dates in an appendix's reference line
        for app in lay.appendices:
            if app.reference is not None:
                set_text(app.reference, pad_dates(current_text(app.reference)), "DT-04", log)


def _vv(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    v = lay.vv
    if v is None:
        return
    if "VV-01" in found:
        set_text(v, vv_line(current_text(v)), "VV-01", log)
        centre(v, "VV-01", log)
    if "VV-02" in found:
        conform(v, VV, log)
    if "VV-03" in found and lay.so is not None and _gap(lay.so, v) < 6 - 0.2 and own_paragraph(v, "VV-03", log) \
            and format_paragraph(v, "VV-03", log, before=Pt(max(6 - lay.so.format.space_after.pt, 0))):
        log.add("VV-03", v, "cách dòng «Số:» 6 pt")


def _title(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    t = lay.title
    if t is None or not lay.kind.typed:
        return
    if "TL-01" in found:
        for p in [t] + lay.summary:
            centre(p, "TL-01", log)
            if off_centre(p) and format_paragraph(p, "TL-01", log, left=Length(0), right=Length(0),
                                                  first_line=Length(0)):
                log.add("TL-01", p, "bỏ thụt lề (dòng căn giữa cả trang)")
    if "TL-02" in found:
        conform(t, TYPE_NAME, log)
    if "TL-03" in found:
        for p in lay.summary:
            conform(p, SUMMARY, log)


# ---- lines (AG-06, TN-04, TL-04, LN-01, LN-02)

def fix_lines(parts: Parts, found: set[str], log: FixLog) -> None:
    """Draw the missing lines under the issuing body, the Tiêu ngữ and the trích yếu, and set their length."""
    lay = parts.layout
    siblings = [p for p in lay.main_blocks if isinstance(p, Paragraph)]
    if lay.issuer is not None and not lay.tabbed:
        _line(parts, lay.issuer, lay.left, "AG-06", 5 / 12, found, log)
    if lay.tn is not None and not lay.tabbed:
        _motto_line(lay.tn, lay.right, found, log)
    if lay.kind.typed and lay.summary:
        _line(parts, lay.summary[-1], siblings, "TL-04", 5 / 12, found, log)


def _column(parts: Parts, p: Paragraph) -> tuple[float, float]:
    """Return (column width, padding) in mm of where `p` sits: its table cell (as now), or the page's text width."""
    width = cell_width(p.element) or p.place.get("width")
    if width is not None:
        return width.mm, CELL_PADDING_MM
    sec = next((s for s in parts.sections if s.index == p.place.get("section", 0)), None)
    if sec is not None and None not in (sec.page_width, sec.left, sec.right):
        return sec.page_width.mm - sec.left.mm - sec.right.mm, 0.0
    return 155.0, 0.0


def _indents(parts: Parts, p: Paragraph, ratio: float) -> tuple[Length, Length]:
    column, padding = _column(parts, p)
    text = min(text_width_mm(norm(p.text), main_size(p) or 13, all_bold(p)), column - padding)
    side = max((column - padding - ratio * text) / 2, 0)
    return Length(int(side * 36000)), Length(int(side * 36000))


def _line(parts: Parts, p: Paragraph, siblings: list[Paragraph], rule: str, ratio: float, found: set[str],
          log: FixLog) -> None:
    line = line_under(p, siblings)
    if line is None and rule in found:
        if p.line is not None and not p.last_line and not own_paragraph(p, rule, log):
            return  # a line under a line typed with Shift+Enter: the paragraph is split first
        insert_line_after(p.element, *_indents(parts, p, ratio), after=_room_below(p, siblings))
        log.add(rule, p, "thêm đường kẻ liền dưới dòng chữ")
    elif line is not None and line.form == "underscores" and "LN-01" in found and line.paragraph is not None:
        insert_line_after(line.paragraph.element, *_indents(parts, p, ratio))
        drop(line.paragraph.element)
        log.add("LN-01", p, "thay «____» bằng đường kẻ liền", norm(line.paragraph.text), "")
    elif line is not None and line.form == "border" and "LN-02" in found and line.paragraph is not None \
            and line.paragraph is not p:
        set_border_indents(line.paragraph.element, *_indents(parts, p, ratio))
        log.add("LN-02", p, "đặt lại độ dài đường kẻ")


def _room_below(p: Paragraph, siblings: list[Paragraph]) -> Length:
    """Return the space to leave under a new line so the next paragraph keeps 6 pt from it."""
    i = next((k for k, s in enumerate(siblings) if s.same(p)), None)
    nxt = siblings[i + 1] if i is not None and i + 1 < len(siblings) else None
    if nxt is None or "row" in nxt.place and nxt.place.get("col") != p.place.get("col"):
        return Length(0)
    return Pt(max(6 - nxt.format.space_before.pt, 0))


def _motto_line(tn: Paragraph, right: list[Paragraph], found: set[str], log: FixLog) -> None:
    line = line_under(tn, right, allow_underline=True)
    runs = text_runs(tn)
    if line is None and "TN-04" in found and runs:
        if format_runs(tn, runs, "TN-04", log, underline=True):
            log.add("TN-04", tn, "gạch chân dòng Tiêu ngữ")
    elif line is not None and line.form == "underline" and "LN-01" in found:
        set_text(tn, current_text(tn).strip(), "LN-01", log)
        spaces = [r for r in tn.runs if not r.text.strip() and r.format.underline]
        format_runs(tn, spaces, "LN-01", log, whole=False, underline=False)
    elif line is not None and line.form == "underscores" and "LN-01" in found and line.paragraph is not None:
        drop(line.paragraph.element)
        format_runs(tn, runs, "LN-01", log, underline=True)
        log.add("LN-01", tn, "thay «____» bằng gạch chân dòng Tiêu ngữ", norm(line.paragraph.text), "")

