"""Tell what a file really is from its first bytes, and say in Vietnamese why it cannot be read.

A clerk's "Excel file" may be a CSV renamed .xlsx, an old .xls, a workbook with
a password, or a Word file; the extension alone is not trusted.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docgen.errors import InputError, Location
from docgen.limits import MB, current, megabytes, refusal

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16 = {name: name.encode("utf-16-le") for name in ("EncryptedPackage", "WordDocument", "Workbook", "Book")}
_WHAT = {".xlsx": "tệp Excel (.xlsx)", ".xlsm": "tệp Excel (.xlsm)", ".docx": "văn bản Word (.docx)"}


def kind(path: Path) -> str:
    """Return "xlsx" or "docx" for a file docgen can read; raise InputError saying why not otherwise."""
    where = Location(path.name)
    if not path.exists():
        raise InputError(f"Không có tệp hoặc thư mục «{path}».", where)
    if path.is_dir():
        raise InputError("Đây là thư mục, không phải tệp.", where)
    size = path.stat().st_size
    if size == 0:
        raise InputError("Tệp trống (0 byte): không có dữ liệu để đọc. Kiểm tra lại tệp đã gửi.", where)
    if size > current().max_file_mb * MB:   # said before its first bytes are judged (60 GB of zeros is no "text")
        raise InputError(refusal("file-too-big", size=megabytes(size), limit=megabytes(current().max_file_mb * MB)),
                         where)
    with path.open("rb") as fh:
        head = fh.read(4096)
    if head.startswith(ZIP):
        return _zip_kind(path, where)
    if head.startswith(OLE):
        raise InputError(_ole_reason(path), where)
    raise InputError(_text_reason(path, head), where)


def _zip_kind(path: Path, where: Location) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        raise InputError("Tệp bị hỏng (tệp nén không đọc được): mở bằng Excel/Word rồi lưu lại.", where) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.bin" in names:
        raise InputError("Đây là sổ Excel nhị phân (.xlsb): mở bằng Excel rồi lưu lại dạng .xlsx.", where)
    raise InputError("Tệp nén ZIP nhưng không phải sổ Excel (.xlsx) hay văn bản Word (.docx).", where)


def _ole_reason(path: Path) -> str:
    data = path.read_bytes()
    app = "Word" if path.suffix.lower() in (".doc", ".docx") else "Excel"
    if _UTF16["EncryptedPackage"] in data:
        return (f"Tệp được đặt mật khẩu (mã hóa) nên không đọc được: mở bằng {app}, gỡ mật khẩu "
                "(Tệp › Thông tin › Bảo vệ › Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại.")
    if _UTF16["WordDocument"] in data:
        return "Đây là văn bản Word 97–2003 (.doc) cũ: mở bằng Word rồi lưu lại dạng .docx."
    return ("Đây là sổ Excel 97–2003 (.xls) cũ: mở bằng Excel rồi lưu lại dạng .xlsx "
            "(Tệp › Lưu thành › Sổ làm việc Excel).")


def _text_reason(path: Path, head: bytes) -> str:
    what = _WHAT.get(path.suffix.lower(), "tệp .xlsx hay .docx")
    low = head.lstrip().lower()
    if low.startswith((b"<html", b"<!doctype html", b"<?xml", b"<table")):
        return (f"Không phải {what} thật mà là trang web/XML đổi đuôi (thường do tải từ phần mềm khác): "
                "mở bằng Excel rồi lưu lại dạng .xlsx.")
    try:
        head.decode("utf-8")
        text = True
    except UnicodeDecodeError as exc:
        text = exc.start > len(head) - 4  # a character cut at the end of the sample
    if text or all(b >= 9 for b in head[:512]):
        return (f"Không phải {what}: nội dung là văn bản thuần (có thể là tệp CSV hoặc .txt đã đổi đuôi). "
                "Mở bằng Excel rồi lưu lại dạng Sổ làm việc Excel (.xlsx).")
    return f"Không phải {what}, cũng không phải tệp Excel/Word nào docgen đọc được."
