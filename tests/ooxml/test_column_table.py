"""docgen.ooxml.column_table: a template's repeated-row table fitted to a list of columns."""

from __future__ import annotations

import io

import docx
from lxml import etree

from docgen.campaigns.campaign import load_campaign
from docgen.ooxml.column_table import TableColumn, _find, _rebuild, fit
from tests.templates.template_render import TEMPLATES

TEMPLATE = (TEMPLATES / "phu_luc.docx").read_bytes()
OWN = [TableColumn(c.key, c.group, c.width) for c in load_campaign().columns]


def _table(data: bytes):
    return docx.Document(io.BytesIO(data)).tables[0]


def test_the_template_s_own_columns_leave_it_untouched():
    assert fit(TEMPLATE, OWN) is TEMPLATE or fit(TEMPLATE, OWN) == TEMPLATE


def test_rebuilt_for_its_own_columns_the_table_is_what_the_template_script_wrote():
    """The library and scripts/build_templates.py make the same table: one way to build it from columns."""
    document = docx.Document(io.BytesIO(TEMPLATE))
    tbl, head, data = _find(document.element.body)
    before = etree.tostring(tbl)
    _rebuild(tbl, head, data, tuple(OWN), "nhom_cot")
    assert etree.tostring(tbl) == before


def test_an_extra_column_gets_its_header_cell_its_data_cell_and_a_width_by_weight():
    extra = OWN + [TableColumn("ghi_chu", "", 20)]
    table = _table(fit(TEMPLATE, extra))
    grid = [g.w.twips for g in table._tbl.tblGrid.gridCol_lst]
    old = [g.w.twips for g in _table(TEMPLATE)._tbl.tblGrid.gridCol_lst]
    assert len(grid) == 11 and sum(grid) == sum(old)          # the table keeps its width
    per_unit = sum(grid[:10]) / sum(c.weight for c in OWN)    # the template's width per declared `rong`
    assert abs(grid[10] - 20 * per_unit) <= len(grid)          # (the last column takes the rounding)
    assert [round(w / grid[0], 2) for w in grid[:10]] == [round(w / old[0], 2) for w in old]   # the others in proportion
    texts = [[c.text for c in r.cells] for r in table.rows]
    assert texts[0][10] == texts[1][10] == "{{ cot.ghi_chu }}"      # alone: spans both header rows
    data = next(r for r in texts if r[0] == "{{ r.tt }}")
    assert data[10] == "{{ r.ghi_chu }}" and len(data) == 11
    assert all(len(set(r)) == 1 for r in texts if r[0].startswith("{%tr"))   # tag rows span the table


def test_a_removed_column_leaves_no_cell_and_a_group_shrinks():
    fewer = [c for c in OWN if c.key != "vh_email"]
    table = _table(fit(TEMPLATE, fewer))
    texts = [[c.text for c in r.cells] for r in table.rows]
    assert len(table._tbl.tblGrid.gridCol_lst) == 9
    assert texts[0][7:] == ["{{ nhom_cot.vh_ten }}"] * 2 and texts[1][7:] == ["{{ cot.vh_ten }}", "{{ cot.vh_sdt }}"]
    assert not any("vh_email" in t for r in texts for t in r)


def test_columns_without_groups_have_one_header_row():
    table = _table(fit(TEMPLATE, [TableColumn(c.key, "", c.weight) for c in OWN]))
    texts = [[c.text for c in r.cells] for r in table.rows]
    assert texts[0][4] == "{{ cot.ld_ten }}" and texts[1][0].startswith("{%tr for g")
