"""Stream an XML part element by element with a bound on what the parser holds in memory.

lxml's `iterparse` builds the tree as it goes; a reader clears what it has used
(a sheet's rows), so memory stays small on a well-formed part however long. A
hostile part can still make one element with millions of children, which
`iterparse` would build whole before any event. Here the part is fed in chunks
and the tree still held is counted now and then (each count costs what the tree
holds, and counts are spaced by the bytes fed, so counting stays a small share
of parsing): past `max_nodes` the parse stops with PackageError("tree-too-big").
The parser resolves no entity, loads no DTD, reaches no network and keeps
libxml2's size limits (no `huge_tree`).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from docgen.ooxml import PackageError

CHUNK = 256 * 1024
MAX_NODES = 1_000_000  # elements held at once (about 150 MB in lxml); a sheet row holds a few dozen


def iterparse(source, tags: tuple[str, ...], max_nodes: int = MAX_NODES, part: str = "", with_root: bool = False,
              **options) -> Iterator[object]:
    """Yield each element of `tags` when it ends, as lxml's iterparse(events=("end",), tag=tags) does.

    With `with_root`, the root element is yielded last, when it ends.

    `source` is a binary stream. Raises PackageError("tree-too-big", part=`part`)
    when the elements held at once exceed `max_nodes`, PackageError("xml") when no
    root element starts within the first MB; lxml's XMLSyntaxError for XML that is
    not well-formed. `options` go to lxml's parser (remove_blank_text …).
    """
    head, root_tag = _root_tag(source, part)
    parser = etree.XMLPullParser(events=("start", "end"), tag=(*tags, root_tag), resolve_entities=False,
                                 load_dtd=False, no_network=True, huge_tree=False, **options)
    wanted = frozenset((*tags, root_tag) if with_root else tags)
    fed = counted_at = 0
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
        if root is not None and fed - counted_at >= CHUNK * 4:
            held = _count(root, max_nodes)
            if held > max_nodes:
                raise PackageError("tree-too-big", part=part, size=f"hơn {max_nodes:,} phần tử".replace(",", "."),
                                   limit=f"{max_nodes:,} phần tử".replace(",", "."))
            counted_at = fed + held * 4   # the next count comes after at least as many bytes as this one walked
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
