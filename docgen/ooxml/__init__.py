"""XML layer over python-docx: namespaces, opening a package, and unit conversion.

This package is the only place in docgen with XPath, `w:` tag names, twips and
half-points. Values leave it as python-docx `Length` (or plain numbers in mm and
pt); `None` always means "not set here, inherited".

Modules: `package` (a .docx read with zipfile + lxml, only the parts needed;
python-docx Documents are accepted too), `styles` (effective run and paragraph
formatting), `sections` (page setup, headers and footers per section), `text`
(paragraphs, runs, tables and line shapes in document order), `rows` (appendix
rows; owned by the renderer).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from functools import lru_cache

from docx.oxml.ns import qn as _qn
from docx.shared import Emu, Length, Pt, Twips

qn = lru_cache(maxsize=None)(_qn)  # "w:p" → "{…main}p"; hot in the checker's tree walks

__all__ = ["qn", "open_docx", "PackageError", "whole", "twips", "half_points", "NS", "Emu", "Length", "Pt"]

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


class PackageError(Exception):
    """A package docgen does not read; `reason` says why.

    "missing", "not-zip", "not-docx", "corrupt"; or a limit or safety refusal of
    `ooxml.zipcheck` ("part-too-big", "ratio", "doctype" …, see `docgen.limits`),
    where `part` names the member and `size`, `limit` the numbers, ready to show.
    """

    def __init__(self, reason: str, detail: str = "", part: str = "", size: str = "", limit: str = "",
                 cause: BaseException | None = None):
        super().__init__(f"{reason}: {detail or part}")
        self.reason = reason
        self.detail = detail
        self.part, self.size, self.limit = part, size, limit
        self.cause = cause  # the parser's own exception, for a part that is not well-formed ("xml")


def open_docx(path: str | Path):
    """Return the python-docx Document at `path`; raise PackageError when it cannot be read.

    The checker reads files with `package.read_package` (same trees, same refusals, faster).
    """
    import docx

    path = Path(path)
    if not path.is_file():
        raise PackageError("missing", str(path))
    if not zipfile.is_zipfile(path):
        raise PackageError("not-zip", str(path))
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            bad = zf.testzip()
        if bad is not None:
            raise PackageError("corrupt", bad)
        if "word/document.xml" not in names:
            raise PackageError("not-docx", str(path))
        return docx.Document(str(path))
    except PackageError:
        raise
    except Exception as exc:  # python-docx/lxml raise many kinds for a broken package
        raise PackageError("corrupt", f"{type(exc).__name__}: {exc}") from exc


def whole(value: str | None) -> int | None:
    """Return a numeric attribute as an int, None when absent, not a number, or not finite (a hostile "1e400").

    >>> whole("1134"), whole("12.7"), whole("1e400"), whole("nan"), whole("x"), whole(None)
    (1134, 12, None, None, None, None)
    """
    if value is None:
        return None
    try:
        return int(float(value))
    except (ValueError, OverflowError):
        return None


def twips(value: str | None) -> Length | None:
    """Return a twips attribute value as a Length (None when absent or not a number).

    >>> twips("1134").mm.__round__(1)
    20.0
    >>> twips(None) is None
    True
    """
    number = whole(value)
    return None if number is None else Twips(number)


def half_points(value: str | None) -> Length | None:
    """Return a `w:sz` value (half-points) as a Length.

    >>> half_points("26").pt
    13.0
    """
    number = whole(value)
    return None if number is None else Pt(number / 2)


def _register() -> None:
    """Map the elements python-docx leaves unmapped to docgen's classes (never re-map one it maps)."""
    from docx.oxml.parser import register_element_cls

    from docgen.ooxml.elements import CT_PageNumberType, CT_PBdr

    register_element_cls("w:pgNumType", CT_PageNumberType)
    register_element_cls("w:pBdr", CT_PBdr)


_register()
