"""Writing files: atomically, never over an existing file unless asked, under Windows-safe names."""

from __future__ import annotations

import errno
import os
import re
import tempfile
from pathlib import Path

from unidecode import unidecode

from docgen.errors import DocgenError, Location, os_reason
from docgen.vntext import shown

# Names Windows reserves, with or without an extension.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


class OutputError(DocgenError):
    """A file docgen may not or cannot write."""


def slug(text: str, default: str = "van-ban") -> str:
    """Return a file-name-safe ASCII slug of `text` (lower case, "-" between words).

    Vietnamese letters lose their marks (đ → d); Windows' reserved names and
    characters never come out; `default` is used when nothing is left.

    >>> slug("Tủa Chùa")
    'tua-chua'
    >>> slug("Thành phố Điện Biên Phủ")
    'thanh-pho-dien-bien-phu'
    >>> slug('A/B:C*?"<>|  ')
    'a-b-c'
    >>> slug("CON"), slug("..."), slug("lpt1")
    ('con-', 'van-ban', 'lpt1-')
    """
    text = _UNSAFE.sub("-", unidecode(text).lower()).strip("-")[:MAX_SLUG].strip("-")
    if not text:
        return default
    return f"{text}-" if text in _RESERVED else text


NAME_BYTES = 255   # the longest file name (in UTF-8 bytes) Linux file systems take; Windows takes 255 characters


def derived_name(stem: str, tail: str) -> str:
    """Return the name of a file made from an input named `stem`: `stem` + `tail` ("-ghi-chu.xlsx" …).

    The input's own name is kept as the clerk typed it, except what no output may
    hold: bytes that are not UTF-8 and control characters (a newline) become U+FFFD,
    and a name too long for the file system once `tail` is added is cut.

    >>> derived_name("Mường Nhé", "-ghi-chu.xlsx"), derived_name("a" + chr(10) + "b", "-da-sua.docx")
    ('Mường Nhé-ghi-chu.xlsx', 'a�b-da-sua.docx')
    >>> name = derived_name("Đ" * 124, "-da-sua.docx")
    >>> len(name.encode()) <= 255, name.endswith("Đ-da-sua.docx")
    (True, True)
    """
    stem = shown(stem)
    room = NAME_BYTES - len(tail.encode("utf-8"))
    while len(stem.encode("utf-8")) > room:
        stem = stem[:-1]
    return stem + tail


def write_bytes(path: Path, data: bytes, overwrite: bool = False) -> Path:
    """Return `path` after writing `data` to it atomically (temp file in the same folder, then one step).

    Without `overwrite` the step that puts the file in place also claims its
    name (a hard link, which fails when the name exists; where the disk has no
    hard links, an exclusive create of the name first), so two runs at once can
    never both write the same file. The file gets the usual permissions (the
    umask), not the temp file's private ones. Raises `OutputError` (Vietnamese:
    what happened and what to do) when the file exists and `overwrite` is False,
    or when the folder or the disk cannot take it.
    """
    path = Path(path)
    check_free(path, overwrite)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{_ascii(path.name)}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"Không tạo được tệp trong thư mục «{path.parent}»: {os_reason(exc)}.",
                          Location(str(path))) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        if overwrite:
            os.replace(tmp, path)
        else:
            _claim(tmp, path)
    except FileExistsError:
        raise OutputError(_exists_message(path), Location(str(path))) from None
    except OSError as exc:
        raise OutputError(f"Không ghi được tệp «{path}»: {os_reason(exc)}.", Location(str(path))) from exc
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return path


def _claim(tmp: str, path: Path) -> None:
    """Put `tmp` in place at `path` only if no file has that name; FileExistsError otherwise (one atomic step)."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS and not isinstance(exc, (NotImplementedError, PermissionError)):
            raise
    # A disk without hard links (FAT USB sticks, some network shares): claim the name, then replace it.
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    os.close(fd)
    try:
        os.replace(tmp, path)
    except OSError:
        os.unlink(path)
        raise


_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


def _umask() -> int:
    """Return the process's umask (read by setting it, and set back at once)."""
    if os.name != "posix":
        return 0
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _ascii(name: str) -> str:
    """Return a short ASCII form of a file name for temp files (a name that is not UTF-8 stays readable)."""
    return slug(name, "tep")[:20]


def check_free(path: Path, overwrite: bool = False) -> None:
    """Raise `OutputError` when `path` exists and `overwrite` is False (early: the write checks again, atomically)."""
    if not overwrite and os.path.lexists(path):
        raise OutputError(_exists_message(Path(path)), Location(str(path)))


def _exists_message(path: Path) -> str:
    return f"Tệp «{path}» đã có; không ghi đè. Thêm --ghi-de để thay tệp cũ."
