"""Check a .docx template before it is used: the findings, each with where it is.

What is checked, in the body, tables, headers and footers:
- MAU-01 Jinja syntax errors;
- MAU-02 tags Word split across runs in a way docxtpl's own merging cannot mend
  (the part, after docxtpl's patch, is no longer well-formed or a tag still holds markup);
- MAU-03 names the document kind does not provide; MAU-04 unknown filters and tests;
- MAU-05 sandbox-unsafe constructs (`__class__`, any attribute or name starting with "_");
- MAU-06 Jinja that is fine as typed but not after docxtpl's patch (e.g. `{%tr %}` outside a table row);
- MAU-07 statements that reach other files (import, from, include, extends) and text formatting (`.format`, `%`).
MAU-05 and MAU-07 are `render.sandbox.refused`, the list the renderer refuses to compile.

Nothing is rendered and no template code runs. Places are given the way a clerk
finds them in Word: "thân văn bản › đoạn 5", "đầu trang (mục 1) › bảng 1, hàng 2, ô 3, đoạn 1".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta, nodes
from lxml import etree

from docgen.errors import Location, TemplateError, parser_reason
from docgen.records.model import Problem, Severity
from docgen.render.sandbox import describe, jinja_detail, refused
from docgen.render.trial import trial_render

ERROR = Severity.ERROR
# Rule catalogue of the template checker: ID → (severity, Vietnamese message template).
RULES: dict[str, tuple[Severity, str]] = {
    "MAU-01": (ERROR, "Sai cú pháp Jinja: {detail}. Đoạn có lỗi: «{text}»."),
    "MAU-02": (ERROR, "Thẻ «{tag}» bị Word tách thành nhiều đoạn định dạng mà docxtpl không ghép lại được, "
                      "nên sẽ không được thay hoặc làm hỏng văn bản. Xóa thẻ rồi gõ lại liền một lần (không sửa từng phần, tắt theo dõi thay đổi)."),
    "MAU-03": (ERROR, "Biến «{name}» không có trong dữ liệu của {kind}. Xem các biến dùng được trong docs/mau-van-ban.md."),
    "MAU-04": (ERROR, "Bộ lọc «{name}» không có. Xem các bộ lọc dùng được trong docs/mau-van-ban.md."),
    "MAU-05": (ERROR, "«{expr}» bị chặn vì lý do an toàn: mẫu không được dùng thuộc tính bắt đầu bằng «_» "
                      "hay phần nội bộ của Python. Mẫu sẽ không được dựng."),
    "MAU-06": (ERROR, "Sau khi docxtpl xử lý, thẻ không còn đúng Jinja: {detail}."),
    "MAU-07": (ERROR, "Mẫu dùng {what}: bị chặn vì lý do an toàn (mẫu không được đọc tệp khác hay tự định dạng "
                      "chuỗi). Mẫu sẽ không được dựng."),
    "MAU-08": (ERROR, "Dựng thử mẫu với dữ liệu giả thì bị chặn: {detail}. Mẫu sẽ không được dựng."),
}
FIXES = {
    "MAU-02": "Chọn cả thẻ, xóa, gõ lại từ «{{» đến «}}» trong một lần.",
    "MAU-06": "Thẻ {%tr …%} chỉ dùng trong một hàng bảng, {%tc …%} trong một ô, {%p …%} chiếm cả đoạn.",
    "MAU-07": "Ghi thẳng biến và chữ, nối chuỗi bằng «~», định dạng số và ngày bằng bộ lọc của docgen "
              "(xem docs/mau-van-ban.md).",
    "MAU-08": "Bỏ vòng lặp lồng nhau, phép nhân chuỗi hay macro tự gọi lại mình; giới hạn ở docs/gioi-han.md.",
}
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
# docxtpl's scope prefixes: {%p …%} takes the paragraph, {%tr …%} the row, {%tc …%} the cell, {%r …%} the run.
SCOPED = re.compile(r"([{][%{#])(tr|tc|p|r) ")
_PARAGRAPH = re.compile(r"<(?:\w+:)?p(?=[ >])")  # a paragraph's start tag, whatever its namespace prefix
_SMART = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# Where a finding is when the paragraph text does not show it (text box, tracked insertion …).
HIDDEN_PLACE = "ngoài các đoạn văn thường (hộp văn bản, phần sửa có theo dõi …)"


@dataclass(frozen=True)
class Line:
    """One paragraph as docxtpl will see it (or the single tag a scoped tag leaves of its paragraph/row/cell)."""

    place: str
    text: str


@dataclass(frozen=True)
class Part:
    """A story of the document (body, a header, a footer): its label, XML element and lines."""

    label: str
    element: object
    lines: tuple[Line, ...]


def lint_template(path: Path, provided: Iterable[str], kind: str, env: jinja2.Environment | None = None) -> list[Problem]:
    """Return the findings of the template at `path` for a document kind providing the names `provided`.

    `kind` names the document kind in messages ("báo cáo"). An empty list means
    the template is clean. Raises TemplateError when the file is not a .docx.
    """
    if env is None:
        from docgen.render.engine import environment

        env = environment()
    path = Path(path)
    known = set(provided) | set(env.globals)
    out: list[Problem] = []
    for part in _parts(_open(path)):
        where = Location(path.name, part.label)
        text_ok, found = _check_text(part, env, known, kind, where)
        patched = _check_patched(part, env, where, text_ok, known, kind, found)
        split_at = {f.location for f in patched if f.rule == "MAU-02"}
        out += [f for f in found if not (f.rule == "MAU-01" and f.location in split_at)] + patched
    return out or trial_render(path, set(provided) - set(env.globals))


def _open(path: Path):
    """Return the python-docx Document at `path`, or raise TemplateError saying why it is not a template."""
    import io

    import docx

    from docgen.render.engine import template_bytes

    if not path.is_file():
        raise TemplateError("Không tìm thấy tệp mẫu.", Location(str(path)))
    try:
        data = template_bytes(path, path.name)   # a .docx within the limits, without a DOCTYPE
    except TemplateError as exc:
        if exc.message.endswith("không phải tệp Word .docx."):
            raise TemplateError("Tệp không phải văn bản Word .docx (không mở được). Mẫu phải lưu dạng "
                                "«Word Document (*.docx)».", Location(str(path))) from None
        raise TemplateError(exc.message, Location(str(path))) from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx and lxml raise many kinds for a broken package
        raise TemplateError(
            f"Tệp mẫu bị hỏng, không mở được ({parser_reason(exc)}). Mẫu phải lưu dạng «Word Document (*.docx)».",
            Location(str(path)),
        ) from None


def _parts(doc) -> list[Part]:
    """Return the body, then each section's own headers and footers, each once."""
    parts = [Part("thân văn bản", doc.element.body, tuple(_lines(doc, "")))]
    seen: list[object] = []
    for n, section in enumerate(doc.sections, start=1):
        for label, hf in (
            ("đầu trang", section.header), ("đầu trang trang đầu", section.first_page_header),
            ("đầu trang trang chẵn", section.even_page_header), ("chân trang", section.footer),
            ("chân trang trang đầu", section.first_page_footer), ("chân trang trang chẵn", section.even_page_footer),
        ):
            if hf.is_linked_to_previous:
                continue
            element = hf.part.element
            if any(element is s for s in seen):
                continue
            seen.append(element)
            parts.append(Part(f"{label} (mục {n})", element, tuple(_lines(hf, ""))))
    return parts


