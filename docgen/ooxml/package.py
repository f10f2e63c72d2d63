"""A .docx package read straight with zipfile + lxml: only the parts the checker needs are parsed.

`Package` is what `styles.Formatting`, `text.body_blocks` and `sections.sections`
read: the body element, the styles, theme and numbering roots, and the root
element of a part the document relates to (headers, footers). `as_package`
turns a python-docx Document into the same shape, so both can be checked.

`read_package` parses XML with the parser settings python-docx uses (blank text
removed, entities not resolved), so the trees and hence the findings are the
same as through `docx.Document`, at a fraction of the cost: the 365 KB styles
part of docgen's templates is parsed once per distinct content (`styles_key`
lets `Formatting` reuse its resolution), and parts the checker does not read
(stylesWithEffects, images, fonts …) are not decompressed. With `verify` it
first refuses what python-docx would refuse (bad CRC in any member, a relationship
to a missing part or to one without a content type, an XML part python-docx
parses that does not parse, a main part that is not a Word document).

Memory stays bounded on a body table of many thousand rows (a national summary's
appendix): the main part is parsed as a stream, and a table longer than
`LONG_TABLE_ROWS` keeps its rows as a `LongTable` (one element per distinct row
shape, plus each row's texts), from which `text.body_blocks` makes the same views.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docgen.ooxml import PackageError, stream
from docgen.ooxml.zipcheck import check_package

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, load_dtd=False, no_network=True)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _R + "officeDocument"
RT_STYLES = _R + "styles"
RT_NUMBERING = _R + "numbering"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# The content types python-docx parses as XML when it opens a package (docx/__init__.py).
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_PARSED_TYPES = frozenset({
    "application/vnd.openxmlformats-package.core-properties+xml", _WML + "comments+xml", CT_MAIN,
    _WML + "footer+xml", _WML + "header+xml", _WML + "numbering+xml", _WML + "settings+xml",
    _WML + "styles+xml"})


@dataclass(frozen=True)
class Rel:
    """One relationship of a part: id, type, target part name ("/word/styles.xml"), external or not."""

    rid: str
    reltype: str
    target: str
    external: bool


def _parse(data: bytes):
    return etree.fromstring(data, _PARSER)


def _rels_name(partname: str) -> str:
    """Return the zip member of the .rels of `partname` ("/" for the package)."""
    folder, name = posixpath.split(partname)
    return posixpath.join(folder, "_rels", name + ".rels").lstrip("/")


def _read_rels(zf, names: set[str], partname: str) -> list[Rel]:
    member = _rels_name(partname)
    if member not in names:
        return []
    base = posixpath.dirname(partname) or "/"
    out = []
    for el in _parse(zf.read(member)).iter(_PKG_RELS):
        external = el.get("TargetMode") == "External"
        ref = el.get("Target")
        target = ref if external else posixpath.normpath(posixpath.join(base, ref))
        out.append(Rel(el.get("Id"), el.get("Type"), target, external))
    return out


class _ContentTypes:
    def __init__(self, root):
        self.defaults = {e.get("Extension").lower(): e.get("ContentType") for e in root.iter(_CT + "Default")}
        self.overrides = {e.get("PartName").lower(): e.get("ContentType") for e in root.iter(_CT + "Override")}

    def __getitem__(self, partname: str) -> str:
        if partname.lower() in self.overrides:
            return self.overrides[partname.lower()]
        ext = posixpath.splitext(partname)[1].lstrip(".").lower()
        if ext not in self.defaults:   # python-docx fails here too: name the part, not the last one read
            raise PackageError("corrupt", f"{partname}: không có kiểu nội dung", part=partname.lstrip("/"))
        return self.defaults[ext]


@dataclass
class Package:
    """The parts of a .docx the checker reads (see module doc)."""

    body: object
    styles: object | None
    styles_key: bytes | None = None  # the styles part's bytes: same bytes, same resolution
    theme: bytes | None = None
    numbering: object | None = None
    _related: dict = field(default_factory=dict)  # rId → root element (headers and footers), or a callable
    long_tables: dict = field(default_factory=dict)  # body w:tbl → its LongTable (rows held compactly)

    def related(self, rid: str):
        """Return the root element of the header or footer the main document relates to by `rid`, or None."""
        part = self._related.get(rid)
        return part() if callable(part) else part


def _default_styles() -> bytes:
    """Return python-docx's default styles part (what it adds to a document without one)."""
    import docx

    return (Path(docx.__file__).parent / "templates" / "default-styles.xml").read_bytes()


