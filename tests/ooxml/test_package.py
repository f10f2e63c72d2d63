"""docgen.ooxml.package: a long body table read compactly gives the checker the same findings as the full tree."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from docgen.nd30 import check_document
from docgen.ooxml.package import read_package
from tests.nd30 import nd30_docs as d
from tests.nd30.test_nd30_checker import CASES, SPEC_FILES

W = nsdecls("w")


def _bytes(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _findings(data: bytes, long_table_rows: int | None):
    report = check_document(read_package(data, long_table_rows=long_table_rows))
    return report.kind, [(f.rule, f.level, f.message, f.where) for f in report.findings]


def same_findings_both_ways(data: bytes) -> None:
    """Assert that every table held compactly (even a one-row one) changes no finding."""
    full = _findings(data, None)
    assert _findings(data, 0) == full
    assert _findings(data, 1) == full


def _long_appendix(rows: int):
    """Return the hand-built báo cáo with `rows` more rows in its appendix table."""
    doc = d.bao_cao()
    table = doc.tables[-1]
    for i in range(rows):
        cells = table.add_row().cells
        for c, text in enumerate([str(i + 1), f"Xã số {i + 1}", "Có"]):
            cells[c].paragraphs[0].add_run(text).font.size = Pt(12)
    return doc, table


def test_a_3000_row_appendix_table_gives_the_same_findings_read_compactly():
    doc, table = _long_appendix(3000)
    table.rows[1200].cells[1].paragraphs[0].runs[0].font.name = "Arial"  # FN-01
    table.rows[2500].cells[1].paragraphs[0].runs[0].text = unicodedata.normalize("NFD", "Xã Mường Phăng")  # FN-03
    for i, row in enumerate(table.rows):  # as Word saves it: revision ids differ from row to row
        row._tr.set(qn("w:rsidR"), f"{i:08X}")
    data = _bytes(doc)
    package = read_package(data)
    [long] = package.long_tables.values()
    assert len(long.rows) == len(table.rows)
    assert len({shape for shape, _ in long.rows}) < 10
    kind, findings = _findings(data, 200)
    assert (kind, findings) == _findings(data, None)
    assert [(f[0], f[3].split(",")[1:3]) for f in findings if f[0] in ("FN-01", "FN-03")] == [
        ("FN-01", [" hàng 1201", " cột 2 «Xã số 1199»"]), ("FN-03", [" hàng 2501", " cột 2 «Xã Mường Phăng»"])]


def test_many_bad_rows_of_a_long_table_are_summed_up_alike():
    doc, table = _long_appendix(500)
    for row in table.rows[10::7]:
        row.cells[2].paragraphs[0].runs[0].font.name = "Arial"
    data = _bytes(doc)
    kind, findings = _findings(data, 100)
    assert (kind, findings) == _findings(data, None)
    assert any("(cùng lỗi ở" in f[2] for f in findings)


def _change_cases():
    return [pytest.param(build, change, id=f"{rule}-{i}") for i, (rule, build, change) in enumerate(CASES)]


@pytest.mark.parametrize("build, change", _change_cases())
def test_every_hand_built_checker_document_gives_the_same_findings_read_compactly(build, change):
    doc = build()
    same_findings_both_ways(_bytes(doc))
    change(doc)
    same_findings_both_ways(_bytes(doc))


@pytest.mark.parametrize("build", [d.cong_van, d.bao_cao], ids=["cong-van", "bao-cao"])
def test_removing_any_one_paragraph_gives_the_same_findings_read_compactly(build):
    for doc in d.each_without_one_paragraph(build):
        same_findings_both_ways(_bytes(doc))


def test_rows_in_content_controls_and_nested_tables_read_compactly_alike():
    doc, table = _long_appendix(5)
    tbl = table._tbl
    rows = tbl.findall(qn("w:tr"))
    sdt = parse_xml(f"<w:sdt {W}><w:sdtContent/></w:sdt>")
    rows[3].addprevious(sdt)
    for tr in rows[3:5]:
        sdt[0].append(tr)
    inner = parse_xml(f'<w:tbl {W}><w:tr><w:tc><w:p><w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'
                      f'</w:rPr><w:t>lồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    rows[6].find(qn("w:tc")).insert(1, inner)
    same_findings_both_ways(_bytes(doc))


@pytest.mark.parametrize("name", ["Phuluc1.docx", "Phuluc3.docx"])
def test_the_decrees_own_files_give_the_same_findings_read_compactly(name):
    path = SPEC_FILES / name
    if not path.is_file():
        pytest.skip("../shared/spec/nd30-goc vắng mặt")
    same_findings_both_ways(Path(path).read_bytes())
