"""Render a .docx template with a context: docxtpl inside a sandboxed, autoescaping Jinja.

`render(template, context)` returns a `Rendered`: the python-docx document, the
notes about the data (characters removed), and the table rows still to be
stamped in when the document is written (`Rendered.to_bytes`). A template can
never reach Python internals (`{{ ''.__class__ }}` raises `TemplateError`), and
data such as "A & B <C>" comes out exactly as typed.

docxtpl's work on the template is done once per process (`render.plan`), so
each document costs a Jinja render and the writing of its parts; a document's
python-docx `document` is only built when asked for. This module and
`render.plan` are the only ones that import docxtpl. Not thread-safe (a plan's
DocxTemplate keeps a counter); batches use processes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import jinja2
from jinja2.sandbox import SecurityError

from docgen.errors import Location, TemplateError, os_reason, parser_reason
from docgen.limits import refusal
from docgen.records.model import Problem, Severity
from docgen.render import plan as render_plan
from docgen.render import rows as fast_rows
from docgen.render.filters import FILTERS
from docgen.render.sandbox import SandboxEnvironment, jinja_detail
from docgen.vntext import strip_xml_invalid, unsurrogate

# Rule ID of the note written when characters XML 1.0 forbids are removed from the data.
RULE_XML_CHARS = "XML-01"
# Render from per-template plans (False: docxtpl whole for every document, as a reference in tests).
PLANS = True
# Above this many stamped rows, rows are spliced into the written XML instead of parsed into the tree.
SPLICE_ROWS = 2000


class _Env(SandboxEnvironment):
    """docgen's sandbox (`render.sandbox`): autoescaping, Vietnamese filters, compiled templates reused."""

    def __init__(self):
        super().__init__(autoescape=True, keep_trailing_newline=True)
        self.filters.update(FILTERS)
        self._compiled: dict[str, jinja2.Template] = {}

    def unsafe_undefined(self, obj, attribute):
        raise SecurityError(f"{type(obj).__name__}.{attribute}")

    def getitem(self, obj, argument):
        """Return `obj[argument]`; a text key starting with "_" is refused like an attribute."""
        if isinstance(argument, str) and argument.startswith("_"):
            raise SecurityError(f"{type(obj).__name__}[{argument!r}]")
        return super().getitem(obj, argument)

    def from_string(self, source, globals=None, template_class=None):
        """Return the compiled template for `source`, compiling it once per process."""
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        hit = self._compiled.get(source)
        if hit is None:
            if len(self._compiled) > 32:
                self._compiled.clear()
            hit = self._compiled[source] = super().from_string(source)
        return hit


@functools.cache
def environment() -> _Env:
    """Return the process's rendering environment (sandboxed, autoescaped, with the Vietnamese filters)."""
    return _Env()


