"""An .xlsx package: its members, relationships and content types; changed parts rewritten, the rest copied.

`Workbook(data)` opens the zip; `read(name)` parses a part to look at it,
`edit(name)` parses it to change it (it is written back), `add(name, root,
content_type)` adds a part. `to_bytes()` writes every member in its original
order and compression, unchanged members byte for byte, then the new ones.
"""

from __future__ import annotations

import io
import posixpath
import shutil
import zipfile

from lxml import etree

from docgen.ooxml import PackageError
from docgen.ooxml.sml import MAIN, REL

PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
TYPES_PART = "[Content_Types].xml"
RT_OFFICE_DOCUMENT = f"{REL}/officeDocument"
RT_WORKSHEET = f"{REL}/worksheet"
RT_STYLES = f"{REL}/styles"
RT_SHARED_STRINGS = f"{REL}/sharedStrings"
CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"

# Untrusted input: no entity expansion, no network, no huge trees.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_PARSE_ERRORS = (etree.XMLSyntaxError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError)


def rels_name(part: str) -> str:
    """Return the relationships part of `part` ("" is the package itself).

    >>> rels_name("xl/worksheets/sheet1.xml"), rels_name("")
    ('xl/worksheets/_rels/sheet1.xml.rels', '_rels/.rels')
    """
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


class Rels:
    """The relationships of one part: look up by type, resolve targets, add new ones.

    `changed` is called before the first addition, so that an unchanged part is never rewritten.
    """

    def __init__(self, root: etree._Element, source: str, changed=None):
        self.root, self.source, self._changed = root, source, changed

    def _items(self):
        for el in self.root.iterfind(f"{{{PKG_REL}}}Relationship"):
            yield el.get("Id"), el.get("Type"), el.get("Target", ""), el.get("TargetMode") == "External"

    def resolve(self, target: str) -> str:
        """Return the part name a relative (or "/"-rooted) target names."""
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.source), target))

    def target(self, rid: str) -> str | None:
        """Return the part an internal relationship `rid` points to, or None."""
        return next((self.resolve(t) for i, _, t, ext in self._items() if i == rid and not ext), None)

    def of_type(self, rel_type: str) -> list[tuple[str, str]]:
        """Return (id, part name) of the internal relationships of `rel_type`, in order."""
        return [(i, self.resolve(t)) for i, kind, t, ext in self._items() if kind == rel_type and not ext]

    def add(self, rel_type: str, part: str) -> str:
        """Return the id of a new relationship of `rel_type` to `part` (target written relative to the source)."""
        taken = {i for i, _, _, _ in self._items()}
        n = len(taken) + 1
        while f"rId{n}" in taken:
            n += 1
        rid = f"rId{n}"
        if self._changed is not None:
            self.root = self._changed()
            self._changed = None
        target = posixpath.relpath(part, posixpath.dirname(self.source) or ".")
        etree.SubElement(self.root, f"{{{PKG_REL}}}Relationship", Id=rid, Type=rel_type, Target=target)
        return rid


