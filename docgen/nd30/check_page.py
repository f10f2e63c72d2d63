"""Page setup (PG-*), page numbers (PN-*, PL-09's pagination) and fonts/colour (FN-*)."""

from __future__ import annotations

import unicodedata

from docgen.nd30.describe import TOL_MM, align, mm, num, problems, section_name, text_runs, where
from docgen.nd30.layout import Layout, Parts
from docgen.nd30.rules import Finding, Level, finding
from docgen.ooxml.sections import SectionView, story_paragraphs
from docgen.ooxml.text import Paragraph, Table

MARGINS = (("PG-05", "top", "Lề trên", 20, 25), ("PG-06", "bottom", "Lề dưới", 20, 25),
           ("PG-07", "left", "Lề trái", 30, 35), ("PG-08", "right", "Lề phải", 15, 20))
SUGGESTED = {"top": 25, "bottom": 20, "left": 35, "right": 20}
FONT = "Times New Roman"
LEGACY_PREFIXES = (".vn", "vni", "vntime", "vn time", "vnarial", ".vntime")


def _sec_where(s: SectionView) -> str:
    return section_name(s.index)


def _in(length, lo: float, hi: float) -> bool:
    return length is not None and lo - TOL_MM <= length.mm <= hi + TOL_MM


def check_sections(parts: Parts) -> list[Finding]:
    """Return PG-* findings for every section."""
    secs, lay, blocks = parts.sections, parts.layout, parts.blocks
    out = []
    tables_in = {b.place["section"] for b in blocks if isinstance(b, Table)}
    appendix_secs = _appendix_sections(lay, secs)
    for s in secs:
        w = _sec_where(s)
        dims = sorted(x.mm for x in (s.page_width, s.page_height) if x is not None)
        if len(dims) != 2 or abs(dims[0] - 210) > 0.2 or abs(dims[1] - 297) > 0.2:
            out.append(finding("PG-01", w, f"{' × '.join(num(d) for d in dims) or 'không khai báo'} mm"))
        declared = s.orientation == "landscape"
        if s.page_width and s.page_height and declared != s.landscape:
            out.append(finding("PG-02", w, f"khai báo «{s.orientation or 'portrait'}» nhưng trang "
                                           f"{'ngang' if s.landscape else 'dọc'}"))
        if s.landscape:
            if s.index not in tables_in:
                out.append(finding("PG-03", w, "trang ngang nhưng không có bảng"))
            elif s.index in appendix_secs:
                out.append(finding("PG-04", w, "phụ lục trang ngang"))
            off = [f"{label.lower()} {mm(getattr(s, attr))}" for _, attr, label, lo, hi in MARGINS
                   if not _in(getattr(s, attr), lo, hi)]
            if off:
                out.append(finding("PG-09", w, "trang ngang có " + ", ".join(off)))
            continue
        for rid, attr, _, lo, hi in MARGINS:
            if not _in(getattr(s, attr), lo, hi):
                out.append(finding(rid, w, mm(getattr(s, attr))))
        diff = [f"{attr} {mm(getattr(s, attr))}" for attr, v in SUGGESTED.items()
                if getattr(s, attr) is None or abs(getattr(s, attr).mm - v) > 0.2]
        if diff:
            out.append(finding("PG-10", w, "lề " + ", ".join(diff)))
    return out


def _appendix_sections(lay: Layout, secs) -> set[int]:
    if not lay.appendices:
        return set()
    first = min(a.section for a in lay.appendices)
    return {s.index for s in secs if s.index >= first}


def _page_paras(blocks) -> list[Paragraph]:
    return [p for p in story_paragraphs(blocks or []) if p.has_page_field]


def _estimated_pages(blocks) -> float:
    chars = paras = rows = 0
    for b in blocks:
        if isinstance(b, Paragraph):
            chars += len(b.text)
            paras += 1
        else:
            rows += len(b.rows)
    return chars / 2200 + paras / 40 + rows / 22


