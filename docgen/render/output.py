"""Writing files: atomically, never over an existing file unless asked, under Windows-safe names."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from unidecode import unidecode

from docgen.errors import DocgenError, Location

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


def write_bytes(path: Path, data: bytes, overwrite: bool = False) -> Path:
    """Return `path` after writing `data` to it atomically (temp file in the same folder, then rename).

    Raises `OutputError` when the file exists and `overwrite` is False, or when
    the folder cannot be written.
    """
    path = Path(path)
    check_free(path, overwrite)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"Không tạo được tệp trong thư mục «{path.parent}»: {exc.strerror}.", Location(str(path))) \
            from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if not overwrite and path.exists():
            raise OutputError(_exists_message(path), Location(str(path)))
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"Không ghi được tệp «{path}»: {exc.strerror}. Tệp có đang mở trong Word không?",
                          Location(str(path))) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def check_free(path: Path, overwrite: bool = False) -> None:
    """Raise `OutputError` when `path` exists and `overwrite` is False."""
    if not overwrite and Path(path).exists():
        raise OutputError(_exists_message(Path(path)), Location(str(path)))


def _exists_message(path: Path) -> str:
    return f"Tệp «{path}» đã có; không ghi đè. Thêm --ghi-de để thay tệp cũ."
