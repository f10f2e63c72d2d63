"""Table rows as XML: read a row's text, stamp copies of a row with values, splice them in.

A *row stamp* is a table row (`w:tr`) whose `{{ x.y }}` placeholders were cut out
of its serialised XML once; filling it is a string join of escaped values, so a
table of ten thousand rows costs about as much as writing its bytes. Rows are
put in place through a *slot*: a processing instruction left in the table where
the rows go, replaced by the stamped rows when the package is written.

Nothing here knows what the rows mean: keys are whatever the template names.
"""

from __future__ import annotations

import copy
import io
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_W = f"{{{W_NS}}}"
_TBL, _TR, _T = _W + "tbl", _W + "tr", _W + "t"
_SLOT_PI = "docgen-rows"
DOCUMENT_PART = "word/document.xml"

# One placeholder: {{ name.key }} (spaces optional), nothing else inside the braces.
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*\}\}")
_ANY_TAG = re.compile(r"\{[{%#]|[}%#]\}")


def tables(root: etree._Element) -> list[etree._Element]:
    """Return every table (`w:tbl`) under `root`, in document order, nested ones included."""
    return list(root.iter(_TBL))


def rows(tbl: etree._Element) -> list[etree._Element]:
    """Return the table's own rows (`w:tr` children), not those of nested tables."""
    return tbl.findall(_TR)


def row_text(tr: etree._Element) -> str:
    """Return the text of a row: its `w:t` texts joined, cells separated by nothing.

    >>> row_text(etree.fromstring(_row_xml("{%tr for g in nhom %}")))
    '{%tr for g in nhom %}'
    """
    return "".join(t.text or "" for t in tr.iter(_T))


def remove(elements: Iterable[etree._Element]) -> None:
    """Remove each element from its parent."""
    for el in elements:
        el.getparent().remove(el)


def escape(text: str) -> str:
    """Return `text` escaped for an XML text node.

    >>> escape("Trang A & B <C>")
    'Trang A &amp; B &lt;C&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class RowStamp:
    """A row's XML cut at its placeholders: `parts[0] v0 parts[1] v1 … parts[n]`.

    `fields` holds the (name, key) pair of each cut, in order; every `name` is the
    same loop variable (`fields` may be empty: the row is copied as it is).
    """

    parts: tuple[str, ...]
    fields: tuple[tuple[str, str], ...]

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the keys filled, in order (with repeats)."""
        return tuple(k for _, k in self.fields)

    def fill(self, values: Sequence[str]) -> str:
        """Return the row's XML with `values` (one per field, already escaped) in place."""
        parts = self.parts
        out = [parts[0]]
        for i, value in enumerate(values):
            out.append(value)
            out.append(parts[i + 1])
        return "".join(out)


_EMPTY_T = re.compile(r"<w:t( [^>]*)?></w:t>")


def collapse_empty_text(xml: str) -> str:
    """Return row XML with each empty `w:t` written as lxml writes it (`<w:t …/>`), so spliced rows match parsed ones.

    >>> collapse_empty_text('<w:t xml:space="preserve"></w:t><w:t>a</w:t>')
    '<w:t xml:space="preserve"/><w:t>a</w:t>'
    """
    return _EMPTY_T.sub(r"<w:t\1/>", xml)


def compile_row(tr: etree._Element, nsmap: dict) -> RowStamp | None:
    """Return the stamp of row `tr`, or None when its tags are not plain `{{ x.y }}` in one `w:t` each.

    `nsmap` is the namespace map of the part the rows go into, so the stamped XML
    carries no namespace declarations of its own.
    """
    clone = copy.deepcopy(tr)
    token = uuid.uuid4().hex
    fields: list[tuple[str, str]] = []
    for t in clone.iter(_T):
        text = t.text or ""
        if not _ANY_TAG.search(text):
            continue
        pieces = PLACEHOLDER.split(text)
        literal = pieces[0::3]
        if any(_ANY_TAG.search(s) for s in literal):
            return None  # a filter, an expression, or a tag Word split across runs
        out = [literal[0]]
        for i in range(1, len(pieces), 3):
            fields.append((pieces[i], pieces[i + 1]))
            out.append(f"@{token}@")
            out.append(pieces[i + 2])
        t.text = "".join(out)
        t.set(f"{{{XML_NS}}}space", "preserve")
    if _ANY_TAG.search(row_text(clone).replace(f"@{token}@", "")):
        return None
    wrapper = etree.Element(_TBL, nsmap=nsmap)
    wrapper.append(clone)
    xml = etree.tostring(wrapper, encoding="unicode")
    inner = xml[xml.index(">") + 1: xml.rindex("<")]
    parts = tuple(inner.split(f"@{token}@"))
    if len(parts) != len(fields) + 1:
        return None
    return RowStamp(parts, tuple(fields))


