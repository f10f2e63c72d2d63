"""Inputs for the returns tests: sample files made to look as Excel and Word users send them.

`excel_like` turns a sample workbook (written inline by a program) into what
Excel saves after a clerk worked on it: shared strings, a data validation (one
plain, one in Excel 2010's extension list), a conditional format, a picture, a
note on A1 and another on a cell docgen will annotate, print titles and a frozen
header. `word_with_mistakes` plants mistakes in the sample .docx.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from pathlib import Path

import docx
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
X14_VALIDATION = (
    '<extLst><ext xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
    'uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations '
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main" count="1"><x14:dataValidation type="list" '
    'allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>\'Thông tin\'!$B$5:$B$6</xm:f>'
    '</x14:formula1><xm:sqref>K11:K30</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>'
)
PLAIN_VALIDATION = ('<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" '
                    'allowBlank="1" showInputMessage="1" promptTitle="Số điện thoại" prompt="Gõ đủ số 0 đầu" '
                    'sqref="F11:F30 I11:I30"><formula1>14</formula1></dataValidation></dataValidations>')
CONDITIONAL = ('<conditionalFormatting sqref="B11:B30"><cfRule type="containsBlanks" dxfId="0" priority="1">'
               '<formula>LEN(TRIM(B11))=0</formula></cfRule></conditionalFormatting>')
DRAWING = (
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<xdr:oneCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>'
    '<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr>'
    '<xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill>'
    f'<a:blip xmlns:r="{R}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
    '</a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>'
)
OLD_NOTES = (f'<comments xmlns="{MAIN}"><authors><author>Lò Văn Tâm</author></authors><commentList>'
             '<comment ref="A1" authorId="0"><text><t>Biểu của huyện, đã soát lần 1.</t></text></comment>'
             '<comment ref="F12" authorId="0"><text><r><t>Số này đang hỏi lại xã.</t></r></text></comment>'
             '</commentList></comments>')
OLD_VML = (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" '
    'data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
    'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" '
    'o:connecttype="rect"/></v:shapetype>'
    + "".join(
        f'<v:shape id="_x0000_s{1025 + i}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;'
        'margin-top:2pt;width:108pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" '
        'o:insetmode="auto"><v:fill color2="#ffffe1"/><v:textbox/><x:ClientData ObjectType="Note">'
        f'<x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{col + 1}, 15, {row}, 2, {col + 3}, 15, {row + 4}, 16'
        f'</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column>'
        '</x:ClientData></v:shape>'
        for i, (row, col) in enumerate(((0, 0), (11, 5))))
    + '</xml>'
)


def png(size: int = 4) -> bytes:
    """Return a small grey PNG."""
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _shared(sheet: bytes) -> tuple[bytes, list[str]]:
    """Return the sheet with its inline strings moved to a shared-string list, and that list."""
    root = etree.fromstring(sheet)
    strings: list[str] = []
    for c in root.iter(f"{{{MAIN}}}c"):
        if c.get("t") != "inlineStr":
            continue
        text = "".join(t.text or "" for t in c.iter(f"{{{MAIN}}}t"))
        c.remove(c.find(f"{{{MAIN}}}is"))
        c.set("t", "s")
        if text not in strings:
            strings.append(text)
        etree.SubElement(c, f"{{{MAIN}}}v").text = str(strings.index(text))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), strings


def _sst(strings: list[str]) -> bytes:
    root = etree.Element(f"{{{MAIN}}}sst", nsmap={None: MAIN}, count=str(len(strings)),
                         uniqueCount=str(len(strings)))
    for s in strings:
        t = etree.SubElement(etree.SubElement(root, f"{{{MAIN}}}si"), f"{{{MAIN}}}t")
        t.text = s
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def excel_like(sample: Path = SAMPLES / "muong-nhe.xlsx") -> bytes:
    """Return the sample workbook with the features Excel files carry (see the module docstring)."""
    with zipfile.ZipFile(sample) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet, strings = _shared(parts["xl/worksheets/sheet1.xml"])
    text = sheet.decode("utf-8")
    text = text.replace("<sheetView workbookViewId=\"0\">",
                        "<sheetView workbookViewId=\"0\"><pane ySplit=\"7\" topLeftCell=\"A8\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>", 1)
    text = text.replace("<pageMargins", CONDITIONAL + PLAIN_VALIDATION + "<pageMargins", 1)
    text = text.replace("</worksheet>", f'<drawing xmlns:r="{R}" r:id="rId1"/><legacyDrawing xmlns:r="{R}" r:id="rId2"/>'
                        + X14_VALIDATION + "</worksheet>")
    parts["xl/worksheets/sheet1.xml"] = text.encode("utf-8")
    parts["xl/sharedStrings.xml"] = _sst(strings)
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/drawing" Target="../drawings/drawing1.xml"/>'
        f'<Relationship Id="rId2" Type="{R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>'
        f'<Relationship Id="rId3" Type="{R}/comments" Target="../comments1.xml"/></Relationships>').encode()
    parts["xl/drawings/drawing1.xml"] = DRAWING.encode()
    parts["xl/drawings/_rels/drawing1.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{R}/image" Target="../media/image1.png"/></Relationships>').encode()
    parts["xl/media/image1.png"] = png()
    parts["xl/comments1.xml"] = OLD_NOTES.encode()
    parts["xl/drawings/vmlDrawing1.vml"] = OLD_VML.encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace("<Override", '<Default Extension="png" ContentType="image/png"/>'
                          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
                          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                          '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>'
                          '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>'
                          "<Override", 1)
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    parts["xl/_rels/workbook.xml.rels"] = rels.replace(
        "</Relationships>", f'<Relationship Type="{R}/sharedStrings" Target="sharedStrings.xml" Id="rId9"/></Relationships>').encode()
    book = parts["xl/workbook.xml"].decode()
    parts["xl/workbook.xml"] = book.replace(
        "<definedNames/>", "<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">"
        "'Phụ lục'!$6:$7</definedName></definedNames>").encode()
    styles = parts["xl/styles.xml"].decode()
    if "<dxfs" not in styles:   # the conditional format's look, in its place after <cellStyles>
        styles = styles.replace("<tableStyles", '<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFFF00"/>'
                                "</patternFill></fill></dxf></dxfs><tableStyles", 1)
    parts["xl/styles.xml"] = styles.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return out.getvalue()


def _set(cell, text: str) -> None:
    """Replace a Word cell's text, keeping its first run's formatting."""
    p = cell.paragraphs[0]
    runs = p.runs
    runs[0].text = text
    for r in runs[1:]:
        r._r.getparent().remove(r._r)


def word_with_mistakes(sample: Path = SAMPLES / "dien-bien-dong.docx") -> bytes:
    """Return the sample .docx with mistakes planted in its form table (Bảng 1).

    Row 7 (Xã Na Son): leader's phone "0835.726.741" (SDT-02), leader's e-mail in capitals (EM-02);
    row 8 (Xã Phì Nhừ): unit written "Phì  Nhừ" (DV-04), page name off pattern (TT-01), operator's
    phone "0982 238" (SDT-01); row 9 removed (its commune is then missing, DV-02).
    """
    document = docx.Document(str(sample))
    table = document.tables[0]
    rows = table.rows
    _set(rows[6].cells[5], "0835.726.741")
    _set(rows[6].cells[6], "HuongGiang47@Gmail.com")
    _set(rows[7].cells[1], "Phì  Nhừ")
    _set(rows[7].cells[2], "Mặt trận xã Phì Nhừ")
    _set(rows[7].cells[8], "0982 238")
    tr = rows[8]._tr
    tr.getparent().remove(tr)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- checking a written workbook against the ECMA-376 schemas (the docx counterpart is ../shared/tools) ---

SCHEMAS = ROOT.parent / "shared" / "ooxml-schemas"
_SML_ROOTS = {"worksheet", "workbook", "styleSheet", "sst", "comments"}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_schemas: dict[str, etree.XMLSchema] = {}


def _schema(relative: str) -> etree.XMLSchema:
    if not SCHEMAS.is_dir():   # like the docx check (conftest.ooxml_check): a clone without ../shared skips, saying why
        import pytest

        pytest.skip("../shared/ooxml-schemas vắng mặt: bỏ qua kiểm tra lược đồ SpreadsheetML")
    if relative not in _schemas:
        _schemas[relative] = etree.XMLSchema(etree.parse(str(SCHEMAS / relative)))
    return _schemas[relative]


def package_errors(data: bytes) -> list[str]:
    """Return what is wrong with an .xlsx package: SpreadsheetML parts, content types and relationships.

    Parts are validated against the transitional schema; `xml:space` on `<t>` is
    left out first (Excel writes it; the schema's simple type does not declare it).
    Every part must have a content type and every internal relationship a target.
    """
    errors = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        if len(names) != len(set(names)):
            errors.append("duplicate members")
        types = etree.fromstring(zf.read("[Content_Types].xml"))
        ct = _schema("OpenPackagingConventions-XMLSchema/opc-contentTypes.xsd")
        if not ct.validate(types):
            errors += [f"[Content_Types].xml: {e.message}" for e in ct.error_log]
        defaults = {d.get("Extension").lower() for d in types if d.tag.endswith("Default")}
        overrides = {o.get("PartName").lstrip("/") for o in types if o.tag.endswith("Override")}
        rels_schema = _schema("OpenPackagingConventions-XMLSchema/opc-relationships.xsd")
        sml = _schema("OfficeOpenXML-XMLSchema-Transitional/sml.xsd")
        for name in names:
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            if name not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
                errors.append(f"{name}: no content type")
            if not name.endswith((".xml", ".rels", ".vml")):
                continue
            root = etree.fromstring(zf.read(name))
            if name.endswith(".rels"):
                if not rels_schema.validate(root):
                    errors += [f"{name}: {e.message}" for e in rels_schema.error_log]
                source = posixpath.dirname(posixpath.dirname(name))   # "xl/_rels/workbook.xml.rels" → "xl"
                for rel in root:
                    target = rel.get("Target", "")
                    if rel.get("TargetMode") == "External":
                        continue
                    part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                        posixpath.join(source, target))
                    if part not in names:
                        errors.append(f"{name}: target {target} missing")
                continue
            if etree.QName(root).namespace == MAIN and etree.QName(root).localname in _SML_ROOTS:
                for t in root.iter(f"{{{MAIN}}}t"):
                    t.attrib.pop(_XML_SPACE, None)
                if not sml.validate(root):
                    errors += [f"{name}: {e.message}" for e in sml.error_log]
    return errors


def load(source, **kw):
    """Return an openpyxl workbook of bytes or a path, without its warning about the x14 validation it drops."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Data Validation extension", UserWarning)
        return load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source, **kw)
