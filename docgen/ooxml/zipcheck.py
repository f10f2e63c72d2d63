"""Look at a package before any parser does: sizes, compression ratios, and DOCTYPEs in its XML parts.

openpyxl, python-docx and docgen's own readers all open packages with `zipfile`,
which never unpacks a member beyond the size its entry declares (a larger
stream fails its CRC). So checking the declared sizes and ratios against
`docgen.limits` before parsing bounds what any parser can unpack. Each XML part
is then read up to its root element: a DOCTYPE there (entity definitions, an
external DTD) is refused, never obeyed, whatever parser would come next. A part
that is not well-formed is left to the parser that reads it (which says where).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from docgen.limits import MB, RATIO_FROM_MB, Limits, current, megabytes
from docgen.ooxml import PackageError

_CHUNK = 64 * 1024
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ENCRYPTED = 0x1


def check_package(source: str | Path | bytes, limits: Limits | None = None,
                  parts: dict[str, tuple[str, float] | None] | None = None) -> None:
    """Raise PackageError when the package `source` (a path or its bytes) breaks a limit or holds a DOCTYPE.

    Every XML member must fit `max_tree_mb`, since it is read whole into memory,
    except those `parts` names by the start of their name: None for a member its
    reader streams piece by piece, or (reason, MB) for a member with a limit of
    its own (a workbook's styles cost far more memory per byte than a document).
    Raises PackageError("not-zip") for bytes that are no zip.
    """
    limits = limits or current()
    size = len(source) if isinstance(source, (bytes, bytearray)) else Path(source).stat().st_size
    if size > limits.max_file_mb * MB:
        raise PackageError("file-too-big", size=megabytes(size), limit=megabytes(limits.max_file_mb * MB))
    fileobj = io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else source
    try:
        with zipfile.ZipFile(fileobj) as zf:
            infos = zf.infolist()
            _check_sizes(infos, limits, parts or {})
            for info in infos:
                _check_xml(zf, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise PackageError("not-zip" if isinstance(exc, zipfile.BadZipFile) else "corrupt", str(exc)) from None


def _check_sizes(infos: list[zipfile.ZipInfo], limits: Limits, parts: dict) -> None:
    if len(infos) > limits.max_parts:
        raise PackageError("too-many-parts", size=f"{len(infos)} phần", limit=f"{limits.max_parts} phần")
    total = 0
    for info in infos:
        part, unpacked = info.filename, info.file_size
        if info.flag_bits & _ENCRYPTED:
            raise PackageError("encrypted", part=part)
        if unpacked > limits.max_part_mb * MB:
            raise PackageError("part-too-big", part=part, size=megabytes(unpacked),
                               limit=megabytes(limits.max_part_mb * MB))
        if unpacked > RATIO_FROM_MB * MB and unpacked > limits.max_ratio * max(info.compress_size, 1):
            raise PackageError("ratio", part=part, size=megabytes(unpacked), limit=f"{limits.max_ratio:g}")
        reason, cap = _whole_limit(part, limits, parts)
        if cap is not None and unpacked > cap * MB:
            raise PackageError(reason, part=part, size=megabytes(unpacked), limit=megabytes(cap * MB))
        total += unpacked
        if total > limits.max_total_mb * MB:
            raise PackageError("total-too-big", size=megabytes(total), limit=megabytes(limits.max_total_mb * MB))


def _whole_limit(part: str, limits: Limits, parts: dict) -> tuple[str, float | None]:
    """Return (reason, MB) of the limit on a member read whole, (…, None) when it is not read whole."""
    for start, own in parts.items():
        if part.startswith(start):
            return own if own is not None else ("", None)
    return ("tree-too-big", limits.max_tree_mb) if _is_xml_name(part) else ("", None)


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _check_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Raise PackageError when member `info` is XML whose prolog declares a DOCTYPE (or cannot be read)."""
    if info.file_size == 0 or info.is_dir():
        return
    try:
        with zf.open(info) as fh:
            head = fh.read(_CHUNK)
            if not _looks_like_xml(head):
                return
            parser = etree.XMLPullParser(events=("start",), resolve_entities=False, load_dtd=False,
                                         no_network=True, huge_tree=False)
            while head:
                parser.feed(head)
                for _, element in parser.read_events():
                    info_ = element.getroottree().docinfo
                    if info_.doctype or info_.internalDTD is not None or info_.system_url:
                        raise PackageError("doctype", part=info.filename)
                    return
                head = fh.read(_CHUNK)
    except etree.XMLSyntaxError:
        # Not well-formed: the reader that parses this part (if any does) says so, with where. Old VML drawings
        # written by Excel are often not XML at all, and nothing reads them.
        if _declares_doctype(head):
            raise PackageError("doctype", part=info.filename) from None
    except NotImplementedError:
        raise PackageError("unsupported", part=info.filename) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError) as exc:
        raise PackageError("corrupt", f"{info.filename}: {exc}", part=info.filename) from None


def _looks_like_xml(head: bytes) -> bool:
    """Return whether a member's first bytes start an XML document (UTF-8 or UTF-16, with or without BOM).

    >>> _looks_like_xml(b"\\xef\\xbb\\xbf<?xml"), _looks_like_xml("<x/>".encode("utf-16")), _looks_like_xml(b"\\x89PNG")
    (True, True, False)
    """
    for bom in _BOMS:
        if head.startswith(bom):
            return True
    body = head.lstrip(b" \t\r\n")
    return body.startswith((b"<", b"<\x00", b"\x00<"))


def _declares_doctype(head: bytes) -> bool:
    """Return whether the first bytes of an XML part hold a DOCTYPE (UTF-8 or UTF-16).

    >>> _declares_doctype(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    True
    """
    for encoding in ("utf-8", "utf-16"):
        if "<!DOCTYPE" in head.decode(encoding, errors="ignore").upper():
            return True
    return False
