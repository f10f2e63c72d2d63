"""Cell notes (Excel "comments"): the comments part and the VML boxes Excel and LibreOffice show them in.

A sheet that already has notes keeps them: new notes join its comments part
and VML drawing; a cell that already has a note gets the new text appended, as
Excel allows one note per cell.
"""

from __future__ import annotations

import math
import re

from lxml import etree

from docgen.ooxml import PackageError
from docgen.ooxml.sml import MAIN, REL, q
from docgen.ooxml.sml.cells import XML_SPACE, cell_ref, split_ref
from docgen.ooxml.sml.package import Workbook

RT_COMMENTS = f"{REL}/comments"
RT_VML = f"{REL}/vmlDrawing"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing"
V, O, X = "urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office", "urn:schemas-microsoft-com:office:excel"
# What may follow <legacyDrawing> in a worksheet (schema order).
_AFTER_LEGACY = ("legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems",
                 "tableParts", "extLst")
_BOX_CHARS = 42   # characters per line of a note box four columns wide


def add_notes(workbook: Workbook, sheet_part: str, notes: dict[tuple[int, int], str], author: str) -> None:
    """Add a note with `text` on each cell (row 1-based, column 0-based) of the worksheet `sheet_part`.

    Raises PackageError when the sheet's existing note drawing cannot be read.
    """
    if not notes:
        return
    sheet = workbook.edit(sheet_part)
    rels = workbook.rels(sheet_part)
    comments = _comments_part(workbook, rels)
    vml, next_id = _vml_part(workbook, sheet, rels)
    author_id = _author(comments, author)
    listed = comments.find(q("commentList"))
    existing = {c.get("ref"): c for c in listed.iterfind(q("comment"))}
    for (row, col), text in sorted(notes.items()):
        ref = cell_ref(row, col)
        if ref in existing:
            _append_text(existing[ref].find(q("text")), text, author, gap="\n\n")
            continue
        comment = etree.SubElement(listed, q("comment"), ref=ref, authorId=str(author_id))
        _append_text(etree.SubElement(comment, q("text")), text, author)
        vml.append(_shape(next_id, row, col, text))
        next_id += 1


def _comments_part(workbook: Workbook, rels) -> etree._Element:
    found = [part for _, part in rels.of_type(RT_COMMENTS) if workbook.has(part)]
    if found:
        root = workbook.edit(found[0])
    else:
        root = etree.fromstring(f'<comments xmlns="{MAIN}"><authors/><commentList/></comments>')
        part = workbook.free_name("xl/comments{}.xml")
        workbook.add(part, root, CT_COMMENTS)
        rels.add(RT_COMMENTS, part)
    for tag in ("authors", "commentList"):
        if root.find(q(tag)) is None:
            (root.insert(0, etree.Element(q(tag))) if tag == "authors" else root.append(etree.Element(q(tag))))
    return root


def _vml_part(workbook: Workbook, sheet: etree._Element, rels) -> tuple[etree._Element, int]:
    """Return the sheet's VML drawing (made when it has none) and the id its next shape may take."""
    legacy = sheet.find(q("legacyDrawing"))
    part = rels.target(legacy.get(f"{{{REL}}}id", "")) if legacy is not None else None
    if part and workbook.has(part):
        try:
            root = workbook.edit(part)
        except PackageError:
            raise PackageError("corrupt", f"{part}: the notes drawing is not XML docgen can extend") from None
        return root, _next_shape_id(root)
    part = workbook.free_name("xl/drawings/vmlDrawing{}.vml")
    idmap = _free_idmap(workbook)
    root = _new_vml(idmap)
    workbook.ensure_default("vml", CT_VML)
    workbook.add(part, root, None)
    rid = rels.add(RT_VML, part)
    if legacy is None:
        legacy = etree.Element(q("legacyDrawing"))
        anchor = next((sheet.find(q(t)) for t in _AFTER_LEGACY if sheet.find(q(t)) is not None), None)
        (anchor.addprevious(legacy) if anchor is not None else sheet.append(legacy))
    legacy.set(f"{{{REL}}}id", rid)
    return root, 1024 * idmap + 1


def _free_idmap(workbook: Workbook) -> int:
    """Return a VML id block no drawing of the workbook uses (shape ids are 1024 × block + n)."""
    used = [0]
    for name in workbook.names():
        if name.lower().endswith(".vml"):
            used += [int(n) for n in re.findall(rb'data="(\d+)', workbook.raw(name))]
    for name in workbook.added():
        idmap = workbook.read(name).find(f"{{{O}}}shapelayout/{{{O}}}idmap")
        used += [int(idmap.get("data"))] if idmap is not None else []
    return max(used) + 1