def _runs(paragraph) -> list[str]:
    """Return the texts of a paragraph's runs, hyperlink runs included, in order."""
    out = []
    for item in paragraph.iter_inner_content():
        runs = getattr(item, "runs", None)
        out += [r.text for r in runs] if runs is not None else [item.text]
    return out


def _scoped(text: str, scope: str) -> str | None:
    """Return the first tag of `text` carrying docxtpl's `scope` prefix, with the prefix removed.

    >>> _scoped("x {%p if a %} y", "p")
    '{% if a %}'
    >>> _scoped("{{ a }}", "p") is None
    True
    """
    for m in TAG.finditer(text):
        pm = SCOPED.match(m.group(0))
        if pm and pm.group(2) == scope:
            return SCOPED.sub(r"\1 ", m.group(0), count=1)
    return None


def _line(place: str, paragraph) -> Line:
    """Return a paragraph's line; a paragraph holding a {%p %} tag is that tag alone."""
    text = "".join(_runs(paragraph))
    whole = _scoped(text, "p")
    return Line(place, whole if whole is not None else SCOPED.sub(r"\1 ", text))


def _lines(container, prefix: str) -> Iterator[Line]:
    """Yield the lines of a story (document, header, cell), tables walked row by row."""
    n_par = n_tab = 0
    for item in container.iter_inner_content():
        if hasattr(item, "rows"):
            n_tab += 1
            yield from _table_lines(item, f"{prefix}bảng {n_tab}")
        else:
            n_par += 1
            yield _line(f"{prefix}đoạn {n_par}", item)


