"""Stream an XML part element by element with a bound on what the parser holds in memory.

lxml's `iterparse` builds the tree as it goes; a reader clears what it has used
(a sheet's rows), so memory stays small on a well-formed part however long. A
hostile part can still make one element with millions of children, which
`iterparse` would build whole before any event. Here the part is fed in chunks
and the tree still held is counted now and then (each count costs what the tree
holds, and counts are spaced by the bytes fed, so counting stays a small share
of parsing): past `max_nodes` (`docgen.limits`: max_elements) the parse stops with
PackageError("too-many-elements").
The parser resolves no entity, loads no DTD, reaches no network and keeps
libxml2's size limits (no `huge_tree`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from docgen.limits import current
from docgen.ooxml import PackageError

CHUNK = 256 * 1024


def iterparse(source, tags: tuple[str, ...], max_nodes: int | None = None, part: str = "", with_root: bool = False,
              **options) -> Iterator[object]:
    """Yield each element of `tags` when it ends, as lxml's iterparse(events=("end",), tag=tags) does.

    With `with_root`, the root element is yielded last, when it ends.

    `source` is a binary stream. Raises PackageError("too-many-elements", part=`part`)
    when the elements held at once exceed `max_nodes`, PackageError("xml") when no
    root element starts within the first MB; lxml's XMLSyntaxError for XML that is
    not well-formed. `options` go to lxml's parser (remove_blank_text …).
    """
    max_nodes = max_nodes or current().max_elements
    head, root_tag = _root_tag(source, part)
    parser = etree.XMLPullParser(events=("start", "end"), tag=(*tags, root_tag), resolve_entities=False,
                                 load_dtd=False, no_network=True, huge_tree=False, **options)
    wanted = frozenset((*tags, root_tag) if with_root else tags)
    fed = counted_at = 0
    gap = CHUNK
    root = None
    data = head
    while data:
        parser.feed(data)
        fed += len(data)
        for event, element in parser.read_events():
            if event == "end":
                if element.tag in wanted:
                    yield element
            elif root is None:
                root = element.getroottree().getroot()
        if root is not None and fed - counted_at >= gap:
            held = _count(root, max_nodes)
            if held > max_nodes:
                raise PackageError("too-many-elements", part=part, limit=f"{max_nodes:,}".replace(",", "."))
            # The next count comes after as many bytes as this one walked elements: counting stays a small share
            # of parsing, and (an element takes 4 bytes at least) the tree grows by a quarter at most meanwhile.
            counted_at, gap = fed, max(CHUNK, held)
        data = source.read(CHUNK)
    parser.close()
    for event, element in parser.read_events():
        if event == "end" and element.tag in wanted:
            yield element


def _root_tag(source, part: str) -> tuple[bytes, str]:
    """Return (the bytes read so far, the tag of the root element) of the XML stream `source`."""
    probe = etree.XMLPullParser(events=("start",), resolve_entities=False, load_dtd=False, no_network=True)
    head = b""
    while len(head) < 1024 * 1024:
        data = source.read(CHUNK)
        if not data:
            break
        head += data
        probe.feed(data)
        for _, element in probe.read_events():
            return head, element.tag
    probe.close()  # raises XMLSyntaxError for an empty or broken part
    raise PackageError("xml", "no root element", part=part)


def _count(root, limit: int) -> int:
    """Return how many elements the tree under `root` holds, stopping past `limit`."""
    n = 0
    for _ in root.iter():
        n += 1
        if n > limit:
            break
    return n
