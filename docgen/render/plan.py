"""docxtpl's rendering, split into what a template needs once and what each document needs.

`DocxTemplate.render` does, for every document: open the package with python-docx,
serialise the body and every header/footer, run `patch_xml` (a dozen regex
passes that turn Word's XML into Jinja source), compile it, render it, apply its
post-processing (`resolve_listing`, `fix_tables`, `fix_docpr_ids`), put the
result back, render the core properties, and save the whole package again. Only
the Jinja render and the post-processing depend on the data.

`plan_for(template)` does the rest once per template and process: the patched,
compiled source of each part docxtpl renders, the document's root element
without its body, and every other member of the package exactly as a rendered
document saves it. `render_plan` then renders one document from a plan with
docxtpl's own post-processing methods (`finish`), and `package` writes it. The output
is the same XML, part for part, as `DocxTemplate.render` + save (tests compare
them on the shipped templates).

A template the plan cannot reproduce exactly (footnotes, Jinja in the core
properties, no core properties part, a header shared by two relationships, a
Jinja error) gets no plan: `engine.render` then runs docxtpl whole, which also
reports the error.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from dataclasses import dataclass

from jinja2 import Template
from jinja2.exceptions import TemplateError as JinjaError

from docgen.ooxml.rows import DOCUMENT_PART, Deflated, deflate, slot_ids

# Properties docxtpl renders with Jinja (DocxTemplate.render_properties).
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_JINJA = re.compile(r"\{[{%#]")
_LISTING = re.compile(r"[\t\a\n\f]")
_SPLIT, _SPLIT_TEXT = "docgen-split", "cut"


@dataclass(frozen=True)
class Part:
    """One part docxtpl renders: its zip member name, patched Jinja source, compiled template, encoding."""

    name: str
    source: str
    template: Template
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Plan:
    """What rendering a template needs once: the parts to render and the package around them.

    `members` lists the package in the order docxtpl's save writes it: a member
    rendered per document holds None, every other one its compressed bytes.
    """

    tpl: object  # the DocxTemplate whose post-processing methods are used (its document is never rendered)
    shell: object  # the document's root element, its body emptied
    body: tuple[Part, ...]  # the body, cut at each SPLIT mark: piece i is rendered with context i
    others: tuple[Part, ...]  # headers then footers, in docxtpl's order (rendered with context 0)
    members: tuple[tuple[str, Deflated | None], ...]
    slots: dict  # table slot id → the body piece it is in


@functools.lru_cache(maxsize=16)
def plan_for(template: bytes, env, light: bool = True) -> Plan | None:
    """Return the plan of a .docx template for Jinja environment `env` (cached), or None.

    With `light`, the large parts docxtpl never renders (styles, themes, images …)
    are never parsed: they are written back byte for byte (`ooxml.rows.lighten`);
    without, they are written as python-docx saves them, as `DocxTemplate.save` does.
    A body holding SPLIT marks (`split_mark`) is cut there into pieces rendered
    each with its own context.
    """
    from docxtpl import DocxTemplate

    from docgen.ooxml.rows import lighten

    package, carried = lighten(template) if light else (template, {})
    tpl = DocxTemplate(io.BytesIO(package))
    tpl.render_init()
    document = tpl.docx
    if not _plannable(document):
        return None
    try:
        body = _body(tpl, env)
        others = tuple(_headers_footers(tpl, env))
    except JinjaError:
        return None  # docxtpl, run whole, reports it with the template's text around it
    if body is None or len({p.name for p in others}) != len(others):
        return None
    slots = {slot: i for i, piece in enumerate(body) for slot in slot_ids(piece.source)}
    tpl.render_properties({}, env)  # no Jinja in them: sets each to itself, as a render does
    shell = copy.deepcopy(document.element)
    shell.replace(shell.body, shell.makeelement(shell.body.tag))
    buf = io.BytesIO()
    document.save(buf)
    rendered = {DOCUMENT_PART, *(p.name for p in others)}
    members = []
    with zipfile.ZipFile(buf) as z:
        for info in z.infolist():
            name = info.filename
            if name in rendered:
                members.append((name, None))
            else:
                members.append((name, carried.get(name) or deflate([z.read(info)])))
    return Plan(tpl, shell, body, others, tuple(members), slots)


def _plannable(document) -> bool:
    """Return whether every part docxtpl would change can be rendered from a plan."""
    package = document.part.package
    if not any(rel.reltype == _CORE_REL for rel in package.rels.values()):
        return False  # python-docx would make one, stamped with the time of each render
    if any(part.content_type == _FOOTNOTES for part in package.iter_parts()):
        return False
    props = document.core_properties
    return not any(_JINJA.search(getattr(props, p) or "") for p in _PROPERTIES)


def split_mark() -> str:
    """Return the mark (a processing instruction, as serialised) that cuts a template body into pieces."""
    return f"<?{_SPLIT} {_SPLIT_TEXT}?>"


def split_element():
    """Return a new split mark element, to place between two elements of a template's body."""
    from lxml import etree

    return etree.ProcessingInstruction(_SPLIT, _SPLIT_TEXT)


