"""Header block of page 1: agency (AG-*), Quốc hiệu and Tiêu ngữ (QH-*, TN-*), number (SO-*),
date (DT-*), V/v (VV-*), type name and trích yếu (TL-*), drafts (DR-01, DR-02, DF-02)."""

from __future__ import annotations

import re

from docgen.nd30.describe import found, main_size, num, off_centre, problems, single_spaced, where
from docgen.nd30.kinds import (CONG_VAN, DATE_DRAFT, DATE_LOOSE, MIXED_CASE_CODES,
                               TYPE_NAMES, date_padding_ok, parse_number, symbol_type)
from docgen.nd30.layout import Layout, Parts, norm
from docgen.nd30.lines import check_line
from docgen.nd30.roles import (DATE, ISSUER, QUOC_HIEU, SO_WORD, SUMMARY, SUPERVISING, SYMBOL, TIEU_NGU,
                               TYPE_NAME, VV)
from docgen.nd30.rules import Finding, Level, finding
from docgen.ooxml.text import Paragraph

QH_TEXT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TN_TEXT = "Độc lập - Tự do - Hạnh phúc"
HEADER_WHERE = "bảng đầu văn bản"
UNDATED_HEADER = frozenset({"BB"})  # a biên bản says its date and time in its text (PL III Mẫu 1.9)
# SO-03 is about separators only; letter case is SO-04.
SYMBOL_SHAPE = re.compile(r"[A-ZĐ][A-ZĐ0-9]*(-[A-ZĐ][A-ZĐ0-9]*)*", re.I)


def _gap(a: Paragraph, b: Paragraph) -> float:
    return a.format.space_after.pt + b.format.space_before.pt


def _blank_between(paras: list[Paragraph], a: Paragraph, b: Paragraph) -> bool:
    i = next((k for k, p in enumerate(paras) if p.same(a)), None)
    j = next((k for k, p in enumerate(paras) if p.same(b)), None)
    if i is None or j is None:
        return False
    return any(not p.text.strip() for p in paras[i + 1:j])


def check_header_table(parts: Parts) -> list[Finding]:
    """Return LY-01 when the header block was typed with tabs instead of a two-column table."""
    lay = parts.layout
    if not lay.tabbed:
        return []
    return [finding("LY-01", where(lay.tabbed[0].line), "các dòng đầu văn bản gõ cách cột bằng phím Tab, không nằm "
                                                        "trong bảng")]


def check_agency(parts: Parts) -> list[Finding]:
    """Return AG-03…AG-07 findings."""
    lay = parts.layout
    out = []
    if lay.issuer is None:
        return [finding("AG-04", HEADER_WHERE, "không tìm thấy tên cơ quan ban hành")]
    for p in lay.supervising:
        probs = SUPERVISING.problems(p)
        if probs:
            out.append(finding("AG-03", where(p), found(p, probs)))
    probs = ISSUER.problems(lay.issuer)
    if probs:
        out.append(finding("AG-04", where(lay.issuer), found(lay.issuer, probs)))
    agency = lay.supervising + [lay.issuer]
    spacing = [p for p in agency if not single_spaced(p)]
    spacing += [b for a, b in zip(agency, agency[1:]) if _gap(a, b) > 0.2 and b not in spacing]
    for p in spacing:
        out.append(finding("AG-05", where(p), found(p, [_spacing_text(p)])))
    if lay.supervising and _blank_between(lay.left, lay.supervising[0], lay.issuer):
        out.append(finding("AG-05", where(lay.issuer), "có dòng trống giữa các dòng tên cơ quan"))
    if lay.supervising:
        s = {main_size(p) for p in agency}
        if len(s) > 1:
            out.append(finding("AG-07", where(lay.issuer), "cỡ " + "/".join(num(x) for x in s if x)))
    out += check_line(lay.issuer, lay.left, "AG-06", where(lay.issuer), (1 / 3, 1 / 2))
    return out


