"""A new worksheet of text cells, added after the workbook's last sheet, with links to cells of other sheets.

Cells are written inline (no shared strings to renumber); links point inside
the workbook (`location`), so they need no relationship. Adding the sheet last
leaves the tab order, the active tab and every sheet-scoped name as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from docgen.ooxml.sml import MAIN, REL, q
from docgen.ooxml.sml.cells import cell_ref, inline_cell
from docgen.ooxml.sml.package import CT_WORKSHEET, RT_WORKSHEET, Workbook

_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})
MAX_TITLE = 31


@dataclass(frozen=True)
class NewCell:
    """One cell of a new sheet: its text, its format index and, optionally, where it links to."""

    text: str
    style: int = 0
    link: str = ""   # a location inside the workbook: `location_of("Phụ lục", 12, 5)`


def location_of(title: str, row: int, col: int) -> str:
    """Return the in-workbook link target of a cell (row 1-based, column 0-based).

    >>> location_of("Phụ lục", 12, 5), location_of("Bob's", 1, 0)
    ("'Phụ lục'!F12", "'Bob''s'!A1")
    """
    return "'{}'!{}".format(title.replace("'", "''"), cell_ref(row, col))


def free_title(workbook: Workbook, title: str) -> str:
    """Return `title` made valid for a sheet tab and unused in the workbook ("… (2)" when taken).

    >>> free_title(type("W", (), {"sheets": lambda self: [("Vấn đề", "x")]})(), "Vấn đề")
    'Vấn đề (2)'
    """
    base = title.translate(_TITLE_FORBIDDEN).strip().strip("'")[:MAX_TITLE] or "Sheet"
    taken = {name.casefold() for name, _ in workbook.sheets()}
    candidate, n = base, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = base[:MAX_TITLE - len(suffix)] + suffix
    return candidate


def add_sheet(workbook: Workbook, title: str, rows: list[list[NewCell | None]], widths: list[float],
              heights: dict[int, float] | None = None, merges: tuple[str, ...] = (), frozen_rows: int = 0,
              tab_rgb: str = "") -> str:
    """Add a worksheet after the last one and return its title (made unique).

    `rows` are laid out from A1; `widths` are column widths in characters;
    `heights` maps 1-based row numbers to heights in points; `merges` are
    areas such as "A1:F1".
    """
    title = free_title(workbook, title)
    root = etree.Element(q("worksheet"), nsmap={None: MAIN, "r": REL})
    pr = etree.SubElement(root, q("sheetPr"))
    if tab_rgb:
        etree.SubElement(pr, q("tabColor"), rgb=f"FF{tab_rgb}")
    etree.SubElement(pr, q("pageSetUpPr"), fitToPage="1")
    width = max((len(r) for r in rows), default=1)
    etree.SubElement(root, q("dimension"), ref=f"A1:{cell_ref(max(len(rows), 1), max(width - 1, 0))}")
    view = etree.SubElement(etree.SubElement(root, q("sheetViews")), q("sheetView"), workbookViewId="0")
    if frozen_rows:
        etree.SubElement(view, q("pane"), ySplit=str(frozen_rows), topLeftCell=f"A{frozen_rows + 1}",
                         activePane="bottomLeft", state="frozen")
    etree.SubElement(root, q("sheetFormatPr"), defaultRowHeight="15")
    cols = etree.SubElement(root, q("cols"))
    for i, w in enumerate(widths, start=1):
        etree.SubElement(cols, q("col"), min=str(i), max=str(i), width=str(w), customWidth="1")
    data = etree.SubElement(root, q("sheetData"))
    links = []
    for r, cells in enumerate(rows, start=1):
        row = etree.SubElement(data, q("row"), r=str(r))
        if heights and r in heights:
            row.set("ht", f"{heights[r]:g}")
            row.set("customHeight", "1")
        for c, cell in enumerate(cells):
            if cell is None:
                continue
            row.append(inline_cell(cell_ref(r, c), cell.text, cell.style))
            if cell.link:
                links.append((cell_ref(r, c), cell.link, cell.text))
    if merges:
        merged = etree.SubElement(root, q("mergeCells"), count=str(len(merges)))
        for area in merges:
            etree.SubElement(merged, q("mergeCell"), ref=area)
    if links:
        holder = etree.SubElement(root, q("hyperlinks"))
        for ref, target, text in links:
            etree.SubElement(holder, q("hyperlink"), ref=ref, location=target, display=text[:255])
    etree.SubElement(root, q("pageMargins"), left="0.5", right="0.5", top="0.6", bottom="0.6",
                     header="0.3", footer="0.3")
    etree.SubElement(root, q("pageSetup"), paperSize="9", orientation="landscape", fitToWidth="1",
                     fitToHeight="0")
    _register(workbook, root, title)
    return title


def _register(workbook: Workbook, root: etree._Element, title: str) -> None:
    """Add the sheet part, its relationship from the workbook and its entry at the end of <sheets>."""
    part = workbook.free_name("xl/worksheets/sheet{}.xml")
    workbook.add(part, root, CT_WORKSHEET)
    rid = workbook.rels(workbook.main).add(RT_WORKSHEET, part)
    book = workbook.edit(workbook.main)
    sheets = book.find(q("sheets"))
    ids = [int(s.get("sheetId", 0)) for s in sheets.iterfind(q("sheet"))]
    etree.SubElement(sheets, q("sheet"), name=title, sheetId=str(max(ids, default=0) + 1),
                     attrib={f"{{{REL}}}id": rid})

