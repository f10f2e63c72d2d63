"""`docgen the-thuc --html`: each page drawn with its findings, and with `--sua` its fixes, beside the paragraph."""

from __future__ import annotations

import re

from docgen import api
from docgen.nd30.report_html import render_report
from tests.nd30 import nd30_docs as d


def _rows(html: str) -> list[str]:
    return re.findall(r'<div class="row">(.*?)</ol></div></div>', html)


def test_with_sua_the_page_is_the_corrected_copy_and_each_fix_stands_beside_its_paragraph(tmp_path):
    doc = d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022")
    d.set_text(d.para(doc, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    doc.sections[0].left_margin = 900000  # 25 mm
    path = tmp_path / "cong-van.docx"
    doc.save(path)
    report = tmp_path / "bao-cao.html"
    (result,) = api.the_thuc([path], sua=True, html=report)
    html = report.read_text(encoding="utf-8")
    header_row = next(r for r in _rows(html) if "CỘNG HÒA" in r)
    assert "Độc lập - Tự do - Hạnh phúc" in header_row and "Độc lập –" not in header_row.split("notes")[0]
    assert "đã sửa TN-02" in header_row and "đã sửa DT-04" in header_row
    general = html[html.index('<div class="general notes">'):]
    assert "phần 1" in general[:600] and "section 1" not in general and "đã sửa PG-07" in general[:600]
    assert 'class="badge fix">đã sửa 3 chỗ' in html and "đúng thể thức" in html


def test_an_unreadable_file_has_its_reason_and_a_clean_one_its_page(tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"khong phai docx")
    good = tmp_path / "tot.docx"
    d.cong_van().save(good)
    html = render_report(api.the_thuc([bad, good]))
    assert "Không đọc được: không phải tệp Word .docx" in html
    assert html.count('<section class="file">') == 2 and "Nguyễn Văn An" in html


def test_findings_about_lines_typed_with_shift_enter_stand_beside_their_paragraph(tmp_path):
    from tests.nd30.clerk_docs import CLERK_DOCS, build

    path = tmp_path / "bao-cao.docx"
    build(CLERK_DOCS["bao-cao-shift-enter.docx"][0]).save(path)
    html = render_report(api.the_thuc([path]))
    header_row = next(r for r in _rows(html) if "CỘNG HÒA" in r)
    assert "lỗi TN-02" in header_row and "lỗi QH-01" in header_row  # the motto's line, the Quốc hiệu's line
    start = html.find('<div class="general notes">')
    general = html[start:html.index("</ol></div>", start)] if start >= 0 else ""
    assert "TN-02" not in general and "NN-04" not in general
