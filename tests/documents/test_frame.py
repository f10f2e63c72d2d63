"""Frame pieces shared by every document: header lines, place, recipients, Nơi nhận, signature, closing mark."""

from __future__ import annotations

import re

from docgen.documents import frame
from docgen.records.model import Unit

PROVINCE = Unit("11", "tỉnh", "Điện Biên")
LAST_CC = re.compile(r"^- Lưu: VT(, [^;]+?)?\.$")  # NN-04


def test_the_header_is_derived_from_the_units_kind_and_name():
    """AG-02…04 and §16.2: ỦY BAN MTTQ VIỆT NAM / <UNIT> / BAN THƯỜNG TRỰC."""
    for kind, name, line in [("huyện", "Mường Nhé", "HUYỆN MƯỜNG NHÉ"), ("thị xã", "Mường Lay", "THỊ XÃ MƯỜNG LAY"),
                             ("thành phố", "Điện Biên Phủ", "THÀNH PHỐ ĐIỆN BIÊN PHỦ"), ("xã", "Mường Phăng", "XÃ MƯỜNG PHĂNG")]:
        unit = Unit("1", kind, name, PROVINCE, 1)
        assert frame.header(unit) == (["ỦY BAN MTTQ VIỆT NAM", line], ["BAN THƯỜNG TRỰC"])
        assert frame.place(unit) == name


def test_noi_nhan_starts_with_nhu_tren_and_ends_with_luu():
    """NN-02…04."""
    lines = frame.cc_list(["- Thường trực Huyện ủy;", "Như trên", "Lưu: VT"], "VP")
    assert lines == ["- Như trên;", "- Thường trực Huyện ủy;", "- Lưu: VT, VP."]
    assert all(re.match(r"^- .+;$", x) for x in lines[:-1]) and LAST_CC.match(lines[-1])
    assert frame.cc_list([], "VT, HC (2)") == ["- Như trên;", "- Lưu: VT, HC (2)."]


def test_several_recipients_become_dash_lines_the_last_ending_with_a_period():
    """KG-04."""
    assert frame.recipients(["A;", "B", "C."]) == ["- A;", "- B;", "- C."]


def test_a_deputy_signs_for_the_chairman_under_the_collective_line():
    """SG-02, SG-03."""
    assert frame.signature("TM. BAN THƯỜNG TRỰC\nKT. CHỦ TỊCH", "phó chủ tịch", "Lò Văn B") == {
        "tham_quyen": "TM. BAN THƯỜNG TRỰC", "ky_thay": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Lò Văn B"}
    assert frame.signature("TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "X")["ky_thay"] == ""


def test_the_body_ends_with_the_closing_mark_once():
    """BD-08."""
    blocks = frame.close_body([frame.block("doan", "", "Xin báo cáo")])
    assert blocks[-1]["text"] == "Xin báo cáo./."
    assert frame.close_body(blocks)[-1]["text"] == "Xin báo cáo./."