class _Members:
    """The members of an open zip, each decompressed at most once."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.data: dict[str, bytes] = {}
        self.last = ""   # the member read last: each is parsed right after it is read, so a parse error is its

    def read(self, name: str) -> bytes:
        self.last = name
        if name not in self.data:
            self.data[name] = self.archive.read(name)
        return self.data[name]


LONG_TABLE_ROWS = 200  # a body table with more rows than this has its rows held compactly (see LongTable)


def read_package(source: str | Path | bytes, verify: bool = True,
                 long_table_rows: int | None = LONG_TABLE_ROWS) -> Package:
    """Return the Package of a .docx file or its bytes; raise PackageError when python-docx could not read it.

    A top-level body table with more than `long_table_rows` rows is held as a
    LongTable (None: never), so memory stays bounded on very long tables; the
    views `text.body_blocks` makes of it are the same. With `verify` (a file from
    elsewhere) the package is first held to `docgen.limits` and refused with a
    DOCTYPE (`zipcheck`), and every part python-docx would parse is parsed;
    images and other media are never unpacked.
    """
    fileobj = io.BytesIO(source) if isinstance(source, bytes) else source
    if not zipfile.is_zipfile(fileobj):
        raise PackageError("not-zip", "" if isinstance(source, bytes) else str(source))
    if verify:
        check_package(source, parts={"word/document.xml": None})
    zf = None
    try:
        with zipfile.ZipFile(fileobj) as archive:
            zf = _Members(archive)
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise PackageError("not-docx", "word/document.xml")
            return _load(zf, names, verify, long_table_rows)
    except PackageError as exc:
        if not exc.part and zf is not None and exc.reason in ("xml", "too-many-elements"):
            exc.part = zf.last
        raise
    except Exception as exc:  # zipfile/zlib/lxml raise many kinds for a broken package
        reason = "xml" if isinstance(exc, etree.XMLSyntaxError) else "corrupt"
        raise PackageError(reason, f"{type(exc).__name__}: {exc}", part=zf.last if zf else "", cause=exc) from exc


def _load(zf, names: set[str], verify: bool, long_table_rows: int | None = None) -> Package:
    types = _ContentTypes(_parse(zf.read("[Content_Types].xml")))
    cache: dict[str, object] = {}

    def element(partname: str):
        if partname not in cache:
            cache[partname] = _parse(zf.read(partname[1:]))
        return cache[partname]

    if verify:
        _walk(zf, names, types, element)
    main = next(r for r in _read_rels(zf, names, "/") if r.reltype == RT_OFFICE_DOCUMENT and not r.external)
    if types[main.target] != CT_MAIN:
        raise PackageError("corrupt", f"{main.target}: {types[main.target]}")
    rels = [r for r in _read_rels(zf, names, main.target) if not r.external]
    long_tables: dict = {}
    if long_table_rows is None:
        root = element(main.target)
    else:
        root = _parse_main(zf.read(main.target[1:]), long_table_rows, long_tables)
    body = root.find(W_BODY)
    if root.tag != _W + "document" or body is None:   # a main part that is not a Word body: nothing to read
        raise PackageError("corrupt", f"{main.target}: {root.tag}", part=main.target.lstrip("/"))
    styles_rel = next((r for r in rels if r.reltype == RT_STYLES), None)
    styles_key = zf.read(styles_rel.target[1:]) if styles_rel is not None else _default_styles()
    theme_rel = next((r for r in rels if r.reltype.endswith("/theme")), None)
    numbering_rel = next((r for r in rels if r.reltype == RT_NUMBERING), None)
    pkg = Package(body, None, styles_key,
                  zf.read(theme_rel.target[1:]) if theme_rel is not None else None,
                  element(numbering_rel.target) if numbering_rel is not None else None,
                  long_tables=long_tables)
    for r in rels:  # headers and footers: small, read now (the zip is closed after this)
        if r.reltype.endswith(("/header", "/footer")) and r.target[1:] in names:
            story = element(r.target)
            if story.tag not in (_W + "hdr", _W + "ftr"):   # e.g. a header pointing at the body itself
                raise PackageError("corrupt", f"{r.target}: {story.tag}", part=r.target.lstrip("/"))
            pkg._related[r.rid] = story
    return pkg


_KNOWN_GOOD: dict[bytes, None] = {}  # large XML parts (a template's styles) already seen to parse
_KNOWN_GOOD_MIN, _KNOWN_GOOD_MAX = 50_000, 8


class _NoTree:
    """A parser target that builds nothing: parsing with it only checks well-formedness."""

    def start(self, tag, attrib, nsmap=None):
        pass

    def end(self, tag):
        pass

    def data(self, text):
        pass

    def close(self):
        return None


_CHECK_ONLY_MIN = 1_000_000  # a part this large is checked without building its tree


def _parses(data: bytes) -> None:
    """Raise when `data` is not well-formed XML (a large part that parsed before is not parsed again)."""
    if data in _KNOWN_GOOD:
        return
    if len(data) >= _CHECK_ONLY_MIN:
        etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False, load_dtd=False,
                                               no_network=True, target=_NoTree()))
    else:
        _parse(data)
    if len(data) >= _KNOWN_GOOD_MIN:
        if len(_KNOWN_GOOD) >= _KNOWN_GOOD_MAX:
            _KNOWN_GOOD.pop(next(iter(_KNOWN_GOOD)))
        _KNOWN_GOOD[data] = None


def _walk(zf, names: set[str], types: _ContentTypes, element) -> None:
    """Refuse what python-docx refuses when it loads every part reachable from the package's relationships."""
    seen: set[str] = set()
    todo = ["/"]
    while todo:
        for rel in _read_rels(zf, names, todo.pop()):
            if rel.external or rel.target in seen:
                continue
            seen.add(rel.target)
            if rel.target[1:] not in names:
                raise PackageError("corrupt", f"KeyError: {rel.target}", part=rel.target.lstrip("/"))
            if types[rel.target] in _PARSED_TYPES:
                _parses(zf.read(rel.target[1:]))
            todo.append(rel.target)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_BODY, W_TBL, W_TR, W_T, W_SDT, W_SDT_CONTENT = (_W + t for t in ("body", "tbl", "tr", "t", "sdt", "sdtContent"))
