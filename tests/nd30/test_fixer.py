"""`docgen.nd30.fixer` (`the-thuc --sua`): clean documents stay as they are, each fixable rule is fixed, a rule
without a safe fix is never fixed by guessing, and the rule table says which is which."""

from __future__ import annotations

import importlib
import inspect
import io

import pytest

from docgen.errors import InputError
from docgen.nd30 import RULES, Level, check_document, repair_bytes
from docgen.nd30.fixer import fix_document
from tests.nd30 import nd30_docs as d
from tests.nd30 import nd30_kinds_docs as k
from tests.nd30.test_check_kinds import KIND_STRUCTURE_CASES
from tests.nd30.test_nd30_checker import CASES, PERSON_CALLS


_bytes = d.docx_bytes


CLEAN = [d.cong_van, d.bao_cao] + [b for b, _ in k.KINDS.values()]


@pytest.mark.parametrize("build", CLEAN, ids=lambda b: b.__name__)
def test_a_clean_document_is_left_as_it_is(build):
    doc = build()
    before = doc.element.xml
    assert fix_document(doc) == []
    assert doc.element.xml == before


def test_the_rule_table_says_which_rules_are_fixable_and_names_a_fix_that_cites_them():
    fixable = {r.id for r in RULES.values() if r.fixable}
    assert {"PG-07", "FN-01", "TN-02", "DT-04", "NN-04", "PN-04", "PL-09", "QD-03"} <= fixable
    assert not fixable & {"KG-01", "SG-03", "SO-05", "SO-06", "VV-04", "NN-03", "PL-01", "FN-02", "QD-04"}
    for rule in RULES.values():
        if rule.fixable:
            module, function = rule.fix.split(".")
            mod = importlib.import_module(f"docgen.nd30.{module}")
            assert callable(getattr(mod, function)) and rule.fix_note, rule.id
            assert rule.id in inspect.getsource(mod), rule.id


PERSON = [c for i, c in enumerate(CASES) if not RULES[c[0]].fixable or i in PERSON_CALLS] + KIND_STRUCTURE_CASES


@pytest.mark.parametrize("rule, build, change", PERSON, ids=[f"{c[0]}-{i}" for i, c in enumerate(PERSON)])
def test_a_mistake_only_a_person_can_put_right_is_left_and_said(rule, build, change):
    doc = build()
    change(doc)
    repair = repair_bytes(_bytes(doc), "x.docx")
    assert rule in {f.rule for f in repair.left}
    assert rule not in {c.rule for c in repair.changes}


def test_what_was_changed_is_said_with_rule_place_and_before_after():
    doc = d.cong_van(date="Điện Biên, ngày 5 tháng 3 năm 2022")
    d.set_text(d.para(doc, "Độc lập"), "Độc lập – Tự do – Hạnh phúc")
    repair = repair_bytes(_bytes(doc), "x.docx")
    by_rule = {c.rule: c for c in repair.changes}
    assert by_rule["DT-04"].to_dict() == {
        "rule": "DT-04", "where": "bảng 1, hàng 2, cột 2 «Điện Biên, ngày 05 tháng 3…»",
        "change": "Số 0 ở ngày, tháng: «Điện Biên, ngày 5 tháng 3 năm 2022» → «Điện Biên, ngày 05 tháng 3 năm 2022»",
        "before": "Điện Biên, ngày 5 tháng 3 năm 2022", "after": "Điện Biên, ngày 05 tháng 3 năm 2022"}
    assert by_rule["TN-02"].after == "Độc lập - Tự do - Hạnh phúc"
    assert repair.after == [] and repair.kind.name == "công văn"


def test_an_appendix_typed_in_the_main_section_gets_its_own_section_landscape_for_its_wide_table():
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    doc = d.bao_cao()  # its appendix table was made as wide as a landscape page
    sect = doc.sections[0]._sectPr
    sect.getparent().remove(sect)
    last = doc.sections[-1]
    last.orientation, last.page_width, last.page_height = WD_ORIENT.PORTRAIT, Twips(11906), Twips(16838)
    repair = repair_bytes(_bytes(doc), "x.docx")
    assert [c.rule for c in repair.changes] == ["PL-09"]
    assert "trang ngang" in repair.changes[0].what
    fixed = __import__("docx").Document(io.BytesIO(repair.data))
    assert [s.orientation for s in fixed.sections] == [0, 1]  # WD_ORIENT.PORTRAIT, LANDSCAPE
    assert repair.left == []


def test_a_long_document_without_page_numbers_gets_them_top_centre_from_page_2():
    from docx.shared import Cm

    doc = d.cong_van()
    hp = doc.sections[0].header.paragraphs[0]
    hp._p.getparent().remove(hp._p)
    anchor = d.para(doc, "Đề nghị các đơn vị")._p
    for _ in range(60):
        anchor.addprevious(d.add(doc, "Nội dung dài. " * 20, 14, align=d.BOTH, before=6, first_line=Cm(1.27))._p)
    repair = repair_bytes(_bytes(doc), "x.docx")
    assert [c.rule for c in repair.changes] == ["PN-02"]
    assert repair.after == []


def test_an_unreadable_file_raises_a_vietnamese_input_error():
    with pytest.raises(InputError) as exc:
        repair_bytes(b"khong phai docx", "hong.docx")
    assert "docx" in exc.value.message


@pytest.mark.parametrize("build", [d.cong_van, d.bao_cao], ids=["cong-van", "bao-cao"])
def test_removing_any_one_paragraph_never_crashes_the_fixer(build):
    for doc in d.each_without_one_paragraph(build):
        fix_document(doc)  # whatever it fixes or leaves, an exception is a bug


def test_a_repair_is_checked_again_from_its_bytes():
    doc = d.cong_van()
    doc.sections[0].left_margin = 900000  # 25 mm
    repair = repair_bytes(_bytes(doc), "x.docx")
    again = check_document(__import__("docx").Document(io.BytesIO(repair.data)))
    assert [f.rule for f in again.findings if f.level != Level.INFO] == [f.rule for f in repair.left] == []


def test_the_docs_rule_table_says_for_each_rule_its_source_and_what_sua_does():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "the-thuc.md").read_text(encoding="utf-8")
    for r in RULES.values():
        row = f"| {r.id} | {r.level.label} | {r.title} | {r.expected} | {r.source} | {r.fix_note or '— (người soạn sửa)'} |"
        assert row in docs, r.id


def test_a_bracketed_note_in_the_signature_is_neither_a_title_nor_changed():
    doc = d.cong_van()
    title = d.para(doc, "CHỦ TỊCH")
    note = d.add(title._parent, "(Đã ký)", 14, italic=True)
    title._p.addnext(note._p)
    assert [f.rule for f in check_document(doc).findings if f.level != Level.INFO] == []
    assert fix_document(doc) == [] and d.para(doc, "(Đã ký)").text == "(Đã ký)"
