"""The template sandbox: what a template may do, and how much of it.

A template is a .docx from whoever supplied it, so it is untrusted
code. Jinja's immutable sandbox already refuses Python internals; on top of it:

- `refused(ast)` lists the constructs a template may not use: `import`, `from …
  import`, `include`, `extends`; attributes and names starting with "_" and
  Python internals; `.format`/`.format_map` and `%` on text. `render.lint`
  reports exactly these (MAU-05, MAU-07) and the environment refuses to compile
  them, so the check and the render agree.
- Only Jinja filters that cannot blow up are offered (`center`, `indent`,
  `format`, `batch` … are not), `replace`, `join` and `sum` are checked first.
- Each render has a `Budget` from `docgen.limits`: loop turns, text produced
  (each `{{ }}` plus the fixed text of each loop turn), time. A value built by
  `*`, `+`, `~`, `**` or a text method may not exceed `VALUE_CAP`.
Breaking any of these raises Jinja's SecurityError, which the renderer turns
into a TemplateError naming the template.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import jinja2
from jinja2 import nodes
from jinja2.sandbox import (UNSAFE_GENERATOR_ATTRIBUTES, UNSAFE_METHOD_ATTRIBUTES, ImmutableSandboxedEnvironment,
                            SecurityError)
from jinja2.visitor import NodeTransformer

from docgen.limits import MB, Limits, current

VALUE_CAP = 1_000_000   # characters (or items) in one value a template builds; a cell of Excel holds 32,767
INTERNAL_ATTRS = frozenset({"mro", *UNSAFE_METHOD_ATTRIBUTES, *UNSAFE_GENERATOR_ATTRIBUTES})
FORMAT_ATTRS = frozenset({"format", "format_map"})
STATEMENTS = {nodes.Import: "import", nodes.FromImport: "from … import", nodes.Include: "include",
              nodes.Extends: "extends"}
# Jinja's own filters a template may use: none of them makes much more text than it is given.
JINJA_FILTERS = frozenset({
    "abs", "attr", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "groupby",
    "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr",
    "replace", "reverse", "round", "select", "selectattr", "sort", "string", "striptags", "sum", "title", "trim",
    "truncate", "unique", "upper", "urlencode", "wordcount"})
JINJA_GLOBALS = frozenset({"range", "dict", "namespace", "cycler", "joiner"})   # not lipsum: it writes pages


def refused(ast: nodes.Template) -> Iterator[tuple[nodes.Node, str, str]]:
    """Yield (node, kind, what) for each construct a template may not use, in source order.

    `kind` is "internal" (Python internals, names and attributes starting with
    "_") or "blocked" (statements that reach other files, text formatting).
    """
    found = []
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name, nodes.Mod, *STATEMENTS)):
        if isinstance(node, tuple(STATEMENTS)):
            found.append((node, "blocked", STATEMENTS[type(node)]))
        elif isinstance(node, nodes.Getattr):
            if node.attr.startswith("_") or node.attr in INTERNAL_ATTRS:
                found.append((node, "internal", "." + node.attr))
            elif node.attr in FORMAT_ATTRS:
                found.append((node, "blocked", f".{node.attr}(…)"))
        elif isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
                found.append((node, "internal", "." + node.arg.value))
        elif isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name.startswith("_"):
                found.append((node, "internal", node.name))
        elif isinstance(node.left, nodes.Const) and isinstance(node.left.value, str):
            found.append((node, "blocked", "%"))
    return iter(sorted(found, key=lambda f: f[0].lineno or 0))


BLOCKED_WORDS = {"import": "nạp mẫu khác", "from … import": "nạp mẫu khác", "include": "chèn mẫu khác",
                 "extends": "kế thừa mẫu khác", "%": "định dạng chuỗi bằng %"}


def describe(kind: str, what: str) -> str:
    """Return in Vietnamese what a refused construct is.

    >>> describe("blocked", "include"), describe("internal", "__class__")
    ('«include» (chèn mẫu khác)', '«__class__» (phần nội bộ của Python)')
    """
    if kind == "internal":
        return f"«{what}» (phần nội bộ của Python)"
    return f"«{what}» ({BLOCKED_WORDS.get(what, 'định dạng chuỗi bằng .format')})"


class Budget:
    """What one render may still spend: loop turns, text, time (`docgen.limits`)."""

    def __init__(self, limits: Limits):
        self.loops = self.text = 0
        self.max_loop = limits.max_loop
        self.max_text = int(limits.max_render_mb * MB)
        self.deadline = time.monotonic() + limits.render_seconds
        self.seconds = limits.render_seconds

    def turn(self, fixed: int) -> None:
        """Count one loop turn writing `fixed` characters of the template's own text."""
        self.loops += 1
        self.text += fixed
        if self.loops > self.max_loop:
            raise SecurityError(f"vòng lặp chạy quá {self.max_loop:,} lượt".replace(",", ".") + _hint("max_loop"))
        if self.text > self.max_text:
            raise SecurityError(_too_much_text(self.max_text))
        if not self.loops & 1023 and time.monotonic() > self.deadline:
            raise SecurityError(f"dựng văn bản quá {self.seconds:g} giây" + _hint("render_seconds"))

    def wrote(self, size: int) -> None:
        self.text += size
        if self.text > self.max_text:
            raise SecurityError(_too_much_text(self.max_text))


