"""SpreadsheetML (.xlsx) edited as a package: only the parts a change needs are parsed and rewritten.

Why not openpyxl's load-and-save: openpyxl rebuilds a workbook from what it
understands and drops the rest (images without Pillow, shapes, x14 data
validations and conditional formats in `extLst`, threaded comments, VML comment
boxes, slicers …; tests/ooxml/test_sml.py shows it on a workbook holding them).
Here every member the change does not touch is copied byte for byte.

Modules: `package` (the zip, relationships, content types), `cells` (finding,
creating and writing cells of a worksheet), `styles` (fills, fonts and cell
formats added to styles.xml), `comments` (cell notes: comments part + VML
boxes), `sheets` (a new worksheet of text rows with internal links).
Nothing here knows what the cells mean.
"""

from __future__ import annotations

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"x": MAIN, "r": REL}


def q(tag: str) -> str:
    """Return the Clark name of a SpreadsheetML tag.

    >>> q("c")
    '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}c'
    """
    return f"{{{MAIN}}}{tag}"
