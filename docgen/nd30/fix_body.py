"""Fixes of Kính gửi (KG-*), the body (BD-*), the signature (SG-*), Nơi nhận (NN-*) and appendices (PL-*)."""

from __future__ import annotations

from collections import Counter

from docgen.nd30.check_body import (KG_INDENT_MM, KG_ITEMS_MM, _adjacent, _line_spacing, _x, at_margin, bases_of,
                                    first_indent, spread, running_text, signature_lines)
from docgen.nd30.describe import TOL_MM, align, main_size, norm, num, sizes
from docgen.nd30.fix_tools import (FixLog, conform, current_text, format_paragraph, own_paragraph, set_size, set_text,
                                   single_spacing)
from docgen.nd30.kinds import AUTHORITY_LIKE
from docgen.nd30.layout import Parts
from docgen.nd30.roles import (AUTHORITY, KINH_GUI, LEGAL_BASIS, NN_ITEM, NOI_NHAN, PL_LABEL, PL_REFERENCE,
                               PL_TITLE, SIGN_TITLE, SIGNER, TELEGRAM_TO)
from docgen.nd30.typography import (appendix_label, authority_line, dash_item, end_mark, end_with, kinh_gui,
                                    luu_line, reference_line)
from docgen.ooxml import Length, Pt
from docgen.ooxml.edit import insert_paragraph_after, own_runs, set_paragraph_format, set_run_format
from docgen.ooxml.text import Paragraph, Table


