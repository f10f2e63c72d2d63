"""A template's repeated-row table fitted to a list of columns: one way to print a table from declared columns.

A template table of this shape (the one `scripts/build_templates.py` writes):

    header row(s)        one cell per column, `{{ head.key }}`; a column of a group sits under
                         a top cell spanning its group, `{{ group_head.first_key }}` (two header rows)
    {%tr … %} rows       one cell spanning the table
    other rows           two cells: the first column's, then one spanning the rest (a group row)
    data row(s)          one cell per column, `{{ r.key }}` (a totals row too: `{{ t.key }}`)

is rebuilt for the given columns (`fit`): each column keeps its template cell (formatting,
alignment, width) when the template has it; a new column copies the template's last data
cell and gets a width in proportion to its `weight` (the template's own columns set the scale);
a column the list lacks is removed. The table keeps its total width. With the template's own
columns the bytes are returned untouched. Nothing here knows what the columns mean.
"""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from docgen.ooxml.rows import PLACEHOLDER, W_NS

_W = f"{{{W_NS}}}"
_TR, _TC, _T, _P, _R = _W + "tr", _W + "tc", _W + "t", _W + "p", _W + "r"
_TCPR, _TCW, _SPAN, _VMERGE, _GRID, _GRIDCOL = (_W + n for n in ("tcPr", "tcW", "gridSpan", "vMerge", "tblGrid",
                                                                 "gridCol"))
_ROW_TAG = re.compile(r"^\{%-?\s*tr\s")
_AFTER_JC = {"textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange"}
_ONE = re.compile(r"^\s*" + PLACEHOLDER.pattern + r"\s*$")


@dataclass(frozen=True)
class TableColumn:
    """One column to print: its data key, its group ("" for none), its width relative to the others and,
    for a column the template lacks, its cells' alignment ("left", "center", "right"; "" as the copied cell)."""

    key: str
    group: str = ""
    weight: float = 1.0
    align: str = ""
    least: int = 0       # twips a new column never gets less than (a date kept on one line), taken from the others


def fit(template: bytes, columns: Sequence[TableColumn], group_head: str = "") -> bytes:
    """Return `template` with its repeated-row table fitted to `columns` (cached per template and columns).

    `group_head` names the context mapping of group headers for a group the template has no cell
    to copy from; by default the name the template's own group cells use.
    """
    return _fit(bytes(template), tuple(columns), group_head)


@functools.lru_cache(maxsize=16)
def _fit(template: bytes, columns: tuple[TableColumn, ...], group_head: str) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(template))
    found = _find(document.element.body)
    if found is None:
        return template
    tbl, head, data = found
    if _keys(data[0]) == [c.key for c in columns] and _partition(_groups_of(head)) == _partition(
            [c.group for c in columns]):
        return template
    _rebuild(tbl, head, data, columns, group_head)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(_T))


def _keys(data) -> list[str]:
    return [_ONE.match(_text(tc)).group(2) for tc in data.findall(_TC)]


def _find(body):
    """Return (table, header rows, data rows) of the first table of the shape, or None."""
    for tbl in body.iter(_W + "tbl"):
        trs = tbl.findall(_TR)
        tags = [i for i, tr in enumerate(trs) if _ROW_TAG.match(_text(tr).strip())]
        if not tags or tags[0] == 0:
            continue
        rows = [tr for tr in trs[tags[0]:] if _one_name(tr)]
        if rows:   # the data rows: the widest rows of placeholders of one name (a group row has two cells)
            width = max(len(tr.findall(_TC)) for tr in rows)
            return tbl, trs[:tags[0]], [tr for tr in rows if len(tr.findall(_TC)) == width]
    return None


def _one_name(tr) -> bool:
    """Return whether every cell of the row (two or more) is one `{{ name.key }}` of the same name."""
    matches = [_ONE.match(_text(tc)) for tc in tr.findall(_TC)]
    return len(matches) > 1 and all(matches) and len({m.group(1) for m in matches}) == 1


def _span(tc) -> int:
    span = tc.find(f"{_TCPR}/{_SPAN}")
    return int(span.get(_W + "val")) if span is not None else 1


def _groups_of(head) -> list[str]:
    """Return each template column's group id: the top cell spanning it ("" for a column alone)."""
    if len(head) < 2:
        return []
    out = []
    for i, tc in enumerate(head[0].findall(_TC)):
        span = _span(tc)
        out += [f"#{i}" if span > 1 or tc.find(f"{_TCPR}/{_VMERGE}") is None else ""] * span
    return out


