"""Fast table loops: same output as docxtpl, every row in order and verbatim, fallback when the shape differs."""

from __future__ import annotations

import io

import docx
import pytest
from tests.render.render_factory import COLUMNS, groups, nested_rows, table_template, to_bytes

from docgen.render.engine import render
from docgen.render.rows import prepare


def cells(data: bytes) -> list[list[str]]:
    table = docx.Document(io.BytesIO(data)).tables[0]
    return [[c.text for c in r.cells] for r in table.rows]


def expected_rows(gs) -> list[list[str]]:
    out = []
    for g in gs:
        out.append([g["so"], g["ten"], "", ""])
        out.extend([r[k] for k in COLUMNS] for r in g["dong"])
    return out


def test_two_level_loop_is_stamped_with_every_row_in_order_and_verbatim(ooxml_check, tmp_path):
    template = table_template(nested_rows())
    assert len(prepare(template).loops) == 1
    gs = groups(50)
    out = render(template, {"tieu_de": "T", "nhom": gs}).to_bytes()
    assert cells(out)[1:] == expected_rows(gs)
    assert cells(out)[1][:2] == ["I", "Nhóm một"] and cells(out)[2][2] == "Mặt trận A & B <C>"
    (tmp_path / "fast.docx").write_bytes(out)
    ooxml_check(tmp_path / "fast.docx")


def test_fast_and_docxtpl_renderings_have_the_same_cells():
    template = table_template(nested_rows())
    ctx = {"tieu_de": "T", "nhom": groups(7)}
    assert cells(render(template, ctx).to_bytes()) == cells(render(template, ctx, fast=False).to_bytes())


def test_one_level_loop_is_stamped():
    template = table_template([["TT", "Tên"], ["{%tr for r in dong %}"], ["{{ r.tt }}", "{{ r.ten }}"],
                               ["{%tr endfor %}"], ["Cộng", ""]], cols=2)
    assert len(prepare(template).loops) == 1
    out = render(template, {"tieu_de": "", "dong": [{"tt": 1, "ten": "a<b"}, {"tt": 2, "ten": None}]}).to_bytes()
    assert cells(out) == [["TT", "Tên"], ["1", "a<b"], ["2", ""], ["Cộng", ""]]


def test_a_row_with_a_filter_falls_back_to_docxtpl_and_still_renders():
    data = ["{{ r.tt }}", "{{ r.don_vi|upper }}", "{{ r.ten_trang }}", "{{ r.lien_ket }}"]
    template = table_template(nested_rows(data))
    assert prepare(template).loops == ()
    gs = groups(2)
    out = cells(render(template, {"tieu_de": "", "nhom": gs}).to_bytes())
    assert out[2] == ["1", "ĐƠN VỊ MỘT", "Mặt trận A & B <C>", "https://fb.com/a?x=1&y=2"]


def test_a_tag_split_across_runs_falls_back_to_docxtpl():
    d = docx.Document(io.BytesIO(table_template(nested_rows())))
    cell = d.tables[0].rows[4].cells[1]
    cell.paragraphs[0].text = ""
    cell.paragraphs[0].add_run("{{ r.")
    cell.paragraphs[0].add_run("don_vi }}")
    template = to_bytes(d)
    assert prepare(template).loops == ()
    assert cells(render(template, {"tieu_de": "", "nhom": groups(1)}).to_bytes())[2][1] == "Đơn vị một"


def test_other_loop_shapes_are_left_to_docxtpl():
    rows = [["TT"], ["{%tr for g in nhom %}"], ["{{ g.so }}"], ["{%tr endfor %}"], ["{%tr for x in khac %}"]]
    template = table_template(rows + [["{{ x }}"], ["{%tr endfor %}"]], cols=1)
    loops = prepare(template).loops
    assert [(lp.outer, lp.inner) for lp in loops] == [("nhom", "")]
    out = cells(render(template, {"tieu_de": "", "nhom": [{"so": "I"}], "khac": ["a", "b"]}).to_bytes())
    assert out == [["TT"], ["I"], ["a"], ["b"]]


@pytest.mark.parametrize("fast", [True, False])
def test_an_empty_group_list_leaves_only_the_header(fast):
    out = cells(render(table_template(nested_rows()), {"tieu_de": "", "nhom": []}, fast=fast).to_bytes())
    assert out == [["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết"]]


def test_large_tables_are_spliced_into_the_written_xml_with_the_same_cells(monkeypatch, ooxml_check, tmp_path):
    template = table_template(nested_rows())
    ctx = {"tieu_de": "T", "nhom": groups(30)}
    small = render(template, ctx).to_bytes()
    monkeypatch.setattr("docgen.render.engine.SPLICE_ROWS", 0)
    spliced = render(template, ctx).to_bytes()
    assert cells(spliced) == cells(small) == [["TT", "Đơn vị", "Tên Trang", "Địa chỉ liên kết"]] + expected_rows(ctx["nhom"])
    (tmp_path / "spliced.docx").write_bytes(spliced)
    ooxml_check(tmp_path / "spliced.docx")