def _new_vml(idmap: int) -> etree._Element:
    root = etree.Element("xml", nsmap={"v": V, "o": O, "x": X})
    layout = etree.SubElement(root, f"{{{O}}}shapelayout", {f"{{{V}}}ext": "edit"})
    etree.SubElement(layout, f"{{{O}}}idmap", {f"{{{V}}}ext": "edit", "data": str(idmap)})
    kind = etree.SubElement(root, f"{{{V}}}shapetype", {"id": "_x0000_t202", "coordsize": "21600,21600",
                                                        f"{{{O}}}spt": "202", "path": "m,l,21600r21600,l21600,xe"})
    etree.SubElement(kind, f"{{{V}}}stroke", joinstyle="miter")
    etree.SubElement(kind, f"{{{V}}}path", {"gradientshapeok": "t", f"{{{O}}}connecttype": "rect"})
    return root


def _next_shape_id(vml: etree._Element) -> int:
    """Return the id after the highest shape id of an existing drawing (or the first of its id block)."""
    ids = [int(m) for s in vml.iter(f"{{{V}}}shape") for m in re.findall(r"_s(\d+)$", s.get("id", ""))]
    if ids:
        return max(ids) + 1
    idmap = vml.find(f"{{{O}}}shapelayout/{{{O}}}idmap")
    seed = idmap.get("data", "1").split(",")[0] if idmap is not None else "1"
    return 1024 * int(seed if seed.isdigit() else 1) + 1


def _author(comments: etree._Element, author: str) -> int:
    authors = comments.find(q("authors"))
    names = [a.text or "" for a in authors.iterfind(q("author"))]
    if author in names:
        return names.index(author)
    etree.SubElement(authors, q("author")).text = author
    return len(names)


def _append_text(text_el: etree._Element, text: str, lead: str, gap: str = "") -> None:
    """Append runs to a comment's text: the author in bold first (as Excel writes notes), then `text`."""
    plain = text_el.find(q("t"))
    if plain is not None:   # a note written as one plain <t>: turn it into a run so runs can follow
        text_el.remove(plain)
        _run(text_el, plain.text or "", bold=False)
    _run(text_el, f"{gap}{lead}:\n", bold=True)
    _run(text_el, text, bold=False)


def _run(parent: etree._Element, text: str, bold: bool) -> None:
    r = etree.SubElement(parent, q("r"))
    pr = etree.SubElement(r, q("rPr"))
    if bold:
        etree.SubElement(pr, q("b"))
    etree.SubElement(pr, q("sz"), val="9")
    etree.SubElement(pr, q("color"), indexed="81")
    etree.SubElement(pr, q("rFont"), val="Tahoma")
    etree.SubElement(pr, q("family"), val="2")
    t = etree.SubElement(r, q("t"))
    t.text = text
    t.set(XML_SPACE, "preserve")


def _shape(shape_id: int, row: int, col: int, text: str) -> etree._Element:
    """Return the hidden VML box of a note on (row, col), tall enough for `text`."""
    lines = sum(max(1, math.ceil(len(line) / _BOX_CHARS)) for line in text.split("\n")) + 1
    top = max(row - 2, 0)
    shape = etree.Element(f"{{{V}}}shape", {
        "id": f"_x0000_s{shape_id}", "type": "#_x0000_t202",
        "style": f"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:{12 * lines}pt;"
                 "z-index:1;visibility:hidden",
        "fillcolor": "#ffffe1", f"{{{O}}}insetmode": "auto"})
    etree.SubElement(shape, f"{{{V}}}fill", color2="#ffffe1")
    etree.SubElement(shape, f"{{{V}}}shadow", on="t", color="black", obscured="t")
    etree.SubElement(shape, f"{{{V}}}path", {f"{{{O}}}connecttype": "none"})
    box = etree.SubElement(shape, f"{{{V}}}textbox", style="mso-direction-alt:auto")
    etree.SubElement(box, "div", style="text-align:left")
    data = etree.SubElement(shape, f"{{{X}}}ClientData", ObjectType="Note")
    etree.SubElement(data, f"{{{X}}}MoveWithCells")
    etree.SubElement(data, f"{{{X}}}SizeWithCells")
    etree.SubElement(data, f"{{{X}}}Anchor").text = f"{col + 1}, 15, {top}, 10, {col + 5}, 15, {top + lines}, 4"
    etree.SubElement(data, f"{{{X}}}AutoFill").text = "False"
    etree.SubElement(data, f"{{{X}}}Row").text = str(row - 1)
    etree.SubElement(data, f"{{{X}}}Column").text = str(col)
    return shape


def notes_of(workbook: Workbook, sheet_part: str) -> dict[tuple[int, int], str]:
    """Return the text of every note of a worksheet by (row, column), as Excel shows it."""
    rels = workbook.rels(sheet_part)
    out = {}
    for _, part in rels.of_type(RT_COMMENTS):
        for c in workbook.read(part).iterfind(f"{q('commentList')}/{q('comment')}"):
            pos = split_ref(c.get("ref", ""))
            if pos:
                out[pos] = "".join(t.text or "" for t in c.iter(q("t")))
    return out