def _spacing_text(p: Paragraph) -> str:
    f = p.format
    line = "" if single_spaced(p) else (f"dãn dòng {num(f.line)}" if f.line_rule == "auto"
                                        else f"dãn dòng {num(f.line.pt)} pt")
    parts = [x for x in (line, f"cách trên {num(f.space_before.pt)} pt" if f.space_before.pt > 0.2 else "",
                         f"cách dưới {num(f.space_after.pt)} pt" if f.space_after.pt > 0.2 else "") if x]
    return ", ".join(parts) or "có khoảng cách đoạn"


def check_national(parts: Parts) -> list[Finding]:
    """Return QH-01/02/04 and TN-01…TN-05 findings."""
    lay = parts.layout
    if lay.qh is None:
        return [finding("QH-01", HEADER_WHERE, "không tìm thấy Quốc hiệu")]
    out, qh = [], lay.qh
    text = norm(qh.text)
    if text == QH_TEXT.replace("HÒA", "HOÀ"):
        out.append(finding("QH-02", where(qh), "viết «HOÀ»"))
    elif text != QH_TEXT:
        out.append(finding("QH-01", where(qh), f"«{text}»"))
    elif "\u00a0" in qh.text:
        out.append(finding("QH-01", where(qh), "có dấu cách không ngắt (NBSP)", level=Level.SHOULD))
    probs = QUOC_HIEU.problems(qh)
    if "\n" in qh.text:
        probs.append("ngắt dòng giữa Quốc hiệu")
    if probs:
        out.append(finding("QH-01", where(qh), found(qh, probs)))
    col = qh.place.get("width")
    need = 93 if (main_size(qh) or 13) <= 12 else 100
    if col is not None and col.mm < need - 0.5:
        out.append(finding("QH-04", where(qh), f"cột rộng {num(col.mm)} mm", expected=f"≥ {need} mm"))
    tn = lay.tn
    if tn is None:
        return out + [finding("TN-01", HEADER_WHERE, "không tìm thấy Tiêu ngữ")]
    t = norm(tn.text)
    if t != TN_TEXT:
        out.append(finding("TN-02", where(tn), f"«{t}»"))
    elif "\u00a0" in tn.text:
        out.append(finding("TN-02", where(tn), "có dấu cách không ngắt (NBSP)", level=Level.SHOULD))
    probs = TIEU_NGU.problems(tn)
    if probs:
        out.append(finding("TN-01", where(tn), found(tn, probs)))
    bad = [p for p in (qh, tn) if not single_spaced(p)]
    if _gap(qh, tn) > 0.2 or _blank_between(lay.right, qh, tn) or bad:
        why = "có dòng trống" if _blank_between(lay.right, qh, tn) else \
            (_spacing_text(bad[0]) if bad else f"cách nhau {num(_gap(qh, tn))} pt")
        out.append(finding("TN-03", where(tn), why))
    s_qh, s_tn = main_size(qh), main_size(tn)
    if s_qh and s_tn and abs(s_tn - s_qh - 1) > 0.01:
        out.append(finding("TN-05", where(tn), f"Quốc hiệu cỡ {num(s_qh)}, Tiêu ngữ cỡ {num(s_tn)}"))
    out += check_line(tn, lay.right, "TN-04", where(tn), (1, 1), allow_underline=True)
    return out