def _table_lines(table, label: str) -> Iterator[Line]:
    """Yield a table's lines row by row; a row holding a {%tr %} tag is that tag alone, as docxtpl leaves it."""
    for r, row in enumerate(table.rows, start=1):
        cells = []
        for cell in row.cells:  # a merged cell comes once per grid column it spans
            if cell not in cells:
                cells.append(cell)
        row_lines = [
            line for c, cell in enumerate(cells, start=1)
            for line in _cell_lines(cell, f"{label}, hàng {r}, ô {c}, ")
        ]
        whole = next((t for t in (_scoped(_raw(cell), "tr") for cell in cells) if t), None)
        if whole is not None:  # docxtpl replaces the whole row by its {%tr %} tag
            place = next(line.place for line in row_lines if "{%" in line.text or "{{" in line.text)
            yield Line(place, whole)
        else:
            yield from row_lines


def _raw(cell) -> str:
    """Return a cell's text as typed, one line per paragraph."""
    return "\n".join("".join(_runs(p)) for p in cell.paragraphs)


def _cell_lines(cell, prefix: str) -> list[Line]:
    """Return a cell's lines; a cell holding a {%tc %} tag is that tag alone."""
    whole = _scoped(_raw(cell), "tc")
    lines = list(_lines(cell, prefix))
    if whole is not None:
        return [Line(lines[0].place if lines else prefix.rstrip(", "), whole)]
    return lines


def rule_finding(rule: str, where: Location, place: str, **fields) -> Problem:
    severity, template = RULES[rule]
    return Problem(rule, severity, template.format(**fields), where.at(place), FIXES.get(rule, ""))


def _source(lines: tuple[Line, ...]) -> str:
    """Return the part as one Jinja source, one line per paragraph, quotes fixed as docxtpl does."""
    return "\n".join(TAG.sub(lambda m: m.group(0).translate(_SMART), ln.text) for ln in lines)


def _check_text(part: Part, env, known: set[str], kind: str, where: Location) -> tuple[bool, list[Problem]]:
    """Return (syntax ok, findings) for the part's text as typed: syntax, names, filters, sandbox."""
    if not part.lines:
        return True, []
    source = _source(part.lines)
    try:
        env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        line = part.lines[min(max((exc.lineno or 1) - 1, 0), len(part.lines) - 1)]
        detail = jinja_detail(exc.message or "")
        return False, [rule_finding("MAU-01", where, line.place, detail=detail, text=_short(line.text))]
    out = []
    for rule, lineno, fields in _names(source, env, known, kind):
        place = part.lines[min(lineno, len(part.lines)) - 1].place
        out.append(rule_finding(rule, where, place, **fields))
    return True, out


def _names(source: str, env, known: set[str], kind: str) -> list[tuple[str, int, dict]]:
    """Return (rule, line, message fields) for each sandbox breach, unknown filter and unknown name, once per line.

    `source` must parse. Unknown names are those not in `known` (the kind's
    variables and the environment's globals), loop and set variables excepted.
    """
    ast = env.parse(source)
    out: list[tuple[str, int, dict]] = []

    def once(rule: str, node, **fields) -> None:
        item = (rule, node.lineno, fields)
        if item not in out:
            out.append(item)

    for node, kind, what in refused(ast):   # the same list the renderer refuses to compile
        if kind == "internal":
            once("MAU-05", node, expr=what)
        else:
            once("MAU-07", node, what=describe(kind, what))
    stand_ins = env
    for node in ast.find_all((nodes.Filter, nodes.Test)):
        table = env.filters if isinstance(node, nodes.Filter) else env.tests
        if node.name not in table:
            once("MAU-04", node, name=node.name)
            if stand_ins is env:  # meta's code generator refuses unknown filters: stand-ins let it see the names
                stand_ins = env.overlay()
                stand_ins.filters, stand_ins.tests = dict(env.filters), dict(env.tests)  # overlay shares them
            (stand_ins.filters if isinstance(node, nodes.Filter) else stand_ins.tests)[node.name] = _nothing
    if stand_ins is not env:
        ast = stand_ins.parse(source)
    undeclared = meta.find_undeclared_variables(ast) - known
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name in undeclared and not node.name.startswith("_"):
            once("MAU-03", node, name=node.name, kind=kind)
    return out


