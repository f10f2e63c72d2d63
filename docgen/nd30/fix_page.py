"""Fixes of page setup (PG-*), fonts and colour (FN-01, FN-03, FN-04) and page numbers (PN-*, PL-09)."""

from __future__ import annotations

from collections import Counter

from docgen.nd30.check_page import FONT, LEGACY_PREFIXES, MARGINS, _all_paragraphs, _appendix_sections, _in, \
    _page_paras
from docgen.nd30.describe import main_size, mm, num, section_name, text_runs
from docgen.nd30.fix_tools import FixLog, current_text, set_text
from docgen.nd30.layout import Parts
from docgen.nd30.typography import nfc
from docgen.ooxml import Length, Pt
from docgen.ooxml.edit import grid_width, own_runs, set_default_font, set_paragraph_format, set_run_format
from docgen.ooxml.edit_sections import (add_page_number, header_root, remove_page_fields, set_page,
                                        set_page_numbering, set_title_page, start_section_before)
from docgen.ooxml.text import Paragraph, Table

A4 = (Length(210 * 36000), Length(297 * 36000))


def _sec(s) -> tuple[str, object]:
    return (section_name(s.index), s.element)


def fix_sections(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix PG-01 (A4), PG-02 (declared orientation) and the margins PG-05, PG-06, PG-07, PG-08 (nearest allowed value)."""
    for s in parts.sections:
        dims = sorted(x.mm for x in (s.page_width, s.page_height) if x is not None)
        if "PG-01" in found and (len(dims) != 2 or abs(dims[0] - 210) > 0.2 or abs(dims[1] - 297) > 0.2):
            short, long_ = A4
            wide = s.landscape
            set_page(s.element, width=long_ if wide else short, height=short if wide else long_, landscape=wide)
            log.add("PG-01", _sec(s), f"{' × '.join(num(d) for d in dims) or 'không khai báo'} mm → 210 × 297 mm")
        elif "PG-02" in found and s.page_width and s.page_height and (s.orientation == "landscape") != s.landscape:
            set_page(s.element, landscape=s.landscape)
            log.add("PG-02", _sec(s), f"khai báo hướng {'ngang' if s.landscape else 'dọc'}")
        if s.landscape:
            continue
        for rid, attr, _, lo, hi in MARGINS:
            value = getattr(s, attr)
            if rid in found and not _in(value, lo, hi):
                new = min(max(value.mm if value is not None else lo, lo), hi)
                set_page(s.element, **{attr: Length(int(new * 36000))})
                log.add(rid, _sec(s), f"{mm(value)} → {num(new)} mm")


def fix_fonts(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix FN-01 (Times New Roman: the document default first, then each run still off), FN-03 (NFC), FN-04 (black)."""
    if "FN-01" in found and set_default_font(parts.document.styles.element, FONT):
        log.add("FN-01", ("toàn văn bản", None), f"phông mặc định của tài liệu → {FONT}")
        found = found - {"FN-01"}  # runs are looked at again once the default is read anew
    for p in _all_paragraphs(parts.blocks, parts.sections):
        runs = text_runs(p)
        if not runs:
            continue
        if "FN-01" in found:
            wrong = [r for r in runs if _wrong_font(r.format)]
            for r in wrong:
                set_run_format(r.element, font=FONT)
            if wrong:
                names = sorted({n for r in wrong for _, n in r.format.fonts if n.casefold() != FONT.casefold()})
                log.add("FN-01", p, f"phông {', '.join(names) or 'mặc định'} → {FONT}")
        if "FN-04" in found:
            coloured = [r for r in runs if r.format.color not in (None, "AUTO", "000000")]
            for r in coloured:
                set_run_format(r.element, black=True)
            if coloured:
                log.add("FN-04", p, "màu " + ", ".join(sorted({f"#{r.format.color}" for r in coloured})) + " → đen")
        if "FN-03" in found:
            set_text(p, nfc(current_text(p)), "FN-03", log)


def _wrong_font(f) -> bool:
    slots = ["ascii", "hAnsi"] + (["cs"] if f.complex_script else []) + (["eastAsia"] if f.hint == "eastAsia" else [])
    names = [f.font(slot) for slot in slots]
    legacy = any(n.strip().casefold().startswith(LEGACY_PREFIXES) for _, n in f.fonts)
    return not legacy and any(n and n.strip().casefold() != FONT.casefold() for n in names)


def body_size(parts: Parts) -> float:
    """Return the size most of the body is set in, brought to 13–14 (14 when there is no body)."""
    common = Counter(main_size(p) for p in parts.layout.body if main_size(p)).most_common(1)
    size = common[0][0] if common else 14.0
    return min(max(size, 13.0), 14.0)


def fix_page_numbers(parts: Parts, found: set[str], log: FixLog) -> None:
    """Fix PN-01…PN-06 and PL-09: numbers top centre from page 2 on, each appendix a section numbered from 1."""
    secs, lay = parts.sections, parts.layout
    size = body_size(parts)
    numbered = any(_page_paras(story) for s in secs for story in [*s.headers.values(), *s.footers.values()])
    if "PL-09" in found:
        _appendix_sections_start(parts, log)
        return  # the sections are read anew in the next round
    for s in secs:
        if "PN-01" in found and (s.page_number_format not in (None, "decimal")
                                 or (s.index == 0 and s.page_number_start not in (None, 1))):
            set_page_numbering(s.element, decimal=True, start=None if s.index == 0 else False)
            log.add("PN-01", _sec(s), "số trang kiểu 1, 2, 3, bắt đầu từ 1")
        if "PN-02" in found and _footer_numbers(s, log):
            numbered = True
            if not _page_paras(s.headers.get("default")):
                _add_number(parts, s, size, log)
        for p in _page_paras(s.headers.get("default")):
            if "PN-02" in found and (p.format.align or "left") != "center":
                set_paragraph_format(p.element, align="center")
                log.add("PN-02", p, "số trang căn giữa")
            if "PN-03" in found:
                _page_number_digits(p, size, log)
    if "PN-02" in found and not numbered and secs:  # a long document without page numbers
        _add_number(parts, secs[0], size, log)
        set_title_page(secs[0].element)
    first = secs[0] if secs else None
    if "PN-04" in found and first is not None:
        _hide_on_first_page(first, log)
    appendix_secs = _appendix_sections(lay, secs)
    starts = {a.section for a in lay.appendices}
    for s in secs:
        if s.index not in appendix_secs or s.index not in starts or s.index == 0:
            continue
        if "PN-05" in found and s.page_number_start != 1:
            set_page_numbering(s.element, start=1)
            log.add("PN-05", _sec(s), "số trang phụ lục bắt đầu từ 1")
        if "PN-06" in found:
            _hide_on_first_page(s, log, rule="PN-06")


def _hide_on_first_page(s, log: FixLog, rule: str = "PN-04") -> None:
    if not s.title_page:
        set_title_page(s.element)
        log.add(rule, _sec(s), "bật «trang đầu khác»")
        return
    for p in _page_paras(s.headers.get("first")):
        if remove_page_fields(p.element):
            log.add(rule, p, "bỏ số trang ở đầu trang của trang đầu")


def _footer_numbers(s, log: FixLog) -> bool:
    """Remove the page numbers of the footers of section `s`; return True if there were any."""
    moved = False
    for story in s.footers.values():
        for p in _page_paras(story):
            if remove_page_fields(p.element):
                log.add("PN-02", p, "bỏ số trang ở chân trang")
                moved = True
    return moved


def _add_number(parts: Parts, s, size: float, log: FixLog) -> None:
    root = header_root(parts.document, s.element)
    paras = root.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    p = next((x for x in paras if not "".join(x.itertext()).strip()), None)
    if p is None:
        p = root.add_p()
    add_page_number(p, Pt(size))
    log.add("PN-02", (f"đầu trang (các trang), {section_name(s.index)}", p), f"thêm số trang giữa đầu trang, cỡ {num(size)}")


def _page_number_digits(p: Paragraph, size: float, log: FixLog) -> None:
    fmts = p.all_run_formats
    if not fmts:
        return
    off_size = any(f.size is None or not 13 <= f.size.pt <= 14 for f in fmts)
    styled = any(f.italic or f.bold for f in fmts)
    if off_size or styled:
        for r in own_runs(p.element):
            set_run_format(r, size=Pt(size) if off_size else None, italic=False, bold=False)
        log.add("PN-03", p, f"chữ số trang cỡ {num(size)}, đứng, không đậm")


def _appendix_sections_start(parts: Parts, log: FixLog) -> None:
    secs = parts.sections
    for app in parts.layout.appendices:
        if app.new_section:
            continue
        sect = start_section_before(app.label.element)
        set_page_numbering(sect, start=1)
        set_title_page(sect)
        width = max((grid_width(b.element) or Length(0) for b in app.blocks if isinstance(b, Table)), default=None)
        s = next((x for x in secs if x.element is sect), None)
        text_width = _text_width(s)
        wide = width is not None and text_width is not None and width.mm > text_width + 5 and s is not None \
            and not s.landscape
        if wide:
            short, long_ = A4
            set_page(sect, width=long_, height=short, landscape=True)
        log.add("PL-09", app.label, "phụ lục bắt đầu phần mới" + (", trang ngang" if wide else "")
                + ", số trang từ 1")


def _text_width(s) -> float | None:
    if s is None or None in (s.page_width, s.left, s.right):
        return None
    return s.page_width.mm - s.left.mm - s.right.mm
