"""`docgen the-thuc --html`: one self-contained HTML page showing each document with its findings beside it.

The page of each document is drawn from its paragraphs and tables (sizes,
bold, italic, alignment, indents, lines), with a note column: each finding
(and with `--sua`, each change made) stands next to the paragraph it is about;
findings about the whole page (margins, a missing part) head the document.
No script, no font or style sheet from elsewhere: the file can be mailed.
"""

from __future__ import annotations

import html
from collections import defaultdict

from docgen.nd30.describe import first_words, section_name, where
from docgen.nd30.rules import Level
from docgen.ooxml.package import read_package
from docgen.ooxml.sections import sections, story_paragraphs
from docgen.ooxml.styles import Formatting
from docgen.ooxml.text import Paragraph, Table, body_blocks
from docgen.vntext import shown

_ALIGN = {"center": "center", "right": "right", "both": "justify", "left": "left"}
_CLASS = {Level.MUST: "err", Level.SHOULD: "warn", Level.INFO: "info"}
_CSS = """
body{margin:0;background:#e9ebee;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#222}
header.top{background:#1f3b63;color:#fff;padding:14px 24px}
header.top h1{margin:0;font-size:20px}
section.file{margin:18px auto;max-width:1300px;padding:0 16px}
section.file>h2{font-size:18px;margin:18px 0 4px}
.sum{margin:0 0 10px}
.badge{display:inline-block;border-radius:10px;padding:1px 9px;margin-right:6px;font-size:13px;color:#fff}
.badge.err{background:#c0392b}.badge.warn{background:#d68910}.badge.fix{background:#1e8449}.badge.ok{background:#1e8449}
.general{background:#fff;border-left:4px solid #888;padding:8px 14px;margin:0 0 12px}
.row{display:grid;grid-template-columns:var(--page) minmax(260px,1fr);column-gap:18px}
.page{background:#fff;padding:0 var(--mr) 0 var(--ml);box-sizing:content-box;width:var(--tw);
      font-family:"Times New Roman","Liberation Serif",Times,serif;color:#000;overflow-wrap:anywhere}
.row:first-child .page{padding-top:var(--mt)}.row:last-child .page{padding-bottom:var(--mb)}
.page p{margin:0;white-space:pre-wrap;min-height:1em}
.page table{border-collapse:collapse;table-layout:fixed}
.page td{vertical-align:top;padding:0 1.9mm;border:1px dotted #ccd}
.page .shape{display:block;border-top:1px solid #000;margin:1px auto 0;height:0}
.page .flag-err{outline:2px solid #c0392b;outline-offset:1px}
.page .flag-warn{outline:2px solid #d68910;outline-offset:1px}
.page .flag-fix{background:#e8f6ee}
.page sup.n{font:bold 10px system-ui,sans-serif;color:#fff;background:#555;border-radius:7px;padding:0 4px;
            margin-left:3px;font-style:normal;text-decoration:none}
.notes{font-size:13px;padding:2px 0}
.notes ol{margin:0;padding-left:0;list-style:none}
.notes li{margin:0 0 5px;padding:3px 8px;border-left:4px solid #999;background:#fff}
.notes li.err{border-color:#c0392b}.notes li.warn{border-color:#d68910}.notes li.fix{border-color:#1e8449}
.notes b{font-weight:600}.notes .where{color:#555}
.notes div.err b{color:#c0392b}.notes div.warn b{color:#b9770e}.notes div.fix b{color:#1e8449}
.notes div.fix{color:#444}
.divider{grid-column:1/-1;text-align:center;color:#666;font-size:12px;margin:10px 0}
.story{font-size:12px;color:#666;border-bottom:1px dashed #bbb;margin-bottom:6px}
"""


def render_report(results, fixing: bool = False) -> str:
    """Return the HTML report of `the_thuc` results (each with `data`, `every`, `changes`)."""
    parts = [f"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
             f"<meta name=\"viewport\" content=\"width=device-width\">"
             f"<title>Kiểm tra thể thức văn bản</title><style>{_CSS}</style></head><body>",
             "<header class=\"top\"><h1>Kiểm tra thể thức văn bản theo Nghị định 30/2020/NĐ-CP</h1>",
             f"<div>{len(results)} tệp{' — bản đã sửa tự động' if fixing else ''}</div></header>"]
    for r in results:
        parts.append(_file(r))
    parts.append("</body></html>")
    return "".join(parts)