def _body(tpl, env) -> tuple[Part, ...] | None:
    """Return the body's pieces, prepared (each must compile alone); None when a cut would change the result."""
    source = tpl.patch_xml(tpl.get_xml())
    pieces = source.split(split_mark())
    if len(pieces) > 1 and "docPr" in source:
        return None  # drawing ids are numbered across the whole body
    return tuple(_compiled(DOCUMENT_PART, re.sub(r"<w:p([ >])", r"\n<w:p\1", p), env) for p in pieces)


def _headers_footers(tpl, env):
    """Yield the header parts then the footer parts docxtpl renders, prepared."""
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            yield _part(tpl, str(part.partname).lstrip("/"), xml, env, tpl.get_headers_footers_encoding(xml))


def _part(tpl, name: str, xml: str, env, encoding: str = "utf-8") -> Part:
    """Return a part's source as `DocxTemplate.render_xml_part` hands it to Jinja, compiled."""
    return _compiled(name, re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml)), env, encoding)


def _compiled(name: str, source: str, env, encoding: str = "utf-8") -> Part:
    return Part(name, source, env.from_string(source), encoding)


def render_plan(plan: Plan, contexts: list) -> tuple[str, ...]:
    """Return the Jinja output of every part the plan renders, post-processed as text (body pieces, then others).

    Body piece i is rendered with `contexts[i]`, headers and footers with
    `contexts[0]`. Raises Jinja's errors as docxtpl does (with `docx_context`,
    the template text near the error). `finish` turns the output into parts.
    """
    tpl = plan.tpl
    body = tuple(_render(tpl, part, ctx) for part, ctx in zip(plan.body, contexts, strict=True))
    return body + tuple(_render(tpl, part, contexts[0]) for part in plan.others)


def finish(plan: Plan, rendered: tuple[str, ...]) -> dict[str, bytes]:
    """Return the XML of every part from `render_plan`'s output (the body's table slots still in it)."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.parser import parse_xml

    tpl = plan.tpl
    n = len(plan.body)
    tree = tpl.fix_tables("".join(rendered[:n]))
    tpl.docx_ids_index = 1000  # as render_init leaves it
    tpl.fix_docpr_ids(tree)
    root = copy.deepcopy(plan.shell)
    root.replace(root.body, tree)
    out = {DOCUMENT_PART: serialize_part_xml(root)}
    for part, xml in zip(plan.others, rendered[n:], strict=True):  # as map_headers_footers_xml loads them
        out[part.name] = serialize_part_xml(parse_xml(xml.encode(part.encoding)))
    return out


def _render(tpl, part: Part, context) -> str:
    """Return the part rendered and post-processed exactly as `DocxTemplate.render_xml_part` does."""
    try:
        xml = part.template.render(context)
    except JinjaError as exc:
        if getattr(exc, "lineno", None) is not None:
            line = max(exc.lineno - 4, 0)
            exc.docx_context = [re.sub(r"<[^>]+>", "", x) for x in part.source.splitlines()[line:line + 7]]
        raise
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # = re.sub(r"\n<w:p([ >])", r"<w:p\1")
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if _LISTING.search(xml):  # resolve_listing only ever rewrites these characters
        xml = tpl.resolve_listing(xml)
    return xml


def package(plan: Plan, parts: dict[str, bytes], body) -> list[tuple[str, Deflated]]:
    """Return the members of the rendered package, in order; `body(xml)` yields the final document.xml."""
    out = []
    for name, member in plan.members:
        if member is None:
            xml = parts[name]
            member = deflate(body(xml) if name == DOCUMENT_PART else [xml])
        out.append((name, member))
    return out
