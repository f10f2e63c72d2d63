"""One broken file never stops the others: whatever a reader meets becomes that file's InputError, saying where."""

from __future__ import annotations

import shutil

import pytest

from docgen import api
from tests.forms import PAGE_FORM
from docgen.errors import InputError
from docgen.readers import read_facts_file, read_source
from tests.fuzz import hostile as h
from tests.fuzz.cases import SAMPLES

XLSX = (SAMPLES / "muong-nhe.xlsx").read_bytes()
DOCX = (SAMPLES / "dien-bien-dong.docx").read_bytes()


def unusable(tmp_path, data: bytes, name: str = "hong.xlsx") -> InputError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_source(path, PAGE_FORM)
    assert "Traceback" not in str(err.value) and err.value.location.file == name
    return err.value


@pytest.mark.parametrize("data, where, words", [
    (h.truncated_part(XLSX, h.SHEET, 0.5), "hong.xlsx › Phụ lục › sau dòng 13", "bị cắt cụt hoặc thiếu thẻ đóng"),
    (h.in_first_text(XLSX, h.SHEET, b"\x07"), "hong.xlsx › Phụ lục", "có ký tự U+0007 mà XML không cho phép"),
    (h.in_first_text(XLSX, h.SHEET, "\ufffe".encode()), "hong.xlsx › Phụ lục", "có ký tự U+FFFE"),
    (h.replaced(XLSX, h.SHEET, b'r="B12"', b'r="ZZZZZZ11"'), "hong.xlsx › Phụ lục › ZZZZZZ11", "tham chiếu"),
    (h.shared_string_cell(XLSX, b"999"), "hong.xlsx › Phụ lục › B12", "chuỗi dùng chung (shared string) không có"),
    (h.shared_string_cell(XLSX, b"-1"), "hong.xlsx › Phụ lục › B12", "chuỗi dùng chung"),
    (h.with_merge(XLSX, b"B11:A"), "hong.xlsx › Phụ lục", "vùng gộp ô «B11:A» không hợp lệ"),
], ids=["truncated", "control", "fffe", "bad-ref", "shared-string", "negative-index", "merge"])
def test_a_broken_sheet_names_the_file_the_part_and_where(tmp_path, data, where, words):
    err = unusable(tmp_path, data)
    assert str(err.location) == where and words in err.message
    assert "xl/worksheets/sheet1.xml" in err.message and "Mở tệp bằng Excel rồi lưu lại" in err.message


@pytest.mark.parametrize("data, words", [
    (h.with_doctype(XLSX, "xl/styles.xml"), "Phần «xl/styles.xml» có khai báo DOCTYPE"),
    (h.bomb(XLSX, h.SHEET, 1024), "giải nén ra 1.024 MB, quá giới hạn 200 MB"),
    (h.huge_row(XLSX, 2_000_000), "giữ cùng lúc hơn 250.000 phần tử XML"),
    (h.wide_rows(XLSX, 20_000), "hơn 2.000.000 ô"),
    (h.padded(XLSX, "xl/styles.xml", b"</cellXfs>", b'<xf numFmtId="%d"/>' * 1000, 600), "Bảng kiểu định dạng"),
], ids=["doctype", "bomb", "huge-row", "wide-rows", "styles"])
def test_a_hostile_workbook_is_refused_with_the_limit_and_how_to_raise_it(tmp_path, data, words):
    err = unusable(tmp_path, data)
    assert words in err.message and ("DOCGEN_" in err.message or "DOCTYPE" in err.message)


@pytest.mark.parametrize("data, words", [
    (h.truncated_part(DOCX, h.BODY, 0.5), "(phần «word/document.xml» trong tệp)"),
    (h.truncated_part(DOCX, "word/styles.xml", 0.5), "(phần «word/styles.xml» trong tệp)"),
    (h.with_doctype(DOCX, h.BODY), "có khai báo DOCTYPE"),
    (h.replaced(DOCX, h.BODY, b'<w:gridSpan w:val="3"/>', b'<w:gridSpan w:val="900000000"/>'), "900.000.000 cột"),
], ids=["truncated", "styles", "doctype", "span"])
def test_a_broken_word_file_names_the_part(tmp_path, data, words):
    assert words in unusable(tmp_path, data, "hong.docx").message


def test_any_exception_inside_a_reader_becomes_the_files_input_error(tmp_path, monkeypatch):
    from docgen.readers import xlsx

    def boom(path):
        raise ZeroDivisionError("nobody expects this")

    monkeypatch.setattr(xlsx, "read", boom)
    err = unusable(tmp_path, XLSX)
    assert "nobody expects" not in err.message and "không đọc được" in err.message


def test_the_other_files_of_the_folder_are_still_checked(tmp_path):
    for sample in ("muong-nhe.xlsx", "tua-chua.xlsx"):
        shutil.copy(SAMPLES / sample, tmp_path / sample)
    (tmp_path / "a-hong.xlsx").write_bytes(h.replaced(XLSX, h.SHEET, b'r="B12"', b'r="ZZZZZZ11"'))
    (tmp_path / "b-bom.docx").write_bytes(h.bomb(DOCX, h.BODY, 1024))
    res = api.kiem_tra([tmp_path])
    assert [s.reporting_unit.name for s in res.submissions] == ["Mường Nhé", "Tủa Chùa"]
    assert [u.path.rsplit("/", 1)[-1] for u in res.unusable] == ["a-hong.xlsx", "b-bom.docx"]
    assert res.exit_code == 2


def test_a_broken_facts_file_is_an_input_error_too(tmp_path):
    path = tmp_path / "thong-tin.xlsx"
    path.write_bytes(h.with_doctype(XLSX, "xl/worksheets/sheet2.xml"))
    with pytest.raises(InputError, match="DOCTYPE"):
        read_facts_file(path, PAGE_FORM)
