"""The fuzz cases: broken and hostile inputs generated from the shipped samples, each with the command it goes to.

`cases()` returns them in a fixed order (seeded), so a failure names a case that
can be rebuilt. A case is files to put in a fresh folder and a command run on
that folder; the runner (test_fuzz.py) adds a good file beside each hostile one.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz import hostile as h

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
CAMPAIGN = ROOT / "data" / "chien-dich" / "2022-trang-cong-dong" / "chien-dich.toml"
XLSX_PARTS = ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml", "xl/styles.xml",
              "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels")
BOMB_MB = 300   # unpacked size of the bombs here: past the part limit (200 MB); bench/ builds the 1 and 3 GB ones
DOCX_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml", "[Content_Types].xml",
              "word/_rels/document.xml.rels", "_rels/.rels")


@dataclass(frozen=True)
class Case:
    """One fuzz case: `command` ("kiem-tra", "the-thuc", "bao-cao", "tong-hop", "campaign", "mau", "thong-tin")
    run on a folder holding `files` (name → bytes, or a dict of files for a campaign folder)."""

    name: str
    command: str
    files: dict = field(default_factory=dict)


def _xlsx() -> bytes:
    return (SAMPLES / "muong-nhe.xlsx").read_bytes()


def _docx() -> bytes:
    return (SAMPLES / "dien-bien-dong.docx").read_bytes()


def cases() -> list[Case]:
    """Return every fuzz case (more than 300), in a fixed order."""
    return [*_xlsx_cases(), *_docx_cases(), *_file_cases(), *_campaign_cases(), *_template_cases(),
            *_name_cases(), *_other_commands()]


def _xlsx_cases() -> list[Case]:
    x, out = _xlsx(), []

    def add(name: str, data: bytes, command: str = "kiem-tra") -> None:
        out.append(Case(f"xlsx-{name}", command, {f"a-{name}.xlsx": data}))

    for f in (0.02, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.97, 0.999):
        add(f"truncated-sheet-{f}", h.truncated_part(x, h.SHEET, f))
    for part in XLSX_PARTS[1:]:
        for f in (0.1, 0.5, 0.9):
            add(f"truncated-{_slug(part)}-{f}", h.truncated_part(x, part, f))
    for f in (0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 0.99):
        add(f"truncated-zip-{f}", x[: int(len(x) * f)])
    rnd = random.Random(9)
    for i in range(70):
        part = h.SHEET if i < 40 else rnd.choice(XLSX_PARTS[1:])
        add(f"flipped-{_slug(part)}-{i}", h.flipped_byte(x, part, seed=i))
    for part in XLSX_PARTS:
        add(f"laughs-{_slug(part)}", h.with_doctype(x, part))
        add(f"xxe-{_slug(part)}", h.with_doctype(x, part, h.XXE, b"&xxe;"))
    add("doctype-utf16", h.edit(x, h.SHEET, lambda b: h.with_doctype_utf16(b)))
    for code in (0, 1, 7, 8, 11, 12, 14, 27, 31):
        add(f"control-{code}", h.in_first_text(x, h.SHEET, bytes([code])))
    for char in ("\ufffe", "\uffff", "\ud800"):
        add(f"noncharacter-{ord(char):x}", h.in_first_text(x, h.SHEET, char.encode("utf-8", "surrogatepass")))
    for ref in (b"ZZZZZZ11", b"A0", b"11A", b"", b"A-1", b"XFD1048577", b"AAAA1", b"\xc3\xa91"):
        add(f"cell-ref-{_slug(ref.decode('latin-1')) or 'empty'}", h.replaced(x, h.SHEET, b'r="B12"', b'r="' + ref + b'"'))
    for index in (b"999", b"-1", b"x", b"1.5", b"", b"99999999999999999999"):
        add(f"shared-string-{_slug(index.decode()) or 'empty'}", h.shared_string_cell(x, index))
    for ref in (b"B11:A", b"A1:A", b":", b"XFD1048576:A1", b"A1:XFD1048576", b"A12:B1048576", b"ZZZZ1:A2"):
        add(f"merge-{_slug(ref.decode()) or 'colon'}", h.with_merge(x, ref))
    add("merges-200000", h.edit(x, h.SHEET, lambda b: b.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="200000">' + b'<mergeCell ref="K1:L1"/>' * 200_000
        + b"</mergeCells>", 1)))
    for r in (b"abc", b"1e400", b"-5", b"0", b"nan", b"1.5", b"99999999999"):
        add(f"row-number-{_slug(r.decode())}", h.replaced(x, h.SHEET, b'<row r="12"', b'<row r="' + r + b'"'))
    add("value-at-xfd-every-row", h.edit(x, h.SHEET, lambda b: re.sub(
        rb"</row>", b'<c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row>', b)))
    add("wide-rows-bomb", h.wide_rows(x, 20_000))
    add("one-row-two-million-cells", h.huge_row(x, 2_000_000))
    add("nested-10000-deep", h.edit(x, h.SHEET, lambda b: b.replace(
        b"<sheetData>", b"<sheetData>" + b"<x>" * 10_000 + b"</x>" * 10_000, 1)))
    add("bomb-sheet", h.bomb(x, h.SHEET, BOMB_MB))
    add("bomb-styles", h.bomb(x, "xl/styles.xml", BOMB_MB))
    add("bomb-shared-strings", h.bomb(h.with_shared_strings(x), "xl/sharedStrings.xml", BOMB_MB))
    add("bomb-media", h.with_media(x, "xl/media/image1.png", BOMB_MB))
    add("bomb-total-3x150mb", h.with_media(h.with_media(h.with_media(x, "xl/media/a.png", 150, b"\x01"),
                                                         "xl/media/b.png", 150, b"\x02"), "xl/media/c.png", 150, b"\x03"))
    add("parts-6000", h.zip_bytes(h.members(x) + [(f"xl/junk/{i}.bin", b"") for i in range(6000)]))
    add("encrypted-member", h.encrypted_flag(x, h.SHEET))
    add("stored-not-deflated-sheet", h.stored(x))
    add("sheet-of-only-comments", h.edit(x, h.SHEET, lambda b: b"<!--" + b"x" * 2_000_000 + b"-->" + b))
    add("formula-everywhere", h.edit(x, h.SHEET, lambda b: re.sub(
        rb"<is><t>([^<]*)</t></is>", rb"<f>HYPERLINK(\"http://evil\")</f><v>\1</v>", b).replace(b't="inlineStr"', b't="str"')))
    return out


def _docx_cases() -> list[Case]:
    d, out = _docx(), []

    def add(name: str, data: bytes, command: str = "kiem-tra") -> None:
        out.append(Case(f"docx-{name}", command, {f"a-{name}.docx": data}))

    for f in (0.05, 0.3, 0.5, 0.7, 0.95):
        add(f"truncated-body-{f}", h.truncated_part(d, h.BODY, f))
        add(f"truncated-body-{f}-the-thuc", h.truncated_part(d, h.BODY, f), "the-thuc")
    for part in DOCX_PARTS[1:]:
        add(f"truncated-{_slug(part)}", h.truncated_part(d, part, 0.5))
        add(f"truncated-{_slug(part)}-the-thuc", h.truncated_part(d, part, 0.5), "the-thuc")
    for i in range(40):
        add(f"flipped-body-{i}", h.flipped_byte(d, h.BODY, seed=100 + i), "kiem-tra" if i % 2 else "the-thuc")
    for part in DOCX_PARTS:
        add(f"laughs-{_slug(part)}", h.with_doctype(d, part))
        add(f"xxe-{_slug(part)}-the-thuc", h.with_doctype(d, part, h.XXE, b"&xxe;"), "the-thuc")
    for code in (0, 1, 8, 27):
        add(f"control-{code}", h.in_first_text(d, h.BODY, bytes([code])))
        add(f"control-{code}-the-thuc", h.in_first_text(d, h.BODY, bytes([code])), "the-thuc")
    for span in (b"0", b"64", b"900000000", b"-3", b"x"):
        add(f"grid-span-{_slug(span.decode())}", h.replaced(d, h.BODY, b'<w:gridSpan w:val="3"/>',
                                                            b'<w:gridSpan w:val="' + span + b'"/>'))
    add("grid-before-huge", h.replaced(d, h.BODY, b"<w:trPr>", b'<w:trPr><w:gridBefore w:val="900000000"/>'))
    add("vmerge-chain", h.edit(d, h.BODY, lambda b: b.replace(b"<w:tcPr>", b'<w:tcPr><w:vMerge/>')))
    add("bomb-body", h.bomb(d, h.BODY, BOMB_MB))
    add("bomb-body-the-thuc", h.bomb(d, h.BODY, BOMB_MB), "the-thuc")
    add("bomb-styles-the-thuc", h.bomb(d, "word/styles.xml", BOMB_MB), "the-thuc")
    add("bomb-media", h.with_media(d, "word/media/image1.png", BOMB_MB))
    add("bomb-media-the-thuc", h.with_media(d, "word/media/image1.png", BOMB_MB), "the-thuc")
    add("body-of-many-paragraphs-the-thuc", h.many_paragraphs(d, 1_500_000), "the-thuc")
    add("table-of-30000-rows", h.long_table(d, 30_000))
    add("main-part-missing", h.rezip(d, {h.BODY: None}))
    add("relationship-to-nothing-the-thuc", h.replaced(d, "word/_rels/document.xml.rels", b'Target="styles.xml"',
                                                       b'Target="nothing.xml"'), "the-thuc")
    return out


def _file_cases() -> list[Case]:
    """Whole files that are not what their name says."""
    x, out = _xlsx(), []
    files = {
        "empty": b"", "csv": "TT,Đơn vị\n1,Xã A\n".encode(), "html": b"<html><table><tr><td>1</td></tr></table></html>",
        "random": bytes(random.Random(1).randrange(256) for _ in range(5000)), "ole-xls": h.OLE + b"\0" * 600,
        "ole-encrypted": h.OLE + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600, "zip-of-text": h.zip_bytes([("a.txt", b"x")]),
        "zip-empty": h.zip_bytes([]), "zip-docx-named-xlsx": _docx(), "xlsb": h.zip_bytes([("xl/workbook.bin", b"x")]),
        "utf16-text": "TT\tĐơn vị".encode("utf-16"), "xml-file": b'<?xml version="1.0"?><x/>',
    }
    for name, data in files.items():
        out.append(Case(f"file-{name}", "kiem-tra", {f"a-{name}.xlsx": data}))
    out.append(Case("file-lock-file", "kiem-tra", {"~$a.xlsx": x}))
    out.append(Case("file-old-xls", "kiem-tra", {"a.xls": h.OLE + b"\0" * 600}))
    out.append(Case("file-old-doc", "kiem-tra", {"a.doc": h.OLE + "WordDocument".encode("utf-16-le")}))
    out.append(Case("file-docx-empty", "the-thuc", {"a.docx": b""}))
    out.append(Case("file-docx-random", "the-thuc", {"a.docx": files["random"]}))
    return out


def _campaign_cases() -> list[Case]:
    """Hostile campaign folders, each given to `cong-van` (load, render, check)."""
    toml = CAMPAIGN.read_text(encoding="utf-8")
    d = (ROOT / "templates" / "cong_van.docx").read_bytes()
    tomls = {
        "nested-5000": toml + "\nx = " + "[" * 5000 + "]" * 5000 + "\n",
        "inline-tables-5000": toml + "\nx = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
        "nested-40": toml + "\nx = " + "[" * 40 + "]" * 40 + "\n",
        "two-megabytes": toml + "\n# " + "x" * 2_000_000 + "\n",
        "garbage": "\x00\x01 = = [[[",
        "empty": "",
        "bom-only": "\ufeff",
        "wrong-types": re.sub(r'(?m)^ten = .*$', "ten = 5", toml, count=1),
        "levels-a-string": re.sub(r"(?s)\[\[cap\]\].*", 'cap = "x"\n', toml),
        "levels-numbers": re.sub(r"(?s)\[\[cap\]\].*", "cap = [1, 2]\n", toml),
        "depth-huge": re.sub(r"(?m)^muc = \d+", "muc = 99999999999999999999", toml, count=1),
        "date-wrong": re.sub(r"(?m)^han = .*$", 'han = "mai"', toml, count=1),
        "unit-list-traversal": re.sub(r'(?m)^danh_muc = .*$', 'danh_muc = "../../../../etc/passwd"', toml),
        "province-unknown": re.sub(r'(?m)^tinh = .*$', 'tinh = "Atlantis"', toml),
        "formula-texts": re.sub(r'(?m)^(ten|trich_yeu|tieu_de) = "(?!"")', r'\1 = "=cmd|\' /C calc\'!A0 ', toml),
        "pattern-format-spec": re.sub(r'(?m)^mau_ten_trang = .*$', 'mau_ten_trang = "{ten:>999999999}"', toml,
                                      count=1),
        "pattern-attribute": re.sub(r'(?m)^mau_ten_trang = .*$', 'mau_ten_trang = "{ten.__class__}"', toml, count=1),
        "jinja-in-texts": toml.replace('ten = "', 'ten = "{{ 7*7 }}{% for i in range(100000) %}x{% endfor %}', 1),
    }
    out = [Case(f"campaign-{name}", "campaign", {"chien-dich.toml": text.encode("utf-8")})
           for name, text in tomls.items()]
    out.append(Case("campaign-not-utf8", "campaign", {"chien-dich.toml": toml.encode("cp1258", errors="replace")}))
    templates = {
        "garbage": b"PK\x03\x04garbage", "doctype": h.with_doctype(d, h.BODY), "bomb": h.bomb(d, h.BODY, BOMB_MB),
        "truncated": h.truncated_part(d, h.BODY, 0.5),
        **{f"jinja-{i}": h.with_jinja(d, jinja) for i, jinja in enumerate(JINJA)},
    }
    for name, data in templates.items():
        out.append(Case(f"campaign-template-{name}", "campaign",
                        {"chien-dich.toml": toml.encode("utf-8"), "cong_van.docx": data}))
    return out


# Template text a campaign author (or an attacker) could type.
JINJA = (
    "{{ 'x' * 400000000 }}", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% import 'os' as os %}", "{% include 'a.docx' %}", "{% extends 'a' %}", "{% from 'a' import b %}",
    "{{ '{0.__class__}'.format(ten) }}", "{{ '%s' % ten }}", "{{ ''.__class__.__mro__ }}", "{{ lipsum(100000) }}",
    "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{{ 'x'.ljust(400000000) }}", "{{ range(100000)|join('x' * 100) }}", "{{ 2 ** 100000000 }}",
    "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "{{ ten|center(100000000) }}",
    "{{ ten|attr('format') }}", "{% for i in range(100000) %}{{ 'x' * 900 }}{% endfor %}", "{{ _ }}",
    "{{ cycler.__init__.__globals__ }}", "{% for x in range(10) %}{{ loop.cycle.__func__ }}{% endfor %}",
)


def _template_cases() -> list[Case]:
    """Templates given to `mau kiem-tra`: what the checker reports, the renderer refuses (test_sandbox checks both)."""
    d = (ROOT / "templates" / "cong_van.docx").read_bytes()
    out = [Case(f"mau-jinja-{i}", "mau", {"cong_van.docx": h.with_jinja(d, jinja)}) for i, jinja in enumerate(JINJA)]
    for name, data in {"garbage": b"PK\x03\x04xx", "doctype": h.with_doctype(d, h.BODY), "bomb": h.bomb(d, h.BODY, BOMB_MB),
                       "empty": b"", "workbook": _xlsx(), "flipped": h.flipped_byte(d, h.BODY, 3)}.items():
        out.append(Case(f"mau-{name}", "mau", {"cong_van.docx": data}))
    return out


def _name_cases() -> list[Case]:
    """File names a Windows zip unpacked on Linux, or a careless copy, can give."""
    x, d = _xlsx(), _docx()
    names = {"not-utf8": b"M\xfd\xf6ng-nh\xe9.xlsx", "newline": "a\nb.xlsx", "reserved": "CON.xlsx",
             "reserved-aux": "aux.xlsx", "trailing-dot": "a..xlsx", "spaces": "  .xlsx", "tab": "a\tb.xlsx",
             "carriage-return": "a\rb.xlsx", "very-long": "a" * 240 + ".xlsx", "emoji": "😀.xlsx"}
    out = []
    for name, raw in names.items():
        for command in ("kiem-tra", "bao-cao"):
            out.append(Case(f"name-{name}-{command}", command, {raw: x}))
    out.append(Case("name-not-utf8-the-thuc", "the-thuc", {b"\xff\xfe.docx": d}))
    out.append(Case("name-not-utf8-tong-hop", "tong-hop", {b"M\xfd\xf6ng-nh\xe9.xlsx": x}))
    return out


def _other_commands() -> list[Case]:
    """A few hostile inputs through the heavier commands (bao-cao, tong-hop, its --thong-tin file)."""
    x, out = _xlsx(), []
    for name, data in {"laughs": h.with_doctype(x, h.SHEET), "bomb": h.bomb(x, h.SHEET, BOMB_MB),
                       "truncated": h.truncated_part(x, h.SHEET, 0.5), "cell-ref": h.replaced(
                           x, h.SHEET, b'r="B12"', b'r="ZZZZZZ11"')}.items():
        out.append(Case(f"bao-cao-{name}", "bao-cao", {f"a-{name}.xlsx": data}))
        out.append(Case(f"tong-hop-{name}", "tong-hop", {f"a-{name}.xlsx": data}))
        out.append(Case(f"thong-tin-{name}", "thong-tin", {"thong-tin.xlsx": data}))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
