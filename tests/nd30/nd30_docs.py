"""Clean ND30 documents built by hand with python-docx: a "different producer" for the checker's tests.

`cong_van()` and `bao_cao()` return a python-docx Document laid out to spec/nd30.md;
`para(doc, "Số:")` finds a paragraph (body, tables, nested) by its first words.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, Twips

CENTER, BOTH, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
LEFT_COL, RIGHT_COL = Mm(60), Mm(95)
# The children of w:sectPr that come after w:pgNumType (ECMA-376 order), to insert it where the schema wants it.
SECT_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                        "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _base() -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    s = doc.sections[0]
    s.page_width, s.page_height = Twips(11906), Twips(16838)
    s.top_margin, s.bottom_margin = Twips(1417), Twips(1134)
    s.left_margin, s.right_margin = Twips(1984), Twips(1134)
    s.header_distance = s.footer_distance = Twips(567)
    s.different_first_page_header_footer = True
    hp = s.header.paragraphs[0]
    hp.alignment = CENTER
    _page_field(hp)
    return doc


def _page_field(p) -> None:
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None)):
        r = p.add_run()
        r.font.size = Pt(14)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            r._r.append(el)
        elif kind == "text":
            r.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            r._r.append(el)


def add(container, text: str = "", size: float = 14, bold=False, italic=False, align=CENTER, underline=False,
        before: float = 0, first_line=None, left=None):
    """Add a paragraph with one run to a document or cell and return it."""
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    if first_line is not None:
        p.paragraph_format.first_line_indent = first_line
    if left is not None:
        p.paragraph_format.left_indent = left
    if text:
        r = p.add_run(text)
        r.font.size, r.bold, r.italic, r.underline = Pt(size), bold, italic, underline
    return p


def border_line(container, length_mm: float, column_mm: float):
    """Add an empty paragraph whose bottom border draws a centred line of `length_mm`."""
    p = add(container, "", size=6)
    indent = (column_mm - 3.8 - length_mm) / 2
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(indent)
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(bdr, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    return p


def _cell(table, row, col):
    cell = table.cell(row, col)
    cell.width = LEFT_COL if col == 0 else RIGHT_COL
    first = cell.paragraphs[0]
    first._p.getparent().remove(first._p)
    return cell


def _two_columns(doc, rows: int):
    t = doc.add_table(rows=rows, cols=2)
    t.autofit = False
    for col, w in zip(t.columns, (LEFT_COL, RIGHT_COL)):
        col.width = w
    return t


def _header(doc, number: str, vv: str | None, date: str):
    t = _two_columns(doc, 2)
    left, right = _cell(t, 0, 0), _cell(t, 0, 1)
    add(left, "ỦY BAN MTTQ VIỆT NAM", 13)
    add(left, "TỈNH ĐIỆN BIÊN", 13)
    add(left, "BAN THƯỜNG TRỰC", 13, bold=True)
    border_line(left, 20, 60)
    add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True)
    add(right, "Độc lập - Tự do - Hạnh phúc", 13, bold=True, underline=True)
    left2, right2 = _cell(t, 1, 0), _cell(t, 1, 1)
    add(left2, number, 13, before=6)
    if vv:
        add(left2, vv, 13, before=6)
    add(right2, date, 14, italic=True, before=6)
    return t


def _body(doc, paragraphs: list[str]):
    for text in paragraphs:
        add(doc, text, 14, align=BOTH, before=6, first_line=Cm(1.27))


def _closing(doc, items: list[str]):
    t = _two_columns(doc, 1)
    left, right = _cell(t, 0, 0), _cell(t, 0, 1)
    add(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT)
    for item in items:
        add(left, item, 11, align=LEFT)
    add(right, "TM. BAN THƯỜNG TRỰC", 14, bold=True)
    add(right, "CHỦ TỊCH", 14, bold=True)
    for _ in range(4):
        add(right, "")
    add(right, "Nguyễn Văn An", 14, bold=True)
    return t


def cong_van(number: str = "Số: 05/MTTQ-BTT", date: str = "Điện Biên, ngày 05 tháng 02 năm 2022") -> Document:
    """Return a clean công văn: header table, V/v, Kính gửi with two recipients, body, closing table."""
    doc = _base()
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    _header(doc, number, "V/v triển khai Trang cộng đồng", date)
    add(doc, "")
    add(doc, "Kính gửi:", 14, align=LEFT, first_line=Cm(3.5), before=6)
    add(doc, "- Ban Thường trực Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố;", 14, align=LEFT, left=Cm(4.5))
    add(doc, "- Các tổ chức chính trị - xã hội tỉnh.", 14, align=LEFT, left=Cm(4.5))
    _body(doc, [
        "Thực hiện Kế hoạch số 10/KH-MTTQ-BTT ngày 10 tháng 01 năm 2022 của Ban Thường trực, "
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh đề nghị các đơn vị rà soát Trang cộng đồng.",
        "Báo cáo kết quả gửi về Ban Thường trực trước ngày 28 tháng 02 năm 2022.",
        "Đề nghị các đơn vị quan tâm thực hiện./.",
    ])
    add(doc, "")
    _closing(doc, ["- Như trên;", "- Ban Thường trực UBTƯ MTTQ Việt Nam (b/c);", "- Lưu: VT, BTT."])
    return doc


def bao_cao() -> Document:
    """Return a clean upward báo cáo with legal bases, one Kính gửi line and a landscape appendix."""
    doc = _base()
    _header(doc, "Số: 12/BC-MTTQ-BTT", None, "Điện Biên, ngày 29 tháng 6 năm 2022")
    add(doc, "BÁO CÁO", 14, bold=True, before=12)
    add(doc, "Kết quả rà soát Trang cộng đồng", 14, bold=True)
    border_line(doc, 30, 155)
    add(doc, "Kính gửi: Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam", 14, align=LEFT,
        first_line=Cm(3.5), before=6)
    for text, end in (("Căn cứ Kế hoạch số 10/KH-MTTQ-BTT ngày 10 tháng 01 năm 2022", ";"),
                      ("Căn cứ kết quả rà soát của các huyện", ".")):
        add(doc, text + end, 14, italic=True, align=BOTH, before=6, first_line=Cm(1.27))
    add(doc, "I. KẾT QUẢ THỰC HIỆN", 14, bold=True, align=BOTH, before=6, first_line=Cm(1.27))
    _body(doc, [
        "Toàn tỉnh có 130 đơn vị đã lập Trang cộng đồng (chi tiết tại Phụ lục kèm theo).",
        "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên báo cáo./.",
    ])
    add(doc, "")
    _closing(doc, ["- Như trên;", "- Lưu: VT, BTT."])
    _appendix(doc)
    return doc


def _appendix(doc) -> None:
    s = doc.add_section()
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Twips(16838), Twips(11906)
    s.different_first_page_header_footer = True
    num = OxmlElement("w:pgNumType")
    num.set(qn("w:start"), "1")
    s._sectPr.insert_element_before(num, *SECT_AFTER_PGNUMTYPE)
    add(doc, "Phụ lục", 14, bold=True)
    add(doc, "DANH SÁCH TRANG CỘNG ĐỒNG", 14, bold=True)
    add(doc, "(Kèm theo Báo cáo số 12/BC-MTTQ-BTT ngày 29 tháng 6 năm 2022 của Ban Thường trực "
             "Ủy ban MTTQ Việt Nam tỉnh Điện Biên)", 14, italic=True)
    t = doc.add_table(rows=2, cols=3)
    for r, row in enumerate((("STT", "Đơn vị", "Trang"), ("1", "Xã Chung Chải", "fb.com/chungchai"))):
        for c, text in enumerate(row):
            cell = t.cell(r, c)
            cell.paragraphs[0].add_run(text).font.size = Pt(12)
    add(doc, "./.", 14, align=LEFT)


def docx_bytes(doc) -> bytes:
    """Return the .docx bytes of a python-docx Document (what `repair_bytes` reads)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def all_paragraphs(doc):
    """Yield every paragraph of the body, table cells and nested tables included."""
    def walk(container):
        for block in container.iter_inner_content():
            if hasattr(block, "rows"):
                for row in block.rows:
                    for cell in row.cells:
                        yield from walk(cell)
            else:
                yield block
    yield from walk(doc)


def para(doc, start: str):
    """Return the first paragraph whose text starts with `start`."""
    for p in all_paragraphs(doc):
        if p.text.startswith(start):
            return p
    raise LookupError(start)


def set_text(p, text: str) -> None:
    """Replace a paragraph's text, keeping its first run's formatting."""
    runs = p.runs
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


def each_without_one_paragraph(build):
    """Yield documents from `build()`, each with one paragraph removed (a cell left empty keeps one w:p)."""
    count = len(list(all_paragraphs(build())))
    for i in range(count):
        doc = build()
        p = list(all_paragraphs(doc))[i]
        parent = p._p.getparent()
        parent.remove(p._p)
        if parent.tag == qn("w:tc") and parent.find(qn("w:p")) is None:
            parent.append(OxmlElement("w:p"))
        yield doc
