"""docgen.nd30.fix_tools: one line of a paragraph edited alone, and a fixing loop that cannot go back and forth."""

from __future__ import annotations

import io

import docx
import pytest

from docgen import cli
from docgen.nd30 import layout, repair_bytes
from docgen.nd30.fix_tools import FixConflict, FixLog
from docgen.nd30.fixer import fix_document
from tests.nd30 import nd30_docs as d
from tests.nd30.clerk_docs import CLERK_DOCS, build


_bytes = d.docx_bytes


def _paragraph():
    from docgen.nd30.checker import parts_of

    return parts_of(d.cong_van()).layout.date


def test_a_property_one_rule_set_may_not_be_set_otherwise_by_another():
    p, log = _paragraph(), FixLog()
    assert log.claim(p, "italic", False, True, "DT-02")
    assert not log.claim(p, "italic", False, True, "DT-02")  # set already: nothing to do
    with pytest.raises(FixConflict) as exc:
        log.claim(p, "italic", True, False, "TN-01")
    assert (exc.value.rule, exc.value.earlier) == ("TN-01", "DT-02")
    assert "TN-01" in exc.value.message and "DT-02" in exc.value.message and "chữ nghiêng" in exc.value.message


def test_one_rule_may_refine_what_it_set_but_never_set_it_back():
    p, log = _paragraph(), FixLog()
    log.claim(p, "size", 11.0, 13.0, "TN-01")
    log.claim(p, "size", 13.0, 14.0, "TN-01")
    with pytest.raises(FixConflict):
        log.claim(p, "size", 14.0, 11.0, "TN-01")


def test_text_may_be_edited_again_by_another_rule_but_never_back_to_what_it_was():
    p, log = _paragraph(), FixLog()
    log.claim(p, "text", "ngày 5/3/2022", "ngày 5 tháng 3 năm 2022", "DT-03")
    log.claim(p, "text", "ngày 5 tháng 3 năm 2022", "ngày 05 tháng 3 năm 2022", "DT-04")
    with pytest.raises(FixConflict):
        log.claim(p, "text", "ngày 05 tháng 3 năm 2022", "ngày 5 tháng 3 năm 2022", "DT-02")


@pytest.fixture
def date_taken_for_the_motto(monkeypatch):
    """The layout mistake behind the lead's oscillation: the date line read as the Tiêu ngữ as well."""
    header_parts = layout._header_parts

    def mistaken(lay):
        header_parts(lay)
        lay.tn = lay.date

    monkeypatch.setattr(layout, "_header_parts", mistaken)


def test_two_fixes_that_would_undo_each_other_stop_the_fixing_and_say_where(date_taken_for_the_motto):
    repair = repair_bytes(_bytes(build(CLERK_DOCS["bao-cao-tung-dong.docx"][0])), "x.docx")
    assert "docgen dừng sửa" in repair.conflict and "Mường Nhé" in repair.conflict
    assert "TN-01" in repair.conflict and "DT-02" in repair.conflict
    italic = [c for c in repair.changes if "nghiêng" in c.what and "Mường Nhé" in c.where]
    assert len(italic) == 1  # set once, never set back and forth
    assert {f.rule for f in repair.left} & {"TN-01", "DT-02"}  # the line is left for a person


def test_fix_document_raises_the_conflict_for_a_program(date_taken_for_the_motto):
    with pytest.raises(FixConflict):
        fix_document(build(CLERK_DOCS["bao-cao-tung-dong.docx"][0]))


def test_the_command_prints_why_it_stopped_and_exits_1(date_taken_for_the_motto, tmp_path, capsys):
    path = tmp_path / "bao-cao.docx"
    build(CLERK_DOCS["bao-cao-tung-dong.docx"][0]).save(path)
    assert cli.main(["the-thuc", str(path), "--sua"]) == 1
    assert "  Chú ý: docgen dừng sửa: " in capsys.readouterr().out


def test_a_fix_of_one_line_leaves_the_other_lines_of_its_paragraph_alone():
    repair = repair_bytes(_bytes(build(CLERK_DOCS["huong-dan-shift-enter.docx"][0])), "x.docx")
    fixed = docx.Document(io.BytesIO(repair.data))
    cell = fixed.tables[0].cell(0, 1).paragraphs[0]
    by_line = {}
    line = 0
    for r in cell.runs:
        for piece in r.text.split("\n")[:1] if r.text else []:
            if piece.strip():
                by_line.setdefault(line, set()).add((r.font.size.pt, bool(r.bold), bool(r.underline)))
        line += r.text.count("\n")
    assert by_line == {0: {(12.0, True, False)}, 1: {(13.0, True, True)}}  # the Quốc hiệu, then the motto under it
