"""Write docs/mau-van-ban.md: every variable and filter a template can use, per document kind.

Generated from the `VARIABLES` dicts of docgen/documents/* (per kind, as listed in
`docgen.api.TEMPLATE_KINDS`) and from docgen/render/filters.py `FILTERS` (functions in docgen/values/formats.py) (each
function's docstring first line and first doctest). Do not edit the .md by hand:

    python scripts/gen_template_docs.py           # rewrite docs/mau-van-ban.md
    python scripts/gen_template_docs.py --check   # exit 1 when the file is out of date
"""

from __future__ import annotations

import ast
import doctest
import importlib.util
import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import api  # noqa: E402
from docgen.render.engine import environment  # noqa: E402
from docgen.render.filters import FILTERS  # noqa: E402
from docgen.output import write_bytes  # noqa: E402

OUT = ROOT / "docs" / "mau-van-ban.md"

INTRO = """\
# Biến và bộ lọc dùng được trong mẫu văn bản

<!-- Tệp này do scripts/gen_template_docs.py sinh ra từ mã nguồn; đừng sửa tay.
     Sửa mô tả trong VARIABLES của docgen/documents/*.py hoặc docstring trong
     docgen/values/formats.py, rồi chạy: python scripts/gen_template_docs.py -->

Mẫu văn bản là tệp Word (.docx) bình thường, chỉnh được bằng Word: đổi chữ, định dạng,
bảng tùy ý. Chỗ nào cần điền dữ liệu thì gõ một thẻ Jinja:

| Thẻ | Nghĩa | Ví dụ |
|---|---|---|
| `{{ … }}` | in một giá trị | `{{ nguoi_ky }}` |
| `{{ … \\| bộ_lọc }}` | in giá trị qua một bộ lọc | `{{ ngay \\| ngay_nd30(dia_danh, nam) }}` |
| `{% if … %} … {% endif %}` | chỉ in khi điều kiện đúng | `{% if ky_thay %}{{ ky_thay }}{% endif %}` |
| `{% for x in … %} … {% endfor %}` | lặp qua một danh sách | `{% for n in noi_nhan %}{{ n }}{% endfor %}` |
| `{%p … %}` | thẻ chiếm cả đoạn văn (đoạn đó không in ra) | `{%p for k in kinh_gui %}` |
| `{%tr … %}` | thẻ chiếm cả hàng bảng: lặp hàng | `{%tr for r in g.dong %}` |

Lưu ý khi sửa mẫu trong Word:

- Gõ mỗi thẻ liền một lần, từ `{{` đến `}}`; đừng định dạng riêng một phần của thẻ, đừng sửa thẻ
  khi đang bật «Theo dõi thay đổi» (Track Changes). Thẻ bị Word tách ra có thể không được thay.
- Mẫu chạy trong môi trường an toàn: không dùng được thuộc tính bắt đầu bằng `_` (như `__class__`).
- Tên biến phân biệt chữ hoa, chữ thường và không có dấu tiếng Việt.

Kiểm tra mẫu trước khi dùng (báo lỗi cú pháp, thẻ bị tách, biến không có, kèm vị trí):

    docgen mau kiem-tra templates/cong_van.docx --loai cong-van

Mẫu riêng của một chiến dịch đặt trong thư mục chiến dịch (`data/chien-dich/<mã>/`, hoặc
thư mục `templates/` trong đó) sẽ được dùng thay mẫu chung cùng tên trong `templates/`.
"""


def _cell(text: str) -> str:
    """Return `text` safe inside a Markdown table cell."""
    return " ".join(str(text).split()).replace("|", "\\|")


def kind_section(kind: str) -> list[str]:
    """Return the Markdown lines listing the variables of one document kind."""
    title, modules = api.TEMPLATE_KINDS[kind]
    lines = [f"## {title.capitalize()} (`--loai {kind}`)", ""]
    try:
        names = api.template_variables(kind)
    except Exception as exc:  # a kind whose module does not exist yet
        return lines + [f"_Chưa có: {getattr(exc, 'message', exc)}_", ""]
    sources = ", ".join(f"`docgen/documents/{m}.py`" for m in modules
                        if importlib.util.find_spec(f"docgen.documents.{m}") is not None)
    lines += [f"Nguồn: {sources}.", "", "| Biến | Nội dung | Dùng trong mẫu |", "|---|---|---|"]
    for name, description in names.items():
        lines.append(f"| `{name}` | {_cell(description)} | `{_cell(_usage(name))}` |")
    return lines + [""]


def _usage(name: str) -> str:
    """Return how a template prints or walks a variable.

    >>> _usage("nguoi_ky"), _usage("nhom[].dong[].tt")
    ('{{ nguoi_ky }}', '{%tr for r in g.dong %} … {{ r.tt }}')
    """
    if "[]." not in name:
        return "{{ " + name + " }}"
    *outer, leaf = name.split("[].")
    if len(outer) == 2:
        return "{%tr for r in g." + outer[1] + " %} … {{ r." + leaf + " }}"
    return "{% for x in " + outer[0] + " %} … {{ x." + leaf + " }}"


