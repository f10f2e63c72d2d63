"""Broken and hostile packages made on the fly from the shipped samples (for the fuzz suite and bench/).

Each maker takes the bytes of a real .xlsx/.docx and returns the bytes of a
damaged copy: one XML part truncated, a byte flipped, a DOCTYPE with entities,
a control character, a bad cell reference, a decompression bomb … `zip_bytes`
writes packages member by member with precompressed data, so a bomb of
gigabytes costs one megabyte and a fraction of a second to build.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zipfile
import zlib

SHEET = "xl/worksheets/sheet1.xml"
BODY = "word/document.xml"
MB = 1024 * 1024


def members(data: bytes) -> list[tuple[str, bytes]]:
    """Return the (name, bytes) of each member of a zip, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """Return the package with members replaced (None: removed) or added, the others kept."""
    out = io.BytesIO()
    done = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members(data):
            if name in changes:
                done.add(name)
                if changes[name] is None:
                    continue
                blob = changes[name]
            zf.writestr(name, blob)
        for name, blob in changes.items():
            if name not in done and blob is not None:
                zf.writestr(name, blob)
    return out.getvalue()


def part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def edit(data: bytes, name: str, fn) -> bytes:
    """Return the package with member `name` replaced by fn(its bytes)."""
    return rezip(data, {name: fn(part(data, name))})


# --- damaged XML -----------------------------------------------------------------------------------------------

def truncated_part(data: bytes, name: str, fraction: float) -> bytes:
    return edit(data, name, lambda x: x[: int(len(x) * fraction)])


def flipped_byte(data: bytes, name: str, seed: int) -> bytes:
    """Return the package with one byte of member `name` set to a random value."""
    rnd = random.Random(seed)

    def flip(x: bytes) -> bytes:
        i = rnd.randrange(len(x))
        return x[:i] + bytes([rnd.randrange(256)]) + x[i + 1:]

    return edit(data, name, flip)


LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10)) + b"]>")
XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'