class Rendered:
    """A rendered document: python-docx `document`, `notes` on the data, and rows still to stamp.

    A document rendered from a plan holds the Jinja output of its parts instead
    of a python-docx document; `document` builds one on demand (by docxtpl, as
    before plans, or for a `light` one by opening the written package), after
    which the document is written from it.
    """

    def __init__(self, document=None, notes: tuple[Problem, ...] = (),
                 fills: dict[str, Callable[[], Iterable[str]]] | None = None, carried: dict | None = None,
                 sizes: dict[str, Callable[[], int]] | None = None, planned: tuple | None = None):
        self._document = document
        self.notes = notes
        self.fills = fills or {}
        self.carried = carried or {}  # name → ooxml.rows.Deflated: parts put back as in the template
        self.sizes = sizes or {}  # rows each fill will give
        self._planned = planned  # (render.plan.Plan, Jinja output of its parts, template name)
        self.recipe: tuple | None = None  # (template, cleaned context, name, fast): to render it again, composed

    @property
    def document(self):
        """Return the python-docx document (for a document rendered from a plan: rendered by docxtpl on demand)."""
        if self._document is None and self._planned is not None:
            if self.recipe is not None:
                source, context, name, fast = self.recipe
                self._document, self.fills, self.sizes = _docxtpl(source, context, name, fast)
            else:
                import docx

                self._document = docx.Document(io.BytesIO(self.to_bytes()))
                self.fills, self.sizes, self.carried = {}, {}, {}
            self._planned = None
        self.recipe = None  # the caller may change the document: it can no longer be rendered again
        return self._document

    def to_bytes(self) -> bytes:
        """Return the .docx package, with every stamped table row in place.

        Small tables are parsed (strictly) into the document before it is saved;
        large ones are spliced into the saved document.xml, which costs no more
        than writing their bytes. A document rendered from a plan is written
        member by member, its rows spliced.
        """
        from docgen.ooxml.rows import DOCUMENT_PART, fill_slots_in_tree, iter_fill_slots, rewrite_package, write_zip

        if self._planned is not None:
            plan, rendered, name = self._planned
            with _errors(name):
                parts = render_plan.finish(plan, rendered)
            return write_zip(render_plan.package(plan, parts, lambda xml: iter_fill_slots(xml, self.fills)))
        big = sum(count() for count in self.sizes.values()) > SPLICE_ROWS
        if not big:
            rows = {slot: list(make()) for slot, make in self.fills.items()}
            fill_slots_in_tree(self.document.element, rows, self.document.element.nsmap)
        buf = io.BytesIO()
        self.document.save(buf)
        if not big and not self.carried:
            return buf.getvalue()
        changes = {DOCUMENT_PART: lambda xml: iter_fill_slots(xml, self.fills)} if big else {}
        return rewrite_package(buf.getvalue(), changes, self.carried)


def clean_context(context, name: str = "") -> tuple[object, tuple[Problem, ...]]:
    """Return the context with every string stripped of XML-forbidden characters, and one note per string changed.

    Dicts, lists, tuples and dataclass instances are walked; other values are kept.

    >>> ctx, notes = clean_context({"a": ["ok", "x\\x01y"]}, "mau.docx")
    >>> ctx, [n.location.cell for n in notes]
    ({'a': ['ok', 'xy']}, ['a[1]'])
    """
    notes: list[Problem] = []

    def walk(value, path: str):
        if isinstance(value, str):
            out, changed = strip_xml_invalid(unsurrogate(value))
            if changed:
                notes.append(Problem(
                    RULE_XML_CHARS, Severity.WARNING,
                    f"Đã bỏ {len(value) - len(out)} ký tự điều khiển không in được (Word không chấp nhận) "
                    f"trong «{out[:60]}».",
                    Location(name or "mẫu", cell=path or None),
                ))
            return out
        if isinstance(value, Mapping):
            return {k: walk(v, f"{path}.{k}" if path else str(k)) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            items = [walk(v, f"{path}[{i}]") for i, v in enumerate(value)]
            return items if isinstance(value, list) else tuple(items)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name), f"{path}.{f.name}") for f in dataclasses.fields(value)
                       if f.init}
            return dataclasses.replace(value, **changes) if any(
                changes[k] is not getattr(value, k) for k in changes) else value
        return value

    return walk(context, ""), tuple(notes)


def render(template: Path | bytes, context: Mapping, name: str = "", fast: bool = True, light: bool = False) -> Rendered:
    """Return `template` (.docx path or bytes) rendered with `context`.

    Repeated table rows written as `{%tr for … %}` loops of plain `{{ x.y }}`
    cells are stamped from the row's XML (fast, see `render.rows`); anything
    else, or every loop when `fast` is False, is rendered by docxtpl. The
    template is prepared for docxtpl once per process (`render.plan`), so each
    document costs a Jinja render and the writing of its parts; a template the
    plan cannot reproduce is rendered by docxtpl whole. With `light`, the parts
    docxtpl never renders (styles, theme, images …) are written back as they
    were: for a document that will not be composed further (`render.compose`
    needs the real styles). The XML is the same either way.
    Raises `TemplateError` (Vietnamese, naming the template) for a file that is
    not a .docx, broken Jinja, a missing variable used as an object, or a
    sandbox breach.
    """
    name = name or (template.name if isinstance(template, Path) else "mẫu")
    source = template_bytes(template, name)
    clean, notes = clean_context(dict(context), name)
    with _broken(name):
        return _render(source, clean, notes, name, fast, light)


