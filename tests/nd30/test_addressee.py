"""GN-01 (a document addressed to its own issuer) and GN-02 (reporting on one's own dispatch)."""

from __future__ import annotations

from docgen.nd30.checker import check_document
from docgen.nd30.rules import Level
from tests.nd30 import nd30_docs as d


def _found(doc) -> list[tuple[str, Level]]:
    return [(f.rule, f.level) for f in check_document(doc).findings if f.rule.startswith("GN")]


def test_a_report_to_another_body_is_clean():
    assert _found(d.bao_cao()) == [] and _found(d.cong_van()) == []


def test_a_report_addressed_to_its_own_issuer_is_an_error_whatever_the_abbreviation():
    for name in ("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Điện Biên",
                 "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Điện Biên",
                 "BTT UBMTTQVN tỉnh Điện Biên", "Ban Thường Trực Uỷ ban MTTQ  Việt Nam tỉnh Điện Biên"):
        doc = d.bao_cao()
        d.set_text(d.para(doc, "Kính gửi"), f"Kính gửi: {name}")
        assert _found(doc) == [("GN-01", Level.MUST)], name


def test_the_same_name_at_another_level_is_not_the_issuer():
    doc = d.bao_cao()
    d.set_text(d.para(doc, "Kính gửi"), "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam huyện Điện Biên")
    assert _found(doc) == []


def test_reporting_on_ones_own_dispatch_is_flagged():
    doc = d.bao_cao()
    d.set_text(d.para(doc, "Toàn tỉnh có"),
               "Thực hiện Công văn số 215/MTTQ-BTT ngày 02/3/2026 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh "
               "Điện Biên về việc rà soát, kiện toàn “Trang cộng đồng”, Ban Thường trực Ủy ban MTTQ Việt Nam "
               "tỉnh Điện Biên báo cáo kết quả như sau:")
    assert _found(doc) == [("GN-02", Level.SHOULD)]


def test_reporting_on_the_dispatch_of_the_level_above_is_not_flagged():
    doc = d.bao_cao()
    d.set_text(d.para(doc, "Toàn tỉnh có"),
               "Thực hiện Công văn số 1031/MTTQ-BTT ngày 25/02/2022 của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh "
               "Điện Biên về việc củng cố, hoàn thiện các trang MXH của Mặt trận các cấp, Ban Thường trực Ủy ban "
               "MTTQ Việt Nam huyện Mường Nhé báo cáo kết quả như sau:")
    assert _found(doc) == []
