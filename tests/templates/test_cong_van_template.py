"""templates/cong_van.docx rendered with a báo cáo and a công văn context: what a clerk would see, by rule ID."""

from __future__ import annotations

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from tests.templates.template_render import bao_cao_context, cong_van_context, render

QUOC_HIEU, TIEU_NGU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return Document(str(render("cong_van.docx", bao_cao_context(), tmp_path_factory.mktemp("bc") / "bc.docx")))


@pytest.fixture(scope="module")
def dispatch(tmp_path_factory):
    return Document(str(render("cong_van.docx", cong_van_context(), tmp_path_factory.mktemp("cv") / "cv.docx")))


def texts(cell):
    return [p.text for p in cell.paragraphs]


def run_of(doc, text):
    """Return the first run of the body paragraph whose text is `text`."""
    p = next(p for p in doc.paragraphs if p.text == text)
    return p, p.runs[0]


def test_rendered_outputs_pass_the_ooxml_schema_check(tmp_path, ooxml_check):
    a = render("cong_van.docx", bao_cao_context(), tmp_path / "a.docx")
    b = render("cong_van.docx", cong_van_context(), tmp_path / "b.docx")
    assert "0 error(s)" in ooxml_check(a, b)


def test_the_header_shows_the_agency_the_national_title_and_the_motto(report):
    """AG-01…04, QH-01, TN-01, TN-02."""
    top = report.tables[0].rows[0].cells
    assert texts(top[0])[:3] == ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ", "BAN THƯỜNG TRỰC"]
    assert not top[0].paragraphs[1].runs[0].bold and top[0].paragraphs[2].runs[0].bold
    assert texts(top[1])[:2] == [QUOC_HIEU, TIEU_NGU]
    assert all(p.runs[0].bold for p in top[1].paragraphs[:2])


def test_the_number_and_the_date_share_a_row_and_a_draft_leaves_them_blank(report):
    """DT-01, DT-02, DR-01, DR-02."""
    row = report.tables[0].rows[1].cells
    assert texts(row[0]) == ["Số:      /BC-MTTQ-BTT"]
    assert texts(row[1]) == ["Mường Nhé, ngày      tháng      năm 2022"]
    assert row[1].paragraphs[0].runs[0].italic


def test_a_report_has_its_type_name_and_bold_subject_and_no_vv(report):
    """TL-01…03, VV-04 (the reverse)."""
    p, run = run_of(report, "BÁO CÁO")
    assert run.bold and p.alignment == WD_ALIGN_PARAGRAPH.CENTER and run.font.size == Pt(14)
    _, run = run_of(report, "Kết quả củng cố, hoàn thiện các “Trang cộng đồng” của Mặt trận các cấp")
    assert run.bold
    assert not any(p.text.startswith("V/v") for c in report.tables[0]._cells for p in c.paragraphs)


def test_one_recipient_stands_on_the_kinh_gui_line(report):
    """KG-03."""
    assert [p.text for p in report.paragraphs if p.text.startswith("Kính gửi")] == [
        "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên"]


def test_body_paragraphs_are_justified_14pt_with_a_first_line_indent(report):
    """BD-01…05; BD-06 italic legal basis; headings bold; BD-08 closing mark; values verbatim."""
    body = [p for p in report.paragraphs if p.style.name.startswith("ND30")]
    assert [p.text for p in body][:3] == ["Căn cứ Công văn số 3344/MTTW-BTT ngày 02/12/2021;",
                                          "Đề nghị thực hiện như sau:", "1. Tên Trang: Mặt trận A & B <C>"]
    for p in body:
        fmt = p.style.paragraph_format
        assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY and fmt.first_line_indent == Twips(567)
        assert fmt.space_before == Pt(6) and 1.0 <= fmt.line_spacing <= 1.5 and p.style.font.size == Pt(14)
    assert body[0].style.font.italic
    assert body[2].runs[0].bold and not body[2].runs[1].bold
    assert body[3].text == "2. Phân công" and body[3].style.font.bold
    assert body[-1].text.endswith("./.")


def test_the_closing_has_noi_nhan_left_and_a_deputys_signature_right(report):
    """NN-01…04, SG-02…06."""
    left, right = report.tables[1].rows[0].cells
    assert texts(left) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, DCPL."]
    head = left.paragraphs[0].runs[0]
    assert head.bold and head.italic and head.font.size == Pt(12)
    assert left.paragraphs[1].runs[0].font.size == Pt(11)
    lines = [t for t in texts(right) if t]
    assert lines == ["TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng Trọng Bình"]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)


def test_a_dispatch_has_its_vv_under_the_number_and_no_type_name(dispatch):
    """SO-01, SO-06, VV-01…04, DT-04."""
    row = dispatch.tables[0].rows[1].cells
    assert texts(row[0]) == ["Số: 1031/MTTQ-BTT", "V/v củng cố, hoàn thiện các trang MXH của Mặt trận các cấp"]
    assert row[0].paragraphs[1].paragraph_format.space_before == Pt(6)
    assert texts(row[1]) == ["Điện Biên, ngày 25 tháng 02 năm 2022"]
    assert not any(p.text == "BÁO CÁO" for p in dispatch.paragraphs)