def _render(source: bytes, clean, notes, name: str, fast: bool, light: bool) -> Rendered:
    planned = render_pieces(source, [clean], name, fast, light)
    if planned is not None:
        planned.notes = notes
        planned.recipe = None if light else (source, clean, name, fast)
        return planned
    package, carried = _lighten(fast_rows.prepare(source).template if fast else source) if light else (None, {})
    document, fills, sizes = _docxtpl(source, clean, name, fast, package)
    return Rendered(document, notes, fills, carried, sizes)


def _docxtpl(source: bytes, clean, name: str, fast: bool, package: bytes | None = None):
    """Return (python-docx document, row fills, row counts) of the template rendered by docxtpl whole."""
    from docxtpl import DocxTemplate

    prepared = fast_rows.prepare(source) if fast else fast_rows.Prepared(source, ())
    tpl = DocxTemplate(io.BytesIO(package or prepared.template))
    with _errors(name):
        tpl.render(clean, jinja_env=environment())
    fills, sizes = _fills(prepared.loops, [clean], {})
    return tpl.docx, fills, sizes  # the rendered document (get_docx() would reload the template)


def render_pieces(source: bytes, contexts: list, name: str, fast: bool = True, light: bool = False) -> Rendered | None:
    """Return the template rendered from its plan, body piece i with cleaned `contexts[i]`; None without a plan.

    The pieces are those of a template made with `render.plan.split_mark` (one piece, one context, otherwise).
    """
    if not PLANS:
        return None
    prepared = fast_rows.prepare(source) if fast else fast_rows.Prepared(source, ())
    plan = render_plan.plan_for(prepared.template, environment(), light)
    if plan is None or len(plan.body) != len(contexts):
        return None
    with _errors(name):
        rendered = render_plan.render_plan(plan, contexts)
    fills, sizes = _fills(prepared.loops, contexts, plan.slots)
    carried = _lighten(prepared.template)[1] if light else {}
    return Rendered(None, (), fills, carried, sizes, planned=(plan, rendered, name))


def _fills(loops, contexts: list, pieces: dict) -> tuple[dict, dict]:
    """Return the row makers and row counters of each fast loop, with the context of the piece it is in."""
    ctx = {loop.slot: contexts[pieces.get(loop.slot, 0)] for loop in loops}
    fills = {loop.slot: functools.partial(fast_rows.stamp_rows, loop, ctx[loop.slot]) for loop in loops}
    sizes = {loop.slot: functools.partial(fast_rows.count_rows, loop, ctx[loop.slot]) for loop in loops}
    return fills, sizes


@contextlib.contextmanager
def _errors(name: str):
    """Turn what rendering template `name` raises into a Vietnamese `TemplateError`."""
    try:
        yield
    except SecurityError as exc:
        raise TemplateError(
            f"Mẫu «{name}» dùng lệnh bị chặn vì lý do an toàn: {exc}; văn bản không được tạo. "
            "Mẫu chỉ được dùng các biến, bộ lọc và vòng lặp đã mô tả (kiểm tra bằng «docgen mau kiem-tra»)."
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"Mẫu «{name}» viết sai cú pháp Jinja: {_said(exc)}{_near(exc)}.") from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"Mẫu «{name}» dùng biến không có trong dữ liệu: {_said(exc)}{_near(exc)}.") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Mẫu «{name}» không dựng được: {exc}{_near(exc)}.") from exc
    except (TypeError, ValueError, LookupError, AttributeError, ArithmeticError) as exc:
        raise TemplateError(f"Mẫu «{name}» không dựng được với dữ liệu này: {exc}.") from exc
    except RecursionError as exc:
        raise TemplateError(f"Mẫu «{name}» gọi lồng nhau quá sâu (macro tự gọi lại mình?).") from exc