def check_number(parts: Parts) -> list[Finding]:
    """Return SO-01…SO-07 and DR-01 findings."""
    lay = parts.layout
    so = lay.so
    if so is None:
        return [finding("SO-01", HEADER_WHERE, "không tìm thấy dòng «Số:»")]
    out, text = [], so.text.strip()
    w = where(so)
    lead = len(so.text) - len(so.text.lstrip())
    head = _runs_in(so, lead, lead + 3)
    if not text.startswith("Số:"):
        out.append(finding("SO-01", w, f"«{text[:6]}»"))
    elif SO_WORD.problems(head):
        out.append(finding("SO-01", w, "chữ «Số» " + ", ".join(SO_WORD.problems(head))))
    number = parse_number(text)
    if number is None:
        return out + [finding("SO-03", w, f"«{norm(text)}» không có «/»")]
    if number.draft:
        if "\t" not in number.gap and len(number.gap.replace("\t", "")) < 2:
            out.append(finding("DR-01", w, f"«{norm(text)}»: chỗ để trống số quá hẹp"))
    else:
        if number.gap != " " and text.startswith("Số:"):
            out.append(finding("SO-01", w, f"sau «Số:» là «{number.gap}»"))
        if not re.fullmatch(r"0[1-9]|[1-9]\d+", number.number):
            out.append(finding("SO-02", w, f"số «{number.number}»"))
    sym = number.symbol
    slash = text.index("/")
    spaced = text[slash + 1:slash + 2].isspace() or (not number.draft and text[slash - 1:slash].isspace())
    if spaced or not SYMBOL_SHAPE.fullmatch(sym):
        out.append(finding("SO-03", w, f"«{text[3:].strip()}»"))
    groups = sym.split("-")
    probs = SYMBOL.problems(_runs_in(so, lead + slash + 1, len(so.text)))
    if any(g != g.upper() and g not in MIXED_CASE_CODES for g in groups):
        probs.insert(0, "có chữ thường")
    if probs:
        out.append(finding("SO-04", w, f"ký hiệu «{sym}» " + ", ".join(probs)))
    out += _symbol_kind(lay, sym, w)
    if so.format.align != "center":
        out.append(finding("SO-07", w, found(so, problems(so, centre=True))))
    return out


def _symbol_kind(lay: Layout, sym: str, w: str) -> list[Finding]:
    code = symbol_type(sym)
    first = sym.split("-", 1)[0]
    title_code = TYPE_NAMES.get(norm(lay.title.text).upper()) if lay.title else None
    if lay.kind == CONG_VAN or (lay.title is None and lay.vv is not None):
        if code or first.upper() == "CV":
            return [finding("SO-06", w, f"công văn có mã «{first}» trong ký hiệu «{sym}»")]
        if "-" not in sym:
            return [finding("SO-06", w, f"ký hiệu «{sym}» thiếu mã đơn vị")]
        return []
    if title_code and code != title_code:
        return [finding("SO-05", w, f"{norm(lay.title.text).lower()} nhưng ký hiệu «{sym}»",
                        expected=f"ký hiệu bắt đầu «{title_code}-»")]
    if code and "-" not in sym:
        return [finding("SO-05", w, f"ký hiệu «{sym}» thiếu mã cơ quan")]
    return []


class _Span:
    """A paragraph-like view of some runs of a paragraph (for checking part of a line)."""

    def __init__(self, p: Paragraph, runs):
        self.runs, self.text, self.format, self.place = runs, "".join(r.text for r in runs), p.format, p.place


def _runs_in(p: Paragraph, start: int, end: int):
    """Return a view of the runs of `p` overlapping characters start…end."""
    out, pos = [], 0
    for r in p.runs:
        if pos < end and pos + len(r.text) > start:
            out.append(r)
        pos += len(r.text)
    return _Span(p, out)


def check_date(parts: Parts) -> list[Finding]:
    """Return DT-01…DT-04 and DR-02 findings."""
    lay = parts.layout
    d = lay.date
    if d is None:
        if lay.kind.code in UNDATED_HEADER:
            return []
        return [finding("DT-03", HEADER_WHERE, "không tìm thấy dòng địa danh, ngày tháng")]
    out, w, text = [], where(d), norm(d.text)
    if lay.so is not None and "row" in d.place and d.place.get("row") != lay.so.place.get("row"):
        out.append(finding("DT-01", w, "không cùng hàng với dòng «Số:»"))
    if d.format.align != "center":
        out.append(finding("DT-01", w, found(d, problems(d, centre=True))))
    m = DATE_LOOSE.match(text)
    if m:
        if m["sp"] or not m["place"][:1].isupper():
            out.append(finding("DT-02", w, f"«{m['place']}{m['sp']},»"))
        if not date_padding_ok(m["d"], m["m"]):
            out.append(finding("DT-04", w, f"«ngày {m['d']} tháng {m['m']}»"))
        elif not re.fullmatch(r"[^,]*, ngày \d\d tháng \d{1,2} năm \d{4}", text):
            out.append(finding("DT-03", w, f"«{text}»"))
    elif DATE_DRAFT.match(text):
        if not re.search(r"năm \d{4}$", text):
            out.append(finding("DR-02", w, f"«{text}» chưa có năm"))
    else:
        out.append(finding("DT-03", w, f"«{text}»"))
    probs = DATE.problems(d)
    if probs:
        out.append(finding("DT-02", w, found(d, probs)))
    return out