def _hint(field: str) -> str:
    from docgen.limits import env_name

    return f" (giới hạn đổi được bằng biến môi trường {env_name(field)})"


def _too_much_text(cap: int) -> str:
    return f"văn bản dựng ra quá {cap // MB} MB chữ" + _hint("max_render_mb")


class _Counted(NodeTransformer):
    """Put a turn counter at the start of every loop and macro body; wrap each `~` in a size check."""

    def _counted(self, node: nodes.For | nodes.Macro | nodes.CallBlock) -> nodes.Node:
        self.generic_visit(node)
        node.body.insert(0, _call("loop_turn", _fixed_text(node.body)))
        return node

    visit_For = visit_Macro = visit_CallBlock = _counted

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return nodes.Call(nodes.EnvironmentAttribute("sized"), [node], [], None, None, lineno=node.lineno)


def _call(method: str, size: int) -> nodes.Stmt:
    call = nodes.Call(nodes.EnvironmentAttribute(method), [nodes.Const(size)], [], None, None)
    return nodes.ExprStmt(call)


def _fixed_text(body: list) -> int:
    """Return the characters of template text a body writes by itself (loops inside it count their own)."""
    size = 0
    todo = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, nodes.TemplateData):
            size += len(node.data)
        elif not isinstance(node, (nodes.For, nodes.Macro, nodes.CallBlock)):
            todo.extend(node.iter_child_nodes())
    return size


class _Template(jinja2.Template):
    """A template whose every render starts a fresh budget and counts what it writes."""

    def render(self, *args, **kwargs) -> str:
        self.environment.start()
        return super().render(*args, **kwargs)


class SandboxEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with docgen's refusals and resource limits (see the module doc).

    `budget` is the current render's; `start()` begins a new one.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})
    template_class = _Template

    def __init__(self, **options):
        super().__init__(finalize=self._finalize, **options)
        self.filters = {name: f for name, f in self.filters.items() if name in JINJA_FILTERS}
        self.filters.update(replace=_checked_replace, join=_checked_join, sum=_checked_sum)
        self.globals = {name: g for name, g in self.globals.items() if name in JINJA_GLOBALS}
        self.budget = Budget(current())

    def start(self) -> Budget:
        """Begin a render: a fresh budget from the limits in force."""
        self.budget = Budget(current())
        return self.budget

    def _finalize(self, value):
        """Return what a `{{ }}` prints (None prints as nothing), counted against the budget."""
        if value is None:
            return ""
        self.budget.wrote(len(value) if isinstance(value, str) else 16)
        return value

    def loop_turn(self, fixed: int) -> str:
        self.budget.turn(fixed)
        return ""

    def sized(self, value):
        """Return `value` (the result of `~`) when it is within VALUE_CAP."""
        _check_size(value)
        return value

    def _generate(self, source, name, filename, defer_init=False):
        """Refuse what `refused` finds, count loops and check `~`, then generate the template's code."""
        for _, kind, what in refused(source):
            raise SecurityError(f"mẫu dùng {describe(kind, what)}")
        return super()._generate(_Counted().visit(source), name, filename, defer_init=defer_init)

    def getattr(self, obj, attribute):
        if isinstance(attribute, str) and (attribute.startswith("_") or attribute in FORMAT_ATTRS):
            raise SecurityError(f"{type(obj).__name__}.{attribute}")
        return super().getattr(obj, attribute)

    def call_binop(self, context, operator, left, right):
        if operator == "%" and isinstance(left, str):
            raise SecurityError(f"mẫu dùng {describe('blocked', '%')}")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > VALUE_CAP:
                    raise SecurityError(_too_big())
        if operator == "**" and isinstance(left, int) and isinstance(right, int) \
                and abs(right) * max(left.bit_length(), 1) > VALUE_CAP:
            raise SecurityError("số quá lớn")
        return _check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's own signature)
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            _check_text_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def _too_big() -> str:
    return f"giá trị dựng trong mẫu dài quá {VALUE_CAP:,} ký tự".replace(",", ".")


def _check_size(value):
    if isinstance(value, (str, list, tuple, dict)) and len(value) > VALUE_CAP:
        raise SecurityError(_too_big())
    return value


