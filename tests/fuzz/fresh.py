"""Fuzz cases of the second attack (docs/gioi-han.md, «Lần thử thứ hai»): classes the first suite did not cover.

Each generator here made docgen fail once (a traceback, a record lost, a date of 1899
in a report, a workbook Excel calls damaged) or guards a class that held; the
runner (test_fuzz.py) puts a good file beside each and asserts as for the others.
Commands added for these cases: "the-thuc-sua" (`--sua` with `--html`),
"bieu-mau" and "tong-hop-campaign" (a campaign folder given to `tong-hop --don-doc`).
"""

from __future__ import annotations

import html
import os
import re
import struct
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from tests.fuzz import hostile as h
from tests.fuzz.cases import CAMPAIGN, ROOT, SAMPLES, Case

SHEET, INFO, BODY = h.SHEET, "xl/worksheets/sheet2.xml", h.BODY
RELS = "word/_rels/document.xml.rels"
R = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def cases() -> list[Case]:
    """Return the cases of the second attack, in a fixed order."""
    return [*_workbook_cases(), *_word_cases(), *_the_thuc_cases(), *_campaign_cases(), *_file_cases(),
            *_form_cases(), *_template_cases()]


def _xlsx() -> bytes:
    return (SAMPLES / "muong-nhe.xlsx").read_bytes()


def _docx() -> bytes:
    return (SAMPLES / "dien-bien-dong.docx").read_bytes()


@lru_cache(maxsize=1)
def dispatch_docx() -> bytes:
    """Return a well-formed công văn as docgen writes it (`cong-van` of the sample campaign), made once."""
    from docgen import api

    with tempfile.TemporaryDirectory() as out:
        return api.cong_van(CAMPAIGN.parent, out).written[0].read_bytes()


# --- workbooks ------------------------------------------------------------------------------------------------

def _cell(data: bytes, ref: bytes, xml: bytes) -> bytes:
    """Return the workbook with cell `ref` of the form sheet replaced by `xml`."""
    return h.edit(data, SHEET, lambda b: re.sub(rb'<c r="' + ref + rb'"[^>]*?(?:/>|>.*?</c>)', lambda m: xml, b,
                                               count=1))


def _text(data: bytes, ref: bytes, text: str) -> bytes:
    esc = text.replace("&", "&amp;").replace("<", "&lt;").encode("utf-8")
    return _cell(data, ref, b'<c r="' + ref + b'" t="inlineStr"><is><t xml:space="preserve">' + esc + b"</t></is></c>")


def _report_date(data: bytes, value: bytes) -> bytes:
    """Return the workbook whose «Ngày báo cáo» (a date cell) holds the serial number `value`."""
    return h.replaced(data, INFO, b'<c r="B5" s="14" t="n"><v>44640</v></c>', b'<c r="B5" s="14" t="n"><v>' + value
                      + b"</v></c>")


def _reencoded(data: bytes, encoding: str) -> bytes:
    def change(xml: bytes) -> bytes:
        text = re.sub(r"^<\?xml[^>]*\?>", "", xml.decode("utf-8"))
        return (f'<?xml version="1.0" encoding="{encoding}"?>' + text).encode(encoding)
    return h.edit(data, SHEET, change)