def add_slot(tbl: etree._Element, before: etree._Element | None) -> str:
    """Return the id of a new slot placed in `tbl` before row `before` (at the end when None)."""
    slot_id = uuid.uuid4().hex
    pi = etree.ProcessingInstruction(_SLOT_PI, slot_id)
    if before is None:
        tbl.append(pi)
    else:
        before.addprevious(pi)
    return slot_id


def slot_marker(slot_id: str) -> bytes:
    """Return the bytes a slot serialises to."""
    return f"<?{_SLOT_PI} {slot_id}?>".encode()


def fill_slots(xml: bytes, filled: dict[str, Callable[[], Iterable[str]]]) -> bytes:
    """Return part XML with each slot replaced by the rows its function yields (unknown slots dropped).

    >>> xml = b'<w:tbl xmlns:w="x"><?docgen-rows abc?></w:tbl>'
    >>> fill_slots(xml, {"abc": lambda: ["<w:tr/>", "<w:tr/>"]})
    b'<w:tbl xmlns:w="x"><w:tr/><w:tr/></w:tbl>'
    """
    return b"".join(iter_fill_slots(xml, filled))


_SLOT_RE = re.compile(rb"<\?" + _SLOT_PI.encode() + rb" ([0-9a-f]+)\?>")


def slot_ids(xml: str) -> list[str]:
    """Return the ids of the slots in part XML, in order.

    >>> slot_ids('<w:tbl><?docgen-rows ab12?></w:tbl>')
    ['ab12']
    """
    return [m.decode() for m in _SLOT_RE.findall(xml.encode("utf-8"))]


def iter_fill_slots(xml: bytes, filled: dict[str, Callable[[], Iterable[str]]]) -> Iterator[bytes]:
    """Yield part XML in pieces, each slot replaced by its rows, one row at a time (nothing held whole)."""
    pos = 0
    for m in _SLOT_RE.finditer(xml):
        yield xml[pos:m.start()]
        make = filled.get(m.group(1).decode())
        if make is not None:
            for row in make():
                yield row.encode("utf-8")
        pos = m.end()
    yield xml[pos:]


def fill_slots_in_tree(root: etree._Element, filled: dict[str, Iterable[str]], nsmap: dict) -> None:
    """Replace each slot under `root` by the rows of `filled[slot id]`, parsed strictly; drop other slots."""
    for pi in list(root.iter(etree.ProcessingInstruction)):
        if pi.target != _SLOT_PI:
            continue
        rows_xml = filled.get((pi.text or "").strip())
        if rows_xml is not None:
            anchor = pi
            for tr in parse_rows("".join(rows_xml), nsmap):
                anchor.addnext(tr)
                anchor = tr
        pi.getparent().remove(pi)


