"""Fast table loops: find `{%tr for … %}` blocks of plain rows, stamp their rows from the row XML.

A template table may repeat rows with docxtpl's row tags, one or two levels deep:

    {%tr for g in groups %}          (outer loop row)
    {{ g.so }} | {{ g.ten }}         (group row)
    {%tr for r in g.items %}         (inner loop row)
    {{ r.a }} | {{ r.b }} | …        (data row)
    {%tr endfor %}
    {%tr endfor %}

or just `{%tr for r in rows %}` / data row / `{%tr endfor %}`. When a table holds
that shape and every tag in the group and data rows is a plain `{{ var.key }}`
inside one text run, `prepare` cuts the block out of the template (leaving a
slot) and `stamp_rows` writes the rows later by string joins of escaped values:
the same output as docxtpl, without a Jinja pass over every row. Any other
shape is left in the template for docxtpl to render, so an edited template
still works, only slower.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from docgen.ooxml import rows as ox

_FOR = re.compile(r"^\{%-?\s*tr\s+for\s+([A-Za-z_]\w*)\s+in\s+([A-Za-z_][\w.]*)\s*-?%\}$")
_END = re.compile(r"^\{%-?\s*tr\s+endfor\s*-?%\}$")


@dataclass(frozen=True)
class Loop:
    """One fast row block: where its rows go, what it iterates and the stamps of its rows.

    `outer` is the context path of the outer sequence ("groups"); `inner` the key
    of each outer item holding the rows ("items"), or "" for a one-level loop
    (then `group` is None and `data` stamps each outer item).
    """

    slot: str
    outer: str
    inner: str
    group: ox.RowStamp | None
    data: ox.RowStamp


@dataclass(frozen=True)
class Prepared:
    """Template bytes with the fast blocks cut out, and the blocks."""

    template: bytes
    loops: tuple[Loop, ...]


def prepare(template: bytes) -> Prepared:
    """Return the template with its fast row blocks replaced by slots (cached per template bytes)."""
    return _prepare(template)


@functools.lru_cache(maxsize=16)
def _prepare(template: bytes) -> Prepared:
    import docx

    document = docx.Document(io.BytesIO(template))
    body = document.element.body
    nsmap = document.element.nsmap
    loops = []
    for tbl in ox.tables(body):
        loops.extend(_cut_blocks(tbl, nsmap))
    if not loops:
        return Prepared(template, ())
    buf = io.BytesIO()
    document.save(buf)
    return Prepared(buf.getvalue(), tuple(loops))


def _cut_blocks(tbl, nsmap) -> list[Loop]:
    """Return the fast blocks of one table, each replaced by a slot in `tbl`."""
    found = []
    trs = ox.rows(tbl)
    texts = [ox.row_text(tr).strip() for tr in trs]
    i = 0
    while i < len(trs):
        loop, length = _match(trs, texts, i, nsmap)
        if loop is None:
            i += 1
            continue
        slot = ox.add_slot(tbl, trs[i])
        ox.remove(trs[i:i + length])
        found.append(Loop(slot, loop.outer, loop.inner, loop.group, loop.data))
        i += length
    return found


def _match(trs, texts, i, nsmap) -> tuple[Loop | None, int]:
    """Return the block starting at row `i` (with a blank slot id) and its row count, or (None, 0)."""
    outer = _FOR.match(texts[i])
    if not outer:
        return None, 0
    var, seq = outer.groups()
    # Two levels: for g in seq / group row / for r in g.key / data row / endfor / endfor
    if i + 5 < len(trs):
        inner = _FOR.match(texts[i + 2])
        if inner and _END.match(texts[i + 4]) and _END.match(texts[i + 5]):
            ivar, iseq = inner.groups()
            head, _, key = iseq.partition(".")
            if head == var and key and "." not in key:
                group = _stamp(trs[i + 1], var, nsmap)
                data = _stamp(trs[i + 3], ivar, nsmap)
                if group is not None and data is not None:
                    return Loop("", seq, key, group, data), 6
    # One level: for r in seq / data row / endfor
    if i + 2 < len(trs) and _END.match(texts[i + 2]):
        data = _stamp(trs[i + 1], var, nsmap)
        if data is not None:
            return Loop("", seq, "", None, data), 3
    return None, 0


def _stamp(tr, var: str, nsmap) -> ox.RowStamp | None:
    """Return the row's stamp when all its placeholders use loop variable `var`."""
    stamp = ox.compile_row(tr, nsmap)
    if stamp is None or any(name != var for name, _ in stamp.fields):
        return None
    return stamp


def lookup(obj, key: str):
    """Return `obj[key]` for a mapping, else its public attribute `key`; None when missing.

    >>> lookup({"a": 1}, "a"), lookup({"a": 1}, "b"), lookup(3, "_x")
    (1, None, None)
    """
    if isinstance(obj, Mapping):
        return obj.get(key)
    if key.startswith("_"):
        return None
    return getattr(obj, key, None)


def _resolve(context, path: str):
    """Return the value at dotted `path` of the context."""
    value = context
    for key in path.split("."):
        value = lookup(value, key)
    return value


def _values(stamp: ox.RowStamp, item) -> list[str]:
    """Return the escaped text of each field of `stamp` for `item` (None prints as nothing)."""
    out = []
    for key in stamp.keys:
        value = lookup(item, key)
        out.append(ox.escape(value if isinstance(value, str) else "" if value is None else str(value)))
    return out


def stamp_rows(loop: Loop, context) -> Iterator[str]:
    """Yield the XML of every row of `loop` for `context`, in order (as lxml would write it)."""
    for item in _resolve(context, loop.outer) or ():
        if not loop.inner:
            yield _fill(loop.data, item)
            continue
        yield _fill(loop.group, item)
        data = loop.data
        for row in lookup(item, loop.inner) or ():
            yield _fill(data, row)


def _fill(stamp: ox.RowStamp, item) -> str:
    """Return the row of `stamp` filled for `item`."""
    values = _values(stamp, item)
    xml = stamp.fill(values)
    return ox.collapse_empty_text(xml) if "" in values else xml


def count_rows(loop: Loop, context) -> int:
    """Return how many rows `stamp_rows` will yield for `context`, without building them."""
    outer = list(_resolve(context, loop.outer) or ())
    if not loop.inner:
        return len(outer)
    return len(outer) + sum(len(lookup(item, loop.inner) or ()) for item in outer)