def _check_text_method(text: str, name: str, args: tuple, kwargs: dict) -> None:
    """Raise SecurityError before a text method would build a value longer than VALUE_CAP."""
    first = args[0] if args else None
    if name in ("ljust", "rjust", "center", "zfill") and isinstance(first, int):
        size = first
    elif name == "expandtabs":
        size = len(text) + text.count("\t") * (first if isinstance(first, int) else kwargs.get("tabsize", 8))
    elif name == "replace" and len(args) >= 2:
        size = _replaced_size(text, *args[:2])
    elif name == "join":
        size = len(text) * VALUE_CAP if first is not None and not isinstance(first, (str, list, tuple)) else \
            len(text) * len(first or ()) + sum(len(str(x)) for x in (first or ()))
    else:
        return
    if size > VALUE_CAP:
        raise SecurityError(_too_big())


def _replaced_size(text: str, old, new) -> int:
    if not isinstance(old, str) or not isinstance(new, str):
        return 0
    hits = text.count(old) if old else len(text) + 1
    return len(text) + hits * (len(new) - len(old))


@jinja2.pass_eval_context
def _checked_replace(eval_ctx, s, old, new, count=None):
    """Jinja's `replace`, refused when the result would pass VALUE_CAP."""
    from jinja2.filters import do_replace

    if _replaced_size(str(s), str(old), str(new)) > VALUE_CAP:
        raise SecurityError(_too_big())
    return do_replace(eval_ctx, s, old, new, count)


@jinja2.pass_eval_context
def _checked_join(eval_ctx, value, d="", attribute=None):
    """Jinja's `join`, refused when the result would pass VALUE_CAP."""
    from jinja2.filters import sync_do_join

    items = list(value)
    if len(items) > VALUE_CAP or len(str(d)) * len(items) > VALUE_CAP:
        raise SecurityError(_too_big())
    return _check_size(sync_do_join(eval_ctx, items, d, attribute))


@jinja2.pass_environment
def _checked_sum(environment, iterable, attribute=None, start=0):
    """Jinja's `sum`, for numbers only (adding up texts or lists could build anything)."""
    from jinja2.filters import sync_do_sum

    if not isinstance(start, (int, float)):
        raise SecurityError("bộ lọc sum chỉ cộng số")
    return sync_do_sum(environment, iterable, attribute, start)


_JINJA_SAYS = (
    (re.compile(r"The innermost block that needs to be closed is '(\w+)'"), "thiếu thẻ đóng {{% end{0} %}}"),
    (re.compile(r"^unexpected end of template, expected 'end of print statement'"), "thiếu «}}}}» đóng thẻ"),
    (re.compile(r"^Encountered unknown tag 'end(\w+)'"), "thẻ {{% end{0} %}} không có thẻ mở {{% {0} … %}} đi trước"),
    (re.compile(r"^Encountered unknown tag '(\w+)'"), "không có lệnh «{0}»"),
    (re.compile(r"^expected token 'name', got 'end of print statement'"), "sau dấu «|» thiếu tên bộ lọc"),
    (re.compile(r"^expected token 'end of print statement', got '(.+)'"), "thừa «{0}» trong thẻ"),
    (re.compile(r"^unexpected '(.+)'"), "thừa hoặc sai dấu «{0}»"),
    (re.compile(r"^Expected an expression, got 'end of statement block'"), "lệnh thiếu điều kiện hoặc biểu thức"),
    (re.compile(r"^No filter named '(\w+)'"), "không có bộ lọc «{0}» (xem docs/mau-van-ban.md)"),
    (re.compile(r"^No test named '(\w+)'"), "không có phép thử «{0}»"),
    (re.compile(r"^'(\w+)' is undefined"), "không có biến «{0}» trong dữ liệu"),
)


def jinja_detail(message: str) -> str:
    """Return a Jinja syntax message in Vietnamese, the original kept in brackets.

    >>> jinja_detail("Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. "
    ...              "The innermost block that needs to be closed is 'for'.")
    "thiếu thẻ đóng {% endfor %} (Jinja: Unexpected end of template. Jinja was looking for the following tags: 'endfor' or 'else'. The innermost block that needs to be closed is 'for')"
    >>> jinja_detail("expected token 'name', got 'end of print statement'")
    "sau dấu «|» thiếu tên bộ lọc (Jinja: expected token 'name', got 'end of print statement')"
    >>> jinja_detail("Encountered unknown tag 'endif'.").split(" (")[0]
    'thẻ {% endif %} không có thẻ mở {% if … %} đi trước'
    """
    original = message.rstrip(".")
    for pattern, words in _JINJA_SAYS:
        m = pattern.search(message)
        if m:
            return f"{words.format(*m.groups())} (Jinja: {original})"
    return original