def _partition(groups: Sequence[str]) -> list[int]:
    """Return, per column, the index of the first column of its group run (-1 alone), to compare groupings.

    >>> _partition(["", "a", "a", "b"]), _partition(["", "#1", "#1", "#2"])
    ([-1, 1, 1, 3], [-1, 1, 1, 3])
    """
    out: list[int] = []
    for i, g in enumerate(groups):
        out.append(-1 if not g else out[-1] if i and groups[i - 1] == g else i)
    return out


def widths(known: dict[str, int], columns: Sequence[TableColumn], total: int) -> list[int]:
    """Return the columns' widths summing to `total`: a known width kept in proportion, a new one by weight.

    >>> widths({"a": 100, "b": 300}, [TableColumn("a", weight=1), TableColumn("b", weight=1),
    ...                               TableColumn("c", weight=2)], 400)
    [50, 150, 200]
    """
    kept = [c for c in columns if c.key in known]
    scale = (sum(known[c.key] for c in kept) / sum(c.weight for c in kept)) if kept else 1
    raw = [known.get(c.key, c.weight * scale) for c in columns]
    floors = [0 if c.key in known else c.least for c in columns]
    out = [int(w) for w in with_floors([total * w / sum(raw) for w in raw], floors)]
    out[-1] += total - sum(out)
    return out


def with_floors(sizes: list[float], floors: list[float]) -> list[float]:
    """Return `sizes` with each raised to its floor (a date not broken as «12/09/202 5»), the room taken
    from the columns without a floor in proportion to their size; the total is unchanged.

    >>> with_floors([10, 45, 45], [20, 0, 0])
    [20, 40.0, 40.0]
    """
    short = sum(max(0, f - w) for w, f in zip(sizes, floors))
    free = sum(w for w, f in zip(sizes, floors) if not f)
    if not short or free <= short:
        return sizes
    return [max(w, f) if f else w - short * w / free for w, f in zip(sizes, floors)]


def _set_cell(tc, width: int, text: str | None = None, span: int = 1, vmerge: str | None = None):
    """Set a cell's width, span, vertical merge and (when given) its only text; return it."""
    pr = tc.find(_TCPR)
    if pr is None:
        pr = etree.SubElement(tc, _TCPR)
        tc.insert(0, pr)
    for old in pr.findall(_SPAN) + pr.findall(_VMERGE):
        pr.remove(old)
    w = pr.find(_TCW)
    if w is None:
        w = etree.Element(_TCW)
        pr.insert(0, w)
    w.set(_W + "w", str(width))
    w.set(_W + "type", "dxa")
    at = pr.index(w) + 1
    if vmerge is not None:
        merge = etree.Element(_VMERGE)
        if vmerge:
            merge.set(_W + "val", vmerge)
        pr.insert(at, merge)
    if span > 1:
        pr.insert(at, etree.Element(_SPAN))
        pr[at].set(_W + "val", str(span))
    if text is not None:
        _set_text(tc, text)
    return tc


def _set_text(tc, text: str) -> None:
    """Leave the cell one paragraph with its first run holding `text` (its formatting kept)."""
    paragraphs = tc.findall(_P)
    for p in paragraphs[1:]:
        tc.remove(p)
    runs = paragraphs[0].findall(_R)
    for r in runs[1:]:
        paragraphs[0].remove(r)
    if not runs:
        runs = [etree.SubElement(paragraphs[0], _R)]
    ts = runs[0].findall(_T)
    for t in ts[1:]:
        runs[0].remove(t)
    t = ts[0] if ts else etree.SubElement(runs[0], _T)
    t.text = text
    if not text:
        runs[0].remove(t)


def _renamed(tc, key: str):
    """Return a copy of `tc` whose `{{ name.old }}` names `key` instead."""
    new = copy.deepcopy(tc)
    m = _ONE.match(_text(tc))
    _set_text(new, "{{ %s.%s }}" % (m.group(1), key) if m else "")
    return new


