"""One way to write a workbook cell: text stays text, never a formula, whatever it starts with.

Every workbook docgen writes (the collection forms of `bieu-mau`, the
province's `tong-hop.xlsx`) puts its values through `put`: a campaign title, a
page name or a phone number that starts with `=`, `+`, `-`, `@`, a tab, a
carriage return or a full-width sign is written as a text cell with Excel's
quote prefix, so Excel shows it as typed and never runs it. Characters a
worksheet cannot hold are dropped, and text past the 32,767 characters an
Excel cell holds is cut (Excel would call the whole workbook damaged). Kept at the top of the package (like
`vntext`) so that `workbooks` and `aggregate` both use it without importing
each other.
"""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell

from docgen.vntext import XML_INVALID, unsurrogate

# What Excel (or a CSV reader, or an input method typing full-width signs) could take as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
CELL_MAX = 32_767   # characters an Excel cell holds


def put(cell, value, **style):
    """Return `cell` holding `value`, text kept as text (see module doc); `style` sets attributes such as `font`.

    >>> from openpyxl import Workbook
    >>> ws = Workbook().active
    >>> c = put(ws.cell(1, 1), "=HYPERLINK(\\"http://x\\")")
    >>> c.data_type, c.quotePrefix, c.value
    ('s', True, '=HYPERLINK("http://x")')
    >>> put(ws.cell(1, 2), 12).data_type, put(ws.cell(1, 3), "Mường Nhé").quotePrefix
    ('n', False)
    """
    if isinstance(value, str):
        value = unsurrogate(XML_INVALID.sub("", value))
        if len(value) > CELL_MAX:
            value = value[:CELL_MAX - 1] + "…"
        cell.value = value
        cell.data_type = "s"   # openpyxl makes "=…" a formula: here it is always text
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def write_only(ws, value, **style):
    """Return a cell for `ws.append` of a write-only sheet, holding `value` as `put` writes it.

    Plain values are returned as they are (cheaper) when they need neither a style nor protection.
    """
    if not style and not isinstance(value, str):
        return value
    if not style and not value.startswith(FORMULA_START) and not XML_INVALID.search(value) \
            and unsurrogate(value) is value and len(value) <= CELL_MAX:
        return value
    return put(WriteOnlyCell(ws), value, **style)


def choice_list(choices) -> str | None:
    """Return the formula of a drop-down list of `choices` (None when there are none), quotes doubled.

    >>> choice_list(["Có", "Không"]), choice_list(['A "B" C']), choice_list([])
    ('"Có,Không"', '"A ""B"" C"', None)
    """
    items = [XML_INVALID.sub("", str(c)).replace(",", " ").replace('"', '""') for c in choices or ()]
    return f'"{",".join(items)}"' if items else None
