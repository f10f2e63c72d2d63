"""A công văn typed in Word's default style, as a clerk who never changed it would send it.

Calibri 11 (theme font), Letter paper, 2.54 cm margins, 8 pt after each paragraph
at 1.08 lines; the header typed into a plain two-column table; the Tiêu ngữ with
en dashes, "ngày 5 tháng 3", "- Lưu VT", no lines drawn, the body left-aligned
without indent and no "./.". One mistake only a person can put right: the
Nơi nhận has no "- Như trên;" line (NN-03).
"""

from __future__ import annotations

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Twips

CENTER = WD_ALIGN_PARAGRAPH.CENTER


def word_defaults(doc) -> None:
    """Word 2016+: 2.54 cm margins, paragraphs 8 pt apart at 1.08 lines (python-docx's template is older)."""
    s = doc.sections[0]
    s.top_margin = s.bottom_margin = s.left_margin = s.right_margin = Twips(1440)
    spacing = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "160")
    spacing.set(qn("w:line"), "259")


def _cell(table, row, col):
    cell = table.cell(row, col)
    first = cell.paragraphs[0]
    first._p.getparent().remove(first._p)
    return cell


def _line(container, text: str = "", bold: bool = False, align=CENTER):
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    if text:
        p.add_run(text).bold = bold
    return p


def cong_van_word_default() -> Document:
    """Return the công văn typed in Word's default style (see the module's docstring)."""
    doc = Document()
    word_defaults(doc)
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    header = doc.add_table(rows=1, cols=2)
    left, right = _cell(header, 0, 0), _cell(header, 0, 1)
    _line(left, "ỦY BAN MTTQ VIỆT NAM")
    _line(left, "TỈNH ĐIỆN BIÊN")
    _line(left, "BAN THƯỜNG TRỰC", bold=True)
    _line(left, "Số: 12/MTTQ-BTT")
    _line(left, "V/v triển khai Trang cộng đồng")
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    _line(right, "Độc lập – Tự do – Hạnh phúc", bold=True)
    _line(right, "Điện Biên, ngày 5 tháng 3 năm 2024")
    _line(doc, "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố", align=None)
    for text in (
        "Thực hiện Kế hoạch số 10/KH-MTTQ-BTT ngày 10 tháng 01 năm 2024 của Ban Thường trực Ủy ban MTTQ "
        "Việt Nam tỉnh về việc rà soát «Trang cộng đồng» của Mặt trận các cấp,",
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh đề nghị các huyện, thị xã, thành phố rà soát và báo cáo "
        "kết quả về Ban Thường trực trước ngày 28 tháng 3 năm 2024.",
        "Đề nghị các đơn vị quan tâm thực hiện.",
    ):
        _line(doc, text, align=None)
    closing = doc.add_table(rows=1, cols=2)
    left, right = _cell(closing, 0, 0), _cell(closing, 0, 1)
    _line(left, "Nơi nhận:", bold=True, align=None)
    _line(left, "- Ban Thường trực UBTƯ MTTQ Việt Nam (b/c);", align=None)
    _line(left, "- Lưu VT", align=None)
    _line(right, "TM. BAN THƯỜNG TRỰC", bold=True)
    _line(right, "CHỦ TỊCH", bold=True)
    for _ in range(3):
        _line(right)
    _line(right, "Nguyễn Văn An", bold=True)
    return doc