def _file(r) -> str:
    name = html.escape(shown(r.path))   # a name that is not UTF-8 (a Windows zip unpacked on Linux) shows with �
    if r.error:
        return f"<section class=\"file\"><h2>{name}</h2><p class=\"general\">Không đọc được: {html.escape(r.error)}</p>" \
               "</section>"
    badges = [f"<span class=\"badge err\">{len(r.errors)} lỗi</span>",
              f"<span class=\"badge warn\">{len(r.warnings)} cảnh báo</span>"]
    if r.fixed is not None:
        badges.insert(0, f"<span class=\"badge fix\">đã sửa {len(r.changes)} chỗ</span>")
        badges.append(f"bản đã sửa: <b>{html.escape(shown(str(r.fixed)))}</b>")
    if not r.findings:
        badges.insert(0, "<span class=\"badge ok\">đúng thể thức</span>")
    notes = _Notes(r.every or r.findings, r.changes)
    body = _document(r.data, notes) if r.data else ""
    general = notes.general()
    return (f"<section class=\"file\"><h2>{name} <small>({html.escape(r.kind)})</small></h2>"
            f"<p class=\"sum\">{''.join(badges)}</p>{general}{body}</section>")


class _Notes:
    """Findings and changes by the place they are about; the ones no paragraph matches are general."""

    def __init__(self, findings, changes):
        self.by_where: dict = defaultdict(list)
        for f in findings:
            self.by_where[f.where].append((_CLASS[f.level], f"{f.level.label} {f.rule}", f.message))
        for c in changes:
            self.by_where[c.where].append(("fix", f"đã sửa {c.rule}", c.message))
        self.used: set = set()
        self.count = 0

    def take(self, p: Paragraph) -> list:
        """Return the notes about `p` and about each line of it typed with Shift+Enter, each note once."""
        out = []
        for key in dict.fromkeys([where(p)] + [where(line) for line in p.lines if line is not p]):
            if key not in self.used:
                self.used.add(key)
                out += self.by_where.get(key, [])
        return out

    def general(self) -> str:
        rest = [(w, items) for w, items in self.by_where.items() if w not in self.used]
        if not rest:
            return ""
        notes = []
        for w, items in rest:
            worst = next((c for c in ("err", "warn", "info", "fix") if any(i[0] == c for i in items)), "info")
            lines = "".join(f"<div class=\"{cls}\"><b>{html.escape(label)}</b> {html.escape(msg)}</div>"
                            for cls, label, msg in items)
            notes.append(f"<li class=\"{worst}\"><span class=\"where\">{html.escape(w)}</span>{lines}</li>")
        return f"<div class=\"general notes\"><ol>{''.join(notes)}</ol></div>"


def _document(data: bytes, notes: _Notes) -> str:
    package = read_package(data, verify=False, long_table_rows=None)
    fmt = Formatting(package)
    secs = sections(package, fmt)
    first = secs[0] if secs else None
    style = _geometry(first)
    out = [f"<div class=\"doc\" style=\"{style}\">"]
    current = 0
    story = _stories(first)
    if story:
        out.append(_row(f"<div class=\"story\">{story}</div>", []))
    for b in body_blocks(package, fmt):
        sec = b.place.get("section", 0)
        if sec != current:
            current = sec
            s = next((x for x in secs if x.index == sec), None)
            turn = " (trang ngang)" if s is not None and s.landscape else ""
            out.append(f"<div class=\"row\"><div class=\"divider\">— {section_name(sec)}{turn}: trang mới —</div></div>")
        found: list = []
        inner = _paragraph(b, notes, found) if isinstance(b, Paragraph) else _table(b, notes, found)
        out.append(_row(inner, found))
    out.append("</div>")
    return "".join(out)


def _geometry(s) -> str:
    def mm(x, default):
        return f"{x.mm:.1f}mm" if x is not None else f"{default}mm"

    if s is None or s.page_width is None:
        return "--page:210mm;--tw:155mm;--ml:35mm;--mr:20mm;--mt:25mm;--mb:20mm"
    tw = s.page_width.mm - (s.left.mm if s.left else 30) - (s.right.mm if s.right else 20)
    return (f"--page:{s.page_width.mm:.1f}mm;--tw:{tw:.1f}mm;--ml:{mm(s.left, 30)};--mr:{mm(s.right, 20)};"
            f"--mt:{mm(s.top, 20)};--mb:{mm(s.bottom, 20)}")