def check_page_numbers(parts: Parts) -> list[Finding]:
    """Return PN-* (and PL-09) findings."""
    secs, lay = parts.sections, parts.layout
    out = []
    appendix_secs = _appendix_sections(lay, secs)
    shown = []
    for s in secs:
        w = _sec_where(s)
        if s.page_number_format not in (None, "decimal"):
            out.append(finding("PN-01", w, f"kiểu số «{s.page_number_format}»"))
        if s.index == 0 and s.page_number_start not in (None, 1):
            out.append(finding("PN-01", w, f"số trang bắt đầu từ {s.page_number_start}"))
        for kind, story in s.footers.items():
            for p in _page_paras(story):
                out.append(finding("PN-02", where(p), "số trang đặt ở chân trang"))
        header_pages = _page_paras(s.headers.get("default"))
        shown.extend(header_pages)
        for p in header_pages:
            if align(p) != "center":
                out.append(finding("PN-02", where(p), f"số trang {problems(p, centre=True)[0]}"))
            out.extend(_pn03(p))
        first = _page_paras(s.headers.get("first")) if s.title_page else header_pages
        if s.index == 0 and first:
            why = "đầu trang của trang 1 có trường số trang (PAGE)" if s.title_page \
                else "chưa bật «trang đầu khác» (titlePg) nên trang 1 hiện số trang"
            out.append(finding("PN-04", where(first[0]), why))
        elif s.index in appendix_secs and first and s.index in {a.section for a in lay.appendices}:
            out.append(finding("PN-06", w, "số trang hiện ở trang đầu phụ lục"))
    if not shown and not any(_page_paras(st) for s in secs for st in s.footers.values()) \
            and _estimated_pages(lay.main_blocks) > 1:
        out.append(finding("PN-02", "đầu trang", "văn bản nhiều trang nhưng không có số trang"))
    for app in lay.appendices:
        sec = next((s for s in secs if s.index == app.section), None)
        if not app.new_section:
            out.append(finding("PL-09", where(app.label), "phụ lục không bắt đầu phần mới"))
        elif sec is not None and sec.index > 0 and sec.page_number_start != 1:
            out.append(finding("PN-05", section_name(sec.index),
                               "số trang tiếp nối văn bản chính" if sec.page_number_start is None
                               else f"số trang bắt đầu từ {sec.page_number_start}"))
    return out


def _pn03(p: Paragraph) -> list[Finding]:
    fmts = p.all_run_formats
    bad_size = sorted({f.size.pt for f in fmts if f.size is not None and not 13 <= f.size.pt <= 14})
    if not fmts:
        bad_size = []
    out = []
    probs = [f"cỡ {', '.join(num(s) for s in bad_size)}"] if bad_size else []
    if any(f.italic for f in fmts):
        probs.append("chữ nghiêng")
    if any(f.size is None for f in fmts) and not [f for f in fmts if f.size is not None]:
        probs.append("cỡ 10 (mặc định)")
    if probs:
        out.append(finding("PN-03", where(p), "số trang " + ", ".join(probs)))
    if any(f.bold for f in fmts):
        out.append(finding("PN-03", where(p), "số trang chữ đậm", level=Level.SHOULD))
    return out


def _all_paragraphs(blocks, secs):
    for b in blocks:
        if isinstance(b, Paragraph):
            yield b
        else:
            yield from b.all_paragraphs()
    seen = set()
    for s in secs:
        for story in list(s.headers.values()) + list(s.footers.values()):
            if id(story) in seen:
                continue
            seen.add(id(story))
            yield from story_paragraphs(story)


def check_fonts(parts: Parts) -> list[Finding]:
    """Return FN-01…FN-04 findings over body, tables, headers and footers (one per paragraph and rule)."""
    secs, blocks = parts.sections, parts.blocks
    out = []
    for p in _all_paragraphs(blocks, secs):
        runs = text_runs(p)
        if not runs:
            continue
        wrong, legacy, colours = set(), set(), set()
        for r in runs:
            f = r.format
            slots = ["ascii", "hAnsi"] + (["cs"] if f.complex_script else []) \
                + (["eastAsia"] if f.hint == "eastAsia" else [])
            for slot in slots:
                name = f.font(slot)
                if name and name.strip().casefold() != FONT.casefold():
                    wrong.add(name)
            for _, name in f.fonts:
                if name.strip().casefold().startswith(LEGACY_PREFIXES):
                    legacy.add(name)
            if f.color not in (None, "AUTO", "000000"):
                colours.add(f.color)
        if legacy:
            out.append(finding("FN-02", where(p), "phông " + ", ".join(sorted(legacy))))
        if wrong - legacy:
            names = [f"chủ đề «{n}»" if n.startswith(("minor", "major")) else n for n in sorted(wrong - legacy)]
            out.append(finding("FN-01", where(p), "phông " + ", ".join(names)))
        if colours:
            out.append(finding("FN-04", where(p), "màu " + ", ".join(f"#{c}" for c in sorted(colours))))
        if not unicodedata.is_normalized("NFC", p.text):
            out.append(finding("FN-03", where(p), "có chữ viết bằng dấu tổ hợp (không NFC)"))
    return out