def check_vv(parts: Parts) -> list[Finding]:
    """Return VV-01…VV-04 findings (công văn only)."""
    lay = parts.layout
    if lay.kind != CONG_VAN:
        return []
    out = []
    if lay.title is not None:
        out.append(finding("VV-04", where(lay.title), f"có dòng «{norm(lay.title.text)}»"))
    v = lay.vv
    if v is None:
        return out + [finding("VV-01", where(lay.so) if lay.so else HEADER_WHERE, "không có dòng «V/v …»")]
    text = norm(v.text)
    probs = [] if re.match(r"^V/v \S", text) else [f"bắt đầu «{text[:8]}»"]
    probs += problems(v, centre=True)
    if probs:
        out.append(finding("VV-01", where(v), found(v, probs)))
    probs = VV.problems(v)
    if probs:
        out.append(finding("VV-02", where(v), found(v, probs)))
    if lay.so is not None and _gap(lay.so, v) < 6 - 0.2:
        out.append(finding("VV-03", where(v), f"cách {num(_gap(lay.so, v))} pt"))
    return out


def check_title(parts: Parts) -> list[Finding]:
    """Return TL-01…TL-04 findings (documents with a type name)."""
    lay = parts.layout
    if not lay.kind.typed:
        return []
    t = lay.title
    if t is None:
        return [finding("TL-02", "sau bảng đầu văn bản", f"không có dòng tên loại «{lay.kind.name.upper()}»")]
    out = []
    for p in [t] + lay.summary:
        if p.format.align != "center":
            out.append(finding("TL-01", where(p), found(p, problems(p, centre=True))))
        elif off_centre(p):
            out.append(finding("TL-01", where(p), found(p, [f"thụt lề nên lệch tâm {num(off_centre(p))} mm"])))
    probs = TYPE_NAME.problems(t)
    if probs:
        out.append(finding("TL-02", where(t), found(t, probs)))
    if not lay.summary:
        return out + [finding("TL-03", where(t), "không có trích yếu dưới tên loại")]
    for p in lay.summary:
        probs = SUMMARY.problems(p)
        if probs:
            out.append(finding("TL-03", where(p), found(p, probs)))
    last = lay.summary[-1]
    siblings = [p for p in lay.main_blocks if isinstance(p, Paragraph)]
    out += check_line(last, siblings, "TL-04", where(last), (1 / 3, 1 / 2))
    return out


def check_draft(parts: Parts) -> list[Finding]:
    """Return DF-02: a draft said as such (its mark above the header, its blank number), once.

    A mark left on a numbered document is a warning: the mark is not part of ND30's
    form and must go when the document is issued.
    """
    lay = parts.layout
    mark = lay.draft_mark
    number = parse_number(norm(lay.so.text)) if lay.so is not None else None
    blank = number is not None and number.draft
    label = norm(mark.text) if mark is not None else ""
    if mark is not None and number is not None and not blank:
        return [finding("DF-02", where(mark), f"dấu «{label}» còn trên văn bản đã có số «{norm(lay.so.text)}»",
                        f"bỏ dấu «{label}» khi văn bản đã ký, có số và ngày", level=Level.SHOULD)]
    if mark is None and not blank:
        return []
    shown = ([f"có dấu «{label}» ở đầu trang"] if mark is not None else []) + (
        ["để trống số và ngày (DR-01, DR-02)"] if blank else [])
    return [finding("DF-02", where(mark if mark is not None else lay.so), ", ".join(shown))]
