"""docgen.returns.marks: which cells get a note, what the list says, and which values the normalised copy changes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from docgen.campaigns.campaign import load_campaign
from tests.forms import PAGE_FORM
from docgen.checks import check_source
from docgen.errors import Location
from docgen.readers import docx as docx_reader, read_source, xlsx as xlsx_reader
from docgen.records.model import Problem, Severity
from docgen.returns.marks import Spot, note_text, plan_return, position

from tests.returns.returns_factory import SAMPLES


@pytest.fixture(scope="module")
def campaign():
    return load_campaign("2022-trang-cong-dong")


@pytest.fixture(scope="module")
def muong_nhe(campaign):
    return check_source(read_source(SAMPLES / "muong-nhe.xlsx", PAGE_FORM), campaign)


def levels(campaign) -> dict[int, str]:
    return {lv.depth: lv.title for lv in campaign.levels}


@pytest.mark.parametrize("row,col", [(1, 0), (12, 5), (300, 27)])
def test_positions_read_back_every_cell_name_the_readers_write(row, col):
    assert position(xlsx_reader.cell_name(row, col)) == (row, col)
    assert position(docx_reader.cell_name(row, col)) == (row, col)
    assert position(xlsx_reader.area_name(row, col, row + 1, col + 2)) == (row, col)
    assert position(docx_reader.area_name(row, col, row + 1, col + 2)) == (row, col)


def test_each_problem_cell_gets_one_note_and_every_problem_a_line_of_the_list(muong_nhe, campaign):
    plan = plan_return(muong_nhe, levels(campaign), "muong-nhe-da-chuan-hoa.xlsx")
    with_cell = [p for p in muong_nhe.problems if p.location.cell]
    assert {(n.spot.sheet, n.spot.row, n.spot.col) for n in plan.notes} == {
        (p.location.sheet, *position(p.location.cell)) for p in with_cell}
    assert [(e.number, e.problem.rule) for e in plan.entries] == [
        (i, p.rule) for i, p in enumerate(muong_nhe.problems, start=1)]
    assert {n.spot: n.is_error for n in plan.notes}[Spot("Phụ lục", 12, 5)] is True


def test_a_missing_unit_is_listed_with_the_row_to_add_it_after(muong_nhe, campaign):
    plan = plan_return(muong_nhe, levels(campaign), "x.xlsx")
    entry = next(e for e in plan.entries if e.problem.rule == "DV-02")
    assert entry.place == "Phụ lục › sau dòng 18"
    assert entry.todo == "Thêm dòng «Xã Nậm Kè» vào nhóm «Cấp xã», ngay sau dòng 18 (Xã Nậm Vì)."
    assert entry.spot == Spot("Phụ lục", 18, 0)


def test_a_missing_unit_first_in_official_order_goes_before_the_first_row_of_its_group(muong_nhe, campaign):
    first_commune = next(u for u in muong_nhe.expected if u.level == 2)
    records = tuple(r for r in muong_nhe.records if r.unit != first_commune)
    problem = Problem("DV-02", Severity.ERROR, "Thiếu.", muong_nhe.source.table.source,
                      f"Thêm một dòng cho «{first_commune.full_name}».", first_commune.code)
    sub = replace(muong_nhe, records=records, problems=(problem,))
    entry = plan_return(sub, levels(campaign), "x.xlsx").entries[0]
    assert entry.place.startswith("Phụ lục › trước dòng ") and f"«{first_commune.full_name}»" in entry.todo


def test_only_the_values_docgen_normalised_are_changed_each_to_its_last_fix(muong_nhe, campaign):
    plan = plan_return(muong_nhe, levels(campaign), "x.xlsx")
    assert [(c.spot.row, c.spot.col, c.old, c.new) for c in plan.changes] == [
        (15, 8, "912000101", "0912 000 101"),
        (19, 3, "m.facebook.com/mattranmuongtoong", "https://www.facebook.com/mattranmuongtoong"),
        (20, 1, "Quảng  Lâm", "Xã Quảng Lâm"),
    ]
    assert plan.changes[0].note.startswith("docgen đã chuẩn hóa ô này (SDT-02): «912000101» → «0912 000 101».")


def test_a_whole_row_problem_is_noted_on_the_tables_first_column(muong_nhe, campaign):
    row_problem = Problem("VB-04", Severity.WARNING, "Dòng lạ.", Location("muong-nhe.xlsx", "Phụ lục", "dòng 14"))
    sub = replace(muong_nhe, problems=(row_problem,))
    assert plan_return(sub, levels(campaign), "x.xlsx").notes[0].spot == Spot("Phụ lục", 14, 0)


def test_the_note_says_whether_the_clerk_must_act():
    where = Location("a.xlsx", "Phụ lục", "F12")
    error = Problem("SDT-01", Severity.ERROR, "Số «0912 345» thiếu số.", where, "Ghi đủ 10 số.")
    look = Problem("NS-03", Severity.WARNING, "Cùng một người.", where, "Phân công người khác.")
    done = Problem("EM-02", Severity.WARNING, "Đã viết thường.", where, "a@b.vn", normalised=True)
    assert note_text(error) == "[SDT-01] Lỗi: Số «0912 345» thiếu số.\nCách sửa: Ghi đủ 10 số."
    assert note_text(look) == "[NS-03] Cảnh báo: Cùng một người.\nNên xem lại: Phân công người khác."
    assert note_text(done, "a-da-chuan-hoa.xlsx") == (
        "[EM-02] Cảnh báo: Đã viết thường.\nKhông cần sửa tay: bản «a-da-chuan-hoa.xlsx» đã ghi «a@b.vn».")