def _nothing(*args, **kwargs) -> None:
    return None


def _check_patched(part: Part, env, where: Location, text_ok: bool, known: set[str], kind: str,
                   seen: list[Problem]) -> list[Problem]:
    """Return what docxtpl's preprocessing would still fail on in this part (MAU-02, MAU-06).

    When the patched part parses, names the paragraph text did not show (text
    boxes, tracked insertions …) are checked too, each reported once.
    """
    from docxtpl import DocxTemplate  # its patch is what render() runs; only its pure patch_xml is used here

    patched = DocxTemplate.patch_xml(None, etree.tostring(part.element, encoding="unicode"))
    out = []
    for m in TAG.finditer(patched):
        if "<" in m.group(0):
            tag = _plain(m.group(0))
            out.append(rule_finding("MAU-02", where, _locate(part.lines, tag), tag=_short(tag)))
    bare = TAG.sub("", patched)
    try:
        etree.fromstring(bare.encode())
    except etree.XMLSyntaxError as exc:
        if not out:
            offset = _offset(bare, exc)
            before = [m for m in TAG.finditer(patched) if len(TAG.sub("", patched[:m.start()])) <= offset]
            tag = _plain(before[-1].group(0)) if before else ""
            out.append(rule_finding("MAU-02", where, _locate(part.lines, tag), tag=_short(tag)))
    if out or not text_ok:
        return out
    lines = _PARAGRAPH.sub(lambda m: "\n" + m.group(0), patched)  # one line per paragraph, as docxtpl renders
    try:
        env.parse(lines)
    except jinja2.TemplateSyntaxError as exc:
        near = _plain(lines.splitlines()[(exc.lineno or 1) - 1]) if exc.lineno else ""
        tag = next((t.group(0) for t in TAG.finditer(near)), near)
        return [rule_finding("MAU-06", where, _locate(part.lines, tag), detail=jinja_detail(exc.message or ""))]
    shown = {(f.rule, f.message) for f in seen}
    for rule, lineno, fields in _names(lines, env, known, kind):
        finding = rule_finding(rule, where, HIDDEN_PLACE, **fields)
        if (rule, finding.message) not in shown:
            shown.add((rule, finding.message))
            tags = [t.group(0) for t in TAG.finditer(_plain(lines.splitlines()[lineno - 1]))]
            place = next((ln.place for t in tags for ln in part.lines if t in ln.text), HIDDEN_PLACE)
            out.append(rule_finding(rule, where, place, **fields))
    return out


def _plain(xml: str) -> str:
    """Return the text of an XML fragment.

    >>> _plain('{{ a</w:t></w:r><w:hyperlink><w:r><w:t> }}')
    '{{ a }}'
    """
    return re.sub(r"<[^>]*>", "", xml)


def _short(tag: str) -> str:
    return tag if len(tag) <= 60 else tag[:57] + "…"


def _offset(text: str, exc: etree.XMLSyntaxError) -> int:
    """Return the character offset of an XML error in `text`."""
    line, col = exc.position if exc.position else (1, 0)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[min(line, len(starts)) - 1] + max(col - 1, 0)


def _locate(lines: tuple[Line, ...], snippet: str) -> str:
    """Return the place of the line holding the longest start of `snippet` (spacing ignored), else the first line.

    A split tag may be only partly visible in the paragraph text (its end in a
    tracked insertion): its start still tells where it is.

    >>> _locate((Line("đoạn 1", "A"), Line("đoạn 2", "Ký: {{ nguoi")), "{{ nguoi_ky }}")
    'đoạn 2'
    """
    key = re.sub(r"\s+", "", SCOPED.sub(r"\1 ", snippet))
    texts = [re.sub(r"\s+", "", ln.text) for ln in lines]
    for k in range(len(key), 3, -1):
        for ln, text in zip(lines, texts):
            if key[:k] in text:
                return ln.place
    return lines[0].place if lines else ""
