"""Word's wrappers around content, taken away so that what a reader sees is the text Word shows.

Word keeps a clerk's text inside other elements that python-docx's tables and
paragraphs do not look into: tracked changes (`w:ins`, `w:moveTo`; deleted text in
`w:del`, `w:moveFrom`), content controls (`w:sdt` around a run, a cell, a row or a
whole table — forms made with "Developer › Controls"), smart tags and custom XML,
bidirectional groups (`w:dir`, `w:bdo`) and simple fields (`w:fldSimple`). Left
wrapped, their text reads as empty and their rows are missing: a table whose rows
are content controls would lose its records without a word. `show_as_read` turns
the tree into the document as Word displays it, changes accepted.
"""

from __future__ import annotations

from docgen.ooxml import qn

_UNWRAP = tuple(qn(f"w:{t}") for t in ("ins", "moveTo", "smartTag", "customXml", "dir", "bdo", "fldSimple"))
_DELETED = tuple(qn(f"w:{t}") for t in ("del", "moveFrom"))
_SDT, _SDT_CONTENT, _TR_PR = qn("w:sdt"), qn("w:sdtContent"), qn("w:trPr")


def show_as_read(element) -> None:
    """Change `element` (a body, a cell …) in place: deleted content removed, wrappers replaced by their content.

    A row marked deleted (`w:trPr/w:del`) goes with its content; a change mark in
    other properties (a paragraph mark, a run's formatting) is just dropped.
    """
    for mark in list(element.iter(*_DELETED)):
        parent = mark.getparent()
        if parent is None:
            continue
        if parent.tag == _TR_PR and parent.getparent() is not None and parent.getparent().getparent() is not None:
            row = parent.getparent()
            row.getparent().remove(row)
        else:
            parent.remove(mark)
    for sdt in list(element.iter(_SDT)):
        content = sdt.find(_SDT_CONTENT)
        _replace(sdt, list(content) if content is not None else [])
    for wrapper in list(element.iter(*_UNWRAP)):
        _replace(wrapper, list(wrapper))


def _replace(element, children: list) -> None:
    """Put `children` where `element` is, in order, and take `element` away."""
    parent = element.getparent()
    if parent is None:
        return
    at = parent.index(element)
    for offset, child in enumerate(children):
        parent.insert(at + offset, child)
    parent.remove(element)