def rewrite_part(package: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    """Return the zip `package` with member `part` passed through `change`, other members copied."""
    return rewrite_package(package, {part: lambda data: [change(data)]})


def rewrite_package(package: bytes, changes: dict[str, Callable[[bytes], Iterable[bytes]]],
                    restore: dict[str, "Deflated"] | None = None) -> bytes:
    """Return the zip `package` with members rewritten by `changes` (streamed in pieces) and members in `restore` put back.

    Members keep their order; `restore` holds members compressed once (`lighten`)
    that are copied as they are instead of being compressed again.
    """
    restore = restore or {}
    src = zipfile.ZipFile(io.BytesIO(package))
    members = []
    for info in src.infolist():
        name = info.filename
        if name in restore:
            members.append((name, restore[name]))
            continue
        data = src.read(info)
        members.append((name, deflate(changes[name](data) if name in changes else [data])))
    return write_zip(members)


@dataclass(frozen=True)
class Deflated:
    """A zip member compressed once: CRC-32, uncompressed size and raw deflate bytes."""

    crc: int
    size: int
    data: bytes


def deflate(pieces: Iterable[bytes]) -> Deflated:
    """Return the member made of `pieces`, compressed as zipfile would (deflate, default level).

    >>> m = deflate([b"abc", b"def"])
    >>> (m.size, m.crc == zlib.crc32(b"abcdef"), zlib.decompress(m.data, -15))
    (6, True, b'abcdef')
    """
    comp = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    crc, size, out = 0, 0, []
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        out.append(comp.compress(piece))
    out.append(comp.flush())
    return Deflated(crc, size, b"".join(out))


_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, so equal input gives equal bytes


def write_zip(members: list[tuple[str, Deflated]]) -> bytes:
    """Return a zip archive of already-deflated members, in order (read back by any zip reader).

    >>> z = zipfile.ZipFile(io.BytesIO(write_zip([("a.xml", deflate([b"<a/>"]))])))
    >>> z.testzip(), z.read("a.xml")
    (None, b'<a/>')
    """
    buf, central = io.BytesIO(), []
    for name, m in members:
        raw, offset = name.encode("utf-8"), buf.tell()
        if max(m.size, len(m.data), offset) >= 0xFFFFFFFF:
            raise ValueError("package too large for a zip without zip64")
        buf.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, _DOS_DATE, m.crc, len(m.data), m.size,
                              len(raw), 0))
        buf.write(raw)
        buf.write(m.data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, _DOS_DATE, m.crc,
                                   len(m.data), m.size, len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = buf.tell()
    for entry in central:
        buf.write(entry)
    buf.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), buf.tell() - start, start, 0))
    return buf.getvalue()


# Parts a template renderer reads and writes (body, headers, footers, notes, core properties)
# and the package's own bookkeeping; every other part only travels from template to output.
_RENDERED = re.compile(r"^(\[Content_Types\]\.xml|.*\.rels|word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml"
                       r"|docProps/core\.xml)$")
CARRY_MIN_BYTES = 8192


def lighten(package: bytes) -> tuple[bytes, dict[str, Deflated]]:
    """Return the package with its large pass-through parts (styles, themes, images …) replaced by stubs, and the originals.

    An XML part's stub is its empty root element (so a reader still finds the
    part it expects); another part's stub is empty. Writing the rendered
    package with `rewrite_package(…, restore=originals)` puts the originals back
    byte for byte, compressed once here, so they are never parsed, re-serialised
    or compressed again per document.
    """
    src = zipfile.ZipFile(io.BytesIO(package))
    originals = {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.file_size >= CARRY_MIN_BYTES and not _RENDERED.match(info.filename):
                originals[info.filename] = deflate([data])
                data = _stub(data)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue(), originals


def _stub(data: bytes) -> bytes:
    """Return the empty root element of an XML part (b"" when the part is not XML)."""
    if not data.lstrip().startswith(b"<"):
        return b""
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return b""
    return etree.tostring(etree.Element(root.tag, nsmap=root.nsmap), xml_declaration=True, encoding="UTF-8",
                          standalone=True)


def parse_rows(xml: str, nsmap: dict) -> list[etree._Element]:
    """Return row elements parsed (strictly) from stamped row XML written for a part with `nsmap`."""
    decl = " ".join(f'xmlns:{p}="{u}"' if p else f'xmlns="{u}"' for p, u in nsmap.items())
    wrapper = etree.fromstring(f"<w:tbl {decl}>{xml}</w:tbl>".encode("utf-8"))
    return list(wrapper)


def _row_xml(text: str) -> str:
    """Return a one-cell row holding `text` (for examples)."""
    return (f'<w:tr xmlns:w="{W_NS}"><w:tc><w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:tc></w:tr>')
