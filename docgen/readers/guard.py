"""Whatever goes wrong inside one file becomes that file's InputError, never the run's traceback.

Parsers raise many kinds of exceptions for a broken or hostile file (lxml's
XMLSyntaxError, zipfile's BadZipFile, ValueError for a cell reference such as
`ZZZZZZ11`, IndexError for a shared string that does not exist, RecursionError,
MemoryError …). A reader marks where it is (`Failure`: part, sheet, cell) and
`unreadable` turns the cause into one Vietnamese message; `read_source` and
`read_facts_file` let nothing else out, so the other files of a folder are read.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DEEP, DocgenError, InputError, Location, parser_reason, too_deep
from docgen.limits import refusal
from docgen.ooxml import PackageError

_APP = {"xlsx": ("Tệp Excel", "Excel"), "docx": ("Văn bản Word", "Word")}


class Failure(Exception):
    """A reader's failure at a known place: the part (zip member), sheet or table, and cell; `cause` is why."""

    def __init__(self, cause: BaseException, part: str = "", sheet: str | None = None, cell: str | None = None,
                 what: str = ""):
        super().__init__(str(cause))
        self.cause, self.part, self.sheet, self.cell, self.what = cause, part, sheet, cell, what


def unreadable(path: Path, exc: BaseException, kind: str) -> InputError:
    """Return the InputError of file `path` (kind "xlsx" or "docx") whose reading raised `exc`."""
    if isinstance(exc, DocgenError) and isinstance(exc, InputError):
        return exc
    where = Location(path.name)
    part = what = ""
    if isinstance(exc, Failure):
        where = Location(path.name, exc.sheet, exc.cell)
        part, what, exc = exc.part, exc.what, exc.cause
    if isinstance(exc, PackageError):
        told = refusal(exc.reason, exc.part or part, exc.size, exc.limit)
        if told is not None:
            return InputError(told, where)
        part, exc = exc.part or part, exc.cause or exc
    name, app = _APP.get(kind, ("Tệp", "Word hoặc Excel"))
    inside = f" (phần «{part}» trong tệp)" if part else ""
    if too_deep(exc):   # not broken: nested past what docgen reads safely
        return InputError(f"{name}{inside} có {DEEP}: docgen không đọc tệp như vậy. Chép nội dung sang tệp mới "
                          f"không lồng bảng, hoặc xin đơn vị gửi lại tệp.", where)
    return InputError(f"{name} bị hỏng hoặc bị sửa, không đọc được{inside}: {what or parser_reason(exc)}. "
                      f"Mở tệp bằng {app} rồi lưu lại, hoặc xin đơn vị gửi lại tệp.", where)