def fix_body(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix Kính gửi and body rules that were found."""
    _kinh_gui(parts, found, log)
    _body(parts, found, log)


def _kinh_gui(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    kg = lay.kinh_gui or lay.telegram  # a công điện's recipients follow its "… điện:" line
    if kg is None:
        return
    if found & {"KG-02", "KG-03"} and kg is lay.kinh_gui:
        set_text(kg, kinh_gui(current_text(kg)), _first(found, "KG-02", "KG-03"), log)
    if "KG-02" in found:
        for p in [kg] + lay.recipients if kg is lay.kinh_gui else lay.recipients:
            conform(p, KINH_GUI if kg is lay.kinh_gui else TELEGRAM_TO, log)
    last = len(lay.recipients) - 1
    if "KG-04" in found:
        for i, p in enumerate(lay.recipients):
            set_text(p, dash_item(current_text(p), "." if i == last else ";"), "KG-04", log)
    if "KG-05" not in found:
        return
    if kg is lay.kinh_gui and at_margin(kg):
        _kinh_gui_place(lay, log)
    elif lay.recipients:
        target = max([_x(p) for p in lay.recipients]
                     + ([_x(kg)] if align(kg) != "center" and kg is lay.kinh_gui else []))
        for p in lay.recipients:
            if (abs(_x(p) - target) > 0.5 or abs(p.format.first_line.mm) > 0.1) and own_paragraph(p, "KG-05", log) \
                    and format_paragraph(p, "KG-05", log, left=_mm(target), first_line=Length(0)):
                log.add("KG-05", p, f"gạch đầu dòng ở {num(target)} mm")


def _mm(value: float) -> Length:
    return Length(int(value * 36000))


def _kinh_gui_place(lay, log: FixLog) -> None:
    """Put "Kính gửi" at ô 9a as PL III Mẫu 1.5 does: centred with its one recipient, else indented with its list."""
    kg = lay.kinh_gui
    if not lay.recipients:
        if format_paragraph(kg, "KG-05", log, align="center", left=Length(0), first_line=Length(0)):
            log.add("KG-05", kg, "căn giữa dòng «Kính gửi:»")
        return
    if not all(own_paragraph(p, "KG-05", log) for p in [kg] + lay.recipients):
        return  # "Kính gửi:" and its list typed with Shift+Enter: split first, placed in the next round
    if format_paragraph(kg, "KG-05", log, align="left", left=Length(0), first_line=_mm(KG_INDENT_MM)):
        log.add("KG-05", kg, f"«Kính gửi:» lùi {num(KG_INDENT_MM / 10)} cm")
    for p in lay.recipients:
        if format_paragraph(p, "KG-05", log, align="left", left=_mm(KG_ITEMS_MM), first_line=Length(0)):
            log.add("KG-05", p, f"gạch đầu dòng ở {num(KG_ITEMS_MM)} mm")


def _first(found: set[str], *rules: str) -> str:
    return next(r for r in rules if r in found)


def _body(parts: Parts, found: set[str], log: FixLog) -> None:
    body = parts.layout.body
    if not body:
        return
    if "BD-01" in found:
        common = Counter(main_size(p) for p in body if main_size(p)).most_common(1)
        size = min(max(common[0][0], 13.0), 14.0) if common else 14.0
        for p in body:
            if any(abs(s - size) > 0.01 for s in sizes(p)):
                set_size(p, size, "BD-01", log)
    indent = _usual_indent(body)
    for prev, p in zip([None] + body, body):
        if norm(p.text) == "./.":
            continue
        if running_text(parts.layout, p):
            if "BD-02" in found and align(p) != "both" and format_paragraph(p, "BD-02", log, align="both"):
                log.add("BD-02", p, "căn đều hai bên")
            first = first_indent(p)
            if "BD-03" in found and not any(abs(first - v) <= TOL_MM for v in (10.0, 12.7)) \
                    and format_paragraph(p, "BD-03", log, first_line=_mm(indent)):
                log.add("BD-03", p, f"thụt đầu dòng {_cm(first)} → {_cm(indent)}")
        if "BD-04" in found and prev is not None and _adjacent(parts.layout, prev, p):
            gap = prev.format.space_after.pt + p.format.space_before.pt
            if gap < 6 - 0.15 and format_paragraph(p, "BD-04", log, before=Pt(6 - prev.format.space_after.pt)):
                log.add("BD-04", p, f"cách đoạn trước {num(gap)} pt → 6 pt")
        if "BD-05" in found and _line_spacing(p):
            _line(p, log)
    if "BD-06" in found:
        bases = bases_of(parts.layout)
        for i, p in enumerate(bases):
            conform(p, LEGAL_BASIS, log)
            set_text(p, end_with(current_text(p), "." if i == len(bases) - 1 else ";"), "BD-06", log)
    if "BD-08" in found:
        set_text(body[-1], end_mark(current_text(body[-1])), "BD-08", log)


def _cm(length_mm: float) -> str:
    """Return a length in cm the Vietnamese way, to the hundredth ("1,27 cm").

    >>> _cm(12.7), _cm(10.0), _cm(0)
    ('1,27 cm', '1 cm', '0 cm')
    """
    return f"{length_mm / 10:.2f}".rstrip("0").rstrip(".").replace(".", ",") + " cm"


def _usual_indent(body: list[Paragraph]) -> float:
    """Return the first-line indent (mm) most body paragraphs already use: 10 or 12.7."""
    ones = sum(1 for p in body if abs(p.format.first_line.mm - 10.0) <= TOL_MM)
    other = sum(1 for p in body if abs(p.format.first_line.mm - 12.7) <= TOL_MM)
    return 10.0 if ones > other else 12.7


def _line(p: Paragraph, log: FixLog) -> None:
    f = p.format
    if f.line_rule == "auto":
        new = min(max(f.line, 1.0), 1.5)
        if format_paragraph(p, "BD-05", log, line=new):
            log.add("BD-05", p, f"giãn dòng {num(f.line)} → {num(new)} dòng")
        return
    size = main_size(p) or 13
    lo, hi = size * 1.15, size * 1.73
    new = min(max(f.line.pt, lo), hi) if f.line_rule == "exact" else min(f.line.pt, hi)
    if format_paragraph(p, "BD-05", log, line=Pt(round(new, 1)), line_rule=f.line_rule):
        log.add("BD-05", p, f"giãn dòng {num(f.line.pt)} pt → {num(round(new, 1))} pt")


# ---- closing: signature and Nơi nhận

def fix_closing(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix the signature lines (SG-02, SG-04, SG-06) and Nơi nhận (NN-01, NN-02, NN-04) that were found."""
    lay = parts.layout
    sig = lay.signature
    if lay.closing is not None and len(sig) >= 2:
        lines, name = signature_lines(lay)
        if "SG-04" in found and len(lines) > 1 and spread(lines):
            for k, p in enumerate(lines):
                single_spacing(p, "SG-04", log, before=k > 0, after=k < len(lines) - 1)
        for p in lines:
            if AUTHORITY_LIKE.match(norm(p.text)):
                if "SG-02" in found:
                    set_text(p, authority_line(current_text(p)), "SG-02", log)
                    conform(p, AUTHORITY, log)
            elif "SG-04" in found:
                conform(p, SIGN_TITLE, log)
        if name is not None and "SG-06" in found:
            conform(name, SIGNER, log)
    _recipients(parts, found, log)


def _recipients(parts: Parts, found: set[str], log: FixLog) -> None:
    lay = parts.layout
    nn = lay.noi_nhan
    if nn is None:
        return
    if "NN-01" in found:
        t = current_text(nn)
        if norm(t).rstrip(":. ").casefold() == "nơi nhận":
            set_text(nn, "Nơi nhận:", "NN-01", log)
        conform(nn, NOI_NHAN, log)
        if (abs(nn.format.left.mm) > 0.2 or abs(nn.format.first_line.mm) > 0.2 or align(nn) in ("center", "right")) \
                and format_paragraph(nn, "NN-01", log, left=Length(0), first_line=Length(0),
                                     align="left" if align(nn) in ("center", "right") else None):
            log.add("NN-01", nn, "sát lề trái")
    items = lay.nn_items
    if "NN-02" in found and items and spread([nn] + items):
        for k, p in enumerate([nn] + items):
            single_spacing(p, "NN-02", log, before=k > 0, after=k < len(items))
    for i, p in enumerate(items):
        t = current_text(p)
        last = i == len(items) - 1
        if last and "NN-04" in found and luu_line(t) != t:
            set_text(p, luu_line(t), "NN-04", log)
        elif "NN-02" in found and (not last or not norm(t).startswith("- ")):
            end = ";" if not last else (t.rstrip()[-1:] if t.rstrip()[-1:] in ";." else "")
            set_text(p, dash_item(t, end), "NN-02", log)
        if "NN-02" in found:
            conform(p, NN_ITEM, log)


# ---- appendices

def fix_appendices(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix the appendix label, title and reference lines and the end mark (PL-02, PL-03, PL-04, PL-11)."""
    apps = parts.layout.appendices
    for app in apps:
        if "PL-02" in found:
            set_text(app.label, appendix_label(current_text(app.label), roman=len(apps) >= 2), "PL-02", log)
            conform(app.label, PL_LABEL, log)
        if "PL-03" in found:
            for p in app.titles:
                conform(p, PL_TITLE, log)
        if "PL-04" in found and app.reference is not None:
            set_text(app.reference, reference_line(current_text(app.reference)), "PL-04", log)
            conform(app.reference, PL_REFERENCE, log)
        if "PL-11" in found:
            _end_mark(app, log)


def _end_mark(app, log: FixLog) -> None:
    last = next((b for b in reversed(app.blocks) if isinstance(b, Table) or b.text.strip()), None)
    if isinstance(last, Table):
        p = insert_paragraph_after(last.element, "./.")
        set_paragraph_format(p, align="left")
        set_run_format(own_runs(p)[0], size=Pt(14))
        log.add("PL-11", app.label, "thêm «./.» sau bảng cuối phụ lục", "", "./.")
    elif last is not None:
        set_text(last, end_mark(current_text(last)), "PL-11", log)
