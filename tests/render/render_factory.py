"""Small .docx templates built in code for the render tests (independent of templates/)."""

from __future__ import annotations

import io

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PAGE_FIELD = (
    f'<w:p {W}><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    "</w:p>"
)
COLUMNS = ("tt", "don_vi", "ten_trang", "lien_ket")


def to_bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def paragraphs_template(*lines: str) -> bytes:
    """Return a template of one paragraph per line (each line one run)."""
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    return to_bytes(d)


def table_template(row_texts: list[list[str]], cols: int = 4, before: str = "Tiêu đề: {{ tieu_de }}") -> bytes:
    """Return a template with a paragraph and a table whose rows hold the given cell texts."""
    d = docx.Document()
    d.add_paragraph(before)
    t = d.add_table(rows=0, cols=cols)
    for texts in row_texts:
        cells = t.add_row().cells
        for cell, text in zip(cells, texts):
            cell.text = text
    return to_bytes(d)


def nested_rows(data_cells: list[str] | None = None) -> list[list[str]]:
    """Return the header + two-level loop rows of the appendix contract."""
    data = data_cells or [f"{{{{ r.{k} }}}}" for k in COLUMNS]
    return [
        ["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết"],
        ["{%tr for g in nhom %}"],
        ["{{ g.so }}", "{{ g.ten }}"],
        ["{%tr for r in g.dong %}"],
        data,
        ["{%tr endfor %}"],
        ["{%tr endfor %}"],
    ]


def groups(n_rows: int = 3, special: str = "Mặt trận A & B <C>") -> list[dict]:
    """Return two groups: one row, then `n_rows` rows; the first page name is `special`."""
    first = {"tt": "1", "don_vi": "Đơn vị một", "ten_trang": special, "lien_ket": "https://fb.com/a?x=1&y=2"}
    rows = [{"tt": str(i), "don_vi": f"Đơn vị {i}", "ten_trang": f"Trang {i}", "lien_ket": ""} for i in range(1, n_rows + 1)]
    return [{"so": "I", "ten": "Nhóm một", "dong": [first]}, {"so": "II", "ten": "Nhóm hai", "dong": rows}]


def _page_numbered(document, start: bool) -> None:
    """Give the document's section a centred PAGE header, none on page 1 (and a restart at 1 when `start`)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header
    header._element.remove(header.paragraphs[0]._p)
    header._element.append(parse_xml(PAGE_FIELD))
    section.first_page_header.paragraphs[0].text = ""
    if start:
        cols = section._sectPr.find(qn("w:cols"))  # schema order: … pgMar, pgNumType, cols …
        cols.addprevious(parse_xml(f'<w:pgNumType {W} w:start="1"/>'))


def report_template() -> bytes:
    """Return a portrait A4 report frame: title, body with a numbered list, page numbers."""
    d = docx.Document()
    s = d.sections[0]
    s.page_width, s.page_height = Mm(210), Mm(297)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(25), Mm(20), Mm(35), Mm(20)
    d.add_paragraph("BÁO CÁO {{ ten }}")
    d.add_paragraph("Mục {{ muc }}", style="List Number")
    _page_numbered(d, start=False)
    return to_bytes(d)


def appendix_template() -> bytes:
    """Return a landscape appendix: label, a paragraph in its own style, and the contract table."""
    d = docx.Document()
    s = d.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Mm(297), Mm(210)
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Mm(20), Mm(20), Mm(30), Mm(15)
    d.styles.add_style("PhuLucTieuDe", 1)
    d.add_paragraph("Phụ lục")
    d.add_paragraph("{{ tieu_de }}", style="PhuLucTieuDe")
    t = d.add_table(rows=0, cols=4)
    for texts in nested_rows():
        for cell, text in zip(t.add_row().cells, texts):
            cell.text = text
    d.add_paragraph("./.")
    _page_numbered(d, start=True)
    return to_bytes(d)
