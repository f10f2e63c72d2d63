"""The .docx reader: the form table inside a filled Word file, merged cells lined up, facts table."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from tests.readers.readers_factory import DISTRICT, commune, docx_form, standard_rows

from docgen.errors import InputError
from tests.forms import PAGE_FORM
from docgen.readers import read_source


def save(doc, path):
    doc.save(path)
    return path


def test_it_reads_the_form_table_after_other_tables_and_text(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("ỦY BAN MTTQ VIỆT NAM HUYỆN MƯỜNG NHÉ")
    other = doc.add_table(rows=1, cols=2)
    other.cell(0, 0).text, other.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập"
    docx_form(doc, standard_rows())
    source = read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    assert str(source.table.source) == "a.docx › Bảng 2"
    assert source.table.header_at == "dòng 1–2, cột 1–10"
    assert [r.text("don_vi") for r in source.table.rows] == ["Huyện Mường Nhé", "Xã Chung Chải", "Xã Sín Thầu",
                                                            "Xã Pá Mỳ"]
    assert [r.group for r in source.table.rows] == [0, 1, 1, 1]
    cell = source.table.rows[1].cells["vh_email"]
    assert (cell.value, str(cell.location)) == ("do1@gmail.com", "a.docx › Bảng 2 › dòng 6, cột 10")
    assert source.notes == ()


def test_merged_cells_keep_columns_in_line(tmp_path):
    doc = docx.Document()
    body = [["I", "Cấp huyện", *DISTRICT[1:]], ["II", "Cấp xã"], commune(1), commune(2, "Sín Thầu")]
    docx_form(doc, body)
    table = doc.tables[0]
    table.cell(3, 1).merge(table.cell(3, 9)).text = "Cấp xã"          # group row merged across
    merged = table.cell(4, 7).merge(table.cell(5, 7))                  # one operator for two communes
    merged.text = "Sùng Thị Dợ"
    source = read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    rows = source.table.rows
    assert [r.text("don_vi") for r in rows] == ["Cấp huyện", "Xã Chung Chải", "Xã Sín Thầu"]
    assert rows[1].text("vh_sdt") == "0977 000 101" and rows[2].text("vh_sdt") == "0977 000 102"
    assert rows[1].text("vh_ten") == "Sùng Thị Dợ" and "vh_ten" not in rows[2].cells
    assert [(n.rule, n.location.cell) for n in source.notes] == [("VB-03", "dòng 5, cột 8")]


def test_a_document_without_a_table_is_refused(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Danh sách Trang cộng đồng: xem ảnh chụp.")
    with pytest.raises(InputError) as exc:
        read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    assert exc.value.message.startswith("Văn bản Word không có bảng nào")
    assert exc.value.location.file == "a.docx"


def test_a_document_whose_tables_lack_the_header_is_refused(tmp_path):
    doc = docx.Document()
    doc.add_table(rows=2, cols=3).cell(0, 0).text = "Nơi nhận"
    with pytest.raises(InputError, match="Không bảng nào trong 1 bảng của văn bản có tiêu đề theo mẫu Phụ lục"):
        read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)


def test_two_form_tables_are_refused_naming_them(tmp_path):
    doc = docx.Document()
    docx_form(doc, standard_rows())
    doc.add_paragraph("Tiếp theo")
    doc.add_table(rows=1, cols=1)
    docx_form(doc, [commune(4, "Nậm Kè")])
    with pytest.raises(InputError) as exc:
        read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    assert exc.value.message.startswith("Văn bản có 2 bảng theo mẫu Phụ lục (Bảng 1, Bảng 3)")


def test_a_header_missing_a_column_is_named(tmp_path):
    doc = docx.Document()
    docx_form(doc, standard_rows())
    doc.tables[0].cell(0, 2).text = "Tên"
    with pytest.raises(InputError, match="thiếu cột «Tên Trang»"):
        read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)


def test_facts_come_from_the_table_after_the_thong_tin_paragraph(tmp_path):
    doc = docx.Document()
    docx_form(doc, standard_rows())
    doc.add_paragraph("Thông tin")
    facts = doc.add_table(rows=0, cols=2)
    for label, value in (("Đơn vị báo cáo", "Huyện Mường Nhé"), ("Ngày báo cáo", "10/3/2022"),
                         ("Nơi nhận", "BTT Ủy ban MTTQ Việt Nam tỉnh (b/c);\nThường trực Huyện ủy (b/c);"),
                         ("Đã xây dựng kế hoạch hoạt động", "Có")):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    source = read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    assert source.facts.don_vi == "Huyện Mường Nhé"
    assert source.facts.ngay == dt.date(2022, 3, 10)
    assert source.facts.noi_nhan == ("BTT Ủy ban MTTQ Việt Nam tỉnh (b/c)", "Thường trực Huyện ủy (b/c)")
    assert source.facts.co_ke_hoach is True
    assert str(source.facts.location) == "a.docx › Bảng 2"


def test_no_facts_table_gives_empty_facts(tmp_path):
    doc = docx.Document()
    docx_form(doc, standard_rows())
    source = read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    assert source.facts.don_vi == "" and source.facts.ngay is None


def test_a_facts_table_is_known_by_its_labels_without_the_heading(tmp_path):
    doc = docx.Document()
    facts = doc.add_table(rows=0, cols=2)
    for label, value in (("Đơn vị báo cáo", "Huyện Mường Nhé"), ("Người ký", "Lò Văn Thắng")):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    docx_form(doc, standard_rows())
    source = read_source(save(doc, tmp_path / "a.docx"), PAGE_FORM)
    assert (source.facts.don_vi, source.facts.nguoi_ky) == ("Huyện Mường Nhé", "Lò Văn Thắng")
    assert source.table.source.sheet == "Bảng 2"


def test_an_old_word_file_says_save_as_docx(tmp_path):
    from tests.readers.test_inputs import OLE

    path = tmp_path / "a.docx"
    path.write_bytes(OLE + "WordDocument".encode("utf-16-le"))
    with pytest.raises(InputError, match=r"Word 97–2003 \(\.doc\) cũ: mở bằng Word rồi lưu lại dạng \.docx"):
        read_source(path, PAGE_FORM)


# --- attack round 2: Word keeps text in wrappers python-docx does not open -----------------------------------

def _texts(path):
    return [[c.value for c in r.cells.values()] for r in read_source(path, PAGE_FORM).table.rows]


@pytest.mark.parametrize("make", ["rows", "cells", "table", "tracked", "wrapped"])
def test_rows_in_content_controls_tracked_changes_and_smart_tags_are_read_as_word_shows_them(tmp_path, make):
    from tests.fuzz import fresh

    sample = fresh.SAMPLES / "dien-bien-dong.docx"
    data = sample.read_bytes()
    changed = {"tracked": fresh.tracked, "wrapped": fresh.wrapped}.get(make)
    data = changed(data) if changed else fresh.in_controls(data, make)
    (tmp_path / "a.docx").write_bytes(data)
    assert _texts(tmp_path / "a.docx") == _texts(sample)   # before: 1 row of 15, or "no table with the form's header"


def test_a_row_deleted_with_track_changes_is_not_read(tmp_path):
    from tests.fuzz import hostile as h
    from tests.fuzz.fresh import SAMPLES

    sample = SAMPLES / "dien-bien-dong.docx"

    def delete_sixth_row(body: bytes) -> bytes:
        import re
        row = re.findall(rb"<w:tr>.*?</w:tr>", body, flags=re.S)[6]
        return body.replace(row, row.replace(b"<w:tr>", b'<w:tr><w:trPr><w:del w:id="9" w:author="x"/></w:trPr>', 1))

    (tmp_path / "a.docx").write_bytes(h.edit(sample.read_bytes(), h.BODY, delete_sixth_row))
    before, after = _texts(sample), _texts(tmp_path / "a.docx")
    assert len(after) == len(before) - 1 and all(row in before for row in after)