def test_several_recipients_are_aligned_dash_lines(dispatch):
    """KG-04, KG-05."""
    i = next(i for i, p in enumerate(dispatch.paragraphs) if p.text == "Kính gửi:")
    items = dispatch.paragraphs[i + 1:i + 3]
    assert [p.text for p in items] == ["- Ban Thường trực Ủy ban MTTQ Việt Nam các huyện;", "- Văn phòng."]
    assert {p.paragraph_format.left_indent for p in items} == {Twips(2552)}


def test_without_a_deputy_the_kt_line_is_gone(dispatch):
    right = dispatch.tables[1].rows[0].cells[1]
    assert [t for t in texts(right) if t] == ["TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Giàng Trọng Bình"]


def _with_table(**table):
    """Return a report context with a data table ("bang" block) between two body paragraphs."""
    from docgen.documents.frame import table as data_table

    body = bao_cao_context()["noi_dung"]
    block = data_table(["Đơn vị", "Ngày báo cáo", "Tình trạng", "Số đơn vị", "Có Trang", "Đúng mẫu tên", "Đủ"],
                       [["Huyện A & B <C>", "25/03/2022", "đúng hạn", 16, 15, 14, 15],
                        ["Thị xã Mường Lay", "", "chưa nộp", 4, "", "", ""]],
                       **table)
    return bao_cao_context(noi_dung=body[:3] + [block] + body[3:])


@pytest.fixture(scope="module")
def tabled(tmp_path_factory):
    path = render("cong_van.docx", _with_table(total=["Cộng", "", "đã nộp 1/2", 20, 15, 14, 15], title="Bảng 1"),
                  tmp_path_factory.mktemp("bang") / "bang.docx")
    return Document(str(path)), path


def test_a_table_block_is_printed_where_it_stands_among_the_paragraphs(tabled):
    document, _ = tabled
    body = list(document.element.body.iterchildren())
    at = body.index(document.tables[1]._tbl)
    texts = lambda els: [t for t in ("".join(e.itertext(qn("w:t"))) for e in els if e.tag == qn("w:p")) if t]  # noqa: E731
    before, after = texts(body[:at]), texts(body[at + 1:])
    assert before[-2:] == ["1. Tên Trang: Mặt trận A & B <C>", "Bảng 1"]
    assert after[0] == "2. Phân công"


def test_a_table_has_a_bold_header_its_rows_verbatim_and_a_bold_total(tabled):
    document, _ = tabled
    rows = [[c.text for c in r.cells] for r in document.tables[1].rows]
    assert rows == [
        ["Đơn vị", "Ngày báo cáo", "Tình trạng", "Số đơn vị", "Có Trang", "Đúng mẫu tên", "Đủ"],
        ["Huyện A & B <C>", "25/03/2022", "đúng hạn", "16", "15", "14", "15"],
        ["Thị xã Mường Lay", "", "chưa nộp", "4", "", "", ""],
        ["Cộng", "", "đã nộp 1/2", "20", "15", "14", "15"],
    ]
    table = document.tables[1]
    runs = lambda row: [r for c in row.cells for p in c.paragraphs for r in p.runs]  # noqa: E731
    assert all(r.bold for r in runs(table.rows[0])) and all(r.bold for r in runs(table.rows[-1]))
    assert not any(r.bold for r in runs(table.rows[1]))
    assert {r.font.size for row in table.rows for r in runs(row)} == {Pt(12)}  # §10: 12–13 pt in tables
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page


def test_a_table_has_borders_and_fills_the_text_width_with_a_wider_label_column(tabled):
    document, _ = tabled
    table = document.tables[1]
    assert table.style.name == "Table Grid"
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert len(grid) == 7 and abs(sum(grid) - (11906 - 1985 - 1134)) <= 7
    assert grid[0] == max(grid) and grid[0] > 1.5 * min(grid)
    # "31/03/2022" at 12 pt (8 digits of 1/2 em, 2 slashes of 0.278 em) fits the date column, margins deducted
    assert (grid[1] - 2 * 43) / 20 >= (8 * 0.5 + 2 * 0.278) * 12


def test_a_table_without_total_or_title_prints_neither(tmp_path):
    document = Document(str(render("cong_van.docx", _with_table(), tmp_path / "bang.docx")))
    rows = [[c.text for c in r.cells][0] for r in document.tables[1].rows]
    assert rows == ["Đơn vị", "Huyện A & B <C>", "Thị xã Mường Lay"]
    assert "Bảng 1" not in [p.text for p in document.paragraphs]


def test_the_table_passes_the_ooxml_schema_check(tabled, ooxml_check):
    _, path = tabled
    assert "0 error(s)" in ooxml_check(path)


def test_the_signature_block_cannot_split_and_the_last_paragraph_stays_with_it():
    """SG-*: the closing row may not break across pages; the body's last paragraph keeps with it."""
    from tests.templates.template_render import TEMPLATES, part

    root = part(TEMPLATES / "cong_van.docx")
    closing = [t for t in root.iter(qn("w:tbl")) if "Nơi nhận:" in "".join(t.itertext())][0]
    rows = closing.findall(qn("w:tr"))
    assert len(rows) == 1 and rows[0].find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    styles = part(TEMPLATES / "cong_van.docx", "word/styles.xml")
    last = next(s for s in styles.iter(qn("w:style")) if s.find(qn("w:name")).get(qn("w:val")) == "ND30 Last")
    assert last.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
