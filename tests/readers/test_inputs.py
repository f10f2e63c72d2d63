"""Bad input: each file docgen cannot use gives an InputError in Vietnamese naming the file and why."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from tests.readers.readers_factory import standard_rows, write_form

from docgen.errors import InputError
from tests.forms import PAGE_FORM
from docgen.readers import find_inputs, read_source

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504


def refused(path) -> InputError:
    with pytest.raises(InputError) as exc:
        read_source(path, PAGE_FORM)
    assert exc.value.location.file == path.name
    return exc.value


def test_an_empty_file_is_refused(tmp_path):
    (tmp_path / "rong.xlsx").write_bytes(b"")
    assert refused(tmp_path / "rong.xlsx").message.startswith("Tệp trống (0 byte)")


def test_a_csv_renamed_xlsx_is_refused(tmp_path):
    path = tmp_path / "muong-nhe.xlsx"
    path.write_text("TT,Đơn vị,Tên Trang\n1,Xã Chung Chải,Mặt trận Chung Chải\n", encoding="utf-8")
    err = refused(path)
    assert err.message.startswith("Không phải tệp Excel (.xlsx): nội dung là văn bản thuần (có thể là tệp CSV")
    assert str(err) .startswith("muong-nhe.xlsx: ")


def test_a_web_page_saved_as_xlsx_is_refused(tmp_path):
    (tmp_path / "a.xlsx").write_text("<html><table><tr><td>TT</td></tr></table></html>", encoding="utf-8")
    assert "trang web/XML đổi đuôi" in refused(tmp_path / "a.xlsx").message


def test_an_old_xls_says_save_as_xlsx(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(OLE + "Workbook".encode("utf-16-le") + b"\0" * 100)
    assert "lưu lại dạng .xlsx" in refused(path).message
    (tmp_path / "b.xls").write_bytes(OLE)
    with pytest.raises(InputError, match=r"Excel 97–2003 \(\.xls\): mở bằng Excel rồi lưu lại dạng \.xlsx"):
        find_inputs([tmp_path / "b.xls"])


def test_a_password_protected_workbook_is_refused(tmp_path):
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(OLE + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
    assert refused(path).message.startswith("Tệp được đặt mật khẩu (mã hóa) nên không đọc được: mở bằng Excel")


def test_a_zip_that_is_no_office_file_is_refused(tmp_path):
    path = tmp_path / "a.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    assert "không phải sổ Excel (.xlsx) hay văn bản Word (.docx)" in refused(path).message


def test_a_truncated_workbook_is_refused(tmp_path):
    path, _ = write_form(tmp_path / "a.xlsx", standard_rows())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "hỏng" in refused(path).message


def test_a_word_file_named_xlsx_is_read_as_word(tmp_path):
    import docx
    from tests.readers.readers_factory import docx_form

    doc = docx.Document()
    docx_form(doc, standard_rows())
    doc.save(tmp_path / "nham-duoi.xlsx")
    assert len(read_source(tmp_path / "nham-duoi.xlsx", PAGE_FORM).table.rows) == 4


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(InputError, match="Không có tệp hoặc thư mục"):
        find_inputs([tmp_path / "khong-co.xlsx"])


def test_folders_expand_to_their_workbooks_and_word_files_sorted_without_lock_files(tmp_path):
    for name in ("tuan-giao.xlsx", "Dien-bien-dong.docx", "~$tuan-giao.xlsx", "bao-cao.pdf", "ghi-chu.txt",
                 "muong-nhe.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "rieng").mkdir()
    single = tmp_path / "rieng" / "le.xlsx"
    single.write_bytes(b"x")
    found = find_inputs([tmp_path, single, tmp_path / "muong-nhe.xlsx"])
    assert [p.name for p in found] == ["Dien-bien-dong.docx", "muong-nhe.xlsx", "tuan-giao.xlsx", "le.xlsx"]


def test_an_unsupported_file_or_lock_file_given_by_name_is_refused(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "~$a.xlsx").write_bytes(b"x")
    with pytest.raises(InputError, match="chỉ nhận .xlsx và .docx"):
        find_inputs([tmp_path / "a.pdf"])
    with pytest.raises(InputError, match="tệp khóa tạm của Office"):
        find_inputs([tmp_path / "~$a.xlsx"])


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="Thư mục không có tệp .xlsx hay .docx nào"):
        find_inputs([tmp_path])


def test_the_file_date_is_the_files_modification_date(tmp_path):
    import datetime as dt
    import os

    path, _ = write_form(tmp_path / "a.xlsx", standard_rows())
    stamp = dt.datetime(2022, 3, 25, 10, 0).timestamp()
    os.utime(path, (stamp, stamp))
    source = read_source(path, PAGE_FORM)
    assert source.file_date == dt.date(2022, 3, 25) and source.path == str(path)


def test_an_old_xls_in_a_folder_is_reported_and_the_other_files_are_still_read(tmp_path):
    import shutil

    from docgen import api

    shutil.copy(Path(__file__).resolve().parents[2] / "data/mau/2022-dien-bien/muong-lay.xlsx", tmp_path)
    (tmp_path / "cu.xls").write_bytes(OLE)
    assert [p.name for p in find_inputs([tmp_path])] == ["cu.xls", "muong-lay.xlsx"]
    result = api.kiem_tra([tmp_path])
    assert [Path(s.source.path).name for s in result.submissions] == ["muong-lay.xlsx"]
    assert [(Path(u.path).name, "Excel 97–2003" in u.message) for u in result.unusable] == [("cu.xls", True)]
    assert result.exit_code == 2