class Workbook:
    """An .xlsx opened from bytes: parts parsed on demand, changed ones written back."""

    def __init__(self, data: bytes):
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self._infos = self._zip.infolist()
        except _PARSE_ERRORS as exc:
            raise PackageError("not-zip", str(exc)) from None
        self._names = {i.filename for i in self._infos}
        self._parsed: dict[str, etree._Element] = {}
        self._dirty: set[str] = set()
        self._added: dict[str, etree._Element] = {}
        rels = self.rels("")
        found = rels.of_type(RT_OFFICE_DOCUMENT)
        if not found or not self.has(found[0][1]):
            raise PackageError("corrupt", "no workbook part")
        self.main = found[0][1]

    def has(self, name: str) -> bool:
        return name in self._names or name in self._added

    def names(self) -> list[str]:
        """Return the name of every member of the package as read, in order."""
        return [i.filename for i in self._infos]

    def added(self) -> list[str]:
        """Return the names of the parts added so far, in order."""
        return list(self._added)

    def raw(self, name: str) -> bytes:
        """Return a member's bytes as stored (before any change)."""
        try:
            return self._zip.read(name)
        except _PARSE_ERRORS as exc:
            raise PackageError("corrupt", f"{name}: {exc}") from None

    def read(self, name: str) -> etree._Element:
        """Return the parsed root of part `name` (to look at; see `edit` to change it)."""
        if name in self._added:
            return self._added[name]
        if name not in self._parsed:
            try:
                self._parsed[name] = etree.fromstring(self.raw(name), PARSER)
            except _PARSE_ERRORS as exc:
                raise PackageError("corrupt", f"{name}: {exc}") from None
        return self._parsed[name]

    def edit(self, name: str) -> etree._Element:
        """Return the parsed root of part `name`; it is written back by `to_bytes`."""
        root = self.read(name)
        if name not in self._added:
            self._dirty.add(name)
        return root

    def rels(self, part: str) -> Rels:
        """Return the relationships of `part` (an empty set if it has none); adding one writes the part."""
        name = rels_name(part)
        if self.has(name):
            return Rels(self.read(name), part, lambda: self.edit(name))
        root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})

        def create() -> etree._Element:
            self._added.setdefault(name, root)
            return self._added[name]

        return Rels(root, part, create)

    def add(self, name: str, root: etree._Element, content_type: str | None) -> None:
        """Add part `name`; `content_type` is registered as an override (None: covered by a default)."""
        self._added[name] = root
        if content_type:
            types = self.edit(TYPES_PART)
            etree.SubElement(types, f"{{{CONTENT_TYPES}}}Override", PartName=f"/{name}", ContentType=content_type)

    def ensure_default(self, extension: str, content_type: str) -> None:
        """Register `content_type` for every part ending in `.extension`, unless a default exists."""
        types = self.read(TYPES_PART)
        if any(d.get("Extension", "").lower() == extension for d in types.iterfind(f"{{{CONTENT_TYPES}}}Default")):
            return
        types = self.edit(TYPES_PART)
        types.insert(0, etree.Element(f"{{{CONTENT_TYPES}}}Default", Extension=extension, ContentType=content_type))

    def free_name(self, pattern: str) -> str:
        """Return `pattern` formatted with the first number from 1 that names no part.

        >>> Workbook.__new__(Workbook)._free_in({"xl/comments1.xml"}, "xl/comments{}.xml")
        'xl/comments2.xml'
        """
        return self._free_in(self._names | set(self._added), pattern)

    @staticmethod
    def _free_in(names: set[str], pattern: str) -> str:
        n = 1
        while pattern.format(n).lower() in {x.lower() for x in names}:
            n += 1
        return pattern.format(n)

    def sheets(self) -> list[tuple[str, str]]:
        """Return (title, part name) of each worksheet, in tab order (chart sheets left out)."""
        rels = self.rels(self.main)
        out = []
        for sheet in self.read(self.main).iterfind(f"{{{MAIN}}}sheets/{{{MAIN}}}sheet"):
            part = rels.target(sheet.get(f"{{{REL}}}id", ""))
            if part and self.has(part) and etree.QName(self.read(part)).localname == "worksheet":
                out.append((sheet.get("name", ""), part))
        return out

    def styles_part(self) -> str | None:
        found = self.rels(self.main).of_type(RT_STYLES)
        return found[0][1] if found and self.has(found[0][1]) else None

    def shared_strings_part(self) -> str | None:
        found = self.rels(self.main).of_type(RT_SHARED_STRINGS)
        return found[0][1] if found and self.has(found[0][1]) else None

    def to_bytes(self) -> bytes:
        """Return the package: members in their order (changed ones rewritten), then the added parts."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in self._infos:
                if info.filename in self._dirty:
                    dst.writestr(_copy_info(info), serialise(self._parsed[info.filename], info.filename))
                    continue
                with self._zip.open(info) as src, dst.open(_copy_info(info), "w") as sink:
                    shutil.copyfileobj(src, sink, 1 << 20)
            for name, root in self._added.items():
                dst.writestr(zipfile.ZipInfo(name, self._infos[0].date_time), serialise(root, name),
                             compress_type=zipfile.ZIP_DEFLATED)
        return out.getvalue()


def _copy_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """Return a fresh ZipInfo with the member's name, date and compression (sizes are recomputed)."""
    copy = zipfile.ZipInfo(info.filename, info.date_time)
    copy.compress_type = info.compress_type
    copy.external_attr = info.external_attr
    return copy


_DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def serialise(root: etree._Element, name: str = "") -> bytes:
    """Return a part as UTF-8 XML with the declaration exactly as Excel writes it (none for VML, as Excel)."""
    body = etree.tostring(root, encoding="UTF-8")
    return body if name.lower().endswith(".vml") else _DECLARATION + body