def _stories(s) -> str:
    if s is None:
        return ""
    out = []
    for label, story in (("Đầu trang", s.headers.get("default")), ("Chân trang", s.footers.get("default"))):
        text = " ".join(p.text for p in story_paragraphs(story or [])).strip()
        if text:
            out.append(f"{label}: {html.escape(text)}")
    return " · ".join(out)


def _row(page: str, found: list) -> str:
    notes = []
    for n, quote, items in found:
        worst = next((c for c in ("err", "warn", "info", "fix") if any(i[0] == c for i in items)), "info")
        lines = "".join(f"<div class=\"{cls}\"><b>{html.escape(label)}</b> {html.escape(msg)}</div>"
                        for cls, label, msg in items)
        notes.append(f"<li class=\"{worst}\"><sup class=\"n\">{n}</sup> <span class=\"where\">{html.escape(quote)}"
                     f"</span>{lines}</li>")
    return f"<div class=\"row\"><div class=\"page\">{page}</div><div class=\"notes\"><ol>{''.join(notes)}</ol></div></div>"


def _paragraph(p: Paragraph, notes: _Notes, found: list) -> str:
    f = p.format
    css = [f"text-align:{_ALIGN.get(f.align or 'left', 'left')}"]
    if f.first_line.mm:
        css.append(f"text-indent:{f.first_line.mm:.1f}mm")
    if f.left.mm or f.right.mm:
        css.append(f"margin-left:{f.left.mm:.1f}mm;margin-right:{f.right.mm:.1f}mm")
    if f.space_before.pt or f.space_after.pt:
        css.append(f"margin-top:{f.space_before.pt:.0f}pt;margin-bottom:{f.space_after.pt:.0f}pt")
    if f.line_rule == "auto" and f.line:
        css.append(f"line-height:{1.15 * f.line:.2f}")
    if f.border_bottom:
        css.append("border-bottom:1px solid #000")
    if not p.text.strip():
        css.append(f"font-size:{p.mark_format.size.pt if p.mark_format.size else 10:.0f}pt")
    items = notes.take(p)
    marks, flag = "", ""
    if items:
        notes.count += 1
        found.append((notes.count, f"«{first_words(p.text)}»" if p.text.strip() else "(dòng trống)", items))
        marks = f"<sup class=\"n\">{notes.count}</sup>"
        kinds = {cls for cls, _, _ in items}
        flag = next((f"flag-{c}" for c in ("err", "warn", "fix") if c in kinds), "")
    runs = "".join(_run(r) for r in p.runs)
    shapes = "".join(f"<span class=\"shape\" style=\"width:{s.width.mm:.1f}mm\"></span>"
                     for s in p.line_shapes if s.width is not None)
    return f"<p class=\"{flag}\" style=\"{';'.join(css)}\">{runs}{marks}</p>{shapes}"


def _run(r) -> str:
    f = r.format
    css = []
    if f.size is not None:
        css.append(f"font-size:{f.size.pt:g}pt")
    if f.bold:
        css.append("font-weight:bold")
    if f.italic:
        css.append("font-style:italic")
    if f.underline:
        css.append("text-decoration:underline")
    if f.caps:
        css.append("text-transform:uppercase")
    if f.color not in (None, "AUTO", "000000"):
        css.append(f"color:#{html.escape(f.color)}")
    font = f.font("ascii")
    if font and font.casefold() != "times new roman":
        css.append(f"font-family:'{html.escape(font)}',sans-serif")
    text = html.escape(r.text).replace("\t", "<span style=\"display:inline-block;width:12mm\"></span>")
    return f"<span style=\"{';'.join(css)}\">{text.replace(chr(10), '<br>')}</span>"


def _table(t: Table, notes: _Notes, found: list) -> str:
    rows = []
    for row in t.rows:
        cells = []
        for i, cell in enumerate(row):
            nxt = row[i + 1].col if i + 1 < len(row) else None
            span = f" colspan=\"{nxt - cell.col}\"" if nxt is not None and nxt - cell.col > 1 else ""
            width = f" style=\"width:{cell.width.mm:.1f}mm\"" if cell.width is not None else ""
            inner = "".join(_paragraph(b, notes, found) if isinstance(b, Paragraph) else _table(b, notes, found)
                            for b in cell.blocks)
            cells.append(f"<td{span}{width}>{inner}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table>{''.join(rows)}</table>"
