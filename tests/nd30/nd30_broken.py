"""The corpus of deliberately broken documents `docgen the-thuc --sua` must put right.

`VARIANTS` is a list of (name, build) pairs, `build()` returning a python-docx
Document with one or more mistakes of rules that have a fix: every fixable case
of the checker's one-change fixtures (công văn, báo cáo and the other kinds),
warnings and form details they leave out (NFC, "____" lines, line length,
"HOÀ", size pairs, the first page of an appendix, "./."), the ten-mistake
công văn of the CLI tests, the công văn typed in Word's default style, and each
kind with a dozen mistakes at once.
"""

from __future__ import annotations

import re
import unicodedata

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor, Twips

from docgen.nd30 import RULES
from tests.nd30 import nd30_docs as d
from tests.nd30 import nd30_kinds_docs as k
from tests.nd30.word_default import cong_van_word_default


def _one_change(build, change):
    def make():
        doc = build()
        change(doc)
        return doc
    return make


def many_mistakes(build):
    """Return a builder of `build`'s document with the mistakes a clerk's Word makes, all fixable at once."""
    def make():
        doc = build()
        s = doc.sections[0]
        s.page_width, s.page_height = Twips(12240), Twips(15840)  # Letter
        s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = Mm(25.4)
        s.different_first_page_header_footer = False
        for p in d.all_paragraphs(doc):
            t = p.text
            if t.startswith("Độc lập"):
                d.set_text(p, "Độc lập – Tự do – Hạnh phúc")
            elif re.search(r"ngày \d\d tháng", t) and t.startswith("Điện Biên"):
                d.set_text(p, re.sub(r"ngày \d\d tháng \d+", "ngày 5 tháng 3", t))
            elif t.startswith("- Lưu"):
                d.set_text(p, t.rstrip("."))
            elif t.startswith("Số: "):
                d.set_text(p, "Số " + t[4:])
            elif p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and p.runs and not p.runs[0].bold:
                p.alignment = WD_ALIGN_PARAGRAPH.LEFT
                p.paragraph_format.first_line_indent = None
                p.runs[0].font.name = "Arial"
                p.runs[-1].font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
            elif t in ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG"):
                d.set_text(p, t.capitalize())
            elif t == "Nơi nhận:":
                p.runs[0].bold = p.runs[0].italic = False
        return doc
    return make


def _underscores_under(doc, start: str, drop_underline: bool = False):
    p = d.para(doc, start)
    if drop_underline:
        p.runs[0].underline = False
    else:  # the bordered empty paragraph that drew the line goes
        line = p._p.getnext()
        line.getparent().remove(line)
    new = d.add(p._parent, "__________________", 13)
    p._p.addnext(new._p)


def _no_end_mark(doc):
    p = d.para(doc, "./.")
    p._p.getparent().remove(p._p)


def _border_full_width(doc, start: str):
    from docx.oxml.ns import qn

    ind = d.para(doc, start)._p.getnext().find(qn("w:pPr")).find(qn("w:ind"))
    ind.set(qn("w:left"), "0")
    ind.set(qn("w:right"), "0")


# Warnings (SHOULD) and form details the one-change fixtures of the checker do not cover.
SHOULD_CASES = [
    ("fn-03-nfd", d.cong_van, lambda doc: d.set_text(d.para(doc, "Báo cáo kết quả"), unicodedata.normalize(
        "NFD", "Báo cáo kết quả gửi về Ban Thường trực trước ngày 28 tháng 02 năm 2022."))),
    ("ln-01-gach-duoi-tieu-ngu", d.cong_van, lambda doc: _underscores_under(doc, "Độc lập", drop_underline=True)),
    ("ln-01-gach-duoi-co-quan", d.cong_van, lambda doc: _underscores_under(doc, "BAN THƯỜNG TRỰC")),
    ("ln-02-duong-ke-dai", d.cong_van, lambda doc: _border_full_width(doc, "BAN THƯỜNG TRỰC")),
    ("qh-02-hoa", d.cong_van, lambda doc: d.set_text(d.para(doc, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
    ("tn-05-co-chu", d.cong_van, lambda doc: setattr(d.para(doc, "Độc lập").runs[0].font, "size", Pt(14))),
    ("ag-07-co-chu", d.cong_van, lambda doc: setattr(d.para(doc, "TỈNH ĐIỆN BIÊN").runs[0].font, "size", Pt(12))),
    ("pn-06-trang-dau-phu-luc", d.bao_cao,
     lambda doc: setattr(doc.sections[1], "different_first_page_header_footer", False)),
    ("pl-11-khong-ket-thuc", d.bao_cao, _no_end_mark),
    ("bd-08-khong-ket-thuc", d.cong_van,
     lambda doc: d.set_text(d.para(doc, "Đề nghị các đơn vị"), "Đề nghị các đơn vị quan tâm thực hiện")),
]


def _variants():
    from tests.cli.test_the_thuc import bad_document
    from tests.nd30.test_check_kinds import KIND_FORM_CASES
    from tests.nd30.test_nd30_checker import CASES, PERSON_CALLS

    out = []
    for i, (rule, build, change) in enumerate(CASES + KIND_FORM_CASES):
        if RULES[rule].fixable and i not in PERSON_CALLS:
            out.append((f"{rule.lower()}-{i}", _one_change(build, change)))
    out += [(name, _one_change(build, change)) for name, build, change in SHOULD_CASES]
    out.append(("cong-van-muoi-loi", bad_document))
    out.append(("cong-van-word-mac-dinh", cong_van_word_default))
    for name, build in [("cong-van", d.cong_van), ("bao-cao", d.bao_cao)] + \
            [(n.removesuffix(".docx"), b) for n, (b, _) in k.KINDS.items()]:
        out.append((f"{name}-nhieu-loi", many_mistakes(build)))
    return out


VARIANTS = _variants()
