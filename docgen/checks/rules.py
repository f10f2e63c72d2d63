"""The record rule catalogue: each rule's stable ID, severity and meaning (Vietnamese).

The messages themselves are built where the facts are known (units, pages,
people); this table is what docs/kiem-tra.md documents and what a test
keeps in step with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.errors import Location
from docgen.records.model import Problem, Severity

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    meaning: str   # Vietnamese, one line, for the README table and `--json` consumers
    normalises: bool = False   # a finding of this rule means docgen already changed the value to its `fix`


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("DV-01", ERROR, "Đơn vị không có trong danh mục đơn vị hành chính của đơn vị báo cáo"),
        Rule("DV-02", ERROR, "Thiếu đơn vị phải có trong danh sách (so với danh mục chính thức)"),
        Rule("DV-03", ERROR, "Một đơn vị ghi hai lần"),
        Rule("DV-04", WARNING, "Tên đơn vị viết khác tên chính thức (dấu cách, vị trí dấu thanh, chữ «Xã/Huyện»)", normalises=True),
        Rule("TT-01", ERROR, "Tên Trang không đúng mẫu của chiến dịch (hoặc thiếu tên Trang)"),
        Rule("TT-02", WARNING, "Đơn vị chưa thành lập Trang (tính vào tỷ lệ chưa hoàn thành)"),
        Rule("TT-03", WARNING, "Tên Trang chỉ đúng mẫu sau khi chuẩn hóa (chữ hoa/thường, dấu cách, dấu thanh, ngoặc kép)", normalises=True),
        Rule("LK-01", ERROR, "Địa chỉ liên kết không phải Trang trên nền tảng được chấp nhận (hoặc thiếu)"),
        Rule("LK-02", ERROR, "Một địa chỉ liên kết dùng cho hai đơn vị"),
        Rule("LK-03", WARNING, "Địa chỉ liên kết đã được đưa về dạng chuẩn", normalises=True),
        Rule("NS-01", ERROR, "Thiếu lãnh đạo phụ trách"),
        Rule("NS-02", ERROR, "Thiếu cán bộ quản lý, vận hành"),
        Rule("NS-03", ERROR, "Lãnh đạo phụ trách và cán bộ vận hành là cùng một người ở cấp phải phân công riêng (mục 2.4)"),
        Rule("SDT-01", ERROR, "Số điện thoại không hợp lệ"),
        Rule("SDT-02", WARNING, "Số điện thoại đã được đưa về dạng chuẩn", normalises=True),
        Rule("EM-01", ERROR, "Địa chỉ thư điện tử không hợp lệ"),
        Rule("EM-02", WARNING, "Địa chỉ thư điện tử đã được đưa về dạng chuẩn (bỏ dấu cách, chữ thường)", normalises=True),
        Rule("BM-01", ERROR, "Thiếu giá trị ở cột bắt buộc của biểu mẫu chiến dịch"),
        Rule("BM-02", ERROR, "Ô không đọc được theo kiểu của cột (số, số tiền, ngày, Có/Không, một trong danh sách …)"),
        Rule("BM-03", WARNING, "Ô đã được đọc và đưa về dạng chuẩn (số có dấu chấm, dấu phẩy, «triệu»; ngày ghi dạng chữ …)", normalises=True),
        Rule("BM-04", ERROR, "Số nhỏ hơn mức tối thiểu hoặc lớn hơn mức tối đa của cột"),
        Rule("BM-05", ERROR, "Giá trị lớn hơn cột mà nó không được vượt (ví dụ số đã tổ chức lớn hơn tổng số)"),
        Rule("BM-06", ERROR, "Ngày nằm ngoài khoảng thời gian của chiến dịch"),
        Rule("BM-07", ERROR, "Một giá trị ghi cho hai đơn vị ở cột phải khác nhau"),
        Rule("VB-01", WARNING, "Ô có ký tự điều khiển hoặc ký tự ẩn, hoặc chữ tiếng Việt không dựng sẵn (NFC), đã được làm sạch", normalises=True),
    )
}

SEVERITY_WORDS = {ERROR: "lỗi", WARNING: "cảnh báo"}

# What a clerk reads under a finding, the same on every campaign (page or form) and on the web page:
# whether something is left to do, and what.
AUTO_FIXED = "(đã tự sửa, không cần làm gì)"


def todo_line(normalised: bool, fix: str) -> str:
    """Return the line under a finding: nothing to do when docgen changed the value already, else how to fix it.

    >>> todo_line(True, "1500000"), todo_line(False, "Ghi số."), todo_line(False, "")
    ('(đã tự sửa, không cần làm gì)', '→ Cách sửa: Ghi số.', '')
    """
    if normalised:
        return AUTO_FIXED
    return f"→ Cách sửa: {fix}" if fix else ""


def problem(rule: str, message: str, location: Location, fix: str = "", unit_code: str = "") -> Problem:
    """Return a `Problem` for `rule`, with the rule's severity from the catalogue.

    >>> problem("SDT-01", "Sai số", Location("a.xlsx", "Phụ lục", "F12")).severity.value
    'loi'
    """
    spec = RULES[rule]
    return Problem(rule, spec.severity, message, location, fix, unit_code, spec.normalises)
