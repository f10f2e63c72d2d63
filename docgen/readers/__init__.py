"""Readers: submission files (.xlsx, .docx) → `Source` (raw table, facts, notes); no judgement.

`find_inputs` turns the paths a clerk gives into the files to read;
`read_source` reads one. Both raise `InputError` (Vietnamese, with the file)
for anything that cannot be used.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

from docgen.errors import DocgenError, InputError, Location, os_reason
from docgen.limits import current
from docgen.ooxml.zipcheck import check_package
from docgen.readers.guard import unreadable
from docgen.records.model import Facts, Source

READABLE = (".xlsx", ".xlsm", ".docx")
_OLD = {".xls": "Excel 97–2003 (.xls): mở bằng Excel rồi lưu lại dạng .xlsx",
        ".doc": "Word 97–2003 (.doc): mở bằng Word rồi lưu lại dạng .docx",
        ".xlsb": "Excel nhị phân (.xlsb): mở bằng Excel rồi lưu lại dạng .xlsx"}


def _lock_file(path: Path) -> bool:
    return path.name.startswith("~$")


def _check_file(path: Path) -> None:
    suffix = path.suffix.lower()
    if _lock_file(path):
        raise InputError("Đây là tệp khóa tạm của Office (tên bắt đầu bằng «~$»), không phải dữ liệu: "
                         "đóng Excel/Word rồi chọn tệp thật.", Location(path.name))
    if suffix in _OLD:
        raise InputError(f"Tệp định dạng cũ {_OLD[suffix]}.", Location(path.name))
    if suffix not in READABLE:
        raise InputError(f"Không đọc được loại tệp «{path.suffix or 'không có đuôi'}»: chỉ nhận .xlsx và .docx.",
                         Location(path.name))


def _not_a_file(path: Path) -> str | None:
    """Return why `path` (a name in a folder, or given) is no file docgen can open, None for a regular file.

    A pipe or a device would never end (or block the run); a broken or looping shortcut has nothing behind it.
    """
    import stat

    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return ("đây là liên kết (shortcut) trỏ tới tệp không còn, hoặc trỏ vòng quanh chính nó"
                if path.is_symlink() else os_reason(exc))
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "đây là một thư mục, không phải tệp"
    return "đây không phải tệp thường (ống dẫn, thiết bị): docgen không đọc"


def find_inputs(paths: list[Path]) -> list[Path]:
    """Return the files to read: each file as given, each folder's .xlsx/.docx files sorted by name.

    Office lock files (~$…) in folders are skipped; an old .xls/.doc in a folder is
    returned too, so that `read_source` reports it (it would otherwise be lost) while
    the folder's other files are still read. Raises InputError for a path that does
    not exist, a file given by name that docgen cannot read, or a folder with nothing to read.
    """
    out: list[Path] = []
    for path in map(Path, paths):
        if not path.exists() and not path.is_symlink():
            raise InputError(f"Không có tệp hoặc thư mục «{path}».", Location(path.name or str(path)))
        if path.is_dir():
            found = []
            for child in sorted(path.iterdir(), key=lambda p: (p.name.casefold(), p.name)):
                if child.is_dir() or _lock_file(child):
                    continue   # an entry that is neither (a pipe, a broken shortcut) is listed, read_source says why
                if child.suffix.lower() in _OLD or child.suffix.lower() in READABLE:
                    found.append(child)
            if not found:
                raise InputError("Thư mục không có tệp .xlsx hay .docx nào.", Location(str(path)))
            out.extend(found)
        else:
            _check_file(path)
            out.append(path)
    return list(dict.fromkeys(out))


def read_source(path: Path, form) -> Source:
    """Return the submission in `path` (.xlsx or .docx, told apart by content) as read, with the reader's notes.

    `form` is the campaign's form (docgen.campaigns.form.Form): the readers find its columns by their
    headers and read its "Thông tin" fields.

    Raises InputError (Vietnamese, naming the file and why, and the part, sheet
    or cell where known) for an empty file, a file that is not a workbook or Word
    document (CSV, old .xls, password), a package breaking `docgen.limits` or
    declaring a DOCTYPE, a part that cannot be parsed, no table with the form's
    header, a header missing a column, or a .docx without one form table. No
    other exception comes out: one broken file never stops the others.
    """
    from docgen.readers import docx, xlsx

    path = Path(path)
    kind = _checked(path)
    reader = {"xlsx": xlsx.read, "docx": docx.read}[kind]
    with _guard(path, kind):
        table, notes, facts = reader(path, form)
        file_date = dt.date.fromtimestamp(path.stat().st_mtime)
    return Source(str(path), table, facts, file_date, tuple(notes))


def read_facts_file(path: Path, form) -> Facts:
    """Return the facts of the "Thông tin" sheet of an .xlsx (a province's own facts file).

    Raises InputError when the file cannot be read or has no "Thông tin" sheet;
    no other exception comes out.
    """
    from docgen.readers import xlsx

    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputError("Không có tệp này.", Location(str(path)))
    kind = _checked(path)
    if kind != "xlsx":
        raise InputError("Tệp «Thông tin» phải là sổ Excel (.xlsx) có trang tính «Thông tin».", Location(path.name))
    with _guard(path, kind):
        return xlsx.read_facts_only(path, form)


def _checked(path: Path) -> str:
    """Return "xlsx" or "docx" for a file whose package keeps within the limits; InputError otherwise."""
    from docgen.readers import sniff

    _check_file(path)
    why = _not_a_file(path)
    if why is not None:
        raise InputError(f"Không đọc được: {why}.", Location(path.name))
    with _guard(path, ""):
        kind = sniff.kind(path)
    with _guard(path, kind):
        check_package(path, parts=_workbook_parts() if kind == "xlsx" else None)
    return kind


def _workbook_parts() -> dict:
    """Return the workbook members that have limits of their own (`ooxml.zipcheck.check_package`)."""
    limits = current()
    return {"xl/worksheets/": None, "xl/sharedStrings.xml": ("strings-too-big", limits.max_strings_mb),
            "xl/styles.xml": ("styles-too-big", limits.max_styles_mb)}


@contextmanager
def _guard(path: Path, kind: str):
    """Turn whatever reading `path` raises into its InputError (the file's name put in where missing)."""
    try:
        yield
    except InputError as exc:
        if exc.location is None or not exc.location.file:
            sheet = exc.location.sheet if exc.location else None
            cell = exc.location.cell if exc.location else None
            raise InputError(exc.message, Location(path.name, sheet, cell)) from None
        raise
    except DocgenError:
        raise
    except OSError as exc:
        raise InputError(f"Không đọc được tệp: {os_reason(exc)}", Location(path.name)) from None
    except Exception as exc:  # any parser's error: this file is unusable, the others are still read
        raise unreadable(path, exc, kind) from None


def read_sheets(path: Path, form):
    """Return (a `Grid` per sheet or Word table, facts, notes) of a file whose form the caller knows (a
    campaign's own): every sheet of an .xlsx, every table of a .docx but the facts table.

    Raises InputError (naming file and why) for a file that is not a readable workbook or Word document
    within the limits.
    """
    from docgen.readers import docx, xlsx

    path = Path(path)
    kind = _checked(path)
    with _guard(path, kind):
        return (xlsx.read_sheets if kind == "xlsx" else docx.read_tables)(path, form)
