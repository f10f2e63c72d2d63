"""Cell formats added to a workbook's styles part: a fill over an existing format, fonts, borders, wrapping.

Existing entries are never changed or removed: a new cell format (`xf`) is a
copy of the one a cell had, with the fill (or font, border, alignment) added,
so number formats, fonts and borders the unit chose stay as they were.
"""

from __future__ import annotations

import copy

from lxml import etree

from docgen.ooxml.sml import MAIN, q
from docgen.ooxml.sml.package import CT_STYLES, RT_STYLES, Workbook

# Children of <styleSheet>, in schema order.
_ORDER = ("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs",
          "tableStyles", "colors", "extLst")

_FIRST = {
    "fonts": ('<font><sz val="11"/><name val="Calibri"/></font>',),
    "fills": ('<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'),
    "borders": ("<border><left/><right/><top/><bottom/><diagonal/></border>",),
}

_MINIMAL = f"""<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


class StyleSheet:
    """The styles part of a workbook, open for additions; each addition is made once and reused."""

    def __init__(self, workbook: Workbook):
        part = workbook.styles_part()
        if part is None:   # optional in the format: give the workbook the styles Excel starts with
            part = workbook.free_name("xl/styles{}.xml") if workbook.has("xl/styles.xml") else "xl/styles.xml"
            workbook.add(part, etree.fromstring(_MINIMAL), CT_STYLES)
            workbook.rels(workbook.main).add(RT_STYLES, part)
        self.root = workbook.edit(part)
        self._made: dict[tuple, int] = {}

    def _list(self, tag: str) -> etree._Element:
        found = self.root.find(q(tag))
        if found is not None:
            return found
        new = etree.Element(q(tag), count="0")
        if tag in _FIRST:   # entries the format reserves at the start of a list
            for xml in _FIRST[tag]:
                new.append(etree.fromstring(f'<x xmlns="{MAIN}">{xml}</x>')[0])
            new.set("count", str(len(new)))
        later = _ORDER[_ORDER.index(tag) + 1:]
        anchor = next((self.root.find(q(t)) for t in later if self.root.find(q(t)) is not None), None)
        (anchor.addprevious(new) if anchor is not None else self.root.append(new))
        return new

    def _append(self, tag: str, element: etree._Element) -> int:
        container = self._list(tag)
        container.append(element)
        n = len(container.findall(q(element.tag.split("}")[1])))
        container.set("count", str(n))
        return n - 1

    def _once(self, key: tuple, make) -> int:
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def fill(self, rgb: str) -> int:
        """Return the index of a solid fill of colour `rgb` ("FFC7CE")."""
        def make() -> int:
            fill = etree.Element(q("fill"))
            pattern = etree.SubElement(fill, q("patternFill"), patternType="solid")
            etree.SubElement(pattern, q("fgColor"), rgb=f"FF{rgb}")
            etree.SubElement(pattern, q("bgColor"), indexed="64")
            return self._append("fills", fill)
        return self._once(("fill", rgb), make)

    def font(self, bold: bool = False, underline: bool = False, rgb: str = "", size: float | None = None) -> int:
        """Return the index of a font like the workbook's default one, bold/underlined/coloured as asked."""
        def make() -> int:
            base = self._list("fonts").find(q("font"))
            font = etree.Element(q("font"))
            if bold:
                etree.SubElement(font, q("b"))
            if underline:
                etree.SubElement(font, q("u"))
            size_el = base.find(q("sz")) if base is not None else None
            etree.SubElement(font, q("sz"), val=str(size or (size_el.get("val") if size_el is not None else "11")))
            if rgb:
                etree.SubElement(font, q("color"), rgb=f"FF{rgb}")
            for tag in ("name", "family", "charset"):
                el = base.find(q(tag)) if base is not None else None
                if el is not None:
                    font.append(copy.deepcopy(el))
            if font.find(q("name")) is None:
                etree.SubElement(font, q("name"), val="Calibri")
            return self._append("fonts", font)
        return self._once(("font", bold, underline, rgb, size), make)

    def thin_border(self) -> int:
        """Return the index of a thin black border on all four sides."""
        def make() -> int:
            border = etree.Element(q("border"))
            for side in ("left", "right", "top", "bottom"):
                etree.SubElement(etree.SubElement(border, q(side), style="thin"), q("color"), indexed="64")
            etree.SubElement(border, q("diagonal"))
            return self._append("borders", border)
        return self._once(("border",), make)

    def xf(self, base: int = 0, fill: int | None = None, font: int | None = None, border: int | None = None,
           wrap: bool = False, top: bool = False) -> int:
        """Return the index of a cell format: format `base` with the given fill, font, border and alignment."""
        def make() -> int:
            xfs = self._list("cellXfs").findall(q("xf"))
            if xfs and 0 <= base < len(xfs):
                new = copy.deepcopy(xfs[base])
            else:
                new = etree.Element(q("xf"), numFmtId="0", fontId="0", fillId="0", borderId="0", xfId="0")
            for key, value, flag in (("fillId", fill, "applyFill"), ("fontId", font, "applyFont"),
                                     ("borderId", border, "applyBorder")):
                if value is not None:
                    new.set(key, str(value))
                    new.set(flag, "1")
            if wrap or top:
                align = new.find(q("alignment"))
                if align is None:
                    align = etree.Element(q("alignment"))
                    new.insert(0, align)
                if wrap:
                    align.set("wrapText", "1")
                if top:
                    align.set("vertical", "top")
                new.set("applyAlignment", "1")
            return self._append("cellXfs", new)
        return self._once(("xf", base, fill, font, border, wrap, top), make)