def _rebuild(tbl, head, data, columns: tuple[TableColumn, ...], group_head: str) -> None:
    grid = tbl.find(_GRID)
    old = [int(g.get(_W + "w")) for g in grid.findall(_GRIDCOL)]
    keys = _keys(data[0])
    known = dict(zip(keys, old))
    sizes = widths(known, columns, sum(old))
    others = [tr for tr in tbl.findall(_TR) if tr not in head and tr not in data]
    _header(head, keys, columns, sizes, group_head)
    for tr in data:
        _data(tr, _keys(tr), columns, sizes)
    for tr in others:
        cells = tr.findall(_TC)
        if len(cells) == 1:
            _set_cell(cells[0], sum(sizes), span=len(sizes))
        elif len(cells) == 2:
            _set_cell(cells[0], sizes[0])
            _set_cell(cells[1], sum(sizes[1:]), span=len(sizes) - 1)
    for g in grid.findall(_GRIDCOL):
        grid.remove(g)
    for w in sizes:
        etree.SubElement(grid, _GRIDCOL).set(_W + "w", str(w))


def _data(data, keys, columns, sizes) -> None:
    cells = dict(zip(keys, data.findall(_TC)))
    proto = data.findall(_TC)[-1]
    for tc in data.findall(_TC):
        data.remove(tc)
    for c, w in zip(columns, sizes):
        if c.key in cells:
            data.append(_set_cell(copy.deepcopy(cells[c.key]), w))
        else:
            data.append(_aligned(_set_cell(_renamed(proto, c.key), w), c.align))


def _aligned(tc, align: str):
    """Return the cell with its paragraph aligned `align` ("" leaves it)."""
    if align:
        p = tc.find(_P)
        ppr = p.find(_W + "pPr")
        if ppr is None:
            ppr = etree.Element(_W + "pPr")
            p.insert(0, ppr)
        jc = ppr.find(_W + "jc")
        if jc is None:   # in schema order (ECMA-376 Part 1, 17.3.1.26): before what follows w:jc
            jc = etree.Element(_W + "jc")
            after = [el for el in ppr if etree.QName(el).localname in _AFTER_JC]
            (after[0].addprevious if after else ppr.append)(jc)
        jc.set(_W + "val", align)
    return tc


def _header(head, keys, columns, sizes, group_head: str) -> None:
    """Write the header row(s): a column alone spans both rows, a group's columns share a top cell."""
    top_cells = head[0].findall(_TC)
    sub = head[1] if len(head) > 1 else None
    by_key, group_cells = {}, {}
    col = 0
    for tc in top_cells:
        span = _span(tc)
        if span == 1 and (sub is None or tc.find(f"{_TCPR}/{_VMERGE}") is not None):
            by_key[keys[col]] = tc
        else:
            group_cells[keys[col]] = tc
        col += span
    for tc in (sub.findall(_TC) if sub is not None else []):
        m = _ONE.match(_text(tc))
        if m and tc.find(f"{_TCPR}/{_VMERGE}") is None:
            by_key.setdefault(m.group(2), tc)
    proto = top_cells[0]
    below = [tc for tc in (sub.findall(_TC) if sub is not None else []) if tc.find(f"{_TCPR}/{_VMERGE}") is not None]
    empty = below[0] if below else etree.fromstring(f'<w:tc xmlns:w="{W_NS}"><w:tcPr/><w:p/></w:tc>')
    grouped = any(c.group for c in columns)
    if grouped and sub is None:
        sub = copy.deepcopy(head[0])
        head[0].addnext(sub)
    for row in (head[0], sub) if sub is not None else (head[0],):
        for tc in row.findall(_TC):
            row.remove(tc)
    group_proto = next(iter(group_cells.values()), None)
    name = group_head or (_ONE.match(_text(group_proto)).group(1) if group_proto is not None else "nhom")
    i = 0
    while i < len(columns):
        c = columns[i]
        cell = lambda key: copy.deepcopy(by_key[key]) if key in by_key else _renamed(proto, key)  # noqa: E731
        if not c.group:
            head[0].append(_set_cell(cell(c.key), sizes[i], vmerge="restart" if grouped else None))
            if grouped:
                sub.append(_set_cell(copy.deepcopy(empty), sizes[i], vmerge=""))
            i += 1
            continue
        j = i
        while j + 1 < len(columns) and columns[j + 1].group == c.group:
            j += 1
        top = copy.deepcopy(group_cells.get(c.key, group_proto if group_proto is not None else proto))
        head[0].append(_set_cell(top, sum(sizes[i:j + 1]), "{{ %s.%s }}" % (name, c.key), span=j - i + 1))
        for k in range(i, j + 1):
            sub.append(_set_cell(cell(columns[k].key), sizes[k]))
        i = j + 1
    if not grouped and sub is not None:
        sub.getparent().remove(sub)