@contextlib.contextmanager
def _broken(name: str):
    """Turn what a template's own XML makes python-docx or docxtpl raise into a TemplateError naming it."""
    try:
        yield
    except (TemplateError, SecurityError, jinja2.TemplateError):
        raise
    except Exception as exc:
        raise TemplateError(f"Mẫu «{name}» bị hỏng hoặc có nội dung docgen không dựng được "
                            f"({parser_reason(exc)}). Mở mẫu bằng Word, lưu lại rồi kiểm tra bằng "
                            "«docgen mau kiem-tra».") from exc


@functools.lru_cache(maxsize=16)
def _lighten(template: bytes) -> tuple[bytes, dict[str, bytes]]:
    from docgen.ooxml.rows import lighten

    return lighten(template)


def _said(exc: jinja2.TemplateError) -> str:
    """Return Jinja's message in Vietnamese (the original kept in brackets), as `mau kiem-tra` words it."""
    return jinja_detail(exc.message or "")


def _near(exc: Exception) -> str:
    """Return ", gần: «…»" with the template text around a Jinja error, when docxtpl kept it."""
    context = getattr(exc, "docx_context", None)
    if not context:
        return ""
    text = " ".join(s.strip() for s in context if s.strip())
    return f", gần: «{text[:160]}»" if text else ""


def template_bytes(template: Path | bytes, name: str = "") -> bytes:
    """Return the template's bytes, checked to be a .docx package within `docgen.limits` (TemplateError otherwise).

    A file is read again only when its size or modification time changed, so a
    batch reuses the same bytes object (and the caches keyed on it).
    """
    name = name or (template.name if isinstance(template, Path) else "mẫu")
    if isinstance(template, (bytes, bytearray)):
        data = bytes(template)
    else:
        try:
            data = _read(Path(template))
        except OSError as exc:
            raise TemplateError(f"Không đọc được mẫu «{name}»: {os_reason(exc)}.") from exc
    if not _is_docx(data):
        raise TemplateError(f"Mẫu «{name}» không phải tệp Word .docx.")
    refused = _refusal(data)
    if refused:
        raise TemplateError(f"Mẫu «{name}» không dùng được: {refused}")
    return data


@functools.lru_cache(maxsize=32)
def _refusal(data: bytes) -> str:
    """Return why the package `data` cannot be a template, "" when it can.

    It must keep within the limits and declare no DOCTYPE (`ooxml.zipcheck`),
    every part python-docx parses must parse (`ooxml.package.read_package`), and it
    must hold nothing Word would run or fetch on opening (`ooxml.active`): copied
    into every document written from it, that would reach every unit.
    """
    from docgen.ooxml import PackageError
    from docgen.ooxml.active import active_content
    from docgen.ooxml.package import read_package

    try:
        read_package(data, verify=True, long_table_rows=None)
    except PackageError as exc:
        told = refusal(exc.reason, exc.part, exc.size, exc.limit)
        if told:
            return told
        part = f"phần «{exc.part}»" if exc.part else "một phần của tệp"
        return f"{part} bị hỏng: {parser_reason(exc.cause)}." if exc.cause is not None else f"{part} bị hỏng."
    active = active_content(data)
    if active:
        return (f"mẫu có nội dung Word tự chạy hoặc tự nạp từ nơi khác khi mở văn bản: {'; '.join(active[:5])}. "
                "Xóa các trường, liên kết và đối tượng đó trong Word (Ctrl+F9 hiện mã trường) rồi lưu lại.")
    return ""


_READ: dict[Path, tuple[tuple[int, int, int], bytes]] = {}


def _read(path: Path) -> bytes:
    """Return the bytes of `path`, from memory when its (inode, size, mtime) did not change."""
    st = path.stat()
    key = (st.st_ino, st.st_size, st.st_mtime_ns)
    hit = _READ.get(path)
    if hit is not None and hit[0] == key:
        return hit[1]
    data = path.read_bytes()
    if len(_READ) > 16:
        _READ.clear()
    _READ[path] = (key, data)
    return data


@functools.lru_cache(maxsize=32)
def _is_docx(data: bytes) -> bool:
    """Return whether `data` is a zip package holding word/document.xml (cached per template)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            z.getinfo("word/document.xml")
    except (zipfile.BadZipFile, KeyError):
        return False
    return True
