"""What the returned files say to the unit's clerk: the list's title, columns, legend and colours."""

from __future__ import annotations

from docgen.checks.rules import SEVERITY_WORDS
from docgen.records.model import Severity

LIST_TITLE = "Vấn đề cần sửa"
LIST_COLUMNS = ("STT", "Mức", "Quy tắc", "Vị trí", "Vấn đề", "Việc cần làm")
ERROR_RGB = "FFC7CE"     # light red: an error to fix before sending the file again
WARNING_RGB = "FFEB9C"   # light yellow: a warning (normalised already, or worth a look)


def severity_word(severity: Severity) -> str:
    """Return "Lỗi" or "Cảnh báo".

    >>> severity_word(Severity.ERROR)
    'Lỗi'
    """
    return SEVERITY_WORDS[severity].capitalize()


def list_heading(heading: str) -> str:
    """Return the list's title line.

    >>> list_heading("muong-nhe.xlsx — Huyện Mường Nhé")
    'VẤN ĐỀ CẦN SỬA — muong-nhe.xlsx — Huyện Mường Nhé'
    """
    return f"{LIST_TITLE.upper()} — {heading}"


def legend(errors: int, warnings: int, word: bool = False) -> str:
    """Return the line under the title: the counts and how to read the marks (in Excel, or in Word).

    >>> legend(3, 2).split(".")[0]
    'Có 3 lỗi và 2 cảnh báo'
    """
    notes = "Ghi chú của docgen hiện ở lề phải, cạnh ô" if word else "Đưa chuột vào ô để đọc ghi chú"
    return (f"Có {errors} lỗi và {warnings} cảnh báo. Ô tô đỏ là lỗi phải sửa trước khi gửi lại; ô tô vàng là "
            f"cảnh báo (đã được chuẩn hóa sẵn, hoặc nên xem lại). {notes}; bấm vào «Vị trí» để tới ô đó.")


def nothing_to_fix() -> str:
    return "Không có vấn đề nào: danh sách đúng mẫu, không cần sửa."
