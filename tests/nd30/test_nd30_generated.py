"""Every document docgen generates passes the ND30 checker with 0 errors (spec/nd30.md, all MUST rules)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from tests.nd30 import nd30_docs as d
from docgen import api
from docgen.nd30 import Level, check_file
from tests.ooxml.test_package import same_findings_both_ways

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "data" / "mau" / "2022-dien-bien"


def _errors(path: Path) -> list[str]:
    return [f"{f.rule} {f.where}: {f.message}" for f in check_file(path) if f.level == Level.MUST]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[Path]:
    assert SAMPLES.is_dir(), "data/mau/2022-dien-bien phải có"
    out = tmp_path_factory.mktemp("bao-cao")
    api.bao_cao([SAMPLES], out, phu_luc_rieng=True)
    files = sorted(out.rglob("*.docx"))
    assert files, "docgen bao-cao không ghi tệp nào"
    return files


def test_every_sample_report_and_its_separate_appendix_has_no_nd30_error(reports):
    assert {p.name: _errors(p) for p in reports} == {p.name: [] for p in reports}


@pytest.mark.parametrize("campaign", ["2022-trang-cong-dong", "2026-ra-soat-trang-cong-dong"])
def test_each_campaign_dispatch_has_no_nd30_error(tmp_path, campaign):
    result = api.cong_van(campaign, tmp_path)
    docs = [p for p in result.written if p.suffix == ".docx"]
    assert docs
    for path in docs:
        assert _errors(path) == []
    assert [c.errors for c in result.format_checks] == [[]] and result.exit_code == 0


def test_the_provinces_summary_report_has_no_nd30_error(tmp_path):
    assert SAMPLES.is_dir(), "data/mau/2022-dien-bien phải có"
    api.tong_hop(SAMPLES, "2022-trang-cong-dong", tmp_path)
    docs = sorted(tmp_path.rglob("*.docx"))
    assert docs
    assert {p.name: _errors(p) for p in docs} == {p.name: [] for p in docs}



def _set(doc, start, text):
    d.set_text(d.para(doc, start), text)


def _date(doc, phrase):
    p = next(x for x in d.all_paragraphs(doc) if re.search(r", ngày \d", x.text))
    d.set_text(p, re.sub(r"ngày \d+ tháng \d+", phrase, p.text))


@pytest.mark.parametrize("rule, change", [
    ("PG-07", lambda doc: setattr(doc.sections[0], "left_margin", doc.sections[0].left_margin - 200000)),
    ("DT-04", lambda doc: _date(doc, "ngày 5 tháng 03")),
    ("NN-04", lambda doc: _set(doc, "- Lưu", "- Lưu: VT, VP")),
    ("SG-04", lambda doc: _set(doc, "CHỦ TỊCH", "Chủ tịch")),
    ("TN-02", lambda doc: _set(doc, "Độc lập", "Độc lập – Tự do – Hạnh phúc")),
])
def test_one_change_to_a_generated_report_is_caught_with_its_rule_only(reports, tmp_path, rule, change):
    source = next(p for p in reports if p.name.startswith("bao-cao-ket-qua-"))
    doc = docx.Document(source)
    change(doc)
    path = tmp_path / "nd30-sua.docx"
    doc.save(path)
    assert {e.split()[0] for e in _errors(path)} == {rule}


def test_every_generated_document_gives_the_same_findings_with_its_tables_read_compactly(reports, tmp_path):
    docs = list(reports)
    for campaign in ("2022-trang-cong-dong", "2026-ra-soat-trang-cong-dong"):
        docs += [p for p in api.cong_van(campaign, tmp_path / campaign).written if p.suffix == ".docx"]
    api.tong_hop(SAMPLES, "2022-trang-cong-dong", tmp_path / "tong-hop")
    docs += sorted((tmp_path / "tong-hop").rglob("*.docx"))
    assert len(docs) >= 13
    for path in docs:
        same_findings_both_ways(path.read_bytes())


def test_sua_finds_nothing_to_change_in_what_docgen_writes(reports, tmp_path):
    from docgen.nd30 import repair_bytes

    docs = list(reports) + [p for p in api.cong_van("2026-ra-soat-trang-cong-dong", tmp_path).written
                            if p.suffix == ".docx"]
    for path in docs:
        repair = repair_bytes(path.read_bytes(), path.name)
        assert (path.name, repair.changes) == (path.name, [])
