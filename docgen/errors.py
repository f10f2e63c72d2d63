"""Errors and locations shared by every layer.

Every error the library raises for bad input is a `DocgenError` carrying a
Vietnamese message and, where known, a `Location`; `cli.main` turns it into
one line on stderr and exit code 2. A traceback always means a bug.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value sits: file › sheet (or table, section) › cell (or paragraph).

    >>> str(Location("muong_nhe.xlsx", "Phụ lục", "F12"))
    'muong_nhe.xlsx › Phụ lục › F12'
    >>> str(Location("a.toml", cell="cap[0].han"))
    'a.toml › cap[0].han'
    """

    file: str
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        from docgen.vntext import shown   # a file name may hold a newline or bytes that are not UTF-8

        return " › ".join(shown(p) for p in (self.file, self.sheet, self.cell) if p)

    def at(self, cell: str) -> "Location":
        """Return the same file and sheet at another cell."""
        return Location(self.file, self.sheet, cell)


class DocgenError(Exception):
    """Input docgen cannot use; `message` is Vietnamese and says what and where."""

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if not self.location:
            return self.message
        # A campaign key's message opens with "«key» (dòng N): " for readers that show it alone; after the
        # location, which already names that key and line, it is said once.
        said = self.message.removeprefix(f"«{self.location.cell}»: ")
        key, _, line = (self.location.cell or "").partition(" (dòng ")
        if line:
            said = said.removeprefix(f"«{key}» (dòng {line}: ")
        return f"{self.location}: {said}"


class InputError(DocgenError):
    """A data file (xlsx, docx, csv) that cannot be read as a submission."""


class CampaignError(DocgenError):
    """A campaign folder or file with a mistake; location names the key."""


class TemplateError(DocgenError):
    """A template that is not a .docx, has broken Jinja, or breaks the sandbox."""


# What an operating-system error means for a clerk, and what to do (never the system's English text).
_OS_REASONS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục: kiểm tra lại đường dẫn",
    errno.EISDIR: "đường dẫn là một thư mục, không phải tệp",
    errno.EACCES: "không có quyền đọc/ghi ở đây, hoặc tệp đang mở trong Word/Excel: đóng tệp hoặc chọn thư mục khác",
    errno.EPERM: "hệ điều hành không cho phép thao tác này: chọn thư mục khác hoặc hỏi người quản trị máy",
    errno.ENOSPC: "ổ đĩa đã đầy: xóa bớt tệp hoặc ghi sang ổ khác",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc: ghi sang thư mục khác",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài: chọn thư mục có đường dẫn ngắn hơn",
    errno.EEXIST: "tệp đã có",
    errno.EIO: "lỗi đọc/ghi ổ đĩa: kiểm tra ổ đĩa, USB hoặc ổ mạng",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc: chạy lại với ít tệp hơn",
    errno.EBUSY: "tệp hoặc thư mục đang được chương trình khác dùng: đóng chương trình đó rồi chạy lại",
    errno.ELOOP: "đường dẫn có liên kết tượng trưng (symlink) vòng quanh",
    errno.EINVAL: "tên tệp có ký tự không hợp lệ",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.EFBIG: "tệp quá lớn so với ổ đĩa",
}
if hasattr(errno, "EDQUOT"):
    _OS_REASONS[errno.EDQUOT] = "đã hết hạn mức dung lượng được dùng trên ổ đĩa: xóa bớt tệp hoặc ghi sang ổ khác"
_WINDOWS_SHARING = (32, 33)  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION: the file is open in another program


def os_reason(exc: OSError) -> str:
    """Return in Vietnamese what an operating-system error means and what to do (no English system text).

    >>> os_reason(OSError(errno.ENOSPC, "No space left on device"))
    'ổ đĩa đã đầy: xóa bớt tệp hoặc ghi sang ổ khác'
    >>> os_reason(OSError(12345, "Strange"))
    'lỗi hệ điều hành số 12345'
    """
    if getattr(exc, "winerror", None) in _WINDOWS_SHARING:
        return "tệp đang mở trong chương trình khác (Word, Excel …): đóng tệp rồi chạy lại"
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return f"lỗi hệ điều hành số {exc.errno}" if exc.errno is not None else "lỗi hệ điều hành"


DEEP = "cấu trúc lồng nhau quá sâu (hơn 256 tầng, thường là bảng lồng trong bảng nhiều lần)"


def too_deep(exc: BaseException) -> bool:
    """Return whether a parser stopped because the file nests too deep (not because it is broken).

    >>> too_deep(RecursionError()), too_deep(ValueError("x"))
    (True, False)
    """
    from lxml import etree

    return isinstance(exc, RecursionError) or (
        isinstance(exc, etree.XMLSyntaxError) and "Excessive depth" in str(exc))


def parser_reason(exc: BaseException) -> str:
    """Return in Vietnamese what a parser's exception says about the file.

    >>> parser_reason(IndexError("list index out of range"))
    'tệp trỏ tới dữ liệu không có (chỉ số ngoài phạm vi)'
    >>> parser_reason(RecursionError())
    'cấu trúc lồng nhau quá sâu (hơn 256 tầng, thường là bảng lồng trong bảng nhiều lần)'
    """
    import zipfile
    import zlib

    from lxml import etree

    if too_deep(exc):
        return DEEP
    if isinstance(exc, etree.XMLSyntaxError):
        line = f" ở dòng {exc.lineno}" if getattr(exc, "lineno", None) else ""
        found = re.search(r"Char (0x[0-9A-Fa-f]+)|[Cc]har value (\d+)", str(exc))
        if found:
            code = int(found.group(1), 16) if found.group(1) else int(found.group(2))
            return f"có ký tự U+{code:04X} mà XML không cho phép{line}"
        if "Premature end" in str(exc) or "EndTag" in str(exc) or "expected '>'" in str(exc):
            return f"nội dung XML bị cắt cụt hoặc thiếu thẻ đóng{line}"
        if "Entity" in str(exc) or "entity" in str(exc):
            return f"XML dùng thực thể (entity) không được khai báo{line}"
        return f"nội dung XML không hợp lệ{line}"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "tệp nén bị hỏng (dữ liệu nén không giải được hoặc sai mã kiểm tra CRC)"
    if isinstance(exc, MemoryError):
        return "dữ liệu quá lớn so với bộ nhớ"
    if isinstance(exc, IndexError):
        return "tệp trỏ tới dữ liệu không có (chỉ số ngoài phạm vi)"
    if isinstance(exc, KeyError):
        return "tệp thiếu một phần mà phần khác trỏ tới"
    if isinstance(exc, (ValueError, TypeError, AttributeError, OverflowError)):
        return "có giá trị hoặc tham chiếu không hợp lệ"
    return "nội dung không đúng định dạng"


INTERNAL = "Lỗi nội bộ của docgen khi xử lý tệp này"


def internal_error(exc: BaseException, where: Location | None = None) -> DocgenError:
    """Return the DocgenError standing for a bug met while handling one file, so that the other files go on.

    The fuzz suite checks that no input ever leads here.
    """
    return DocgenError(f"{INTERNAL} (mã lỗi {type(exc).__name__}); các tệp khác vẫn được xử lý. Xin gửi tệp này "
                       "cho người quản trị docgen để sửa.", where)