def filter_example(fn) -> tuple[str, str]:
    """Return (call, result) of the first doctest of `fn`, the first element when it shows a tuple."""
    examples = doctest.DocTestParser().get_examples(inspect.getdoc(fn) or "")
    if not examples:
        return "", ""
    source, want = examples[0].source.strip(), examples[0].want.strip()
    tree = ast.parse(source, mode="eval").body
    try:
        value = ast.literal_eval(want)
    except (ValueError, SyntaxError):
        value = want
    if isinstance(tree, ast.Tuple) and isinstance(value, tuple):
        tree, value = tree.elts[0], value[0]
    return ast.unparse(tree), value if isinstance(value, str) else repr(value)


def _first_argument(node: ast.expr) -> tuple[str, str]:
    """Return (how the template writes the value, note on what it stands for).

    A literal is written as is; a date is a date variable such as `ngay`; any
    other expression is bracketed, since a filter binds tighter than arithmetic.
    """
    if isinstance(node, ast.Constant):
        return ast.unparse(node), ""
    if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("date") and len(node.args) == 3:
        y, m, d = (ast.literal_eval(a) for a in node.args)
        return "ngay", f" (khi ngay là {d:02d}/{m:02d}/{y})"
    return f"({ast.unparse(node)})", ""


def _in_template(name: str, call: str) -> tuple[str, str]:
    """Return the filter written the template way (the first argument before the bar), and a note.

    >>> _in_template("so_vn", "so_vn(1234)")
    ('{{ 1234|so_vn }}', '')
    >>> _in_template("ngay_nd30", "ngay_nd30(dt.date(2022, 2, 5), 'Điện Biên')")
    ("{{ ngay|ngay_nd30('Điện Biên') }}", ' (khi ngay là 05/02/2022)')
    >>> _in_template("phan_tram", "phan_tram(10 / 12)")[0]
    '{{ (10 / 12)|phan_tram }}'
    """
    node = ast.parse(call, mode="eval").body
    if not (isinstance(node, ast.Call) and node.args):
        return "{{ giá_trị|" + name + " }}", ""
    first, note = _first_argument(node.args[0])
    rest = [ast.unparse(a) for a in node.args[1:]] + [f"{k.arg}={ast.unparse(k.value)}" for k in node.keywords]
    return "{{ " + first + "|" + name + (f"({', '.join(rest)})" if rest else "") + " }}", note


def filters_section() -> list[str]:
    """Return the Markdown lines listing docgen's filters, then Jinja's own."""
    lines = ["## Bộ lọc", "", "Dùng được trong mọi loại văn bản. Nguồn: `docgen/values/formats.py`.", "",
             "| Bộ lọc | Trả về | Ví dụ | Kết quả |", "|---|---|---|---|"]
    for name, fn in FILTERS.items():
        summary = (inspect.getdoc(fn) or "").splitlines()[0] if inspect.getdoc(fn) else ""
        call, result = filter_example(fn)
        example, note = _in_template(name, call) if call else ("", "")
        lines.append(f"| `{name}` | {_cell(summary)} | `{_cell(example)}` | `{_cell(result)}`{note} |")
    env = environment()
    builtin = sorted(set(env.filters) - set(FILTERS))
    lines += ["", "Bộ lọc sẵn có của Jinja (xem tài liệu Jinja): " + ", ".join(f"`{n}`" for n in builtin) + ".", "",
              "Hàm dùng được: " + ", ".join(f"`{n}`" for n in sorted(env.globals)) + "; trong vòng lặp có `loop` "
              "(`loop.index`, `loop.first`, `loop.last`).", "",
              "Bị chặn vì an toàn (mẫu không được dựng, `docgen mau kiem-tra` báo MAU-05, MAU-07): thuộc tính hay tên "
              "bắt đầu bằng `_` và phần nội bộ của Python; `{% import %}`, `{% from … import %}`, `{% include %}`, "
              "`{% extends %}`; định dạng chuỗi bằng `.format(…)` hay `%`. Mỗi lần dựng có giới hạn số lượt lặp, "
              "độ dài văn bản và thời gian (xem [gioi-han.md](gioi-han.md)).", ""]
    return lines


def render_doc() -> str:
    """Return the whole of docs/mau-van-ban.md."""
    lines = [INTRO]
    for kind in api.TEMPLATE_KINDS:
        lines += kind_section(kind)
    lines += filters_section()
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render_doc()
    if "--check" in argv:
        current = OUT.read_text(encoding="utf-8") if OUT.is_file() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} đã cũ: chạy python scripts/gen_template_docs.py", file=sys.stderr)
            return 1
        return 0
    write_bytes(OUT, text.encode("utf-8"), overwrite=True)
    print(f"Đã ghi {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