def with_doctype(data: bytes, name: str, doctype: bytes = LAUGHS, use: bytes = b"&lol9;") -> bytes:
    """Return the package with a DOCTYPE put before the root of member `name`, and an entity used in its text."""

    def inject(x: bytes) -> bytes:
        x = re.sub(rb"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or b"") + doctype, x, count=1)
        return re.sub(rb"(<(?:\w+:)?t(?: [^>]*)?>)", lambda m: m.group(1) + use, x, count=1)

    return edit(data, name, inject)


def in_first_text(data: bytes, name: str, raw: bytes) -> bytes:
    """Return the package with `raw` bytes put into the first text element of member `name`."""
    return edit(data, name, lambda x: re.sub(rb"(<(?:\w+:)?t(?: [^>]*)?>)", lambda m: m.group(1) + raw, x, count=1))


def replaced(data: bytes, name: str, old: bytes, new: bytes, count: int = 1) -> bytes:
    return edit(data, name, lambda x: x.replace(old, new, count))


def shared_string_cell(data: bytes, index: bytes) -> bytes:
    """Return the workbook with one inline-string cell of the table turned into a shared string `index`."""
    def change(x: bytes) -> bytes:
        return re.sub(rb'<c r="B12"([^>]*) t="inlineStr"><is>.*?</is></c>',
                      lambda m: b'<c r="B12"' + m.group(1) + b' t="s"><v>' + index + b"</v></c>", x, count=1)

    return edit(data, SHEET, change)


def with_merge(data: bytes, ref: bytes) -> bytes:
    """Return the workbook with one more merged area `ref` on its first sheet."""
    def change(x: bytes) -> bytes:
        if b"<mergeCells" in x:
            return re.sub(rb"<mergeCells[^>]*>", lambda m: m.group(0) + b'<mergeCell ref="' + ref + b'"/>', x, count=1)
        return x.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="' + ref + b'"/></mergeCells>')

    return edit(data, SHEET, change)


# --- bombs: real deflate streams, the padding compressed once and its blocks repeated -----------------------

def _padded_deflate(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Return (raw deflate data, CRC-32, size) of head + chunk × times + tail, built in O(len(chunk)).

    After a full flush the compressor holds no history, so each further `chunk`
    would compress to the same bytes: they are written once and repeated.
    """
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    last = c.compress(tail) + c.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return first + block * times + last, crc, len(head) + len(chunk) * times + len(tail)


def zip_bytes(entries: list[tuple[str, bytes | tuple[bytes, int, int]]]) -> bytes:
    """Return a zip of `entries`: (name, plain bytes) deflated here, or (name, (deflate data, crc, size)) as given."""
    out = io.BytesIO()
    central = []
    for name, blob in entries:
        if isinstance(blob, tuple):
            data, crc, size = blob
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            data, crc, size = c.compress(blob) + c.flush(), zlib.crc32(blob), len(blob)
        raw = name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size, len(raw), 0))
        out.write(raw)
        out.write(data)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(data),
                                   size, len(raw), 0, 0, 0, 0, 0, offset) + raw)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0))
    return out.getvalue()


def bomb(data: bytes, name: str, unpacked_mb: int, filler: bytes = b" ") -> bytes:
    """Return the package with member `name` padded (before its last end tag) to about `unpacked_mb` MB.

    The padding is whitespace inside the root element: well-formed XML, so only
    its size gives it away. Any other member (an image) may be padded with any filler.
    """
    entries: list = []
    for member, blob in members(data):
        if member == name:
            end = blob.rindex(b"</") if blob.rstrip().endswith(b">") else len(blob)
            blob = _padded_deflate(blob[:end], filler * MB, unpacked_mb, blob[end:])
        entries.append((member, blob))
    return zip_bytes(entries)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def padded(data: bytes, name: str, marker: bytes, chunk: bytes, times: int) -> bytes:
    """Return the package with `chunk` × `times` put before the first `marker` of member `name`, deflated cheaply."""
    entries: list = []
    for member, blob in members(data):
        if member == name:
            at = blob.index(marker)
            blob = _padded_deflate(blob[:at], chunk, times, blob[at:])
        entries.append((member, blob))
    return zip_bytes(entries)


def with_doctype_utf16(xml: bytes) -> bytes:
    """Return an XML part re-encoded as UTF-16 with a DOCTYPE (a byte scan for "<!DOCTYPE" would miss it)."""
    text = re.sub(r"^<\?xml[^>]*\?>", "", xml.decode("utf-8"))
    return ('<?xml version="1.0" encoding="UTF-16"?>' + LAUGHS.decode() + text).encode("utf-16")


def wide_rows(data: bytes, rows: int) -> bytes:
    """Return the workbook whose sheet has `rows` more rows, each with one value in the last column (XFD)."""
    chunk = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (100 + i, 100 + i)
                     for i in range(rows))
    return edit(data, SHEET, lambda b: b.replace(b"</sheetData>", chunk + b"</sheetData>", 1))


def huge_row(data: bytes, cells: int) -> bytes:
    """Return the workbook whose first row holds `cells` more empty cells (a tree built whole before any event)."""
    return padded(data, SHEET, b"</row>", b"<c/>" * 1000, cells // 1000)


def with_shared_strings(data: bytes) -> bytes:
    """Return the workbook with a shared-strings part (the samples use inline strings)."""
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>'
    ct = part(data, "[Content_Types].xml").replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                                   b'"application/vnd.openxmlformats-officedocument.spreadsheetml'
                                                   b'.sharedStrings+xml"/></Types>')
    rels = part(data, "xl/_rels/workbook.xml.rels").replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type='
                                                            b'"http://schemas.openxmlformats.org/officeDocument/2006/'
                                                            b'relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                                            b"</Relationships>")
    return rezip(data, {"xl/sharedStrings.xml": sst, "[Content_Types].xml": ct, "xl/_rels/workbook.xml.rels": rels})


def with_media(data: bytes, name: str, unpacked_mb: int, filler: bytes = b"\0") -> bytes:
    """Return the package with one more member `name` that unpacks to `unpacked_mb` MB (an image nobody needs)."""
    return zip_bytes(members(data) + [(name, _padded_deflate(b"\x89PNG", filler * MB, unpacked_mb, b""))])


def encrypted_flag(data: bytes, name: str) -> bytes:
    """Return the package with member `name` marked encrypted (zip flag bit 0) in both its headers."""
    out = bytearray(data)
    raw = name.encode()
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (i := out.find(sig, start)) >= 0:
            name_len_at = 26 if sig == b"PK\x03\x04" else 28
            n = int.from_bytes(out[i + name_len_at:i + name_len_at + 2], "little")
            head = 30 if sig == b"PK\x03\x04" else 46
            if bytes(out[i + head:i + head + n]) == raw:
                out[i + flag_at] |= 1
            start = i + 4
    return bytes(out)


def stored(data: bytes) -> bytes:
    """Return the package with every member stored, not deflated (legal, and harmless)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, blob in members(data):
            zf.writestr(name, blob)
    return buf.getvalue()


def many_paragraphs(data: bytes, count: int) -> bytes:
    """Return the document with `count` more empty paragraphs before its section properties."""
    return padded(data, BODY, b"<w:sectPr", b"<w:p/>" * 1000, count // 1000)


def long_table(data: bytes, rows: int) -> bytes:
    """Return the document whose first table has `rows` more copies of its last row."""
    body = part(data, BODY)
    end = body.index(b"</w:tbl>")
    start = body.rindex(b"<w:tr ", 0, end) if body.rfind(b"<w:tr ", 0, end) > body.rfind(b"<w:tr>", 0, end) \
        else body.rindex(b"<w:tr>", 0, end)
    return padded(data, BODY, b"</w:tbl>", body[start:end], rows)


def with_jinja(data: bytes, text: str) -> bytes:
    """Return the template with one more first paragraph holding `text` (Jinja, typed in Word)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")
    para = b'<w:p><w:r><w:t xml:space="preserve">' + escaped + b"</w:t></w:r></w:p>"
    return edit(data, BODY, lambda b: re.sub(rb"(<w:body>)", lambda m: m.group(1) + para, b, count=1))
