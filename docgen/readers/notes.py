"""The readers' own rule catalogue: what a reader skipped or altered while reading (VB-…).

Readers never judge values; these notes only say that something in the file was
not taken exactly as typed, so that nothing is lost silently.
"""

from __future__ import annotations

from docgen.errors import Location
from docgen.records.model import Problem, Severity

# Rule ID → Vietnamese meaning (docs/doc-tep.md lists the same table).
READER_RULES: dict[str, str] = {
    "VB-01": "Ô có ký tự điều khiển (mã 0–31) hoặc ký tự XML không cho phép: đã xóa các ký tự đó",
    "VB-02": "Ô có công thức nhưng tệp không lưu kết quả tính: giữ nguyên công thức",
    "VB-03": "Ô gộp (merge) phủ lên ô dữ liệu: giá trị chỉ lấy một lần, ở ô đầu của vùng gộp",
    "VB-04": "Dòng hoặc ô nằm ngoài bảng: đã bỏ qua, hoặc vẫn đọc như dữ liệu (xem nội dung)",
    "VB-05": "Phần «Thông tin»: nhãn hoặc giá trị không hiểu, đã bỏ qua",
}


def note(rule: str, message: str, location: Location, fix: str = "") -> Problem:
    """Return a reader note (a warning `Problem`) for `rule`.

    >>> note("VB-02", "Công thức chưa có kết quả.", Location("a.xlsx", "Phụ lục", "F9")).severity.value
    'canh_bao'
    """
    if rule not in READER_RULES:
        raise KeyError(rule)
    return Problem(rule, Severity.WARNING, message, location, fix, normalised=rule == "VB-01" and bool(fix))
