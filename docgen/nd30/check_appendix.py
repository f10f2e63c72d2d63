"""Appendices (PL-01…PL-04, PL-11) and the blanks of a draft's reference line (DR-04)."""

from __future__ import annotations

import re

from docgen.nd30.describe import found, where
from docgen.nd30.kinds import PHU_LUC, date_phrase_ok, parse_number
from docgen.nd30.layout import Appendix, Layout, Parts, norm
from docgen.nd30.roles import PL_LABEL, PL_REFERENCE, PL_TITLE
from docgen.nd30.rules import Finding, finding
from docgen.ooxml.text import Paragraph, Table

LABEL = re.compile(r"^Phụ lục( [IVXLC]+)?$")
DRAFT_NUMBER = re.compile(r"số[\s.…]{2,}/|số\t/|số /")
DRAFT_DATE = re.compile(r"ngày[\s.…]{2,}tháng|ngày tháng")


def check_appendices(parts: Parts) -> list[Finding]:
    """Return PL-* and DR-04 findings for every appendix of the document."""
    lay = parts.layout
    out: list[Finding] = []
    apps = lay.appendices
    if not apps:
        return out
    if lay.kind != PHU_LUC and lay.body:
        mentioned = any("phụ lục" in norm(p.text).casefold() for p in lay.body)
        if not mentioned:
            out.append(finding("PL-01", where(apps[0].label), "văn bản chính không nhắc tới phụ lục"))
    if len(apps) >= 2:
        for app in apps:
            if not re.fullmatch(r"Phụ lục [IVXLC]+", norm(app.label.text), re.I):
                out.append(finding("PL-01", where(app.label), f"có {len(apps)} phụ lục nhưng dòng «{norm(app.label.text)}»"
                                   " không đánh số La Mã"))
    for app in apps:
        out += _one(app, lay)
    return out


def _one(app: Appendix, lay: Layout) -> list[Finding]:
    out = []
    label = app.label
    probs = PL_LABEL.problems(label)
    text = norm(label.text)
    if not LABEL.match(text) and not re.fullmatch(r"Phụ lục \d+", text):
        probs.insert(0, f"viết «{text}»")
    if probs:
        out.append(finding("PL-02", where(label), found(label, probs)))
    for p in app.titles:
        probs = PL_TITLE.problems(p)
        if probs:
            out.append(finding("PL-03", where(p), found(p, probs)))
    ref = app.reference
    if ref is None:
        out.append(finding("PL-04", where(label), "không có dòng «(Kèm theo …)»"))
    else:
        out += _reference(ref, app.reference_text, lay)
    last = _last_text(app.blocks)
    if isinstance(last, Table):
        out.append(finding("PL-11", where(label), "phụ lục kết thúc bằng bảng, không có «./.»"))
    elif last is not None and not norm(last.text).endswith("./."):
        out.append(finding("PL-11", where(last), "phụ lục không kết thúc bằng «./.»"))
    return out


def _reference(ref: Paragraph, text: str, lay: Layout) -> list[Finding]:
    out = []
    probs = PL_REFERENCE.problems(ref)
    if not (text.startswith("(") and text.endswith(")")):
        probs.insert(0, "thiếu dấu ngoặc đơn")
    if not all(w in text for w in ("số", "ngày", "của")):
        probs.insert(0, "thiếu số, ngày hoặc cơ quan ban hành")
    if probs:
        out.append(finding("PL-04", where(ref), found(ref, probs)))
    draft_no, draft_date = bool(DRAFT_NUMBER.search(text)), bool(DRAFT_DATE.search(text))
    if not draft_date and not date_phrase_ok(text):
        m = re.search(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}", text)
        out.append(finding("DT-04", where(ref), f"«{m.group(0) if m else text}»"))
    if draft_no != draft_date:
        out.append(finding("DR-04", where(ref), "số và ngày không cùng để trống"))
    main = parse_number(norm(lay.so.text)) if lay.so is not None else None
    if main is not None and main.draft != draft_no:
        out.append(finding("DR-04", where(ref), "dòng «Số:» " + ("để trống" if main.draft else "đã có số")
                           + " nhưng dòng «Kèm theo» " + ("để trống" if draft_no else "đã có số")))
    return out


def _last_text(blocks) -> Paragraph | Table | None:
    for b in reversed(blocks):
        if isinstance(b, Table) or b.text.strip():
            return b
    return None