def _duplicate_member(data: bytes) -> bytes:
    """Return the workbook holding its sheet twice under one name, the first copy cut in half."""
    out = []
    for name, blob in h.members(data):
        out += [(name, blob[: len(blob) // 2]), (name, blob)] if name == SHEET else [(name, blob)]
    return h.zip_bytes(out)


def _workbook_cases() -> list[Case]:
    x, out = _xlsx(), []

    def add(name: str, data: bytes, command: str = "kiem-tra") -> None:
        out.append(Case(f"fresh-xlsx-{name}", command, {f"a-{name}.xlsx": data}))

    for value in (b"-5", b"2958466", b"1e308", b"-1e400", b"99999999999999999999999"):
        add(f"report-date-{value.decode().replace('.', '_')}", _report_date(x, value), "bao-cao")
    for value in (b"1e308", b"1E999", b"-1E999", b"-0.0"):
        add(f"phone-number-{value.decode()}", _cell(x, b"F12", b'<c r="F12"><v>' + value + b"</v></c>"))
    for name, number in (("5000-digits", b"9" * 5000), ("superscript", "²".encode())):
        out.append(Case(f"fresh-thong-tin-report-number-{name}", "thong-tin", {"thong-tin.xlsx": h.replaced(
            x, INFO, b'<c r="B4" s="9" t="n"><v>15</v></c>', b'<c r="B4" t="inlineStr"><is><t>' + number
            + b"</t></is></c>")}))
    add("phone-date-cell-huge", _cell(x, b"F12", b'<c r="F12" s="14"><v>1e308</v></c>'), "bao-cao")
    add("name-bidi-isolates", _text(x, b"B12", "Xã \u202eSen\u200b\u200d Thượng\u2066\u2069"))
    add("name-combining-storm", _text(x, b"E12", "Gia" + "\u0300\u0301\u0303" * 30_000 + "ng A Tuấn"))
    add("cell-x0000-escapes", _text(x, b"B12", "Xã _x0000_Sen _xD800_Thượng"))
    add("email-backtracking", _text(x, b"G12", "a." * 50_000 + "@"))
    add("sheet-utf16", _reencoded(x, "utf-16"))
    add("sheet-latin1", _reencoded(x, "iso-8859-1"))
    add("duplicate-member", _duplicate_member(x))
    add("member-dotdot", h.zip_bytes(h.members(x) + [("../../../../tmp/evil.txt", b"x")]))
    add("shared-strings-count-huge", h.replaced(h.with_shared_strings(x), "xl/sharedStrings.xml", b"<sst ",
                                                b'<sst count="99999999999999" uniqueCount="99999999999999" '))
    add("dimension-whole-sheet", h.replaced(x, SHEET, b'<dimension ref="A1:J30"/>',
                                            b'<dimension ref="A1:XFD1048576"/>'))
    return out


# --- Word submissions -----------------------------------------------------------------------------------------

def _rows_in_controls(data: bytes) -> bytes:
    """Return the document whose form rows (after the header) are each a content control (w:sdt)."""
    def change(b: bytes) -> bytes:
        start, end = b.index(b"<w:tbl>"), b.index(b"</w:tbl>")
        table = b[start:end]
        for row in re.findall(rb"<w:tr>.*?</w:tr>", table, flags=re.S)[4:]:
            table = table.replace(row, b"<w:sdt><w:sdtPr/><w:sdtContent>" + row + b"</w:sdtContent></w:sdt>", 1)
        return b[:start] + table + b[end:]
    return h.edit(data, BODY, change)


def tracked(data: bytes, runs: int = 50) -> bytes:
    """Return the document with its first `runs` runs deleted and typed again as tracked changes (w:del, w:ins)."""
    return h.edit(data, BODY, lambda b: re.sub(
        rb"(<w:r>)(.*?)(</w:r>)", rb'<w:del w:id="1" w:author="x"><w:r>\2</w:r></w:del><w:ins w:id="2" w:author="y">'
        rb"\1\2\3</w:ins>", b, count=runs, flags=re.S))


def wrapped(data: bytes, runs: int = 40) -> bytes:
    """Return the document with its first `runs` runs inside custom XML, a smart tag and a content control."""
    return h.edit(data, BODY, lambda b: re.sub(
        rb"(<w:r>.*?</w:r>)", rb'<w:customXml w:element="x"><w:smartTag w:element="y"><w:sdt><w:sdtContent>\1'
        rb"</w:sdtContent></w:sdt></w:smartTag></w:customXml>", b, count=runs, flags=re.S))


def in_controls(data: bytes, what: str) -> bytes:
    """Return the document with every row (what="rows") or cell ("cells"), or its first table ("table"), in a
    content control."""
    if what == "rows":
        return _rows_in_controls(data)
    if what == "cells":
        return h.edit(data, BODY, lambda b: re.sub(rb"(<w:tc>.*?</w:tc>)", rb"<w:sdt><w:sdtContent>\1</w:sdtContent>"
                                                   rb"</w:sdt>", b, flags=re.S))
    return h.edit(data, BODY, lambda b: re.sub(rb"(<w:tbl>.*?</w:tbl>)", rb"<w:sdt><w:sdtContent>\1</w:sdtContent>"
                                               rb"</w:sdt>", b, count=1, flags=re.S))


def _nested_tables(data: bytes, depth: int) -> bytes:
    inner = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    for _ in range(depth):
        inner = (b'<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>' + inner
                 + b"<w:p/></w:tc></w:tr></w:tbl>")
    return h.edit(data, BODY, lambda b: b.replace(b"<w:body>", b"<w:body>" + inner + b"<w:p/>", 1))


def _with_rel(data: bytes, rid: bytes, kind: bytes, target: bytes, xml: bytes, external: bool = True) -> bytes:
    mode = b' TargetMode="External"' if external else b""
    rel = b'<Relationship Id="' + rid + b'" Type="' + R + b"/" + kind + b'" Target="' + target + b'"' + mode + b"/>"
    data = h.replaced(data, RELS, b"</Relationships>", rel + b"</Relationships>")
    return h.edit(data, BODY, lambda b: b.replace(b"<w:body>", b"<w:body>" + xml, 1))


def _field(data: bytes, code: bytes) -> bytes:
    return h.edit(data, BODY, lambda b: b.replace(b"<w:body>", b'<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/>'
                                                  b'</w:r><w:r><w:instrText xml:space="preserve">' + code +
                                                  b'</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                                                  b"</w:p>", 1))


def _word_cases() -> list[Case]:
    d, out = _docx(), []

    def add(name: str, data: bytes, command: str = "kiem-tra") -> None:
        out.append(Case(f"fresh-docx-{name}", command, {f"a-{name}.docx": data}))

    for what in ("rows", "cells", "table"):
        add(f"{what}-in-content-controls", in_controls(d, what))
    add("tracked-changes", tracked(d))
    add("smart-tags-custom-xml", wrapped(d))
    add("nested-tables-400", _nested_tables(d, 400))
    add("altchunk-external", _with_rel(d, b"rIdA", b"aFChunk", b"file:///etc/passwd", b'<w:altChunk r:id="rIdA"/>'))
    add("subdocument-unc", _with_rel(d, b"rIdS", b"subDocument", b"\\\\server\\share\\x.docx",
                                     b'<w:p><w:subDoc r:id="rIdS"/></w:p>'))
    add("field-ddeauto", _field(d, b"DDEAUTO cmd /c calc"))
    return out


# --- the-thuc -------------------------------------------------------------------------------------------------

_PNG = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 2**31 - 1, 2**31 - 1, 8, 6, 0,
                                                                           0, 0) + b"\0\0\0\0"
_DRAWING = (b'<w:p><w:r><w:drawing><wp:inline><wp:extent cx="CX" cy="CY"/><wp:docPr id="1" name="p"/><a:graphic '
            b'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.'
            b'openxmlformats.org/drawingml/2006/picture"><a:blip r:embed="rIdImg"/><a:prstGeom prst="line"/>'
            b"</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")


def image(data: bytes, cx: bytes, cy: bytes) -> bytes:
    """Return the document with an image (2³¹ pixels a side) shown at extent (cx, cy), numbers or not."""
    data = _with_rel(data, b"rIdImg", b"image", b"media/big.png", _DRAWING.replace(b"CX", cx).replace(b"CY", cy),
                     external=False)
    return h.rezip(data, {"word/media/big.png": _PNG})


def _sizes(data: bytes, value: bytes) -> bytes:
    return h.edit(data, BODY, lambda b: re.sub(rb'<w:sz w:val="\d+"/>', b'<w:sz w:val="' + value + b'"/>', b))


def _sect(data: bytes, pattern: bytes, new: bytes) -> bytes:
    return h.edit(data, BODY, lambda b: re.sub(pattern, new, b))


def _styles_loop(data: bytes) -> bytes:
    loop = (b'<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="LoopA"/><w:basedOn w:val="LoopB"/>'
            b'<w:pPr><w:ind w:left="1e400" w:hanging="x"/><w:spacing w:before="nan"/></w:pPr></w:style>'
            b'<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="LoopB"/><w:basedOn w:val="LoopA"/>'
            b"</w:style>")
    data = h.edit(data, "word/styles.xml", lambda b: b.replace(b"</w:styles>", loop + b"</w:styles>"))
    return h.edit(data, BODY, lambda b: re.sub(rb"<w:p>", b'<w:p><w:pPr><w:pStyle w:val="LoopA"/></w:pPr>', b,
                                               count=30))


def _the_thuc_cases() -> list[Case]:
    cv, out = dispatch_docx(), []

    def add(name: str, data: bytes, commands=("the-thuc", "the-thuc-sua")) -> None:
        for command in commands:
            out.append(Case(f"fresh-{command}-{name}", command, {f"a-{name}.docx": data}))

    for value in (b"1e400", b"nan", b"-20", b"99999999999999999999999"):
        add(f"font-size-{value.decode()}", _sizes(cv, value))
    add("root-not-a-document", h.edit(cv, BODY, lambda b: b'<?xml version="1.0"?><x/>'))
    add("document-without-body", h.edit(cv, BODY, lambda b: re.sub(rb"<w:body>.*</w:body>", b"", b, flags=re.S)))
    add("header-pointing-at-body", h.replaced(cv, RELS, b'Target="header1.xml"', b'Target="document.xml"'))
    for cx, cy in ((b"CX", b"abc"), (b"1e400", b"-5"), (b"999999999999999", b"-99999999")):
        add(f"image-extent-{cx.decode()}-{cy.decode()}", image(cv, cx, cy))
    add("page-size-garbage", _sect(cv, rb"<w:pgSz [^>]*/>", b'<w:pgSz w:w="abc" w:h="1e400" w:orient="x"/>'))
    add("margins-garbage", _sect(cv, rb"<w:pgMar [^>]*/>", b'<w:pgMar w:top="-99999" w:right="1e400" w:bottom="x" '
                                 b'w:left="1.5.3" w:header="0" w:footer="0" w:gutter="-1"/>'))
    add("grid-span-garbage", h.edit(cv, BODY, lambda b: re.sub(rb"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="1e400"/>', b,
                                                              count=3)))
    add("styles-based-on-loop", _styles_loop(cv))
    add("tracked-changes", tracked(cv))
    add("content-controls", wrapped(cv))
    return out


# --- campaign folders -----------------------------------------------------------------------------------------

def _campaign_cases() -> list[Case]:
    toml = CAMPAIGN.read_text(encoding="utf-8")

    def sub(pattern: str, new: str, count: int = 1) -> str:
        return re.sub(pattern, lambda m: new, toml, count=count, flags=re.M)

    domains = 'ten_mien = ["facebook.com", "fb.com", "fb.me"]'
    texts = {
        "crlf-bom": "\ufeff" + toml.replace("\n", "\r\n"),
        "id-traversal": sub(r"^id = .*$", 'id = "../../../../../tmp/docgen-escaped"'),
        "deadline-9999": sub(r"^han = .*$", "han = 9999-12-31", count=0),
        "deadline-year-1": sub(r"^han = .*$", "han = 0001-01-01", count=0),
        "dispatch-date-year-1": sub(r"^ngay = 2022-02-25$", "ngay = 0001-01-01"),
        "number-5000-digits": sub(r"^so = .*$", 'so = "' + "9" * 5000 + '"'),
        "number-superscript": sub(r"^so = .*$", 'so = "²"'),
        "domains-empty": toml.replace(domains, "ten_mien = []"),
        "domains-empty-string": toml.replace(domains, 'ten_mien = [""]'),
        "domains-numbers": toml.replace(domains, "ten_mien = [1, 2]"),
        "title-control-characters": sub(r"^ten = .*$", 'ten = "a\\u0001\\u001b[31mb\\ufffe\\uffff"'),
        "title-40000-characters": sub(r"^ten = .*$", 'ten = "' + "x" * 40_000 + '"'),
    }
    out = []
    for name, text in texts.items():
        for command in ("campaign", "bieu-mau", "tong-hop-campaign"):
            out.append(Case(f"fresh-campaign-{name}-{command}", command, {"chien-dich.toml": text.encode("utf-8")}))
    return out


# --- entries that are no regular file, and names an output cannot take as they are ----------------------------

def _fifo(path: str) -> None:
    os.mkfifo(path)


def _sparse(path: str) -> None:
    """Make a 60 GB file of zeros that takes no room on disk (past the 50 MB file limit)."""
    with open(path, "wb") as fh:
        fh.truncate(60 * 1024 ** 3)


def _link_to(target: str):
    def make(path: str) -> None:
        os.symlink(target if target != "itself" else path, path)
    return make


def _file_cases() -> list[Case]:
    """Entries of a folder a file system can hold (made by `test_fuzz._write` when the value is a function)."""
    x, out = _xlsx(), []
    entries = {"fifo": _fifo, "dev-zero": _link_to("/dev/zero"), "looping-link": _link_to("itself"),
               "dangling-link": _link_to("/nonexistent/a.xlsx"), "sparse-60-gb": _sparse}
    for name, make in entries.items():
        for command in ("kiem-tra", "tong-hop", "tra-lai"):
            out.append(Case(f"fresh-entry-{name}-{command}", command, {f"a-{name}.xlsx": make}))
    names = {"not-utf8": b"M\xfd\xf6ng.xlsx", "newline": "a\nb.xlsx", "251-bytes": "Đ" * 123 + ".xlsx"}
    for name, raw in names.items():
        out.append(Case(f"fresh-name-{name}-tra-lai", "tra-lai", {raw: x}))
    cv = dispatch_docx()
    for name, raw in {"not-utf8": b"C\xf4ng v\xe3n.docx", "newline": "a\nb.docx", "251-bytes": "Đ" * 123 + ".docx"}.items():
        out.append(Case(f"fresh-name-{name}-the-thuc-sua", "the-thuc-sua", {raw: cv}))
    return out


# --- templates that would carry, into every document written from them, what Word runs or fetches ------------

def active_templates() -> dict[str, bytes]:
    """Return the shared công văn template with one field, element or external link Word runs or fetches on opening."""
    t = (ROOT / "templates" / "cong_van.docx").read_bytes()
    return {
        "field-ddeauto": _field(t, b'DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe"'),
        "field-includetext": _field(t, b'INCLUDETEXT "C:\\Windows\\win.ini"'),
        "field-includepicture": h.edit(t, BODY, lambda b: b.replace(b"<w:body>", b'<w:body><w:p><w:fldSimple w:instr='
                                                                   b'"INCLUDEPICTURE http://127.0.0.1:9/x.png \\d"/>'
                                                                   b"</w:p>", 1)),
        "altchunk": _with_rel(t, b"rIdA", b"aFChunk", b"file:///etc/passwd", b'<w:altChunk r:id="rIdA"/>'),
        "subdocument-unc": _with_rel(t, b"rIdS", b"subDocument", b"\\\\server\\share\\x.docx",
                                     b'<w:p><w:subDoc r:id="rIdS"/></w:p>'),
        "linked-image": _with_rel(t, b"rIdI", b"image", b"http://127.0.0.1:9/x.png", b""),
        "javascript-link": _with_rel(t, b"rIdH", b"hyperlink", b"javascript:alert(1)",
                                     b'<w:p><w:hyperlink r:id="rIdH"><w:r><w:t>x</w:t></w:r></w:hyperlink></w:p>'),
    }


def _template_cases() -> list[Case]:
    toml = CAMPAIGN.read_bytes()
    out = []
    for name, data in active_templates().items():
        out.append(Case(f"fresh-template-{name}", "campaign", {"chien-dich.toml": toml, "cong_van.docx": data}))
        out.append(Case(f"fresh-mau-{name}", "mau", {"cong_van.docx": data}))
    return out


# --- a campaign's own form (values as data): the festival campaign ----------------------------------------------

FESTIVAL = ROOT / "data" / "chien-dich" / "2026-ngay-hoi-dai-doan-ket"
FESTIVAL_SAMPLES = ROOT / "data" / "mau" / "2026-ngay-hoi-dai-doan-ket"


def _form_cases() -> list[Case]:
    """Festival workbooks with hostile values ("form-tong-hop"), festival campaigns with hostile form definitions
    ("form-definition": `chien-dich xem-thu`, which loads, fills, checks and writes everything)."""
    x = (FESTIVAL_SAMPLES / "ngay-hoi-xa-muong-nhe.xlsx").read_bytes()
    out = []

    def value(ref: bytes, xml: bytes) -> bytes:
        return _cell(x, ref, xml.replace(b"REF", ref))

    values = {"int-5000-digits": value(b"C9", b'<c r="REF" t="inlineStr"><is><t>' + b"9" * 5000 + b"</t></is></c>"),
              "int-superscript": value(b"C9", '<c r="REF" t="inlineStr"><is><t>²⁵</t></is></c>'.encode()),
              "int-infinite": value(b"C9", b'<c r="REF" s="1" t="n"><v>1E999</v></c>'),
              "money-5000-digits": value(b"H9", b'<c r="REF" t="inlineStr"><is><t>' + b"9" * 5000 + b"</t></is></c>"),
              "date-before-1900": value(b"E9", b'<c r="REF" s="2" t="n"><v>-5</v></c>'),
              "date-past-9999": value(b"E9", b'<c r="REF" s="2" t="n"><v>2958466</v></c>')}
    for name, data in values.items():
        out.append(Case(f"fresh-form-value-{name}", "form-tong-hop", {f"a-{name}.xlsx": data}))
    toml = (FESTIVAL / "chien-dich.toml").read_text(encoding="utf-8")
    condition = 'dieu_kien = "da_to_chuc = so_khu_dan_cu"'
    definitions = {
        "not-above-a-date": ('khong_lon_hon = "so_khu_dan_cu"', 'khong_lon_hon = "tu_ngay"'),
        "bound-infinite": ("toi_da = 300", "toi_da = inf"), "bound-nan": ("toi_da = 300", "toi_da = nan"),
        "condition-date-and-number": (condition, 'dieu_kien = "tu_ngay < so_khu_dan_cu"'),
        "condition-date-above-number": (condition, 'dieu_kien = "tu_ngay > 5"'),
        "condition-nan": (condition, 'dieu_kien = "da_to_chuc > nan"'),
    }
    for name, (old, new) in definitions.items():
        assert old in toml, old
        out.append(Case(f"fresh-form-definition-{name}", "form-definition",
                        {"chien-dich.toml": toml.replace(old, new, 1).encode("utf-8")}))
    return out


def sheet_cells(path: Path) -> list[str]:
    """Return the text of every cell of every sheet of a written workbook (for the 32,767-character check)."""
    with zipfile.ZipFile(path) as zf:
        return [html.unescape(t) for n in zf.namelist() if n.startswith("xl/") and n.endswith(".xml")
                for t in re.findall(r"<t[^>]*>([^<]*)</t>", zf.read(n).decode("utf-8"))]
