"""`--sua` on documents as a clerk types them in Word (clerk_docs.CLERK_DOCS, one or more per kind): what it leaves
truly needs a person, no word changes, and the habits behind the lead's new-user check are read as they are meant."""

from __future__ import annotations

import io
import re

import docx
import pytest

from docgen.nd30 import Level, check_document, repair_bytes
from docgen.nd30.fixer import fix_document
from tests.nd30 import nd30_docs as d
from tests.nd30.clerk_docs import CLERK_DOCS, build
from tests.nd30.nd30_kinds_docs import KINDS
from tests.nd30.test_fix_corpus import canon


_bytes = d.docx_bytes


@pytest.fixture(scope="module")
def repaired():
    """Return name → (original bytes, Repair) for every document of the corpus."""
    out = {}
    for name, (typed, _) in CLERK_DOCS.items():
        data = _bytes(build(typed))
        out[name] = (data, repair_bytes(data, name))
    return out


def _rules(findings) -> list[str]:
    return [f.rule for f in findings if f.level is not Level.INFO]


def test_the_corpus_has_every_kind_and_the_habits_of_the_lead_s_check(repaired):
    kinds = {r.kind.name for _, r in repaired.values()}
    assert {"công văn", "báo cáo"} | {kind for _, kind in KINDS.values()} <= kinds
    assert len(CLERK_DOCS) >= 12
    habits = [typed.habits for typed, _ in CLERK_DOCS.values()]
    for habit in ("shift_enter", "tabs", "underlined_motto", "tab_indent", "blank_before_signature"):
        assert any(getattr(h, habit) for h in habits), habit


@pytest.mark.parametrize("name", CLERK_DOCS)
def test_sua_leaves_only_what_needs_a_person(repaired, name):
    _, repair = repaired[name]
    assert len(_rules(repair.before)) >= 20 and repair.conflict == ""
    assert _rules(repair.left) == CLERK_DOCS[name][1]
    assert fix_document(docx.Document(io.BytesIO(repair.data))) == []  # the corrected copy needs no more fixing


def _pieces(data: bytes) -> list[str]:
    """Return the text of every line of the document (paragraphs cut at line breaks and tab gaps), canonical."""
    out = []
    for p in d.all_paragraphs(docx.Document(io.BytesIO(data))):
        out += [canon(x) for x in re.split(r"\n|\t+", p.text) if canon(x)]
    return out


@pytest.mark.parametrize("name", CLERK_DOCS)
def test_no_word_of_the_document_changes(repaired, name):
    data, repair = repaired[name]
    before, after = _pieces(data), _pieces(repair.data)
    if CLERK_DOCS[name][0].habits.tabs:  # the header's lines went into the cells of a table: another order
        before, after = sorted(before), sorted(after)
    assert before == after


def _runs(data: bytes, start: str) -> list:
    p = d.para(docx.Document(io.BytesIO(data)), start)
    return [(r.text, r.bold, r.italic, r.underline, r.font.size.pt if r.font.size else None) for r in p.runs]


def test_lines_typed_with_shift_enter_are_read_and_fixed_line_by_line(repaired):
    data, repair = repaired["bao-cao-shift-enter.docx"]
    before = {(f.rule, f.where.split("«")[-1][:12]) for f in repair.before}
    assert not any("ngắt dòng" in f.message for f in repair.before)  # the Quốc hiệu is not "broken" by the motto
    assert ("TN-02", "Độc lập – Tự") in before and ("DT-04", "Mường Nhé, n") in before
    assert {"NN-04", "SG-06", "SG-04"} <= {f.rule for f in repair.before}  # Nơi nhận lines and signer found
    fixed = [r for r in _runs(repair.data, "CỘNG HÒA") if r[0].strip()]
    qh, motto = fixed[0], fixed[-1]
    assert qh[0].startswith("CỘNG HÒA") and qh[1:3] == (True, None) and qh[4] in (12, 13)
    assert motto[0].endswith("Hạnh phúc") and motto[1:4] == (True, None, True) and motto[4] == qh[4] + 1
    assert all(r[2] for r in _runs(repair.data, "Mường Nhé") if r[0].strip())  # only the date is italic


def test_the_trich_yeu_typed_as_body_text_is_found_by_its_place_and_made_bold_and_centred(repaired):
    data, repair = repaired["bao-cao-tung-dong.docx"]
    summary = [f for f in repair.before if f.rule == "TL-03"]
    assert summary and "Kết quả củng cố" in summary[0].where and "không có trích yếu" not in summary[0].message
    fixed = docx.Document(io.BytesIO(repair.data))
    p = d.para(fixed, "Kết quả củng cố")
    assert p.alignment == 1 and all(r.bold for r in p.runs) and not p.paragraph_format.first_line_indent
    assert {r.font.size.pt for r in p.runs} <= {13, 14}
    kg = d.para(fixed, "Kính gửi")
    assert kg.alignment == 1 and not kg.paragraph_format.first_line_indent  # ô 9a, not body text
    assert not [c for c in repair.changes if c.rule.startswith("BD") and ("Kết quả" in c.where or "Kính" in c.where)]