_RSID = _W + "rsid"  # revision ids (w:rsidR, w:rsidRPr …): editing history, no formatting


class LongTable:
    """The rows of a long body table, each kept as (shape, texts) instead of its own XML tree.

    A row's shape is the `w:tr` with the text of every `w:t` and the revision ids
    (`w:rsid…`) removed; rows of one shape share one element, and `texts` holds
    the row's own `w:t` texts in document order; `text(row, t)` is a row's text
    for one `w:t` of its shape.
    """

    def __init__(self):
        self.rows: list[tuple[object, tuple[str, ...]]] = []
        self._shapes: dict[bytes, object] = {}
        self._index: dict = {}
        self.formats: dict = {}  # shape element … → its effective formatting, filled by the views

    def add(self, tr) -> None:
        """Hold row element `tr` (detached from its table by the caller) compactly."""
        ts = list(tr.iter(W_T))
        texts = tuple(t.text or "" for t in ts)
        for t in ts:
            t.text = None
        for el in tr.iter():
            for name in [a for a in el.attrib if a.startswith(_RSID)]:
                del el.attrib[name]
        key = etree.tostring(tr)
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = tr
            for i, t in enumerate(ts):
                self._index[t] = i
        self.rows.append((shape, texts))

    def text(self, row: int, t) -> str:
        """Return the text row number `row` has in place of shape element `t` (a `w:t`)."""
        return self.rows[row][1][self._index[t]]


def _row_table(tr):
    """Return the body table (a block of the body itself) `tr` is a row of, or None.

    Content controls (`w:sdt`) between body and table and between table and row are looked through.
    """
    tbl = _through_controls(tr)
    if tbl is None or tbl.tag != W_TBL:
        return None
    body = _through_controls(tbl)
    return tbl if body is not None and body.tag == W_BODY else None


def _through_controls(el):
    node = el.getparent()
    while node is not None and node.tag in (W_SDT_CONTENT, W_SDT):
        node = node.getparent()
    return node


def _parse_main(data: bytes, limit: int, long_tables: dict):
    """Return the root of the main part, the rows of body tables longer than `limit` held in `long_tables`.

    The part is streamed with a bound on the elements held at once (`ooxml.stream`):
    rows of long tables leave the tree as they are read, the rest of the document stays.
    """
    pending: dict = {}  # table → its rows so far, while it is not yet long
    root = None
    for tr in stream.iterparse(io.BytesIO(data), (W_TR,), with_root=True,
                               remove_blank_text=True):
        if tr.getparent() is None:
            root = tr
            continue
        tbl = _row_table(tr)
        if tbl is None:
            continue
        if tbl in long_tables:
            _hold(long_tables[tbl], tr)
            continue
        rows = pending.setdefault(tbl, [])
        rows.append(tr)
        if len(rows) > limit:
            long_tables[tbl] = held = LongTable()
            for row in pending.pop(tbl):
                _hold(held, row)
    return root


def _hold(held: LongTable, tr) -> None:
    tr.getparent().remove(tr)
    held.add(tr)


def as_package(document) -> Package:
    """Return `document` as a Package: a Package as is, or a python-docx Document (read through its parts)."""
    if isinstance(document, Package):
        return document
    try:
        styles = document.styles.element
    except Exception:  # a document without a styles part
        styles = None
    theme = None
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/theme") and not rel.is_external:
            theme = rel.target_part.blob
            break
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering = None
    parts = document.part.related_parts
    related = {rid: (lambda part=part: part.element) for rid, part in parts.items()}
    return Package(document.element.body, styles, None, theme, numbering, related)
