"""The other kinds a Front office sends (ND30 Phụ lục III): each clean fixture passes and is recognised; one
targeted change per kind rule is caught; a LibreOffice round trip changes nothing."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from docgen.nd30 import Level, RULES, check_document, check_file
from tests.nd30 import nd30_docs as d
from tests.nd30 import nd30_kinds_docs as k


@pytest.mark.parametrize("name", list(k.KINDS))
def test_each_clean_fixture_has_no_finding_and_is_recognised(name):
    build, kind = k.KINDS[name]
    report = check_document(build())
    assert report.kind.name == kind
    assert [f"{f.rule} {f.message}" for f in report.findings if f.level != Level.INFO] == []


def _remove(doc, start):
    p = d.para(doc, start)
    p._p.getparent().remove(p._p)


# Mistakes of form `--sua` can put right …
KIND_FORM_CASES = [
    ("QD-01", k.quyet_dinh, lambda doc: setattr(d.para(doc, "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN").runs[0], "bold", False)),
    ("QD-02", k.quyet_dinh, lambda doc: d.set_text(d.para(doc, "QUYẾT ĐỊNH:"), "Quyết định")),
    ("QD-03", k.quyet_dinh, lambda doc: d.set_text(d.para(doc, "Điều 2."), "Điều 2: Tổ rà soát hoàn thành.")),
    ("QD-03", k.quyet_dinh, lambda doc: setattr(d.para(doc, "Điều 1.").runs[0], "bold", False)),
    ("CD-01", k.cong_dien, lambda doc: d.set_text(d.para(doc, "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN"),
                                                  "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN điện")),
    ("KG-04", k.cong_dien, lambda doc: d.set_text(d.para(doc, "- Các tổ chức"), "- Các tổ chức chính trị - xã hội tỉnh;")),
    ("BB-01", k.bien_ban, lambda doc: d.set_text(d.para(doc, "CHỦ TỌA"), "Chủ tọa")),
    ("SG-02", k.giay_moi, lambda doc: d.set_text(d.para(doc, "Q. CHỦ TỊCH"), "Q CHỦ TỊCH")),
    ("TL-02", k.huong_dan, lambda doc: d.set_text(d.para(doc, "HƯỚNG DẪN"), "Hướng dẫn")),
]
# … and missing or wrong parts only a person can.
KIND_STRUCTURE_CASES = [
    ("QD-01", k.quyet_dinh, lambda doc: _remove(doc, "BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN")),
    ("QD-02", k.quyet_dinh, lambda doc: _remove(doc, "QUYẾT ĐỊNH:")),
    ("QD-03", k.quyet_dinh, lambda doc: _remove(doc, "Điều 2.")),
    ("QD-04", k.quyet_dinh, lambda doc: [_remove(doc, s) for s in ("Căn cứ Điều lệ", "Căn cứ Quy chế",
                                                                   "Theo đề nghị")]),
    ("BB-01", k.bien_ban, lambda doc: _remove(doc, "Lò Thị Mai")),
    ("KG-01", k.to_trinh, lambda doc: _remove(doc, "Kính gửi")),
    ("SG-03", k.thong_bao, lambda doc: _remove(doc, "CHÁNH VĂN PHÒNG")),
    ("SG-03", k.ke_hoach, lambda doc: _remove(doc, "PHÓ CHỦ TỊCH")),
]
KIND_CASES = KIND_FORM_CASES + KIND_STRUCTURE_CASES


@pytest.mark.parametrize("rule, build, change", KIND_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(KIND_CASES)])
def test_one_change_to_a_kind_is_caught_with_its_rule_and_no_other(rule, build, change):
    doc = build()
    change(doc)
    assert RULES[rule].level == Level.MUST
    assert {f.rule for f in check_document(doc).findings if f.level == Level.MUST} == {rule}


def test_a_cong_dien_without_its_dien_line_is_caught_and_its_recipients_read_as_body():
    doc = k.cong_dien()
    _remove(doc, "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH ĐIỆN BIÊN")
    rules = {f.rule for f in check_document(doc).findings}
    assert "CD-01" in rules and "KG-04" not in rules


def test_an_invitation_without_place_is_only_warned():
    doc = k.giay_moi()
    d.set_text(d.para(doc, "Địa điểm"), "Tại hội trường Ủy ban MTTQ Việt Nam tỉnh./.")
    assert [(f.rule, f.level) for f in check_document(doc).findings] == [("GM-01", Level.SHOULD)]


def test_a_bien_ban_needs_no_date_in_its_header_but_a_cong_van_does():
    assert "DT-03" not in {f.rule for f in check_document(k.bien_ban()).findings}
    doc = d.cong_van()
    _remove(doc, "Điện Biên, ngày")
    assert "DT-03" in {f.rule for f in check_document(doc).findings}


def test_every_rule_cites_its_source_in_nd30():
    assert [r.id for r in RULES.values() if not r.source] == []
    assert RULES["QD-03"].source.startswith("PL I §II.6.đ") and "Mẫu 1.9" in RULES["BB-01"].source


@pytest.mark.slow
@pytest.mark.soffice
def test_every_kind_after_a_libreoffice_round_trip_is_still_clean_and_recognised(tmp_path):
    for name, (build, _) in k.KINDS.items():
        build().save(tmp_path / name)
    out = tmp_path / "lo"
    subprocess.run([shutil.which("soffice"), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    *[str(tmp_path / n) for n in k.KINDS]], capture_output=True, timeout=300)
    for name, (_, kind) in k.KINDS.items():
        converted = out / name
        assert converted.is_file(), name
        report_kind = check_document(__import__("docx").Document(converted)).kind.name
        findings = [f"{f.rule} {f.message}" for f in check_file(converted) if f.level != Level.INFO]
        assert (name, report_kind, findings) == (name, kind, [])


def test_the_docs_show_the_clean_example_of_each_kind_as_built():
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "the-thuc.md").read_text(encoding="utf-8")
    for name, (build, kind) in k.KINDS.items():
        assert f"### {kind}: {name}\n\n```text\n{k.outline(build())}\n```" in docs, name
