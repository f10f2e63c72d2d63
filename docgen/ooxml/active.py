"""Content of a .docx that runs, or fetches from elsewhere, when Word opens it: what a template must not carry.

A template's text is copied into every document written from it, and those
documents go to every unit. Word updates some fields on opening or printing:
DDE/DDEAUTO start a program, INCLUDETEXT/INCLUDEPICTURE/LINK/IMPORT read a file or
an address; an `altChunk` or a sub-document pulls in another file; an external
relationship (a linked image, an attached template on a server, an OLE object)
makes Word reach a network path, which on Windows also hands out the user's
password hash. None of this has a place in an administrative document.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from docgen.ooxml import qn

_FIELDS = frozenset({"DDE", "DDEAUTO", "INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "LINK", "IMPORT"})
_ELEMENTS = {qn("w:altChunk"): "altChunk (nội dung chèn từ tệp khác)", qn("w:subDoc"): "văn bản con (subDocument)",
             qn("w:object"): "đối tượng nhúng (OLE)", qn("w:control"): "điều khiển ActiveX"}
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_SAFE_LINKS = ("http://", "https://", "mailto:")
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)


def active_content(data: bytes) -> list[str]:
    """Return what the package `data` holds that runs or fetches on opening, each as "what (part)"; [] when none.

    >>> active_content(_example(b'<w:fldSimple w:instr=" PAGE "/>'))
    []
    >>> active_content(_example(b'<w:r><w:instrText> DDEAUTO c:\\\\cmd.exe </w:instrText></w:r>'))
    ['trường DDEAUTO (word/document.xml)']
    """
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            name = info.filename
            if name.lower().endswith("vbaproject.bin"):
                found.append(f"macro VBA ({name})")
            elif name.endswith(".rels"):
                found += [f"{what} ({name})" for what in _external(zf.read(info))]
            elif name.startswith("word/") and name.endswith(".xml"):
                found += [f"{what} ({name})" for what in _in_part(zf.read(info))]
    return list(dict.fromkeys(found))


def _external(rels: bytes) -> list[str]:
    """Return the relationships of a .rels part that point outside the package, other than web and mail links."""
    out = []
    for rel in etree.fromstring(rels, _PARSER).iter(_RELS_NS):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if kind in ("oleObject", "control", "vbaProject"):
            out.append(f"đối tượng nhúng «{kind}»")
        elif rel.get("TargetMode") == "External" and not (kind == "hyperlink" and target.lower().startswith(_SAFE_LINKS)):
            out.append(f"liên kết ra ngoài «{kind}» → «{target[:80]}»")
    return out


def _in_part(xml: bytes) -> list[str]:
    """Return the fields and elements of one XML part that run or fetch on opening."""
    root = etree.fromstring(xml, _PARSER)
    out = [what for tag, what in _ELEMENTS.items() if root.find(f".//{tag}") is not None]
    codes = [f.get(qn("w:instr"), "") for f in root.iter(qn("w:fldSimple"))] + _field_codes(root)
    for code in codes:
        word = re.match(r"\s*([A-Za-z]+)", code)
        if word and word.group(1).upper() in _FIELDS:
            out.append(f"trường {word.group(1).upper()}")
    return out


def _field_codes(root) -> list[str]:
    """Return the code of each complex field (w:fldChar begin, w:instrText …, separate or end), nested ones too."""
    codes: list[str] = []
    open_: list[list[str] | None] = []   # one per field begun; None once its code is done (its result follows)
    for el in root.iter(qn("w:fldChar"), qn("w:instrText")):
        if el.tag == qn("w:instrText"):
            if open_ and open_[-1] is not None:
                open_[-1].append(el.text or "")
            else:
                codes.append(el.text or "")
            continue
        kind = el.get(qn("w:fldCharType"))
        if kind == "begin":
            open_.append([])
        elif kind in ("separate", "end") and open_:
            if open_[-1] is not None:
                codes.append("".join(open_[-1]))
            if kind == "end":
                open_.pop()
            else:
                open_[-1] = None
    return codes


def _example(body: bytes) -> bytes:
    """Return a minimal package whose body paragraph holds `body` (for the examples above)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/document.xml", b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                    b'2006/main"><w:body><w:p>' + body + b"</w:p></w:body></w:document>")
    return out.getvalue()
