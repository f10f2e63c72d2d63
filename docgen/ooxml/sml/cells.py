"""The cells of one worksheet part: found by row and column, created in order when absent, written as text.

Rows and cells may omit their `r` attribute (it then follows the previous one);
the first lookup writes the implied references out, which changes no value.
"""

from __future__ import annotations

import re

from lxml import etree

from docgen.ooxml.sml import q

_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def column_name(col: int) -> str:
    """Return the letters of a 0-based column.

    >>> column_name(0), column_name(25), column_name(26), column_name(701)
    ('A', 'Z', 'AA', 'ZZ')
    """
    out, n = "", col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def cell_ref(row: int, col: int) -> str:
    """Return the A1 reference of a cell (row 1-based, column 0-based).

    >>> cell_ref(12, 5)
    'F12'
    """
    return f"{column_name(col)}{row}"


def split_ref(ref: str) -> tuple[int, int] | None:
    """Return (row 1-based, column 0-based) of an A1 reference, or None when `ref` is not one.

    >>> split_ref("F12"), split_ref("$AA$3"), split_ref("dòng 4")
    ((12, 5), (3, 26), None)
    """
    m = _REF.match(ref.strip())
    if not m:
        return None
    col = 0
    for ch in m.group(1).upper():
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)), col - 1


class SheetCells:
    """The cells of one worksheet root (`<worksheet>`): lookup, creation, styles, text."""

    def __init__(self, root: etree._Element):
        self.root = root
        data = root.find(q("sheetData"))
        if data is None:   # required by the schema, but be lenient: right after <cols> or the view settings
            data = etree.Element(q("sheetData"))
            anchor = next((root.find(q(t)) for t in ("cols", "sheetFormatPr", "sheetViews", "dimension", "sheetPr")
                           if root.find(q(t)) is not None), None)
            if anchor is None:
                root.insert(0, data)
            else:
                anchor.addnext(data)
        self.data = data
        self._rows: dict[int, etree._Element] | None = None

    def _index(self) -> dict[int, etree._Element]:
        if self._rows is None:
            self._rows, number = {}, 0
            for row in self.data.iterfind(q("row")):
                number = int(row.get("r") or number + 1)
                row.set("r", str(number))
                self._rows[number] = row
                col = -1
                for c in row.iterfind(q("c")):
                    pos = split_ref(c.get("r", ""))
                    col = pos[1] if pos else col + 1
                    c.set("r", cell_ref(number, col))
        return self._rows

    def row(self, number: int, create: bool = False) -> etree._Element | None:
        """Return row `number` (1-based); with `create`, a new empty row put in order when there is none."""
        rows = self._index()
        if number in rows or not create:
            return rows.get(number)
        new = etree.Element(q("row"), r=str(number))
        after = max((n for n in rows if n < number), default=None)
        if after is None:
            self.data.insert(0, new)
        else:
            rows[after].addnext(new)
        rows[number] = new
        return new

    def cell(self, row: int, col: int, create: bool = False) -> etree._Element | None:
        """Return the `<c>` at (row, col); with `create`, a new empty cell in column order, styled as its row/column."""
        element = self.row(row, create)
        if element is None:
            return None
        ref = cell_ref(row, col)
        before = None
        for c in element.iterfind(q("c")):
            pos = split_ref(c.get("r", ""))
            if c.get("r") == ref:
                return c
            if pos and pos[1] > col and before is None:
                before = c
        if not create:
            return None
        new = etree.Element(q("c"), r=ref)
        default = self.default_style(element, col)
        if default:
            new.set("s", str(default))
        if before is not None:
            before.addprevious(new)
        else:
            last = element.findall(q("c"))
            (last[-1].addnext(new) if last else element.insert(0, new))
        _widen_spans(element, col)
        return new

    def default_style(self, row: etree._Element, col: int) -> int:
        """Return the format an empty cell shows: its row's when the row has one, else its column's, else 0."""
        if row.get("customFormat") in ("1", "true") and row.get("s"):
            return int(row.get("s"))
        for c in self.root.iterfind(f"{q('cols')}/{q('col')}"):
            if int(c.get("min", 0)) <= col + 1 <= int(c.get("max", 0)):
                return int(c.get("style", 0))
        return 0


def _widen_spans(row: etree._Element, col: int) -> None:
    """Keep a row's optional `spans` hint ("1:10") covering a new cell's column."""
    spans = row.get("spans")
    if not spans or ":" not in spans or " " in spans:
        return
    lo, hi = (int(x) for x in spans.split(":"))
    row.set("spans", f"{min(lo, col + 1)}:{max(hi, col + 1)}")


def style_of(cell: etree._Element) -> int:
    """Return the cell's format index (0 when it has none)."""
    return int(cell.get("s") or 0)


def set_text(cell: etree._Element, text: str, shared: "SharedStrings | None" = None) -> None:
    """Replace the cell's content (value, formula, rich text) by `text`, keeping its format.

    With `shared`, the text is added to the shared-string table as Excel does;
    otherwise it is written inline.
    """
    was_shared = cell.get("t") == "s"
    for child in list(cell):
        if etree.QName(child).localname in ("f", "v", "is"):
            cell.remove(child)
    for attr in ("vm", "cm"):   # value/cell metadata described the old value
        cell.attrib.pop(attr, None)
    ext = cell.find(q("extLst"))
    if shared is not None:
        cell.set("t", "s")
        v = etree.Element(q("v"))
        v.text = str(shared.add(text, new_reference=not was_shared))
        new = [v]
    else:
        cell.set("t", "inlineStr")
        is_ = etree.Element(q("is"))
        _text_node(is_, text)
        new = [is_]
    for el in new:
        (ext.addprevious(el) if ext is not None else cell.append(el))


def set_number(cell: etree._Element, number: float) -> None:
    """Replace the cell's content (value, formula, text) by `number`, keeping its format (which shows it)."""
    for child in list(cell):
        if etree.QName(child).localname in ("f", "v", "is"):
            cell.remove(child)
    for attr in ("vm", "cm", "t"):   # no type: a number (the default); metadata described the old value
        cell.attrib.pop(attr, None)
    v = etree.Element(q("v"))
    v.text = repr(number) if isinstance(number, float) else str(number)
    ext = cell.find(q("extLst"))
    (ext.addprevious(v) if ext is not None else cell.append(v))


def _text_node(parent: etree._Element, text: str) -> None:
    t = etree.SubElement(parent, q("t"))
    t.text = text
    if text != text.strip() or "\n" in text:
        t.set(XML_SPACE, "preserve")


class SharedStrings:
    """The shared-string table (`<sst>`): strings appended, `uniqueCount` kept true."""

    def __init__(self, root: etree._Element):
        self.root = root

    def add(self, text: str, new_reference: bool = True) -> int:
        """Return the index of a new entry holding `text`; `new_reference` when no shared string is let go."""
        items = self.root.findall(q("si"))
        si = etree.SubElement(self.root, q("si"))
        _text_node(si, text)
        if self.root.get("uniqueCount") is not None:
            self.root.set("uniqueCount", str(len(items) + 1))
        if new_reference and (self.root.get("count") or "").isdigit():
            self.root.set("count", str(int(self.root.get("count")) + 1))
        return len(items)


def inline_cell(ref: str, text: str, style: int = 0) -> etree._Element:
    """Return a new `<c>` holding `text` inline (t="inlineStr")."""
    c = etree.Element(q("c"), r=ref)
    if style:
        c.set("s", str(style))
    c.set("t", "inlineStr")
    _text_node(etree.SubElement(c, q("is")), text)
    return c