def test_the_noi_nhan_lines_come_out_single_spaced(repaired):
    _, repair = repaired["bao-cao-tung-dong.docx"]
    assert any(f.rule == "NN-02" and f.level is Level.SHOULD and "cách đoạn" in f.message for f in repair.before)
    fixed = docx.Document(io.BytesIO(repair.data))
    for start in ("Nơi nhận", "- Như trên", "- BTT tỉnh"):
        f = d.para(fixed, start).paragraph_format
        assert (f.space_after.pt, f.line_spacing) == (0, 1.0), start


def test_a_header_typed_with_tabs_becomes_the_two_column_table_of_the_models(repaired):
    data, repair = repaired["cong-van-tab.docx"]
    assert [c.rule for c in repair.changes][:1] == ["LY-01"] or "LY-01" in [c.rule for c in repair.changes]
    fixed = docx.Document(io.BytesIO(repair.data))
    header = fixed.tables[0]
    left = [p.text for c in header.columns[0].cells for p in c.paragraphs if p.text.strip()]
    right = [p.text for c in header.columns[1].cells for p in c.paragraphs if p.text.strip()]
    assert left == ["ỦY BAN MTTQ VIỆT NAM", "HUYỆN MƯỜNG NHÉ", "BAN THƯỜNG TRỰC", "Số: 12/MTTQ-BTT",
                    "V/v triển khai Trang cộng đồng"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Mường Nhé, ngày 05 tháng 3 năm 2022"]
    assert "Số:" in header.cell(1, 0).text and "ngày" in header.cell(1, 1).text  # level, as DT-01 asks
    assert _rules(check_document(fixed).findings) == []


def test_a_body_indented_with_the_tab_key_is_not_indented_twice(repaired):
    data, repair = repaired["thong-bao-tab-dau-dong.docx"]
    assert "BD-03" not in {f.rule for f in repair.before}
    fixed = docx.Document(io.BytesIO(repair.data))
    assert not d.para(fixed, "\tNgày 01 tháng 3").paragraph_format.first_line_indent


@pytest.mark.slow
def test_the_corrected_copies_pass_the_ooxml_schema_check(repaired, tmp_path, ooxml_check):
    paths = []
    for name, (_, repair) in repaired.items():
        path = tmp_path / name.replace(".docx", "-da-sua.docx")
        path.write_bytes(repair.data)
        paths.append(path)
    assert ooxml_check(*paths).count(": OK") == len(paths)


def test_a_signature_typed_under_the_body_without_a_table_is_not_body_text():
    from dataclasses import replace

    from tests.nd30.clerk_docs import REPORT

    doc = build(replace(REPORT, nn=("- Như trên;", "- Lưu VT")))
    closing = doc.tables[-1]._tbl
    closing.getparent().remove(closing)
    for text in ("\t\t\t\tTM. BAN THƯỜNG TRỰC", "\t\t\t\t\tCHỦ TỊCH", "", "", "\t\t\t\t\tNguyễn Văn B",
                 "Nơi nhận:", "- Như trên;", "- Lưu VT"):
        doc.add_paragraph(text)
    repair = repair_bytes(_bytes(doc), "x.docx")
    assert not [c for c in repair.changes if "Nguyễn Văn B" in c.where or "CHỦ TỊCH" in c.where]
    assert _rules(repair.left) == ["SG-01"]  # a warning: the clerk puts Nơi nhận and the signature in a table


def test_a_quoc_hieu_broken_by_shift_enter_is_one_line_again_and_the_motto_under_it_is_kept():
    doc = build(CLERK_DOCS["bao-cao-shift-enter.docx"][0])
    run = d.para(doc, "CỘNG HÒA").runs[0]
    run.text = run.text.replace("CHỦ NGHĨA VIỆT NAM", "CHỦ NGHĨA\nVIỆT NAM")
    repair = repair_bytes(_bytes(doc), "x.docx")
    assert any(f.rule == "QH-01" and "ngắt dòng giữa Quốc hiệu" in f.message for f in repair.before)
    assert any(f.rule == "TN-02" for f in repair.before) and repair.conflict == ""
    assert d.para(docx.Document(io.BytesIO(repair.data)), "CỘNG HÒA").text == \
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    assert _rules(repair.left) == ["NN-03"]
