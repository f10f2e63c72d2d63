"""docgen.returns.docx: the unit's Word file returned with comments on the problem cells, or normalised."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

from docgen.campaigns.campaign import load_campaign
from tests.forms import PAGE_FORM
from docgen.checks import check_source
from docgen.readers import read_source
from docgen.records.model import Severity
from docgen.returns import docx as returns_docx
from docgen.returns.marks import plan_return, position

from tests.returns.returns_factory import word_with_mistakes


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    """Return (folder, input path, submission, plan, annotated path, normalised path) for the Word fixture."""
    folder = tmp_path_factory.mktemp("word")
    path = folder / "dien-bien-dong.docx"
    path.write_bytes(word_with_mistakes())
    campaign = load_campaign("2022-trang-cong-dong")
    sub = check_source(read_source(path, PAGE_FORM), campaign)
    plan = plan_return(sub, {lv.depth: lv.title for lv in campaign.levels}, "dien-bien-dong-da-chuan-hoa.docx")
    data = path.read_bytes()
    annotated, normalised = folder / "ghi-chu.docx", folder / "da-chuan-hoa.docx"
    annotated.write_bytes(returns_docx.annotated_document(data, plan, "dien-bien-dong.docx — Huyện Điện Biên Đông"))
    normalised.write_bytes(returns_docx.normalised_document(data, plan))
    return folder, path, sub, plan, annotated, normalised


def grid_column(tc) -> int:
    """Return the layout-grid column of a cell, as the reader counts it (gridBefore and gridSpan)."""
    tr = tc.getparent()
    trpr = tr.find(qn("w:trPr"))
    before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
    col = int(before.get(qn("w:val"))) if before is not None else 0
    for other in tr.findall(qn("w:tc")):
        if other is tc:
            return col
        span = other.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        col += int(span.get(qn("w:val"))) if span is not None else 1
    raise AssertionError("cell not in its row")


def commented_cells(path) -> dict[tuple[int, int, int], list[str]]:
    """Return the rule IDs of the comments anchored in each (table number, row, column) of the body's tables."""
    document = docx.Document(str(path))
    texts = {c.comment_id: "\n".join(p.text for p in c.paragraphs) for c in document.comments}
    tables = [t._tbl for t in document.tables]
    out: dict[tuple[int, int, int], list[str]] = {}
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        tc = next(a for a in start.iterancestors(qn("w:tc")))
        tr, tbl = tc.getparent(), tc.getparent().getparent()
        key = (tables.index(tbl) + 1, tbl.findall(qn("w:tr")).index(tr) + 1, grid_column(tc))
        out.setdefault(key, []).extend(re.findall(r"\[([A-Z]+-\d+)\]", texts[int(start.get(qn("w:id")))]))
    return out


def test_each_problem_cell_carries_a_comment_with_exactly_its_rules(case):
    _, _, sub, _, annotated, _ = case
    expected: dict[tuple[int, int, int], list[str]] = {}
    for p in sub.problems:
        if p.location.cell:
            row, col = position(p.location.cell)
            expected.setdefault((int(p.location.sheet.split()[-1]), row, col), []).append(p.rule)
    assert commented_cells(annotated) == expected
    assert len(expected) == 5


def test_problem_cells_are_shaded_red_for_errors_and_yellow_for_warnings(case):
    _, _, sub, _, annotated, _ = case
    table = docx.Document(str(annotated)).tables[0]
    for p in sub.problems:
        if p.location.cell:
            row, col = position(p.location.cell)
            shd = table.rows[row - 1].cells[col]._tc.tcPr.find(qn("w:shd"))
            assert shd.get(qn("w:fill")) == ("FFC7CE" if p.severity is Severity.ERROR else "FFEB9C")


def test_the_list_at_the_end_has_a_row_per_problem_linked_to_its_cell(case, ooxml_check):
    _, _, sub, _, annotated, _ = case
    document = docx.Document(str(annotated))
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Mức", "Quy tắc", "Vị trí", "Vấn đề", "Việc cần làm"]
    assert [(r.cells[2].text, r.cells[4].text) for r in table.rows[1:]] == [(p.rule, p.message) for p in sub.problems]
    marks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
    anchors = [h.get(qn("w:anchor")) for h in table._tbl.iter(qn("w:hyperlink"))]
    assert len(anchors) == len(sub.problems) and set(anchors) <= marks
    dv02 = table.rows[-1].cells
    assert dv02[2].text == "DV-02" and dv02[5].text.startswith("Thêm dòng «Xã Chiềng Sơ» vào nhóm «Cấp xã», ngay sau dòng")
    ooxml_check(annotated)


def test_the_normalised_copy_changes_only_the_normalised_cells(case, ooxml_check):
    _, path, sub, plan, _, normalised = case
    before = [[c.text for c in r.cells] for t in docx.Document(str(path)).tables for r in t.rows]
    after_doc = docx.Document(str(normalised))
    after = [[c.text for c in r.cells] for t in after_doc.tables for r in t.rows]
    changed = {(c.spot.row, c.spot.col): c.new for c in plan.changes if c.spot.sheet == "Bảng 1"}
    assert sorted(changed.values()) == sorted(["0835 726 741", "huonggiang47@gmail.com", "Xã Phì Nhừ"])
    rows0 = len(docx.Document(str(path)).tables[0].rows)
    for r, (old_row, new_row) in enumerate(zip(before, after), start=1):
        for c, (old, new) in enumerate(zip(old_row, new_row)):
            expected = changed.get((r, c), old) if r <= rows0 else old
            assert new == expected, (r, c)
    assert set(commented_cells(normalised)) == {(1, r, c) for r, c in changed}
    assert len(after_doc.comments) == 3
    ooxml_check(normalised)


def test_a_word_file_without_problems_gets_the_list_saying_so(tmp_path):
    out = io.BytesIO()
    document = docx.Document()
    document.add_table(rows=1, cols=2)
    document.save(out)
    from docgen.returns.marks import ReturnPlan

    marked = docx.Document(io.BytesIO(returns_docx.annotated_document(out.getvalue(), ReturnPlan((), (), ()), "a.docx")))
    texts = [p.text for p in marked.paragraphs]
    assert "VẤN ĐỀ CẦN SỬA — a.docx" in texts and texts[-1].startswith("Không có vấn đề nào")
    assert len(marked.tables) == 1
